"""Accepting a dialog only once what it holds is taken: the one rule every dialog follows."""

from PySide6.QtWidgets import QDialog

from journal.domain.errors import JournalError, ValidationError
from journal.ui.widgets.notices import FORM, accept_if_valid


def _dialog(qtbot) -> QDialog:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    dialog.open()
    return dialog


def test_the_dialog_closes_with_what_the_work_returned(qtbot):
    dialog, shown, saved = _dialog(qtbot), [], []
    assert accept_if_valid(dialog, lambda: "record", shown.append, saved=saved.append)
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible()
    assert saved == ["record"] and shown == []


def test_every_invalid_field_is_shown_and_the_dialog_stays_open(qtbot):
    dialog, shown, saved = _dialog(qtbot), [], []

    def work() -> None:
        raise ValidationError("name", "name is empty", others={"kind": "no such kind"})

    assert not accept_if_valid(dialog, work, shown.append, saved=saved.append)
    assert shown == [{"name": "name is empty", "kind": "no such kind"}]
    assert dialog.isVisible() and saved == []


def test_another_journal_error_is_shown_as_the_form_s_own(qtbot):
    dialog, shown = _dialog(qtbot), []

    def work() -> None:
        raise JournalError("the journal is locked")

    assert not accept_if_valid(dialog, work, shown.append, form="elsewhere")
    assert not accept_if_valid(dialog, work, shown.append)
    assert shown == [{"elsewhere": "the journal is locked"}, {FORM: "the journal is locked"}]
    assert dialog.isVisible()
