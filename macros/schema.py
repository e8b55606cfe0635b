"""The pack's data model: tool cards, question banks, session plans, forms, glossary terms, the programme.

Every content file under ``pack/`` is read into one of these models. The
models say what each field holds and which values are allowed; the loader
(:mod:`macros.loading`) turns any failure into a message that names the
file, the line and the field.

Fields typed :data:`MarkdownText` hold Markdown and are rendered by the
site's Markdown pipeline. Every other text field is plain text and is
HTML-escaped wherever it is shown.

The models are also the one source of the "Fields of pack files" page
(:mod:`macros.fields`): each field's ``description`` and ``examples``, the
:class:`Words` a type is named by, and the :func:`rule` on each validator.
A message about a value of the wrong shape shows the same example.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Any, ClassVar, TypeVar

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


@dataclass(frozen=True)
class Words:
    """How the field reference names a type in plain words: one value, a list of them, and a note."""

    one: str
    many: str
    note: str = ""


Function = TypeVar("Function", bound=Callable[..., Any])


def rule(text: str) -> Callable[[Function], Function]:
    """Say what a validator checks, in a sentence or two of Markdown, for the field reference page.

    Put it under ``@field_validator`` or ``@model_validator`` (and under
    ``@classmethod``); a test checks that every validator has one.
    """

    def mark(function: Function) -> Function:
        function.rule = text  # type: ignore[attr-defined]
        return function

    return mark


Id = Annotated[
    StrictStr,
    StringConstraints(pattern=ID_PATTERN, max_length=60),
    Words("id of lower-case letters, digits and single hyphens", "ids"),
]
PlainText = Annotated[
    StrictStr,
    StringConstraints(strip_whitespace=True, min_length=1),
    AfterValidator(_no_html),
    Words("text", "text items"),
]
#: Markdown source; rendered through the same extensions as the pages.
MarkdownText = Annotated[
    StrictStr,
    StringConstraints(strip_whitespace=True, min_length=1),
    AfterValidator(_no_html),
    Words("text", "text items", note="Markdown allowed"),
]
Minutes = Annotated[StrictInt, Field(gt=0, le=600), Words("whole number of minutes", "whole numbers of minutes")]
People = Annotated[StrictInt, Field(ge=1, le=100), Words("whole number of people", "whole numbers of people")]


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


class DocumentUse(StrEnum):
    """Who or what a printed document is for: the Downloads page groups them by it."""

    ROOM = "room"
    MEMBERS = "members"
    FACILITATOR = "facilitator"


class Role(StrEnum):
    """Who leads an item on a session agenda."""

    FACILITATOR = "facilitator"
    MEMBERS = "members"
    PRESENTER = "presenter"
    SPONSOR = "sponsor"
    EVERYONE = "everyone"


class ItemKind(StrEnum):
    """What an item on a session agenda is: work, or a break (drawn differently on the agenda's timeline)."""

    ACTIVITY = "activity"
    BREAK = "break"


class Problem(StrEnum):
    """A difficulty a set meets, that a tool card helps with (most are on the Common difficulties page).

    The one list of them: a card's ``problems`` takes these values, the tool
    index and the planner's finder search them, and each has a label under
    ``problem`` in the strings.
    """

    ADVICE_GIVING = "advice-giving"
    SILENCE = "silence"
    DOMINANT_MEMBER = "dominant-member"
    NO_ISSUE = "no-issue"
    STUCK_ISSUE = "stuck-issue"
    UNCLEAR_ISSUE = "unclear-issue"
    WANTS_SOLUTIONS = "wants-solutions"
    COLLUSION = "collusion"
    BLAMING_OTHERS = "blaming-others"
    CONFLICT = "conflict"
    DEPENDENCE = "dependence"
    ACTIONS_NOT_DONE = "actions-not-done"
    LATENESS_ABSENCE = "lateness-absence"
    CONFIDENTIALITY = "confidentiality"
    DISTRESS = "distress"
    DRIFTING_MEETING = "drifting-meeting"
    LEARNING_UNCLEAR = "learning-unclear"
    NEW_TO_THE_METHOD = "new-to-the-method"


@rule("`next_review` comes after `last_reviewed`.")
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

    #: Written after the content, in the files and in pack.json.
    LAST_FIELDS: ClassVar[tuple[str, ...]] = ("last_reviewed", "next_review")

    id: Id = Field(
        description="The item's stable name: its file's name without `.yml`. "
        "Keep it once the item is published, so that links to it keep working.",
        examples=["check-in"],
    )
    last_reviewed: dt.date = Field(description="When someone last checked the item.", examples=[dt.date(2026, 12, 1)])
    next_review: dt.date = Field(description="When the item is next due a check.", examples=[dt.date(2027, 12, 1)])

    _review_order = field_validator("next_review")(_after_last_review)

    @model_serializer(mode="wrap")
    def _review_dates_last(self, handler: SerializerFunctionWrapHandler) -> Any:
        """As in the files and in pack.json: the review dates come after the content."""
        data = handler(self)
        if isinstance(data, dict):
            for key in self.LAST_FIELDS:
                if key in data:
                    data[key] = data.pop(key)
        return data


class PagedItem(Item):
    """An item with a page of its own, whose title and summary the page shows."""

    title: PlainText = Field(description="The item's name, as its page's heading and in lists.", examples=["Check-in"])
    summary: PlainText = Field(
        max_length=200,
        description="One sentence that says what the item is, shown in lists and at the top of its page.",
        examples=["A short opening round in which each member says how they are arriving."],
    )


class Range(Strict):
    """An inclusive range, such as 20 to 40 minutes."""

    min: StrictInt = Field(ge=1, description="The lowest number.")
    max: StrictInt = Field(ge=1, description="The highest number.")

    @model_validator(mode="after")
    @rule("`min` is not above `max`.")
    def _min_not_above_max(self) -> Range:
        if self.min > self.max:
            raise ValueError(f"min ({self.min}) is above max ({self.max}); swap them")
        return self


class Step(Strict):
    """One step of a tool, with its time and an optional note for the facilitator."""

    text: MarkdownText = Field(
        description="What the facilitator or the set does in this step.",
        examples=["Go round the group. Let each member pass if they wish."],
    )
    minutes: Minutes = Field(description="How long the step takes.", examples=[7])
    note: MarkdownText | None = Field(
        default=None,
        description="A note for the facilitator about this step.",
        examples=["If someone shares something painful, thank them and talk at the break."],
    )


class Related(Strict):
    """Cards and question banks that go well with a card."""

    cards: list[Id] = Field(
        default_factory=list, description="Other tool cards that go well with this one.", examples=[["check-out"]]
    )
    banks: list[Id] = Field(
        default_factory=list, description="Question banks that go well with this card.", examples=[["open-questions"]]
    )


class ToolCard(PagedItem):
    """A reusable facilitation tool, printed as a one-page handout."""

    purpose: MarkdownText = Field(
        description="What the tool is for, and why it helps.",
        examples=["A check-in gives each member a moment to say how they are."],
    )
    stages: list[Stage] = Field(
        min_length=1,
        description="Where the tool fits in a meeting or in the cycle of meetings.",
        examples=[["opening"]],
    )
    sessions: list[SessionKind] = Field(
        min_length=1, description="The kinds of meeting the tool suits.", examples=[["introductory", "set-meeting"]]
    )
    duration: Range = Field(
        description="How long the tool takes, in minutes: the shortest and the longest time.",
        examples=[{"min": 15, "max": 25}],
    )
    group_size: Range = Field(
        description="How many people the tool suits: the fewest and the most.", examples=[{"min": 4, "max": 10}]
    )
    experience: Experience = Field(description="How much facilitation experience the tool asks for.", examples=["new"])
    problems: list[Problem] = Field(
        default_factory=list,
        description="The difficulties in a set that the tool helps with, from a fixed list. The card shows them, "
        "and the tool index and the planner find the card by them. Each value has a label under `problem` "
        "in the strings.",
        examples=[["advice-giving", "new-to-the-method"]],
    )
    materials: list[PlainText] = Field(
        min_length=1, description="What the facilitator needs, one thing to an item.", examples=[["A timer"]]
    )
    preparation: MarkdownText = Field(
        description="What to do before the meeting.", examples=["Choose a check-in question before the meeting."]
    )
    steps: list[Step] = Field(
        min_length=1,
        description="What happens, step by step. Their minutes add up to a time within `duration`.",
        examples=[[{"text": "Go round the group.", "minutes": 15}]],
    )
    tips: list[MarkdownText] = Field(
        min_length=1, description="Short pieces of advice from experience.", examples=[["Keep to time."]]
    )
    variations: list[MarkdownText] = Field(
        min_length=1,
        description="Other ways to run the tool.",
        examples=[["**One word.** Each member gives one word for how they feel."]],
    )
    online: MarkdownText = Field(
        description="How to run the tool when the set meets online, or with some members online.",
        examples=["Call on people by name in a fixed order."],
    )
    health_and_social_care: MarkdownText = Field(
        description="What to bear in mind in health and social care.",
        examples=["Staff may arrive straight from a hard shift."],
    )
    access: MarkdownText | None = Field(
        default=None,
        description="Changes so that every member can take part: access, communication and energy.",
        examples=["Tell members the question before the meeting if they like time to think."],
    )
    risks: list[MarkdownText] = Field(
        default_factory=list,
        description="What can go wrong with the tool, and what to do about it.",
        examples=[["The round turns into a chat. Say kindly that replies can wait for the break."]],
    )
    related: Related = Field(
        default_factory=Related,
        description="Tool cards and question banks that go well with this card, by their ids.",
        examples=[{"cards": ["check-out"], "banks": ["open-questions"]}],
    )
    source: MarkdownText = Field(
        description="Where the tool comes from.", examples=["A common opening round in action learning."]
    )
    licence: PlainText = Field(description="The licence the card is shared under.", examples=["CC BY-SA 4.0"])

    @field_validator("problems")
    @classmethod
    @rule("No value of `problems` is given twice.")
    def _problems_once(cls, problems: list[Problem]) -> list[Problem]:
        twice = sorted({problem.value for problem in problems if problems.count(problem) > 1})
        if twice:
            raise ValueError(f"{', '.join(twice)} given more than once; keep one of each")
        return problems

    @field_validator("steps")
    @classmethod
    @rule("The steps' `minutes` add up to a time from `duration.min` to `duration.max`.")
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

    id: Id = Field(
        description="The category's id, unique in the bank. Each question names its category by this id.",
        examples=["clarifying"],
    )
    title: PlainText = Field(description="The category's heading.", examples=["Clarifying questions"])
    description: MarkdownText = Field(
        description="What the questions in the category are for.",
        examples=["Short questions about the facts, to ask first."],
    )


class Question(Strict):
    """One question.

    In a 'rephrase' bank, ``text`` is the question to avoid and
    ``alternative`` the open question to ask instead.
    """

    id: Id = Field(description="The question's id, unique across every bank.", examples=["who-is-involved"])
    text: PlainText = Field(
        description="The question. In a `rephrase` bank, the question to avoid.",
        examples=["Who else is involved in this?"],
    )
    category: Id = Field(description="The id of the question's category in this bank.", examples=["clarifying"])
    stage: Stage = Field(description="Where in a meeting the question fits.", examples=["presenting"])
    purpose: PlainText = Field(
        description="What the question does for the presenter.",
        examples=["Shows the people around the issue."],
    )
    caution: PlainText | None = Field(
        default=None,
        description="When to take care with the question, and why.",
        examples=["It can feel like a test if asked too early."],
    )
    alternative: PlainText | None = Field(
        default=None,
        description="In a `rephrase` bank only: the open question to ask instead.",
        examples=["What options can you see?"],
    )
    starter: bool = Field(
        default=False,
        description="Whether the question is on the one-page sheet of starter questions for new members.",
        examples=[True],
    )


class BankKind(StrEnum):
    OPEN = "open"
    REPHRASE = "rephrase"


class QuestionBank(PagedItem):
    """A bank of questions, grouped into categories."""

    kind: BankKind = Field(
        default=BankKind.OPEN,
        description="`open` for questions to ask; `rephrase` for questions to avoid, each with one to ask instead.",
        examples=["rephrase"],
    )
    introduction: MarkdownText = Field(
        description="The text above the questions: what they are for and how to use them.",
        examples=["Ask one question at a time, then stop and wait."],
    )
    categories: list[Category] = Field(
        min_length=1,
        description="The groups of questions, in the order the page shows them.",
        examples=[
            [{"id": "clarifying", "title": "Clarifying questions", "description": "Short questions about the facts."}]
        ],
    )
    questions: list[Question] = Field(
        min_length=1,
        description="The questions, each in one of the categories.",
        examples=[
            [
                {
                    "id": "who-is-involved",
                    "text": "Who else is involved in this?",
                    "category": "clarifying",
                    "stage": "presenting",
                    "purpose": "Shows the people around the issue.",
                }
            ]
        ],
    )


class AgendaItem(Strict):
    """One timed item on a session plan."""

    title: PlainText = Field(description="The item's name on the plan.", examples=["Check-in"])
    minutes: Minutes = Field(description="How long the item takes.", examples=[10])
    lead: Role = Field(description="Who leads the item.", examples=["facilitator"])
    kind: ItemKind = Field(
        default=ItemKind.ACTIVITY,
        description="`break` for a break (the agenda's timeline draws it hatched and dashed); "
        "anything else is an activity.",
        examples=["break"],
    )
    card: Id | None = Field(default=None, description="The tool card the item uses, by its id.", examples=["check-in"])
    steps: list[Annotated[StrictInt, Field(ge=1)]] | None = Field(
        default=None,
        min_length=1,
        description="The card's steps the item uses, by number (1 is the first), when it uses only some. "
        "Without it, the item uses every step.",
        examples=[[1, 2]],
    )
    slot: Annotated[StrictInt, Field(ge=1, le=12)] | None = Field(
        default=None,
        description="The member's presenter slot the item is, or is part of, numbered from 1 in the meeting. "
        "Two items with the same number are one slot.",
        examples=[1],
    )
    notes: MarkdownText | None = Field(
        default=None, description="Notes for the facilitator on the item.", examples=["You go first."]
    )

    @model_validator(mode="after")
    @rule("An item with `steps` also has a `card`.")
    def _steps_need_a_card(self) -> AgendaItem:
        if self.steps is not None and self.card is None:
            raise ValueError("'steps' names steps of a card, but the item has no 'card': add one or remove 'steps'")
        return self


class Preparation(Strict):
    """What the facilitator and the members do before a meeting."""

    facilitator: list[MarkdownText] = Field(
        min_length=1, description="What the facilitator does before the meeting.", examples=[["Book the room."]]
    )
    members: list[MarkdownText] = Field(
        min_length=1, description="What members do before the meeting.", examples=[["Think of an issue to bring."]]
    )


class Copies(StrEnum):
    """How many copies of a document to print for a meeting, worked out from the set's size."""

    EACH_MEMBER = "each-member"
    SEND_EACH_MEMBER = "send-each-member"
    ON_REQUEST = "on-request"
    EACH_GROUP = "each-group"
    TIMEKEEPER = "timekeeper"
    YOU_AND_SPONSOR = "you-and-sponsor"


#: The kinds of document a meeting can ask to print, as keys of :class:`PrintItem`.
PRINTABLE = ("card", "form", "bank", "sheet")


class PrintItem(Strict):
    """A document to print for a meeting, named by its id under one key, and how many copies."""

    card: Id | None = Field(default=None, description="A tool card, whose handout is printed.", examples=["check-in"])
    form: Id | None = Field(default=None, description="A form or template.", examples=["reflective-log"])
    bank: Id | None = Field(default=None, description="A question bank.", examples=["rephrase-these"])
    sheet: Id | None = Field(
        default=None,
        description="A page that prints on its own: the `file` of its `print_as`.",
        examples=["starter-questions"],
    )
    copies: Copies = Field(
        description="How many copies: one for each member (`each-member`), sent to each member "
        "(`send-each-member`), up to one for each member who asks (`on-request`), one for each group "
        "of a meeting that splits (`each-group`), one for the timekeeper (`timekeeper`), or one for you "
        "and one for the sponsor (`you-and-sponsor`).",
        examples=["each-member"],
    )

    @model_validator(mode="after")
    @rule("A document to print names exactly one of `card`, `form`, `bank` or `sheet`.")
    def _one_document(self) -> PrintItem:
        named = [key for key in PRINTABLE if getattr(self, key) is not None]
        if len(named) != 1:
            raise ValueError(
                f"name one document, by one of {', '.join(PRINTABLE)}, such as 'form: reflective-log'; "
                f"this names {len(named)}"
            )
        return self

    @property
    def document(self) -> tuple[str, str]:
        """The document's kind (a key of :data:`PRINTABLE`) and id."""
        kind = next(key for key in PRINTABLE if getattr(self, key) is not None)
        return kind, str(getattr(self, kind))


class SessionPlan(PagedItem):
    """A meeting in the programme, with its timed agenda."""

    order: StrictInt = Field(ge=1, description="The meeting's place in the cycle, counting from 1.", examples=[3])
    kind: SessionKind = Field(description="The kind of meeting.", examples=["set-meeting"])
    alternative_to: Id | None = Field(
        default=None,
        description="The id of the session this is another way to run, such as online. "
        "It takes that session's `order`, and is not an extra meeting.",
        examples=["introductory-meeting"],
    )
    split_from: People | None = Field(
        default=None,
        description="The set size from which the set works in two groups for its presenter slots. "
        "The groups run their slots at the same time.",
        examples=[9],
    )

    def groups_for(self, members: int) -> int:
        """How many groups a set of ``members`` works in for its presenter slots at this meeting."""
        return 2 if self.split_from is not None and members >= self.split_from else 1

    purpose: MarkdownText = Field(
        description="What the meeting is for.", examples=["This is the first time members work on real issues."]
    )
    length: Minutes = Field(description="How long the meeting lasts. The agenda adds up to it.", examples=[210])
    agenda: list[AgendaItem] = Field(
        min_length=1,
        description="The timed items of the meeting, in order.",
        examples=[[{"title": "Check-in", "minutes": 10, "lead": "facilitator", "card": "check-in"}]],
    )
    room: list[PlainText] = Field(min_length=1, description="What the room needs.", examples=[["A circle of chairs"]])
    materials: list[PlainText] = Field(min_length=1, description="What to bring.", examples=[["A flip chart and pens"]])
    preparation: Preparation = Field(
        description="What the facilitator and the members do before the meeting.",
        examples=[{"facilitator": ["Book the room."], "members": ["Think of an issue to bring."]}],
    )
    facilitator_notes: MarkdownText = Field(
        description="Advice for the facilitator on running the meeting.",
        examples=["Keep the first round short."],
    )
    before_next: list[MarkdownText] = Field(
        min_length=1,
        description="What members do before the next meeting.",
        examples=[["Act on the action you agreed."]],
    )
    print: list[PrintItem] = Field(
        default_factory=list,
        description="The documents to print for the meeting, each by its id, and how many copies. "
        "The session's page lists them, and the PDF step joins them into one PDF.",
        examples=[[{"form": "reflective-log", "copies": "each-member"}]],
    )

    @field_validator("agenda")
    @classmethod
    @rule("The agenda items' `minutes` add up to `length`.")
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

    min: StrictInt = Field(ge=0, le=1, description="The lowest rating.", examples=[1])
    max: StrictInt = Field(ge=2, le=10, description="The highest rating.", examples=[5])
    low: PlainText = Field(description="What the lowest rating means.", examples=["not at all true"])
    high: PlainText = Field(description="What the highest rating means.", examples=["completely true"])
    columns: list[PlainText] = Field(
        min_length=1,
        max_length=3,
        description="What each column of ratings asks about.",
        examples=[["Before the set", "Now"]],
    )


class FormSection(Strict):
    """One part of a form, with its heading."""

    title: PlainText = Field(description="The section's heading.", examples=["Your views in your own words"])
    kind: SectionKind = Field(
        description="How the section asks: `fields` for short answers, `questions` for open questions with space "
        "to write, `ratings` for statements to rate on the form's scale, `text` for words to read.",
        examples=["questions"],
    )
    help: MarkdownText | None = Field(
        default=None,
        description="Guidance above the items. In a `text` section, the text itself.",
        examples=["Please leave out anything that would show who you are."],
    )
    items: list[PlainText] = Field(
        default_factory=list,
        description="The fields, questions or statements, one to an item.",
        examples=[["What has been most useful about the set for you?"]],
    )
    lines: StrictInt = Field(
        default=3, ge=1, le=20, description="Lines of space for each answer, in a `questions` section.", examples=[4]
    )

    @model_validator(mode="after")
    @rule("A `text` section has its words in `help` and no `items`. Every other section has at least one item.")
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

    kind: FormKind = Field(
        description="`form` for a form to fill in (its PDF has boxes to type in); `template` for a sheet to write on.",
        examples=["form"],
    )
    use: DocumentUse = Field(
        default=DocumentUse.MEMBERS,
        description="Who the printed form is for, which groups it on the Downloads page: `room` for sheets used "
        "in a meeting (such as role cards), `members` for what each member keeps or fills in, `facilitator` for "
        "letters, agreements and records the facilitator sends or keeps.",
        examples=["members"],
    )
    introduction: MarkdownText = Field(
        description="The text above the sections: who fills in the form, and when.",
        examples=["Give this form out at the final meeting."],
    )
    scale: RatingScale | None = Field(
        default=None,
        description="The scale for the form's `ratings` sections.",
        examples=[
            {
                "min": 1,
                "max": 5,
                "low": "not at all true",
                "high": "completely true",
                "columns": ["Before the set", "Now"],
            }
        ],
    )
    sections: list[FormSection] = Field(
        min_length=1,
        description="The parts of the form, in order.",
        examples=[[{"title": "Your views", "kind": "questions", "items": ["What has been most useful?"]}]],
    )

    @field_validator("sections")
    @classmethod
    @rule("A form with a `ratings` section has a `scale`.")
    def _ratings_need_a_scale(cls, sections: list[FormSection], info: ValidationInfo) -> list[FormSection]:
        if any(section.kind is SectionKind.RATINGS for section in sections) and info.data.get("scale") is None:
            raise ValueError("a 'ratings' section needs a 'scale' for the form; add one above the sections")
        return sections


class GlossaryTerm(Item):
    """One term of the glossary: the single place where the pack defines it.

    Pages link to it with ``{{ term("id") }}`` instead of defining it again.
    """

    term: PlainText = Field(
        max_length=80,
        description="The term as it is written in running text, such as 'sponsor' or 'L = P + Q'.",
        examples=["sponsor"],
    )
    definition: MarkdownText = Field(
        description="What the term means.", examples=["The person or organisation that commissions a set."]
    )
    also: list[PlainText] = Field(
        default_factory=list,
        description="Other forms of the term that readers may look for.",
        examples=[["sponsors", "sponsoring organisation"]],
    )
    source: MarkdownText | None = Field(
        default=None, description="Who the idea comes from, when it has an author.", examples=["Reg Revans"]
    )


class SetSize(Range):
    """How many members a set has: the range this pack recommends and the size its plans are written for."""

    usual: StrictInt = Field(ge=1)

    @model_validator(mode="after")
    @rule("`usual` is from `min` to `max`.")
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
