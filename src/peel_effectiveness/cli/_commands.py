"""The commands of the command line: each reads its arguments and writes its output."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TextIO

from ._parser import EXIT_DATA, EXIT_OK, PROG

if TYPE_CHECKING:
    from ..model.cycles import Cycle
    from ..model.dataset import Dataset
    from ..model.force import Force
    from ..model.reports import InspectionReport


class Fail(Exception):
    """A failure reported on standard error with exit code 1."""


class Usage(Exception):
    """Bad usage reported on standard error with exit code 2."""


def _data(args: argparse.Namespace) -> Dataset:
    from ..io.loading import load_bundled

    return _with_mine(args, load_bundled)


def _part(args: argparse.Namespace, forces: Sequence[Force] = (), cycles: Sequence[Cycle] = ()) -> Dataset:
    """The data a command needs: the reports on ``forces`` or of ``cycles``
    (of the bundle, only those; all of the user's files)."""
    from ..io.loading import bundled_part

    return _with_mine(args, lambda: bundled_part(frozenset(f.id for f in forces), frozenset(cycles)))


def _with_mine(args: argparse.Namespace, bundled: Callable[[], Dataset]) -> Dataset:
    """The bundled data with the user's files (``--data``) over them, saying
    which bundled reports the user's replace; the user's alone with
    ``--no-bundled``."""
    if getattr(args, "no_bundled", False) and not getattr(args, "data", None):
        raise Usage("--no-bundled goes with --data PATH: whose files to use instead")
    if not getattr(args, "data", None):
        return bundled()
    if getattr(args, "mine", None) is None:
        from ..io.loading import load

        args.mine = load(args.data)  # read once, though a command may ask twice
    mine: Dataset = args.mine
    if getattr(args, "no_bundled", False):
        return mine
    base = bundled()
    if not getattr(args, "said", False):
        for r in base.replaced_by(mine):
            args.err.write(
                f"{PROG}: your {r.title} report on {r.force.short_name} replaces the bundled one\n"
            )
        args.said = True
    return base.overlay(mine)


def _select(data: Dataset, args: argparse.Namespace) -> list[InspectionReport]:
    from ..model.cycles import Cycle
    from ..model.force import find_force

    reports = list(data)
    if getattr(args, "force", None):
        force = find_force(args.force)
        reports = [r for r in reports if r.force == force]
    if getattr(args, "cycle", None):
        cycle = Cycle.parse(args.cycle)
        reports = [r for r in reports if r.cycle is cycle]
    return reports


def _emit(out: TextIO, rows: list[dict[str, Any]], columns: Sequence[str], fmt: str) -> None:
    from ..output._formats import render

    out.write(render(rows, columns, fmt))


# --- commands ----------------------------------------------------------------


def cmd_show(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..model.force import find_force
    from ._render import scorecard, scorecard_markdown

    force = find_force(args.force)
    data = _part(args, forces=[force])
    reports = data.for_force(force)
    if not reports:
        have = ", ".join(f.short_name for f in data.forces) or "none"
        raise Fail(f"the data have no report on {force.short_name} (forces with reports: {have})")
    if args.pillar and not args.cycle:
        raise Usage("--pillar needs --cycle: show cumbria --cycle 2016 --pillar legitimacy")
    if args.cycle:
        chosen = [data.report(force, args.cycle, args.pillar)]
    else:
        # The whole history, and the full scorecard of each report with figures.
        chosen = [r for r in reversed(reports) if r.measurements or r.outcome_tables]
    # The scorecards place the force among all forces of their cycles.
    data = _part(args, forces=[force], cycles=[r.cycle for r in chosen])
    if args.format == "json":
        from ..io.dumping import dump

        out.write(dump(chosen[0] if args.cycle else data.for_force(force), "json"))
        return EXIT_OK
    parts = [] if args.cycle else [_history(data, force, args.format, args.width)]
    for r in chosen:
        parts.append(
            scorecard_markdown(r, data) if args.format == "markdown" else scorecard(r, data, args.width)
        )
    out.write(
        ("\n" + "-" * max(args.width, 60) + "\n\n").join(parts)
        if args.format == "table"
        else "\n".join(parts)
    )
    return EXIT_OK


def _history(data: Dataset, force: Force, fmt: str, width: int) -> str:
    from ..analysis.history import history
    from ._history import history_lines

    f = force
    lines = [f"{f.official_name} ({f.gss_code}, {f.region}, {f.country})", ""]
    if fmt == "markdown":
        lines = [f"# {f.official_name}", "", "```"]
    lines += history_lines(history(data, f), max(width, 60))
    if fmt == "markdown":
        lines.append("```")
    return "\n".join(line.rstrip() for line in lines) + "\n"


def cmd_export(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..output.columns import COLUMNS
    from ..output.records import to_records

    data = _data(args)
    reports = _select(data, args)
    if args.package:
        from ..output.package import write_package

        err.write(f"wrote {write_package(reports, args.package, data=data)}\n")
        return EXIT_OK
    rows = to_records(reports, table=args.table, data=data)
    _emit(out, rows, [c.name for c in COLUMNS[args.table]], args.format)
    return EXIT_OK


def cmd_validate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..errors import PeelDataError
    from ..io.loading import load
    from ..model.dataset import repeated

    failed = 0
    reports: list[InspectionReport] = []
    origin: list[str] = []
    for path in args.files:
        try:
            data = load(path) if path != "-" else load(sys.stdin.read())
        except PeelDataError as e:
            failed += 1
            for p in e.problems:
                err.write(f"{p}\n")
        else:
            reports += data.reports
            origin += [path] * len(data)
            if not args.quiet:
                err.write(f"{path}: ok ({len(data)} report{'s' if len(data) != 1 else ''})\n")
    # Files right alone can still not be loaded together.
    for second, first in repeated(reports):
        failed += 1
        r = reports[second]
        err.write(
            f"{origin[second]}: a second {r.title} report on {r.force.short_name} (the first is in {origin[first]})\n"
        )
    return EXIT_DATA if failed else EXIT_OK


def cmd_rank(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..analysis.calculations import EXCLUSIONS_2016
    from ..analysis.rankings import bands, rank
    from ..model.cycles import Cycle
    from ..model.force import find_force

    data = _data(args)
    cycle: Cycle | None
    if args.cycle:
        cycle = Cycle.parse(args.cycle)
    else:
        # The latest cycle with the figure (later cycles may have grades only).
        cycle = (data.cycles_measuring(args.metric) or data.cycles or (None,))[-1]
    if cycle is None:
        raise Fail("the data have no reports")
    values: dict[str, float] = {}
    reports = {}
    labels = set()
    for r in data.for_cycle(cycle):
        found = [m for m in r.measurements if m.key == args.metric]
        if found:
            m = r.measurement(args.metric)
            values[r.force.id] = m.value
            reports[r.force.id] = (r, m)
            labels.add(m.metric.unit_label)
    if not values:
        import difflib

        keys = sorted({m.key for r in data.for_cycle(cycle) for m in r.measurements})
        close = difflib.get_close_matches(args.metric, keys, n=3)
        hint = f" (did you mean: {', '.join(close)}?)" if close else ""
        raise Fail(f"no force has the metric {args.metric!r} in {cycle}{hint}")
    exclude = [find_force(f).id for f in args.exclude]
    if cycle is Cycle.Y2016 and not args.exclude:
        exclude = list(EXCLUSIONS_2016.get(args.metric, ()))
    ranks = rank(values, "min", descending=not args.ascending, exclude=exclude)
    band_of = bands(values, exclude=exclude)
    rows = []
    for fid in sorted(values, key=lambda f: (ranks.get(f, float("inf")), f)):
        r, m = reports[fid]
        rows.append(
            {
                "rank": ranks.get(fid),
                "force": fid,
                "name": r.force.short_name,
                "value": m.value,
                "unit": m.metric.unit_label,
                "england_and_wales": m.england_and_wales,
                "band": str(band_of[fid]) if fid in band_of else "excluded",
            }
        )
    columns = ["rank", "force", "name", "value", "england_and_wales", "band"]
    if args.format != "table":
        columns.insert(4, "unit")
    elif not args.quiet:
        err.write(f"{args.metric} ({', '.join(sorted(labels))}), {cycle}: {len(ranks)} force(s) ranked\n")
    _emit(out, rows, columns, args.format)
    return EXIT_OK


def cmd_list(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..output.records import grade_text

    data = _data(args)
    rows = [
        {
            "force": r.force.id,
            "name": r.force.official_name,
            "cycle": r.cycle.value,
            "pillar": "" if r.pillar is None else r.pillar.value,
            "grade": grade_text(r.judgment),
            "measurements": len(r.measurements),
        }
        for r in data
    ]
    _emit(out, rows, ["force", "name", "cycle", "pillar", "grade", "measurements"], args.format)
    return EXIT_OK


def cmd_forces(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..model.force import forces

    rows = [
        {
            "id": f.id,
            "official_name": f.official_name,
            "short_name": f.short_name,
            "gss_code": f.gss_code,
            "country": f.country.value,
            "region": f.region,
        }
        for f in forces()
    ]
    _emit(out, rows, ["id", "official_name", "short_name", "gss_code", "country", "region"], args.format)
    return EXIT_OK


def cmd_plot(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..output import plot

    data = _data(args)
    # Each chart refuses what it cannot draw with a ValueError naming why.
    try:
        fig = _chart(plot, data, args)
        plot.save(fig, args.output)
    except ValueError as e:
        raise Fail(str(e)) from None
    err.write(f"wrote {args.output}\n")
    return EXIT_OK


def _chart(plot: Any, data: Dataset, args: argparse.Namespace) -> Any:
    if args.chart in ("compare", "history") and not args.force:
        raise Usage(f"plot {args.chart} needs a force: --force FORCE")
    if args.chart == "compare":
        reports = data.for_force(args.force)
        if not reports:
            raise Fail(f"the data have no report on {args.force}")
        with_figures = [r for r in reports if r.measurements]
        report = (
            data.report(args.force, args.cycle, args.pillar) if args.cycle else (with_figures or reports)[-1]
        )
        return plot.plot_compare(report, args.metric or None)
    if args.chart == "rank":
        if not args.metric:
            raise Usage("plot rank needs a metric: --metric KEY")
        return plot.plot_rank(data, args.metric[0], args.cycle, args.force)
    if args.chart == "history":
        return plot.plot_history(data, args.force)
    return plot.plot_grades(data, args.cycle, args.pillar)


def cmd_info(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..io.about import dataset_info

    info = dataset_info(_data(args))
    rows = [
        {
            "force": s.force,
            "cycle": s.cycle,
            "pillar": s.pillar,
            "published": s.published,
            "publisher": s.publisher,
            "title": s.title,
            "url": s.url,
            "document": s.document,
        }
        for s in info.sources
    ]
    if args.format == "table":
        out.write(
            f"peel_effectiveness {info.package_version}, data version {info.data_version}\n"
            f"{info.reports} reports on {info.forces} forces, cycles {', '.join(info.cycles)}\n\n"
        )
        for s in info.sources:
            when = "" if s.published is None else f", {s.published.isoformat()}"
            what = f"{s.cycle} {s.pillar}" if s.pillar else s.cycle
            out.write(f"{s.force} {what}: {s.title}{when}\n")
    else:
        _emit(out, rows, list(rows[0]) if rows else ["force"], args.format)
    return EXIT_OK


def cmd_check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..analysis.consistency import check_dataset

    checks = check_dataset(_select(_data(args), args), decimals=args.decimals)
    rows = [
        {
            "force": "" if c.force is None else c.force.id,
            "cycle": "" if c.cycle is None else c.cycle.value,
            "table": c.table,
            "row": c.row,
            "side": c.side,
            "ok": "yes" if c.ok else "NO",
            "message": c.message,
        }
        for c in checks
    ]
    if args.format == "table":
        for c, r in zip(checks, rows, strict=True):
            out.write(f"{'ok' if c.ok else 'PROBLEM'}: {r['force']} {r['cycle']} {c.table}: {c.message}\n")
    else:
        _emit(out, rows, ["force", "cycle", "table", "row", "side", "ok", "message"], args.format)
    return EXIT_OK if all(c.ok for c in checks) else EXIT_DATA
