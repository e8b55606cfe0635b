"""Readying a page's HTML for print, without rendering a PDF."""

from __future__ import annotations

from pathlib import Path
from xml.etree.ElementTree import Element

import tinyhtml5

from scripts.pdf import documents, html_tools
from scripts.pdf.documents import Document, page_id
from scripts.pdf.site import BuiltSite

NESTED_TABS = """<div class="tabbed-set tabbed-alternate" data-tabs="1:2">
<input checked id="__tabbed_1_1" name="__tabbed_1" type="radio"><input id="__tabbed_1_2" name="__tabbed_1" type="radio">
<div class="tabbed-labels"><label for="__tabbed_1_1">Outer A</label><label for="__tabbed_1_2">Outer B</label></div>
<div class="tabbed-content">
<div class="tabbed-block"><p>Text of outer A</p>
<div class="tabbed-set tabbed-alternate" data-tabs="2:2">
<input checked id="__tabbed_2_1" name="__tabbed_2" type="radio"><input id="__tabbed_2_2" name="__tabbed_2" type="radio">
<div class="tabbed-labels"><label for="__tabbed_2_1">Inner 1</label><label for="__tabbed_2_2">Inner 2</label></div>
<div class="tabbed-content"><div class="tabbed-block"><p>Text of inner 1</p></div><div class="tabbed-block"><p>Text of inner 2</p></div></div>
</div>
</div>
<div class="tabbed-block"><p>Text of outer B</p></div>
</div>
</div>"""


def test_nested_tabs_print_in_order_and_keep_their_anchors() -> None:
    document = tinyhtml5.parse(f"<article>{NESTED_TABS}</article>", namespace_html_elements=False)
    article = next(document.iter("article"))
    html_tools.open_tabs(article)
    text = " ".join(" ".join(article.itertext()).split())
    assert text == "Outer A Text of outer A Inner 1 Text of inner 1 Inner 2 Text of inner 2 Outer B Text of outer B"
    titles = {el.text: el.get("id") for el in article.iter("p") if "print-tab-title" in html_tools.classes(el)}
    assert titles == {
        "Outer A": "__tabbed_1_1",
        "Outer B": "__tabbed_1_2",
        "Inner 1": "__tabbed_2_1",
        "Inner 2": "__tabbed_2_2",
    }
    assert not list(article.iter("input"))


def _links(site_url: str | None) -> list[tuple[str, str | None, str]]:
    article = tinyhtml5.parse(
        '<article><a href="../tools/check-in.html">Check-in</a> <a href="#steps">Steps</a> '
        '<a href="https://www.legislation.gov.uk/">the Act</a></article>',
        namespace_html_elements=False,
    ).find(".//article")
    html_tools.rewrite_links(
        article, "programme/index.html", lambda target, fragment: "#in-pdf" if fragment else None, site_url
    )
    return [(element.tag, element.get("href"), element.text or "") for element in article]


def test_a_page_not_in_the_pdf_links_to_the_site_address_when_one_is_set() -> None:
    assert _links("https://learning.our.org.uk/pack/") == [
        ("a", "https://learning.our.org.uk/pack/tools/check-in.html", "Check-in"),
        ("a", "#in-pdf", "Steps"),
        ("a", "https://www.legislation.gov.uk/", "the Act"),
    ]


def test_with_no_site_address_a_page_not_in_the_pdf_is_named_without_a_link() -> None:
    assert _links(None) == [
        ("span", None, "Check-in"),
        ("a", "#in-pdf", "Steps"),
        ("a", "https://www.legislation.gov.uk/", "the Act"),
    ]


def _article(markup: str) -> Element:
    document = tinyhtml5.parse(f"<article>{markup}</article>", namespace_html_elements=False)
    return next(document.iter("article"))


