"""The passphrase rules, shared by the command line and the app."""

import unicodedata

import pytest

from journal.domain.errors import ValidationError
from journal.domain.passphrase import ProtectionChanged, check_passphrase, usable


@pytest.mark.parametrize("weak", ["short", " " * 8, "\t \n" * 4, "a b c d e f g", "1234567"])
def test_fewer_than_eight_characters_besides_spaces_are_refused(weak) -> None:
    with pytest.raises(ValidationError, match="at least 8 characters"):
        check_passphrase(weak)


@pytest.mark.parametrize(
    "raw", ["x'" + "00" * 32 + "'", "X'" + "aB" * 48 + "'", "x'0123456789abcdef", "x'deadbeefcafe'"]
)
def test_what_sqlcipher_would_take_as_a_raw_key_is_refused(raw) -> None:
    with pytest.raises(ValidationError, match="raw key"):
        check_passphrase(raw)


def test_a_good_passphrase_is_normalised_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "crème brûlée à l'x'")
    assert decomposed != unicodedata.normalize("NFC", decomposed)
    assert check_passphrase(decomposed) == unicodedata.normalize("NFC", decomposed)
    assert check_passphrase("  eight words with spaces  ") == "  eight words with spaces  "
    assert check_passphrase("x'not hex at all'") == "x'not hex at all'"


def test_a_nul_is_refused_even_to_open() -> None:
    with pytest.raises(ValidationError, match="NUL"):
        usable("long enough\x00but not")
    assert usable("short") == "short"  # an older journal's passphrase still opens


def test_the_report_of_backups_kept_aside_says_what_they_still_are(tmp_path) -> None:
    kept = (tmp_path / "backups" / "unreadable" / "journal-x.sqlite3",)
    assert ProtectionChanged("set").message() == ""
    assert "UNENCRYPTED" in ProtectionChanged("set", kept).message()
    assert "old passphrase" in ProtectionChanged("change", kept).message()
    assert "still encrypted" in ProtectionChanged("remove", kept).message()
    assert str(kept[0]) in ProtectionChanged("remove", kept).message()
