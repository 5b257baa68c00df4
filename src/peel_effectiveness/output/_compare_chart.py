"""The bar chart of a force's figures against England and Wales (see
:func:`.plot.plot_compare`): only figures of a unit that compares
(:attr:`~peel_effectiveness.model.metrics.Unit.comparable`) are drawn, the
rest named under the chart."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..analysis._args import refuse as _refuse
from . import _chart as c
from ._chart_text import superscript
from ._figures_chart import drawable, fit_inside
from ._text import places_of

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from ..model.reports import InspectionReport


def draw_compare(report: InspectionReport, metrics: Sequence[str] | None = None) -> Figure:
    """A force's figures as a percentage of England and Wales (see :func:`.plot.plot_compare`)."""
    from ..analysis import _args

    report = _args.report("report", report)
    if metrics is not None:
        metrics = [_args.text("metrics", m) for m in _args.items("metrics", metrics, "metric keys")]
        # Each figure asked for is drawn, or the chart says why not.
        unknown = [k for k in dict.fromkeys(metrics) if k not in {m.key for m in report.measurements}]
        if unknown:
            from ..errors import NotFoundError

            raise NotFoundError(
                f"the {report.title} report on {report.force.short_name} has no figure {unknown[0]!r}"
            )
        # Only figures of a unit that compares (Unit.comparable) are drawn.
        bad = next((m for m in report.measurements if m.key in metrics and not m.unit.comparable), None)
        if bad is not None and bad.unit.change:
            raise _refuse(f"{bad.key!r} is a change ({bad.metric.unit_label}): changes are not drawn")
        if bad is not None:
            raise _refuse(f"{bad.key!r} is a count: a force's count is no share of England and Wales's")
    wanted = [m for m in report.measurements if metrics is None or m.key in metrics]
    asked = [m for m in wanted if m.unit.comparable]
    counts = [m for m in wanted if not m.unit.comparable and not m.unit.change]
    chosen = [m for m in asked if m.england_and_wales not in (None, 0)]
    zero = sum(1 for m in asked if m.england_and_wales == 0)
    if not chosen:
        name = f"the {report.title} report on {report.force.short_name}"
        if not asked:
            kinds = {"changes" if m.unit.change else "counts" for m in report.measurements}
            but = f" but {' and '.join(sorted(kinds))}, which are not drawn" if kinds else ""
            raise _refuse(f"{name} has no figures{but}")
        why = "an England and Wales figure other than 0" if zero else "an England and Wales figure"
        which = "of its figures" if metrics is None else "of the figures asked for"
        raise _refuse(f"none {which} in {name} has {why} to compare with")
    # Said in the footer: a figure without a comparator is not silently gone.
    unmatched = len(asked) - len(chosen) - zero
    index = [m.value / m.england_and_wales * 100 for m in chosen]  # type: ignore[operator]
    drawable(index, "a figure's ratio to England and Wales is")
    # A figure far beyond the others runs off the scale, its percentage
    # written, rather than squash them to slivers: up from the line at 100,
    # the first ten times the one below it, and all above it.
    ordered = sorted([100.0, *index])
    top = next((b for a, b in itertools.pairwise(ordered) if b > 10 * max(a, 100.0)), None)
    kept = [x for x in ordered if top is None or x < top]
    scale = max(kept[-1] * 2, 400.0) if top is not None else kept[-1]
    # A figure with a note is marked, and each note said once under the chart.
    notes = _notes(chosen)
    marks = [notes.get(_one_line(m.note), "") for m in chosen]
    # (The mark is set against the label's last word, as a footnote's is:
    # on a line of its own it read as the unit's.)
    labels = [c.wrap(m.label + mark, c.SMALL, 2.9) for m, mark in zip(chosen, marks, strict=True)]
    # The unit and period wrapped as the label is (a base of 86 characters
    # ran across the page, and the bars were pressed to nothing).
    units = [
        c.wrap(", ".join(p for p in (m.metric.unit_label, _period(m.metric.period)) if p), c.NOTE, 2.9)
        for m in chosen
    ]
    # A row a unit (half an inch) apart, or as far as its label's lines
    # need: they stand above the bar's middle, up to the unit and period
    # of the row above, below its own.
    lines = [label.count("\n") + 1 for label in labels]
    under = [u.count("\n") * (_UNIT_LINE - 0.1) for u in units]  # a unit's lines past its first
    gaps = (
        max(1.0, n * _LINE + _UNIT_LINE + more) for n, more in zip(lines[:0:-1], under[-2::-1], strict=True)
    )
    ys = list(itertools.accumulate(gaps, initial=0.0))[::-1]
    ceiling = ys[0] + max(0.7, lines[0] * _LINE + 0.1)
    floor = -0.7 - under[-1]
    fig = c.figure(0.9 + 0.5 * (ceiling - floor - 0.4))  # (0.9 + 0.5 a row where each is one unit)
    ax = fig.add_subplot()
    colours = [c.HIGHER if x >= 100 else c.LOWER for x in index]
    drawn = {colour for colour, x in zip(colours, index, strict=True) if x != 100}  # equal: no bar
    ax.barh(ys, [min(x, scale) - 100 for x in index], left=100, color=colours, height=0.55)
    ax.axvline(100, color=c.INK, linewidth=1.2)
    span = max(scale, 100.0)  # the axis starts at 0
    texts: list[Any] = []
    for y, x, m in zip(ys, index, chosen, strict=True):
        places = places_of(m.value, m.england_and_wales)
        said = f"{c.figure_words(m.value, places)} against {c.figure_words(m.england_and_wales, places)}"
        if x > scale:
            said += f" ({c.figure_words(round(x))}%) \u25b8"
            # A break across the bar near its end: it runs on past the scale.
            for at in (scale - 0.07 * span, scale - 0.045 * span):
                ax.plot([at, at + 0.015 * span], [y - 0.34, y + 0.34], color="white", linewidth=2.2)
        # Beside the bar's end, or across the line from a bar to its left.
        at = min(max(x, 100), scale) + 0.015 * span
        texts.append(ax.text(at, y, said, ha="left", va="center", fontsize=c.NOTE, color=c.INK))
    ax.set_xlim(0, scale + 0.38 * span)
    ax.set_ylim(floor, ceiling)
    # The label in dark type just above the bar's middle, its unit and
    # period in grey just below: two ticks at one place.
    ax.yaxis.remove_overlapping_locs = False
    ax.set_yticks(ys, labels)
    ax.set_yticks(ys, units, minor=True)
    c.plain_axes(ax, grid="x")
    ax.tick_params(axis="y", which="minor", labelsize=c.NOTE, labelcolor=c.MUTED, length=0)
    for label in ax.get_yticklabels():
        label.set_verticalalignment("bottom")
    for label in ax.get_yticklabels(minor=True):
        label.set_verticalalignment("top")
    ax.set_xlabel(
        "The force's figure as a percentage of England and Wales's", fontsize=c.SMALL, color=c.MUTED
    )
    # Whole percentages with thousands separated, never an offset (1e8) a
    # reader would miss.
    ax.xaxis.set_major_formatter(lambda x, _: f"{x:,.0f}")
    if max(index) >= 10_000:  # long labels: fewer of them, clear of each other
        from matplotlib.ticker import MaxNLocator

        ax.xaxis.set_major_locator(MaxNLocator(nbins=4))
    ticks = [t for t in ax.get_xticks() if 0 <= t <= (ax.get_xlim()[1] if top is None else scale)]
    # (None past the scale a broken bar runs off.) The line every bar is
    # read against is marked 100, which the ticks of a wide scale skipped
    # (0, 150, 300), with none so near that the two labels would touch.
    ax.set_xticks(sorted({100.0, *(t for t in ticks if abs(t - 100) >= 0.1 * span)}))
    p = report.provenance
    # A report the data give without its provenance is named as no more.
    where = f"{p.publisher}, {p.title}" if p is not None else "the data given, which name no published report"
    if p is not None and p.published is not None:
        from ..model._messages import day_words

        where += f" (published {day_words(p.published)})"
    c.frame(
        fig,
        f"{report.force.official_name} against England and Wales",
        f"PEEL {report.title}: each figure as a percentage of the England and "
        "Wales figure (the line at 100). Neither colour means better or worse.",
        (
            "A broken bar runs on past the scale: its percentage is written beside it. "
            if top is not None
            else ""
        )
        + f"Source: {where}. Changes over time are not drawn{_not_drawn(unmatched, zero, counts)}. "
        + ("Notes: " if notes else "")
        + "".join(f"{mark} {_sentence(note)} " for note, mark in notes.items())
        + c.credit([report]),
        # A key of each colour drawn, and of no other.
        [
            (c.patch(colour), words)
            for colour, words in (
                (c.HIGHER, "Higher than England and Wales"),
                (c.LOWER, "Lower than England and Wales"),
            )
            if colour in drawn
        ],
    )
    fit_inside(fig, ax, texts)
    return fig


