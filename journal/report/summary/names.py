"""People in the summary: by relationship only (the default), by initials, or by full name.

The same choice covers names inside the person's own words (notes, topics, safety plan,
commitment titles): a known person's full name, and the first or last name of someone close
(partner, family, friends, colleagues, neighbour, care team), is replaced by ``[friend]`` or
by the initials. Text is matched as whole words; nothing else in the words is changed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from enum import StrEnum

from journal.domain.kinds import Relationship
from journal.domain.records import Person
from journal.i18n import translate


class NameStyle(StrEnum):
    """How people appear: relationship only (the default), initials, or full names."""

    HIDDEN = "hidden"
    INITIALS = "initials"
    FULL = "full"


_HONORIFICS = frozenset({"dr", "mr", "mrs", "ms", "mx", "miss", "prof", "sir"})
#: Kinds whose single name parts ("Sam", "Patel") are names; a group's words ("Tuesday",
#: "Community") are ordinary words and only the whole name is replaced.
_PERSONAL = frozenset(
    {
        Relationship.PARTNER,
        Relationship.FAMILY,
        Relationship.FRIEND,
        Relationship.COLLEAGUE,
        Relationship.NEIGHBOUR,
        Relationship.THERAPIST,
        Relationship.CLINICIAN,
    }
)
_WORDS = re.compile(r"[^\W\d_]+")
#: A stand-in followed by the same relationship in brackets: "[therapist] (therapist)".
_DOUBLED = re.compile(r"(\[([^\]]+)\])\s*\((?i:\2)\)")


def name_parts(name: str) -> list[str]:
    """The words of a name without honorifics or a bracketed note ("Dr. Patel (GP)" → Patel)."""
    bare = re.sub(r"\([^)]*\)", " ", name)
    return [w for w in _WORDS.findall(bare) if w.casefold() not in _HONORIFICS]


def initials(name: str) -> str:
    """ "Sam Kim" → "S. K."; "Dr. Lee" → "L."."""
    parts = name_parts(name) or _WORDS.findall(name)
    return " ".join(f"{word[0].upper()}." for word in parts[:3]) or "?"


class Names:
    """How the people of a journal are shown, in tables (``of``) and in free text (``text``)."""

    def __init__(self, people: Iterable[Person], style: NameStyle) -> None:
        self.style = style
        self._people = {p.id: p for p in people if p.id is not None}
        self._replacements: dict[str, str] = {}
        self._pattern: re.Pattern[str] | None = None
        if style is not NameStyle.FULL:
            self._compile()

    def of(self, person_id: int | None) -> str:
        """The person in a table cell: "friend", "S. K. (friend)" or "Sam Kim (friend)"."""
        person = self._people.get(person_id) if person_id is not None else None
        return self.label(person) if person else "—"

    def label(self, person: Person) -> str:
        kind = Relationship(person.relationship).label
        if self.style is NameStyle.HIDDEN:
            return kind
        shown = initials(person.name) if self.style is NameStyle.INITIALS else person.name
        note = re.fullmatch(r"(.*\S)\s*\(([^()]*)\)", shown)
        if note and note.group(2).casefold() != kind.casefold():
            # "Dr. Patel (GP)" → "Dr. Patel (GP, clinician)", not two brackets in a row
            return translate("summary", "{name} ({note}, {relationship})").format(
                name=note.group(1), note=note.group(2), relationship=kind
            )
        if note:
            shown = note.group(1)
        return translate("summary", "{name} ({relationship})").format(name=shown, relationship=kind)

    def text(self, text: str) -> str:
        """The person's own words with the names of the people they know replaced."""
        if self._pattern is None or not text:
            return text
        replaced = self._pattern.sub(lambda m: self._replacements[m.group(0).casefold()], text)
        # "Dr. Lee (therapist)" written by the person would read "[therapist] (therapist)"
        return _DOUBLED.sub(r"\1", replaced)

    def _stand_in(self, person: Person) -> str:
        if self.style is NameStyle.INITIALS:
            return initials(person.name)
        return translate("summary", "[{relationship}]").format(
            relationship=Relationship(person.relationship).label
        )

    def _compile(self) -> None:
        whole: dict[str, str] = {}
        parts: dict[str, str] = {}
        for person in self._people.values():
            whole.setdefault(person.name.casefold(), self._stand_in(person))
            if Relationship(person.relationship) in _PERSONAL:
                for part in name_parts(person.name):
                    if len(part) >= 3 and part[0].isupper():
                        parts.setdefault(part.casefold(), self._stand_in(person))
        self._replacements = {**parts, **whole}
        if not self._replacements:
            return
        people = list(self._people.values())
        # names of several words in any case; one word only as written, so that "will" is
        # not taken for "Will"
        alternatives = [
            f"(?i:{re.escape(n)})" if " " in n.strip() else re.escape(_as_written(n, people))
            for n in sorted(whole, key=len, reverse=True)
        ]
        alternatives += [
            re.escape(_as_written(n, people))
            for n in sorted(set(parts) - set(whole), key=len, reverse=True)
        ]
        self._pattern = re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")


def _as_written(folded: str, people: Iterable[Person]) -> str:
    """The spelling of a name, or a part of one, as it is written in the journal."""
    for person in people:
        if person.name.casefold() == folded:
            return person.name
        for part in name_parts(person.name):
            if part.casefold() == folded:
                return part
    return folded
