"""The words the screens show for the core's kinds and modes, through ``tr``, and combo boxes
that offer them."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from journal.domain.kinds import Mode, Relationship


def relationship_text(kind: Relationship | str) -> str:
    """A kind's words in the person's language (the one table is ``Relationship.label``)."""
    return Relationship(kind).label


def mode_text(mode: Mode | str) -> str:
    """A mode's words; each starts with its own letter, so one key press picks it in a focused
    combo box (the table is ``Mode.label``)."""
    return Mode(mode).label


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
