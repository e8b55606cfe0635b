"""The PDF build: printable PDFs made from the built site's HTML.

It runs after ``mkdocs build`` and reads only what is in ``site/``: the
pages' HTML and ``api/pack.json``. It does not know MkDocs, so the site
engine can change without touching it.

- :mod:`.site` reads the built site.
- :mod:`.html_tools` takes a page's article out of the theme and readies it
  for print: ids made unique, links pointed inside the PDF, tabs opened.
- :mod:`.documents` assembles each PDF's HTML: the whole pack, a handout per
  card, the question deck and list, the forms and templates.
- :mod:`.render` turns a document into a PDF with WeasyPrint, fetching only
  files inside the site and failing on any warning.
- :mod:`.cache` keys each PDF by a hash of everything that goes into it.
- :mod:`.build` renders what changed, in parallel, and writes
  ``downloads/manifest.json``.
- :mod:`.volumes` renders a very large pack in volumes, in parallel, and
  joins them into one tagged PDF, so that no process holds it all.
- :mod:`.memory` hands freed memory back after a large render.
- :mod:`.live` keeps the PDFs of ``make serve``'s preview up to date, in
  the background, after every rebuild.

Print looks come from the stylesheets in ``styles/``, split by concern:
fonts, variables, page rules, cover, contents, components, and one per
kind of document. Material's screen CSS is never given to WeasyPrint.
"""
