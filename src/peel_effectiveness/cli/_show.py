"""The ``show`` command: a force's grades in every cycle, and the full
scorecard of each of its reports with figures."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from ._commands import Usage, _part, cycles_held, force_of, no_report_on, pillar_of
from ._parser import EXIT_OK
from ._said import yours_said

if TYPE_CHECKING:
    from ..model.cycles import Cycle
    from ..model.dataset import Dataset
    from ..model.force import Force
    from ..model.reports import InspectionReport


def cmd_show(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..model.force import territorial
    from ._render import scorecard
    from ._render_markdown import scorecard_markdown

    force = force_of(args)
    if force is None:
        raise Usage("show needs a force: show --force cumbria (or show cumbria)")
    data = _part(args, forces=[force])
    reports = data.for_force(force)
    if not reports:
        raise no_report_on(force, data=data)
    if args.pillar and not args.cycle:
        raise Usage(f"--pillar needs --cycle: show {force.id} --cycle CYCLE --pillar {args.pillar}")
    if args.cycle:
        chosen = [data.report(force, args.cycle, pillar_of(args, args.cycle))]
    else:
        # The whole history, and the full scorecard of each report with figures.
        chosen = [r for r in reversed(reports) if r.measurements or r.outcome_tables]
    # Where no scorecard places the force among all forces, its last
    # overall grade does (of effectiveness first, the pillar the reports
    # compare figures on).
    placed = None if args.cycle or chosen or args.format == "json" else _last_overall(reports)
    # The scorecards place the force among all forces of their cycles.
    data = _part(args, forces=[force], cycles=[r.cycle for r in chosen] + ([placed.cycle] if placed else []))
    if args.format == "json":
        from ..io.dumping import dump
        from ..model.dataset import Dataset

        # The whole history is the force's reports and its stays in Engage,
        # in the data format (a list of reports where it has no stays).
        whole = Dataset(data.for_force(force), data.stays_of(force))
        out.write(dump(chosen[0] if args.cycle else whole, "json"))
        return EXIT_OK
    # The 43's history spans the data's cycles; a force of your own's, its own.
    held = cycles_held(args) if territorial(force) else ()
    parts = [] if args.cycle else [_history(data, force, held, args.format, args.width)]
    if not args.cycle:
        parts[0] = _under(parts[0], _history_sources(data, force), args)
    if placed is not None:
        from ._render import national_line

        # Its last: a later cycle grades areas, and no force overall.
        later = [r.cycle for r in reports if r.cycle > placed.cycle and r.cycle.integrated]
        since = f"; from {min(later)} HMICFRS grades areas, not a force overall" if later else ""
        said = national_line(placed, data, f"Nationally, its last overall grade ({placed.title}{since})")
        parts[0] = _under(parts[0], said, args)
    for r in chosen:
        parts.append(
            scorecard_markdown(r, data) if args.format == "markdown" else scorecard(r, data, args.width)
        )
    # Said under the history (of every report shown), or the one scorecard.
    yours = yours_said(args, chosen if args.cycle else data.for_force(force), "shown")
    if yours:
        parts[0] = _under(parts[0], yours, args)
    out.write(
        ("\n" + "-" * max(args.width, 60) + "\n\n").join(parts)
        if args.format == "table"
        else "\n".join(parts)
    )
    return EXIT_OK


def _under(part: str, said: str, args: argparse.Namespace) -> str:
    """A part of the output with a sentence under it, as the format writes it."""
    from ..output._text import as_markdown, wrap

    shown = (
        as_markdown(said, paragraph=True) if args.format == "markdown" else "\n".join(wrap(said, args.width))
    )
    return f"{part}\n{shown}\n"


def _history_sources(data: Dataset, force: Force) -> str:
    """Where the history's grades (and its stays in Engage) come from:
    counted by kind, and where each is given in full."""
    from ..analysis.sources import describe_sources
    from ..model.cycles import Pillar

    reports = data.for_force(force)
    # (Options, not a whole command: one run with --data would need them again.)
    said = f"{describe_sources(reports)}. Each grade's sources: this command with --cycle CYCLE"
    pillars = sorted({str(r.pillar) for r in reports if r.pillar not in (None, Pillar.EFFECTIVENESS)})
    if pillars:
        options = " or ".join(f"--pillar {p}" for p in pillars)
        whose = "that pillar's" if len(pillars) == 1 else "those pillars'"
        said += f" (and {options} for {whose} grades)"
    if data.stays_of(force):
        said += "; the stays in Engage: the monitoring command"
    return said + "."


def _last_overall(reports: Sequence[InspectionReport]) -> InspectionReport | None:
    """Of a force's reports, the last with an overall grade (of the
    effectiveness pillar where its cycle has one), or ``None`` (for a force
    not of the 43 too: the national picture is of the 43)."""
    from ..model.cycles import Pillar
    from ..model.force import territorial
    from ..model.grades import Grade

    graded = [r for r in reports if r.judgment is not None and r.judgment.grade.__class__ is Grade]
    if not graded or not territorial(graded[0].force):
        return None
    return max(graded, key=lambda r: (r.cycle, r.pillar is Pillar.EFFECTIVENESS))


def _history(data: Dataset, force: Force, cycles: tuple[Cycle, ...], fmt: str, width: int) -> str:
    import re

    from ..analysis._history import history
    from ..analysis.monitoring import latest_dated
    from ..output._text import as_markdown, wrap
    from ._history import history_lines
    from ._monitoring import engage_lines, nothing_said
    from ._render import force_heading

    f = force
    unsaid = nothing_said(data, f)
    if unsaid is not None:
        lines = [*wrap(f"Enhanced monitoring (Engage): {unsaid}.", width), ""]
    else:
        lines = [*engage_lines(data.stays_of(f), latest_dated(data), max(width, 60)), ""]
    held = [(r.cycle, r.pillar) for r in data.for_force(f)]
    lines += history_lines(history(data, f), cycles, held, max(width, 60))
    if fmt != "markdown":
        lines = [*wrap(force_heading(f), width), "", *lines]
    else:
        # In a fence longer than any run of backticks the data hold, which
        # would close it.
        fence = "`" * max([3, *(len(run) + 1 for line in lines for run in re.findall("`+", line))])
        lines = [f"# {as_markdown(f.official_name)}", "", fence, *lines, fence]
    return "\n".join(line.rstrip() for line in lines) + "\n"
