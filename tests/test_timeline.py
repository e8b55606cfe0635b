"""The agenda's timeline: Python (session pages, the pack PDF) and JavaScript (the planner) draw it alike.

``macros/components/session_plan/timeline.py`` and
``overrides/assets/javascripts/timeline.js`` hold the same rules. These
tests feed both the same items (every session plan of the pack and of the
component examples, and some awkward ones) and check that they give the
same blocks, and that the session page's SVG is the one the planner's
code would make from the same words. Then the built session pages: each
has a timeline with one block per row of its table, in proportion.
"""

from __future__ import annotations

import dataclasses
import json
import math
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from macros.components import RenderContext
from macros.components.examples import example_context
from macros.components.session_plan import agenda_timeline, session_plan, timed_agenda
from macros.components.session_plan.timeline import WIDTH, Entry, layout, rounded, wrap
from macros.loading import load_pack
from macros.pack import Pack

from .conftest import PROJECT, BuildResult

NODE = shutil.which("node")
SCRIPT = PROJECT / "overrides" / "assets" / "javascripts" / "timeline.js"
SVG = "{http://www.w3.org/2000/svg}"

needs_node = pytest.mark.skipif(NODE is None, reason="needs Node.js")


def run_js(program: str, data: Any) -> Any:
    """``program`` (which reads ``input`` and sets ``output``) under Node, with timeline.js as ``timeline``."""
    assert NODE is not None
    source = (
        f"const timeline = require({json.dumps(str(SCRIPT))});"
        "const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        f"let output; {program}; process.stdout.write(JSON.stringify(output));"
    )
    result = subprocess.run([NODE, "-e", source], input=json.dumps(data), capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def real_pack() -> Pack:
    return load_pack(PROJECT / "pack", PROJECT)


def context(pack: Pack) -> RenderContext:
    return dataclasses.replace(example_context("programme/x.html"), pack=pack)


def pack_entries(ctx: RenderContext) -> dict[str, list[Entry]]:
    """Every session plan's agenda, as the session page gives it to the timeline."""
    found = {}
    for session in ctx.pack.of("session").values():
        rows = timed_agenda(list(session.agenda))
        found[session.id] = list(agenda_timeline(ctx, rows).entries)
    return found


def awkward() -> dict[str, list[Entry]]:
    """Items the pack does not have but the planner may: a minute long, long words, emoji, an empty title."""

    def entry(title: str, minutes: int, is_break: bool = False) -> Entry:
        return Entry(title=title, minutes=minutes, lead="Everyone", clock="23:59", is_break=is_break)

    return {
        "one-minute items": [entry("Welcome", 1), entry("Long work", 598), entry("Go", 1, True)],
        "thirds": [entry("A", 1), entry("B", 1), entry("C", 1)],
        "long words": [entry("Incomprehensibilities notwithstanding", 40), entry("x " * 40, 20)],
        "emoji": [entry("Tea \U0001f375 and cake \U0001f370", 15, True), entry("\U0001f600" * 9, 15)],
        "empty title": [entry("", 30)],
        "ten-minute items": [entry(f"Item {n}: a long name for a part of the meeting", 10) for n in range(24)],
    }


def all_cases() -> dict[str, list[Entry]]:
    cases = {f"pack {key}": value for key, value in pack_entries(context(real_pack())).items()}
    cases |= {f"examples {key}": value for key, value in pack_entries(example_context("programme/x.html")).items()}
    return cases | awkward()


def close(python: Any, javascript: Any, where: str = "") -> list[str]:
    """Where the two differ: numbers to within a millionth (both round to hundredths), all else exactly."""
    if isinstance(python, dict) and isinstance(javascript, dict):
        if python.keys() != javascript.keys():
            return [f"{where}: keys {sorted(python)} != {sorted(javascript)}"]
        return [line for key in python for line in close(python[key], javascript[key], f"{where}.{key}")]
    if isinstance(python, list | tuple) and isinstance(javascript, list):
        if len(python) != len(javascript):
            return [f"{where}: {len(python)} items != {len(javascript)}"]
        return [
            line
            for n, (a, b) in enumerate(zip(python, javascript, strict=True))
            for line in close(a, b, f"{where}[{n}]")
        ]
    both_numbers = all(isinstance(v, int | float) and not isinstance(v, bool) for v in (python, javascript))
    if both_numbers and math.isclose(python, javascript, abs_tol=1e-6):
        return []
    return [] if python == javascript else [f"{where}: {python!r} != {javascript!r}"]


def test_every_case_is_drawn_in_both_ways() -> None:
    cases = all_cases()
    assert len([name for name in cases if name.startswith("pack ")]) == len(real_pack().of("session")) >= 10
    breaks = sum(entry.is_break for entries in cases.values() for entry in entries)
    numbered = sum(not block.lines for entries in cases.values() for block in layout(entries).blocks)
    assert breaks >= 20 and numbered >= 20, "the cases take in breaks and numbered blocks"


@needs_node
@pytest.mark.parametrize("legend_rows", [True, False], ids=["with a legend", "numbers for the table"])
def test_python_and_javascript_give_the_same_blocks(legend_rows: bool) -> None:
    cases = all_cases()
    python = {name: dataclasses.asdict(layout(entries, legend_rows=legend_rows)) for name, entries in cases.items()}
    data = {name: [dataclasses.asdict(entry) for entry in entries] for name, entries in cases.items()}
    javascript = run_js(
        "output = {}; for (const name of Object.keys(input)) "
        f"output[name] = timeline.layout(input[name], {json.dumps(not legend_rows)})",
        data,
    )
    differences = [line for name in cases for line in close(python[name], javascript[name], name)]
    assert differences == [], "\n".join(differences[:20])


@needs_node
def test_python_and_javascript_wrap_and_round_alike() -> None:
    # A sweep of rooms across every title, so that any drift in the widths shows at some boundary.
    titles = sorted(
        {entry.title for entries in all_cases().values() for entry in entries}
        | {entry.lead for entries in all_cases().values() for entry in entries}
    )
    rooms = [room / 2 for room in range(20, 900, 3)]
    python = [[wrap(title, room) for room in rooms] for title in titles]
    javascript = run_js(
        "output = input.titles.map(t => input.rooms.map(r => timeline.wrap(t, r)))", {"titles": titles, "rooms": rooms}
    )
    assert python == javascript
    values = [n / 1000 for n in range(0, 20000, 7)] + [0.125, 2.675, 1.005, 66.665]
    assert [rounded(value) for value in values] == run_js("output = input.map(timeline.rounded)", values)


def svg_of(html: str) -> ET.Element:
    found = re.search(r"<svg class=\"alp-timeline__svg\".*?</svg>", html, re.S)
    assert found, "no timeline"
    return ET.fromstring(found.group(0).replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1))


