"""The words the screens show for the core's kinds and modes, through ``tr``, and combo boxes
that offer them; and the words of how connected a contact felt, 1 to 5."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QComboBox

from journal.domain.kinds import Mode, Relationship

#: How connected, 1 to 5 (context ``choices``).
_QUALITY_WORDS = (
    QT_TRANSLATE_NOOP("choices", "not at all"),
    QT_TRANSLATE_NOOP("choices", "a little"),
    QT_TRANSLATE_NOOP("choices", "somewhat"),
    QT_TRANSLATE_NOOP("choices", "quite"),
    QT_TRANSLATE_NOOP("choices", "very"),
)


def relationship_text(kind: Relationship | str) -> str:
    """A kind's words in the person's language (the one table is ``Relationship.label``)."""
    return Relationship(kind).label


def mode_text(mode: Mode | str) -> str:
    """A mode's words; each starts with its own letter, so one key press picks it in a focused
    combo box (the table is ``Mode.label``)."""
    return Mode(mode).label


def quality_words() -> tuple[str, ...]:
    """How connected, from 1 ("not at all") to 5 ("very"), in the person's language."""
    return tuple(QCoreApplication.translate("choices", word) for word in _QUALITY_WORDS)


def quality_word(quality: int) -> str:
    """The word of how connected ``quality`` is (held to 1 to 5)."""
    return quality_words()[max(1, min(5, quality)) - 1]


def fill_relationships(combo: QComboBox) -> QComboBox:
    """Offer every relationship kind; an item's data is the kind's value (a plain string)."""
    for kind in Relationship:
        combo.addItem(relationship_text(kind), kind.value)
    return combo


def fill_modes(combo: QComboBox) -> QComboBox:
    for mode in Mode:
        combo.addItem(mode_text(mode), mode.value)
    return combo


def select_data(combo: QComboBox, value: str) -> None:
    """Show the item whose data is ``value`` (the first item when none is)."""
    combo.setCurrentIndex(max(combo.findData(str(value)), 0))
