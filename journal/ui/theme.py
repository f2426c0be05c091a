"""Light and dark palettes for the whole application, and charts that follow them.

Every widget takes its colours from the application palette, so a page never hard-codes a
colour: text on a background, hints (``PlaceholderText``) and highlights all come from here.
Each palette's text colours meet WCAG AA (4.5:1) against the backgrounds they are drawn on;
``tests/ui/test_main_window.py`` measures it. The one colour a palette has no role for, the
calm amber of a message beside an invalid field, is ``notice_colour``.

Fusion draws the outline of a check box, a radio button, a progress bar, a text box and a
spin box in the *window* colour made 40 % darker, whatever the palette's ``Mid``/``Dark``
roles say: on the dark window that outline all but vanishes (an unticked box looked like
nothing at all), and on the light one it is faint. Those controls paint no background of their
own, so ``apply_theme`` gives them a palette whose ``Window`` is picked for that outline to
reach 3:1 against the window and the field colour (``with_visible_outlines``); every other
role stays the scheme's.
"""

from __future__ import annotations

import sys
from enum import StrEnum

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette, QTextCharFormat
from PySide6.QtWidgets import QApplication, QCalendarWidget, QLabel, QToolButton

from journal.domain.settings import THEMES


class Scheme(StrEnum):
    """The palette actually shown; the ``system`` setting resolves to one of these."""

    LIGHT = "light"
    DARK = "dark"


_Role = QPalette.ColorRole

_COLOURS: dict[Scheme, dict[QPalette.ColorRole, str]] = {
    Scheme.LIGHT: {
        _Role.Window: "#f3f3f1",
        _Role.WindowText: "#1f1f1f",
        _Role.Base: "#ffffff",
        _Role.AlternateBase: "#eeeeec",
        _Role.Text: "#1f1f1f",
        _Role.PlaceholderText: "#5f6368",
        _Role.Button: "#e6e6e3",
        _Role.ButtonText: "#1f1f1f",
        _Role.BrightText: "#ffffff",
        _Role.ToolTipBase: "#ffffff",
        _Role.ToolTipText: "#1f1f1f",
        _Role.Highlight: "#2a5d9f",
        _Role.HighlightedText: "#ffffff",
        _Role.Accent: "#2a5d9f",
        _Role.Link: "#1f5aa6",
        _Role.LinkVisited: "#5b3a8c",
        _Role.Light: "#ffffff",
        _Role.Midlight: "#f7f7f5",
        _Role.Mid: "#b9b9b5",
        _Role.Dark: "#8d8d89",
        _Role.Shadow: "#5a5a57",
    },
    Scheme.DARK: {
        _Role.Window: "#202124",
        _Role.WindowText: "#e8eaed",
        _Role.Base: "#17181a",
        _Role.AlternateBase: "#26272b",
        _Role.Text: "#e8eaed",
        _Role.PlaceholderText: "#a0a4aa",
        _Role.Button: "#2d2e32",
        _Role.ButtonText: "#e8eaed",
        _Role.BrightText: "#ffffff",
        _Role.ToolTipBase: "#2d2e32",
        _Role.ToolTipText: "#e8eaed",
        _Role.Highlight: "#2f5f9e",
        _Role.HighlightedText: "#ffffff",
        _Role.Accent: "#2f5f9e",
        _Role.Link: "#8ab4f8",
        _Role.LinkVisited: "#c58af9",
        _Role.Light: "#4a4b50",
        _Role.Midlight: "#3a3b3f",
        _Role.Mid: "#35363a",
        _Role.Dark: "#111214",
        _Role.Shadow: "#000000",
    },
}

#: Greyed-out text of disabled controls (exempt from AA, still kept at about 3:1 or more).
_DISABLED_TEXT = {Scheme.LIGHT: "#767674", Scheme.DARK: "#7c7f85"}

#: A calm amber for messages beside invalid fields: noticeable without the alarm of bright red,
#: and always paired with a symbol, so colour is never the only carrier.
_NOTICE = {Scheme.LIGHT: "#8a4b00", Scheme.DARK: "#f0b45c"}

#: The outline of check boxes, radio buttons, progress bars, text and spin boxes: at least 3:1
#: against both the window and the field (``Base``) colour of its scheme, as WCAG asks of the
#: boundary of a control.
_OUTLINE = {Scheme.LIGHT: "#7a7a75", Scheme.DARK: "#83868c"}

#: The controls whose Fusion outline is derived from ``Window`` and that paint no background.
_OUTLINED_CLASSES = ("QCheckBox", "QRadioButton", "QProgressBar", "QLineEdit", "QAbstractSpinBox")

_THEME_PROPERTY = "journal_theme"
_FOLLOWING_PROPERTY = "journal_theme_follows_system"