def as_node(element: ET.Element) -> dict[str, Any]:
    """An SVG element in timeline.js's shape: {tag, attrs, text, children}."""
    children = [as_node(child) for child in element]
    return {
        "tag": element.tag.removeprefix(SVG),
        "attrs": {name: _number(value) for name, value in element.attrib.items()},
        "text": element.text if element.text and element.text.strip() else None,
        "children": children,
    }


def _number(value: Any) -> Any:
    try:
        return float(value)
    except (TypeError, ValueError):
        return value


@needs_node
def test_the_session_pages_svg_is_the_one_the_planners_code_makes() -> None:
    ctx = context(real_pack())
    for session in ctx.pack.of("session").values():
        timeline = agenda_timeline(ctx, timed_agenda(list(session.agenda)))
        page = as_node(svg_of(str(session_plan(ctx, session.id))))
        data = {
            "entries": [dataclasses.asdict(entry) for entry in timeline.entries],
            "label": timeline.label,
            "legend": {str(number): text for number, text in timeline.legend.items()},
            "hatch": f"{session.id}-timeline-hatch",
        }
        made = run_js(
            "output = timeline.tree(timeline.layout(input.entries), input.label, "
            "(number) => input.legend[number], input.hatch)",
            data,
        )
        made = json.loads(json.dumps(made), object_hook=_numbers_in_attrs)
        differences = close(page, made, session.id)
        assert differences == [], "\n".join(differences[:20])


def _numbers_in_attrs(node: dict[str, Any]) -> dict[str, Any]:
    if "tag" in node:  # JSON leaves out a text that is undefined
        node.setdefault("text", None)
    if "attrs" in node:
        node["attrs"] = {name: _number(value) for name, value in node["attrs"].items()}
    return node


def test_the_name_says_how_many_items_minutes_and_breaks() -> None:
    ctx = context(real_pack())
    session = ctx.pack.item("session", "set-meeting-1")
    timeline = agenda_timeline(ctx, timed_agenda(list(session.agenda)))
    assert timeline.label == (
        "Timeline of the agenda: 13 items over 210 minutes, with 2 breaks; the table below lists them"
    )
    sponsor = ctx.pack.item("session", "sponsor-briefing")
    assert "with no break" in agenda_timeline(ctx, timed_agenda(list(sponsor.agenda))).label


def test_blocks_are_in_proportion_and_labelled_as_far_as_space_allows() -> None:
    entries = awkward()["one-minute items"]
    drawing = layout(entries)
    assert [block.width for block in drawing.blocks] == [1.67, 996.66, 1.67]
    assert sum(block.width for block in drawing.blocks) == pytest.approx(WIDTH)
    # Too narrow for anything: no text, no number, but a legend line to say what it is.
    assert drawing.blocks[0].lines == () and drawing.blocks[0].mark is None
    assert [row.number for row in drawing.legend] == [1, 3]
    assert [line.role for line in drawing.blocks[1].lines] == ["clock", "title", "lead"]
    assert drawing.blocks[2].is_break and not drawing.blocks[1].is_break


