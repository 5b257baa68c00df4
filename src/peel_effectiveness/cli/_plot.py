"""The ``plot`` command: a chart to a PNG, SVG or PDF file."""

from __future__ import annotations

import argparse
import logging
from typing import TYPE_CHECKING, Any, TextIO

from ._commands import (
    Fail,
    Usage,
    _data,
    _known_metrics,
    check_question,
    force_of,
    left_out,
    no_report_on,
    no_reports_of,
    pillar_of,
    said_written,
)
from ._parser import EXIT_OK

if TYPE_CHECKING:
    from ..model.dataset import Dataset


def cmd_plot(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..errors import PeelDataError
    from ..output import plot
    from ..output._chart import chart_suffix

    if not args.output:
        raise Usage("plot needs a file to write: --output FILE (.png, .svg or .pdf)")
    try:
        chart_suffix(args.output)  # before anything is drawn: bad usage, as save_chart would refuse it
    except PeelDataError as e:
        raise Usage(f"--output: {e.problems[0].message}") from None
    args.force = force_of(args)
    if args.chart in ("compare", "history") and args.force is None:
        raise Usage(f"plot {args.chart} needs a force: plot {args.chart} FORCE (or --force FORCE)")
    if args.chart in ("grades", "map") and args.force is not None:
        raise Usage(f"plot {args.chart} draws every force: no --force")
    if args.chart == "rank" and len(args.metric) != 1:
        raise Usage("plot rank draws one metric: give --metric KEY once")
    if args.chart != "rank" and (args.exclude or args.ascending or args.period):
        raise Usage("--exclude, --ascending and --period go with plot rank")
    if args.chart != "compare" and args.chart != "rank" and args.metric:
        raise Usage(f"--metric goes with plot compare and plot rank, not plot {args.chart}")
    if args.chart != "map" and args.question:
        raise Usage(f"--question goes with plot map, not plot {args.chart}")
    # Rank ranks a cycle's figures whatever their report's pillar; compare
    # without --cycle draws the latest report with figures, of any pillar.
    if args.chart == "rank" and args.pillar:
        raise Usage("--pillar goes with plot grades, plot map and plot compare --cycle, not plot rank")
    if args.chart == "compare" and args.pillar and not args.cycle:
        raise Usage(
            "--pillar goes with plot compare --cycle: without it, plot compare draws the latest report with figures"
        )
    if args.chart == "monitoring" and (args.cycle or args.pillar or args.force):
        raise Usage("plot monitoring draws every stay in Engage: no --cycle, --pillar or --force")
    if args.chart == "history" and (args.cycle or args.pillar):
        raise Usage("plot history draws a force's grades in every cycle: no --cycle or --pillar")
    data = _data(args)
    # matplotlib warns, as it is imported, where it cannot keep its
    # settings (a HOME it cannot write to): its own affair, not a message
    # of the command's, which prints nothing else with --quiet.
    logger = logging.getLogger("matplotlib")
    level = logger.level
    logger.setLevel(logging.ERROR)
    # Each chart refuses what it cannot draw with a ValueError naming why.
    try:
        fig = _chart(plot, data, args)
        plot.save_chart(fig, args.output)
    except ValueError as e:
        raise Fail(str(e)) from None
    finally:
        logger.setLevel(level)
    said_written(args, args.output)
    return EXIT_OK


def _chart(plot: Any, data: Dataset, args: argparse.Namespace) -> Any:
    if args.chart == "compare":
        if args.metric:
            _known_metrics(data, args.metric)
        if args.cycle:
            report = data.report(args.force, args.cycle, pillar_of(args, args.cycle))
        else:
            reports = data.for_force(args.force)
            if not reports:
                raise no_report_on(args.force)
            with_figures = [r for r in reports if r.measurements]
            if not with_figures:
                have = sorted({r.force.short_name for r in data if r.measurements})
                raise Fail(
                    f"the data have no figures on {args.force.short_name} "
                    f"(forces with figures: {', '.join(have) or 'none'}; 'metrics' lists them)"
                )
            report = with_figures[-1]
        return plot.plot_compare(report, args.metric or None)
    if args.chart == "rank":
        return plot.plot_rank(
            data,
            args.metric[0],
            args.cycle,
            args.force,
            descending=not args.ascending,
            exclude=left_out(args, data, args.metric[0]),
            period=args.period,
        )
    if args.chart == "history":
        return plot.plot_history(data, args.force)
    if args.chart == "monitoring":
        return plot.plot_monitoring(data)
    if args.chart == "map":
        return _map(plot, data, args)
    cycle = args.cycle or (data.cycles or (None,))[-1]
    if cycle is None:
        raise Fail("the data have no reports")
    if cycle not in data.cycles:
        raise no_reports_of(cycle, args)
    return plot.plot_grades(data, cycle, pillar_of(args, cycle))


def _map(plot: Any, data: Dataset, args: argparse.Namespace) -> Any:
    cycle = args.cycle or (data.cycles or (None,))[-1]
    if cycle is None:
        raise Fail("the data have no reports")
    if cycle not in data.cycles:
        raise no_reports_of(cycle, args)
    from ..errors import NotFoundError
    from ..output._map import mapped

    pillar = pillar_of(args, cycle)
    try:
        mapped(cycle, pillar, args.question)
    except NotFoundError as e:  # the map's own words, as bad usage: --question is missing
        raise Usage(f"plot map needs --question: {e} (the questions: 'coverage --cycle {cycle}')") from None
    # As given: the map reads it as every command does (check_question too).
    if args.question is not None:
        check_question(args, cycle, args.question)
    return plot.plot_map(data, cycle, args.question, pillar)
