"""The demo journal says so: "Demo journal" in the title and a quiet banner on every page."""

from PySide6.QtWidgets import QListWidget

from journal import paths
from journal.cli import journal_commands, main


def test_demo_opened_from_the_command_line_is_marked_on_every_page(
    qtbot, tmp_path, monkeypatch, open_window
):
    opened = []
    monkeypatch.setattr(
        "journal.app.run", lambda folder, minimized=False: opened.append(folder) or 0
    )
    monkeypatch.setattr(journal_commands, "DEMO_DAYS", 40)  # a short demo is enough here
    folder = tmp_path / "journal"
    assert main(["--demo", "--data-dir", str(folder)]) == 0
    assert opened == [folder] and paths.is_demo_dir(folder)
    window = open_window()  # the fixture opens tmp_path / "journal"
    assert window.is_demo and window.windowTitle().startswith("Demo journal")
    banner = window.findChild(object, "demo_banner")
    pages = window.findChild(QListWidget, "pages")
    for row in range(pages.count()):
        pages.setCurrentRow(row)
        assert banner.isVisible(), pages.item(row).text()
    assert "Your own journal is kept apart" in banner.accessibleDescription()


def test_ones_own_journal_is_not_marked(open_window, monkeypatch, tmp_path):
    monkeypatch.setattr(paths, "demo_data_dir", lambda: tmp_path / "elsewhere")
    window = open_window()
    assert not window.is_demo and window.windowTitle() == "Connection Journal"
    assert window.findChild(object, "demo_banner") is None


def test_the_demo_folder_itself_is_marked_even_without_the_file(monkeypatch, tmp_path):
    monkeypatch.setattr(paths, "demo_data_dir", lambda: tmp_path / "demo")
    (tmp_path / "demo").mkdir()
    assert paths.is_demo_dir(tmp_path / "demo") and not paths.is_demo_dir(tmp_path)
    assert not paths.is_demo_dir(None)
