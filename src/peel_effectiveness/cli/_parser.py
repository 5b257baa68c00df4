"""The command line's argument parser, built only for the command being run.

Every option that more than one command takes is declared once here, so it
has the same name, meaning and reading in each (see docs/cli.md): a force is
``--force``, a cycle ``--cycle``, a metric ``--metric`` (repeatable), output
``--format`` and ``--output``. Values are read while the arguments are
parsed, so a cycle or force that does not exist is bad usage (exit 2).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

from ._values import force_reader, read_as, read_cycle, read_path, read_period, read_whole

EXIT_OK, EXIT_DATA, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report a command stopped by Ctrl-C
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
            # Anything but a plain, sensible number (a word, "²", 5,000 digits) is not a width.
            wide = columns.isascii() and columns.isdigit() and len(columns) <= 4 and int(columns) >= 20
            width = (int(columns) if wide else 80) - 2
        super().__init__(prog, indent_increment, max_help_position, width)


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> None:  # type: ignore[override]
        # One line, as every other failure: the usage is one --help away.
        self.exit(EXIT_USAGE, usage_line(self.prog, message))


def usage_line(prog: str, message: str) -> str:
    """How bad usage is reported: one line naming the command."""
    return f"{prog}: error: {message} (see '{prog} --help')\n"


# --- the options every command spells the same way ---------------------------


def _read_option(p: Any, what: str, reader: Any, help: str) -> None:
    """``--what``, read by the library's own reader: a value it refuses is bad usage."""
    p.add_argument(f"--{what}", type=read_as(reader, what), metavar=what.upper(), help=help)


def _force_option(p: Any, help: str, named: str | None = None) -> None:
    """``--force``, and, with ``named``, the force as a word after the
    command's others (``show cumbria``: see _commands.force_of)."""
    if named is not None:
        p.add_argument("force_named", nargs="?", type=force_reader("FORCE"), metavar="FORCE", help=named)
    p.add_argument(
        "--force",
        type=force_reader("--force"),
        metavar="FORCE",
        help=f"{help}: an id, name, short name, GSS code or alias ('Avon & Somerset')",
    )


def _cycle_option(p: Any, help: str = "the PEEL cycle (default: the latest in the data)") -> None:
    _read_option(p, "cycle", read_cycle, f"{help}: 2016, 2018/19...")


def _period_option(p: Any, help: str) -> None:
    _read_option(p, "period", read_period, f"{help}: '12 months to 30 June 2016', 'as at 31 March 2016'...")


def _pillar_option(p: Any, help: str = "up to 2018/19: the pillar (default: effectiveness)") -> None:
    from ..model.cycles import Pillar

    pillars = [x.value for x in Pillar]
    p.add_argument(
        "--pillar", type=str.lower, choices=pillars, metavar="PILLAR", help=f"{help}: {', '.join(pillars)}"
    )


def _metric_option(p: Any, help: str) -> None:
    p.add_argument("--metric", action="append", default=[], metavar="KEY", help=f"{help} (repeatable)")


def _exclude_option(p: Any) -> None:
    p.add_argument(
        "--exclude",
        action="append",
        default=[],
        type=force_reader("--exclude"),
        metavar="FORCE",
        help="leave a force out of the ranking (repeatable; default for 2016: Annex A's exclusions)",
    )


def _formats(p: Any, choices: Sequence[str], default: str) -> None:
    p.add_argument(
        "--format",
        type=str.lower,  # CSV as well as csv, as a force or a cycle is read in any case
        choices=choices,
        default=default,
        metavar="FORMAT",
        help=f"output format: {', '.join(choices)} (default: {default})",
    )


def _table_option(p: Any) -> None:
    if isinstance(p, _Skipped):
        return  # another command's: the tables' module is not imported
    from ..output.columns import DATA_TABLES

    p.add_argument(
        "--table",
        type=str.lower,
        choices=DATA_TABLES,
        metavar="TABLE",
        help=f"{', '.join(DATA_TABLES[:-1])} or {DATA_TABLES[-1]}: "
        "the 43 forces, figures, judgments, the grades a judgment records beside its own "
        "(revised or disputed), the rows of the outcome tables, one row "
        "per force and cycle with a column per judgment, or the stays in Engage (default: "
        "measurements); the national rows come from 'national --format csv'",
    )


def _output_option(
    p: Any, help: str = "write to this file, or '-' for standard output (the default)"
) -> None:
    p.add_argument(
        "-o",
        "--output",
        type=read_path,
        metavar="FILE",
        help=f"{help} (written whole when the command succeeds, or left as it was)",
    )


