"""Tests that key many files derive keys with few iterations (SQLCipher's default takes about
0.2 s per key, which would make an interruption at every step take minutes)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from journal.store.connection import cipher

FAST = 2
SETUP = f"PRAGMA cipher_default_kdf_iter = {FAST}"


@pytest.fixture
def fast_kdf() -> Iterator[None]:
    """Every key made or opened in the test uses ``FAST`` iterations; the default after."""
    module = cipher()
    if module is None:
        yield
        return
    conn = module.connect(":memory:")
    default = conn.execute("PRAGMA cipher_default_kdf_iter").fetchone()[0]
    conn.execute(SETUP)
    conn.close()
    try:
        yield
    finally:
        conn = module.connect(":memory:")
        conn.execute(f"PRAGMA cipher_default_kdf_iter = {int(default)}")
        conn.close()
