"""The child processes of ``python -m journal.bench``: a bare window and the real app start.

Each is a ``python -c`` script run in a fresh process. The app is started through its real
entry point (``journal.cli.main``: argument parsing, translations, theme, icon, the daily
backup when it is due), with ``QApplication.exec`` wrapped so that the first paint of the main
window is seen. Each script prints ``READY <peak KiB>`` once the window has painted and the
event loop is idle (``--pages`` first visits every page, every Trends range and makes one
summary preview, so the peak is that of a session, not of the first paint).
"""

from __future__ import annotations

# Shared ending: watch for the first paint of the main window, then wait for the loop to be
# idle; report this process's own peak memory. VmHWM, not ru_maxrss: a child started from the
# benchmark process would also count that process's memory through fork and exec on Linux.
_WATCH = """
import os, resource, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

def _peak_kb():
    try:
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

def _main_window():
    return next((w for w in QApplication.topLevelWidgets()
                 if isinstance(w, QMainWindow) and w.isVisible()), None)

class _Painted(QObject):
    fired = False
    def eventFilter(self, obj, event):
        if (not self.fired and event.type() == QEvent.Type.Paint and isinstance(obj, QWidget)
                and isinstance(obj.window(), QMainWindow)):
            self.fired = True
            QTimer.singleShot(0, _idle)  # runs once the loop is idle: interactive
        return False

def _idle():
    if VISIT_PAGES:
        try:
            _visit_pages(_main_window())
        except BaseException as error:
            print("FAILED", type(error).__name__, error, flush=True)
            os._exit(1)
    print("READY", _peak_kb(), flush=True)
    os._exit(0)

def _watch(app):
    global _watcher
    _watcher = _Painted()
    app.installEventFilter(_watcher)
    QTimer.singleShot(120000, lambda: (print("TIMEOUT", flush=True), os._exit(1)))
"""

_VISIT = """
def _visit_pages(window):
    import datetime as dt
    from journal.ui.sidebar import PAGES
    app = QApplication.instance()
    for key, *_rest in PAGES:
        window.show_page(key)
        app.processEvents()
    trends = window.page("trends")
    window.show_page("trends")
    for index in range(trends.range_switch.count()):
        trends.range_switch.setCurrentIndex(index)
        app.processEvents()
    share = window.share_page
    start, end = share.dates()
    global _preview
    _preview = window.journal.preview_summary(start, end, share.sections(), share.names(),
                                              share.paper())
    app.processEvents()
"""

#: A bare PySide6 + pyqtgraph window with one plot of 3,650 points: what any chart app costs.
BASELINE = (
    _WATCH
    + """
VISIT_PAGES = False
import numpy as np
import pyqtgraph as pg
app = QApplication(sys.argv[:1])
window = QMainWindow()
plot = pg.PlotWidget()
x = np.arange(3650, dtype=float)
plot.plot(x, np.sin(x / 50.0) * 3 + 5)
window.setCentralWidget(plot)
window.resize(1000, 700)
_watch(app)
window.show()
app.exec()
"""
)

#: The real ``connection-journal --data-dir DIR``; argv: the folder, then "pages" or "start".
APP = (
    _WATCH
    + _VISIT
    + """
VISIT_PAGES = sys.argv[2] == "pages"
_exec = QApplication.exec
def _exec_watched(*_self):
    _watch(QApplication.instance())
    return _exec()  # static in PySide6: called as app.exec() it gets app
QApplication.exec = _exec_watched
from journal.cli import main
sys.exit(main(["--data-dir", sys.argv[1]]))
"""
)

#: Save and refresh inside one window; argv: the folder, the repeat. Prints one JSON line:
#: {"save": [seconds...], "refresh": {"trends 30d": [seconds...], ...}}.
WINDOW = """
import datetime as dt, json, sys, time
from pathlib import Path
from PySide6.QtWidgets import QApplication
from journal.app import make_main_window
from journal.ui.widgets.rating_picker import RatingPicker
from journal.domain.records import Contact, Day

folder, repeat = Path(sys.argv[1]), int(sys.argv[2])
window = make_main_window(folder)
window.resize(1000, 700)
window.show()
app = QApplication.instance()
app.processEvents()
window.warm_up()  # what the app does once its window has painted (journal.app.run)
journal = window.journal
today_page = window.today_page
mood = today_page.findChild(RatingPicker, "mood")
counter = iter(range(10**6))

def timed(action, times):
    samples = []
    for _ in range(times):
        started = time.perf_counter()
        action()
        samples.append(time.perf_counter() - started)
    return samples

def save_from_page():
    mood.set_value(next(counter) % 11)
    if not today_page.save():
        raise RuntimeError("the Today page refused the save")

def save_day():
    i = next(counter)
    date = journal.today() - dt.timedelta(days=i % 30)
    journal.save_day_with_contacts(Day(date=date, mood=i % 11, note=f"bench {i}"),
                                   [Contact(date=date, kind="friend", mode="phone", quality=4)])

window.show_page("today")
app.processEvents()
saves = timed(save_from_page, max(50, repeat * 10))
refresh = {}
for key in ("trends", "insights", "checkins", "treatment"):
    page = window.page(key)
    window.show_page(key)
    switch = page.range_switch if key == "trends" else None
    for index in range(switch.count()) if switch else [None]:
        if switch:
            switch.setCurrentIndex(index)
        app.processEvents()
        samples = []
        for _ in range(repeat):
            save_day()
            started = time.perf_counter()
            page.refresh()
            page.repaint()
            app.processEvents()
            samples.append(time.perf_counter() - started)
        refresh[f"trends {switch.itemData(index)}" if switch else key] = samples
window.close()
journal.close()
print(json.dumps({"save": saves, "refresh": refresh}), flush=True)
"""
