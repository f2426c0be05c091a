"""Light and dark palettes for the whole application, and charts that follow them.

Every widget takes its colours from the application palette, so a page never hard-codes a
colour: text on a background, hints (``PlaceholderText``) and highlights all come from here.
Each palette's text colours meet WCAG AA (4.5:1) against the backgrounds they are drawn on;
``tests/ui/test_theme_contrast.py`` measures them, and the outlines and focus rings Fusion
actually paints. The one colour a palette has no role for, the calm amber of a message beside
an invalid field, is ``notice_colour``.

Fusion draws the outline of a check box, a radio button, a progress bar, a text box, a spin box
and a combo box in the *window* colour made 40 % darker, and the frame of a text area, list or
table in that colour made 8 % lighter again, whatever the palette's ``Mid``/``Dark`` roles say:
on the dark window those outlines all but vanish (an unticked box or the note looked like
nothing at all), and on the light one they are faint. So ``apply_theme`` gives those classes a
palette whose ``Window`` is picked for the outline to reach 3:1 against the window and the
field colour (``with_visible_outlines``); every other role stays the scheme's. Fusion fills
nothing else of theirs with ``Window`` but a table's grid, a header's and a scroll bar's lines
and the corner between two scroll bars, which take the outline's grey.

Keyboard focus: Fusion rings a focused field, button, check box or combo box in
``focus_colour`` (derived from ``Highlight``, hence the dark scheme's light blue
``Highlight``), but draws no focus on the frame of a text area, list or table;
``show_frame_focus`` gives the focused one the ``Window`` that frames it in the same colour.
An application style sheet could draw both, but any style sheet at all makes Qt size every
spin box itself (4 px lower than a text box, wider), so the theme stays with palettes.
"""

from __future__ import annotations

import sys
from enum import StrEnum

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette, QTextCharFormat
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCalendarWidget,
    QLabel,
    QPlainTextEdit,
    QTextEdit,
    QToolButton,
    QWidget,
)

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
        _Role.Highlight: "#7cc4fa",  # light, so that Fusion's focus ring reaches 3:1
        _Role.HighlightedText: "#17181a",
        _Role.Accent: "#7cc4fa",
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

#: The outline of check boxes, radio buttons, progress bars, text, spin and combo boxes and the
#: frame of text areas, lists and tables: at least 3:1 against the window, the field (``Base``)
#: and the button colour of its scheme, as WCAG asks of the boundary of a control; darker than
#: ``focus_colour`` so that a focused field stands out from the others.
_OUTLINE = {Scheme.LIGHT: "#757570", Scheme.DARK: "#74777d"}

#: The controls whose Fusion outline is derived from ``Window`` and that fill nothing with it.
_OUTLINED_CLASSES = (
    "QCheckBox",
    "QRadioButton",
    "QProgressBar",
    "QLineEdit",
    "QAbstractSpinBox",
    "QComboBox",
)

#: Text areas, lists and tables: Fusion frames them in ``Window`` darker then a little lighter,
#: draws no focus on that frame, and fills nothing else but a table's grid, a header's lines,
#: scroll bars' edges and the corner between two scroll bars with ``Window``.
_FRAMED_CLASSES = ("QAbstractItemView", "QPlainTextEdit", "QTextEdit")
_FRAMED_TYPES = (QAbstractItemView, QPlainTextEdit, QTextEdit)

#: Widgets that fill areas with ``Window`` keep the scheme's own colours: a date box's calendar
#: pop-up (it takes the date box's palette, and draws the days outside the allowed range on
#: ``Window``) and a combo box's list (drawn as menu items on ``Window``). Qt's own class names.
_UNFRAMED_CLASSES = (
    "QCalendarPopup",
    "QCalendarWidget",
    "QtPrivate::QCalendarView",
    "QComboBoxListView",
)

_THEME_PROPERTY = "journal_theme"
_FOLLOWING_PROPERTY = "journal_theme_follows_system"
_FOCUS_FRAME_PROPERTY = "journal_focus_frame"


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


def focus_colour(palette: QPalette) -> QColor:
    """The ring around the control that has keyboard focus, in ``palette``'s scheme.

    It is the colour Fusion derives from ``Highlight`` for a focused text box, spin box,
    combo box, button or check box (``Highlight`` 25 % darker, its lightness capped at 160);
    ``apply_theme`` draws the frame of a focused text area, list or table in the same colour,
    so that focus looks alike everywhere. The dark scheme's ``Highlight`` is a light blue for
    this ring to reach 3:1 against the dark window, field and button colours.
    """
    colour = palette.color(_Role.Highlight).darker(125)
    if colour.value() > 160:
        colour.setHsl(colour.hue(), colour.saturation(), 160)
    return colour


