"""The pack's data model: tool cards, question banks, session plans, forms, glossary terms, the programme.

Every content file under ``pack/`` is read into one of these models. The
models say what each field holds and which values are allowed; the loader
(:mod:`macros.loading`) turns any failure into a message that names the
file, the line and the field.

Fields typed :data:`MarkdownText` hold Markdown and are rendered by the
site's Markdown pipeline. Every other text field is plain text and is
HTML-escaped wherever it is shown.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    StrictInt,
    StrictStr,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_serializer,
    model_validator,
)

#: A stable identifier: lower-case letters, digits and single hyphens.
#: Ids are never renumbered, so translations and links stay valid.
ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

#: Something that looks like an HTML tag: <b>, </p>, <script src=...>, <!-- -->.
#: Autolinks such as <https://example.org> do not match.
HTML_TAG = re.compile(r"<(?:!--|/?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?/?>)")


#: Script hidden in Markdown: a javascript: link, or an event handler in an
#: attribute list such as {: onclick="..." }.
SCRIPT_IN_MARKDOWN = re.compile(r"(?i)(?:java|vb)script\s*:|\{[^}]*\bon[a-z]+\s*=")


def _no_html(text: str) -> str:
    """Pack data holds plain text or Markdown, never HTML: a tag there is an error.

    The components escape every value anyway; refusing tags tells the editor
    at once, instead of showing them the tag as text on the page.
    """
    script = SCRIPT_IN_MARKDOWN.search(text)
    if script:
        raise ValueError(
            f"contains script ({script.group(0)[:40]}); pack files hold plain text or Markdown only: remove it"
        )
    match = HTML_TAG.search(text)
    if match:
        raise ValueError(
            f"contains HTML ({match.group(0)[:40]}); pack files hold plain text or Markdown: "
            "remove the tag, or use Markdown such as **bold** or [a link](page.md)"
        )
    return text


Id = Annotated[StrictStr, StringConstraints(pattern=ID_PATTERN, max_length=60)]
PlainText = Annotated[StrictStr, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(_no_html)]
#: Markdown source; rendered through the same extensions as the pages.
MarkdownText = Annotated[StrictStr, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(_no_html)]
Minutes = Annotated[StrictInt, Field(gt=0, le=600)]
People = Annotated[StrictInt, Field(ge=1, le=100)]


class Stage(StrEnum):
    """Where a tool or question fits in a meeting or in the cycle of meetings."""

    PREPARING = "preparing"
    OPENING = "opening"
    PRESENTING = "presenting"
    ACTING = "acting"
    REFLECTING = "reflecting"
    CLOSING = "closing"
    ENDING = "ending"


class SessionKind(StrEnum):
    """The kinds of meeting in the programme."""

    SPONSOR_BRIEFING = "sponsor-briefing"
    INTRODUCTORY = "introductory"
    SET_MEETING = "set-meeting"
    FINAL = "final"
    BETWEEN_MEETINGS = "between-meetings"


class Experience(StrEnum):
    """How much facilitation experience a tool asks for."""

    NEW = "new"
    SOME = "some"
    EXPERIENCED = "experienced"


class Role(StrEnum):
    """Who leads an item on a session agenda."""

    FACILITATOR = "facilitator"
    MEMBERS = "members"
    PRESENTER = "presenter"
    SPONSOR = "sponsor"
    EVERYONE = "everyone"


def _after_last_review(cls: type, next_review: dt.date, info: ValidationInfo) -> dt.date:
    """A field validator: the next review must come after the last one."""
    last = info.data.get("last_reviewed")
    if last is not None and next_review <= last:
        raise ValueError(f"next_review ({next_review}) must come after last_reviewed ({last})")
    return next_review


class Strict(BaseModel):
    """Base for every model: unknown fields are errors, so typos are caught."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False)


class Item(Strict):
    """What every pack item has: a stable id (its file name) and its review dates."""

    id: Id
    last_reviewed: dt.date
    next_review: dt.date

    _review_order = field_validator("next_review")(_after_last_review)

    @model_serializer(mode="wrap")
    def _review_dates_last(self, handler: SerializerFunctionWrapHandler) -> Any:
        """As in the files and in pack.json: the review dates come after the content."""
        data = handler(self)
        if isinstance(data, dict):
            for key in ("last_reviewed", "next_review"):
                if key in data:
                    data[key] = data.pop(key)
        return data


class PagedItem(Item):
    """An item with a page of its own, whose title and summary the page shows."""

    title: PlainText
    summary: PlainText = Field(max_length=200)


