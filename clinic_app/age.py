"""A patient's age in months, from a date of birth or the free-text age a user typed.

Differentials change with age (lymphocytes predominate from about one month to four years), so
the summary and the report need the age in months, not in whole years. A date of birth wins over
the typed age; the typed age may be "14 months", "14 mo", "2 y 3 m", "2 years", "6 weeks" or a
bare number of years. Anything else is unknown (None), never a guess.
"""

from __future__ import annotations

import re
from datetime import date, datetime

_MONTHS_PER = {"y": 12.0, "m": 1.0, "w": 12 / 52.18, "d": 12 / 365.25}
_ALIASES = {"y": ("y", "yr", "yrs", "year", "years", "a", "an", "ans", "ano", "anos", "años"),
            "m": ("m", "mo", "mos", "month", "months", "mois", "mes", "meses"),
            "w": ("w", "wk", "wks", "week", "weeks", "sem", "semaine", "semaines", "semanas"),
            "d": ("d", "day", "days", "j", "jours", "dia", "dias", "días")}
_UNIT_OF = {alias: unit for unit, names in _ALIASES.items() for alias in names}
_PART = re.compile(r"(\d+(?:[.,]\d+)?)\s*([^\W\d_]*)")


def parse_date(text: str) -> date | None:
    """``YYYY-MM-DD`` (or an ISO date-time) as a date; None when empty or malformed."""
    try:
        return datetime.fromisoformat(text.strip().replace("Z", "+00:00")[:10]).date()
    except ValueError:
        return None


def months_between(born: date, on: date) -> int:
    """Whole months of age on ``on`` (a child born on the 31st is a month old on the 30th)."""
    months = (on.year - born.year) * 12 + on.month - born.month
    return max(0, months - (on.day < born.day))


def months_from_text(age: str) -> int | None:
    """Months from a typed age; None when it does not read as one."""
    text = age.strip().lower()
    if not text:
        return None
    parts = _PART.findall(text)
    if not parts or _PART.sub("", text).strip(" ,;") != "":
        return None
    total = 0.0
    for number, unit in parts:
        key = _UNIT_OF.get(unit or "y")
        if key is None:
            return None
        total += float(number.replace(",", ".")) * _MONTHS_PER[key]
    return int(total)


def age_months(birth_date: str, age: str, on: date | None = None) -> int | None:
    """The age in months on ``on`` (default today): from the date of birth, else the text."""
    born = parse_date(birth_date) if birth_date else None
    if born is not None:
        return months_between(born, on or date.today())
    return months_from_text(age)


def age_label(months: int | None) -> str:
    """"1 year 2 months", "5 months", "34 years": months shown up to 6 years."""
    if months is None:
        return ""
    years, rest = divmod(months, 12)
    if years == 0:
        return f"{rest} month{'s' if rest != 1 else ''}"
    head = f"{years} year{'s' if years != 1 else ''}"
    if years >= 6 or rest == 0:
        return head
    return f"{head} {rest} month{'s' if rest != 1 else ''}"