def with_visible_outlines(palette: QPalette) -> QPalette:
    """``palette`` for a control in ``_OUTLINED_CLASSES``, so that Fusion's outline shows.

    Fusion outlines these controls in ``Window.darker(140)``; this sets ``Window`` to the
    outline colour made that much lighter. Only for controls that never fill their
    background with ``Window`` (those in ``_OUTLINED_CLASSES``, or a progress bar an item
    delegate draws). ``palette`` is a scheme's palette, not one made by this function.
    """
    result = QPalette(palette)
    result.setColor(_Role.Window, _window_drawing(outline_colour(palette)))
    return result


def _window_drawing(outline: QColor, *, frame: bool = False) -> QColor:
    """The ``Window`` colour from which Fusion derives ``outline``.

    Fusion darkens ``Window`` by 140 % for the outline of a field, and then lightens that by
    108 % for the ``frame`` of a text area, list or table. Same hue and saturation, brighter;
    capped at full brightness rather than washed out as ``QColor.lighter`` would, so that a
    light focus blue stays blue.
    """
    hue, saturation, value, _alpha = outline.getHsv()
    factor = 1.4 / 1.08 if frame else 1.4
    return QColor.fromHsv(max(hue, 0), saturation, min(255, round(value * factor)))


def _framed_palette(palette: QPalette) -> QPalette:
    """``palette`` for the classes in ``_FRAMED_CLASSES``: framed in ``outline_colour``."""
    result = QPalette(palette)
    result.setColor(_Role.Window, _window_drawing(outline_colour(palette), frame=True))
    return result


def _focused_frame_palette(palette: QPalette) -> QPalette:
    """The only role a focused text area, list or table sets itself: the ``Window`` from
    which Fusion derives its frame, so that the frame is drawn in ``focus_colour``."""
    own = QPalette()
    own.setColor(_Role.Window, _window_drawing(focus_colour(palette), frame=True))
    return own


def show_frame_focus(old: QWidget | None, new: QWidget | None) -> None:
    """Frame the text area, list or table that has focus in the focus colour (and give the
    one that lost it its outline back); connected to ``QApplication.focusChanged``.

    Fusion draws no focus on the frame of these widgets, and a style sheet cannot do it
    without resizing every spin box in the application. A widget given a palette of its own
    elsewhere keeps it, and one that is being destroyed arrives here as a plain ``QWidget``
    and is left alone.
    """
    if _is_framed(old) and old is not new and old.property(_FOCUS_FRAME_PROPERTY):
        old.setProperty(_FOCUS_FRAME_PROPERTY, False)
        old.setPalette(QPalette())  # no role of its own: the class palette again
    if _is_framed(new) and (
        new.property(_FOCUS_FRAME_PROPERTY)
        or not new.testAttribute(Qt.WidgetAttribute.WA_SetPalette)
    ):
        new.setProperty(_FOCUS_FRAME_PROPERTY, True)
        new.setPalette(_focused_frame_palette(QApplication.palette()))


def _is_framed(widget: QWidget | None) -> bool:
    return isinstance(widget, _FRAMED_TYPES) and not any(
        widget.inherits(name) for name in _UNFRAMED_CLASSES
    )


def is_dark(palette: QPalette) -> bool:
    """True when the palette's field colour is dark (so its text is light).

    Read from ``Base``, which no widget changes: the outlined and framed classes, and a focused
    text area, have a light ``Window`` in the dark scheme (see ``with_visible_outlines``).
    """
    return palette.color(_Role.Base).lightness() < 128


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
    outlined, framed = with_visible_outlines(palette), _framed_palette(palette)
    for class_name in _OUTLINED_CLASSES:
        app.setPalette(outlined, class_name)
    for class_name in _FRAMED_CLASSES:
        app.setPalette(framed, class_name)
    for class_name in _UNFRAMED_CLASSES:
        app.setPalette(palette_for(scheme), class_name)
    if "pyqtgraph" in sys.modules:  # charts are loaded only when a chart page is opened
        configure_charts(palette)
    if not app.property(_FOLLOWING_PROPERTY):
        app.setProperty(_FOLLOWING_PROPERTY, True)
        app.styleHints().colorSchemeChanged.connect(lambda _scheme: _follow_system(app))
        app.focusChanged.connect(show_frame_focus)
    show_frame_focus(None, app.focusWidget())  # its focus frame in the new scheme's colour
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