class Range(Strict):
    """An inclusive range, such as 20 to 40 minutes."""

    min: StrictInt = Field(ge=1)
    max: StrictInt = Field(ge=1)

    @model_validator(mode="after")
    def _min_not_above_max(self) -> Range:
        if self.min > self.max:
            raise ValueError(f"min ({self.min}) is above max ({self.max}); swap them")
        return self


class Step(Strict):
    """One step of a tool, with its time and an optional note for the facilitator."""

    text: MarkdownText
    minutes: Minutes
    note: MarkdownText | None = None


class Related(Strict):
    """Cards and question banks that go well with a card."""

    cards: list[Id] = Field(default_factory=list)
    banks: list[Id] = Field(default_factory=list)


class ToolCard(PagedItem):
    """A reusable facilitation tool, printed as a one-page handout."""

    purpose: MarkdownText
    stages: list[Stage] = Field(min_length=1)
    sessions: list[SessionKind] = Field(min_length=1)
    duration: Range
    group_size: Range
    experience: Experience
    materials: list[PlainText] = Field(min_length=1)
    preparation: MarkdownText
    steps: list[Step] = Field(min_length=1)
    tips: list[MarkdownText] = Field(min_length=1)
    variations: list[MarkdownText] = Field(min_length=1)
    online: MarkdownText
    health_and_social_care: MarkdownText
    #: Adjustments so that every member can take part (access, communication, energy).
    access: MarkdownText | None = None
    #: What can go wrong with the tool, and what to do about it.
    risks: list[MarkdownText] = Field(default_factory=list)
    related: Related = Field(default_factory=Related)
    source: MarkdownText
    licence: PlainText

    @field_validator("steps")
    @classmethod
    def _steps_fit_duration(cls, steps: list[Step], info: ValidationInfo) -> list[Step]:
        duration = info.data.get("duration")
        total = sum(step.minutes for step in steps)
        if duration is not None and not duration.min <= total <= duration.max:
            raise ValueError(
                f"the steps add up to {total} minute{'' if total == 1 else 's'}, outside the duration "
                f"{duration.min}-{duration.max}; change a step's minutes or the duration"
            )
        return steps

    @property
    def total_minutes(self) -> int:
        return sum(step.minutes for step in self.steps)


class Category(Strict):
    """A group of questions in a bank, such as 'clarifying'."""

    id: Id
    title: PlainText
    description: MarkdownText


class Question(Strict):
    """One question.

    In a 'rephrase' bank, ``text`` is the question to avoid and
    ``alternative`` the open question to ask instead.
    """

    id: Id
    text: PlainText
    category: Id
    stage: Stage
    purpose: PlainText
    caution: PlainText | None = None
    alternative: PlainText | None = None
    #: On the one-page starter sheet for new members.
    starter: bool = False


class BankKind(StrEnum):
    OPEN = "open"
    REPHRASE = "rephrase"


class QuestionBank(PagedItem):
    """A bank of questions, grouped into categories."""

    kind: BankKind = BankKind.OPEN
    introduction: MarkdownText
    categories: list[Category] = Field(min_length=1)
    questions: list[Question] = Field(min_length=1)


class AgendaItem(Strict):
    """One timed item on a session plan."""

    title: PlainText
    minutes: Minutes
    lead: Role
    card: Id | None = None
    #: The card's steps this item uses, by number (1 is the first), when it
    #: uses only part of the card; without it the item uses every step.
    steps: list[Annotated[StrictInt, Field(ge=1)]] | None = Field(default=None, min_length=1)
    #: The member's presenter slot this item is (or is part of), numbered
    #: from 1 in the meeting; two items with the same number are one slot.
    slot: Annotated[StrictInt, Field(ge=1, le=12)] | None = None
    notes: MarkdownText | None = None

    @model_validator(mode="after")
    def _steps_need_a_card(self) -> AgendaItem:
        if self.steps is not None and self.card is None:
            raise ValueError("'steps' names steps of a card, but the item has no 'card': add one or remove 'steps'")
        return self


class Preparation(Strict):
    facilitator: list[MarkdownText] = Field(min_length=1)
    members: list[MarkdownText] = Field(min_length=1)


