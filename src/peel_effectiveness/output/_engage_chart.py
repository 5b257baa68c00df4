"""The chart of stays in enhanced monitoring (Engage): one row per force
that has been in Engage, each stay a bar over time, the PEEL cycles'
publications marked behind them.

Dates are drawn as exactly as the sources give them: where a source gives
only the month (or the year) a force moved, the bar is hatched over the
whole month (or year) it may have moved in; a stay still going at the last
date the data know of runs to that date and ends in an arrow.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from ..analysis import _args
from ..analysis._engage import reach_for, reach_of
from ..model._messages import day_words
from ..model.monitoring import EngageDate, Precision
from . import _chart as c

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from ..model.dataset import Dataset
    from ..model.monitoring import Stay

STAY, BAND = "#2b5c8a", "#eeeeee"


def last_date(data: Dataset) -> dt.date | None:
    """The last date the data know of: of a stay's move, or of a report's
    publication."""
    days = [d.last for s in data.stays for d in (s.entered, s.left) if d is not None]
    days += [r.published for r in data if r.published is not None]
    return max(days, default=None)


def _short(d: EngageDate) -> str:
    """A date as exactly as it is known, briefly: 20 Sep 2023, Apr 2019, 2019, by 22 May 2025."""
    return d.words(short=True)


def _num(day: dt.date) -> float:
    """A day as matplotlib's dates count it."""
    from matplotlib.dates import date2num

    return float(date2num(day))  # type: ignore[no-untyped-call]


def _length(stay: Stay, until: dt.date) -> str:
    """How long a stay lasted, briefly and as exactly as its dates allow:
    '2 years 6 months', '4 years 4\u20135 months', 'at least 7 months' (one
    still in at the chart's last day, which the label gives)."""
    from ..analysis._engage import at_least, months_words

    if stay.left is None:
        return at_least(stay, until)
    # As duration_words has it (a stay out "by" an article's day too: as
    # long as its dates allow, the fewest months and the most).
    low, high = stay.months(until)
    if low == high:
        shown = months_words(low)
    elif low // 12 == high // 12 and low % 12:
        # "4 years 4" of "4 years 4-5 months": the words of the fewer, but their unit.
        shown = f"{months_words(low).rsplit(' ', 1)[0]}\u2013{high % 12} months"
    else:
        shown = f"{months_words(low)} to {months_words(high)}"
    if stay.left.last > until:  # it may end after the chart does: its length by then
        shown += f" by {day_words(until, short=True)}"
    return shown


def _words(stay: Stay, until: dt.date) -> str:
    start = _short(stay.entered)
    # Still in as of the chart's last day, not of the day it is read.
    end = f"still in at {day_words(until, short=True)}" if stay.left is None else _short(stay.left)
    return f"{start} \u2013 {end}, {_length(stay, until)}"