#: pymdownx.highlight with anchor_linenums: true, line_spans: __span and
#: linenums (Material's recommended settings), as the site builds it.
NUMBERED_CODE = """<div class="language-python highlight"><table class="highlighttable"><tr><td class="linenos"><div class="linenodiv"><pre><span></span><span class="normal"><a href="#__codelineno-0-1">1</a></span>
<span class="normal"><a href="#__codelineno-0-2">2</a></span></pre></div></td><td class="code"><div><pre><span></span><code><span id="__span-0-1"><a id="__codelineno-0-1" name="__codelineno-0-1"></a><span class="k">def</span><span class="w"> </span><span class="nf">greet</span><span class="p">():</span>
</span><span id="__span-0-2"><a id="__codelineno-0-2" name="__codelineno-0-2"></a><span class="hll">    <span class="k">return</span> <span class="s2">"a string"</span>
</span></span></code></pre></div></td></tr></table></div>
<div class="language-text highlight"><pre><span></span><code><span id="__span-1-1"><a id="__codelineno-1-1" name="__codelineno-1-1" href="#__codelineno-1-1"></a>plain text
</span></code></pre></div>
<p>See <a href="#__codelineno-0-2">line 2</a>.</p>"""


def _pack_resolver(page: str) -> html_tools.LinkResolver:
    def resolve(target: str, fragment: str) -> str | None:
        return f"#{page_id(target)}--{fragment}" if target == page and fragment else None

    return resolve


def test_code_line_anchors_are_prefixed_by_name_as_well_as_id() -> None:
    """anchor_linenums gives each line <a id name>: WeasyPrint anchors the name, so both are prefixed."""
    article = _article(NUMBERED_CODE)
    html_tools.namespace_ids(article, page_id("guides/features.html"))
    html_tools.rewrite_links(article, "guides/features.html", _pack_resolver("guides/features.html"), None)
    anchors = {el.get("name") or el.get("id") for el in article.iter() if el.get("id") or el.get("name")}
    assert all(anchor.startswith("p-guides-features--") for anchor in anchors), anchors
    assert all(el.get("name") in (None, el.get("id")) for el in article.iter("a"))
    targets = {el.get("href", "")[1:] for el in article.iter("a") if el.get("href", "").startswith("#")}
    assert "p-guides-features--__codelineno-0-2" in targets
    assert targets <= anchors


#: Icons from pymdownx.emoji with Material's twemoji index and to_svg: one
#: beside text, one alone in a button, and an SVG with a gradient of its own.
ICONS = """<p><span class="twemoji"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M21 7 9 19l-5.5-5.5z"/></svg></span> Done</p>
<p><a class="md-button" href="../downloads.html" title="Download"><span class="twemoji"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M5 20h14v-2H5z"/></svg></span></a></p>
<p><svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" id="chart" viewBox="0 0 4 4"><title>A chart</title><defs><linearGradient id="g"/></defs><use xlink:href="#g"/><rect fill="url(#g)" width="4" height="4"/></svg></p>"""


def test_inline_svg_is_written_so_that_an_html_parser_reads_it_back_as_svg() -> None:
    article = _article(ICONS)
    html_tools.namespace_ids(article, "p-page")
    html_tools.name_inline_svg(article, "Icon")
    html_tools.plain_foreign_names(article)
    markup = html_tools.to_html(article)
    assert "ns0" not in markup and "xmlns:ns" not in markup
    # Parsed again as WeasyPrint parses the document.
    again = _article(markup)
    svgs = list(again.iter(f"{{{html_tools.SVG}}}svg"))
    assert len(svgs) == 3
    titles = [svg.findtext(f"{{{html_tools.SVG}}}title") for svg in svgs]
    assert titles == ["Icon", "Download", "A chart"]
    assert [len(svg.findall(f"{{{html_tools.SVG}}}path")) for svg in svgs[:2]] == [1, 1]
    # The SVG's own ids and references are untouched; its id on the page is prefixed.
    chart = svgs[2]
    assert chart.get("id") == "p-page--chart"
    assert chart.find(f".//{{{html_tools.SVG}}}linearGradient").get("id") == "g"
    assert chart.find(f"{{{html_tools.SVG}}}use").get("{http://www.w3.org/1999/xlink}href") == "#g"


