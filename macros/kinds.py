"""The kinds of pack item, each declared once.

A kind says where its files live (``pack/<folder>/<id>.yml``), which model
validates them, what to call one in a message, where one lives on the site,
which macro links to one and which component shows one, whether each item
gets a page of its own, and whether it gets a PDF of its own. Loading, page
generation, links, the macro table, page checks, pack.json and the
Downloads list all read this table; a new kind is one row here, a model in
:mod:`macros.schema` and a component.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .schema import Form, FormKind, GlossaryTerm, Item, QuestionBank, SessionPlan, ToolCard


@dataclass(frozen=True)
class PageSpec:
    """How an item's own page is made: its component, called with the item's id and ``params``."""

    params: Mapping[str, Any] = field(default_factory=dict)
    #: The page shows the item's title as its heading (else the component does).
    heading: bool = True
    #: The page shows the item's summary under the heading.
    summary: bool = False


@dataclass(frozen=True)
class PdfSpec:
    """An item's own PDF: ``downloads/<folder>/<id>.pdf``."""

    folder: str
    #: The key of the PDF's address in the item's pack.json record.
    json_key: str
    #: What the Downloads page calls the PDF (a key under downloads.kind in the strings).
    label: Callable[[Any], str]
    #: How the PDF step lays the PDF out (see :class:`macros.downloads.Download`).
    layout: str
    #: Who or what the PDF is for, which groups it on the Downloads page (see :data:`macros.downloads.USES`).
    use: Callable[[Any], str]
    #: The strings' key for the PDF's title, from the item's ({title}), when it needs more than the item's
    #: own title to say what it is: a card's handout beside a form of the same name.
    title_key: str | None = None


@dataclass(frozen=True)
class Kind:
    """One kind of pack item."""

    #: The kind's name in code: ``pack.item("card", "check-in")``.
    name: str
    #: The folder under ``pack/`` that holds one file per item.
    folder: str
    model: type[Item]
    #: What a message calls one: "there is no tool card with the id ...".
    noun: str
    #: The list of these items in pack.json.
    json_key: str
    #: Where one item lives on the site, relative to the site root.
    url: str
    #: The macro that links to one item: ``{{ card_link("check-in") }}``.
    link_macro: str
    #: The macro that shows one item, with its id as the first argument.
    component: str | None
    #: The order items are listed in.
    order: Callable[[Any], Any]
    page: PageSpec | None = None
    pdf: PdfSpec | None = None
    #: A class on every link to one (glossary terms are styled as such).
    link_class: str | None = None
    #: Fields left out of an item's pack.json record (a bank's questions are listed on their own).
    json_exclude: frozenset[str] = frozenset()
    #: More fields for an item's pack.json record.
    json_extra: Callable[[Any], dict[str, Any]] | None = None
    #: The rules checked across files (:mod:`macros.references`), in Markdown,
    #: for the field reference page. Rules within one file are on the model's validators.
    rules: tuple[str, ...] = ()

    def file_rules(self) -> list[str]:
        """The rules every file of this kind follows (:data:`FILE_RULES`), in this kind's words."""
        return [text.format(folder=self.folder, noun=self.noun) for text in FILE_RULES]

    def item_url(self, item_id: str) -> str:
        return self.url.format(id=item_id)

    def link_text(self, item: Any) -> str:
        """The words a link to ``item`` shows: its title, or a glossary term's term."""
        return str(getattr(item, "title", None) or getattr(item, "term", item.id))


#: The rules every item's file follows, checked as it is loaded (:mod:`macros.loading`), in
#: Markdown for the field reference page; ``{folder}`` and ``{noun}`` are the kind's.
FILE_RULES = (
    "Each {noun} is one file, `pack/{folder}/<id>.yml`: its `id` is the file's name without `.yml`.",
    "No two files in `pack/{folder}/` have the same `id`.",
    "A file has only the fields listed here. A misspelt field name is an error.",
    "Text holds no HTML. Where Markdown is allowed, use it for **bold** text and links.",
)


def _title(item: Any) -> Any:
    return item.title.casefold()


