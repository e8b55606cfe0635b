"""Ready a page's article for print.

Each function takes an article element from :mod:`.site` and changes it in
place. Together they turn the screen page into print-ready HTML without a
second template: the same HTML, minus the parts only a screen needs.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterator
from urllib.parse import unquote, urlsplit
from xml.etree.ElementTree import Element, SubElement, tostring

#: Elements only the screen needs: permalinks, edit buttons, scripts,
#: filter forms, download buttons, the index tiles' icons (decoration beside
#: a label that says the same, which the PDF would tag as a figure) and
#: anything hidden.
_SCREEN_ONLY_CLASSES = (
    "headerlink",
    "md-content__button",
    "md-source-file",
    "alp-index__filters",
    "alp-icon",
    "alp-card__download",
    "alp-print__bundle",
    "alp-screen-only",
    "alp-session__run",
)
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")

#: Resolves (page URL, fragment) to an href in the PDF, or None when the
#: target is not part of this PDF.
LinkResolver = Callable[[str, str], str | None]


def classes(element: Element) -> list[str]:
    return (element.get("class") or "").split()


def _parents(root: Element) -> dict[Element, Element]:
    return {child: parent for parent in root.iter() for child in parent}


def remove(root: Element, predicate: Callable[[Element], bool]) -> None:
    """Remove every element under ``root`` for which ``predicate`` is true, keeping tails."""
    parents = _parents(root)
    for element in [el for el in root.iter() if el is not root and predicate(el)]:
        parent = parents.get(element)
        if parent is None:
            continue
        _drop(parent, element)


def _drop(parent: Element, element: Element) -> None:
    index = list(parent).index(element)
    if element.tail:
        if index > 0:
            previous = parent[index - 1]
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


#: The class of the line that says when a page was last reviewed (overrides/main.html).
REVIEW_LINE_CLASS = "alp-page-review"


def take_review_line(article: Element) -> str | None:
    """Take the page's review line out of ``article``, and give its text (None when it has none).

    A form puts it in its running footer instead, so that it never sits
    alone on a page of its own.
    """
    lines = [el for el in article.iter() if REVIEW_LINE_CLASS in classes(el)]
    if not lines:
        return None
    text = text_of(lines[0])
    remove(article, lambda el: el is lines[0])
    return text


#: How Material marks an image for one colour scheme: paper is the light one.
_DARK_ONLY = ("#only-dark", "#gh-dark-mode-only")


def strip_screen_only(article: Element) -> None:
    """Remove what only a screen needs, and images for the dark colour scheme (paper is light).

    A formula's <script type="math/tex"> stays, for formulas_online_only.
    """
    remove(
        article,
        lambda el: (
            (el.tag in {"script", "style", "noscript"} and not (el.get("type") or "").startswith("math/"))
            or el.get("hidden") is not None
            or any(name in classes(el) for name in _SCREEN_ONLY_CLASSES)
            or (el.tag == "img" and (el.get("src") or "").endswith(_DARK_ONLY))
        ),
    )


def ready_task_lists(article: Element) -> None:
    """Print each task's checkbox as a box (ticked when done) on the line of its text.

    pymdownx.tasklist writes a disabled <input> (inside a label, with
    custom_checkbox); a form field has no place in the pack, and the
    label's parts broke the line. A ticked box is marked
    print-task--done (the print styles draw the tick).
    """
    parents = _parents(article)
    for item in [el for el in article.iter("li") if "task-list-item" in classes(el)]:
        box = next((el for el in item.iter("input") if el.get("type") == "checkbox"), None)
        if box is None:
            continue
        holder = next((el for el in item if "task-list-control" in classes(el)), None)
        old = holder if holder is not None else box
        parent = item if holder is not None else parents.get(box, item)
        done = box.get("checked") is not None
        mark = Element("span", {"class": "print-task print-task--done" if done else "print-task"})
        mark.tail = old.tail
        parent.insert(list(parent).index(old), mark)
        parent.remove(old)


def open_tabs(article: Element) -> None:
    """Print every tab of a tabbed block, each under its label.

    Only a block's own labels and tabs are taken (a tab may hold tabs of
    its own, which are opened in their turn), and each printed label keeps
    the id of its tab's radio button, so a link to the tab still lands.
    """
    for tabbed in [el for el in article.iter("div") if "tabbed-set" in classes(el)]:
        ids = {child.get("id"): child for child in tabbed if child.tag == "input" and child.get("id")}
        label_box = next((child for child in tabbed if "tabbed-labels" in classes(child)), None)
        content_box = next((child for child in tabbed if "tabbed-content" in classes(child)), None)
        labels = [label for label in label_box if label.tag == "label"] if label_box is not None else []
        blocks = [block for block in content_box if "tabbed-block" in classes(block)] if content_box is not None else []
        for child in list(tabbed):
            tabbed.remove(child)
        tabbed.text = None
        tabbed.set("class", "tabbed-set print-tabs")
        for label, block in zip(labels, blocks, strict=False):
            heading = SubElement(tabbed, "p", {"class": "print-tab-title"})
            heading.text = "".join(label.itertext()).strip()
            if label.get("for") in ids:
                heading.set("id", str(label.get("for")))
            tabbed.append(block)


def flatten_definition_lists(article: Element) -> None:
    """Unwrap the <div> groups inside <dl>, which HTML allows.

    WeasyPrint 70 tags a <div> inside a <dl> as a child of the list, which
    PDF/UA-1 rejects; the plain dt/dd sequence tags correctly.
    """
    for dl in article.iter("dl"):
        children: list[Element] = []
        for child in list(dl):
            if child.tag == "div":
                children.extend(list(child))
            else:
                children.append(child)
        for child in list(dl):
            dl.remove(child)
        dl.extend(children)


def ready_code(article: Element) -> None:
    """Cut every block of code into a block per line, with its line number, so that long lines can wrap.

    On paper a line of code cannot scroll: it wraps, and the print styles
    mark where (components.css). That needs each line to be a block of its
    own, with its number beside it: Pygments' table of numbers beside the
    code (linenums with Material's default style) would no longer line up
    once a line wraps, so it is taken apart, and the numbers of
    ``linenums_style: pymdownx-inline`` or ``inline`` are moved out of the
    text. A line that ``hl_lines`` highlights is marked on its block. Links
    from a line's number to itself (``anchor_linenums``) are only for the
    screen and are dropped; the line's anchor stays, for links to it.
    """
    parents = _parents(article)
    #: The numbers of each table's lines (blank where linenums_step skips one), by its <pre>.
    table_numbers: dict[Element, list[str]] = {}
    for table in [el for el in article.iter("table") if "highlighttable" in classes(el)]:
        cells = {name: cell for cell in table.iter("td") for name in classes(cell)}
        pre = next(cells["code"].iter("pre"), None) if "code" in cells else None
        parent = parents.get(table)
        if pre is None or parent is None:
            continue
        numbers = "".join(cells["linenos"].itertext()).split("\n") if "linenos" in cells else []
        table_numbers[pre] = [number.strip() for number in numbers]
        pre.tail = table.tail
        parent.insert(list(parent).index(table), pre)
        parent.remove(table)
    for pre in list(article.iter("pre")):
        code = next((child for child in pre if child.tag == "code"), None)
        if code is None:
            continue
        numbers = table_numbers.get(pre, [])
        lines = _code_lines(code)
        code.clear()
        code.text = None
        numbered = bool(numbers)
        for index, line in enumerate(lines):
            for number_span in [el for el in line.iter("span") if "linenos" in classes(el)]:
                numbers.append((number_span.get("data-linenos") or text_of(number_span)).strip())
                _drop(_parents(line)[number_span], number_span)
                numbered = True
            for link in line.iter("a"):
                if (link.get("href") or "").startswith("#__codelineno-"):
                    link.attrib.pop("href")
            names = ["print-line"]
            if any("hll" in classes(el) for el in line.iter()):
                names.append("print-line--hl")
            line.set("class", " ".join(names))
            if index < len(numbers) and numbers[index]:
                line.set("data-line", numbers[index])
            code.append(line)
        pre.set("class", " ".join([*classes(pre), "print-code", *(["print-code--numbered"] if numbered else [])]))


def _code_lines(code: Element) -> list[Element]:
    """The content of ``code`` cut at each newline: a <span> per line, without the newlines.

    An element that runs over a newline (a string token of three lines, say)
    is cloned on each line it covers; only its first clone keeps its id.
    """
    lines = [Element("span")]
    stack: list[tuple[Element, Element]] = []  # the open elements of this line: (original, clone)
    cloned: set[int] = set()

    def open_path(path: tuple[Element, ...]) -> Element:
        kept = 0
        while kept < min(len(stack), len(path)) and stack[kept][0] is path[kept]:
            kept += 1
        del stack[kept:]
        for original in path[kept:]:
            clone = Element(original.tag, dict(original.attrib))
            if id(original) in cloned:
                clone.attrib.pop("id", None)
                clone.attrib.pop("name", None)
            cloned.add(id(original))
            (stack[-1][1] if stack else lines[-1]).append(clone)
            stack.append((original, clone))
        return stack[-1][1] if stack else lines[-1]

    def add_text(path: tuple[Element, ...], text: str) -> None:
        for index, piece in enumerate(text.split("\n")):
            if index:
                lines.append(Element("span"))
                stack.clear()
            if piece:
                target = open_path(path)
                if len(target):
                    target[-1].tail = (target[-1].tail or "") + piece
                else:
                    target.text = (target.text or "") + piece

    def walk(element: Element, path: tuple[Element, ...]) -> None:
        if element.text:
            add_text(path, element.text)
        for child in element:
            if len(child) or child.text:
                walk(child, (*path, child))
            else:
                leaf = Element(child.tag, dict(child.attrib))
                open_path(path).append(leaf)
            if child.tail:
                add_text(path, child.tail)

    walk(code, ())
    if len(lines) > 1 and not len(lines[-1]) and not lines[-1].text:
        lines.pop()
    return lines


_MATHML = "{http://www.w3.org/1998/Math/MathML}math"


def formulas_online_only(article: Element, block: str, inline: str, page_title: str, page_address: str | None) -> None:
    """Put a note that the formula is shown online where each formula was.

    pymdownx.arithmatex leaves TeX for MathJax or KaTeX, which run in the
    reader's browser; WeasyPrint would print the TeX source (or, for its
    <script> form, nothing). A formula set apart becomes a boxed note,
    ``block``, in which ``{page}`` is the page: a link to it on the site when
    the site has an address, else its title. One inside a sentence becomes
    ``inline``, a short note in brackets. MathML, which WeasyPrint cannot
    draw either, is treated the same.
    """
    parents = _parents(article)
    formulas = [
        el
        for el in article.iter()
        if "arithmatex" in classes(el)
        or el.tag == _MATHML
        or (el.tag == "script" and (el.get("type") or "").startswith("math/"))
    ]
    done: set[int] = set()
    for formula in formulas:
        ancestor, nested = parents.get(formula), False
        while ancestor is not None:
            nested = nested or id(ancestor) in done
            ancestor = parents.get(ancestor)
        parent = parents.get(formula)
        if nested or parent is None:
            continue
        done.add(id(formula))
        if formula.tag == "div" or "mode=display" in (formula.get("type") or "") or formula.get("display") == "block":
            note = Element("div", {"class": "print-online-only"})
            paragraph = SubElement(note, "p")
            before, _, after = block.partition("{page}")
            paragraph.text = before
            if page_address:
                link = SubElement(paragraph, "a", {"href": page_address})
                link.text = page_title
            else:
                name = SubElement(paragraph, "span", {"class": "print-online-only__page"})
                name.text = f"“{page_title}”"
            paragraph[-1].tail = after
        else:
            note = Element("span", {"class": "print-online-only print-online-only--inline"})
            note.text = inline
        note.tail = formula.tail
        parent.insert(list(parent).index(formula), note)
        parent.remove(formula)


def scope_table_headers(article: Element) -> None:
    """Give every header cell a scope: ``col`` in a row of header cells only, ``row`` beside data cells.

    The PDF's table header cells take their ``/Scope`` from it (see
    :mod:`.tagging`); a cell that already has a scope keeps it.
    """
    for row in article.iter("tr"):
        cells = [cell for cell in row if cell.tag in ("th", "td")]
        headers_only = all(cell.tag == "th" for cell in cells)
        for cell in cells:
            if cell.tag == "th" and not cell.get("scope"):
                cell.set("scope", "col" if headers_only else "row")


def open_details(article: Element) -> None:
    """Turn collapsible blocks into open admonitions."""
    for details in list(article.iter("details")):
        details.tag = "div"
        details.set("class", " ".join(["admonition", *classes(details)]))
        details.attrib.pop("open", None)
        for summary in details.iter("summary"):
            summary.tag = "p"
            summary.set("class", "admonition-title")


def namespace_ids(article: Element, prefix: str) -> None:
    """Prefix every id (and every reference to one) so pages can share a document.

    Ids inside an inline SVG stay as they are: its gradients, clips and
    ``<use>`` refer to them, and WeasyPrint draws each SVG as a document of
    its own, so they cannot clash with the page's.

    The ``name`` of an ``<a>`` is an anchor too (WeasyPrint takes it over the
    id), so it is prefixed in the same way: pymdownx.highlight's
    ``anchor_linenums`` gives every line of code ``<a id="x" name="x">``, and
    a page's links to its lines are prefixed by :func:`rewrite_links`.
    """
    for element in _outside_foreign(article):
        if element.get("id"):
            element.set("id", f"{prefix}--{element.get('id')}")
        if element.tag == "a" and element.get("name"):
            element.set("name", f"{prefix}--{element.get('name')}")
        for attribute in ("for", "aria-labelledby", "aria-describedby", "aria-controls"):
            value = element.get(attribute)
            if value:
                element.set(attribute, " ".join(f"{prefix}--{part}" for part in value.split()))


SVG = "http://www.w3.org/2000/svg"
_FOREIGN = (SVG, "http://www.w3.org/1998/Math/MathML")
#: How HTML writes the attributes the parser gives a namespace.
_ATTRIBUTE_PREFIXES = {
    "http://www.w3.org/1999/xlink": "xlink:",
    "http://www.w3.org/XML/1998/namespace": "xml:",
    "http://www.w3.org/2000/xmlns/": "xmlns:",
}


def _outside_foreign(root: Element) -> Iterator[Element]:
    """``root`` and its descendants, without looking inside an SVG or MathML element."""
    yield root
    for child in root:
        if isinstance(child.tag, str) and child.tag.startswith("{"):
            yield child
        else:
            yield from _outside_foreign(child)


def name_inline_svg(article: Element, fallback: str) -> None:
    """Give every inline SVG a <title>, the text that tags it for screen readers.

    WeasyPrint tags an inline SVG as a figure, with its <title> as the
    figure's alternative text; an icon from pymdownx.emoji (Material's
    ``to_svg``) has none. It is named by its own label, else the title of
    its emoji span, else the title of the link or button it is the only
    content of, else ``fallback`` (the word for an icon).
    """
    parents = _parents(article)
    for svg in article.iter(f"{{{SVG}}}svg"):
        if svg.find(f"{{{SVG}}}title") is not None:
            continue
        name = svg.get("aria-label") or ""
        ancestor = parents.get(svg)
        while not name.strip() and ancestor is not None and ancestor is not article:
            if ancestor.tag == "span" and ancestor.get("title"):
                name = ancestor.get("title", "").strip(":")
            elif ancestor.tag in ("a", "button"):
                if not text_of(ancestor):
                    name = ancestor.get("aria-label") or ancestor.get("title") or ""
                break
            ancestor = parents.get(ancestor)
        title = Element(f"{{{SVG}}}title")
        title.text = name.strip() or fallback
        svg.insert(0, title)


def plain_foreign_names(article: Element) -> None:
    """Write inline SVG and MathML as HTML does, so that WeasyPrint draws them.

    The HTML parser puts ``<svg>`` in the SVG namespace, and ElementTree
    would write it back as ``<ns0:svg xmlns:ns0="...">``, which an HTML
    parser (WeasyPrint's) reads as an unknown element and draws nothing
    for. Written plain, as ``<svg>`` and ``xlink:href``, it is parsed back
    into the SVG namespace. Call it last: later steps look for SVG by its
    namespaced name.
    """
    for element in article.iter():
        if not isinstance(element.tag, str) or not element.tag.startswith("{"):
            continue
        element.tag = element.tag.partition("}")[2]
        for name in [name for name in element.attrib if name.startswith("{")]:
            namespace, _, local = name[1:].partition("}")
            value = element.attrib.pop(name)
            prefix = _ATTRIBUTE_PREFIXES.get(namespace, "")
            element.set(local if prefix == "xmlns:" and local == "xmlns" else prefix + local, value)


def rewrite_links(article: Element, page_url: str, resolve: LinkResolver, site_url: str | None) -> None:
    """Point links at anchors inside the PDF, or at the published site.

    Images are made relative to the site root, since a document mixes pages
    from different folders and is rendered with the site root as its base.
    """
    for element in article.iter():
        if element.tag == "img" and element.get("src"):
            element.set("src", site_path(page_url, element.get("src", "")))
        if element.tag != "a" or not element.get("href"):
            continue
        href = element.get("href", "")
        if _SCHEME.match(href) or href.startswith("//"):
            continue
        parts = urlsplit(href)
        target = site_path(page_url, parts.path) if parts.path else page_url
        resolved = resolve(target, unquote(parts.fragment))
        if resolved is not None:
            element.set("href", resolved)
        elif site_url:
            element.set("href", site_url.rstrip("/") + "/" + target + (f"#{parts.fragment}" if parts.fragment else ""))
            # A page of this pack on the web: a handout names it without its address.
            element.set("class", " ".join([*classes(element), "pdf-site-link"]))
        else:
            element.attrib.pop("href")
            element.tag = "span"


def site_path(page_url: str, relative: str) -> str:
    """A path inside the site, from a page's relative one; a URL (https:, data:, //host) as it is.

    A URL is left for the PDF step's fetcher, which refuses it by name.
    """
    parts = urlsplit(relative)
    if parts.scheme or parts.netloc:
        return relative
    return posixpath.normpath(posixpath.join(posixpath.dirname(page_url), unquote(relative)))


def images_without_alt(article: Element) -> list[str]:
    """The src of every image that has no text alternative."""
    return [
        img.get("src", "?")
        for img in article.iter("img")
        if not (img.get("alt") or "").strip() and img.get("role") != "presentation"
    ]


def to_html(element: Element) -> str:
    return tostring(element, encoding="unicode", method="html")


def text_of(element: Element) -> str:
    return " ".join("".join(element.itertext()).split())