def _lines(article: Element) -> list[tuple[str | None, str, bool]]:
    """Each printed line of code: (its number, its text, whether it is highlighted)."""
    return [
        (line.get("data-line"), "".join(line.itertext()), "print-line--hl" in html_tools.classes(line))
        for line in article.iter("span")
        if "print-line" in html_tools.classes(line)
    ]


def test_numbered_code_prints_a_block_per_line_with_its_number_and_no_table() -> None:
    article = _article(NUMBERED_CODE)
    html_tools.ready_code(article)
    assert not list(article.iter("table"))
    assert _lines(article) == [
        ("1", "def greet():", False),
        ("2", '    return "a string"', True),
        (None, "plain text", False),
    ]
    pres = list(article.iter("pre"))
    assert ["print-code--numbered" in html_tools.classes(pre) for pre in pres] == [True, False]
    # Each line keeps its anchor, for links to it; the line's link to itself is gone.
    anchors = [a for a in article.iter("a") if a.get("id", "").startswith("__codelineno-")]
    assert [a.get("id") for a in anchors] == ["__codelineno-0-1", "__codelineno-0-2", "__codelineno-1-1"]
    assert not any(a.get("href") for a in anchors)
    assert [a.get("href") for a in article.iter("a") if a.get("href")] == ["#__codelineno-0-2"]


def test_a_token_over_several_lines_is_cut_at_each_and_keeps_its_id_once() -> None:
    article = _article(
        '<div class="highlight"><pre><code><span class="linenos" data-linenos="7 "></span>'
        '<span class="s" id="doc">"""One\n<span class="linenos" data-linenos="8 "></span>two\n'
        '<span class="linenos" data-linenos="9 "></span>three"""</span>\n</code></pre></div>'
    )
    html_tools.ready_code(article)
    assert _lines(article) == [("7", '"""One', False), ("8", "two", False), ("9", 'three"""', False)]
    assert [el.get("id") for el in article.iter("span") if "s" in html_tools.classes(el)] == ["doc", None, None]
    assert not [el for el in article.iter("span") if "linenos" in html_tools.classes(el)]


def _built_site(**data: object) -> BuiltSite:
    """A built site's open data, without the site (for the parts that read only that)."""
    site = BuiltSite(Path("/nowhere"))
    site.__dict__["data"] = {
        "title": "Our pack",
        "language": "en",
        "identity": {"edition": "2026-01-31", "organisation": "Our trust"},
        "strings": {"pdf.contents": "Contents"},
        **data,
    }
    return site


def test_the_contents_name_each_chapter_by_its_own_heading() -> None:
    pages = [
        {"url": "index.html", "title": "Home", "sections": []},
        {"url": "guides/evaluation.html", "title": "Evaluation", "sections": ["Guides"]},
    ]
    contents = _article(documents._contents(_built_site(), pages, {"index.html": "Our pack"}))
    entries = [(a.get("href"), a.text) for a in contents.iter("a")]
    assert entries == [("#p-index", "Our pack"), ("#p-guides-evaluation", "Evaluation")]


def test_the_pack_pdfs_subject_is_not_its_title_twice() -> None:
    site = _built_site(description="How to run action learning sets.")
    pack = Document("pack.pdf", "Our pack", "pack", "", ())
    handout = Document("handouts/check-in.pdf", "Check-in", "handout", "", ())
    assert pack.subject(site) == "How to run action learning sets."
    assert handout.subject(site) == "Our pack: Check-in"
    assert pack.subject(_built_site()) == "Our pack"
    assert '<meta name="description" content="How to run action learning sets.">' in pack.full_html(site)


