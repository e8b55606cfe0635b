"""The pack's standards as a facilitator would judge them, checked on the data (no build).

- Time for every member: in a set of the usual size, every member presents
  at least twice in the cycle, and presenter slots take at least half of
  set-meeting time.
- Questions that are really open: none starts with "why", none can be
  answered yes or no unless it carries a caution, every rewrite is open
  and carries no advice, categories are not padded to one size, and a
  one-page starter set exists.
- An anonymous evaluation form asks nothing that points to one member.
- Every glossary term is used; the materials named in plans exist.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest
import yaml

from macros.downloads import USES, Download, PrintedPage, catalogue
from macros.loading import load_pack
from macros.pack import Pack
from macros.programme import figures, slots_for
from macros.schema import BankKind, Problem
from macros.strings import load_strings

from .conftest import PROJECT

#: Openings that invite a yes or a no.
CLOSED_OPENINGS = re.compile(
    r"^(is|are|was|were|do|does|did|can|could|have|has|had|will|would|should|shall|may|might|must)\b", re.I
)


@pytest.fixture(scope="module")
def pack() -> Pack:
    return load_pack(PROJECT / "pack", PROJECT)


def test_every_member_presents_at_least_twice_in_a_set_of_the_usual_size(pack: Pack) -> None:
    assert pack.programme is not None
    usual = pack.programme.set_size.usual
    assert slots_for(pack, usual) >= 2 * usual
    assert figures(pack)["presentations_each"] >= 2


def test_every_set_size_the_pack_recommends_gets_two_turns_each(pack: Pack) -> None:
    assert pack.programme is not None
    size = pack.programme.set_size
    short = {members: slots_for(pack, members) for members in range(size.min, size.max + 1)}
    assert {members: slots for members, slots in short.items() if slots < 2 * members} == {}


def test_presenter_slots_take_at_least_half_of_set_meeting_time(pack: Pack) -> None:
    assert figures(pack)["slot_share"] >= 50


def _open_questions(pack: Pack) -> list:  # type: ignore[type-arg]
    return [question for bank in pack.banks.values() if bank.kind is BankKind.OPEN for question in bank.questions]


def test_the_open_questions_are_pruned_to_the_strongest(pack: Pack) -> None:
    questions = _open_questions(pack)
    assert 90 <= len(questions) <= 130
    sizes = Counter(question.category for question in questions)
    assert len(set(sizes.values())) > 1, f"every category has {next(iter(sizes.values()))} questions: padded?"


def test_no_open_question_starts_with_why_or_invites_a_yes_or_no(pack: Pack) -> None:
    why = [q.id for q in _open_questions(pack) if q.text.lower().startswith("why")]
    closed = [q.id for q in _open_questions(pack) if CLOSED_OPENINGS.match(q.text) and not q.caution]
    assert (why, closed) == ([], [])


def test_every_rewrite_is_an_open_question_with_no_advice_in_it(pack: Pack) -> None:
    advice = re.compile(r"^(what about|how about|have you (thought|tried|considered)|why not|could you|surely)\b", re.I)
    leading = []
    for bank in pack.banks.values():
        if bank.kind is not BankKind.REPHRASE:
            continue
        for question in bank.questions:
            alternative = question.alternative or ""
            if CLOSED_OPENINGS.match(alternative) or advice.match(alternative) or not alternative.endswith("?"):
                leading.append(f"{question.id}: {alternative!r}")
            if alternative.lower().startswith("why"):
                leading.append(f"{question.id}: {alternative!r} starts with why")
    assert leading == []


def test_a_starter_set_of_about_twelve_questions(pack: Pack) -> None:
    starters = [question for question in _open_questions(pack) if question.starter]
    assert 10 <= len(starters) <= 14
    assert len({question.category for question in starters}) >= 5, "the starter set covers the stages of a slot"


def test_the_evaluation_form_asks_nothing_that_points_to_one_member(pack: Pack) -> None:
    form = pack.item("form", "evaluation-form")
    # A field that asks for any of these can point to one person in a set of six.
    identifying = re.compile(r"^(your )?(name|role|job|team|profession|grade|service|date|age|gender|email)\b", re.I)
    asked = [item for section in form.sections for item in section.items if identifying.search(item)]
    assert asked == []


def test_every_glossary_term_is_linked_from_a_page_or_a_card() -> None:
    pack = load_pack(PROJECT / "pack", PROJECT)
    texts = [path.read_text(encoding="utf-8") for path in (PROJECT / "docs").rglob("*.md")]
    texts += [path.read_text(encoding="utf-8") for path in (PROJECT / "pack").rglob("*.yml")]
    everything = "\n".join(texts)
    unused = [
        term_id
        for term_id in pack.terms
        if f'term("{term_id}"' not in everything and f"glossary.md#{term_id}" not in everything
    ]
    assert unused == []


def test_the_pack_supplies_its_materials(pack: Pack) -> None:
    assert len(pack.forms) >= 10
    for needed in (
        "joining-letter",
        "sponsor-agreement",
        "triad-roles",
        "triad-observer-sheet",
        "presenting-back-plan",
        "guest-invitation",
    ):
        pack.item("form", needed)


NUMBER_WORDS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
]


def _spellings(number: int) -> list[str]:
    return [str(number)] + ([NUMBER_WORDS[number]] if number < len(NUMBER_WORDS) else [])


def typed_figure_patterns(pack: Pack) -> dict[str, re.Pattern[str]]:
    """The programme's own figures as a page might type them, in digits or words."""
    figure = figures(pack)
    patterns: dict[str, re.Pattern[str]] = {}

    def either(number: int) -> str:
        return "(?:" + "|".join(_spellings(number)) + ")"

    for name, unit in (("set_size", "members?|people"), ("meets_every_weeks", "weeks"), ("cycle_months", "months")):
        low, high = figure[name]["min"], figure[name]["max"]
        patterns[name] = re.compile(rf"\b{either(low)} (?:to|-|–|and) {either(high)} (?:{unit})\b", re.I)
    low, high = figure["slot_minutes"]["min"], figure["slot_minutes"]["max"]
    patterns["slot_minutes"] = re.compile(rf"\b{either(low)} (?:to|-|–) {either(high)} minutes\b", re.I)
    for name, words in (("set_meetings", "set meetings"), ("member_meetings", "meetings"), ("meetings", "meetings")):
        patterns[name] = re.compile(rf"\b{either(figure[name])} {words}\b", re.I)
    return patterns


