"""The messages for a damaged journal stay one calm line whatever SQLite found."""

from __future__ import annotations

from pathlib import Path

from journal.domain.errors import damaged


def test_a_finding_of_a_hundred_lines_is_said_in_one() -> None:
    finding = "*** in database main ***\n" + "\n".join(
        f"On tree page 43 cell {n}: Offset 65535 out of range 2296..4092" for n in range(100)
    )
    message = str(damaged(Path("/j/journal.sqlite3"), finding))
    assert len(message.splitlines()) == 1
    assert "On tree page 43 cell 0: Offset 65535" in message and "cell 1:" not in message


def test_a_one_line_finding_is_kept_as_it_is() -> None:
    message = str(damaged(Path("/j/journal.sqlite3"), "row 3 missing from index contacts_date"))
    assert "row 3 missing from index contacts_date" in message
