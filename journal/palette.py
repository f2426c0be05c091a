"""The app's colours: the one mood palette, and the one table of chart colours.

A leaf (no Qt, nothing of ours) so the Today page, the screen's charts and the PDF colour alike.

The mood palette runs 0–10 from a calm slate blue through warm sand to amber. The scale
diverges along the blue–orange axis, the one that deuteranopes and protanopes (most
colour-blind people) still see, and its lightness changes step by step, so it also survives a
greyscale printout. Colour is never the only carrier: every step has a text mark (``mark``),
and pages show the number too. ``text_on`` gives the number's colour on a step (4.5:1 or more).

A chart's lines and bars take ``CHART`` by name (the summary's ``Series.colour`` is such a
name): Okabe & Ito's set, which stays distinguishable with the common colour-vision
deficiencies, and three of the PDF's own. ``SERIES`` orders them for the first to fourth
series of a chart, with lighter hues on a dark background; every series also differs by line
style or marker, so colour never carries meaning alone.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

Scheme = Literal["light", "dark"]

#: Mood 0 to 10 on a light background.
MOOD_LIGHT: tuple[str, ...] = (
    "#4a5a9c",
    "#5d70ad",
    "#7688bd",
    "#95a3cc",
    "#b8c0db",
    "#e2dccd",
    "#f3d3a0",
    "#f2bc72",
    "#eaa04a",
    "#dd8330",
    "#d06e25",
)
#: Mood 0 to 10 on a dark background: the same hues, a little deeper so they do not glare.
MOOD_DARK: tuple[str, ...] = (
    "#3d4a85",
    "#4d5f9a",
    "#5b6da3",
    "#7f8fbb",
    "#9ea9c9",
    "#c9c2b2",
    "#d9b887",
    "#d9a35f",
    "#d08a3f",
    "#c4732b",
    "#b05a1c",
)

#: Chart colours by name, for the screen and the PDF: Okabe & Ito (2008), "Color Universal
#: Design", with its eight names; then the PDF's pale green of bars behind darker ones, the grey
#: of a day's thin mood line, and its ink (the document's text colour).
CHART: dict[str, str] = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "pale_bluish_green": "#a8dccb",
    "grey": "#7a7f87",
    "ink": "#1f2328",
}
#: The names of a chart's first, second, third and fourth series on a light and a dark
#: background (the lighter Okabe-Ito hues on dark); the PDF, on white paper, uses "light".
SERIES: dict[Scheme, tuple[str, str, str, str]] = {
    "light": ("blue", "vermillion", "bluish_green", "reddish_purple"),
    "dark": ("sky_blue", "orange", "bluish_green", "reddish_purple"),
}

#: Text drawn on a step: the darker or the lighter of these, whichever contrasts more.
DARK_TEXT = "#1f1f1f"
LIGHT_TEXT = "#ffffff"

#: A mark per band of the scale, for where a number does not fit (or a printout is grey):
#: very low, low, middling, good, very good.
_MARKS = ("▁", "▂", "▄", "▆", "█")


def mood_colours(scheme: Scheme = "light") -> tuple[str, ...]:
    """The eleven colours of mood 0–10 for the light or dark scheme."""
    return MOOD_DARK if scheme == "dark" else MOOD_LIGHT


def mood_colour(score: int, scheme: Scheme = "light") -> str:
    """The colour of a mood (or any 0–10 rating where higher is better)."""
    return mood_colours(scheme)[_clamp(score)]


def rating_colour(score: int, scheme: Scheme = "light", *, higher_is_better: bool = True) -> str:
    """A 0–10 rating on the mood scale; anxiety and loneliness (higher is worse) reversed, so
    the warm end always means "better"."""
    return mood_colour(score if higher_is_better else 10 - _clamp(score), scheme)


def quality_colour(quality: int, scheme: Scheme = "light") -> str:
    """ "How connected" 1–5 on the same scale (1 → mood 1, 3 → the neutral 5, 5 → mood 9)."""
    return mood_colour(2 * max(1, min(5, quality)) - 1, scheme)


def chart_colour(name: str) -> str:
    """The colour of ``CHART`` called ``name``."""
    return CHART[name]


def series_colours(scheme: Scheme = "light") -> tuple[str, ...]:
    """The colours of a chart's first to fourth series for the light or dark scheme."""
    return tuple(CHART[name] for name in SERIES[scheme])


def mark(score: int) -> str:
    """A text mark for a 0–10 score, rising with it (0–1, 2–3, 4–6, 7–8, 9–10)."""
    score = _clamp(score)
    band = 0 if score <= 1 else 1 if score <= 3 else 2 if score <= 6 else 3 if score <= 8 else 4
    return _MARKS[band]


@lru_cache(maxsize=512)  # asked for every step and calendar cell painted, of few colours
def text_on(fill: str) -> str:
    """``DARK_TEXT`` or ``LIGHT_TEXT``, whichever reads better on ``fill``."""
    return max((DARK_TEXT, LIGHT_TEXT), key=lambda text: contrast(text, fill))


@lru_cache(maxsize=512)  # likewise
def mix(colour: str, other: str, amount: float) -> str:
    """``colour`` moved ``amount`` (0–1) of the way to ``other`` (e.g. a pale, unchosen step)."""
    a, b = _rgb(colour), _rgb(other)
    return "#" + "".join(f"{round(x + (y - x) * amount):02x}" for x, y in zip(a, b, strict=True))


def contrast(first: str, second: str) -> float:
    """The WCAG 2 contrast ratio of two colours (1 to 21)."""
    high, low = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _clamp(score: int) -> int:
    return max(0, min(10, int(score)))


def _rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _luminance(colour: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b
