"""The "Saved ✓" mark: hidden until a save, then shown at full strength and faded."""

from PySide6.QtWidgets import QWidget

from journal.ui.widgets.saved_mark import FADE_MS, SavedMark


def test_the_mark_fades_after_a_save_even_when_cleared_before_any(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    mark = SavedMark("Saved ✓", parent)
    parent.show()
    assert not mark.isVisible() and mark.graphicsEffect() is None  # a start makes no fading
    mark.clear()  # another day shown before anything was saved
    mark.flash()
    assert mark.isVisible() and mark.graphicsEffect().opacity() == 1.0
    mark.timer.timeout.emit()
    mark.fade.setCurrentTime(FADE_MS)
    assert not mark.isVisible()
    mark.flash()  # the next save: at full strength again
    assert mark.isVisible() and mark.graphicsEffect().opacity() == 1.0
    assert mark.fade.state() == mark.fade.State.Stopped and mark.timer.isActive()
