"""Word versions of the forms, templates and handouts (issue 19, point 4).

Organisations adapt these documents locally, and many send them as Word
files. Each ``.docx`` is made from what its PDF is made from: the page's
HTML in the built site and ``api/pack.json`` (downloads of layout ``word``,
listed by macros/downloads.py), never from the site's code.

Why pandoc (PyPI's ``pypandoc-binary``, which ships the pandoc binary in
its wheel, so nothing is fetched at build time) and not python-docx alone:
pandoc reads the same HTML the PDFs are made from and writes real Word
structure from it: Heading 1, 2... styles from ``<h1>``, ``<h2>``..., table
header rows marked to repeat on each page (``w:tblHeader``), an image's alt
text in its description, the document's language in the default style,
lists as lists. Writing that by hand with python-docx would be a second
HTML-to-Word converter to keep. python-docx then does what pandoc leaves to
a reference document: it makes that reference document at build time from
the identity in pack.json (the heading colour, the header and footer with
the organisation's name, the paper), and it writes each file's properties
(title, author, subject, language, dates). The tests read the files with
python-docx too.

Form fields have no Word equivalent that every word processor keeps, so a
text field becomes an empty table cell beside its label, a box to write in
becomes an empty cell of as many lines, and a choice becomes a ballot box
(☐) before its value.

Each file is cached by a hash of its HTML, the reference document's inputs,
pandoc's and python-docx's versions and this module's code
(``.cache/pdf/word/``). The conversions run in threads, each starting a
pandoc process, beside the PDF workers (see :func:`start`).
"""

from __future__ import annotations

import base64
import hashlib
import html
import io
import mimetypes
import subprocess
import tempfile
import time
import zipfile
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element, SubElement

from . import html_tools as tools
from .documents import DocumentError, _inner, _ready, described
from .render import RenderError
from .site import OPEN_DATA, BuiltSite, Download, SiteError, fill_download_sizes, human_size

#: The layout pack.json gives a Word version (macros/downloads.py, ``word_versions``).
LAYOUT = "word"
#: A box a person ticks, for a radio button or checkbox of the HTML form (ticked: ☑).
BALLOT_BOX, TICKED_BOX = "\u2610", "\u2611"
#: The longest a pandoc run may take before the build gives up on it.
PANDOC_SECONDS = 120
#: Twentieths of a point per millimetre, Word's unit for page sizes and margins.
_TWIPS_PER_MM = 1440 / 25.4
_PAPER_MM = {"A4": (210.0, 297.0), "Letter": (215.9, 279.4)}
_MARGIN_MM = 20.0
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class WordError(RenderError):
    """A Word version could not be made; the message names the file and the page it comes from."""


@dataclass(frozen=True)
class WordFile:
    """A Word version made or reused: its download, its bytes' size and sha256, and how long it took."""

    download: Download
    size: int
    sha256: str
    seconds: float
    cached: bool


# -- pandoc and python-docx ------------------------------------------------------


@cache
def pandoc_path() -> str:
    """The pandoc binary inside the pypandoc-binary wheel."""
    import pypandoc  # type: ignore[import-untyped]

    return str(pypandoc.get_pandoc_path())


@cache
def converter_version() -> str:
    """What makes the files, for the cache key: pandoc's and python-docx's versions, and this module's code."""
    from importlib.metadata import version

    code = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()
    return f"pandoc {_pandoc_version()}; python-docx {version('python-docx')}; word.py {code}"


def _pandoc_version() -> str:
    result = subprocess.run([pandoc_path(), "--version"], capture_output=True, text=True, check=False, timeout=60)
    return result.stdout.splitlines()[0] if result.returncode == 0 and result.stdout else "unknown"


