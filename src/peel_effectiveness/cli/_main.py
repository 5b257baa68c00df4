"""The ``peel-effectiveness`` command line (also ``python -m peel_effectiveness``).

Data go to standard output, messages to standard error. Exit codes: 0 on
success, 1 for bad data or something not found, 2 for bad usage. Output has
no colour or control codes.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from ..model.dataset import Dataset
    from ..model.reports import InspectionReport

EXIT_OK, EXIT_DATA, EXIT_USAGE = 0, 1, 2
PROG = "peel-effectiveness"


class Fail(Exception):
    """A failure reported on standard error with exit code 1."""


class _Formatter(argparse.RawDescriptionHelpFormatter):
    # argparse asks the terminal for its width (importing shutil, and with it
    # the compression modules) for every parser it checks; $COLUMNS or 80 will do.
    def __init__(
        self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None
    ) -> None:
        if width is None:
            import os

            columns = os.environ.get("COLUMNS", "")
            width = (int(columns) if columns.isdigit() else 80) - 2
        super().__init__(prog, indent_increment, max_help_position, width)


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _data(args: argparse.Namespace) -> Dataset:
    from ..io.loading import load, load_bundled

    return load(args.data) if getattr(args, "data", None) else load_bundled()


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
    from ._tables import render

    out.write(render(rows, columns, fmt))


# --- commands ----------------------------------------------------------------


def cmd_show(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..io.loading import dump
    from ..model.force import find_force
    from ._render import scorecard, scorecard_markdown

    data = _data(args)
    force = find_force(args.force)
    reports = data.for_force(force)
    if not reports:
        have = ", ".join(f.short_name for f in data.forces) or "none"
        raise Fail(f"the data have no report on {force.short_name} (forces with reports: {have})")
    report = data.report(force, args.cycle) if args.cycle else reports[-1]
    if args.format == "json":
        out.write(dump(report, "json"))
    elif args.format == "markdown":
        out.write(scorecard_markdown(report, data))
    else:
        out.write(scorecard(report, data, width=args.width))
    return EXIT_OK


def cmd_export(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..output.records import JUDGMENT_COLUMNS, MEASUREMENT_COLUMNS, to_records

    reports = _select(_data(args), args)
    rows = to_records(reports, table=args.table)
    columns = MEASUREMENT_COLUMNS if args.table == "measurements" else JUDGMENT_COLUMNS
    _emit(out, rows, columns, args.format)
    return EXIT_OK


def cmd_validate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..errors import PeelDataError
    from ..io.loading import load

    failed = 0
    for path in args.files:
        try:
            data = load(path) if path != "-" else load(sys.stdin.read())
        except PeelDataError as e:
            failed += 1
            for p in e.problems:
                err.write(f"{p}\n")
        else:
            if not args.quiet:
                err.write(f"{path}: ok ({len(data)} report{'s' if len(data) != 1 else ''})\n")
    return EXIT_DATA if failed else EXIT_OK


def cmd_rank(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..analysis.calculations import EXCLUSIONS_2016
    from ..analysis.rankings import bands, rank
    from ..model.cycles import Cycle
    from ..model.force import find_force

    data = _data(args)
    cycle = Cycle.parse(args.cycle) if args.cycle else (data.cycles[-1] if data.cycles else None)
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
            "pillar": r.pillar.value,
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
    if args.chart == "compare":
        if not args.force:
            raise Fail("plot compare needs a force: --force FORCE")
        reports = data.for_force(args.force)
        if not reports:
            raise Fail(f"the data have no report on {args.force}")
        report = data.report(args.force, args.cycle) if args.cycle else reports[-1]
        fig = plot.plot_compare(report, args.metric or None)
    elif args.chart == "rank":
        if not args.metric:
            raise Fail("plot rank needs a metric: --metric KEY")
        fig = plot.plot_rank(data, args.metric[0], args.cycle, args.force)
    else:
        fig = plot.plot_grades(data, args.cycle)
    try:
        plot.save(fig, args.output)
    except ValueError as e:
        raise Fail(str(e)) from None
    err.write(f"wrote {args.output}\n")
    return EXIT_OK


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
            out.write(f"{s.force} {s.cycle} {s.pillar}: {s.title}{when}\n")
    else:
        _emit(out, rows, list(rows[0]) if rows else ["force"], args.format)
    return EXIT_OK


def cmd_check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..analysis.consistency import check_dataset

    checks = check_dataset(_select(_data(args), args), decimals=args.decimals)
    rows = [
        {
            "force": c.force,
            "cycle": c.cycle,
            "table": c.table,
            "row": c.row,
            "side": c.side,
            "ok": "yes" if c.ok else "NO",
            "message": c.message,
        }
        for c in checks
    ]
    if args.format == "table":
        for c in checks:
            out.write(f"{'ok' if c.ok else 'PROBLEM'}: {c.force} {c.cycle} {c.table}: {c.message}\n")
    else:
        _emit(out, rows, ["force", "cycle", "table", "row", "side", "ok", "message"], args.format)
    return EXIT_OK if all(c.ok for c in checks) else EXIT_DATA


def cmd_national(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    import textwrap

    from ..analysis.national import grade_distribution, transitions
    from ..model.cycles import Cycle
    from ..model.force import find_force

    data = _data(args)
    if not data.cycles:
        raise Fail("the data have no reports")
    cycle = Cycle.parse(args.cycle) if args.cycle else data.cycles[-1]
    question = args.question
    if question.isdigit():
        question = int(question)
    dist = grade_distribution(data, cycle, question)
    rows: list[dict[str, Any]] = []
    for (grade, n), (_, ids) in zip(dist.counts, dist.forces_by_grade, strict=True):
        rows.append(
            {"grade": grade.value, "forces": n, "names": ", ".join(find_force(i).short_name for i in ids)}
        )
    if dist.ungraded:
        rows.append(
            {
                "grade": "ungraded",
                "forces": len(dist.ungraded),
                "names": ", ".join(find_force(i).short_name for i in dist.ungraded),
            }
        )
    rows.append(
        {
            "grade": "no data",
            "forces": len(dist.no_data),
            "names": ", ".join(find_force(i).short_name for i in dist.no_data),
        }
    )
    if args.format == "table":
        out.write(f"PEEL effectiveness {cycle}, {dist.question}: grades of all {dist.total} forces\n\n")
        for r in rows:
            out.write(f"  {r['grade']:<22} {r['forces']:>3}\n")
        previous = cycle.previous
        if previous is not None and previous in data.cycles:
            t = transitions(data, previous, cycle, question)
            out.write(f"\nChange from {previous} to {cycle}:\n")
            for label, group in (
                ("improved", t.improved),
                ("declined", t.declined),
                ("unchanged", t.unchanged),
                ("not comparable", t.not_comparable),
            ):
                names = ", ".join(find_force(x.force).short_name for x in group)
                line = f"  {label:<15} {len(group):>3}" + (
                    f"  {names}" if names and label != "unchanged" else ""
                )
                out.write("\n".join(textwrap.wrap(line, width=80, subsequent_indent=" " * 22)) + "\n")
    else:
        _emit(out, rows, ["grade", "forces", "names"], args.format)
    return EXIT_OK


# --- the parser --------------------------------------------------------------


ROW_FORMATS = ["table", "csv", "json", "jsonl", "markdown"]


def _formats(p: Any, choices: Sequence[str], default: str) -> None:
    p.add_argument("--format", choices=choices, default=default, help=f"output format (default: {default})")


class _Skipped:
    """Stands in for the parser of a command that is not being run."""

    def add_argument(self, *args: Any, **kwargs: Any) -> None:
        pass


COMMANDS = ("show", "export", "validate", "rank", "list", "forces", "national", "check", "info", "plot")


def _command_in(argv: Sequence[str]) -> str | None:
    """The command named in ``argv``, or ``None`` if it is not plain to see."""
    args = iter(argv)
    for arg in args:
        if arg == "--data":
            next(args, None)
        elif arg.startswith("--data="):
            continue
        elif arg in COMMANDS:
            return arg
        else:
            return None
    return None


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The argument parser; with ``only``, just that command's part is built
    (building every command's costs more than the run it serves)."""
    from .._version import __version__

    common = _Parser(add_help=False)
    common.add_argument(
        "--data",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="a YAML/JSON data file or a folder of them (default: the bundled data)",
    )
    parser = _Parser(
        prog=PROG,
        description="PEEL police effectiveness inspection results for England and Wales.",
        epilog=f"Example: {PROG} show cumbria\nRun '{PROG} COMMAND --help' for a command's options.",
        formatter_class=_Formatter,
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    def command(name: str, help: str, example: str, func: Any) -> Any:
        if only is not None and name != only:
            return _Skipped()
        p = sub.add_parser(
            name,
            help=help,
            description=help[0].upper() + help[1:] + ".",
            epilog=f"Example: {example}",
            parents=[common],
            formatter_class=_Formatter,
        )
        p.set_defaults(func=func)
        return p

    show = command(
        "show",
        "a force's scorecard: judgments, figures against England and Wales, areas for improvement",
        f"{PROG} show cumbria --cycle 2016",
        cmd_show,
    )
    show.add_argument(
        "force", help="a force's id, name, short name, GSS code or alias (e.g. 'Avon & Somerset')"
    )
    show.add_argument("--cycle", help="the PEEL cycle (default: the latest with a report)")
    show.add_argument("--width", type=int, default=80, help="line width of the text scorecard (default: 80)")
    _formats(show, ["table", "json", "markdown"], "table")

    export = command(
        "export",
        "tidy rows of measurements or judgments",
        f"{PROG} export --table judgments --format csv > judgments.csv",
        cmd_export,
    )
    export.add_argument(
        "--table",
        choices=["measurements", "judgments"],
        default="measurements",
        help="which rows (default: measurements)",
    )
    export.add_argument("--force", help="only this force")
    export.add_argument("--cycle", help="only this cycle")
    _formats(export, ["csv", "json", "jsonl", "table", "markdown"], "csv")

    validate = command(
        "validate",
        "check data files strictly; every problem goes to stderr as file:line: field.path: message",
        f"{PROG} validate my-force-2016.yaml",
        cmd_validate,
    )
    validate.add_argument(
        "files", nargs="+", metavar="FILE", help="data files or folders ('-' reads standard input)"
    )
    validate.add_argument("-q", "--quiet", action="store_true", help="say nothing about valid files")

    rank = command(
        "rank",
        "forces ranked on a measure, with their bands",
        f"{PROG} rank --metric recorded_crime_rate --cycle 2016",
        cmd_rank,
    )
    rank.add_argument("--metric", required=True, help="the metric's key (see 'export')")
    rank.add_argument("--cycle", help="the PEEL cycle (default: the latest)")
    rank.add_argument("--ascending", action="store_true", help="rank the lowest value first")
    rank.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="FORCE",
        help="leave a force out (repeatable; default for 2016: Annex A's exclusions)",
    )
    rank.add_argument("-q", "--quiet", action="store_true", help="no heading on stderr")
    _formats(rank, ROW_FORMATS, "table")

    lst = command("list", "the reports in the data: forces and cycles", f"{PROG} list --format csv", cmd_list)
    _formats(lst, ROW_FORMATS, "table")

    fs = command(
        "forces",
        "the 43 territorial forces with their ids, names and codes",
        f"{PROG} forces --format csv",
        cmd_forces,
    )
    _formats(fs, ROW_FORMATS, "table")

    national = command(
        "national",
        "the national picture: grades of all 43 forces and how they changed",
        f"{PROG} national --cycle 2016 --question overall",
        cmd_national,
    )
    national.add_argument("--cycle", help="the PEEL cycle (default: the latest)")
    national.add_argument(
        "--question",
        default="overall",
        help="'overall', or a core question's number or key (default: overall)",
    )
    _formats(national, ROW_FORMATS, "table")

    plot = command(
        "plot",
        "draw a chart to a PNG or SVG file: compare (a force against England and Wales), rank, grades",
        f"{PROG} plot rank --metric ocg_rate --force cumbria --output ranks.png",
        cmd_plot,
    )
    plot.add_argument("chart", choices=["compare", "rank", "grades"], help="which chart")
    plot.add_argument("--force", help="the force (compare: whose figures; rank: which to highlight)")
    plot.add_argument(
        "--metric",
        action="append",
        default=[],
        metavar="KEY",
        help="a metric key (rank: the measure; compare: repeat to choose)",
    )
    plot.add_argument("--cycle", help="the PEEL cycle (default: the latest)")
    plot.add_argument("--output", "-o", required=True, metavar="FILE", help="the .png or .svg file to write")

    info = command(
        "info", "the data's version and the source of every report", f"{PROG} info --format csv", cmd_info
    )
    _formats(info, ROW_FORMATS, "table")

    check = command(
        "check", "rounding-aware consistency checks of outcome tables and figures", f"{PROG} check", cmd_check
    )
    check.add_argument("--force", help="only this force")
    check.add_argument("--cycle", help="only this cycle")
    check.add_argument(
        "--decimals", type=int, default=1, help="decimal places the figures are rounded to (default: 1)"
    )
    _formats(check, ROW_FORMATS, "table")
    return parser


