"""The PDF build: printable PDFs made from the built site's HTML.

It runs after ``mkdocs build`` and reads only what is in ``site/``: the
pages' HTML and ``api/pack.json``, which lists the PDFs to make and carries
the strings and dates they print. It does not know MkDocs and imports
nothing from the site's code (``macros/``), so the site engine can change
without touching it; what both sides know of a built page's HTML is in
:mod:`site_html`.

- :mod:`.site` reads the built site.
- :mod:`.html_tools` takes a page's article out of the theme and readies it
  for print: ids made unique, links pointed inside the PDF, tabs opened.
- :mod:`.documents` assembles each PDF's HTML, as pack.json lists them: the
  whole pack (its cover and contents from ``templates/``), a handout per
  card, the question deck and list, the printed pages, the forms and
  templates.
- :mod:`.render` turns a document into a PDF with WeasyPrint, fetching only
  files inside the site and failing on any warning.
- :mod:`.cache` keys each PDF by a hash of everything that goes into it.
- :mod:`.chapters` cuts the pack into parts of a few chapters, and gives
  out the jobs that make it: the parts, the front, the footers, the join.
- :mod:`.join` joins the rendered parts into one tagged PDF (pikepdf).
- :mod:`.build` gives each job to a free worker, or takes it from the
  cache, and writes ``downloads/manifest.json``; :mod:`.links` then
  checks the pages' links to the PDFs.
- :mod:`.imposition` places the print-shop deck's cards, bleed and crop
  marks on a sheet; :mod:`.booklet` imposes a page's A5 render as a
  booklet to fold (pikepdf).
- :mod:`.word` makes the Word versions with pandoc, beside the PDFs.
- :mod:`.memory` hands freed memory back after a large render.
- :mod:`.speedups` unpacks fonts once and keeps pydyf's page references.
- :mod:`.live` keeps the PDFs of ``make serve``'s preview up to date, in
  the background, after every rebuild.

Print looks come from the stylesheets in ``styles/``, split by concern:
fonts, variables, page rules, cover, contents, components, and one per
kind of document. Material's screen CSS is never given to WeasyPrint.
"""