def _pandoc(arguments: list[str], stdin: bytes | None, what: str) -> bytes:
    """Run pandoc; a failure is a WordError naming ``what``, with pandoc's own words."""
    try:
        result = subprocess.run(
            [pandoc_path(), *arguments], input=stdin, capture_output=True, check=False, timeout=PANDOC_SECONDS
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise WordError(
            f"{what}: pandoc could not run ({error}); reinstall the build's packages (make install)"
        ) from None
    if result.returncode != 0:
        said = result.stderr.decode("utf-8", "replace").strip() or f"exit status {result.returncode}"
        raise WordError(f"{what}: pandoc failed: {said}")
    return result.stdout


# -- the reference document: the identity's styles, header and footer -----------


def reference_inputs(site: BuiltSite) -> dict[str, Any]:
    """Everything the reference document is made from (and so part of every file's cache key)."""
    identity = site.identity
    return {
        "organisation": identity["organisation"],
        "colours": identity["colours"],
        "paper": identity.get("paper") or "A4",
        "footer": _footer_text(site),
        "language": site.language,
    }


def _footer_text(site: BuiltSite) -> str:
    """The footer's line, as a PDF handout's: the licence and the attribution."""
    identity = site.identity
    licence = site.t("pdf.licence", licence=identity["licence"])
    attribution = tools.text_of(_fragment(identity["attribution_html"]))
    return f"{licence}. {attribution}".strip()


def _fragment(markup: str) -> Element:
    import tinyhtml5

    document: Element = tinyhtml5.parse(f"<div>{markup}</div>", namespace_html_elements=False)
    body = document.find("body")
    assert body is not None
    return body


def make_reference(inputs: dict[str, Any], destination: Path) -> None:
    """Write the reference document pandoc takes its styles, header and footer from.

    It starts from pandoc's own (so every style pandoc uses is there) and
    takes the identity's primary colour for the headings and title, a
    ruled table style (so a blank cell shows where to write), the paper
    and margins, the organisation's name in the header and the licence
    line in the footer.
    """
    import docx
    from docx.shared import Mm, RGBColor

    data = _pandoc(["--print-default-data-file", "reference.docx"], None, "the Word reference document")
    document = docx.Document(io.BytesIO(data))
    colour = RGBColor.from_string(str(inputs["colours"]["primary"]).lstrip("#").upper())
    names = {"Title", *(f"Heading {level}" for level in range(1, 10))}
    for style in document.styles:
        if style.name in names or style.name in {f"{name} Char" for name in names}:
            style.font.color.rgb = colour  # python-docx drops the theme colour it replaces
    _rule_tables(document.styles["Table"].element)
    width, height = _PAPER_MM.get(str(inputs["paper"]), _PAPER_MM["A4"])
    section = document.sections[0]
    section.page_width, section.page_height = Mm(width), Mm(height)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(_MARGIN_MM))
    section.header_distance = section.footer_distance = Mm(_MARGIN_MM / 2)
    section.header.paragraphs[0].text = str(inputs["organisation"])
    section.header.paragraphs[0].style = _style(document, "Header")
    section.footer.paragraphs[0].text = str(inputs["footer"])
    section.footer.paragraphs[0].style = _style(document, "Footer")
    document.save(str(destination))


def _style(document: Any, name: str) -> Any:
    """The style of that name, if the reference document has it."""
    return next((style for style in document.styles if style.name == name), None)


def _rule_tables(style: Any) -> None:
    """Give the table style a thin rule round every cell, and its header row bold."""
    properties = style.find(f"{_W}tblPr")
    if properties is None:
        properties = style.makeelement(f"{_W}tblPr", {})
        style.append(properties)
    for old in properties.findall(f"{_W}tblBorders"):
        properties.remove(old)
    borders = properties.makeelement(f"{_W}tblBorders", {})
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(
            borders.makeelement(f"{_W}{side}", {f"{_W}val": "single", f"{_W}sz": "4", f"{_W}color": "767676"})
        )
    # A header row in bold (its rPr comes before the row's and cells' properties).
    for header in style.findall(f"{_W}tblStylePr"):
        if header.get(f"{_W}type") == "firstRow" and header.find(f"{_W}rPr") is None:
            bold = header.makeelement(f"{_W}rPr", {})
            bold.append(bold.makeelement(f"{_W}b", {}))
            later_part = next((child for child in header if child.tag != f"{_W}pPr"), None)
            if later_part is None:
                header.append(bold)
            else:
                later_part.addprevious(bold)
    # Word reads a table's properties in the schema's order: the borders come before these.
    later = next((child for child in properties if child.tag in _AFTER_BORDERS), None)
    if later is None:
        properties.append(borders)
    else:
        later.addprevious(borders)


