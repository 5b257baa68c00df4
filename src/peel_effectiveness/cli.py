"""The ``peel-effectiveness`` command line.

Data go to standard output, messages to standard error. Exit codes: 0 on
success, 1 for bad data (or nothing found), 2 for bad usage.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from .dataset import Dataset

EXIT_OK, EXIT_DATA, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _data(args: argparse.Namespace) -> Dataset:
    from .loading import load, load_bundled

    return load(args.data) if args.data else load_bundled()


def _cmd_show(args: argparse.Namespace, out: TextIO) -> int:
    from ._render import scorecard
    from .forces import find_force

    data = _data(args)
    force = find_force(args.force)
    reports = data.for_force(force)
    if not reports:
        raise _Fail(f"no reports on {force.short_name} in the data")
    report = data.report(force, args.cycle) if args.cycle else reports[-1]
    out.write(scorecard(report, data, width=args.width))
    return EXIT_OK


def _cmd_list(args: argparse.Namespace, out: TextIO) -> int:
    data = _data(args)
    for r in data:
        grade = "-" if r.judgment is None else str(r.judgment)
        out.write(f"{r.force.id}\t{r.cycle}\t{r.pillar}\t{grade}\t{r.force.official_name}\n")
    return EXIT_OK


class _Fail(Exception):
    """A failure to report on stderr with exit code 1."""


def build_parser() -> argparse.ArgumentParser:
    from ._version import __version__

    parser = _Parser(
        prog="peel-effectiveness",
        description="PEEL police effectiveness inspection results for England and Wales.",
        epilog="Example: peel-effectiveness show cumbria",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--data", metavar="PATH", help="a data file or folder (default: the bundled data)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    show = sub.add_parser(
        "show",
        help="a force's scorecard",
        description="A force's scorecard: judgments, figures against England and Wales, areas for improvement.",
        epilog="Example: peel-effectiveness show cumbria --cycle 2016",
    )
    show.add_argument("force", help="a force's id, name, short name, GSS code or alias")
    show.add_argument("--cycle", help="the PEEL cycle (default: the latest with a report)")
    show.add_argument("--width", type=int, default=80, help="line width (default: 80)")
    show.set_defaults(func=_cmd_show)

    lst = sub.add_parser(
        "list",
        help="the reports in the data",
        description="One line per report: force id, cycle, pillar, headline grade, force name.",
        epilog="Example: peel-effectiveness list",
    )
    lst.set_defaults(func=_cmd_list)
    return parser


def main(
    argv: Sequence[str] | None = None, *, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    """Run the command line; returns the exit code."""
    from .errors import NotFoundError, PeelDataError

    out = stdout or sys.stdout
    err = stderr or sys.stderr
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:
        return int(e.code or 0)
    try:
        return int(args.func(args, out))
    except PeelDataError as e:
        err.write(f"{e}\n")
        return EXIT_DATA
    except NotFoundError as e:
        err.write(f"peel-effectiveness: {e}\n")
        return EXIT_DATA
    except _Fail as e:
        err.write(f"peel-effectiveness: {e}\n")
        return EXIT_DATA
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
