"""The print-shop question deck: trimmed cards with bleed and crop marks, backs behind fronts.

Every check reads the PDFs as a print shop's software would: the crop marks
and the cards' backgrounds as they are drawn, and the text inside each
card, with PyMuPDF. Nothing is taken from the layout code's own numbers.
The tiny fixture site's decks are cheap (one sheet each); the real site's,
built once for the whole run, have many sheets and a last sheet part full.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pikepdf
import pymupdf
import pytest

from .conftest import BuildResult
from .pdf_tools import squash

pytestmark = pytest.mark.build

MM = 72 / 25.4
#: How far a back may lie from where its front is after the flip (the issue's figure).
ALIGNED = 0.5
#: How near the drawn bleed must be to 3 mm.
BLEED, NEAR = 3.0, 0.1
#: Poker size, laid landscape: the trimmed card the README promises.
CARD = (88.9, 63.5)
#: The sheets, portrait, in millimetres.
SHEETS = {"A4": (210.0, 297.0), "Letter": (215.9, 279.4)}


def _open_data(site: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((site / "api" / "pack.json").read_text(encoding="utf-8"))
    return data


def _decks(site: Path) -> dict[str, Path]:
    """The print-shop PDFs pack.json lists, by the sheet their layout names (print-shop-a4, print-shop-letter)."""
    files = [item for item in _open_data(site)["downloads"]["files"] if item["version"] == "print-shop"]
    sheets = {f"print-shop-{sheet.lower()}": sheet for sheet in SHEETS}
    return {sheets[item["layout"]]: site / "downloads" / item["file"] for item in files}


#: How far inside the trim every word of a card must be: a cut a little off cuts no letter.
SAFE = 3.0


@dataclass(frozen=True)
class Card:
    """One card as drawn on a page: its trimmed box and its background's box (mm, from the top left), its text.

    ``margin`` is how near any of its words comes to the trim.
    """

    trim: tuple[float, float, float, float]
    bleed: tuple[float, float, float, float]
    text: str
    margin: float


def _lines(values: list[float]) -> list[float]:
    """Values closer than a tenth of a millimetre taken as one line."""
    merged: list[float] = []
    for value in sorted(values):
        if not merged or value - merged[-1] > 0.1:
            merged.append(value)
    return merged


def _cards(page: pymupdf.Page) -> list[Card]:
    """Each card on a page: its background (a filled box larger than 40 mm each way) and its trim, from the marks.

    A crop mark is a filled hairline (under half a millimetre thick, a few
    millimetres long). A card's trim lines are the marks' lines that cross
    its background: two across, two down.
    """
    down, across, backgrounds = [], [], set()
    for path in page.get_drawings():
        if path.get("fill") is None:
            continue
        rect = path["rect"]
        width, height = rect.width / MM, rect.height / MM
        if width < 0.5 and 2 <= height <= 10:
            down.append((rect.x0 + rect.x1) / 2 / MM)
        elif height < 0.5 and 2 <= width <= 10:
            across.append((rect.y0 + rect.y1) / 2 / MM)
        elif width > 40 and height > 40:
            backgrounds.add(tuple(round(value / MM, 3) for value in (rect.x0, rect.y0, rect.x1, rect.y1)))
    xs, ys = _lines(down), _lines(across)
    words = page.get_text("words")
    cards = []
    for x0, y0, x1, y1 in sorted(backgrounds, key=lambda box: (box[1], box[0])):
        inside_x = [x for x in xs if x0 < x < x1]
        inside_y = [y for y in ys if y0 < y < y1]
        assert len(inside_x) == 2 and len(inside_y) == 2, f"page {page.number + 1}: a card at {x0:.1f}, {y0:.1f} mm"
        trim = (inside_x[0], inside_y[0], inside_x[1], inside_y[1])
        mine = [word for word in words if _inside(word, trim)]
        margin = min(
            (
                min(word[0] / MM - trim[0], word[1] / MM - trim[1], trim[2] - word[2] / MM, trim[3] - word[3] / MM)
                for word in mine
            ),
            default=0.0,
        )
        cards.append(Card(trim, (x0, y0, x1, y1), " ".join(word[4] for word in mine), margin))
    return cards


def _inside(word: tuple[Any, ...], box: tuple[float, float, float, float]) -> bool:
    """Whether a word's middle (PyMuPDF's word: x0, y0, x1, y1 in points, then the text) is inside a box in mm."""
    return box[0] < (word[0] + word[2]) / 2 / MM < box[2] and box[1] < (word[1] + word[3]) / 2 / MM < box[3]


def _loose_words(page: pymupdf.Page, cards: list[Card]) -> str:
    """The words on a page that are on no card."""
    words = page.get_text("words")
    return " ".join(word[4] for word in words if not any(_inside(word, card.trim) for card in cards))


def _numbered(site: Path, cards: list[Card]) -> dict[int, Card]:
    """Cards by the number each prints (the strings' pdf.print_shop_card), each number once."""
    label = _open_data(site)["strings"]["pdf.print_shop_card"]
    pattern = re.compile(re.escape(label).replace(re.escape("{number}"), r"(\d+)"))
    found: dict[int, Card] = {}
    for card in cards:
        numbers = pattern.findall(card.text)
        assert len(numbers) == 1, card.text
        assert int(numbers[0]) not in found
        found[int(numbers[0])] = card
    return found


def _open_questions(site: Path) -> list[dict[str, Any]]:
    data = _open_data(site)
    open_banks = {bank["id"] for bank in data["banks"] if bank["kind"] == "open"}
    return [question for question in data["questions"] if question["bank"] in open_banks]


@pytest.fixture(params=["built_tiny_site", "built_real_site"])
def built(request: pytest.FixtureRequest) -> BuildResult:
    result: BuildResult = request.getfixturevalue(request.param)
    return result


def test_the_decks_are_print_shop_versions_of_the_question_deck(built_tiny_site: BuildResult) -> None:
    site = built_tiny_site.site
    listed = [item for item in _open_data(site)["downloads"]["files"] if item["version"] == "print-shop"]
    assert {item["version_of"] for item in listed} == {"question-deck.pdf"}
    assert len({item["file"] for item in listed}) == len({item["title"] for item in listed}) == 2
    manifest = json.loads((site / "downloads" / "manifest.json").read_text(encoding="utf-8"))
    made = {item["file"]: item for item in manifest["documents"]}
    for sheet, path in _decks(site).items():
        item = made[path.relative_to(site / "downloads").as_posix()]
        assert item["bytes"] == path.stat().st_size and item["pages"] % 2 == 0
        with pymupdf.open(path) as pdf:
            assert pdf.page_count == item["pages"]
            for page in pdf:
                size = (page.rect.width / MM, page.rect.height / MM)
                assert size == pytest.approx(SHEETS[sheet], abs=0.1), f"{path.name} p{page.number + 1}"


def test_each_back_lies_behind_its_front_after_a_long_edge_flip(built: BuildResult) -> None:
    """Fronts on odd pages, backs on the next; flipped on the long edge, x becomes the sheet's width less x."""
    site = built.site
    decks = _decks(site)
    assert set(decks) == set(SHEETS)
    for sheet, path in decks.items():
        numbers: list[int] = []
        with pymupdf.open(path) as pdf:
            for index in range(0, pdf.page_count, 2):
                width = pdf[index].rect.width / MM
                front_cards, back_cards = _cards(pdf[index]), _cards(pdf[index + 1])
                fronts, backs = _numbered(site, front_cards), _numbered(site, back_cards)
                where = f"{path.name} pages {index + 1} and {index + 2}"
                # Nothing is printed off the cards but the title, once, in the first page's margin.
                title = squash(pdf.metadata["title"]).split(":")[0] if index == 0 else ""
                assert squash(_loose_words(pdf[index], front_cards)) == title, where
                assert _loose_words(pdf[index + 1], back_cards) == "", where
                assert fronts and set(fronts) == set(backs), where
                for number, front in fronts.items():
                    back = backs[number]
                    flipped = (width - back.trim[2], back.trim[1], width - back.trim[0], back.trim[3])
                    assert front.trim == pytest.approx(flipped, abs=ALIGNED), f"{where}: card {number}"
                    for card in (front, back):
                        assert card.margin >= SAFE - NEAR, f"{where}: card {number} has text {card.margin:.1f} mm in"
                        size = (card.trim[2] - card.trim[0], card.trim[3] - card.trim[1])
                        assert size == pytest.approx(CARD, abs=0.1), f"{where}: card {number}"
                        bleeds = [
                            card.trim[0] - card.bleed[0],
                            card.trim[1] - card.bleed[1],
                            card.bleed[2] - card.trim[2],
                            card.bleed[3] - card.trim[3],
                        ]
                        assert bleeds == pytest.approx([BLEED] * 4, abs=NEAR), f"{where}: card {number}"
                numbers += sorted(fronts)
        # Every card once, in order, sheet after sheet.
        assert numbers == list(range(1, len(_open_questions(site)) + 1)), sheet


def test_each_back_names_its_fronts_category_its_bank_and_the_pack(built: BuildResult) -> None:
    """The category and bank each front's question belongs to (from pack.json) are on the back behind it."""
    site = built.site
    data = _open_data(site)
    banks = {bank["id"]: bank for bank in data["banks"]}
    questions = _open_questions(site)
    for path in _decks(site).values():
        with pymupdf.open(path) as pdf:
            for index in range(0, pdf.page_count, 2):
                backs = _numbered(site, _cards(pdf[index + 1]))
                for number, front in _numbered(site, _cards(pdf[index])).items():
                    asked = [question for question in questions if squash(question["text"]) in squash(front.text)]
                    assert len(asked) == 1, front.text
                    bank = banks[asked[0]["bank"]]
                    category = next(item for item in bank["categories"] if item["id"] == asked[0]["category"])
                    back = squash(backs[number].text)
                    for name in (category["title"], bank["title"], data["title"]):
                        assert squash(name) in back, f"{path.name} card {number}: {name!r} not on its back"
                    assert squash(category["title"]) in squash(front.text)


def test_marks_and_backgrounds_are_artifacts_and_the_card_text_is_tagged(built_tiny_site: BuildResult) -> None:
    """Every filled path (a mark, a background, a band) inside an artifact, every line of text tagged content."""
    for path in _decks(built_tiny_site.site).values():
        with pikepdf.open(path) as pdf:
            for number, page in enumerate(pdf.pages, 1):
                stack: list[str] = []
                fills = texts = marks = 0
                for operands, operator in pikepdf.parse_content_stream(page):
                    name = str(operator)
                    if name in ("BDC", "BMC"):
                        stack.append(str(operands[0]))
                        properties = operands[1] if len(operands) > 1 else None
                        is_page_artifact = isinstance(properties, pikepdf.Dictionary) and properties.get("/Type")
                        marks += name == "BDC" and stack[-1] == "/Artifact" and is_page_artifact == "/Page"
                    elif name == "EMC":
                        stack.pop()
                    elif name in ("f", "f*", "F"):
                        fills += 1
                        assert "/Artifact" in stack, f"{path.name} p{number}: a filled path outside an artifact"
                    elif name in ("Tj", "TJ", "'", '"'):
                        texts += 1
                        assert "/Artifact" not in stack and stack, f"{path.name} p{number}: text that is not tagged"
                assert fills and texts and marks == 1, f"{path.name} p{number}"