_AFTER_BORDERS = {f"{_W}{name}" for name in ("shd", "tblLayout", "tblCellMar", "tblLook", "tblCaption")}


# -- each document's HTML ---------------------------------------------------------


def word_html(site: BuiltSite, download: Download) -> str:
    """The HTML pandoc reads for one Word version: the page's article as its PDF has it, fields made blanks.

    It has no <title>: pandoc would print it as a Title paragraph above the
    page's own heading. The title goes into the file's properties instead.
    """
    url = download.page
    if not url:
        raise SiteError(
            f"{site.root / OPEN_DATA}: the Word version {download.file} is made from one page, but names none; "
            "build the site again (make) with the same version of the code as the PDF step"
        )
    article = _ready(
        site, url, lambda target, fragment: (f"#{fragment}" if fragment else "#") if target == url else None, None
    )
    # The page's review line is the pack's own date: an organisation that adapts the file reviews it itself,
    # and would have to delete the line by hand.
    tools.take_review_line(article)
    # Text for screen readers alone (a rating's legend): a Word file has no hidden text; its table says it.
    tools.remove(article, lambda el: "alp-visually-hidden" in tools.classes(el))
    blank_fields(article)
    _embed_images(site, article, download)
    logo = _logo(site, download)
    return (
        f'<!DOCTYPE html>\n<html lang="{html.escape(site.language)}">\n<head><meta charset="utf-8"></head>\n'
        f"<body>\n{logo}{_inner(article)}\n</body>\n</html>\n"
    )


def blank_fields(article: Element) -> None:
    """Turn the HTML form's fields into what a person can type into in Word.

    Consecutive one-line fields become one table of label and empty cell;
    a box for a longer answer, its label and an empty cell of its lines;
    a radio button or checkbox, a ballot box before its value; a task's
    box (ready_task_lists' span), a ballot box too.
    """
    for section in [el for el in article.iter() if "alp-form__section" in tools.classes(el)]:
        _field_tables(section)
    for question in [el for el in article.iter("div") if "alp-form__question" in tools.classes(el)]:
        label = next(question.iter("label"), None)
        box = next(question.iter("textarea"), None)
        rows = box.get("rows", "") if box is not None else ""
        lines = int(rows) if rows.isdigit() else 3
        tail = question.tail
        question.clear()
        question.tail = tail
        if label is not None:
            paragraph = SubElement(question, "p")
            SubElement(paragraph, "strong").text = tools.text_of(label)
        question.append(_answer_table([None], lines))
    for table in [el for el in article.iter("table") if "alp-form__ratings" in tools.classes(el)]:
        _widen_first_column(table)
    parents = tools._parents(article)
    for element in list(article.iter()):
        if element.tag == "input" and element.get("type") in {"radio", "checkbox"}:
            ticked = element.get("checked") is not None
            _replace(parents, element, TICKED_BOX if ticked else BALLOT_BOX, "\u00a0")
            label = parents.get(element)
            if label is not None and label.tag == "label" and not (label.tail or "").strip():
                label.tail = " "  # the choices of a rating sit side by side, a space apart
        elif element.tag == "span" and "print-task" in tools.classes(element):
            _replace(parents, element, TICKED_BOX if "print-task--done" in tools.classes(element) else BALLOT_BOX, " ")
        elif element.tag in {"input", "textarea"}:
            _replace(parents, element, "\u00a0" + "_" * 20, "")
        elif element.tag == "select":
            options = [tools.text_of(option) for option in element.iter("option")]
            _replace(parents, element, " ".join(f"{BALLOT_BOX}\u00a0{option}" for option in options), "")


def _field_tables(section: Element) -> None:
    """Consecutive label-and-field lines in ``section`` become one table: the label, then a cell to type in."""
    children = list(section)
    run: list[Element] = []
    for child in [*children, None]:
        if child is not None and child.tag == "div" and "alp-form__field" in tools.classes(child):
            run.append(child)
            continue
        if run:
            labels = [tools.text_of(label) for field in run for label in field.iter("label")]
            table = _answer_table(labels, 1)
            section.insert(list(section).index(run[0]), table)
            for field in run:
                section.remove(field)
            run = []


