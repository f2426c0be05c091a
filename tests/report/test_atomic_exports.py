"""Every export is written through ``journal.atomic_file``: a fresh temporary name made with
O_EXCL|O_NOFOLLOW (0600), fsynced, renamed, then its folder fsynced; a failure leaves the old
file and no temporary one."""

from __future__ import annotations

import errno
import itertools
import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from journal import atomic_file
from journal.services import Journal
from tests.helpers import TODAY


def _json(journal: Journal, out: Path) -> Path:
    return journal.export_json(out)


def _csv(journal: Journal, out: Path) -> Path:
    return journal.export_csv(out)


def _pdf(journal: Journal, out: Path) -> Path:
    return journal.export_summary(out, TODAY, TODAY, {"overview"}, "hidden", "A4")


EXPORTS: dict[str, Callable[[Journal, Path], Path]] = {"json": _json, "csv": _csv, "pdf": _pdf}


@pytest.fixture
def filled(journal: Journal, make_day, make_contact) -> Journal:
    journal.save_day(make_day(note="a note only the person may read"))
    journal.add_contact(make_contact())
    return journal


@pytest.fixture
def tokens(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The random parts of temporary names, known in advance (and recorded when drawn)."""
    names = (f"{n:012x}" for n in itertools.count(0xA0))
    drawn: list[str] = []

    def token(_: int) -> str:
        drawn.append(next(names))
        return drawn[-1]

    monkeypatch.setattr(atomic_file.secrets, "token_hex", token)
    return drawn


@pytest.mark.parametrize("kind", EXPORTS)
def test_a_planted_link_or_leftover_is_never_followed(
    filled: Journal, tmp_path: Path, tokens: list[str], kind: str
) -> None:
    out = tmp_path / f"export.{kind}"
    victim = tmp_path / "victim.txt"
    victim.write_text("must stay as it is")
    # the old fixed name, and the first two names the export will draw
    (tmp_path / f"{out.name}.part").symlink_to(victim)
    (tmp_path / f"{out.name}.{0xA0:012x}.part").symlink_to(victim)
    (tmp_path / f"{out.name}.{0xA1:012x}.part").write_text("a leftover")

    EXPORTS[kind](filled, out)

    assert victim.read_text() == "must stay as it is"
    assert len(tokens) == 3  # two names taken: refused (O_EXCL), a third one used
    assert (tmp_path / f"{out.name}.{0xA1:012x}.part").read_text() == "a leftover"
    assert out.stat().st_size > 100 and not out.is_symlink()
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert not (tmp_path / f"{out.name}.{0xA2:012x}.part").exists()  # renamed into place


@pytest.mark.parametrize("kind", EXPORTS)
def test_the_folder_is_fsynced_after_the_rename(
    filled: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    out = tmp_path / f"export.{kind}"
    synced: list[tuple[str, bool]] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        mode = os.fstat(fd).st_mode
        synced.append(("folder" if stat.S_ISDIR(mode) else "file", out.exists()))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    EXPORTS[kind](filled, out)
    assert ("file", False) in synced  # the content, before the rename
    assert synced[-1] == ("folder", True)  # the rename, after it


@pytest.mark.parametrize("kind", EXPORTS)
def test_a_full_disk_leaves_the_old_file_and_no_temporary_one(
    filled: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    out = tmp_path / f"export.{kind}"
    out.write_text("the export of yesterday")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OSError) as raised:
        EXPORTS[kind](filled, out)
    assert raised.value.errno == errno.ENOSPC
    assert out.read_text() == "the export of yesterday"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export." + kind, "journal"]


def test_atomic_file_is_a_leaf_without_qt() -> None:
    import ast

    for module in ("atomic_file.py", "buglog.py"):
        tree = ast.parse((Path(atomic_file.__file__).parent / module).read_text())
        imported = {
            alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.Import)
            for alias in node.names
        }
        imported |= {
            node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
        }
        assert not {n for n in imported if n.split(".")[0] in ("journal", "PySide6")}, module


@pytest.mark.parametrize("kind", ["json", "csv"])
def test_a_folder_or_a_pipe_is_never_replaced_and_the_error_names_it(
    filled: Journal, tmp_path: Path, kind: str
) -> None:
    folder, pipe = tmp_path / "a folder", tmp_path / "a pipe"
    folder.mkdir()
    os.mkfifo(pipe)
    for target in (folder, pipe):
        with pytest.raises(OSError) as refused:
            EXPORTS[kind](filled, target)
        assert refused.value.filename == str(target)
    assert folder.is_dir() and stat.S_ISFIFO(os.lstat(pipe).st_mode)
    assert not list(tmp_path.glob("*.part"))


def test_a_missing_folder_is_named_as_the_person_gave_it(filled: Journal, tmp_path: Path) -> None:
    out = tmp_path / "absent" / "export.json"
    with pytest.raises(FileNotFoundError) as refused:
        filled.export_json(out)
    assert refused.value.filename == str(out)