def test_pages_quote_the_programmes_figures_from_the_data(pack: Pack) -> None:
    """Set size, rhythm, cycle, slot length and meeting counts come from {{ programme... }}, never typed."""
    typed = []
    for path in sorted((PROJECT / "docs").rglob("*.md")):
        text = re.sub(r"\{\{.*?\}\}", " ", path.read_text(encoding="utf-8"))
        for number, line in enumerate(text.splitlines(), start=1):
            for name, pattern in typed_figure_patterns(pack).items():
                if pattern.search(line):
                    typed.append(f"{path.relative_to(PROJECT)}:{number}: {pattern.search(line).group(0)!r} ({name})")  # type: ignore[union-attr]
    assert typed == [], "write {{ programme.<figure> }} instead"


def test_every_card_says_which_problems_it_helps_with(pack: Pack) -> None:
    # A facilitator looking for help with a problem finds every card that helps (issue 17).
    without = [card.id for card in pack.cards.values() if not card.problems]
    assert without == [], "give these cards a 'problems' list (see Fields of pack files)"
    unused = [problem.value for problem in Problem if not any(problem in c.problems for c in pack.cards.values())]
    assert unused == [], "no card helps with these problems: drop them from macros/schema.py or fill in a card"


def test_the_cards_for_advice_giving_are_the_ones_common_difficulties_suggests(pack: Pack) -> None:
    advice = {card.id for card in pack.cards.values() if Problem.ADVICE_GIVING in card.problems}
    assert "rephrasing-practice" in advice  # named under "A member who always gives advice"
    assert "exploring-questions-round" in advice


def test_every_problem_has_a_label_in_every_language() -> None:
    for path in sorted((PROJECT / "locales").glob("*.yml")):
        labels = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("problem", {})
        missing = [problem.value for problem in Problem if problem.value not in labels]
        assert missing == [], f"{path.name}: add a label under 'problem' for {missing}"


def _downloads(pack: Pack) -> list[Download]:
    strings = load_strings(PROJECT / "locales", "en")
    printed = [PrintedPage("member-handbook", "A handbook for set members", "guide", use="members")]
    return catalogue(pack, strings, "The pack", printed=printed)


def test_no_two_downloads_share_a_title(pack: Pack) -> None:
    # The trial met two "Reflective log"s: a title that is another's plus "template" names the same thing twice.
    # Another version of a document (its Word file) shares its title, and shows beside it.
    own = [item for item in _downloads(pack) if not item.version]
    titles = {item.title.casefold(): item.file for item in own}
    assert len(titles) == len(own)
    echoes = [
        (title, other)
        for title in titles
        for other in titles
        if other != title and re.sub(r" (template|sheet|form|handout)$", "", other) == title
    ]
    assert echoes == [], "give these documents titles that say what each is"


def test_every_download_is_for_a_use_in_the_order_of_the_downloads_page(pack: Pack) -> None:
    downloads = _downloads(pack)
    assert {item.use for item in downloads} == {"room", "members", "facilitator"}
    assert set(USES) == {"room", "members", "facilitator", "adapting"}
    by_file = {item.file: item.use for item in downloads}
    assert by_file["handouts/practice-triad.pdf"] == "room"
    assert by_file["forms/triad-roles.pdf"] == "room"
    assert by_file["forms/reflective-log.pdf"] == "members"
    assert by_file["member-handbook.pdf"] == "members"
    assert by_file["forms/joining-letter.pdf"] == "facilitator"
    assert by_file["pack.pdf"] == "facilitator"
