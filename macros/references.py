"""Checks across items: ids that name other items, and times that must fit.

Each item is valid on its own once its model accepts it. These checks need
the whole pack: a card's related cards exist, a bank's questions sit in its
categories, an agenda item gives the minutes of the card steps it uses, an
alternative plan takes the order of the meeting it replaces.

The field reference page says these checks in words, from each kind's
``rules`` in :mod:`macros.kinds`: change those when a check here changes.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from .pack import Pack, UnknownIdError
from .problems import Problem, field_name
from .schema import AgendaItem, BankKind, QuestionBank, SessionPlan, ToolCard

Loc = tuple[str | int, ...]


@dataclass
class _Report:
    pack: Pack
    #: (kind name, id) of files that exist but failed validation.
    attempted: Collection[tuple[str, str]]
    problems: list[Problem] = field(default_factory=list)

    def add(self, source: str, loc: Loc, message: str) -> None:
        lines = self.pack.lines.get(source)
        self.problems.append(Problem(source, lines.line_of(loc) if lines else None, field_name(loc), message))

    def unknown(self, source: str, loc: Loc, kind: str, wrong: str) -> None:
        """An id that names no item of ``kind``, unless its file exists and failed on its own."""
        if (kind, wrong) not in self.attempted:
            self.add(source, loc, str(UnknownIdError(self.pack.kinds[kind].noun, wrong, self.pack.of(kind))))

    def source(self, kind: str, item_id: str) -> str:
        return self.pack.sources[(kind, item_id)]


def check_references(pack: Pack, attempted: Collection[tuple[str, str]] = ()) -> list[Problem]:
    """Every problem between items."""
    report = _Report(pack, attempted)
    for card in pack.cards.values():
        _card(report, card)
    question_sources: dict[str, str] = {}
    for bank in pack.banks.values():
        _bank(report, bank, question_sources)
    _programme(report)
    orders: dict[int, str] = {}
    for session in pack.sessions.values():
        _session(report, session, orders)
    return report.problems


def _card(report: _Report, card: ToolCard) -> None:
    source = report.source("card", card.id)
    for index, other in enumerate(card.related.cards):
        if other not in report.pack.cards:
            report.unknown(source, ("related", "cards", index), "card", other)
        elif other == card.id:
            report.add(source, ("related", "cards", index), "a card cannot be related to itself")
    for index, bank_id in enumerate(card.related.banks):
        if bank_id not in report.pack.banks:
            report.unknown(source, ("related", "banks", index), "bank", bank_id)


def _bank(report: _Report, bank: QuestionBank, question_sources: dict[str, str]) -> None:
    source = report.source("bank", bank.id)
    category_ids = [category.id for category in bank.categories]
    used = {question.category for question in bank.questions}
    for index, category_id in enumerate(category_ids):
        if category_id in category_ids[:index]:
            report.add(source, ("categories", index, "id"), f"the category id '{category_id}' is used twice")
        if category_id not in used:
            report.add(
                source, ("categories", index), f"the category '{category_id}' has no questions; add some or remove it"
            )
    for index, question in enumerate(bank.questions):
        if question.category not in category_ids:
            wrong = UnknownIdError("category in this bank", question.category, category_ids)
            report.add(source, ("questions", index, "category"), str(wrong))
        if question.id in question_sources:
            report.add(
                source,
                ("questions", index, "id"),
                f"the question id '{question.id}' is already used in "
                f"{question_sources[question.id]}; question ids must be unique across banks",
            )
        question_sources.setdefault(question.id, source)
        if bank.kind is BankKind.REPHRASE and not question.alternative:
            message = "a 'rephrase' bank needs an 'alternative' (an open question) for every question"
            report.add(source, ("questions", index), message)
        if bank.kind is BankKind.OPEN and question.alternative:
            message = "only a bank of kind 'rephrase' has alternatives; remove it"
            report.add(source, ("questions", index, "alternative"), message)


def _programme(report: _Report) -> None:
    programme = report.pack.programme
    if programme is not None and programme.slot_card not in report.pack.cards:
        report.unknown(report.source("programme", "programme"), ("slot_card",), "card", programme.slot_card)


def _session(report: _Report, session: SessionPlan, orders: dict[int, str]) -> None:
    source = report.source("session", session.id)
    if session.alternative_to:
        main = report.pack.sessions.get(session.alternative_to)
        if main is None:
            report.unknown(source, ("alternative_to",), "session", session.alternative_to)
        elif main.alternative_to or main.order != session.order:
            report.add(
                source,
                ("alternative_to",),
                f"an alternative takes the order of the session it replaces ({main.order}, "
                f"'{main.id}'), which must not itself be an alternative",
            )
    elif session.order in orders:
        report.add(source, ("order",), f"order {session.order} is also used by the session '{orders[session.order]}'")
    else:
        orders[session.order] = session.id
    for index, item in enumerate(session.agenda):
        _agenda_item(report, source, index, item)
    for index, printed in enumerate(session.print):
        kind, item_id = printed.document
        # A sheet is a page, known once the pages are read (site_model.check_pages).
        if kind != "sheet" and item_id not in report.pack.of(kind):
            report.unknown(source, ("print", index, kind), kind, item_id)


def _agenda_item(report: _Report, source: str, index: int, item: AgendaItem) -> None:
    cards = report.pack.cards
    if item.card and item.card not in cards:
        report.unknown(source, ("agenda", index, "card"), "card", item.card)
    elif item.card:
        fault = _item_time_problem(item, cards[item.card])
        if fault:
            report.add(source, ("agenda", index, fault[0]), fault[1])
    programme = report.pack.programme
    if programme and item.card == programme.slot_card and item.slot is None:
        report.add(
            source,
            ("agenda", index, "card"),
            f"'{item.title}' uses the card for a presenter slot, '{item.card}': add 'slot: 1' "
            "(the slot's number in this meeting), so that the programme's slots are counted",
        )


def _item_time_problem(item: AgendaItem, card: ToolCard) -> tuple[str, str] | None:
    """An agenda item that uses a card must give at least the minutes of the card's steps it uses.

    Returns the field at fault and the message, or None when the item fits.
    """
    numbers = item.steps or list(range(1, len(card.steps) + 1))
    beyond = [number for number in numbers if number > len(card.steps)]
    if beyond:
        return "steps", (
            f"the card '{card.id}' has {len(card.steps)} steps, so there is no step {beyond[0]}; "
            f"number its steps from 1 to {len(card.steps)}"
        )
    needed = sum(card.steps[number - 1].minutes for number in numbers)
    if item.minutes >= needed:
        return None
    which = "its steps take" if item.steps is None else f"the steps it uses ({', '.join(map(str, numbers))}) take"
    return "minutes", (
        f"'{item.title}' uses the card '{card.id}', and {which} {needed} minutes, but the item has "
        f"{item.minutes}; give it at least {needed} minutes, shorten the card's steps, "
        "or list the steps it uses, such as 'steps: [1, 2]'"
    )


def check_sheets(pack: Pack, sheets: Collection[str]) -> list[Problem]:
    """Every session's ``print`` entry that names a sheet, by a ``print_as`` file no page has.

    ``sheets`` are the files of every page that prints on its own, a fork's hidden pages included.
    """
    report = _Report(pack, ())
    for session in pack.sessions.values():
        for index, printed in enumerate(session.print):
            kind, file = printed.document
            if kind == "sheet" and file not in sheets:
                wrong = UnknownIdError("page printed on its own (print_as file)", file, sorted(sheets))
                report.add(report.source("session", session.id), ("print", index, "sheet"), str(wrong))
    return report.problems


__all__ = ["check_references", "check_sheets"]
