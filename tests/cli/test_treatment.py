"""The treatment commands as a script would use them."""

from pathlib import Path

import pytest

from journal.cli import main


@pytest.fixture
def folder(tmp_path: Path) -> str:
    return str(tmp_path / "j")


def ok(*args: str) -> None:
    assert main(list(args)) == 0, args


def test_a_week_of_treatment(folder: str, capsys: pytest.CaptureFixture[str]) -> None:
    d = ["--data-dir", folder]
    ok(
        "contact",
        "add",
        "--person",
        "Dr. Lee",
        "--kind",
        "therapist",
        "--mode",
        "video",
        "--date",
        "2026-01-05",
        *d,
    )
    ok(
        "session",
        "add",
        "--date",
        "2026-01-05",
        "--provider",
        "dr. lee",
        "--mode",
        "video",
        "--felt-heard",
        "4",
        *d,
    )
    ok("session", "add", "--date", "2026-01-12", "--status", "missed", *d)
    ok(
        "medication",
        "add",
        "--name",
        "Sertraline",
        "--dose",
        "50 mg",
        "--doses-per-day",
        "1",
        "--started",
        "2026-01-01",
        *d,
    )
    ok("dose", "--medication", "sertraline", "--date", "2026-01-05", "--taken", "1", *d)
    ok(
        "commitment",
        "add",
        "--title",
        "Call a friend",
        "--per-week",
        "2",
        "--started",
        "2026-01-01",
        "--suggested-by",
        "Dr. Lee",
        *d,
    )
    ok("done", "--commitment", "call a friend", "--date", "2026-01-06", *d)
    ok("topic", "add", "Sleep has been patchy", *d)
    capsys.readouterr()
    ok("commitment", "list", "--date", "2026-01-07", *d)
    assert "1 of 2 this week" in capsys.readouterr().out
    ok("session", "list", "--from", "2026-01-01", "--to", "2026-01-31", *d)
    out = capsys.readouterr().out
    assert "attended" in out and "felt heard 4/5" in out and "missed" in out
    ok("topic", "list", *d)
    assert capsys.readouterr().out.count("Sleep") == 1
    ok("topic", "discussed", "1", *d)
    capsys.readouterr()
    ok("topic", "list", *d)
    assert "Sleep" not in capsys.readouterr().out
    assert main(["topic", "discussed", "1", "--on", "2000-01-01", *d]) == 2
    assert "cannot be before created on" in capsys.readouterr().err
    ok("medication", "stop", "--name", "Sertraline", "--on", "2026-01-10", *d)
    ok("medication", "list", *d)
    assert "to 2026-01-10" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["dose", "--medication", "Nothing", "--taken", "1"], "no medication called"),
        (["medication", "add", "--name", " ", "--doses-per-day", "1"], "name must not be empty"),
        (
            ["commitment", "add", "--title", "X", "--per-week", "0"],
            "per week must be between 1 and 14",
        ),
        (["session", "add", "--date", "2999-01-01"], "a session in the future can only be planned"),
        (["session", "add", "--provider", "Nobody"], "nobody called"),
    ],
)
def test_bad_treatment_input(
    folder: str, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert main([*args, "--data-dir", folder]) == 2
    assert message in capsys.readouterr().err


def test_too_many_doses(folder: str, capsys: pytest.CaptureFixture[str]) -> None:
    ok(
        "medication",
        "add",
        "--name",
        "A",
        "--doses-per-day",
        "2",
        "--started",
        "2026-01-01",
        "--data-dir",
        folder,
    )
    assert (
        main(
            [
                "dose",
                "--medication",
                "A",
                "--taken",
                "3",
                "--date",
                "2026-01-02",
                "--data-dir",
                folder,
            ]
        )
        == 2
    )
    assert "cannot be more than the 2 doses" in capsys.readouterr().err