class SessionPlan(PagedItem):
    """A meeting in the programme, with its timed agenda."""

    order: StrictInt = Field(ge=1)
    kind: SessionKind
    #: Another way to run the session with this id (for example online); it
    #: takes that session's order and is not an extra meeting in the cycle.
    alternative_to: Id | None = None
    #: In a set of at least this many members, the set works in two groups
    #: for its presenter slots, each running the slots at the same time.
    split_from: People | None = None
    purpose: MarkdownText
    length: Minutes
    agenda: list[AgendaItem] = Field(min_length=1)
    room: list[PlainText] = Field(min_length=1)
    materials: list[PlainText] = Field(min_length=1)
    preparation: Preparation
    facilitator_notes: MarkdownText
    before_next: list[MarkdownText] = Field(min_length=1)

    @field_validator("agenda")
    @classmethod
    def _agenda_fills_length(cls, agenda: list[AgendaItem], info: ValidationInfo) -> list[AgendaItem]:
        length = info.data.get("length")
        total = sum(item.minutes for item in agenda)
        if length is not None and total != length:
            raise ValueError(f"the agenda adds up to {total} minutes but length is {length}; make them equal")
        return agenda

    @property
    def cards_used(self) -> list[str]:
        """Card ids in agenda order, each once."""
        seen: dict[str, None] = {}
        for item in self.agenda:
            if item.card:
                seen.setdefault(item.card, None)
        return list(seen)


class FormKind(StrEnum):
    """A form is filled in (it has fields in its PDF); a template is a sheet to write on."""

    FORM = "form"
    TEMPLATE = "template"


class SectionKind(StrEnum):
    """How a form section asks: short fields, open questions with space, or ratings; or text to read."""

    FIELDS = "fields"
    QUESTIONS = "questions"
    RATINGS = "ratings"
    #: Paragraphs to read, such as the body of a letter or the terms of an agreement.
    TEXT = "text"


class RatingScale(Strict):
    """A scale such as 1 (not at all) to 5 (very much), asked once per column."""

    min: StrictInt = Field(ge=0, le=1)
    max: StrictInt = Field(ge=2, le=10)
    low: PlainText
    high: PlainText
    #: What each rating column asks about, such as 'Before the set' and 'Now'.
    columns: list[PlainText] = Field(min_length=1, max_length=3)


class FormSection(Strict):
    title: PlainText
    kind: SectionKind
    #: Guidance above the items; for a 'text' section, the text itself.
    help: MarkdownText | None = None
    items: list[PlainText] = Field(default_factory=list)
    #: Lines of space for each answer (questions only).
    lines: StrictInt = Field(default=3, ge=1, le=20)

    @model_validator(mode="after")
    def _items_fit_the_kind(self) -> FormSection:
        if self.kind is SectionKind.TEXT:
            if self.items:
                raise ValueError("a 'text' section has no items: put its words in 'help', or change its kind")
            if not self.help:
                raise ValueError("a 'text' section needs its words in 'help'")
        elif not self.items:
            raise ValueError(f"a '{self.kind.value}' section needs at least one item under 'items'")
        return self


class Form(PagedItem):
    """A form or template, printed as its own PDF and shown on its own page."""

    kind: FormKind
    introduction: MarkdownText
    scale: RatingScale | None = None
    sections: list[FormSection] = Field(min_length=1)

    @field_validator("sections")
    @classmethod
    def _ratings_need_a_scale(cls, sections: list[FormSection], info: ValidationInfo) -> list[FormSection]:
        if any(section.kind is SectionKind.RATINGS for section in sections) and info.data.get("scale") is None:
            raise ValueError("a 'ratings' section needs a 'scale' for the form; add one above the sections")
        return sections


class GlossaryTerm(Item):
    """One term of the glossary: the single place where the pack defines it.

    Pages link to it with ``{{ term("id") }}`` instead of defining it again.
    """

    #: The term as it is written in running text, such as 'sponsor' or 'L = P + Q'.
    term: PlainText = Field(max_length=80)
    definition: MarkdownText
    #: Other forms readers may look for, such as 'sponsors' or 'issue holder'.
    also: list[PlainText] = Field(default_factory=list)
    #: Who the idea comes from, when it has an author.
    source: MarkdownText | None = None


class SetSize(Range):
    """How many members a set has: the range this pack recommends and the size its plans are written for."""

    usual: StrictInt = Field(ge=1)

    @model_validator(mode="after")
    def _usual_in_range(self) -> SetSize:
        if not self.min <= self.usual <= self.max:
            raise ValueError(f"usual ({self.usual}) must be between min ({self.min}) and max ({self.max})")
        return self


class Programme(Strict):
    """The figures about the programme that pages quote, written once (``pack/programme.yml``).

    Figures that can be counted from the session plans (how many meetings,
    how many presenter slots) are counted, not written here.
    """

    set_size: SetSize
    #: The sizes of set the plans say how to adapt for (beyond set_size).
    adapts_for: Range
    #: Weeks between meetings.
    meets_every_weeks: Range
    #: How long a cycle of meetings usually runs.
    cycle_months: Range
    #: The card an agenda item uses for one member's presenter slot.
    slot_card: Id
    last_reviewed: dt.date
    next_review: dt.date

    _review_order = field_validator("next_review")(_after_last_review)
