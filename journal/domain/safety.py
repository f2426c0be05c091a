"""The crisis rule and the crisis lines the journal shows, kept as plain data.

The rule is deliberately simple and takes no settings: a PHQ-9 whose item 9 ("thoughts that
you would be better off dead or of hurting yourself") is answered above 0 always shows the
crisis message, at once. Nothing the person can configure turns it off.

Crisis lines are text only (the journal never opens a network connection). Their names,
the words on how to reach them and the region names are marked for translation in the
context ``safety``, the one the crisis dialog translates them in; numbers stay as published
(only "999 or 112" has a word to translate). They are chosen by the region of a locale name
such as ``"en_GB"``; the person's own crisis line from their safety plan is always shown
before these. Sources, as each service publishes its number (review them
when a release is made; numbers rarely change, but names do):
- US: 988 Suicide & Crisis Lifeline (988lifeline.org), call or text 988; emergencies 911.
- Canada: 9-8-8 Suicide Crisis Helpline (988.ca), call or text 988; emergencies 911.
- UK and Ireland: Samaritans (samaritans.org), 116 123, free, any time; emergencies 999 or 112.
- EU, EEA and Switzerland: 112, the single European emergency number.
- Australia: Lifeline (lifeline.org.au) 13 11 14; emergencies 000.
- New Zealand: Need to talk? (1737.org.nz), call or text 1737; emergencies 111.
- Everywhere else: Find A Helpline (findahelpline.com), a directory of free, confidential
  helplines in many countries.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from enum import StrEnum

from journal.domain.instruments import SAFETY_FLAG
from journal.i18n import QT_TRANSLATE_NOOP, translate


class LineKind(StrEnum):
    CRISIS = "crisis"
    EMERGENCY = "emergency"


@dataclass(frozen=True, slots=True)
class CrisisLine:
    """A line to call or text: its name, the number, and how and when to reach it."""

    name: str
    number: str
    how: str
    kind: LineKind = LineKind.CRISIS

    @property
    def text(self) -> str:
        """The line in one line of the person's language: "Samaritans: 116 123 — call free…"."""
        return translate("safety", "{name}: {number} — {how}").format(
            name=translate("safety", self.name),
            number=translate("safety", self.number),
            how=translate("safety", self.how),
        )


@dataclass(frozen=True, slots=True)
class Directory:
    """Where to find a helpline anywhere, for a person outside the regions listed."""

    name: str
    address: str
    how: str

    @property
    def text(self) -> str:
        return translate("safety", "{name} ({address}): {how}").format(
            name=self.name, address=self.address, how=translate("safety", self.how)
        )


DIRECTORY = Directory(
    name="Find A Helpline",
    address="findahelpline.com",
    how=QT_TRANSLATE_NOOP(
        "safety", "free, confidential helplines in many countries, by country and by topic"
    ),
)


def crisis_message_required(flags: Collection[str]) -> bool:
    """True when an assessment's flags call for the crisis message (PHQ-9 item 9 above 0).

    Takes the flags only, never a setting: no preference can skip the message.
    """
    return SAFETY_FLAG in flags


_EMERGENCY = QT_TRANSLATE_NOOP("safety", "Emergency services")
_IN_DANGER = QT_TRANSLATE_NOOP("safety", "if you or someone else is in danger right now")
_EMERGENCY_911 = CrisisLine(_EMERGENCY, "911", _IN_DANGER, LineKind.EMERGENCY)
_EMERGENCY_112 = CrisisLine(
    _EMERGENCY,
    "112",
    QT_TRANSLATE_NOOP(
        "safety", "the European emergency number, if you or someone else is in danger right now"
    ),
    LineKind.EMERGENCY,
)
_SAMARITANS = CrisisLine(
    QT_TRANSLATE_NOOP("safety", "Samaritans"),
    "116 123",
    QT_TRANSLATE_NOOP("safety", "call free, any time, day or night"),
)

