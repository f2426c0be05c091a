"""Named points in the backup and restore paths where a test can simulate a crash.

Every write, fsync and rename of a backup or a restore calls ``point(name)`` first. In normal
use ``hook`` is ``None`` and nothing happens; the kill tests set it (in a child process) to a
function that kills the process or raises at one chosen point, and then check that the journal
opens with everything committed and that no unverified backup is offered.
"""

from __future__ import annotations

from collections.abc import Callable

#: Called with the point's name before each step; ``None`` outside the tests.
hook: Callable[[str], None] | None = None


def point(name: str) -> None:
    if hook is not None:
        hook(name)
