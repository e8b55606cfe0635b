"""The cycle in a calendar: a small form that makes the programme's meetings as an ``.ics`` file.

The component writes the form (start date, rhythm, start time) and hands
the meetings to the page as a JSON script block, escaped for HTML, so that
the page works from the offline zip on ``file://`` with nothing fetched.
``overrides/assets/javascripts/calendar-cycle.js`` (pure functions, tested
in ``tests/js/``) makes the RFC 5545 text, and ``calendar.js`` is the thin
page glue.

Which meetings go in the calendar is decided here, once:

- the meetings members come to, in programme order: the sponsor briefing
  comes before anyone is invited, and is where these dates are agreed, so
  it is left out;
- the first of them (the introductory meeting) on the start date, and each
  one after it one rhythm later: a set meets every few weeks from its first
  meeting to its last;
- a session that is another way to run a meeting (``alternative_to``, such
  as on Teams) is not an extra meeting: its plan is linked from the
  meeting's event instead.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup

from ...programme import main_sessions
from ...schema import SessionKind, SessionPlan
from .. import RenderContext, render


def calendar_meetings(ctx: RenderContext) -> list[SessionPlan]:
    """The meetings the calendar holds, in order: every meeting members come to."""
    return [session for session in main_sessions(ctx.pack) if session.kind is not SessionKind.SPONSOR_BRIEFING]


def rhythms(ctx: RenderContext) -> list[int]:
    """The weeks between meetings a set may choose, from ``meets_every_weeks`` in ``pack/programme.yml``."""
    programme = ctx.pack.programme
    assert programme is not None, "the pack was loaded without its programme file"
    return list(range(programme.meets_every_weeks.min, programme.meets_every_weeks.max + 1))


def uid_domain(site_url: str | None, short_name: str) -> str:
    """The right-hand side of every event's UID: the site's host, or the pack's short name as a slug."""
    host = urlsplit(site_url).hostname if site_url else None
    if host:
        return host
    return re.sub(r"[^a-z0-9]+", "-", short_name.lower()).strip("-") or "action-learning-pack"


def script_json(data: Any) -> Markup:
    """``data`` as JSON that is safe inside a ``<script>`` element: no ``<``, ``>`` or ``&`` left to end it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return Markup(text)


def calendar_data(ctx: RenderContext) -> dict[str, Any]:
    """What the page's script needs: the meetings, the links' base, the calendar's identity and its words."""
    identity = ctx.options.get("identity") or {}
    organisation = str(identity.get("organisation") or "")
    name = str(identity.get("name") or identity.get("short_name") or organisation)
    short_name = str(identity.get("short_name") or name)
    site_url = ctx.options.get("site_url") or None
    meetings = calendar_meetings(ctx)
    alternatives: dict[str, list[SessionPlan]] = {}
    for session in ctx.pack.sessions.values():
        if session.alternative_to is not None:
            alternatives.setdefault(session.alternative_to, []).append(session)
    t = ctx.strings
    return {
        "meetings": [
            {
                "id": session.id,
                "title": session.title,
                "minutes": session.length,
                "path": ctx.routes.item("session", session.id),
                "alternatives": [
                    {"title": other.title, "path": ctx.routes.item("session", other.id)}
                    for other in alternatives.get(session.id, [])
                ],
            }
            for session in meetings
        ],
        "rhythms": rhythms(ctx),
        #: Absolute links when the site has an address; otherwise the page resolves them from where it is.
        "siteUrl": site_url,
        "uidDomain": uid_domain(site_url, short_name),
        "prodid": f"-//{organisation}//{name}//{t.language.upper()}",
        "calendarName": t("calendar.calendar_name", name=name),
        "locale": t.locale.replace("_", "-"),
        "strings": {
            "description": t("calendar.event_plan"),
            "alternative": t("calendar.event_alternative"),
            "made": t.plural("calendar.made", len(meetings), first="{first}", last="{last}"),
            "file": t("calendar.file_name"),
            "errorStart": t("calendar.error_start"),
            "errorTime": t("calendar.error_time"),
        },
    }


def programme_calendar(ctx: RenderContext) -> Markup:
    """Render the calendar form for the current page."""
    assets = ctx.site_root()
    meetings = calendar_meetings(ctx)
    choices = rhythms(ctx)
    return render(
        "programme_calendar",
        ctx,
        assets=assets,
        first=meetings[0] if meetings else None,
        rhythms=choices,
        data=script_json(calendar_data(ctx)),
    )
