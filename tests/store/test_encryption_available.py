"""Whether a passphrase can be used is known without loading SQLCipher (~5 MB once loaded,
which an unencrypted journal never needs), and agrees with loading it."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

from journal.store import connection
from journal.store.connection import cipher, encryption_available


def test_the_answer_is_what_loading_it_says() -> None:
    assert encryption_available() == (cipher() is not None)


def test_asking_does_not_load_sqlcipher() -> None:
    script = (
        "import sys\n"
        "from journal.store.connection import encryption_available\n"
        "answer = encryption_available()\n"
        "print(answer, 'sqlcipher3' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.split() == [str(cipher() is not None), "False"]


def test_not_installed_is_not_available(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(sys.modules, "sqlcipher3.dbapi2", raising=False)
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *_: None)
    assert connection.encryption_available() is False
