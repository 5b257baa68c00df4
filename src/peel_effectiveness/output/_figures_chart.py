"""The bar chart of forces ranked on a measure (see :func:`.plot.plot_rank`),
and what it shares with the chart of a force against England and Wales
(:mod:`._compare_chart`): figures too large to draw refused, figures kept
inside the chart."""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import attrs

from ..analysis._args import refuse as _refuse
from ..analysis._bands import Band
from ..analysis.rankings import rank_forces
from ..analysis.sources import figures_said
from ..model.cycles import Cycle
from ..model.force import Force
from ..model.metrics import Unit
from . import _chart as c
from ._chart_text import superscript
from ._text import number, places_of

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from ..model.dataset import Dataset
    from ..model.periods import Period


# Beyond this a chart's scale and its ticks overflow: a figure this size is
# no real figure, and is refused rather than drawn wrong.
_LARGEST = 1e300


def drawable(values: Iterable[float], what: str) -> None:
    """Refuse to draw figures too large for a chart's scale."""
    if any(not abs(v) <= _LARGEST for v in values):
        raise _refuse(f"{what} too large to draw (more than {_LARGEST:g})")


def draw_rank(
    data: Dataset,
    metric: str,
    cycle: str | int | Cycle | None,
    highlight: str | Force | None,
    descending: bool,
    exclude: Iterable[str | Force] | None,
    min_forces: int,
    period: str | Period | None = None,
) -> Figure:
    """Forces ranked on one measure (see :func:`.plot.plot_rank`)."""
    r = rank_forces(
        data, metric, cycle, descending=descending, exclude=exclude, min_forces=min_forces, period=period
    )
    mine = None if highlight is None else data.find_force(highlight)
    if mine is not None and all(f.force != mine for f in r.forces):
        from ..errors import NotFoundError

        raise NotFoundError(
            f"{mine.short_name} has no figure {metric} in {r.cycle}: there is nothing to highlight"
        )
    given, total = r, ""
    if r.measurement.metric.unit is Unit.COUNT and r.england_and_wales is not None:
        # A count's England and Wales figure is the forces' counts added up:
        # a line beside one force's pressed every bar into a corner.
        words = c.figure_words(r.england_and_wales, places=places_of(r.england_and_wales))
        total = f" England and Wales's count, {words}, is all the forces' together: not drawn."
        r = attrs.evolve(r, england_and_wales=None)
    if not r.ranked:  # (min_forces=0, every force left out): no ranking to draw
        raise _refuse(
            f"no force is left to rank on {metric} in {r.cycle}: every force with the figure is left out"
        )
    drawable([f.value for f in r.forces] + [r.england_and_wales or 0.0], "a figure is")
    # Bars all of one length rank nothing, and an axis made up round them
    # (0 to 0.12 for figures all 0) would claim a spread there is not: the
    # chart is refused, the figures left to the table ('rank'). (One force,
    # where min_forces lets it be ranked alone, is drawn: it claims no order.)
    if len(r.ranked) > 1 and len({f.value for f in r.ranked}) == 1:
        m = r.measurement.metric
        raise _refuse(
            f"every force ranked on {m.label!r} in {r.cycle} has the same figure, "
            f"{number(r.ranked[0].value)}: no order to draw (the table, 'rank', lists them)"
        )
    ranked, left_out = r.ranked, r.excluded
    gap = 0.8 if left_out else 0.0
    rows = len(ranked) + len(left_out)
    fig = c.figure(2.3 + 0.2 * rows + gap * 0.2)
    ax = fig.add_subplot()
    y_of = {}
    y = float(rows) + gap
    for f in ranked:
        y -= 1
        y_of[f.force] = y
    y -= gap
    for f in left_out:
        y -= 1
        y_of[f.force] = y
    top = max(y_of.values())
    for band, colour in ((Band.ONE_OF_THE_HIGHEST, c.BAND_HIGH), (Band.ONE_OF_THE_LOWEST, c.BAND_LOW)):
        ys = [y_of[f.force] for f in ranked if f.band is band]
        if ys:
            ax.axhspan(min(ys) - 0.5, max(ys) + 0.5, color=colour, zorder=0, linewidth=0)
    # The axis takes in every ranked bar and the England and Wales line, with
    # room for the figures written beside the bars; a force left out with a
    # figure far beyond them runs off the scale, its figure written at the
    # edge, rather than squash the ranking into a corner.
    ends = [0.0, *(f.value for f in ranked)] + (
        [r.england_and_wales] if r.england_and_wales is not None else []
    )
    low, high = min(ends), max(ends)
    span = high - low or 1.0
    beyond = [f for f in left_out if not low - 0.5 * span <= f.value <= high + 0.5 * span]
    ends += [f.value for f in left_out if f not in beyond]
    low, high = min(ends), max(ends)
    limits = (low - 0.12 * (high - low) * (low < 0), high + 0.12 * (high - low or 1))
    # Every figure written to the same decimal places, as a report's column is.
    column = places_of(*(f.value for f in r.forces), r.england_and_wales)
    figures: list[Any] = []
    for f in r.forces:
        fill = c.HIGHLIGHT if f.force == mine else c.BAR
        hatch = None
        if f.excluded:
            fill, hatch = "white", "////"
        ax.barh(
            y_of[f.force], f.value, color=fill, height=0.7, hatch=hatch, edgecolor=c.MUTED if hatch else fill
        )
        bold = "bold" if f.force == mine else "normal"
        # On the row's own ground, so that the England and Wales line
        # passes behind the figure, not through it.
        grounds: dict[Band | None, str] = {
            Band.ONE_OF_THE_HIGHEST: c.BAND_HIGH,
            Band.ONE_OF_THE_LOWEST: c.BAND_LOW,
        }
        ground = grounds.get(f.band, "white")
        if f in beyond:
            continue  # its figure is written at the edge of the scale
        # Beyond the bar's end, on the side away from 0: a negative figure
        # to the left of its bar, never inside it.
        figures.append(
            ax.annotate(
                c.figure_words(f.value, places=column),
                (f.value, y_of[f.force]),
                xytext=(2.5 if f.value >= 0 else -2.5, 0),
                textcoords="offset points",
                ha="left" if f.value >= 0 else "right",
                va="center",
                fontsize=c.NOTE,
                fontweight=bold,
                zorder=4,
                bbox={"boxstyle": "square,pad=0.1", "facecolor": ground, "edgecolor": "none"},
            )
        )
    ax.set_xlim(*limits)
    if limits[0] < 0 < limits[1]:
        # The bars' baseline, solid, where figures run both ways from it: the
        # England and Wales line, dashed, near 0 was taken for it.
        ax.axvline(0, color=c.INK, linewidth=0.8, zorder=0.5)  # under the bars: a short one shows
    # Ticks written as the figures beside the bars are (1,000, not 1000), to
    # the twelve digits a tick's place needs (0.3, not matplotlib's 0.30000000000000004).
    ax.xaxis.set_major_formatter(_tick_words(limits))
    for f in beyond:
        edge = limits[1] if f.value > 0 else limits[0]
        ax.annotate(
            f"{c.figure_words(f.value, places=column)} \u25b8"
            if f.value > 0
            else f"\u25c2 {c.figure_words(f.value, places=column)}",
            (edge, y_of[f.force]),
            xytext=(-3 if f.value > 0 else 3, 0),
            textcoords="offset points",
            ha="right" if f.value > 0 else "left",
            va="center",
            fontsize=c.NOTE,
            fontweight="bold" if f.force == mine else "normal",
            zorder=4,
            bbox={"boxstyle": "square,pad=0.1", "facecolor": "white", "edgecolor": "none"},
        )
    if r.england_and_wales is not None:
        ax.axvline(r.england_and_wales, color=c.INK, linewidth=1.1, linestyle=(0, (4, 2)))
        # Its label centred on the line, or ending at it near the right edge.
        left, right = ax.get_xlim()
        share = (r.england_and_wales - left) / (right - left)
        ax.text(
            r.england_and_wales,
            top + 0.9,
            f"England and Wales {c.figure_words(r.england_and_wales, places=column)}",
            ha="center" if 0.25 <= share <= 0.75 else ("left" if share < 0.25 else "right"),
            va="bottom",
            fontsize=c.NOTE,
            color=c.INK,
            bbox={"boxstyle": "square,pad=0.15", "facecolor": "white", "edgecolor": "none"},
        )
    names = [
        c.row_label(f.force.short_name, c.NOTE, suffix=" (not ranked)" if f.excluded else "")
        for f in r.forces
    ]
    ax.set_yticks([y_of[f.force] for f in r.forces], names)
    for label, f in zip(ax.get_yticklabels(), r.forces, strict=True):
        if f.force == mine:
            label.set_fontweight("bold")
        if f.excluded:
            label.set_color(c.MUTED)
    ax.set_ylim(min(y_of.values()) - 0.7, top + (1.9 if r.england_and_wales is not None else 0.7))
    c.plain_axes(ax, grid="x")
    ax.tick_params(axis="y", labelsize=c.NOTE)
    m = r.measurement.metric
    ax.set_xlabel(m.unit_label[0].upper() + m.unit_label[1:], fontsize=c.SMALL, color=c.MUTED)
    order = "highest" if descending else "lowest"
    period = f", {m.period}" if m.period is not None else ""
    # A change says what it is measured from, as 'show' does: without it a
    # one-year and a five-year change read alike once the title is cut.
    period += f", against {m.baseline}" if m.baseline is not None else ""
    present, wide = {f.band for f in ranked}, c.widened(r)
    legend = [
        (c.patch(colour), words + (", and those tied)" if band in wide else ")"))
        for band, colour, words in (
            (Band.ONE_OF_THE_HIGHEST, c.BAND_HIGH, "One of the highest (top 25 percent"),
            (Band.ONE_OF_THE_LOWEST, c.BAND_LOW, "One of the lowest (bottom 25 percent"),
        )
        if band in present
    ]
    # A force left out of the ranking is drawn hatched, as every force not
    # ranked is, never in the highlight's colour: no key of that colour.
    if mine is not None and any(f.force == mine for f in ranked):
        # Its name whole, wrapped to the legend's column: the row's own is cut to its margin.
        legend.insert(0, (c.patch(c.HIGHLIGHT), c.wrap(mine.short_name, c.SMALL, c.WIDTH / 2 - 0.6)))
    if left_out:
        legend.append((c.patch("white", hatch="////"), "Not ranked (left out of the ranking)"))
    found = c.ranked_figures(data, r)
    drawn = [report for report, _ in found]
    c.frame(
        fig,
        m.label,
        f"{m.unit_label[0].upper() + m.unit_label[1:]}{period}, PEEL {r.cycle}: {len(ranked)} "
        f"{'force' if len(ranked) == 1 else 'forces'} ranked, the {order} first; {c.bands_said(r)}."
        + (total or c.england_and_wales_unsaid(found, given, "line", c.figure_words))
        + c.labels_unsaid(found, given),
        f"{figures_said(r.forces)}. {c.credit(drawn)}",
        legend,
        columns=2,
    )
    for _ in range(3):  # a wider axis moves the line under figures it cleared
        if r.england_and_wales is not None:
            _clear_of_line(fig, ax, figures, r.england_and_wales)
        fit_inside(fig, ax, figures)
    _ticks_apart(fig, ax)
    return fig


