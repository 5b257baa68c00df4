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

import functools
import itertools
import math
import os
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

from ..errors import MissingDependencyError
from ..model.grades import Grade, NoGrade
from . import _text
from ._chart_text import HEAD_GAP as HEAD_GAP
from ._chart_text import balanced as balanced
from ._chart_text import column_heads as column_heads
from ._chart_text import fit as fit
from ._chart_text import heads_inches as heads_inches
from ._chart_text import row_label as row_label
from ._chart_text import text_inches as text_inches
from ._chart_text import wrap as wrap
from ._chart_words import asked_of_each as asked_of_each
from ._chart_words import bands_said as bands_said
from ._chart_words import credit as credit
from ._chart_words import england_and_wales_unsaid as england_and_wales_unsaid
from ._chart_words import labels_unsaid as labels_unsaid
from ._chart_words import not_of_43 as not_of_43
from ._chart_words import official_said as official_said
from ._chart_words import others as others
from ._chart_words import ranked_figures as ranked_figures
from ._chart_words import sentence as sentence
from ._chart_words import sources_said as sources_said
from ._chart_words import ungraded_note as ungraded_note
from ._chart_words import unlisted_name as unlisted_name
from ._chart_words import widened as widened
from ._text import joined as joined

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from ..model.judgments import Judgment

P = ParamSpec("P")
R = TypeVar("R")

WIDTH = 7.5  # inches
INK, MUTED, RULE = "#1a1a1a", "#595959", "#d9d9d9"

# Neutral hues for sides of a comparison: neither reads as good or bad.
HIGHER, LOWER = "#2b5c8a", "#9dbcd4"
BAR, HIGHLIGHT = "#b4bfc8", "#2b5c8a"
BAND_HIGH, BAND_LOW = "#f2e6d5", "#dfe9f1"

# Grades, one colour each, for every chart and legend that shows a grade.
# Their lightness falls with the grade (about 14 CIELAB units a step), so
# the order survives printing in grey and colour blindness; the hue moves
# from blue (outstanding, good) through ochre (adequate) to red (requires
# improvement, inadequate). No grade is near white, where the hatching of
# "nothing in the data" lies. tests/test_palette.py checks all of this,
# with deuteranopia and protanopia simulated.
GRADE_COLOURS = {
    Grade.OUTSTANDING: "#95dffa",
    Grade.GOOD: "#66b9ea",
    Grade.ADEQUATE: "#ba8823",
    Grade.REQUIRES_IMPROVEMENT: "#c04e29",
    Grade.INADEQUATE: "#922b32",
}
# A judgment without a grade: grey, each reason in a texture and a shade
# of its own (dots, lines across, a grid, rings), so that a reader tells
# "ungraded" from "not graded" in colour and in grey print; a judgment the
# data do not have: white, hatched. Each texture is drawn in its own colour
# (the patch's edge colour), the cell's border apart.
NO_GRADE_STYLES: dict[NoGrade, tuple[str, str, str]] = {
    NoGrade.UNGRADED: ("#c8c8c8", "....", "#6b6b6b"),
    NoGrade.NOT_GRADED: ("#dcdcdc", "---", "#6b6b6b"),
    NoGrade.NOT_INSPECTED: ("#b3b3b3", "++", "#595959"),
    NoGrade.NOT_YET_GRADED: ("#f0f0f0", "oo", "#7a7a7a"),
}
NO_DATA, NO_DATA_HATCH, NO_DATA_INK = "#ffffff", "////", "#9a9a9a"

# Points; NOTE is the least any text of a chart is drawn at (smaller
# does not read in print).
TITLE, BODY, SMALL, NOTE = 12.0, 8.5, 7.5, 7.0
SUFFIXES = (".png", ".svg", ".pdf")  # the files a chart is saved as


def chart_suffix(path: str | os.PathLike[str]) -> str:
    """The suffix a chart is saved as (``.png``, ``.svg`` or ``.pdf``): its file's
    name's, else that of the file a link leads to (which is written).

    Raises:
        PeelDataError: Neither names a chart, or the two disagree.
    """
    from .._suffixes import alone_said, named_by, suffix_alone
    from ..analysis._args import refuse

    # The formats its name says, and the file's it leads to (a link): one
    # rule with the other outputs' (:func:`~peel_effectiveness._suffixes.named_by`).
    said = named_by(path)
    chosen = "." + said[0][1] if said else ""
    if chosen not in SUFFIXES:
        alone = f" ({alone_said(path, 'chart')})" if suffix_alone(path) else ""
        raise refuse(f"a chart is saved as .png, .svg or .pdf, not {os.fsdecode(path)}{alone}")
    other = next((n for n, f in said if "." + f != chosen), None)
    if other is not None:
        raise refuse(f"{os.fsdecode(path)} leads to {other}, whose name says another format than {chosen}")
    return chosen


