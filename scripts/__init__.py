"""Build steps that run outside MkDocs: the whole build, checks, PDFs, benchmarks."""
