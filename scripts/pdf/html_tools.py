"""Ready a page's article for print.

Each function takes an article element from :mod:`.site` and changes it in
place. Together they turn the screen page into print-ready HTML without a
second template: the same HTML, minus the parts only a screen needs.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from urllib.parse import unquote, urlsplit
from xml.etree.ElementTree import Element, SubElement, tostring

#: Elements only the screen needs: permalinks, edit buttons, scripts,
#: filter forms, download buttons and anything hidden.
_SCREEN_ONLY_CLASSES = (
    "headerlink",
    "md-content__button",
    "md-source-file",
    "alp-index__filters",
    "alp-card__download",
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


def strip_screen_only(article: Element) -> None:
    remove(
        article,
        lambda el: (
            el.tag in {"script", "style", "noscript"}
            or el.get("hidden") is not None
            or any(name in classes(el) for name in _SCREEN_ONLY_CLASSES)
        ),
    )


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
    """Prefix every id (and every reference to one) so pages can share a document."""
    for element in article.iter():
        if element.get("id"):
            element.set("id", f"{prefix}--{element.get('id')}")
        for attribute in ("for", "aria-labelledby", "aria-describedby", "aria-controls"):
            value = element.get(attribute)
            if value:
                element.set(attribute, " ".join(f"{prefix}--{part}" for part in value.split()))


def rewrite_links(article: Element, page_url: str, resolve: LinkResolver, site_url: str | None) -> None:
    """Point links at anchors inside the PDF, or at the published site.

    Images are made relative to the site root, since a document mixes pages
    from different folders and is rendered with the site root as its base.
    """
    for element in article.iter():
        if element.tag == "img" and element.get("src"):
            element.set("src", _site_path(page_url, element.get("src", "")))
        if element.tag != "a" or not element.get("href"):
            continue
        href = element.get("href", "")
        if _SCHEME.match(href) or href.startswith("//"):
            continue
        parts = urlsplit(href)
        target = _site_path(page_url, parts.path) if parts.path else page_url
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


def _site_path(page_url: str, relative: str) -> str:
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
