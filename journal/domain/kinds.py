"""Enumerations of the data model with the words a person reads for each value."""

from __future__ import annotations

from enum import StrEnum


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
        return _RELATIONSHIP_LABELS[self]


_RELATIONSHIP_LABELS = {
    Relationship.PARTNER: "partner",
    Relationship.FAMILY: "family",
    Relationship.FRIEND: "friend",
    Relationship.COLLEAGUE: "colleague",
    Relationship.NEIGHBOUR: "neighbour",
    Relationship.PEER_SUPPORT: "peer-support group",
    Relationship.THERAPIST: "therapist",
    Relationship.CLINICIAN: "clinician",
    Relationship.COMMUNITY: "community",
    Relationship.OTHER: "other",
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
        return self.value.replace("_", " ")


class SessionStatus(StrEnum):
    """What became of a booked session. ``planned`` is a session still ahead."""

    PLANNED = "planned"
    ATTENDED = "attended"
    MISSED = "missed"
    CANCELLED_BY_ME = "cancelled_by_me"
    CANCELLED_BY_PROVIDER = "cancelled_by_provider"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


class CommitmentKind(StrEnum):
    """Homework from therapy, a social prescription from a clinician, or a personal goal."""

    HOMEWORK = "homework"
    SOCIAL_PRESCRIPTION = "social_prescription"
    GOAL = "goal"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


class Instrument(StrEnum):
    """The standard questionnaires the journal scores."""

    PHQ9 = "phq9"
    GAD7 = "gad7"
    WHO5 = "who5"
    UCLA3 = "ucla3"