def palette_for(scheme: Scheme | str) -> QPalette:
    """The full palette of a scheme, every colour group set."""
    scheme = Scheme(scheme)
    palette = QPalette()
    for role, colour in _COLOURS[scheme].items():
        palette.setColor(role, QColor(colour))
    disabled = QColor(_DISABLED_TEXT[scheme])
    for role in (_Role.WindowText, _Role.Text, _Role.ButtonText, _Role.PlaceholderText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


def outline_colour(palette: QPalette) -> QColor:
    """The outline of a control (check box, text box …) in ``palette``'s scheme."""
    return QColor(_OUTLINE[Scheme.DARK if is_dark(palette) else Scheme.LIGHT])


def with_visible_outlines(palette: QPalette) -> QPalette:
    """``palette`` for a control in ``_OUTLINED_CLASSES``, so that Fusion's outline shows.

    Fusion outlines these controls in ``Window.darker(140)``; this sets ``Window`` to the
    outline colour made that much lighter. Only for controls that never fill their
    background with ``Window`` (those in ``_OUTLINED_CLASSES``, or a progress bar an item
    delegate draws). ``palette`` is a scheme's palette, not one made by this function.
    """
    result = QPalette(palette)
    result.setColor(_Role.Window, outline_colour(palette).lighter(140))
    return result


def is_dark(palette: QPalette) -> bool:
    """True when the palette's window is dark (so its text is light)."""
    return palette.color(_Role.Window).lightness() < 128


def notice_colour(palette: QPalette) -> QColor:
    """The colour of a message beside an invalid field, for the scheme ``palette`` belongs to."""
    return QColor(_NOTICE[Scheme.DARK if is_dark(palette) else Scheme.LIGHT])


def paint_as_notice(label: QLabel) -> None:
    """Draw a label's text in the notice colour; call again when the palette changes.

    The scheme is read from the label's parent, which Qt updates before its children.
    """
    around = label.parentWidget().palette() if label.parentWidget() else QApplication.palette()
    own = QPalette()  # sets only the text colour; every other role still follows the parent
    own.setColor(label.foregroundRole(), notice_colour(around))
    label.setPalette(own)


def as_hint(label: QLabel) -> QLabel:
    """A quieter label for explanations, in the palette's placeholder colour (still AA)."""
    label.setForegroundRole(_Role.PlaceholderText)
    return label


#: The space around a page's content (left, top, right, bottom), the same on every page so
#: that the headings line up when the person moves from one page to the next.
PAGE_MARGINS = (24, 18, 24, 18)


def as_heading(label: QLabel) -> QLabel:
    """A page's heading: bold, 1.4 times the label's font."""
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * 1.4)
    font.setBold(True)
    label.setFont(font)
    return label


def calm_calendar(calendar: QCalendarWidget) -> None:
    """Weekends in the text colour rather than Qt's bright red, and month arrows drawn in the
    header's text colour (Qt's arrow icons are black on the blue header)."""
    for weekday in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
        calendar.setWeekdayTextFormat(weekday, QTextCharFormat())
    arrows = {
        "qt_calendar_prevmonth": Qt.ArrowType.LeftArrow,
        "qt_calendar_nextmonth": Qt.ArrowType.RightArrow,
    }
    for name, arrow in arrows.items():
        button = calendar.findChild(QToolButton, name)
        if button is not None:  # Qt's own names; without them the icons simply stay
            button.setArrowType(arrow)


def resolve(app: QApplication, mode: str) -> Scheme:
    """The scheme to show for a theme setting; ``system`` asks the platform (light if unsure)."""
    if mode not in THEMES:
        raise ValueError(f"unknown theme {mode!r}; expected one of {', '.join(THEMES)}")
    if mode == "system":
        dark = app.styleHints().colorScheme() == Qt.ColorScheme.Dark
        return Scheme.DARK if dark else Scheme.LIGHT
    return Scheme(mode)


def apply_theme(app: QApplication, mode: str) -> Scheme:
    """Use the Fusion style with the light or dark palette ``mode`` asks for.

    ``mode`` is a ``Settings.theme`` value. With ``system`` the palette also follows the
    platform when it switches between light and dark while the journal is open. Charts made
    afterwards take their background and foreground from the same palette.
    """
    scheme = resolve(app, mode)
    app.setProperty(_THEME_PROPERTY, mode)
    if app.style().name().casefold() != "fusion":
        app.setStyle("Fusion")
    palette = palette_for(scheme)
    app.setPalette(palette)
    outlined = with_visible_outlines(palette)
    for class_name in _OUTLINED_CLASSES:
        app.setPalette(outlined, class_name)
    # A date box's calendar pop-up would inherit the date box's palette: its days outside
    # the allowed range are drawn on ``Window``. It keeps the scheme's own colours.
    app.setPalette(palette_for(scheme), "QCalendarWidget")
    if "pyqtgraph" in sys.modules:  # charts are loaded only when a chart page is opened
        configure_charts(palette)
    if not app.property(_FOLLOWING_PROPERTY):
        app.setProperty(_FOLLOWING_PROPERTY, True)
        app.styleHints().colorSchemeChanged.connect(lambda _scheme: _follow_system(app))
    return scheme


def configure_charts(palette: QPalette) -> None:
    """pyqtgraph's default background and foreground from the palette (charts also restyle
    themselves when the palette changes)."""
    import pyqtgraph

    pyqtgraph.setConfigOptions(
        background=palette.color(_Role.Base), foreground=palette.color(_Role.Text)
    )


def _follow_system(app: QApplication) -> None:
    if app.property(_THEME_PROPERTY) == "system":
        apply_theme(app, "system")