#: Lines by region, crisis lines first, then emergency numbers.
LINES: dict[str, tuple[CrisisLine, ...]] = {
    "US": (
        CrisisLine(
            QT_TRANSLATE_NOOP("safety", "988 Suicide & Crisis Lifeline"),
            "988",
            QT_TRANSLATE_NOOP("safety", "call or text, any time"),
        ),
        _EMERGENCY_911,
    ),
    "CA": (
        CrisisLine(
            QT_TRANSLATE_NOOP("safety", "9-8-8 Suicide Crisis Helpline"),
            "988",
            QT_TRANSLATE_NOOP("safety", "call or text, any time"),
        ),
        _EMERGENCY_911,
    ),
    "GB": (
        _SAMARITANS,
        CrisisLine(
            _EMERGENCY, QT_TRANSLATE_NOOP("safety", "999 or 112"), _IN_DANGER, LineKind.EMERGENCY
        ),
    ),
    "IE": (
        _SAMARITANS,
        CrisisLine(
            _EMERGENCY, QT_TRANSLATE_NOOP("safety", "112 or 999"), _IN_DANGER, LineKind.EMERGENCY
        ),
    ),
    "EU": (_EMERGENCY_112,),
    "AU": (
        CrisisLine(
            QT_TRANSLATE_NOOP("safety", "Lifeline"),
            "13 11 14",
            QT_TRANSLATE_NOOP("safety", "call any time"),
        ),
        CrisisLine(_EMERGENCY, "000", _IN_DANGER, LineKind.EMERGENCY),
    ),
    "NZ": (
        CrisisLine(
            QT_TRANSLATE_NOOP("safety", "Need to talk?"),
            "1737",
            QT_TRANSLATE_NOOP("safety", "call or text free, any time"),
        ),
        CrisisLine(_EMERGENCY, "111", _IN_DANGER, LineKind.EMERGENCY),
    ),
}

#: The regions a person can pick, with their names, in the order offered.
REGIONS: tuple[tuple[str, str], ...] = (
    ("US", QT_TRANSLATE_NOOP("safety", "United States")),
    ("CA", QT_TRANSLATE_NOOP("safety", "Canada")),
    ("GB", QT_TRANSLATE_NOOP("safety", "United Kingdom")),
    ("IE", QT_TRANSLATE_NOOP("safety", "Ireland")),
    ("EU", QT_TRANSLATE_NOOP("safety", "European Union, EEA and Switzerland")),
    ("AU", QT_TRANSLATE_NOOP("safety", "Australia")),
    ("NZ", QT_TRANSLATE_NOOP("safety", "New Zealand")),
)

#: Countries where 112 is the emergency number (EU member states, EEA, Switzerland).
EUROPE_112 = frozenset(
    {
        "AT",
        "BE",
        "BG",
        "HR",
        "CY",
        "CZ",
        "DK",
        "EE",
        "FI",
        "FR",
        "DE",
        "GR",
        "HU",
        "IT",
        "LV",
        "LT",
        "LU",
        "MT",
        "NL",
        "PL",
        "PT",
        "RO",
        "SK",
        "SI",
        "ES",
        "SE",
        "IS",
        "LI",
        "NO",
        "CH",
    }
)

_ALIASES = {"UK": "GB", "EL": "GR"}
_LOCALE = re.compile(r"^[A-Za-z]{2,3}(?:[_-][A-Za-z]{4})?[_-]([A-Za-z]{2}|\d{3})\b")


def region_of(locale: str) -> str | None:
    """The region of a locale name ("en_GB", "en-GB", "de_DE.UTF-8", "sr_Latn_RS") as listed
    in ``LINES``: "GB", "DE" → "EU", ...; ``None`` when the locale names no region we list."""
    match = _LOCALE.match(locale.strip()) if locale else None
    if match is None:
        return None
    code = match.group(1).upper()
    code = _ALIASES.get(code, code)
    if code in LINES:
        return code
    return "EU" if code in EUROPE_112 else None


def lines_for_region(region: str | None) -> tuple[CrisisLine, ...]:
    """The lines of a region key of ``LINES`` (crisis first); none for an unknown region."""
    return LINES.get(region or "", ())


def lines_for_locale(locale: str) -> tuple[CrisisLine, ...]:
    """The crisis lines, then the emergency numbers, for the region of ``locale``.

    An unknown region gives none: the caller then shows ``DIRECTORY`` (always shown anyway).
    """
    return lines_for_region(region_of(locale))


#: A phone number written in a safety plan ("+44 7700 900123", "(555) 010-2030", "0800 555 0199").
_PLAN_NUMBER = re.compile(r"[+(]?\d[\d ()./-]{1,}\d")


def plan_entries(text: str) -> list[tuple[str, str]]:
    """A safety-plan section as its entries, one per line or ``;``: (words, number).

    ``number`` is the first phone number written in the entry ("" when there is none) and
    ``words`` the rest, so the crisis message can show each number large and copyable.
    """
    entries = []
    for part in re.split(r"[\n;]+", text):
        part = part.strip()
        if not part:
            continue
        match = _PLAN_NUMBER.search(part)
        if match is None:
            entries.append((part, ""))
            continue
        words = (part[: match.start()] + " " + part[match.end() :]).strip(" —–-:,")
        entries.append((" ".join(words.split()), match.group(0).strip()))
    return entries