def test_a_part_of_the_pack_never_starts_with_a_chapter_that_flows_on() -> None:
    """A short chapter shares a page with the one before it, so a part cannot start with it."""
    from scripts.pdf import chapters as cutting

    chapters = (
        '<section class="chapter" id="p-a" data-url="a.html"><h1>A</h1></section>',
        '<section class="chapter chapter--flows chapter--short" id="p-b" data-url="b.html"><h1>B</h1></section>',
        '<section class="chapter" id="p-c" data-url="c.html"><h1>C</h1></section>',
    )
    front = (
        '<nav class="contents"><ol>'
        + "".join(f'<li class="contents__entry"><a href="#p-{name}">{name}</a></li>' for name in "abc")
        + "</ol></nav>"
    )
    pack = Document("pack.pdf", "Pack", "pack", "\n".join((front, *chapters)), (), parts=(front, *chapters))
    plan = cutting.plan(pack, part_chars=10)
    assert [part.body.count("<h1>") for part in plan.parts] == [2, 1]
    assert plan.chapters == {"p-a", "p-b", "p-c"}


def test_only_the_light_schemes_image_prints() -> None:
    article = _article(
        '<p><img alt="Light" src="a.svg#only-light"><img alt="Dark" src="b.svg#only-dark">'
        '<img alt="Dark too" src="c.png#gh-dark-mode-only"><img alt="Both" src="d.svg"></p>'
    )
    html_tools.strip_screen_only(article)
    assert [img.get("alt") for img in article.iter("img")] == ["Light", "Both"]


def test_a_tasks_box_prints_on_the_line_of_its_text_ticked_when_done() -> None:
    article = _article(
        '<ul class="task-list">'
        '<li class="task-list-item"><label class="task-list-control"><input type="checkbox" disabled checked/>'
        '<span class="task-list-indicator"></span></label> Finished</li>'
        '<li class="task-list-item"><input type="checkbox" disabled/> Still to do</li></ul>'
    )
    html_tools.ready_task_lists(article)
    assert not list(article.iter("input")) and not list(article.iter("label"))
    items = [(item[0].get("class"), item[0].tail) for item in article.iter("li")]
    assert items == [("print-task print-task--done", " Finished"), ("print-task", " Still to do")]


def test_a_formula_prints_as_a_note_pointing_to_the_online_page() -> None:
    markup = (
        '<div class="arithmatex">\\[E = mc^2\\]</div>'
        '<p>The formula <span class="arithmatex">\\(a^2\\)</span> is inline.</p>'
        '<script type="math/tex; mode=display">x = 1</script>'
    )
    online = _article(markup)
    html_tools.formulas_online_only(
        online, "Shown online, on {page}.", "(online)", "Sums", "https://our.org/pack/sums.html"
    )
    assert "\\[" not in html_tools.text_of(online) and "mc^2" not in html_tools.text_of(online)
    notes = [el for el in online.iter() if "print-online-only" in html_tools.classes(el)]
    assert [html_tools.text_of(note) for note in notes] == [
        "Shown online, on Sums.",
        "(online)",
        "Shown online, on Sums.",
    ]
    assert [a.get("href") for a in online.iter("a")] == ["https://our.org/pack/sums.html"] * 2
    assert [html_tools.text_of(p) for p in online.iter("p")][1] == "The formula (online) is inline."
    offline = _article(markup)
    html_tools.formulas_online_only(offline, "Shown online, on {page}.", "(online)", "Sums", None)
    assert not list(offline.iter("a"))
    assert html_tools.text_of(offline).startswith("Shown online, on “Sums”.")


def test_every_kind_of_admonition_material_has_its_own_edge() -> None:
    css = (Path(html_tools.__file__).parent / "styles" / "components.css").read_text(encoding="utf-8")
    kinds = "note abstract info tip success question warning failure danger bug example quote"
    missing = [kind for kind in kinds.split() if f".admonition.{kind}" not in css]
    assert missing == []


def test_a_session_plans_run_button_is_for_the_screen_only() -> None:
    # The session plan as its component renders it (the reviewed golden HTML).
    golden = Path(__file__).parent / "golden" / "session_plan" / "session-page.html"
    article = _article(golden.read_text(encoding="utf-8"))
    assert any("run.html" in (link.get("href") or "") for link in article.iter("a"))
    html_tools.strip_screen_only(article)
    assert not any("run.html" in (link.get("href") or "") for link in article.iter("a"))
    assert any(table.get("class") == "alp-agenda" for table in article.iter("table")), "the agenda stays"
