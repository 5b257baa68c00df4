"""The command line's argument parser, built only for the command being
run, of the options every command spells the same way (:mod:`._options`).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from typing import Any

from ._formatter import Formatter
from ._options import (
    Once,
    Skipped,
    cycle_option,
    excel_option,
    exclude_option,
    force_option,
    formats_option,
    metric_option,
    output_option,
    period_option,
    pillar_option,
    row_outputs,
    table_option,
)
from ._values import read_path, read_whole

EXIT_OK, EXIT_DATA, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report a command stopped by Ctrl-C
PROG = "peel-effectiveness"


# A value as repr() quotes it, in single or double quotes.
_QUOTED = r"'(?:[^'\\]|\\.)*'" + r'|"(?:[^"\\]|\\.)*"'


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", Formatter)
        # An option is its whole name: a prefix taken for one ("--form",
        # "--q") would change what a command does when an option is added.
        kwargs.setdefault("allow_abbrev", False)
        super().__init__(*args, **kwargs)

    def add_argument(self, *args: Any, **kwargs: Any) -> Any:
        if args and str(args[0]).startswith("-") and kwargs.get("action", "store") == "store":
            kwargs["action"] = Once
        return super().add_argument(*args, **kwargs)

    def error(self, message: str) -> None:  # type: ignore[override]
        # One line, as every other failure: the usage is one --help away;
        # a value argparse quotes whole ("invalid choice: '...'") is cut as
        # the commands' own messages cut one.
        import re

        from ..model._messages import shorten
        from ..output._text import printable

        message = suggested(message)
        # (A run without spaces is cut first, in one pass: the expression of
        # quoted values reads on to the end from each unmatched quote.)
        message = re.sub(r"\S{61,}", lambda m: _cut(m.group()), message)
        message = (
            re.sub(_QUOTED, lambda m: _cut(m.group()), message)
            if len(message) < 2000
            else shorten(message, 2000)
        )
        message = printable(message)  # a line break or a control character argparse wrote as given
        self.exit(EXIT_USAGE, usage_line(self.prog, message))


def suggested(message: str) -> str:
    """argparse's message of a misspelt command or word with the closest
    choice, as the data's words get one.

    Examples:
        >>> suggested("argument COMMAND: invalid choice: 'shwo' (choose from 'show', 'export')")
        "argument COMMAND: invalid choice: 'shwo' (choose from 'show', 'export'); did you mean 'show'?"
        >>> suggested("argument COMMAND: invalid choice: 'shwo' (choose from show, export)")[-22:]
        "; did you mean 'show'?"
    """
    import re

    from ..model._messages import suggest

    # (Python 3.12.7 and later write the choices without quotes.)
    chose = re.fullmatch(r"(.*invalid choice: '([^']*)' \(choose from (.*)\))", message, re.S)
    if chose is None:
        return message
    return chose.group(1) + suggest(chose.group(2), [c.strip("'") for c in chose.group(3).split(", ")])


def _cut(text: str) -> str:
    """A value argparse wrote, cut as the commands' own messages cut one:
    a quoted text counted by its own characters, not its quotes and escapes."""
    import ast

    from ..model._messages import shorten

    count = None
    if len(text) > 1 and text[0] == text[-1] and text[0] in "'\"":
        try:
            value = ast.literal_eval(text)
        except (ValueError, SyntaxError, MemoryError, RecursionError):
            value = None
        count = len(value) if isinstance(value, str) else None
    return shorten(text, count=count)


def usage_line(prog: str, message: str) -> str:
    """How bad usage is reported: one line naming the command."""
    return f"{prog}: error: {message} (see '{prog} --help')\n"


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


Command = Callable[[argparse.Namespace, Any, Any], int]


def _later(module: str, name: str) -> Command:
    """The function of a command, its module imported only when the command
    runs: a command starts without the modules of the others."""

    def run(args: argparse.Namespace, out: Any, err: Any) -> int:
        from importlib import import_module

        command: Command = getattr(import_module(module, __package__), name)
        return command(args, out, err)

    return run


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The argument parser; with ``only``, just that command's part is built
    (building every command's costs more than the run it serves)."""
    from .._version import __version__

    def common_options(p: Any, data: str, reads_data: bool = True) -> None:
        # The options that go before or after the command's name; --data is
        # gathered apart on either side (argparse would keep one side's only).
        # A command that reads no data (validate) refuses them, unlisted.
        listed = (lambda said: said) if reads_data else (lambda said: argparse.SUPPRESS)
        p.add_argument(
            "--data",
            dest=data,
            action="append",
            type=read_path,
            metavar="PATH",
            default=argparse.SUPPRESS,
            help=listed(
                "a YAML/JSON data file or a folder of them, added to the bundled data "
                "(a report of yours replaces the bundled one on the same force, cycle and pillar); "
                "repeat it for several"
            ),
        )
        p.add_argument(
            "--no-bundled",
            action="store_true",
            default=argparse.SUPPRESS,
            help=listed("with --data: your files only, without the bundled data"),
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
        formatter_class=Formatter,
    )
    common_options(parser, "data_before")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    def command(name: str, help: str, example: str, func: Any) -> Any:
        if only is not None and name != only:
            return Skipped()
        from ..output._text import wrap

        p = sub.add_parser(
            name,
            help=help,
            # Kept as written (the examples are commands), so wrapped here.
            description="\n".join(wrap(help[0].upper() + help[1:] + ".", 78)),
            epilog=f"Example:\n  {example}",
            formatter_class=Formatter,
        )
        common_options(p, "data", reads_data=name != "validate")
        p.set_defaults(func=func, command_parser=p)  # for the usage errors argparse leaves to the program
        return p

    show = command(
        "show",
        "a force's grades in every cycle, latest first, and its full scorecard where the data have figures",
        f"{PROG} show --force cumbria --cycle 2016",
        _later("._show", "cmd_show"),
    )
    force_option(show, "the force", named="the same as --force")
    cycle_option(show, "only the scorecard of this cycle's report (default: the whole history)")
    pillar_option(show, "with --cycle, up to 2018/19: the pillar (default: effectiveness)")
    show.add_argument(
        "--width",
        type=read_whole(60, 1000),
        default=80,
        help="line width of the text scorecard, 60 to 1000 (default: 80)",
    )
    formats_option(show, ["table", "json", "markdown"], "table")
    output_option(show)

    export = command(
        "export",
        "tidy tables, a data package or an SQLite database of them all",
        f"{PROG} export --table judgments --format csv -o judgments.csv",
        _later("._export", "cmd_export"),
    )
    table_option(export)
    force_option(export, "only this force")
    cycle_option(export, "only this cycle (default: every cycle)")
    metric_option(export, "with --table measurements: only this metric")
    formats_option(export, ["csv", "json", "jsonl", "table", "markdown", "sqlite"], "csv")
    excel_option(export)
    output_option(export, "write to this file, or '-' for standard output (sqlite: a file, required)")
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
        _later("._validate", "cmd_validate"),
    )
    validate.add_argument(
        "files",
        nargs="*",  # none is said by the command, after a --data it refuses
        type=read_path,
        metavar="FILE",
        help="data files or folders ('-' reads standard input)",
    )
    if not isinstance(validate, Skipped):  # (its usage as the files are: one or more)
        validate.usage = "%(prog)s [-h] [-q] FILE [FILE ...]"

    rank = command(
        "rank",
        "forces ranked on a measure, with their bands (5 forces or more)",
        f"{PROG} rank --metric recorded_crime_rate --data my-figures/",
        _later("._listings", "cmd_rank"),
    )
    metric_option(rank, "the metric's key (see 'metrics'); each metric is ranked on its own")
    cycle_option(rank, "the PEEL cycle (default: the latest with the metric)")
    period_option(rank, "where the reports give a figure for more than one period: which to rank")
    rank.add_argument("--ascending", action="store_true", help="rank the lowest value first")
    exclude_option(rank)
    row_outputs(rank)

    lst = command(
        "list",
        "the reports in the data: forces and cycles",
        f"{PROG} list --format csv",
        _later("._listings", "cmd_list"),
    )
    force_option(lst, "only this force")
    cycle_option(lst, "only this cycle (default: every cycle)")
    row_outputs(lst)

    fs = command(
        "forces",
        "the 43 territorial forces with their ids, names and codes (and, with --data, your own)",
        f"{PROG} forces --format csv",
        _later("._listings", "cmd_forces"),
    )
    row_outputs(fs)

    national = command(
        "national",
        "the national picture: grades of all 43 forces and how they changed",
        f"{PROG} national --cycle 2023-25 --force cumbria",
        _later("._national", "cmd_national"),
    )
    cycle_option(national)
    national.add_argument(
        "--question",
        help="'overall', a core question's number or key, an area's key or name, or 'all' for every one "
        "(default: overall up to 2018/19, all from 2021/22)",
    )
    pillar_option(national)
    force_option(national, "where this force stands: with one question, in it; else in every judgment")
    row_outputs(national)

    plot = command(
        "plot",
        "draw a chart to a PNG, SVG or PDF file: compare (a force against England and Wales), rank, grades, "
        "history (a force's grades over time), map (a hex map of one question's grades), monitoring "
        "(stays in Engage)",
        f"{PROG} plot map --question investigating -o map.png",
        _later("._plot", "cmd_plot"),
    )
    plot.add_argument(
        "chart", choices=["compare", "rank", "grades", "history", "map", "monitoring"], help="which chart"
    )
    plot.add_argument(
        "--question", help="map: 'overall', a core question's number or key, or an area's key or name"
    )
    force_option(
        plot,
        "compare: whose figures; rank: which to highlight; history: whose grades",
        named="compare, rank, history: the same as --force, right after the chart (plot history cumbria)",
    )
    metric_option(plot, "compare: a figure to draw (default: every one); rank: the measure, once")
    cycle_option(plot)
    pillar_option(
        plot, "grades, map, compare with --cycle, up to 2018/19: the pillar (default: effectiveness)"
    )
    period_option(plot, "rank, where the reports give the figure for more than one period: which")
    plot.add_argument("--ascending", action="store_true", help="rank: the lowest value first")
    exclude_option(plot)
    output_option(plot, "the .png, .svg or .pdf file to write (required)")

    info = command(
        "info",
        "the data's version and the source of every report",
        f"{PROG} info --format csv",
        _later("._listings", "cmd_info"),
    )
    row_outputs(info)

    check = command(
        "check",
        "rounding-aware consistency checks of outcome tables and figures",
        f"{PROG} check",
        _later("._listings", "cmd_check"),
    )
    force_option(check, "only this force")
    cycle_option(check, "only this cycle (default: every cycle)")
    if not isinstance(check, Skipped):  # (the bound is the checks', imported only for them)
        from ..analysis._table_sums import MOST_DECIMALS

        check.add_argument(
            "--decimals",
            type=read_whole(0, MOST_DECIMALS),
            default=1,
            help=f"decimal places the figures are rounded to, 0 to {MOST_DECIMALS} (default: 1)",
        )
    row_outputs(check)

    from . import _coverage, _monitoring

    _monitoring.add_commands(command)
    _coverage.add_commands(command)
    return parser