# ---- The built site ----


def session_pages(site: Path) -> dict[str, str]:
    data = json.loads((site / "api" / "pack.json").read_text(encoding="utf-8"))
    return {session["id"]: (site / session["url"]).read_text(encoding="utf-8") for session in data["sessions"]}


@pytest.mark.build
def test_every_session_page_has_a_timeline_of_its_agenda(built_real_site: BuildResult) -> None:
    pages = session_pages(built_real_site.site)
    assert len(pages) >= 10
    with_breaks = 0
    for session_id, html in pages.items():
        table = re.search(r'<table class="alp-agenda">.*?<tbody>(.*?)</tbody>', html, re.S)
        assert table, session_id
        minutes = [int(value) for value in re.findall(r'<td class="alp-agenda__minutes">(\d+)</td>', table.group(1))]
        svg = svg_of(html)
        assert svg.get("role") == "img" and (svg.get("aria-label") or "").startswith("Timeline of the agenda: ")
        assert f"{len(minutes)} items over {sum(minutes)} minutes" in (svg.get("aria-label") or ""), session_id
        rects = [group.find(f"{SVG}rect") for group in svg.iter(f"{SVG}g")]
        assert len(rects) == len(minutes), session_id
        widths = [float(rect.get("width", "")) for rect in rects if rect is not None]
        for width, item_minutes in zip(widths, minutes, strict=True):
            assert width == pytest.approx(item_minutes * WIDTH / sum(minutes), abs=0.011), session_id
        # Breaks are hatched and dashed, not told by colour alone.
        breaks = [group for group in svg.iter(f"{SVG}g") if "alp-timeline__block--break" in (group.get("class") or "")]
        for group in breaks:
            rect = group.find(f"{SVG}rect")
            assert rect is not None and rect.get("stroke-dasharray") and "url(#" in (rect.get("fill") or "")
        with_breaks += bool(breaks)
        # Colours come from the text's colour, so the drawing follows the scheme and prints in greys.
        colours = re.findall(r'(?:fill|stroke)="([^"]+)"', ET.tostring(svg, encoding="unicode"))
        assert set(colours) <= {"currentColor"} | {f"url(#{session_id}-timeline-hatch)"}, session_id
    assert with_breaks >= 9, "every meeting but the sponsor's briefing has a break"


# ---- The pack PDF ----


def figures_alt(path: Path) -> list[str]:
    """The alternative text of every Figure in the PDF's structure tree."""
    import pikepdf

    found: list[str] = []
    with pikepdf.open(path) as pdf:
        stack = [pdf.Root.StructTreeRoot]
        while stack:
            element = stack.pop()
            if isinstance(element, pikepdf.Array):
                stack.extend(element)
                continue
            if not isinstance(element, pikepdf.Dictionary):
                continue
            if element.get("/S") == "/Figure" and "/Alt" in element:
                found.append(str(element.Alt))
            if "/K" in element:
                stack.append(element.K)
    return found


@pytest.mark.build
def test_the_pack_pdf_holds_every_timeline_as_a_named_figure_with_legible_text(built_real_site: BuildResult) -> None:
    import pymupdf

    site = built_real_site.site
    pack = site / "downloads" / "pack.pdf"
    sessions = json.loads((site / "api" / "pack.json").read_text(encoding="utf-8"))["sessions"]
    timelines = [alt for alt in figures_alt(pack) if alt.startswith("Timeline of the agenda: ")]
    assert len(timelines) == len(sessions), timelines
    for entry in sessions:
        label = f"{len(entry['agenda'])} items over {sum(item['minutes'] for item in entry['agenda'])} minutes"
        assert any(label in alt for alt in timelines), entry["id"]
    # Its labels are text in the PDF, at least 8 pt, in the pack's own font.
    clock = re.compile(r"^\d+:\d\d$")
    drawn = 0
    with pymupdf.open(pack) as document:
        for page in document:
            if "Timed agenda" not in page.get_text():
                continue
            for block in page.get_text("dict")["blocks"]:
                for line in block.get("lines", []):
                    for span in line["spans"]:
                        if not clock.match(span["text"].strip()):
                            continue
                        assert span["size"] >= 8, (page.number + 1, span["text"], span["size"])
                        assert "Atkinson" in span["font"], (page.number + 1, span["text"], span["font"])
                        drawn += span["size"] < 9  # the table's times are body text, 9.5 pt
    assert drawn >= 3 * len(sessions), "the timelines' start times are in the PDF as text"
    text = "\n".join(page.get_text() for page in pymupdf.open(pack))
    assert "1. 0:00 Check-in (Members)" in text  # set meeting 3's legend
