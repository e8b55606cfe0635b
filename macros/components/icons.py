"""Icons for the index tiles: Material Design Icons, from the set Material for MkDocs bundles.

Each icon is drawn inline as SVG, from the path copied here (a test checks
it against the theme's own file, `material/templates/.icons/material/<name>.svg`),
so a page fetches nothing for it. An icon is decoration beside a text label
that says the same: it is hidden from screen readers, and the PDF step
leaves it out (`alp-icon` is one of its screen-only classes).

Material Design Icons are under the Apache License 2.0 (Pictogrammers).
"""

from __future__ import annotations

from markupsafe import Markup

from ..schema import BankKind, FormKind, Stage

#: The path of each icon, on a 24 by 24 grid, by its name in the Material set.
PATHS: dict[str, str] = {
    "clipboard-text-outline": (
        "M19 3h-4.18C14.25 1.44 12.53.64 11 1.2c-.86.3-1.5.96-1.82 1.8H5a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h1"
        "4a2 2 0 0 0 2-2V5a2 2 0 0 0-2-2m-7 0a1 1 0 0 1 1 1 1 1 0 0 1-1 1 1 1 0 0 1-1-1 1 1 0 0 1 1-1M7 7"
        "h10V5h2v14H5V5h2zm10 4H7V9h10zm-2 4H7v-2h8z"
    ),
    "door-open": ("M12 3c-1.11 0-2 .89-2 2H3v14H2v2h20v-2h-1V5c0-1.11-.89-2-2-2zm0 2h7v14h-7zm-7 6h2v2H5z"),
    "account-voice": (
        "M9 5a4 4 0 0 1 4 4 4 4 0 0 1-4 4 4 4 0 0 1-4-4 4 4 0 0 1 4-4m0 10c2.67 0 8 1.34 8 4v2H1v-2c0-2.6"
        "6 5.33-4 8-4m7.76-9.64c2.02 2.2 2.02 5.25 0 7.27l-1.68-1.69c.84-1.18.84-2.71 0-3.89zM20.07 2c3.9"
        "3 4.05 3.9 10.11 0 14l-1.63-1.63c2.77-3.18 2.77-7.72 0-10.74z"
    ),
    "arrow-right-bold-circle-outline": (
        "m17 12-5 5v-3H8v-4h4V7zM2 12A10 10 0 0 1 12 2a10 10 0 0 1 10 10 10 10 0 0 1-10 10A10 10 0 0 1 2 "
        "12m2 0a8 8 0 0 0 8 8 8 8 0 0 0 8-8 8 8 0 0 0-8-8 8 8 0 0 0-8 8"
    ),
    "lightbulb-outline": (
        "M12 2a7 7 0 0 1 7 7c0 2.38-1.19 4.47-3 5.74V17a1 1 0 0 1-1 1H9a1 1 0 0 1-1-1v-2.26C6.19 13.47 5 "
        "11.38 5 9a7 7 0 0 1 7-7M9 21v-1h6v1a1 1 0 0 1-1 1h-4a1 1 0 0 1-1-1m3-17a5 5 0 0 0-5 5c0 2.05 1.2"
        "3 3.81 3 4.58V16h4v-2.42c1.77-.77 3-2.53 3-4.58a5 5 0 0 0-5-5"
    ),
    "door-closed": ("M16 11h2v2h-2zm-4-8h7c1.11 0 2 .89 2 2v14h1v2H2v-2h8V5c0-1.11.89-2 2-2m0 2v14h7V5z"),
    "flag-checkered": (
        "M14.4 6H20v10h-7l-.4-2H7v7H5V4h9zm-.4 8h2v-2h2v-2h-2V8h-2v2l-1-2V6h-2v2H9V6H7v2h2v2H7v2h2v-2h2v2"
        "h2v-2l1 2zm-3-4V8h2v2zm3 0h2v2h-2z"
    ),
    "message-question-outline": (
        "M20 2H4c-1.1 0-2 .9-2 2v18l4-4h14c1.1 0 2-.9 2-2V4c0-1.1-.9-2-2-2m0 14H5.2L4 17.2V4h16zM12.2 5.5"
        "c-.9 0-1.6.2-2.1.5-.6.4-.9 1-.8 1.7h2q0-.45.3-.6c.2-.1.4-.2.7-.2s.6.1.8.3.3.4.3.7-.1.5-.2.7c-.2."
        "2-.4.4-.6.5-.5.3-.9.6-1.1.8-.4.3-.5.6-.5 1.1h2c0-.3.1-.5.1-.7.1-.2.3-.3.5-.5.5-.2.8-.5 1.1-.9s.4"
        "-.8.4-1.2c0-.7-.3-1.3-.8-1.7-.4-.3-1.2-.5-2.1-.5M11 12v2h2v-2z"
    ),
    "swap-horizontal-bold": ("M8 10v3h6v5H8v3l-6-5.5zm14-1.5L16 3v3h-6v5h6v3z"),
    "form-select": (
        "M15 5h3l-1.5 2zM5 2h14a2 2 0 0 1 2 2v16c0 1.11-.89 2-2 2H5a2 2 0 0 1-2-2V4c0-1.1.9-2 2-2m0 2v4h1"
        "4V4zm0 16h14V10H5zm2-8h10v2H7zm0 4h10v2H7z"
    ),
    "file-document-outline": (
        "M6 2a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8l-6-6zm0 2h7v5h5v11H6zm2 8v2h8v-2zm0 4v2h5v-2z"
    ),
}

#: The icon for each value a tile shows as a badge: a card's stage, a bank's kind, a form's kind.
BADGE_ICONS: dict[str, dict[str, str]] = {
    "stage": {
        Stage.PREPARING.value: "clipboard-text-outline",
        Stage.OPENING.value: "door-open",
        Stage.PRESENTING.value: "account-voice",
        Stage.ACTING.value: "arrow-right-bold-circle-outline",
        Stage.REFLECTING.value: "lightbulb-outline",
        Stage.CLOSING.value: "door-closed",
        Stage.ENDING.value: "flag-checkered",
    },
    "bank": {
        BankKind.OPEN.value: "message-question-outline",
        BankKind.REPHRASE.value: "swap-horizontal-bold",
    },
    "form": {
        FormKind.FORM.value: "form-select",
        FormKind.TEMPLATE.value: "file-document-outline",
    },
}


def icon(name: str) -> Markup:
    """The icon ``name`` as inline SVG, hidden from screen readers, in the colour of the text around it."""
    return Markup(
        '<svg class="alp-icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">'
        '<path d="{}"/></svg>'
    ).format(PATHS[name])


def badge_icon(group: str, value: str) -> Markup:
    """The icon for ``value`` of ``group`` (``stage``, ``bank`` or ``form``), as in :data:`BADGE_ICONS`."""
    return icon(BADGE_ICONS[group][value])