# A line of a label (SMALL type) and of a unit and period (NOTE type), in
# rows (half an inch): 1.2 times the type's size, and a little to spare.
_LINE, _UNIT_LINE = c.SMALL * 1.2 / 72 / 0.5, c.NOTE * 1.2 / 72 / 0.5 + 0.1


def _notes(figures: Sequence[Any]) -> dict[str, str]:
    """The figures' notes, each once, on one line, with its mark (¹, ²...)."""
    notes: dict[str, str] = {}
    for m in figures:
        note = _one_line(m.note)
        if note and note not in notes:
            notes[note] = superscript(len(notes) + 1)
    return notes


def _one_line(text: str | None) -> str:
    return " ".join((text or "").split())


def _sentence(note: str, most: int = 400) -> str:
    """A note under a chart: a sentence, cut to ``most`` characters (the
    chart cannot grow to hold any length; ``show`` gives it whole)."""
    if len(note) > most:
        note = note[: most - 1].rstrip() + "\u2026 (in full: 'show')"
    return note if note.endswith((".", "!", "?", ")")) else note + "."


def _not_drawn(unmatched: int, zero: int = 0, counts: Sequence[Any] = ()) -> str:
    from ..model._messages import counted

    # Counts named where they are few (a report may give dozens).
    names = list(dict.fromkeys(m.label for m in counts))
    if len(names) > 3:
        out = f", nor {counted(len(counts), 'count')} (a count grows with a force's size)"
    else:
        out = f", nor {c.joined(names)} (counts, which grow with a force's size)" if counts else ""
    out += (
        f", nor {counted(unmatched, 'figure')} without an England and Wales figure to compare with"
        if unmatched
        else ""
    )
    if zero:
        out += f", nor {counted(zero, 'figure')} whose England and Wales figure is 0 (no percentage of it)"
    return out


def _period(period: Any) -> str:
    return "" if period is None else str(period)
