"""The words the screens show for the core's kinds and modes, through ``tr``, and combo boxes
that offer them."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QComboBox

from journal.domain.kinds import Mode, Relationship

_CONTEXT = "choices"

_RELATIONSHIP = {
    Relationship.PARTNER: QT_TRANSLATE_NOOP("choices", "partner"),
    Relationship.FAMILY: QT_TRANSLATE_NOOP("choices", "family"),
    Relationship.FRIEND: QT_TRANSLATE_NOOP("choices", "friend"),
    Relationship.COLLEAGUE: QT_TRANSLATE_NOOP("choices", "colleague"),
    Relationship.NEIGHBOUR: QT_TRANSLATE_NOOP("choices", "neighbour"),
    Relationship.PEER_SUPPORT: QT_TRANSLATE_NOOP("choices", "peer-support group"),
    Relationship.THERAPIST: QT_TRANSLATE_NOOP("choices", "therapist"),
    Relationship.CLINICIAN: QT_TRANSLATE_NOOP("choices", "clinician"),
    Relationship.COMMUNITY: QT_TRANSLATE_NOOP("choices", "community"),
    Relationship.OTHER: QT_TRANSLATE_NOOP("choices", "other"),
}
# Each mode starts with its own letter, so one key press picks it in a focused combo box.
_MODE = {
    Mode.IN_PERSON: QT_TRANSLATE_NOOP("choices", "in person"),
    Mode.VIDEO: QT_TRANSLATE_NOOP("choices", "video"),
    Mode.PHONE: QT_TRANSLATE_NOOP("choices", "phone"),
    Mode.TEXT: QT_TRANSLATE_NOOP("choices", "text"),
    Mode.ONLINE_GROUP: QT_TRANSLATE_NOOP("choices", "online group"),
}


def relationship_text(kind: Relationship) -> str:
    return QCoreApplication.translate(_CONTEXT, _RELATIONSHIP[kind])


def mode_text(mode: Mode) -> str:
    return QCoreApplication.translate(_CONTEXT, _MODE[mode])


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
