"""Words and numbers as a lab report writes them: plurals, local times, lengths that fit.

Every user string goes through ``clip`` before it reaches a table cell: a table row cannot break
across pages, so a 1,200-character name or pages of notes would otherwise stop the PDF
(reportlab ``LayoutError``). Long notes are also set outside tables (see ``sections``).
"""

from __future__ import annotations

import re
from datetime import datetime

from clinic_app.report.i18n import current, tr

# Longest text of each kind kept whole; beyond, it is cut with an ellipsis (the store keeps all).
SHORT, NAME, NOTES, PATH = 80, 160, 4000, 240


def clip(text: object, limit: int = SHORT) -> str:
    """The text cut to ``limit`` characters, ending in "…" when it was longer."""
    text = "" if text is None else str(text)
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def units(text: str) -> str:
    """Micrometres as "µm" in model and analysis notes ("44 um across" -> "44 µm across")."""
    return re.sub(r"(?<![A-Za-z])um(?=/px\b|\b)", "µm", text) if "um" in text else text


def plural(n: int, word: str, many: str | None = None) -> str:
    """"1 cell", "2 cells", "0 cells", in the report's language (French: "0 cellule")."""
    one = n == 1 or (n == 0 and current() == "fr")
    return f"{n} {tr(word if one else many or word + 's')}"


def local_time(stamp: str) -> str:
    """A stored UTC ISO time (``...Z``) as local ``YYYY-MM-DD HH:MM`` with the UTC offset, so
    every time on the report reads the same way; text that is not a time is returned as is."""
    if not stamp:
        return ""
    try:
        when = datetime.fromisoformat(stamp.strip().replace("Z", "+00:00"))
    except ValueError:
        return stamp
    if when.tzinfo is None:  # already local (e.g. "Generated")
        return when.strftime("%Y-%m-%d %H:%M")
    local = when.astimezone()
    offset = local.strftime("%z")
    return f"{local:%Y-%m-%d %H:%M} (UTC{offset[:3]}:{offset[3:]})"