#: The share of a ratings table's width its statements take; the choices share the rest.
RATED_STATEMENT_SHARE = 40


def _widen_first_column(table: Element) -> None:
    """Give a ratings table's statements the widest column, so that each row of choices fits on one line."""
    first_row = next(table.iter("tr"), None)
    columns = len([cell for cell in first_row if cell.tag in {"th", "td"}]) if first_row is not None else 0
    if columns < 2 or table.find("colgroup") is not None:
        return
    rest = (100 - RATED_STATEMENT_SHARE) / (columns - 1)
    group = Element("colgroup")
    for share in [RATED_STATEMENT_SHARE, *([rest] * (columns - 1))]:
        SubElement(group, "col", {"style": f"width: {share:g}%"})
    table.insert(0, group)


def _answer_table(labels: Sequence[str | None], lines: int) -> Element:
    """A table with one row a label: a row header, if the label is given, and an empty cell of ``lines`` lines."""
    table = Element("table", {"class": "word-answers"})
    group = SubElement(table, "colgroup")  # the whole width of the page, the labels on two fifths
    for share in (40, 60) if any(label is not None for label in labels) else (100,):
        SubElement(group, "col", {"style": f"width: {share}%"})
    body = SubElement(table, "tbody")
    for label in labels:
        row = SubElement(body, "tr")
        if label is not None:
            SubElement(row, "th", {"scope": "row"}).text = label
        cell = SubElement(row, "td")
        for _ in range(max(1, lines)):
            SubElement(cell, "p").text = "\u00a0"
    return table


def _replace(parents: dict[Element, Element], element: Element, text: str, after: str) -> None:
    """Put ``text`` where ``element`` was, keeping the text that followed it."""
    parent = parents.get(element)
    if parent is None:
        return
    mark = Element("span")
    mark.text = text + after
    mark.tail = element.tail
    parent.insert(list(parent).index(element), mark)
    parent.remove(element)


def _embed_images(site: BuiltSite, article: Element, download: Download) -> None:
    """Hand pandoc each image inside the HTML (a data: URL), so that it reads no file and fetches nothing."""
    for image in article.iter("img"):
        image.set("src", _data_url(site, image.get("src") or "", download))


def _data_url(site: BuiltSite, src: str, download: Download) -> str:
    if src.startswith("data:"):
        return src
    path = (site.root / src).resolve()
    if ":" in src.split("/", 1)[0] or not path.is_file() or not path.is_relative_to(site.root.resolve()):
        raise DocumentError(
            f"{download.page}: the image {src} is not a file of the site, and {download.file} may only use "
            "the site's own images; put the image in docs/ and link to it there"
        )
    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return f"data:{kind};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


def _logo(site: BuiltSite, download: Download) -> str:
    """The organisation's logo above the document, named by the organisation (its alt text)."""
    logo = site.identity.get("logo")
    if not logo or not (site.root / str(logo)).is_file():
        return ""
    src = _data_url(site, str(logo), download)
    alt = html.escape(str(site.identity["organisation"]))
    return f'<p><img src="{src}" alt="{alt}" height="48"></p>\n'


# -- one file ---------------------------------------------------------------------


def word_key(html_text: str, reference: dict[str, Any]) -> str:
    """The cache key of one Word file: its HTML, the reference document's inputs, the converter's version."""
    digest = hashlib.sha256()
    digest.update(converter_version().encode())
    digest.update(repr(sorted(reference.items())).encode())
    digest.update(hashlib.sha256(html_text.encode()).digest())
    return digest.hexdigest()


@dataclass(frozen=True)
class Properties:
    """What goes into a file's core properties."""

    title: str
    author: str
    subject: str
    keywords: str
    language: str
    edition: str


def properties(site: BuiltSite, download: Download) -> Properties:
    """A file's properties: titled like its PDF, authored by the organisation, dated by the edition."""
    organisation = str(site.identity["organisation"])
    return Properties(
        title=described(site, download.title, download.kind),
        author=organisation,
        subject=f"{site.title}: {download.title}",
        keywords=f"action learning, facilitation, {download.kind}",
        language=site.language,
        edition=str(site.identity["edition"]),
    )