KINDS: tuple[Kind, ...] = (
    Kind(
        name="card",
        folder="cards",
        model=ToolCard,
        noun="tool card",
        json_key="cards",
        url="tools/{id}.html",
        link_macro="card_link",
        component="tool_card",
        order=_title,
        page=PageSpec(params={"level": 1}, heading=False),
        pdf=PdfSpec(
            folder="handouts",
            json_key="handout",
            label=lambda card: "handout",
            layout="handout",
            use=lambda card: "room",
            title_key="downloads.handout_title",
        ),
        rules=("Each id in `related.cards` names another tool card, and each id in `related.banks` a question bank.",),
    ),
    Kind(
        name="bank",
        folder="questions",
        model=QuestionBank,
        noun="question bank",
        json_key="banks",
        url="questions/{id}.html",
        link_macro="bank_link",
        component="question_bank",
        order=_title,
        page=PageSpec(params={"introduction": True}),
        json_exclude=frozenset({"questions"}),
        rules=(
            "No two categories in a bank have the same `id`, and every category has at least one question.",
            "Each question's `category` is the `id` of one of the bank's categories.",
            "No two questions have the same `id`, in this bank or any other.",
            "In a bank of kind `rephrase`, every question has an `alternative`. In a bank of kind `open`, none has.",
        ),
    ),
    Kind(
        name="session",
        folder="sessions",
        model=SessionPlan,
        noun="session plan",
        json_key="sessions",
        url="programme/{id}.html",
        link_macro="session_link",
        component="session_plan",
        order=lambda session: (session.order, session.alternative_to is not None, session.id),
        page=PageSpec(summary=True),
        json_extra=lambda session: {"cards": session.cards_used},
        rules=(
            "Each agenda item's `card` names a tool card, and its `steps` are numbers of that card's steps.",
            "An agenda item with a `card` gives at least the minutes of the card's steps it uses: "
            "all of them, or those its `steps` list.",
            "An agenda item that uses the card for a presenter slot (`slot_card` in `pack/programme.yml`) "
            "has a `slot`.",
            "No two sessions have the same `order`, except that a session with `alternative_to` "
            "takes the `order` of the session it replaces. That session is not an alternative itself.",
            "Each document in `print` names a tool card, form, question bank, or page that prints "
            "on its own (a `sheet`, by its `print_as` file), by its id.",
        ),
    ),
    Kind(
        name="form",
        folder="forms",
        model=Form,
        noun="form or template",
        json_key="forms",
        url="forms/{id}.html",
        link_macro="form_link",
        component="form",
        order=lambda form: (form.kind is not FormKind.FORM, form.title.casefold()),
        page=PageSpec(),
        pdf=PdfSpec(
            folder="forms",
            json_key="pdf",
            label=lambda form: form.kind.value,
            layout="form",
            use=lambda form: form.use.value,
        ),
    ),
    Kind(
        name="term",
        folder="glossary",
        model=GlossaryTerm,
        noun="glossary term",
        json_key="terms",
        url="glossary.html#{id}",
        link_macro="term",
        component=None,
        order=lambda term: term.term.casefold(),
        link_class="alp-term",
    ),
)


def by_name(kinds: Iterable[Kind] = KINDS) -> dict[str, Kind]:
    return {kind.name: kind for kind in kinds}


#: Where the PDFs go, under the site root.
DOWNLOADS = "downloads"


def pdf_path(kind: Kind, item_id: str) -> str:
    """The site path of an item's own PDF, such as ``downloads/handouts/check-in.pdf``."""
    assert kind.pdf is not None, f"{kind.noun}s have no PDF of their own"
    return f"{DOWNLOADS}/{kind.pdf.folder}/{item_id}.pdf"


@dataclass(frozen=True)
class Routes:
    """Where every item, and every item's PDF, lives on the site (paths from the site root)."""

    kinds: Mapping[str, Kind] = field(default_factory=by_name)
    downloads: str = DOWNLOADS

    def item(self, kind: str, item_id: str) -> str:
        return self.kinds[kind].item_url(item_id)

    def pdf(self, kind: str, item_id: str) -> str:
        return pdf_path(self.kinds[kind], item_id)


def source_of(url: str) -> str:
    """The Markdown source path of a page URL (``a/b.html`` -> ``a/b.md``)."""
    return url.removesuffix(".html") + ".md"


__all__ = [
    "DOWNLOADS",
    "FILE_RULES",
    "KINDS",
    "Kind",
    "PageSpec",
    "PdfSpec",
    "Routes",
    "by_name",
    "pdf_path",
    "source_of",
]
