"""The field reference: every field of one kind of pack file, and the rules the build checks.

Everything it shows comes from the code: the fields, their types and
limits, their meanings and examples from the kind's model
(:func:`macros.fields.fields_of`); the rules from the model's validators and
from the kind (:mod:`macros.kinds`). So the page stays true when the model
changes.
"""

from __future__ import annotations

from markupsafe import Markup

from ...fields import fields_of, rules_of
from .. import RenderContext, render


def field_reference(ctx: RenderContext, kind: str) -> Markup:
    """Render the table of one kind's fields (``card``, ``session``, ...), then the rules the build checks."""
    spec = ctx.pack.kinds.get(kind)
    if spec is None:
        known = ", ".join(f"'{name}'" for name in ctx.pack.kinds)
        raise ValueError(f"field_reference: there is no kind of pack item '{kind}'; use one of {known}")
    return render(
        "field_reference",
        ctx,
        kind=spec,
        fields=fields_of(spec.model),
        file_rules=spec.file_rules(),
        rules=rules_of(spec.model),
    )
