"""The ``export`` command: the tidy tables, a data package or an SQLite
database of them all."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, TextIO

from .._files import is_terminal
from ..model._messages import counted
from ._commands import (
    Fail,
    Usage,
    _data,
    _emit,
    _excel,
    _known_metrics,
    _select,
    no_reports_of,
    note,
    said_written,
)
from ._options import format_said
from ._parser import EXIT_OK

if TYPE_CHECKING:
    from ..model.dataset import Dataset


def cmd_export(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..model.dataset import Dataset
    from ..output.columns import Table
    from ..output.records import tidy

    table: Table = args.table or "measurements"
    if args.metric and table != "measurements":
        raise Usage(f"--metric picks figures: it goes with --table measurements, not {table}")
    if args.package and args.output:
        raise Usage("--package writes a folder of files; --output one file: choose one")
    sqlite = args.format == "sqlite"
    given = [
        o for o, v in (("--table", args.table), ("--metric", args.metric), ("--package", args.package)) if v
    ]
    if sqlite and (given or args.output in (None, "-")):
        # What is wrong, of what was given: -o - alone is no --table.
        wants = [f"no {' or '.join(given)}"] if given else []
        if args.output in (None, "-"):
            wants.insert(0, "--output FILE" + (", not standard output" if args.output == "-" else ""))
        raise Usage(f"{format_said(args)} writes every table to one file: {'; '.join(wants)}")
    if sqlite and is_terminal(args.output):
        raise Usage(f"--output {args.output} is a terminal: a database is written to a file")
    if args.package and (args.table or args.metric or args.format != "csv"):
        # Each would be ignored: the package is every table, whole, as CSV.
        raise Usage("--package writes every table, whole, as CSV: no --table, --metric or --format")
    if table == "monitoring" and args.cycle is not None:
        raise Usage(
            "a stay in Engage belongs to no cycle: --table monitoring takes --force, not --cycle "
            f"(who was in Engage when the {args.cycle} reports came out: monitoring --cycle {args.cycle})"
        )
    excel = _excel(args)
    data = _data(args)
    # The reports of --force and --cycle, and every stay in Engage loaded
    # (of --force): a stay belongs to no cycle, and needs no report.
    stays = data.stays if args.force is None else data.stays_of(args.force)
    reports = Dataset(tuple(_select(data, args)), stays)
    # Nothing to export is no success: a scheduled export would write an
    # empty table over a full one. (The forces table is always the 43, and
    # a force's stays are its own: none is an answer, never in Engage.)
    every = sqlite or args.package
    picked = reports.reports or (every and args.cycle is None and reports.stays)
    if (
        (args.force is not None or args.cycle is not None)
        and table not in ("forces", "monitoring")
        and not picked
    ):
        raise _none_selected(data, args)
    if sqlite:
        from ..output.sqlite import write_sqlite

        said_written(args, write_sqlite(reports, args.output, data=data))
        return EXIT_OK
    if args.package:
        import os

        from .._files import replace_folder
        from ..output.package import PACKAGE_FILES, write_package

        # Made beside its place and moved in whole: a failure leaves the old one.
        replace_folder(
            args.package,
            lambda folder: write_package(reports, folder, data=data, excel=excel),
            allowed=PACKAGE_FILES,
            what="a data package",
        )
        said_written(args, os.path.join(args.package, "datapackage.json"))
        return EXIT_OK
    if table == "forces" and (args.force is not None or args.cycle is not None):
        # Not silently: the table is every force, whatever was picked.
        note(
            args,
            "the forces table is every force, the table the others join to: --force and --cycle pick none of its rows",
        )
    _, columns, rows = tidy(reports, table, data=data, caller="export")
    if table == "grid" and args.force is not None:
        # A force's reports that are all its cycle's (the only force the data
        # hold of 2014) are a choice of that cycle to the grid too: the
        # force's rows, as asked.
        rows = [r for r in rows if r["force"] == args.force.id]
    if args.metric:
        _known_metrics(data, args.metric)
        rows = [r for r in rows if r["metric"] in args.metric]
    if table == "grid":
        # A cycle's pillars the data lack: no column of the grid, or (of a
        # grid of several cycles) unknown in each of its rows: said, either way.
        from ..model.force import territorial
        from ..output._chart_words import pillars_lacking
        from ._said import say_sentence

        # Said of the data's record of the 43 (not of a force of your own).
        in_table = {r.pillar for r in reports.reports if r.pillar is not None}
        for cycle in reports.cycles if args.force is None or territorial(args.force) else ():
            lacking = pillars_lacking(data, cycle, in_table)
            if lacking:
                say_sentence(args, lacking)
    # Not silently: a header alone reads as a table that lost its rows.
    empty = None
    if not rows and table in _ROWS_ARE:
        of = f" of {', '.join(args.metric)}" if args.metric else ""
        n = len(reports.reports)
        empty = f"the {counted(n, 'report')} chosen {'has' if n == 1 else 'have'} no {_ROWS_ARE[table]}{of}"
    elif not rows and table == "monitoring":
        empty = "the data hold no stay in Engage" + (f" of {args.force.short_name}" if args.force else "")
    if empty is not None:
        import warnings

        from ..errors import PeelWarning

        warnings.warn(f"{empty}: the table has no rows", PeelWarning, stacklevel=1)
    _emit(out, rows, [c.name for c in columns], args)
    return EXIT_OK


# What each table of the reports' rows holds, for a table that has none.
_ROWS_ARE = {
    "measurements": "figures",
    "outcomes": "outcome tables",
    "other_grades": "other grades (revised or disputed)",
    "judgments": "judgments",
    "grid": "judgments",
}


def _none_selected(data: Dataset, args: argparse.Namespace) -> Fail:
    """The failure of an export whose --force and --cycle pick no report."""
    if args.cycle is not None and args.cycle not in data.cycles:
        return no_reports_of(args.cycle, args)
    have = ", ".join(map(str, dict.fromkeys(r.cycle for r in data.for_force(args.force)))) or "none"
    during = "" if args.cycle is None else f" {args.cycle}"
    return Fail(
        f"the data have no{during} report on {args.force.short_name} (cycles with its reports: {have})"
    )
