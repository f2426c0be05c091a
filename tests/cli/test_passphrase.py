"""Passphrases on the command line: the rules, the file, damage told from a wrong key, retries."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from journal.cli import main
from journal.cli.common import read_passphrase_file
from journal.services import Journal
from journal.store.connection import encryption_available, looks_plain
from journal.store.encryption import opens_with
from tests.helpers import TODAY, fixed_clock

needs_cipher = pytest.mark.skipif(not encryption_available(), reason="sqlcipher3 not installed")
SECRET = "heron-marigold-tangent"
GOOD = "a good long passphrase"


@pytest.fixture
def folder(data_dir: Path, make_day) -> Path:
    journal = Journal.open(data_dir, clock=fixed_clock)
    journal.save_day(make_day(note=f"my {SECRET} words"))
    journal.backup("manual")
    journal.close()
    return data_dir


def _file(tmp_path: Path, name: str, content: str | bytes) -> str:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return str(path)


def _one_calm_line(err: str) -> None:
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err


def test_the_file_is_read_as_its_whole_first_line(tmp_path: Path) -> None:
    text = "form\x0cfeed and\u2028line separator\r\nsecond line"
    assert (
        read_passphrase_file(Path(_file(tmp_path, "p", text)))
        == "form\x0cfeed and\u2028line separator"
    )
    assert read_passphrase_file(Path(_file(tmp_path, "q", "\ufeffbom first\n"))) == "bom first"
    decomposed = unicodedata.normalize("NFD", "café crème brûlée")
    assert read_passphrase_file(Path(_file(tmp_path, "r", decomposed))) == unicodedata.normalize(
        "NFC", decomposed
    )


@pytest.mark.parametrize("content", [b"nul\x00inside it\n", b"\xff\xfe not utf-8 at all"])
def test_a_nul_or_bad_text_in_the_file_is_one_calm_line(tmp_path, folder, capsys, content) -> None:
    path = _file(tmp_path, "p", content)
    code = main(["--data-dir", str(folder), "passphrase", "set", "--new-passphrase-file", path])
    assert code == 2
    _one_calm_line(capsys.readouterr().err)
    assert looks_plain(folder / "journal.sqlite3")


@pytest.mark.parametrize(
    "weak", [" " * 8, " a b c d e f g ", "x'" + "0" * 64 + "'", "X'" + "ab" * 48 + "'"]
)
def test_weak_or_raw_key_passphrases_are_refused(tmp_path, folder, capsys, weak) -> None:
    path = _file(tmp_path, "p", weak + "\n")
    code = main(["--data-dir", str(folder), "passphrase", "set", "--new-passphrase-file", path])
    assert code == 2
    err = capsys.readouterr().err
    _one_calm_line(err)
    assert "at least 8 characters" in err or "raw key" in err
    assert looks_plain(folder / "journal.sqlite3")


@needs_cipher
@pytest.mark.usefixtures("fast_kdf")
def test_nfc_and_nfd_forms_open_the_same_journal(tmp_path, folder, capsys) -> None:
    words = "Zoë's café naïveté"
    nfc = _file(tmp_path, "nfc", unicodedata.normalize("NFC", words))
    nfd = _file(tmp_path, "nfd", unicodedata.normalize("NFD", words))
    assert main(["--data-dir", str(folder), "passphrase", "set", "--new-passphrase-file", nfd]) == 0
    for given in (nfc, nfd):
        assert main(["--data-dir", str(folder), "--passphrase-file", given, "check"]) == 0
    assert "Health: ok" in capsys.readouterr().out


def _encrypt(tmp_path: Path, folder: Path) -> str:
    path = _file(tmp_path, "pass", GOOD + "\n")
    assert (
        main(["--data-dir", str(folder), "passphrase", "set", "--new-passphrase-file", path]) == 0
    )
    return path


def _garble(path: Path, start: int) -> None:
    data = bytearray(path.read_bytes())
    data[start : start + 300] = b"\xff" * 300
    path.write_bytes(bytes(data))


@needs_cipher
@pytest.mark.usefixtures("fast_kdf")
@pytest.mark.parametrize("page", [1, 3])
def test_a_damaged_encrypted_journal_is_restored_with_its_passphrase(
    tmp_path, folder, capsys, page
) -> None:
    passphrase = _encrypt(tmp_path, folder)
    journal_path = folder / "journal.sqlite3"
    _garble(journal_path, 4096 * (page - 1) + 200)
    capsys.readouterr()
    wrong = _file(tmp_path, "wrong", "not the passphrase at all\n")
    assert main(["--data-dir", str(folder), "--passphrase-file", wrong, "check"]) == 1
    assert "does not open this journal" in capsys.readouterr().err
    assert main(["--data-dir", str(folder), "--passphrase-file", passphrase, "restore"]) == 1
    out = capsys.readouterr().out
    assert "is damaged" in out and "does not open" not in out
    name = out.strip().splitlines()[-1].split("\t")[0]
    assert main(["--data-dir", str(folder), "--passphrase-file", passphrase, "restore", name]) == 0
    assert "Restored" in capsys.readouterr().out
    assert opens_with(journal_path, GOOD)  # still encrypted, with its passphrase
    journal = Journal.open(folder, clock=fixed_clock, passphrase=GOOD)
    assert journal.day(TODAY).note == f"my {SECRET} words"
    journal.close()


@needs_cipher
@pytest.mark.usefixtures("fast_kdf")
def test_set_reports_a_backup_it_could_not_encrypt(tmp_path, folder, capsys) -> None:
    backup = next((folder / "backups").glob("*.sqlite3"))
    _garble(backup, 4096)
    _encrypt(tmp_path, folder)
    out = capsys.readouterr().out
    kept = folder / "backups" / "unreadable" / backup.name
    assert "now encrypted" in out and "UNENCRYPTED" in out and str(kept) in out
    assert kept.exists() and not backup.exists()


@needs_cipher
@pytest.mark.usefixtures("fast_kdf")
def test_retrying_a_change_that_was_finished_says_so(tmp_path, folder, capsys) -> None:
    old = _encrypt(tmp_path, folder)
    new = _file(tmp_path, "new", "another long passphrase\n")
    args = [
        "--data-dir",
        str(folder),
        "--passphrase-file",
        old,
        "passphrase",
        "change",
        "--new-passphrase-file",
        new,
    ]
    assert main(args) == 0
    assert main(args) == 0  # as after an interrupted change finished at the next open
    assert "already has the new passphrase" in capsys.readouterr().out
    assert main(["--data-dir", str(folder), "--passphrase-file", new, "passphrase", "remove"]) == 0
    assert main(["--data-dir", str(folder), "--passphrase-file", new, "passphrase", "remove"]) == 0
    assert "not encrypted" in capsys.readouterr().out
    assert SECRET.encode() in (folder / "journal.sqlite3").read_bytes() or looks_plain(
        folder / "journal.sqlite3"
    )
