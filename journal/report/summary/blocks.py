"""What a therapist summary is made of: sections of headings, paragraphs, tables and charts.

Plain frozen dataclasses, no Qt: the section builders fill them, ``html`` writes them
as HTML and ``pdf`` renders that. A chart is a spec — plain arrays and how to draw them — so
the PDF draws it at print resolution and a test can read its numbers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from journal.domain.sections import SECTIONS
from journal.i18n import translate
from journal.report.summary.names import NameStyle

if TYPE_CHECKING:
    from journal.report.summary.glance import Glance

#: Lists longer than this are shortened (the full record is in the JSON export).
MAX_ROWS = 24


def section_title(key: str) -> str:
    """The title of section ``key`` in the person's language."""
    return translate("summary", SECTIONS[key])


@dataclass(frozen=True, slots=True)
class Heading:
    """A sub-heading inside a section."""

    text: str


@dataclass(frozen=True, slots=True)
class Paragraph:
    """Running text; ``small`` is a footnote (sources, how figures were made)."""

    text: str
    small: bool = False


@dataclass(frozen=True, slots=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Entries:
    """Labelled pieces of the person's own words (a date and its note, a safety-plan part)."""

    items: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class Notice:
    """A calm, boxed message that must not be missed (the safety flag)."""

    text: str


@dataclass(frozen=True, slots=True)
class Table:
    """A header row (none when empty) and body rows of text; ``numeric`` columns are
    right-aligned; ``widths`` are the columns' shares of the width in percent (empty: as
    the text needs)."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[int, ...] = ()
    widths: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Series:
    """One series of a time chart: a value per point (``NaN``: a gap) and how it is drawn.

    ``draw`` is ``line``, ``bars`` or ``points``; ``colour`` a name of ``journal.palette.CHART``;
    ``dash`` is ``solid``, ``dash`` or ``dot``; ``marker`` is ``none``, ``circle``,
    ``square`` or ``triangle``; a ``joined`` line runs across gaps (scores filled in now
    and then). Series differ by line style or marker as well as colour. ``mood_dots``: each
    point's marker is coloured by its 0–10 value with the app's mood palette.
    """

    label: str
    values: np.ndarray
    draw: str = "line"
    colour: str = "blue"
    width: float = 1.0
    dash: str = "solid"
    marker: str = "none"
    joined: bool = False
    mood_dots: bool = False


@dataclass(frozen=True, slots=True)
class Panel:
    """One plot of a time chart, stacked with the others over the same dates."""

    label: str
    low: float
    high: float
    ticks: tuple[float, ...]
    series: tuple[Series, ...]
    weight: float = 1.0
    percent: bool = False


@dataclass(frozen=True, slots=True)
class TimeChart:
    """Panels over consecutive points ``step_days`` apart starting on each of ``days``;
    ``ticks`` are the date axis's (days from the first, label)."""

    title: str
    caption: str
    days: np.ndarray
    panels: tuple[Panel, ...]
    step_days: int = 1
    aspect: float = 0.42
    ticks: tuple[tuple[int, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Row:
    """A group's mean with its 95% confidence interval, from ``n`` days."""

    label: str
    n: int
    mean: float
    low: float
    high: float


@dataclass(frozen=True, slots=True)
class RowsChart:
    """Rows of means with CI whiskers, in titled groups, beside a reference (all days)."""

    title: str
    caption: str
    groups: tuple[tuple[str, tuple[Row, ...]], ...]
    axis_label: str
    reference: float | None = None
    reference_label: str = ""
    low: float = 0.0
    high: float = 10.0
    step: float = 1.0


Chart = TimeChart | RowsChart
Block = Heading | Paragraph | Bullets | Entries | Notice | Table | TimeChart | RowsChart


@dataclass(frozen=True, slots=True)
class Section:
    key: str
    title: str
    blocks: tuple[Block, ...]

    @property
    def paragraphs(self) -> list[str]:
        return [b.text for b in self.blocks if isinstance(b, Paragraph)]

    @property
    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]

    @property
    def charts(self) -> list[Chart]:
        return [b for b in self.blocks if isinstance(b, TimeChart | RowsChart)]


@dataclass(frozen=True, slots=True)
class Summary:
    """The whole document: title lines, page 1 (``glance``, also as the first section), the
    chosen sections after it, and the safety flags in them."""

    title: str
    subtitle: str
    intro: str
    footer: str
    start: dt.date
    end: dt.date
    names: NameStyle
    sections: tuple[Section, ...]
    safety_flags: tuple[str, ...] = field(default=())
    glance: Glance | None = None
    chosen: frozenset[str] = frozenset()

    @property
    def keys(self) -> list[str]:
        return [s.key for s in self.sections]

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)

    @property
    def charts(self) -> list[Chart]:
        return [chart for s in self.sections for chart in s.charts]

    def text(self) -> str:
        """Every word the summary holds, one piece a line (what a test or a search sees)."""
        parts = [self.title, self.subtitle, self.intro, self.footer, *self.safety_flags]
        for section in self.sections:
            parts.append(section.title)
            parts.extend(_block_text(block) for block in section.blocks)
        return "\n".join(p for p in parts if p)


def _block_text(block: Block) -> str:
    if isinstance(block, Heading | Paragraph | Notice):
        return block.text
    if isinstance(block, Bullets):
        return "\n".join(block.items)
    if isinstance(block, Entries):
        return "\n".join(f"{label}\n{text}" for label, text in block.items)
    if isinstance(block, Table):
        return "\n".join(" | ".join(row) for row in (block.header, *block.rows))
    if isinstance(block, TimeChart):
        labels = [f"{p.label}: " + ", ".join(s.label for s in p.series) for p in block.panels]
        return "\n".join([block.title, block.caption, *labels])
    rows = [f"{title}: " + ", ".join(r.label for r in rows) for title, rows in block.groups]
    return "\n".join([block.title, block.caption, *rows])