def _excel_option(p: Any) -> None:
    p.add_argument(
        "--excel",
        action="store_true",
        help="with --format csv: CSV for spreadsheets: a UTF-8 byte-order mark, and text a spreadsheet "
        "would run as a formula (=, +, -, @...) behind a single quote",
    )


def _row_outputs(p: Any) -> None:
    """The options of a command that writes rows: --format, --excel, --output."""
    if isinstance(p, _Skipped):
        return  # the formats' module is not imported for a command that has none
    from ..output._formats import FORMATS

    _formats(p, FORMATS, "table")
    _excel_option(p)
    _output_option(p)


class _Skipped:
    """Stands in for the parser of a command that is not being run."""

    def add_argument(self, *args: Any, **kwargs: Any) -> None:
        pass


COMMANDS = (
    "show",
    "export",
    "validate",
    "rank",
    "list",
    "forces",
    "national",
    "check",
    "info",
    "plot",
    "monitoring",
    "coverage",
    "metrics",
)


def command_in(argv: Sequence[str]) -> str | None:
    """The command named in ``argv``, or ``None`` if it is not plain to see."""
    args = iter(argv)
    for arg in args:
        if arg == "--data":
            next(args, None)
        elif arg.startswith("--data=") or arg in ("--no-bundled", "-q", "--quiet"):
            continue
        elif arg in COMMANDS:
            return arg
        else:
            return None
    return None