def _timed_convert(html_text: str, reference: Path, facts: Properties, what: str) -> tuple[bytes, float]:
    """:func:`convert`, and the seconds it took (not counting the wait for a free thread)."""
    started = time.monotonic()
    return convert(html_text, reference, facts, what), time.monotonic() - started


def convert(html_text: str, reference: Path, facts: Properties, what: str) -> bytes:
    """One Word file from its HTML: pandoc writes it, python-docx finishes its properties and alt text."""
    arguments = ["--from=html", "--to=docx", "--sandbox", "--fail-if-warnings", f"--reference-doc={reference}"]
    arguments += [f"--metadata=lang:{facts.language}", "--output=-"]
    made = _pandoc(arguments, html_text.encode("utf-8"), what)
    return finish(made, facts)


def finish(data: bytes, facts: Properties) -> bytes:
    """Write the properties and alt text pandoc leaves, and date every part by the edition (same input, same bytes)."""
    import docx

    document = docx.Document(io.BytesIO(data))
    core = document.core_properties
    edition = datetime.fromisoformat(facts.edition).replace(tzinfo=UTC)
    core.title, core.author, core.last_modified_by = facts.title, facts.author, facts.author
    core.subject, core.keywords, core.language = facts.subject, facts.keywords, facts.language
    core.created = core.modified = edition
    core.revision = 1
    _keep_answers_whole(document)
    # pandoc names each picture by its source, here a long data: URL; its alt text is in docPr's descr.
    for picture in document.element.body.iter("{http://schemas.openxmlformats.org/drawingml/2006/picture}cNvPr"):
        picture.set("descr", "")
    out = io.BytesIO()
    document.save(out)
    return _dated(out.getvalue(), edition)


def _keep_answers_whole(document: Any) -> None:
    """A box to write in is not split between pages, nor parted from the question above it.

    A table whose last column is empty in every row is one :func:`_answer_table` made.
    """
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    for table in document.tables:
        if any(row.cells[-1].text.strip() for row in table.rows):
            continue
        for row in table.rows:
            properties = row._tr.get_or_add_trPr()
            if properties.find(qn("w:cantSplit")) is None:
                properties.append(properties.makeelement(qn("w:cantSplit"), {}))
        before = table._tbl.getprevious()
        while before is not None and before.tag == qn("w:bookmarkStart"):
            before = before.getprevious()
        if before is not None and before.tag == qn("w:p"):
            Paragraph(before, table._parent).paragraph_format.keep_with_next = True


def _dated(data: bytes, when: datetime) -> bytes:
    """The same zip with every entry dated ``when``, so that two builds give the same bytes."""
    stamp = (when.year, when.month, when.day, 0, 0, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, source.read(entry.filename))
    return out.getvalue()


# -- the cache ----------------------------------------------------------------------


