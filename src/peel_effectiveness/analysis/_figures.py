"""The figures a ranking takes from a dataset: one a force, all of one
period (:func:`one_figure_each`), and what to say where there are too few or
none (:func:`too_few`, :func:`no_metric_message`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import _args

if TYPE_CHECKING:
    from ..model.cycles import Cycle
    from ..model.dataset import Dataset
    from ..model.force import Force
    from ..model.metrics import Measurement
    from ..model.periods import Period

__all__ = ["no_metric_message", "one_figure_each", "too_few"]


def one_figure_each(
    metric: str, cycle: Cycle, figures: list[tuple[Force, Measurement]]
) -> dict[Force, Measurement]:
    """Each force's figure, where all are of one measure and one period and
    no force has two that differ (a force's reports on two pillars of a cycle may both give it)."""
    from ..model._messages import counted, show_number
    from ..model.metrics import measure_key

    # Periods first: a figure for the year before has a baseline of its own.
    periods: dict[Period | None, set[Force]] = {}
    for f, m in figures:
        periods.setdefault(m.metric.period, set()).add(f)
    if len(periods) > 1:
        given = "; ".join(
            f"{'no period' if p is None else p}: {counted(len(fs), 'force')}" for p, fs in periods.items()
        )
        raise _args.refuse(
            f"{metric} in {cycle} is given for more than one period ({given}): say which with period (--period)"
        )

    measures: dict[str, tuple[str, set[Force]]] = {}
    for f, m in figures:
        measures.setdefault(measure_key(m.metric), (m.metric.measure, set()))[1].add(f)
    if len(measures) > 1:
        given = "; ".join(f"{shown}: {counted(len(fs), 'force')}" for shown, fs in measures.values())
        raise _args.refuse(f"{metric} in {cycle} is in more than one measure ({given})")

    found: dict[Force, Measurement] = {}
    for f, m in figures:
        if f in found and found[f].value != m.value:
            raise _args.refuse(
                f"{f.short_name} has two figures {metric} in {cycle} "
                f"({show_number(found[f].value)} and {show_number(m.value)})"
            )
        found.setdefault(f, m)
    return found


def too_few(metric: str, cycle: Cycle, ranked: int, left_out: int, needed: int) -> str:
    """Why a ranking has too few forces: short, to fit a terminal's 80
    columns after the command's name."""
    from ..model._messages import counted

    out = f" ({left_out} left out)" if left_out else ""
    return f"{counted(ranked, 'force')} with {metric} in {cycle}{out}; a ranking needs {needed}"


def no_metric_message(data: Dataset, metric: str, cycle: Cycle | None) -> str:
    """Why ``data`` (or its ``cycle``) has no figure ``metric``, with the
    keys it might mean."""
    import difflib

    from ..model._messages import first_of, shorten_repr

    known = sorted({m.key for r in data for m in r.measurements})
    close = difflib.get_close_matches(metric, known, n=3) if len(metric) <= 100 else []
    where = "no report in the data" if cycle is None else f"no {cycle} report in the data"
    if cycle is not None and metric in known:
        have = ", ".join(str(c) for c in data.cycles_measuring(metric))
        return f"{where} has the metric {shorten_repr(metric)} (cycles with it: {have})"
    some = first_of(known, 6)
    hint = f"; did you mean: {', '.join(close)}?" if close else f" (the data have: {some or 'none'})"
    return f"{where} has the metric {shorten_repr(metric)}{hint}"
