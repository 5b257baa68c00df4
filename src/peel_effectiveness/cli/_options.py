"""The options every command spells the same way, each declared once so
that it has the same name, meaning and reading in each command (see
docs/cli.md): a force is ``--force``, a cycle ``--cycle``, a metric
``--metric`` (repeatable), output ``--format`` and ``--output``. Values are
read while the arguments are parsed, so a cycle that does not exist is bad
usage (exit 2)."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

from ._values import force_reader, read_as, read_cycle, read_path, read_period


class Once(argparse.Action):
    """An option that takes one value, given once (each such option of the
    parser is one): given twice (``--cycle 2016 --cycle 2017``), argparse
    kept the last without a word, and the first was lost."""

    def __call__(self, parser: Any, namespace: argparse.Namespace, values: Any, option: Any = None) -> None:
        # (Kept on the namespace: what one reading of the arguments was given.)
        given = namespace.__dict__.setdefault("_given_once", set())
        if self.dest in given:
            raise argparse.ArgumentError(self, "given twice: give it once")
        given.add(self.dest)
        setattr(namespace, self.dest, values)


def read_option(p: Any, what: str, reader: Any, help: str) -> None:
    """``--what``, read by the library's own reader: a value it refuses is bad usage."""
    p.add_argument(f"--{what}", type=read_as(reader, what), metavar=what.upper(), help=help)


# The force as a word after the command's others: its name in messages and
# its reader, which cli/_main takes again where argparse leaves it over.
NAMED_FORCE = "FORCE"
read_named_force = force_reader(NAMED_FORCE)


def force_option(p: Any, help: str, named: str | None = None) -> None:
    """``--force``, and, with ``named``, the force as a word after the
    command's others (``show cumbria``: see _commands.force_of)."""
    if named is not None:
        p.add_argument("force_named", nargs="?", type=read_named_force, metavar=NAMED_FORCE, help=named)
    p.add_argument(
        "--force",
        type=force_reader("--force"),
        metavar="FORCE",
        help=f"{help}: an id, name, short name, GSS code or alias ('Avon & Somerset')",
    )


def cycle_option(p: Any, help: str = "the PEEL cycle (default: the latest in the data)") -> None:
    read_option(p, "cycle", read_cycle, f"{help}: 2016, 2018/19...")


def period_option(p: Any, help: str) -> None:
    read_option(p, "period", read_period, f"{help}: '12 months to 30 June 2016', 'as at 31 March 2016'...")


def pillar_option(p: Any, help: str = "up to 2018/19: the pillar (default: effectiveness)") -> None:
    from ..model.cycles import Pillar

    pillars = [x.value for x in Pillar]
    p.add_argument(
        "--pillar", type=str.lower, choices=pillars, metavar="PILLAR", help=f"{help}: {', '.join(pillars)}"
    )


def metric_option(p: Any, help: str) -> None:
    p.add_argument("--metric", action="append", default=[], metavar="KEY", help=f"{help} (repeatable)")


def exclude_option(p: Any) -> None:
    p.add_argument(
        "--exclude",
        action="append",
        default=[],
        type=force_reader("--exclude"),
        metavar="FORCE",
        help="leave a force out of the ranking, besides those the reports leave out (for 2016, Annex A's); repeatable",
    )


def formats_option(p: Any, choices: Sequence[str], default: str) -> None:
    p.add_argument(
        "--format",
        type=str.lower,  # CSV as well as csv, as a force or a cycle is read in any case
        choices=choices,
        metavar="FORMAT",
        help=f"output format: {', '.join(choices)} (default: the one the --output file's "
        f"suffix names, else {default})",
    )
    p.set_defaults(formats=tuple(choices), default_format=default)


# The formats an output file's name may say (see _suffixes.NAMED), in the
# words a message uses. A name that says one format is never given another:
# "k.csv" holding JSON is read as CSV by whoever opens it.
WORDS = {
    "table": "a text table", "csv": "CSV", "json": "JSON", "jsonl": "JSON lines", "markdown": "Markdown",
    "sqlite": "an SQLite database", "png": "a PNG chart", "svg": "an SVG chart", "yaml": "a YAML data file",
    "xlsx": "an Excel workbook", "ods": "an OpenDocument spreadsheet", "tsv": "tab-separated values",
    "parquet": "Parquet", "pdf": "a PDF chart", "html": "HTML", "xml": "XML", "compressed": "a compressed file or an archive",
}  # fmt: skip


def format_said(args: Any) -> str:
    """``--format`` in a message: as given, as a name chose it, or the default."""
    said = f"--format {args.format}"
    if getattr(args, "format_given", True):
        return said
    chosen_by = getattr(args, "format_chosen_by", None)
    return f"{said} (which the name {chosen_by} chose)" if chosen_by else f"{said} (the default)"


def settle_format(args: Any) -> None:
    """``--format`` as given, else the one the ``--output`` file's suffix
    names if the command writes it, else the command's default (the suffix
    is checked against the format with the other outputs' checks)."""
    if not hasattr(args, "formats"):
        return  # a command without formats (plot writes what its file's suffix says)
    args.format_given = args.format is not None
    args.format_chosen_by = None
    if args.format is None:
        from .._suffixes import named_by

        output = getattr(args, "output", None)
        named = [(n, f) for n, f in (named_by(output) if output else []) if f in args.formats]
        args.format_chosen_by, args.format = named[0] if named else (None, args.default_format)


def table_option(p: Any) -> None:
    if isinstance(p, Skipped):
        return  # another command's: the tables' module is not imported
    from ..output._text import joined
    from ..output.columns import DATA_TABLES

    p.add_argument(
        "--table",
        type=str.lower,
        choices=DATA_TABLES,
        metavar="TABLE",
        help=f"{joined(DATA_TABLES, 'or')}: "
        "the 43 forces, figures, judgments, the grades a judgment records beside its own "
        "(revised or disputed), the rows of the outcome tables, one row "
        "per force and cycle with a column per judgment, or the stays in Engage (default: "
        "measurements); the national rows come from 'national --format csv'",
    )


def output_option(p: Any, help: str = "write to this file, or '-' for standard output (the default)") -> None:
    p.add_argument(
        "-o",
        "--output",
        type=read_path,
        metavar="FILE",
        help=f"{help} (written whole when the command succeeds, or left as it was)",
    )


def excel_option(p: Any) -> None:
    p.add_argument(
        "--excel",
        action="store_true",
        help="with --format csv: CSV for spreadsheets: a UTF-8 byte-order mark, and text a spreadsheet "
        "would run as a formula (=, +, -, @...) behind a single quote",
    )


def row_outputs(p: Any) -> None:
    """The options of a command that writes rows: --format, --excel, --output."""
    if isinstance(p, Skipped):
        return  # the formats' module is not imported for a command that has none
    from ..output._formats import FORMATS

    formats_option(p, FORMATS, "table")
    excel_option(p)
    output_option(p)


class Skipped:
    """Stands in for the parser of a command that is not being run."""

    def add_argument(self, *args: Any, **kwargs: Any) -> None:
        pass

    def set_defaults(self, **kwargs: Any) -> None:
        pass
