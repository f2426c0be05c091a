"""The committed translation template holds exactly the strings the code asks to translate.

A translator starts from ``resources/translations/connection_journal.ts``; a string added to
the code but not to the template would stay English in every language. The fix is the command
in the README's "How to add a language".
"""

import shutil
import subprocess
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = ROOT / "resources" / "translations" / "connection_journal.ts"


def _messages(ts: Path) -> set[tuple[str, str]]:
    tree = ElementTree.parse(ts)
    return {
        (context.findtext("name") or "", message.findtext("source") or "")
        for context in tree.getroot().iter("context")
        for message in context.iter("message")
    }


@pytest.mark.skipif(
    shutil.which("pyside6-lupdate") is None, reason="pyside6-lupdate is not on PATH"
)
def test_the_template_is_up_to_date(tmp_path: Path) -> None:
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "journal").rglob("*.py"))
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        ["pyside6-lupdate", *sources, "-ts", str(fresh), "-no-obsolete", "-locations", "none"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    wanted, committed = _messages(fresh), _messages(TEMPLATE)
    assert len(wanted) > 1000  # the whole app was read
    missing, stale = sorted(wanted - committed), sorted(committed - wanted)
    assert not missing and not stale, (
        f"{len(missing)} strings missing from the template, e.g. {missing[:3]}; "
        f"{len(stale)} no longer in the code, e.g. {stale[:3]}. Regenerate it with "
        "pyside6-lupdate (README, How to add a language)."
    )