def needs_matplotlib(*modules: str) -> None:
    """:class:`~peel_effectiveness.MissingDependencyError` unless matplotlib
    (or these of its modules) can be imported: each public function asks
    first, as some measure text before they draw."""
    import importlib

    try:
        for name in modules or ("matplotlib",):
            importlib.import_module(name)
    except ImportError:
        raise MissingDependencyError(
            "charts need matplotlib, which is not installed: pip install 'peel-effectiveness[plot]'"
        ) from None


def in_house_style(draw: Callable[P, R]) -> Callable[P, R]:
    """``draw`` drawing in matplotlib's default style, whatever the user's
    own (a ``matplotlibrc``'s white text or bold type, TeX for text): every
    setting the charts do not give themselves is matplotlib's default, as
    the widths of their text were measured for, so that each is ready to
    print as it comes."""

    @functools.wraps(draw)
    def drawn(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            import matplotlib.style
        except ImportError:  # said by the function itself, where it needs matplotlib
            return draw(*args, **kwargs)
        with matplotlib.style.context("default"):
            return draw(*args, **kwargs)

    return drawn


def figure(height: float) -> Figure:
    """A blank figure of the house width whose chart is ``height`` inches
    tall; :func:`frame` adds the header and footer."""
    needs_matplotlib("matplotlib.figure", "matplotlib.layout_engine")
    from matplotlib.figure import Figure
    from matplotlib.layout_engine import ConstrainedLayoutEngine

    # The chart kept as far from the page's sides as the title is (a trim
    # would cut a name drawn at its edge).
    return Figure(figsize=(WIDTH, height), layout=ConstrainedLayoutEngine(w_pad=_MARGIN_SIDE, h_pad=0.06))


_MARGIN_SIDE = 0.2  # inches: the title's margin (see frame)


_MARGIN = 0.18  # inches round the header and footer
_TEXT_WIDTH = WIDTH - 2 * _MARGIN_SIDE  # inches: the header's, the legend's and the footer's text


def frame(
    fig: Any,
    title: str,
    subtitle: str,
    source: str,
    legend: Sequence[tuple[Any, str]] = (),
    columns: int = 3,
) -> None:
    """Title, subtitle and legend above the chart, the source below it."""
    title, subtitle, source = (
        wrap(title, TITLE, _TEXT_WIDTH, weight="bold"),
        wrap(subtitle, BODY, _TEXT_WIDTH),
        wrap(source, NOTE, _TEXT_WIDTH),
    )
    # One row if the keys fit across (matplotlib fills columns first).
    across = sum(0.5 + len(label) * SMALL * 0.56 / 72 for _, label in legend)
    if across <= _TEXT_WIDTH:
        columns = max(1, len(legend))
    else:
        columns = _legend_columns([label for _, label in legend], columns)
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
    left = _MARGIN_SIDE / WIDTH
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


def _legend_columns(labels: Sequence[str], most: int) -> int:
    """As many legend columns as fit the width, up to ``most``, measured
    (long keys, a reason for no grade with its meaning, take fewer)."""
    em = SMALL / 72  # the legend's spacing is in ems of its type
    for n in range(most, 1, -1):
        # As matplotlib splits them (numpy's array_split): a column first,
        # the first len % n columns one key longer (10 keys in 3: 4, 3, 3).
        size, longer = divmod(len(labels), n)
        starts = [i * size + min(i, longer) for i in range(n + 1)]
        widths = [
            max(text_inches(label, SMALL) for label in labels[a:b]) + (1.4 + 0.8) * em
            for a, b in itertools.pairwise(starts)
            if a < b
        ]
        if sum(widths) + 1.6 * em * (len(widths) - 1) <= _TEXT_WIDTH:
            return n
    return 1


def patch(colour: str, *, hatch: str | None = None) -> Any:
    """A legend key of one colour (for a grade, see :func:`grade_patch`)."""
    from matplotlib.patches import Patch

    return Patch(facecolor=colour, edgecolor=MUTED if hatch or colour == NO_DATA else colour, hatch=hatch)


def grade_style(grade: Grade | NoGrade | None) -> tuple[str, str | None, str]:
    """How a judgment is filled: its colour, its hatch (or ``None``), and
    the colour the hatch is drawn in; ``None`` is a judgment the data do
    not have."""
    if grade is None:
        return NO_DATA, NO_DATA_HATCH, NO_DATA_INK
    if isinstance(grade, Grade):
        return GRADE_COLOURS[grade], None, GRADE_COLOURS[grade]
    return NO_GRADE_STYLES[grade]


def label_ground(grade: Grade | NoGrade | None) -> dict[str, Any] | None:
    """A plain ground for a label over a judgment's fill, where the fill
    is hatched or dotted (so the hatching never runs through the words)."""
    fill, hatch, _ = grade_style(grade)
    if hatch is None:
        return None
    return {"boxstyle": "round,pad=0.12,rounding_size=0.2", "facecolor": fill, "edgecolor": "none"}


def grade_colour(grade: Grade | NoGrade | None) -> str:
    """The fill of a grade's cell."""
    return grade_style(grade)[0]


def grade_patch(grade: Grade | NoGrade | None) -> Any:
    """A legend key drawn as the chart draws ``grade``."""
    from matplotlib.patches import Patch

    fill, hatch, ink = grade_style(grade)
    return Patch(facecolor=fill, edgecolor=ink if hatch else fill, hatch=hatch, linewidth=0.6)


def reasons(grades: Iterable[Grade | NoGrade | None]) -> list[NoGrade]:
    """The reasons for no grade among ``grades``, in their usual order."""
    found = {g for g in grades if isinstance(g, NoGrade)}
    return [r for r in NoGrade if r in found]


def grade_legend(
    grades: Sequence[Grade], reasons: Sequence[NoGrade] = (), unknown: bool = True
) -> list[tuple[Any, str]]:
    """The legend of a chart of grades: each grade of the scale, each reason
    for no grade the chart shows (a key of its own, as each has its own
    fill), and "nothing in the data"."""
    legend = [(grade_patch(g), str(g)) for g in grades]
    legend += [(grade_patch(r), f"{r.label}: {r.meaning}") for r in reasons]
    if unknown:
        legend.append((grade_patch(None), "Nothing in the data (unknown)"))
    return legend


def grade_cell(ax: Any, x: float, y: float, grade: Grade | NoGrade | None) -> str:
    """A grid's cell of one judgment, filled as the legend says; its fill."""
    from matplotlib.patches import Rectangle

    fill, hatch, ink = grade_style(grade)
    ax.add_patch(Rectangle((x, y), 1, 1, facecolor=fill, edgecolor=ink, hatch=hatch, linewidth=0))
    ax.add_patch(Rectangle((x, y), 1, 1, facecolor="none", edgecolor="white", linewidth=0.8))
    return fill


# How a grade is known, where it is not simply stated for its cycle: each
# chart draws the grade with its marks (in its cell, or after a map's label)
# and says under the title what each mark it uses means, as it is not the
# cycle's own stated judgment. A mark is said after words, never alone at a
# line's end where wrapping may leave it ("... in the data. *").
CARRIED, INFERRED, DISPUTED = "*", "\u2020", "\u2021"
MARKS = (
    (CARRIED, "carried over from an earlier cycle"),
    (INFERRED, "inferred, not stated (the data say how)"),
    (DISPUTED, "disputed or revised, another grade recorded too ('export --table other_grades')"),
)


def marks(j: Judgment) -> str:
    """The marks of how ``j`` is known, in the order of :data:`MARKS` ("" for
    a grade its cycle states; see :attr:`Judgment.inferred_grade`)."""
    holds = (j.carried_over_from is not None, j.inferred_grade, bool(j.other_grades))
    return "".join(mark for (mark, _), h in zip(MARKS, holds, strict=True) if h)


def marks_note(judgments: Iterable[Judgment]) -> str:
    """The subtitle's sentences of the marks the ``judgments`` drawn carry,
    each counted ("" where none has a mark)."""
    from ..model._messages import counted

    found = Counter(mark for j in judgments for mark in marks(j))
    return "".join(
        f" Grades marked {mark} are {said}: {counted(found[mark], 'judgment')}."
        for mark, said in MARKS
        if found[mark]
    )


def mark_cell(ax: Any, x: float, y: float, fill: str, shown: str) -> None:
    """The marks ``shown`` in a grid's cell whose lower left is ``x``, ``y``."""
    ax.text(
        x + 0.5,
        y + 0.5,
        shown,
        ha="center",
        va="center",
        fontsize=BODY,
        fontweight="bold",
        color=text_colour(fill),
        gid="marks",
    )


def figure_words(value: float | None, places: int = 0) -> str:
    """A figure as a chart writes it: as tables do (1,000; see
    :func:`._text.number`), but with a true minus sign (U+2212), as print
    sets it: a hyphen beside a figure is short and easy to miss."""
    words = _text.number(value, places=places)
    if value is None or not words.startswith("-"):
        return words  # "-" for no figure is not a minus
    return "\u2212" + words[1:]


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
