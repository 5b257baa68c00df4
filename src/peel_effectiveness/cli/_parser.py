"""The command line's argument parser, built only for the command being run."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

EXIT_OK, EXIT_DATA, EXIT_USAGE = 0, 1, 2
PROG = "peel-effectiveness"


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


# --- the parser --------------------------------------------------------------


ROW_FORMATS = ["table", "csv", "json", "jsonl", "markdown"]


def _formats(p: Any, choices: Sequence[str], default: str) -> None:
    p.add_argument("--format", choices=choices, default=default, help=f"output format (default: {default})")


class _Skipped:
    """Stands in for the parser of a command that is not being run."""

    def add_argument(self, *args: Any, **kwargs: Any) -> None:
        pass


COMMANDS = ("show", "export", "validate", "rank", "list", "forces", "national", "check", "info", "plot")


def command_in(argv: Sequence[str]) -> str | None:
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


PILLARS = ["effectiveness", "efficiency", "legitimacy", "leadership"]


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The argument parser; with ``only``, just that command's part is built
    (building every command's costs more than the run it serves)."""
    from .._version import __version__
    from ._commands import (
        cmd_check,
        cmd_export,
        cmd_forces,
        cmd_info,
        cmd_list,
        cmd_plot,
        cmd_rank,
        cmd_show,
        cmd_validate,
    )
    from ._national import cmd_national

    common = _Parser(add_help=False)
    common.add_argument(
        "--data",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="a YAML/JSON data file or a folder of them, added to the bundled data "
        "(a report of yours replaces the bundled one on the same force, cycle and pillar)",
    )
    common.add_argument(
        "--no-bundled",
        action="store_true",
        default=argparse.SUPPRESS,
        help="with --data: your files only, without the bundled data",
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
        "a force's grades in every cycle, latest first, and its full scorecard where the data have figures",
        f"{PROG} show cumbria --cycle 2016",
        cmd_show,
    )
    show.add_argument(
        "force", help="a force's id, name, short name, GSS code or alias (e.g. 'Avon & Somerset')"
    )
    show.add_argument(
        "--cycle", help="only the scorecard of this cycle's report (default: the whole history)"
    )
    show.add_argument(
        "--pillar", choices=PILLARS, help="with --cycle, up to 2018/19: the pillar (default: effectiveness)"
    )
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
        choices=["measurements", "judgments", "outcomes"],
        default="measurements",
        help="which rows: figures, judgments or the rows of the outcome tables (default: measurements)",
    )
    export.add_argument(
        "--package",
        metavar="FOLDER",
        help="write every table as CSV, with a Frictionless datapackage.json describing their columns",
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
        f"{PROG} national --cycle 2023-25 --question investigating --force cumbria",
        cmd_national,
    )
    national.add_argument("--cycle", help="the PEEL cycle (default: the latest)")
    national.add_argument(
        "--question",
        help="'overall', a core question's number or key, an area's key or name, or 'all' for every one "
        "(default: overall up to 2018/19, all from 2021/22)",
    )
    national.add_argument(
        "--pillar", choices=PILLARS, help="up to 2018/19: the pillar (default: effectiveness)"
    )
    national.add_argument("--force", help="with one question: where this force stands")
    _formats(national, ROW_FORMATS, "table")

    plot = command(
        "plot",
        "draw a chart to a PNG or SVG file: compare (a force against England and Wales), rank, grades, "
        "history (a force's grades over time)",
        f"{PROG} plot rank --metric ocg_rate --force cumbria --output ranks.png",
        cmd_plot,
    )
    plot.add_argument("chart", choices=["compare", "rank", "grades", "history"], help="which chart")
    plot.add_argument(
        "--force", help="the force (compare: whose figures; rank: which to highlight; history: whose grades)"
    )
    plot.add_argument(
        "--metric",
        action="append",
        default=[],
        metavar="KEY",
        help="a metric key (rank: the measure; compare: repeat to choose)",
    )
    plot.add_argument("--cycle", help="the PEEL cycle (default: the latest)")
    plot.add_argument(
        "--pillar", choices=PILLARS, help="grades, up to 2018/19: the pillar (default: effectiveness)"
    )
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