def _ticks_apart(fig: Any, ax: Any) -> None:
    """Fewer ticks where their words would touch ("0.2 quadrillion" beside
    "0.4 quadrillion"), down to two."""
    import itertools

    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.ticker import MaxNLocator

    canvas = FigureCanvasAgg(fig)
    for bins in (6, 4, 3, 2, None):
        canvas.draw()  # type: ignore[no-untyped-call]
        boxes = sorted(
            (t.get_window_extent() for t in ax.get_xticklabels() if t.get_text()), key=lambda b: b.x0
        )
        if bins is None or all(a.x1 + 6 <= b.x0 for a, b in itertools.pairwise(boxes)):
            return
        ax.xaxis.set_major_locator(MaxNLocator(nbins=bins))


def _clear_of_line(fig: Any, ax: Any, figures: list[Any], line: float) -> None:
    """Each figure the England and Wales line would run through (or touch,
    between it and its bar) written beyond the line instead, on the same
    side of it as the figure was of its bar: a figure crossed by a dashed
    line is hard to read in print, on a band's ground or not."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(fig).draw()  # type: ignore[no-untyped-call]
    at = ax.transData.transform((line, 0))[0]
    clear = 3.0  # pixels either side of the line
    for t in figures:
        value, y = t.xy
        box = t.get_window_extent()
        end = ax.transData.transform((value, 0))[0]
        low, high = (end, box.x1) if value >= 0 else (box.x0, end)
        if low - clear <= at <= high + clear:
            t.xy = (line, y)


_SCALES = ((1e15, "quadrillion"), (1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def _tick_words(limits: tuple[float, float]) -> Any:
    """The ticks' words: as the figures beside the bars are (1,000, not
    1000) to the twelve digits a tick's place needs (0.3, not
    0.30000000000000004); from a million on, in millions, billions...
    ("2 billion"), which fit beside each other where 2,000,000,000 would not."""
    biggest = max(abs(limits[0]), abs(limits[1]))
    if biggest >= 1e18:  # past the words a reader knows: powers of ten
        power = int(f"{biggest:e}".split("e")[1])
        scale, word = 10.0**power, f"\u00d7 10{superscript(power)}"
    else:
        scale, word = next(((s, w) for s, w in _SCALES if biggest >= s), (1.0, ""))

    def tick(x: float, _: Any) -> str:
        if not word or x == 0:
            return c.figure_words(float(f"{x:.12g}"))
        return f"{c.figure_words(float(f'{x / scale:.12g}'))} {word}"

    return tick


# Figures or labels so long (-1e-300 in full: three hundred places; a
# label of one word of 250 letters) that matplotlib's layout leaves the
# bars no width, and says so: the chart would be drawn collapsed.
_TOO_LONG = "a figure or a label is too long to write beside the bars (it leaves the chart no width)"


def fit_inside(fig: Any, ax: Any, texts: list[Any]) -> None:
    """The axis widened at either side until every figure written beside a
    bar is inside it (a figure of twenty digits would run off the chart, a
    negative one written left of its bar off the left)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(fig)
    for _ in range(4):
        with warnings.catch_warnings():
            # Said by matplotlib where the figures leave the axes no room.
            warnings.filterwarnings("error", "constrained_layout not applied", UserWarning)
            try:
                canvas.draw()  # type: ignore[no-untyped-call]
            except UserWarning:
                # Which: the widest line drawn (a long label wraps; a figure
                # of many digits cannot), to look at in the data.
                from ..model._messages import shorten_repr

                drawn = [*texts, *ax.get_yticklabels(), *ax.get_yticklabels(minor=True)]
                lines = [(line, t.get_fontsize()) for t in drawn for line in t.get_text().split("\n")]
                widest = max(lines, key=lambda x: c.text_inches(*x), default=("", 0))[0]
                raise _refuse(f"{_TOO_LONG}: {shorten_repr(widest)}" if widest else _TOO_LONG) from None
        box = ax.get_window_extent()
        extents = [t.get_window_extent() for t in texts]
        right = max((e.x1 for e in extents), default=box.x1) - box.x1
        left = box.x0 - min((e.x0 for e in extents), default=box.x0)
        if right <= 0 and left <= 0:
            return
        low, high = ax.get_xlim()
        per_pixel = (high - low) / box.width * 1.1
        ax.set_xlim(low - max(left, 0) * per_pixel, high + max(right, 0) * per_pixel)
