"""The house style of the charts: one frame (title, subtitle with the
legend, source line), one palette, type sizes for print.

Every chart is 7.5 inches wide, the width of the documentation's pages and
of a newspaper's full-width graphic, so its type prints at its stated size.
The title, subtitle and legend sit in a header, the source in a footer:
their text is wrapped to the width, the figure grows by their height, and
constrained layout lays out the chart in what is left, so nothing overlaps
or is cut off.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from ..errors import MissingDependencyError
from ..model.grades import Grade, NoGrade
from . import _text

WIDTH = 7.5  # inches
INK, MUTED, RULE = "#1a1a1a", "#595959", "#d9d9d9"

# Neutral hues for sides of a comparison: neither reads as good or bad.
HIGHER, LOWER = "#2b5c8a", "#9dbcd4"
BAR, HIGHLIGHT = "#b4bfc8", "#2b5c8a"
BAND_HIGH, BAND_LOW = "#f2e6d5", "#dfe9f1"

# Grades on a diverging scale that colour-blind readers can tell apart
# (ColorBrewer RdYlBu): blue for the best, red for the worst.
GRADE_COLOURS = {
    Grade.OUTSTANDING: "#2c7bb6",
    Grade.GOOD: "#abd9e9",
    Grade.ADEQUATE: "#ffffbf",
    Grade.REQUIRES_IMPROVEMENT: "#fdae61",
    Grade.INADEQUATE: "#d7191c",
}
NO_GRADE, NO_DATA = "#9e9e9e", "#ffffff"

TITLE, BODY, SMALL, NOTE = 12.0, 8.5, 7.5, 7.0  # points
SUFFIXES = (".png", ".svg")  # the files a chart is saved as


def figure(height: float) -> Any:
    """A blank figure of the house width whose chart is ``height`` inches
    tall; :func:`frame` adds the header and footer."""
    try:
        from matplotlib.figure import Figure
        from matplotlib.layout_engine import ConstrainedLayoutEngine
    except ImportError:
        raise MissingDependencyError(
            "charts need matplotlib, which is not installed: pip install 'peel-effectiveness[plot]'"
        ) from None
    return Figure(figsize=(WIDTH, height), layout=ConstrainedLayoutEngine(w_pad=0.06, h_pad=0.06))


def wrap(text: str, points: float, inches: float = WIDTH - 0.4) -> str:
    """``text`` wrapped to fit ``inches`` at ``points`` (an average glyph of
    the sans-serif face is about 0.52 em wide; a little more is assumed)."""
    per_line = max(8, int(inches * 72 / (points * 0.56)))
    return "\n".join(line for part in text.split("\n") for line in _text.wrap(part, per_line) or [""])


_MARGIN = 0.18  # inches round the header and footer


def frame(
    fig: Any,
    title: str,
    subtitle: str,
    source: str,
    legend: Sequence[tuple[Any, str]] = (),
    columns: int = 3,
) -> None:
    """Title, subtitle and legend above the chart, the source below it."""
    title, subtitle, source = wrap(title, TITLE), wrap(subtitle, BODY), wrap(source, NOTE)
    # One row if the keys fit across (matplotlib fills columns first).
    across = sum(0.5 + len(label) * SMALL * 0.56 / 72 for _, label in legend)
    if across <= WIDTH - 0.4:
        columns = max(1, len(legend))
    lines = [
        (title, TITLE, 1.25),
        (subtitle, BODY, 1.35),
    ]
    heights = [(t.count("\n") + 1) * pt * spacing / 72 for t, pt, spacing in lines]
    rows = math.ceil(len(legend) / columns) if legend else 0
    legend_height = rows * SMALL * 2.0 / 72
    header = _MARGIN + heights[0] + 0.06 + heights[1] + (0.08 + legend_height if rows else 0)
    footer = (source.count("\n") + 1) * NOTE * 1.45 / 72 + _MARGIN + 0.08
    body = fig.get_figheight()
    total = header + body + footer
    fig.set_size_inches(WIDTH, total)
    engine: Any = fig.get_layout_engine()  # the ConstrainedLayoutEngine of figure()
    engine.set(rect=(0, footer / total, 1, body / total))
    left = 0.2 / WIDTH
    y = 1 - _MARGIN / total
    fig.text(
        left, y, title, ha="left", va="top", fontsize=TITLE, fontweight="bold", color=INK, linespacing=1.1
    )
    y -= (heights[0] + 0.06) / total
    fig.text(left, y, subtitle, ha="left", va="top", fontsize=BODY, color=MUTED, linespacing=1.25)
    y -= (heights[1] + 0.08) / total
    if rows:
        fig.legend(
            [h for h, _ in legend],
            [label for _, label in legend],
            loc="upper left",
            bbox_to_anchor=(left - 0.004, y),
            ncols=columns,
            frameon=False,
            fontsize=SMALL,
            handlelength=1.4,
            handleheight=1.0,
            columnspacing=1.6,
            borderaxespad=0,
            borderpad=0,
        )
    fig.text(
        left, _MARGIN / total, source, ha="left", va="bottom", fontsize=NOTE, color=MUTED, linespacing=1.3
    )


def patch(colour: str, *, hatch: str | None = None) -> Any:
    """A legend key of one colour."""
    from matplotlib.patches import Patch

    return Patch(facecolor=colour, edgecolor=MUTED if hatch or colour == NO_DATA else colour, hatch=hatch)


def grade_colour(grade: Grade | NoGrade | None) -> str:
    """The fill of a grade's cell."""
    if grade is None:
        return NO_DATA
    return GRADE_COLOURS[grade] if isinstance(grade, Grade) else NO_GRADE


def text_colour(fill: str) -> str:
    """Black or white, whichever reads better on ``fill``."""
    r, g, b = (int(fill[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return "white" if 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.45 else INK


def plain_axes(ax: Any, *, grid: str | None = None) -> None:
    """No box, quiet ticks, and a light grid on one axis where it helps."""
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.spines["bottom"].set_color(RULE)
    ax.tick_params(colors=MUTED, labelcolor=INK, labelsize=SMALL, length=0)
    if grid:
        ax.grid(axis=grid, color=RULE, linewidth=0.6)
        ax.set_axisbelow(True)


def credit() -> str:
    """Who made the chart, with the version of the data."""
    from .._version import __version__

    return f"Chart: peel_effectiveness {__version__}."