def _validate(args: argparse.Namespace, out: Any, err: Any) -> int:
    # Its module is imported only when the command runs: every other command starts without it.
    from ._validate import cmd_validate

    return cmd_validate(args, out, err)


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The argument parser; with ``only``, just that command's part is built
    (building every command's costs more than the run it serves)."""
    from .._version import __version__
    from ._commands import cmd_export, cmd_show
    from ._listings import cmd_check, cmd_forces, cmd_info, cmd_list, cmd_rank
    from ._national import cmd_national
    from ._plot import cmd_plot

    def common_options(p: Any, data: str) -> None:
        # The options that go before or after the command's name; --data is
        # gathered apart on either side (argparse would keep one side's only).
        p.add_argument(
            "--data",
            dest=data,
            action="append",
            type=read_path,
            metavar="PATH",
            default=argparse.SUPPRESS,
            help="a YAML/JSON data file or a folder of them, added to the bundled data "
            "(a report of yours replaces the bundled one on the same force, cycle and pillar); "
            "repeat it for several",
        )
        p.add_argument(
            "--no-bundled",
            action="store_true",
            default=argparse.SUPPRESS,
            help="with --data: your files only, without the bundled data",
        )
        p.add_argument(
            "-q",
            "--quiet",
            action="store_true",
            default=argparse.SUPPRESS,
            help="no messages on standard error but errors and warnings",
        )

    parser = _Parser(
        prog=PROG,
        description="PEEL police inspection results for England and Wales.",
        epilog=f"Example:\n  {PROG} show --force cumbria\nRun '{PROG} COMMAND --help' for a command's options.",
        formatter_class=_Formatter,
    )
    common_options(parser, "data_before")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    def command(name: str, help: str, example: str, func: Any) -> Any:
        if only is not None and name != only:
            return _Skipped()
        from ..output._text import wrap

        p = sub.add_parser(
            name,
            help=help,
            # Kept as written (the examples are commands), so wrapped here.
            description="\n".join(wrap(help[0].upper() + help[1:] + ".", 78)),
            epilog=f"Example:\n  {example}",
            formatter_class=_Formatter,
        )
        common_options(p, "data")
        p.set_defaults(func=func, command_parser=p)  # for the usage errors argparse leaves to the program
        return p

    show = command(
        "show",
        "a force's grades in every cycle, latest first, and its full scorecard where the data have figures",
        f"{PROG} show --force cumbria --cycle 2016",
        cmd_show,
    )
    _force_option(show, "the force", named="the same as --force")
    _cycle_option(show, "only the scorecard of this cycle's report (default: the whole history)")
    _pillar_option(show, "with --cycle, up to 2018/19: the pillar (default: effectiveness)")
    show.add_argument(
        "--width",
        type=read_whole(60, 1000),
        default=80,
        help="line width of the text scorecard, 60 or more (default: 80)",
    )
    _formats(show, ["table", "json", "markdown"], "table")
    _output_option(show)

    export = command(
        "export",
        "tidy tables, a data package or an SQLite database of them all",
        f"{PROG} export --table judgments --format csv -o judgments.csv",
        cmd_export,
    )
    _table_option(export)
    _force_option(export, "only this force")
    _cycle_option(export, "only this cycle (default: every cycle)")
    _metric_option(export, "with --table measurements: only this metric")
    _formats(export, ["csv", "json", "jsonl", "table", "markdown", "sqlite"], "csv")
    _excel_option(export)
    _output_option(export, "write to this file, or '-' for standard output (sqlite: a file, required)")
    export.add_argument(
        "--package",
        type=read_path,
        metavar="FOLDER",
        help="write every table as CSV, with a Frictionless datapackage.json describing their columns "
        "(a new folder, or one --package wrote, replaced whole when the package is complete)",
    )

    validate = command(
        "validate",
        "check data files strictly; every problem goes to stderr as file:line: field.path: message",
        f"{PROG} validate my-force-2016.yaml",
        _validate,
    )
    validate.add_argument(
        "files",
        nargs="+",
        type=read_path,
        metavar="FILE",
        help="data files or folders ('-' reads standard input)",
    )

    rank = command(
        "rank",
        "forces ranked on a measure, with their bands (5 forces or more)",
        f"{PROG} rank --metric recorded_crime_rate --data my-figures/",
        cmd_rank,
    )
    _metric_option(rank, "the metric's key (see 'metrics'); each metric is ranked on its own")
    _cycle_option(rank, "the PEEL cycle (default: the latest with the metric)")
    _period_option(rank, "where the reports give a figure for more than one period: which to rank")
    rank.add_argument("--ascending", action="store_true", help="rank the lowest value first")
    _exclude_option(rank)
    _row_outputs(rank)

    lst = command("list", "the reports in the data: forces and cycles", f"{PROG} list --format csv", cmd_list)
    _force_option(lst, "only this force")
    _cycle_option(lst, "only this cycle (default: every cycle)")
    _row_outputs(lst)

    fs = command(
        "forces",
        "the 43 territorial forces with their ids, names and codes",
        f"{PROG} forces --format csv",
        cmd_forces,
    )
    _row_outputs(fs)

    national = command(
        "national",
        "the national picture: grades of all 43 forces and how they changed",
        f"{PROG} national --cycle 2023-25 --force cumbria",
        cmd_national,
    )
    _cycle_option(national)
    national.add_argument(
        "--question",
        help="'overall', a core question's number or key, an area's key or name, or 'all' for every one "
        "(default: overall up to 2018/19, all from 2021/22)",
    )
    _pillar_option(national)
    _force_option(national, "with one question: where this force stands")
    _row_outputs(national)

    plot = command(
        "plot",
        "draw a chart to a PNG or SVG file: compare (a force against England and Wales), rank, grades, "
        "history (a force's grades over time), map (a hex map of one question's grades), monitoring "
        "(stays in Engage)",
        f"{PROG} plot map --question investigating -o map.png",
        cmd_plot,
    )
    plot.add_argument(
        "chart", choices=["compare", "rank", "grades", "history", "map", "monitoring"], help="which chart"
    )
    plot.add_argument(
        "--question", help="map: 'overall', a core question's number or key, or an area's key or name"
    )
    _force_option(
        plot,
        "compare: whose figures; rank: which to highlight; history: whose grades",
        named="compare, rank, history: the same as --force, right after the chart (plot history cumbria)",
    )
    _metric_option(plot, "compare: a figure to draw (default: every one); rank: the measure, once")
    _cycle_option(plot)
    _pillar_option(plot, "grades, up to 2018/19: the pillar (default: effectiveness)")
    _period_option(plot, "rank, where the reports give the figure for more than one period: which")
    plot.add_argument("--ascending", action="store_true", help="rank: the lowest value first")
    _exclude_option(plot)
    _output_option(plot, "the .png or .svg file to write (required)")

    info = command(
        "info", "the data's version and the source of every report", f"{PROG} info --format csv", cmd_info
    )
    _row_outputs(info)

    check = command(
        "check", "rounding-aware consistency checks of outcome tables and figures", f"{PROG} check", cmd_check
    )
    _force_option(check, "only this force")
    _cycle_option(check, "only this cycle (default: every cycle)")
    check.add_argument(
        "--decimals",
        type=read_whole(0, 6),
        default=1,
        help="decimal places the figures are rounded to, 0 to 6 (default: 1)",
    )
    _row_outputs(check)

    from ._monitoring import add_commands

    add_commands(command)
    return parser