class WordCache:
    """A folder of Word files named by their key."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.used: set[str] = set()

    def get(self, key: str) -> bytes | None:
        path = self.folder / f"{key}.docx"
        if not path.is_file():
            return None
        self.used.add(key)
        return path.read_bytes()

    def put(self, key: str, data: bytes) -> None:
        from .cache import _write_whole

        self.folder.mkdir(parents=True, exist_ok=True)
        _write_whole(self.folder / f"{key}.docx", data)
        self.used.add(key)

    def prune(self) -> None:
        """Forget files this build did not use."""
        if self.folder.is_dir():
            for path in self.folder.glob("*.docx"):
                if path.stem not in self.used:
                    path.unlink()


# -- the step -------------------------------------------------------------------------


def word_downloads(site: BuiltSite) -> list[Download]:
    return [download for download in site.downloads if download.layout == LAYOUT]


def make_word(site_root: Path, cache_dir: Path, jobs: int, log: Callable[[str], object] = print) -> list[WordFile]:
    """Make or reuse every Word version pack.json lists; a WordError names every one that failed.

    The HTML of each is assembled here; those not in the cache are converted
    ``jobs`` at a time, each by a pandoc process of its own.
    """
    started = time.monotonic()
    site = BuiltSite(site_root)  # its own reader: the PDF step's is used by another thread
    cache = WordCache(cache_dir / "word")
    reference_facts = reference_inputs(site)
    listed = word_downloads(site)
    made: dict[str, WordFile] = {}
    failures: list[str] = []
    with tempfile.TemporaryDirectory(prefix="word-") as scratch, ThreadPoolExecutor(max(1, jobs)) as pool:
        reference: Path | None = None
        running: dict[str, tuple[Future[tuple[bytes, float]], str]] = {}
        for download in listed:
            try:
                text = word_html(site, download)
            except (DocumentError, SiteError) as error:
                failures.append(str(error))
                continue
            key = word_key(text, reference_facts)
            cached = cache.get(key)
            if cached is not None:
                made[download.file] = _record(site, download, cached, 0.0, cached=True)
                log(f"  reused   {download.file}")
                continue
            if reference is None:
                reference = Path(scratch) / "reference.docx"
                try:
                    make_reference(reference_facts, reference)
                except WordError as error:
                    raise WordError(f"{error}\nno Word version was made") from None
            what = f"{download.file} (the Word version of {download.version_of}, from {download.page})"
            future = pool.submit(_timed_convert, text, reference, properties(site, download), what)
            running[download.file] = (future, key)
        for download in listed:
            if download.file not in running:
                continue
            future, key = running[download.file]
            try:
                data, seconds = future.result()
            except WordError as error:
                failures.append(str(error))
                log(f"  FAILED   {download.file}")
                continue
            except Exception as error:  # every failure is reported, with the file it stopped
                failures.append(f"{download.file}: {type(error).__name__}: {error} (a bug in scripts/pdf/word.py)")
                log(f"  FAILED   {download.file}")
                continue
            cache.put(key, data)
            made[download.file] = _record(site, download, data, seconds, cached=False)
            log(f"  rendered {download.file}  ({human_size(len(data))}, {seconds:.1f} s)")
    if failures:
        raise WordError("\n".join(failures))
    cache.prune()
    files = [made[download.file] for download in listed]
    if files:
        log(summary(files, time.monotonic() - started))
    return files


def _record(site: BuiltSite, download: Download, data: bytes, seconds: float, cached: bool) -> WordFile:
    path = site.downloads_dir / download.file
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return WordFile(download, len(data), hashlib.sha256(data).hexdigest(), seconds, cached)


def start(
    site_root: Path, cache_dir: Path, jobs: int, log: Callable[[str], object]
) -> tuple[ThreadPoolExecutor, Future[list[WordFile]]]:
    """Start the Word step in a thread of its own, so that it runs while the PDF workers render.

    Its pandoc processes share the cores with the PDF workers: the build
    takes about as long as both steps' CPU time over the cores, not the sum
    of their times.
    """
    runner = ThreadPoolExecutor(1, thread_name_prefix="word")
    return runner, runner.submit(make_word, site_root, cache_dir, jobs, log)


def summary(files: list[WordFile], seconds: float) -> str:
    """A line of totals: files, size, how many were made, and the step's time (it runs beside the PDFs)."""
    made = sum(1 for item in files if not item.cached)
    total = sum(item.size for item in files)
    converting = sum(item.seconds for item in files)
    return (
        f"{len(files)} Word files, {human_size(total)}; {made} made, {len(files) - made} reused; "
        f"{seconds:.1f} s beside the PDFs ({converting:.1f} s converting)"
    )


def add_to_manifest(site: BuiltSite, files: list[WordFile]) -> None:
    """List every Word file in downloads/manifest.json after the PDFs: its size and sha256 (no page count)."""
    import json

    path = site.downloads_dir / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest["documents"] += [
        {
            "file": item.download.file,
            "title": item.download.title,
            "kind": item.download.kind,
            "bytes": item.size,
            "sha256": item.sha256,
            "version": item.download.version,
            "version_of": item.download.version_of,
        }
        for item in files
    ]
    path.write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def finish_step(site: BuiltSite, files: list[WordFile]) -> None:
    """After the PDFs: list the Word files in the manifest and fill their sizes into the Downloads page."""
    add_to_manifest(site, files)
    fill_download_sizes(site.root, {item.download.file: item.size for item in files})
