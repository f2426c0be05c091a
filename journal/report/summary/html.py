"""A ``Summary`` written as the HTML subset Qt's rich text understands. No Qt here.

Calm and clinical: one sans-serif family, dark text on white, a muted blue for headings,
striped tables whose header row repeats on each page (``<thead>``), small grey footnotes, and
a pale amber box for a safety flag. Charts are ``<img>`` of resources named ``chart-<n>.png``
(in the order of ``Summary.charts``) that ``pdf`` draws and adds to the document.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from journal.palette import CHART
from journal.report.summary.blocks import (
    Block,
    Bullets,
    Entries,
    Heading,
    Notice,
    Paragraph,
    RowsChart,
    Summary,
    Table,
    TimeChart,
)

INK = CHART["ink"]
HEADING = "#1d3b5c"
MUTED = "#5b636b"
STRIPE = "#f3f5f7"
HEADER = "#e4eaf0"
NOTICE = "#fbf0dc"
NOTICE_EDGE = "#c98a1b"

STYLE = f"""
body {{ color: {INK}; }}
h1 {{ font-size: 17pt; font-weight: 600; color: {HEADING}; margin-top: 0; margin-bottom: 2pt; }}
h2 {{ font-size: 13pt; font-weight: 600; color: {HEADING}; margin-top: 12pt;
      margin-bottom: 5pt; }}
h3 {{ font-size: 10.5pt; font-weight: 600; color: {INK}; margin-top: 9pt; margin-bottom: 3pt; }}
p {{ margin-top: 0; margin-bottom: 5pt; line-height: 125%; }}
p.subtitle {{ font-size: 11pt; margin-bottom: 3pt; }}
p.intro {{ color: {MUTED}; font-size: 8.5pt; margin-bottom: 8pt; }}
p.small {{ color: {MUTED}; font-size: 8pt; }}
p.caption {{ color: {MUTED}; font-size: 8pt; margin-bottom: 10pt; }}
p.chart {{ margin-bottom: 2pt; line-height: 100%; }}
h4 {{ font-size: 9.5pt; font-weight: 600; color: {INK}; margin-top: 2pt; margin-bottom: 1pt; }}
p.words {{ margin-left: 10pt; margin-bottom: 6pt; }}
ul {{ margin-top: 0; margin-bottom: 6pt; }}
li {{ margin-bottom: 4pt; line-height: 125%; }}
th {{ background-color: {HEADER}; font-weight: 600; text-align: left; font-size: 9pt; }}
td {{ font-size: 9pt; }}
td.num, th.num {{ text-align: right; }}
"""


def chart_name(index: int) -> str:
    return f"chart-{index}.png"


def to_html(summary: Summary, image_sizes: Mapping[str, tuple[float, float]]) -> str:
    """The summary as HTML; ``image_sizes`` gives each chart's (width, height) in CSS pixels."""
    out = [
        f"<html><head><style>{STYLE}</style></head><body>",
        f"<h1>{escape(summary.title)}</h1>",
        f"<p class='subtitle'>{escape(summary.subtitle)}</p>",
        f"<p class='intro'>{escape(summary.intro)}</p>",
    ]
    charts = 0
    for section in summary.sections:
        out.append(f"<h2>{escape(section.title)}</h2>")
        for block in section.blocks:
            if isinstance(block, TimeChart | RowsChart):
                name = chart_name(charts)
                charts += 1
                out.append(_chart(block, name, image_sizes[name]))
            else:
                out.append(_block(block))
    out.append("</body></html>")
    return "\n".join(out)


def _text(text: str) -> str:
    return escape(text).replace("\n", "<br>")


def _block(block: Block) -> str:
    if isinstance(block, Heading):
        return f"<h3>{escape(block.text)}</h3>"
    if isinstance(block, Paragraph):
        return f"<p{' class=small' if block.small else ''}>{_text(block.text)}</p>"
    if isinstance(block, Bullets):
        return "<ul>" + "".join(f"<li>{_text(i)}</li>" for i in block.items) + "</ul>"
    if isinstance(block, Entries):
        # labels are headings, so a label is never left alone at the foot of a page
        return "".join(
            f"<h4>{escape(label)}</h4><p class='words'>{_text(text)}</p>"
            for label, text in block.items
        )
    if isinstance(block, Notice):
        return _notice(block.text)
    if isinstance(block, Table):
        return _table(block)
    raise TypeError(f"not a text block: {block!r}")


def _notice(text: str) -> str:
    return (
        f"<table width='100%' cellspacing='0' cellpadding='7' border='1' "
        f"style='border-color: {NOTICE_EDGE}; border-style: solid; margin-bottom: 8pt;'>"
        f"<tr><td bgcolor='{NOTICE}'>{_text(text)}</td></tr></table>"
    )


def _table(table: Table) -> str:
    def cell(tag: str, index: int, text: str) -> str:
        css = " class='num'" if index in table.numeric else ""
        if index < len(table.widths):
            css += f" width='{table.widths[index]}%'"
        return f"<{tag}{css}>{_text(text)}</{tag}>"

    head = "".join(cell("th", i, text) for i, text in enumerate(table.header))
    head = f"<thead><tr>{head}</tr></thead>" if head else ""
    body = []
    for number, row in enumerate(table.rows):
        stripe = f" bgcolor='{STRIPE}'" if number % 2 else ""
        body.append(
            f"<tr{stripe}>" + "".join(cell("td", i, t) for i, t in enumerate(row)) + "</tr>"
        )
    return (
        f"<table width='100%' cellspacing='0' cellpadding='2' border='0' "
        f"style='margin-bottom: 8pt;'>{head}"
        f"<tbody>{''.join(body)}</tbody></table>"
    )


def _chart(chart: TimeChart | RowsChart, name: str, size: tuple[float, float]) -> str:
    width, height = size
    return (
        f"<h3>{escape(chart.title)}</h3>"
        f"<p class='chart'><img src='{name}' width='{width:.0f}' height='{height:.0f}' "
        f"alt='{escape(chart.title)}'></p>"
        f"<p class='caption'>{escape(chart.caption)}</p>"
    )
