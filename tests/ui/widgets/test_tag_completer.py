"""The coping completer reads its tags when the field is entered or typed in, not when a day
is shown (issue 21: showing Today must not count a lifetime of tags)."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit

from journal.ui.widgets.tag_completer import TagCompleter


def test_tags_are_read_when_the_field_is_typed_in(qtbot) -> None:
    field = QLineEdit()
    qtbot.addWidget(field)
    completer = TagCompleter(field)
    reads: list[int] = []

    def source() -> list[str]:
        reads.append(1)
        return ["walk", "music"]

    completer.set_source(source)
    assert reads == [] and completer.model().rowCount() == 0  # not yet
    qtbot.keyClicks(field, "mu")
    assert reads and completer.model().stringList() == ["walk", "music"]
    completer.set_tags(["tea"])  # given tags: the source is no longer asked
    before = len(reads)
    qtbot.keyClicks(field, "s")
    assert len(reads) == before and completer.model().stringList() == ["tea"]
