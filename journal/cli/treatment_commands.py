"""Treatment subcommands: session, medication, dose, commitment, done, topic."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from journal.cli.common import (
    actions,
    date,
    nothing_to_list,
    opened,
    positive_int,
    subcommand,
    whole_number,
)
from journal.domain.errors import ValidationError
from journal.domain.kinds import CommitmentKind, Mode, SessionStatus

if TYPE_CHECKING:
    from journal.services import Journal


def register(commands: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    session = actions(commands, parent, "session", "add or list therapy and clinic sessions")
    add = subcommand(session, parent, "add", _session_add, "add a session (future: planned)")
    add.add_argument("--date", type=date, metavar="DATE", help="the day (default: today)")
    add.add_argument(
        "--status",
        choices=[s.value for s in SessionStatus],
        default="attended",
        help="default attended; a future session must be planned",
    )
    add.add_argument("--mode", choices=[m.value for m in Mode], default="in_person")
    add.add_argument("--provider", metavar="NAME", help="a therapist or clinician in People")
    add.add_argument(
        "--felt-heard",
        type=whole_number,
        metavar="N",
        help="I felt heard and understood, 1-5 (attended sessions)",
    )
    add.add_argument("--note", default="", metavar="TEXT")
    listing = subcommand(session, parent, "list", _session_list, "list sessions")
    listing.add_argument("--from", dest="start", type=date, metavar="DATE")
    listing.add_argument("--to", dest="end", type=date, metavar="DATE")

    medication = actions(commands, parent, "medication", "add, stop or list medications")
    add = subcommand(medication, parent, "add", _medication_add, "add a medication")
    add.add_argument("--name", required=True)
    add.add_argument("--dose", default="", help='e.g. "50 mg"')
    add.add_argument("--doses-per-day", type=positive_int, required=True, metavar="N")
    add.add_argument("--started", type=date, metavar="DATE", help="default today")
    stop = subcommand(medication, parent, "stop", _medication_stop, "stop a medication")
    stop.add_argument("--name", required=True)
    stop.add_argument("--on", type=date, metavar="DATE", help="default today")
    subcommand(medication, parent, "list", _medication_list, "list medications")

    dose = subcommand(
        commands,
        parent,
        "dose",
        _dose,
        "check off a day's doses",
        "Record how many doses of a medication were taken.",
    )
    dose.add_argument("--date", type=date, metavar="DATE", help="the day (default: today)")
    dose.add_argument("--medication", required=True, metavar="NAME")
    dose.add_argument("--taken", type=whole_number, required=True, metavar="N")

    commitment = actions(
        commands, parent, "commitment", "add, end or list homework, social prescriptions and goals"
    )
    add = subcommand(commitment, parent, "add", _commitment_add, "add a commitment")
    add.add_argument("--title", required=True)
    add.add_argument("--kind", choices=[k.value for k in CommitmentKind], default="goal")
    add.add_argument(
        "--per-week", type=whole_number, required=True, metavar="N", help="weekly target, 1-14"
    )
    add.add_argument("--suggested-by", metavar="NAME", help="a person in People (default: me)")
    add.add_argument("--started", type=date, metavar="DATE", help="default today")
    end = subcommand(commitment, parent, "end", _commitment_end, "end a commitment")
    end.add_argument("--title", required=True)
    end.add_argument("--on", type=date, metavar="DATE", help="default today")
    listing = subcommand(commitment, parent, "list", _commitment_list, "this week's progress")
    listing.add_argument("--date", type=date, metavar="DATE", help="default today")

    done = subcommand(
        commands,
        parent,
        "done",
        _done,
        "check off a commitment",
        "Record that a commitment was done on a day.",
    )
    done.add_argument("--date", type=date, metavar="DATE", help="the day (default: today)")
    done.add_argument("--commitment", required=True, metavar="TITLE")
    done.add_argument(
        "--count",
        type=whole_number,
        default=1,
        metavar="N",
        help="times done that day (default 1; 0 clears)",
    )

    topic = actions(commands, parent, "topic", "topics for my next session")
    add = subcommand(topic, parent, "add", _topic_add, "add a topic")
    add.add_argument("text")
    listing = subcommand(topic, parent, "list", _topic_list, "list open topics")
    listing.add_argument("--all", action="store_true", help="include discussed ones")
    discussed = subcommand(topic, parent, "discussed", _topic_discussed, "mark a topic discussed")
    discussed.add_argument("id", type=positive_int)
    discussed.add_argument("--on", type=date, metavar="DATE", help="default today")


def _person_id(journal: Journal, name: str | None, field: str) -> int | None:
    if not name:
        return None
    person = journal.person_by_name(name)
    if person is None:
        raise ValidationError(field, f"there is nobody called “{name}” in People")
    return person.id


def _session_add(args: argparse.Namespace) -> int:
    from journal.domain.records import Session

    with opened(args) as journal:
        session = journal.add_session(
            Session(
                date=args.date or journal.today(),
                status=args.status,
                mode=args.mode,
                person_id=_person_id(journal, args.provider, "provider"),
                felt_heard=args.felt_heard,
                note=args.note,
            )
        )
    print(f"Added session {session.id} on {session.date} ({session.status.label}).")
    return 0


def _session_list(args: argparse.Namespace) -> int:
    with opened(args, read_only=True) as journal:
        start, end = journal.default_range()
        first, last = args.start or start, args.end or end
        sessions = journal.sessions_between(first, last)
        for s in sessions:
            who = journal.person(s.person_id).name if s.person_id else "-"
            heard = f"\tfelt heard {s.felt_heard}/5" if s.felt_heard else ""
            print(f"{s.id}\t{s.date}\t{s.status.label}\t{s.mode.label}\t{who}{heard}")
    if not sessions:
        nothing_to_list(f"No sessions from {first} to {last}.")
    return 0


def _medication_add(args: argparse.Namespace) -> int:
    from journal.domain.records import Medication

    with opened(args) as journal:
        med = journal.add_medication(
            Medication(
                name=args.name,
                dose=args.dose,
                doses_per_day=args.doses_per_day,
                started_on=args.started or journal.today(),
            )
        )
    print(f"Added {med.name} {med.dose}, {med.doses_per_day} a day from {med.started_on}.")
    return 0


def _medication_stop(args: argparse.Namespace) -> int:
    with opened(args) as journal:
        med = journal.stop_medication(
            journal.medication_by_name(args.name).id or 0, args.on or journal.today()
        )
    print(f"Stopped {med.name} on {med.stopped_on}; its history stays.")
    return 0


def _medication_list(args: argparse.Namespace) -> int:
    with opened(args, read_only=True) as journal:
        medications = journal.medications()
        for m in medications:
            until = f" to {m.stopped_on}" if m.stopped_on else ""
            print(f"{m.id}\t{m.name} {m.dose}\t{m.doses_per_day} a day\tfrom {m.started_on}{until}")
    if not medications:
        nothing_to_list("No medications yet.")
    return 0


def _dose(args: argparse.Namespace) -> int:
    with opened(args) as journal:
        med = journal.medication_by_name(args.medication)
        log = journal.set_doses(med.id or 0, args.date or journal.today(), args.taken)
    print(f"{med.name} on {log.date}: {log.taken} of {med.doses_per_day} taken.")
    return 0


def _commitment_add(args: argparse.Namespace) -> int:
    from journal.domain.records import Commitment

    with opened(args) as journal:
        item = journal.add_commitment(
            Commitment(
                title=args.title,
                kind=args.kind,
                per_week=args.per_week,
                started_on=args.started or journal.today(),
                suggested_by=_person_id(journal, args.suggested_by, "suggested_by"),
            )
        )
    print(f"Added “{item.title}” ({item.kind.label}), {item.per_week} a week.")
    return 0


def _commitment_end(args: argparse.Namespace) -> int:
    with opened(args) as journal:
        item = journal.end_commitment(
            journal.commitment_by_title(args.title).id or 0, args.on or journal.today()
        )
    print(f"Ended “{item.title}” on {item.ended_on}.")
    return 0


def _commitment_list(args: argparse.Namespace) -> int:
    with opened(args, read_only=True) as journal:
        day = args.date or journal.today()
        progress = journal.week_progress(day)
        for p in progress:
            print(
                f"{p.commitment.id}\t{p.commitment.title}\t{p.commitment.kind.label}\t"
                f"{p.done_this_week} of {p.target} this week"
            )
    if not progress:
        nothing_to_list(f"No commitments in the week of {day}.")
    return 0


def _done(args: argparse.Namespace) -> int:
    with opened(args) as journal:
        item = journal.commitment_by_title(args.commitment)
        log = journal.set_commitment_done(item.id or 0, args.date or journal.today(), args.count)
    print(f"“{item.title}” on {log.date}: done {log.done}.")
    return 0


def _topic_add(args: argparse.Namespace) -> int:
    with opened(args) as journal:
        item = journal.add_topic(args.text)
    print(f"Added topic {item.id}.")
    return 0


def _topic_list(args: argparse.Namespace) -> int:
    with opened(args, read_only=True) as journal:
        topics = journal.agenda(open_only=not args.all)
        for item in topics:
            status = f"discussed {item.discussed_on}" if item.discussed_on else "open"
            print(f"{item.id}\t{item.created_on}\t{status}\t{item.text}")
    if not topics:
        nothing_to_list("No topics yet." if args.all else "No open topics.")
    return 0


def _topic_discussed(args: argparse.Namespace) -> int:
    with opened(args) as journal:
        item = journal.mark_discussed(args.id, args.on)
    print(f"Topic {item.id} marked discussed on {item.discussed_on}.")
    return 0