def draw_monitoring(data: Dataset, until: dt.date | None = None) -> Figure:
    """The stays in Engage over time (see :func:`.plot.plot_monitoring`)."""
    data = _args.dataset("data", data)
    until = _args.optional_day("until", until)
    stays = data.stays
    if not stays:
        raise _args.refuse("the data have no stay in Engage to draw")
    latest = max(s.entered.last for s in stays)
    end = until or last_date(data) or latest
    if end < latest:
        raise _args.refuse(f"until ({end}) is before the last move into Engage in the data ({latest})")
    firsts: dict[str, dt.date] = {}
    for s in stays:
        firsts[s.force.id] = min(firsts.get(s.force.id, s.entered.earliest), s.entered.earliest)
    order = sorted(firsts, key=lambda f: (firsts[f], f))
    names = {s.force.id: s.force.short_name for s in stays}
    row = {f: len(order) - 1 - i for i, f in enumerate(order)}

    fig = c.figure(1.0 + 0.42 * len(order))  # first: it says so if matplotlib is missing
    names = {f: c.row_label(name, c.NOTE) for f, name in names.items()}
    from matplotlib.dates import DateFormatter, YearLocator
    from matplotlib.patches import Polygon, Rectangle

    ax = fig.add_subplot()
    start = dt.date(min(firsts.values()).year, 1, 1)
    stop = dt.date(end.year + (end.month > 6), 7 if end.month <= 6 else 1, 1)
    # The PEEL cycles: when the data's reports of each were published.
    published: dict[Any, list[dt.date]] = {}
    for r in data:
        if r.published is not None and start <= r.published <= stop:
            published.setdefault(r.cycle, []).append(r.published)
    top = len(order) - 0.35
    # The axis's width: the figure's less the force names and margins.
    width = c.WIDTH - max(c.text_inches(n, c.NOTE) for n in names.values()) - 0.55
    for cycle in sorted(published):
        first, last = min(published[cycle]), max(published[cycle])
        ax.axvspan(_num(first), _num(last), color=BAND, zorder=0, linewidth=0)
        ax.text(
            _num(first) + (_num(last) - _num(first)) / 2,
            top + 0.15,
            f"PEEL {cycle}\nreports",
            ha="center",
            va="bottom",
            fontsize=c.NOTE,
            color=c.MUTED,
            linespacing=1.1,
        )
    # A move known only "by" an article's day (at most a few days before it)
    # is hatched at least this wide, so that the bar's end shows it is not
    # exact: drawn solid, it read as the day the move was made.
    least = 0.06 * (_num(stop) - _num(start)) / width
    reach = reach_of(stays)
    for s in stays:
        y = row[s.force.id] - 0.17
        # A stay not ended, to the day asked for, else as far as the data go
        # for its force, as the command line and the tables count it.
        known = None if until is not None or s.left is not None else reach_for(s.force, reach, stays)
        to = end if known is None else known.earliest
        # Certainly in: solid. May have moved in (or out) on any day of a
        # month or a year, or on or before an article's day: hatched.
        into = (_num(s.entered.earliest), _num(s.entered.last))
        if s.entered.precision is Precision.BY:
            into = (into[0], max(into[1], into[0] + least))
        unsure = [into]
        sure_to = _num(to)
        if s.left is not None:
            out = (_num(s.left.earliest), _num(s.left.last))
            if s.left.precision is Precision.BY:
                out = (min(out[0], out[1] - least), out[1])
            unsure.append(out)
            sure_to = out[0]
        if sure_to > into[1]:
            ax.add_patch(Rectangle((into[1], y), sure_to - into[1], 0.34, color=STAY, lw=0))
        for a, b in unsure:
            if b > a:
                ax.add_patch(
                    Rectangle(
                        (a, y),
                        b - a,
                        0.34,
                        facecolor="white",
                        edgecolor=STAY,
                        hatch="//////",
                        linewidth=0.6,
                    )
                )
        if s.left is None:  # still in as far as the data go: an arrow head past it
            tip = _num(to) + 0.012 * (_num(stop) - _num(start))
            ax.add_patch(
                Polygon([(_num(to), y - 0.08), (tip, y + 0.17), (_num(to), y + 0.42)], color=STAY, lw=0)
            )
        # Its dates over the bar, from its start, or ending at the chart's
        # right edge where they would run past it.
        words = _words(s, to)
        share = (_num(s.entered.earliest) - _num(start)) / (_num(stop) - _num(start))
        fits = share * width + c.text_inches(words, c.NOTE) <= width
        ax.text(
            _num(s.entered.earliest) if fits else _num(stop),
            y + 0.38,
            words,
            ha="left" if fits else "right",
            va="bottom",
            fontsize=c.NOTE,
            color=c.INK,
        )
    ax.set_ylim(-0.6, len(order) + 0.35)
    ax.set_xlim(_num(start), _num(stop))
    ax.set_yticks([row[f] for f in order], [names[f] for f in order])
    # A label a year, or every 2, 5, 10... years: about a dozen at most.
    span = stop.year - start.year
    step = next((n for n in (1, 2, 5, 10, 20, 25, 50) if span / n <= 12), 100)
    ax.xaxis.set_major_locator(YearLocator(step))  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_formatter(DateFormatter("%Y"))  # type: ignore[no-untyped-call]
    c.plain_axes(ax, grid="x")
    ax.tick_params(axis="y", labelsize=c.NOTE)
    # The last date, marked below the rows (above, it would cross the labels):
    # the data's, or the day asked about.
    ax.plot([_num(end)] * 2, [-0.6, -0.2], color=c.MUTED, linewidth=0.8, zorder=1)
    ax.text(
        _num(end),
        -0.55,
        f"{'last date in the data:' if until is None else 'as at'} "
        f"{EngageDate(end, Precision.DAY).words(short=True)} ",
        ha="right",
        va="bottom",
        fontsize=c.NOTE,
        color=c.MUTED,
        bbox={"boxstyle": "square,pad=0.1", "facecolor": "white", "edgecolor": "none"},
    )
    ongoing = [s for s in stays if s.left is None]
    c.frame(
        fig,
        "Forces in enhanced monitoring (Engage, the press\u2019s \u2018special measures\u2019)",
        f"Each force that HMICFRS has moved into Engage since {min(firsts.values()).year}, and how long it "
        f"stayed; {len(ongoing)} still in "
        f"{'as far as the data go (each arrow ends there)' if until is None else f'at {day_words(end)}'}."
        # (Bands only where the data have reports published in the chart's years.)
        + (" Grey bands: when each PEEL cycle's reports in the data were published." if published else ""),
        _source(stays),
        [
            (c.patch(STAY), "In Engage"),
            (_hatched(), "Moved in or out that month or year, or by that day (date known no closer)"),
            *([(c.patch(BAND), "PEEL reports published")] if published else []),
        ],
        columns=2,
    )
    return fig


def _hatched() -> Any:
    from matplotlib.patches import Patch

    return Patch(facecolor="white", edgecolor=STAY, hatch="//////", linewidth=0.6)


def _source(stays: tuple[Stay, ...]) -> str:
    """The source line: the kinds of source the stays rest on."""
    from ..analysis.sources import count_sources

    kinds = count_sources(((*s.entered_sources, *s.left_sources) for s in stays), "stays")
    return (
        f"{kinds}. Compiled by peel_effectiveness; each stay's sources are in the data "
        f"('export --table monitoring'). {c.credit(stays)}"
    )
