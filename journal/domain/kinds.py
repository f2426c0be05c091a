"""Enumerations of the data model with the words a person reads for each value.

A value (``"in_person"``) is a data key, stored and exported as it is; its ``label`` is the
word shown, translated in the same contexts the screens use for these words (``choices`` for
kinds and modes, ``treatment`` for session statuses and commitment kinds), so one translation
serves the screens and the therapist summary.
"""

from __future__ import annotations

from enum import StrEnum

from journal.i18n import QT_TRANSLATE_NOOP, translate

#: The 0-10 ratings of a check-in, mood first (``records.Day``'s fields; here, in a leaf, so
#: the command line lists them in its help without loading the records).
RATINGS = ("mood", "anxiety", "loneliness", "energy", "physical")

#: The range of the five-point ratings: how connected a contact felt, how heard a session
#: (here too, so the schema, which ``check`` reads, is built without loading the records).
FIVE_POINT = (1, 5)

#: A contact rated this connected or more counts as a meaningful contact (here too, so the
#: per-day figures the schema keeps, which ``check`` reads, are built without the records).
MEANINGFUL_QUALITY = 4


class Relationship(StrEnum):
    """Who a person or group is to the journal's owner."""

    PARTNER = "partner"
    FAMILY = "family"
    FRIEND = "friend"
    COLLEAGUE = "colleague"
    NEIGHBOUR = "neighbour"
    PEER_SUPPORT = "peer_support"
    THERAPIST = "therapist"
    CLINICIAN = "clinician"
    COMMUNITY = "community"
    OTHER = "other"

    @property
    def label(self) -> str:
        return translate("choices", _RELATIONSHIP_LABELS[self])


_RELATIONSHIP_LABELS = {
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

#: Kinds whose people form the care team (sessions and suggestions can name them).
CARE_TEAM = frozenset({Relationship.THERAPIST, Relationship.CLINICIAN})


class Mode(StrEnum):
    """How a contact or a session happened; telehealth modes count as much as in person."""

    IN_PERSON = "in_person"
    VIDEO = "video"
    PHONE = "phone"
    TEXT = "text"
    ONLINE_GROUP = "online_group"

    @property
    def label(self) -> str:
        return translate("choices", _MODE_LABELS[self])


_MODE_LABELS = {
    Mode.IN_PERSON: QT_TRANSLATE_NOOP("choices", "in person"),
    Mode.VIDEO: QT_TRANSLATE_NOOP("choices", "video"),
    Mode.PHONE: QT_TRANSLATE_NOOP("choices", "phone"),
    Mode.TEXT: QT_TRANSLATE_NOOP("choices", "text"),
    Mode.ONLINE_GROUP: QT_TRANSLATE_NOOP("choices", "online group"),
}


class SessionStatus(StrEnum):
    """What became of a booked session. ``planned`` is a session still ahead."""

    PLANNED = "planned"
    ATTENDED = "attended"
    MISSED = "missed"
    CANCELLED_BY_ME = "cancelled_by_me"
    CANCELLED_BY_PROVIDER = "cancelled_by_provider"

    @property
    def label(self) -> str:
        return translate("treatment", _STATUS_LABELS[self])


_STATUS_LABELS = {
    SessionStatus.PLANNED: QT_TRANSLATE_NOOP("treatment", "planned"),
    SessionStatus.ATTENDED: QT_TRANSLATE_NOOP("treatment", "attended"),
    SessionStatus.MISSED: QT_TRANSLATE_NOOP("treatment", "missed"),
    SessionStatus.CANCELLED_BY_ME: QT_TRANSLATE_NOOP("treatment", "cancelled by me"),
    SessionStatus.CANCELLED_BY_PROVIDER: QT_TRANSLATE_NOOP("treatment", "cancelled by provider"),
}


class CommitmentKind(StrEnum):
    """Homework from therapy, a social prescription from a clinician, or a personal goal."""

    HOMEWORK = "homework"
    SOCIAL_PRESCRIPTION = "social_prescription"
    GOAL = "goal"

    @property
    def label(self) -> str:
        return translate("treatment", _COMMITMENT_LABELS[self])


_COMMITMENT_LABELS = {
    CommitmentKind.HOMEWORK: QT_TRANSLATE_NOOP("treatment", "homework"),
    CommitmentKind.SOCIAL_PRESCRIPTION: QT_TRANSLATE_NOOP("treatment", "social prescription"),
    CommitmentKind.GOAL: QT_TRANSLATE_NOOP("treatment", "personal goal"),
}


class Instrument(StrEnum):
    """The standard questionnaires the journal scores."""

    PHQ9 = "phq9"
    GAD7 = "gad7"
    WHO5 = "who5"
    UCLA3 = "ucla3"
