"""Subcommands about one person: their figures, keeping in touch, and who it has been a while since.

The same use cases as the People page and Today's "It's been a while" (``journal.services.days``);
``person show`` prints the mood comparison only over the thresholds of Insights, with its n and
95% interval, and always as an association.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from journal.cli.common import actions, counted, opened, subcommand
from journal.domain.errors import ValidationError

if TYPE_CHECKING:
    from journal.domain.records import Person
    from journal.services import Journal


def register(commands: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    person = actions(
        commands,
        parent,
        "person",
        "one person's figures and keeping in touch",
        "One person's figures, and an optional wish to keep in touch every N "
        "days (listed quietly on Today; never a notification).",
    )
    show = subcommand(
        person,
        parent,
        "show",
        _show,
        "a person's figures",
        "Last contact, how connected on average (1-5), "
        "contacts by month and mood on days with them vs "
        "without. Never changes the journal.",
    )
    show.add_argument("name", metavar="NAME", help="the person or group")
    touch = subcommand(
        person,
        parent,
        "keep-in-touch",
        _keep_in_touch,
        "set or clear 'keep in touch every N days'",
        "Wish to be in touch every DAYS days (1-365), or 'off' to clear the wish.",
    )
    touch.add_argument("name", metavar="NAME", help="the person or group")
    touch.add_argument("days", metavar="DAYS", help="1-365, or off")
    subcommand(
        person,
        parent,
        "while",
        _while,
        "who it has been a while since (from your wishes)",
        "People whose keep-in-touch wish has passed since "
        "the last contact logged. Never changes the journal.",
    )


def _find(journal: Journal, name: str) -> Person:
    person = journal.person_by_name(name)
    if person is None:
        raise ValidationError("person", f"there is nobody called “{name}”")
    return person


def _show(args: argparse.Namespace) -> int:
    with opened(args, read_only=True) as journal:
        person = _find(journal, args.name)
        figures = journal.person_figures(person.id)
    print(f"{person.name} ({person.relationship.label})")
    print(f"Last contact: {figures.last_contact or 'none logged yet'}")
    if figures.average_quality is None:
        print("How connected: no contacts logged yet")
    else:
        over = counted(figures.contacts_total, "contact")
        print(f"How connected: {figures.average_quality:.1f} / 5 over {over}")
    print(
        "Contacts by month: " + ", ".join(f"{m.month:%Y-%m} {m.contacts}" for m in figures.months)
    )
    mood = figures.mood
    if not figures.mood_reportable:
        print(
            f"Mood with vs without: not enough data yet ({counted(mood.n_with, 'day')} with, "
            f"{mood.n_without} without; at least 14 in all and 5 in each are needed)"
        )
    else:
        clear = "clear" if figures.mood_clear else "not clear"
        print(
            f"Mood with vs without: {mood.mean_with:.1f} on {counted(mood.n_with, 'day')} with, "
            f"{mood.mean_without:.1f} on {mood.n_without} without; difference "
            f"{mood.difference:+.1f} (95% CI {mood.ci_low:+.1f} to {mood.ci_high:+.1f}, "
            f"{clear}). An association, not proof of cause."
        )
    if person.keep_in_touch_days:
        print(f"Keep in touch: every {counted(person.keep_in_touch_days, 'day')}")
    return 0


def _keep_in_touch(args: argparse.Namespace) -> int:
    with opened(args) as journal:
        person = _find(journal, args.name)
        wish = "" if args.days.strip().lower() in ("off", "none", "") else args.days
        updated = journal.set_keep_in_touch(person.id, wish)
    if updated.keep_in_touch_days is None:
        print(f"No keep-in-touch wish for {updated.name}.")
    else:
        print(
            f"Keep in touch with {updated.name} every {counted(updated.keep_in_touch_days, 'day')}."
        )
    return 0


def _while(args: argparse.Namespace) -> int:
    with opened(args, read_only=True) as journal:
        for entry in journal.been_a_while():
            since = (
                "no contact logged yet"
                if entry.days is None
                else f"{counted(entry.days, 'day')} since the last contact"
            )
            print(f"{entry.name}\t{since}\tevery {counted(entry.every, 'day')}")
    return 0
