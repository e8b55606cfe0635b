"""Bad pack data: each kind of mistake gives one clear line naming the file,
the line where YAML can tell, the field, and what was expected."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from macros.loading import load_pack
from macros.problems import ContentError

from .conftest import EXAMPLE_PACK

CARD = "cards/example-full.yml"
MINIMAL = "cards/example-minimal.yml"
BANK = "questions/example-open.yml"
SESSION = "sessions/example-meeting.yml"


@dataclass(frozen=True)
class Case:
    name: str
    change: Callable[[Path], None]
    #: Every string must appear in one problem line.
    expected: tuple[str, ...]


def replace(relative: str, old: str, new: str) -> Callable[[Path], None]:
    def change(pack: Path) -> None:
        path = pack / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {relative}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return change


def write(relative: str, content: bytes) -> Callable[[Path], None]:
    def change(pack: Path) -> None:
        (pack / relative).write_bytes(content)

    return change


CASES = [
    Case(
        "malformed yaml",
        replace(CARD, "stages: [presenting, reflecting]", "stages: [presenting, reflecting"),
        ("pack/cards/example-full.yml:", "not valid YAML"),
    ),
    Case(
        "tab in yaml",
        replace(MINIMAL, "experience: new", "experience: new\n\tsource: x"),
        ("pack/cards/example-minimal.yml:11:", "tabs"),
    ),
    Case(
        "missing field",
        replace(MINIMAL, "purpose: Gives everyone a moment to think.\n", ""),
        (
            "pack/cards/example-minimal.yml:2: purpose: this required field is missing; add it, "
            "such as purpose: A check-in gives each member a moment to say how they are.",
        ),
    ),
    Case(
        "duration as words",
        replace(CARD, "duration: {min: 20, max: 30}", "duration: {min: twenty, max: 30}"),
        ("pack/cards/example-full.yml:13: duration.min: expected a whole number, got 'twenty'; write it as min: 15",),
    ),
    Case(
        "duration as a phrase",
        replace(MINIMAL, "duration: {min: 1, max: 2}", "duration: about 20 minutes"),
        (
            "pack/cards/example-minimal.yml:8: duration: expected 'field: value' lines, got 'about 20 minutes'; "
            "write it as duration: {min: 15, max: 25}",
        ),
    ),
    Case(
        "duration as one number",
        replace(MINIMAL, "duration: {min: 1, max: 2}", "duration: 20"),
        (
            "pack/cards/example-minimal.yml:8: duration: expected 'field: value' lines, got 20; "
            "write it as duration: {min: 15, max: 25}",
        ),
    ),
    Case(
        "step minutes in words",
        replace(CARD, "minutes: 2\n", "minutes: two\n"),
        (
            "pack/cards/example-full.yml:23: steps[1].minutes: expected a whole number, got 'two'; write it as minutes: 15",
        ),
    ),
    Case(
        "a step as a line of text",
        replace(
            MINIMAL, "  - text: Ask for one minute of silence.\n    minutes: 1", "  - Ask for one minute of silence."
        ),
        (
            "pack/cards/example-minimal.yml:14: steps[1]: expected 'field: value' lines, got 'Ask for one minute of "
            "silence.'; write it as - {text: Go round the group., minutes: 15}",
        ),
    ),
    Case(
        "negative minutes",
        replace(CARD, "minutes: 2\n", "minutes: -2\n"),
        ("pack/cards/example-full.yml:23: steps[1].minutes: must be more than 0, got -2",),
    ),
    Case(
        "min above max",
        replace(MINIMAL, "group_size: {min: 2, max: 12}", "group_size: {min: 12, max: 2}"),
        ("pack/cards/example-minimal.yml:9: group_size: min (12) is above max (2)",),
    ),
    Case(
        "steps outside duration",
        replace(MINIMAL, "duration: {min: 1, max: 2}", "duration: {min: 5, max: 9}"),
        ("pack/cards/example-minimal.yml:13: steps:", "the steps add up to 1 minute, outside the duration 5-9"),
    ),
    Case(
        "unknown field",
        replace(MINIMAL, "summary:", "sumary:"),
        ("sumary: unknown field 'sumary' (did you mean 'summary'?)",),
    ),
    Case(
        "id with capitals and spaces",
        replace(MINIMAL, "id: example-minimal", "id: Example Minimal"),
        ("pack/cards/example-minimal.yml:2: id: expected an id of lower-case letters",),
    ),
    Case(
        "id differs from file name",
        replace(MINIMAL, "id: example-minimal", "id: example-other"),
        ("pack/cards/example-minimal.yml:2: id: the id 'example-other' differs from the file name",),
    ),
    Case(
        "duplicate card id",
        write("cards/example-minimal.yaml", (EXAMPLE_PACK / MINIMAL).read_bytes()),
        (
            "pack/cards/example-minimal.yml:1: id: the id 'example-minimal' is already used by pack/cards/example-minimal.yaml",
        ),
    ),
    Case(
        "unknown related card",
        replace(CARD, "cards: [example-minimal]", "cards: [example-minimum]"),
        ("related.cards[1]: there is no tool card with the id 'example-minimum' (did you mean 'example-minimal'?)",),
    ),
    Case(
        "unknown related bank",
        replace(CARD, "banks: [example-open]", "banks: [example-opn]"),
        ("related.banks[1]: there is no question bank with the id 'example-opn' (did you mean 'example-open'?)",),
    ),
    Case(
        "unknown stage",
        replace(MINIMAL, "stages: [opening]", "stages: [openning]"),
        (
            "stages[1]: expected one of 'preparing', 'opening', 'presenting', 'acting', 'reflecting', 'closing', "
            "'ending', got 'openning' (did you mean 'opening'",
        ),
    ),
    Case(
        "unknown problem",
        replace(CARD, "problems: [advice-giving, new-to-the-method]", "problems: [advice-givng]"),
        ("problems[1]: expected one of 'advice-giving', 'silence'", "got 'advice-givng' (did you mean 'advice-giving'"),
    ),
    Case(
        "a problem twice",
        replace(CARD, "problems: [advice-giving, new-to-the-method]", "problems: [silence, silence]"),
        ("problems: silence given more than once; keep one of each",),
    ),
    Case(
        "bad date",
        replace(MINIMAL, "last_reviewed: 2026-11-25", "last_reviewed: 25/11/2026"),
        ("last_reviewed: expected a date written as YYYY-MM-DD",),
    ),
    Case(
        "review dates in the wrong order",
        replace(MINIMAL, "next_review: 2027-11-25", "next_review: 2025-11-25"),
        ("pack/cards/example-minimal.yml:23: next_review: next_review (2025-11-25) must come after last_reviewed",),
    ),
    Case(
        "not utf-8",
        write(MINIMAL, "id: example-minimal\ntitle: Caf\u00e9\n".encode("latin-1")),
        ("pack/cards/example-minimal.yml:2: the file is not UTF-8",),
    ),
    Case("empty file", write(MINIMAL, b""), ("pack/cards/example-minimal.yml:1: the file is empty",)),
    Case(
        "field given twice",
        replace(MINIMAL, "experience: new", "experience: new\nexperience: some"),
        ("pack/cards/example-minimal.yml:11: experience: this field is given twice",),
    ),
    Case(
        "text where a list belongs",
        replace(MINIMAL, "materials: [A clock]", "materials: A clock"),
        ("materials: expected a list, one '- item' per line, got 'A clock'; write it as materials: [A timer]",),
    ),
    Case(
        "unquoted yes as a title",
        replace(MINIMAL, "title: Quiet minute", "title: yes"),
        ('title: expected text, got True; put the value in quotes, as in title: "Check-in"',),
    ),
    Case(
        "agenda does not add up",
        replace(SESSION, "minutes: 10\n", "minutes: 15\n"),
        ("pack/sessions/example-meeting.yml:8: agenda:", "the agenda adds up to 80 minutes but length is 75"),
    ),
    Case(
        "agenda card unknown",
        replace(SESSION, "card: example-minimal", "card: quiet-minute"),
        ("agenda[1].card: there is no tool card with the id 'quiet-minute'",),
    ),
    Case(
        "agenda item shorter than the card it uses",
        lambda pack: (
            replace(SESSION, "    minutes: 60\n", "    minutes: 20\n    steps: [1, 2, 3]\n")(pack),
            replace(SESSION, "length: 75", "length: 35")(pack),
        ),
        (
            "pack/sessions/example-meeting.yml:14: agenda[2].minutes: 'Practice round' uses the card "
            "'example-full', and the steps it uses (1, 2, 3) take 25 minutes, but the item has 20",
            "or list the steps it uses, such as 'steps: [1, 2]'",
        ),
    ),
    Case(
        "agenda item names a step the card does not have",
        replace(SESSION, "    card: example-full\n", "    card: example-full\n    steps: [2, 4]\n"),
        ("agenda[2].steps: the card 'example-full' has 3 steps, so there is no step 4",),
    ),
    Case(
        "agenda item names steps but no card",
        replace(SESSION, "    lead: everyone\n", "    lead: everyone\n    steps: [1]\n"),
        ("agenda[3]: 'steps' names steps of a card, but the item has no 'card'",),
    ),
    Case(
        "presenter slot without its number",
        replace(SESSION, "    slot: 1\n", ""),
        ("agenda[2].card: 'Practice round' uses the card for a presenter slot, 'example-full': add 'slot: 1'",),
    ),
    Case(
        "alternative to a session that does not exist",
        replace(
            "sessions/example-meeting-online.yml", "alternative_to: example-meeting", "alternative_to: example-meting"
        ),
        (
            "pack/sessions/example-meeting-online.yml:5: alternative_to: there is no session plan with the id 'example-meting'",
        ),
    ),
    Case(
        "alternative with an order of its own",
        replace("sessions/example-meeting-online.yml", "order: 1", "order: 2"),
        ("alternative_to: an alternative takes the order of the session it replaces (1, 'example-meeting')",),
    ),
    Case(
        "document to print that does not exist",
        replace(
            "sessions/example-meeting.yml",
            "{form: example-template, copies: on-request}",
            "{form: example-templat, copies: on-request}",
        ),
        (
            "pack/sessions/example-meeting.yml:33: print[2].form: there is no form or template with the id "
            "'example-templat' (did you mean 'example-template'?)",
        ),
    ),
    Case(
        "document to print named twice over",
        replace(
            "sessions/example-meeting.yml",
            "{bank: example-open, copies: timekeeper}",
            "{bank: example-open, card: example-full, copies: timekeeper}",
        ),
        ("pack/sessions/example-meeting.yml:34: print[3]: name one document, by one of card, form, bank, sheet",),
    ),
    Case(
        "copies in words",
        replace("sessions/example-meeting.yml", "copies: each-member", "copies: eight"),
        ("pack/sessions/example-meeting.yml:32: print[1].copies: expected one of",),
    ),
    Case(
        "glossary term without a definition",
        replace("glossary/example-set.yml", "definition: |", "meaning: |"),
        (
            "pack/glossary/example-set.yml:",
            "definition: this required field is missing",
        ),
    ),
    Case(
        "programme slot card unknown",
        replace("programme.yml", "slot_card: example-full", "slot_card: example-ful"),
        (
            "pack/programme.yml:5: slot_card: there is no tool card with the id 'example-ful' (did you mean 'example-full'?)",
        ),
    ),
    Case(
        "question in unknown category",
        replace(BANK, "category: exploring", "category: explore"),
        ("questions[2].category: there is no category in this bank with the id 'explore' (did you mean 'exploring'?)",),
    ),
    Case(
        "rephrase question without alternative",
        replace("questions/example-rephrase.yml", "    alternative: Who could help you with this?\n", ""),
        ("questions[1]: a 'rephrase' bank needs an 'alternative'",),
    ),
    Case(
        "file that is not yml",
        write("cards/notes.txt", b"hello"),
        ("pack/cards/notes.txt: only .yml files belong in cards/",),
    ),
    Case(
        "top level is a list",
        write(MINIMAL, b"- id: example-minimal\n"),
        ("pack/cards/example-minimal.yml:1: expected 'field: value' lines",),
    ),
]


def duplicate_question_id(pack: Path) -> None:
    (pack / "questions/second.yml").write_text(
        (pack / BANK).read_text().replace("id: example-open", "id: second").replace("id: ex-success", "id: ex-other")
    )


CASES.append(
    Case(
        "duplicate question id across banks",
        duplicate_question_id,
        (
            "pack/questions/second.yml:",
            "questions[1].id: the question id 'ex-who' is already used in pack/questions/example-open.yml",
        ),
    )
)


def problems_after(change: Callable[[Path], None], tmp_path: Path) -> list[str]:
    pack = tmp_path / "pack"
    shutil.copytree(EXAMPLE_PACK, pack)
    change(pack)
    with pytest.raises(ContentError) as caught:
        load_pack(pack, tmp_path)
    return [str(problem) for problem in caught.value.problems]


def test_the_example_pack_is_valid() -> None:
    pack = load_pack(EXAMPLE_PACK)
    assert set(pack.cards) == {"example-full", "example-minimal"}


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_bad_data_is_reported_clearly(case: Case, tmp_path: Path) -> None:
    problems = problems_after(case.change, tmp_path)
    matching = [line for line in problems if all(part in line for part in case.expected)]
    assert matching, f"no problem contains {case.expected}; got:\n" + "\n".join(problems)
    for line in problems:
        assert line.startswith("pack/"), line
        assert "Traceback" not in line


def test_every_problem_is_reported_not_only_the_first(tmp_path: Path) -> None:
    def many(pack: Path) -> None:
        replace(MINIMAL, "summary:", "sumary:")(pack)
        replace(CARD, "minutes: 2\n", "minutes: 0\n")(pack)
        replace(SESSION, "lead: facilitator", "lead: chair")(pack)
        replace(BANK, "stage: presenting", "stage: nowhere")(pack)

    problems = problems_after(many, tmp_path)
    files = {line.split(":", 1)[0] for line in problems}
    assert files == {
        "pack/cards/example-minimal.yml",
        "pack/cards/example-full.yml",
        "pack/sessions/example-meeting.yml",
        "pack/questions/example-open.yml",
    }


def test_a_file_with_problems_is_not_also_reported_as_unknown(tmp_path: Path) -> None:
    problems = problems_after(replace(MINIMAL, "summary:", "sumary:"), tmp_path)
    assert not [line for line in problems if "no tool card with the id 'example-minimal'" in line]


def test_the_report_counts_the_problems(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    shutil.copytree(EXAMPLE_PACK, pack)
    replace(MINIMAL, "summary:", "sumary:")(pack)
    with pytest.raises(ContentError) as caught:
        load_pack(pack, tmp_path)
    report = caught.value.report()
    assert report.startswith("The pack has 2 content problems:")
