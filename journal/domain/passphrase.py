"""What a passphrase must be, for the command line and the app alike.

A passphrase is NFC-normalised before it is used, so the same words typed on keyboards that
produce composed (NFC) or decomposed (NFD) accents open the same journal. SQLCipher reads a key
written as ``x'<hex digits>'`` as a raw key, skipping the key derivation; such a passphrase is
refused, so every new key is derived from what the person typed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from journal.domain.errors import ValidationError
from journal.i18n import format_number, translate

#: At least this many characters other than spaces.
MIN_PASSPHRASE = 8
_RAW_KEY = re.compile(r"[xX]'[0-9A-Fa-f]*'?")


def normalised(passphrase: str) -> str:
    """The form the key is derived from (NFC)."""
    return unicodedata.normalize("NFC", passphrase)


def usable(passphrase: str) -> str:
    """A passphrase typed to open a journal: normalised, refused only if it cannot be a key.

    An older journal's passphrase may be short or look like a raw key; it must still open, so
    only a NUL (which the key cannot hold) is refused here.
    """
    if "\x00" in passphrase:
        raise ValidationError(
            "passphrase", translate("validation", "passphrase must not contain a NUL character")
        )
    return normalised(passphrase)


def check_passphrase(passphrase: str) -> str:
    """A new passphrase, normalised; ``ValidationError`` naming the problem otherwise."""
    passphrase = usable(passphrase)
    if sum(1 for char in passphrase if not char.isspace()) < MIN_PASSPHRASE:
        raise ValidationError(
            "passphrase",
            translate(
                "validation", "passphrase must be at least {count} characters (not counting spaces)"
            ).format(count=format_number(MIN_PASSPHRASE, 0)),
        )
    if _RAW_KEY.fullmatch(passphrase):
        raise ValidationError(
            "passphrase",
            translate(
                "validation",
                "passphrase must not look like x'…' followed by hex digits "
                "(that is read as a raw key, not a passphrase)",
            ),
        )
    return passphrase


@dataclass(frozen=True, slots=True)
class ProtectionChanged:
    """What a passphrase change did beyond the journal: backups it could not rewrite.

    ``kept_aside`` are backups that could not be read; they were moved, unchanged, out of the
    list of backups (to ``backups/unreadable/``) and still have their old protection:
    unencrypted when ``set`` could not encrypt them.
    """

    action: str
    kept_aside: tuple[Path, ...] = field(default_factory=tuple)

    def message(self) -> str:
        """One line about the backups kept aside; empty when every backup was rewritten."""
        if not self.kept_aside:
            return ""
        count = format_number(len(self.kept_aside), 0)
        where = ", ".join(str(p) for p in self.kept_aside)
        if self.action == "set":
            text = translate(
                "errors",
                "{count} backup(s) could not be read, so could not be "
                "encrypted. They are kept, still UNENCRYPTED, at {paths}. Delete "
                "them if you do not need them.",
            )
        elif self.action == "change":
            text = translate(
                "errors",
                "{count} backup(s) could not be read, so could not be "
                "re-encrypted. They are kept, with the old passphrase, at {paths}.",
            )
        else:
            text = translate(
                "errors",
                "{count} backup(s) could not be read, so could not be "
                "decrypted. They are kept, still encrypted, at {paths}.",
            )
        return text.format(count=count, paths=where)