def main(
    argv: Sequence[str] | None = None, *, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    """Run the command line and return its exit code.

    Args:
        argv: The arguments (default: ``sys.argv[1:]``).
        stdout: Where data go (default: ``sys.stdout``).
        stderr: Where messages go (default: ``sys.stderr``).
    """
    from ..errors import NotFoundError, PeelDataError

    out = stdout or sys.stdout
    err = stderr or sys.stderr
    parser = build_parser(_command_in(sys.argv[1:] if argv is None else argv))
    saved = sys.stdout, sys.stderr
    try:
        # argparse prints help and usage errors itself: route them too.
        sys.stdout, sys.stderr = out, err
        try:
            args = parser.parse_args(argv)
        except SystemExit as e:
            return e.code if isinstance(e.code, int) else EXIT_USAGE
    finally:
        sys.stdout, sys.stderr = saved
    try:
        return int(args.func(args, out, err))
    except PeelDataError as e:
        err.write(f"{e}\n")
        return EXIT_DATA
    except (NotFoundError, Fail) as e:
        err.write(f"{PROG}: {e}\n")
        return EXIT_DATA
    except BrokenPipeError:
        # The reader went away (``| head``): not an error. Point stdout at
        # devnull so the interpreter's final flush does not complain.
        if out is sys.__stdout__:
            import os

            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.__stdout__.fileno())
        return EXIT_OK
