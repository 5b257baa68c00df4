"""The commands of the command line: each reads its arguments and writes its output."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TextIO

from ._parser import EXIT_OK, PROG

if TYPE_CHECKING:
    from ..errors import Problem
    from ..io._loaded import Loaded
    from ..model.cycles import Cycle, Pillar
    from ..model.dataset import Dataset
    from ..model.force import Force
    from ..model.reports import InspectionReport


class Fail(Exception):
    """A failure reported on standard error with exit code 1."""


def no_reports_of(cycle: Cycle, args: argparse.Namespace) -> Fail:
    """The failure of a command asked about a cycle the data have no report
    of, naming the cycles there are (of the bundle, without reading it)."""
    from ..io.bundled import bundled_cycles

    cycles = _data(args).cycles if getattr(args, "data", None) else bundled_cycles()
    return Fail(f"the data have no {cycle} reports (cycles with reports: {', '.join(map(str, cycles))})")


class Usage(Exception):
    """Bad usage reported on standard error with exit code 2."""


def say(args: argparse.Namespace, message: str) -> None:
    """A message on standard error that ``--quiet`` silences (not an error)."""
    if not getattr(args, "quiet", False):
        args.err.write(message + "\n")


def pillar_of(args: argparse.Namespace, cycle: Cycle) -> Pillar | None:
    """The ``--pillar`` of ``cycle``; naming one the cycle lacks is bad usage."""
    from ..errors import NotFoundError
    from ..model.cycles import resolve_pillar

    try:
        return resolve_pillar(cycle, args.pillar)
    except NotFoundError as e:
        raise Usage(f"--pillar {args.pillar}: {e}") from None


def resolve_forces(args: argparse.Namespace) -> None:
    """Each force named that none of the 43 is, looked up among the forces
    of the files given (``--data``): bad usage, as any unknown name, where
    they have none of that name."""
    from ..errors import NotFoundError
    from ._values import Unresolved

    for option, value in list(vars(args).items()):
        named = value if isinstance(value, list) else [value]
        unresolved = [v for v in named if isinstance(v, Unresolved)]
        if not unresolved:
            continue
        if not args.data:  # no files of the user's: no force of theirs
            raise Usage(f"argument {unresolved[0].said}: {unresolved[0].why}")
        if getattr(args, "mine", None) is None:
            args.mine = _load_mine(args.data)
        found = []
        for v in named:
            try:
                found.append(args.mine.find_force(v.name) if isinstance(v, Unresolved) else v)
            except NotFoundError as e:  # none of that name, or more than one of the data's
                raise Usage(f"argument {v.said}: {e}") from None
        setattr(args, option, found if isinstance(value, list) else found[0])


def force_of(args: argparse.Namespace) -> Force | None:
    """The force named by ``--force`` or the command's first word after it
    (``show cumbria``), which may not be two."""
    named = args.force_named
    if named is not None and args.force is not None and named != args.force:
        raise Usage(f"two forces: {named.short_name} and --force {args.force.short_name}")
    force: Force | None = args.force or named
    return force


def check_question(args: argparse.Namespace, cycle: Cycle, question: str | int) -> None:
    """Bad usage where ``question`` (``--question``) names no question of the
    cycle and pillar: a value that names nothing, as a force that does not
    exist (a question of a cycle the registry does not know in full may be
    the data's own)."""
    from ..analysis._standing import question_key
    from ..errors import NotFoundError

    try:
        question_key(question, cycle, pillar_of(args, cycle))
    except NotFoundError as e:
        raise Usage(str(e)) from None


def _data(args: argparse.Namespace) -> Dataset:
    from ..io.bundled import load_bundled

    return _with_mine(args, load_bundled)


def _part(args: argparse.Namespace, forces: Sequence[Force] = (), cycles: Sequence[Cycle] = ()) -> Dataset:
    """The data a command needs: the reports on ``forces`` or of ``cycles``
    (of the bundle, only those; all of the user's files)."""
    from ..io.bundled import bundled_part

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
        args.mine = _load_mine(args.data)  # read once, though a command may ask twice
    mine: Dataset = args.mine
    if getattr(args, "no_bundled", False):
        return mine
    base = bundled()
    if not getattr(args, "said", False):
        for r in base.replaced_by(mine):
            say(args, f"{PROG}: your {r.title} report on {r.force.short_name} replaces the bundled one")
        for f in dict.fromkeys(s.force for s in mine.stays):
            if base.stays_of(f):
                say(args, f"{PROG}: your stays in Engage of {f.short_name} replace the bundled ones")
        args.said = True
    return base.overlay(mine)


def _load_mine(paths: Sequence[str]) -> Dataset:
    """The reports and stays in Engage of every ``--data`` path, together:
    every problem of every path at once, and a report that two paths both
    hold refused (the Dataset refuses stays of one force that overlap)."""
    import os

    from ..errors import PeelDataError
    from ..io import Limits
    from ..io._loaded import clashes, read_each, together

    problems: list[Problem] = []
    unlisted = 0
    loaded: list[Loaded] = []
    every: list[Loaded] = []  # and what each file with problems could build
    read: set[tuple[int, int]] = set()  # a file named twice, or in a folder named too, is read once
    given: set[str] = set()
    for path in paths:
        real = os.path.realpath(path) if "\0" not in path else path
        if real in given:  # a folder named twice: read (and its warnings given) once
            continue
        given.add(real)
        try:
            theirs, all_theirs, found, more = read_each(path, None, Limits(), read)
        except PeelDataError as e:
            problems += e.problems
            unlisted += e.unlisted
        else:
            loaded += theirs
            every += all_theirs
            problems += found
            unlisted += more
    # Every file right alone can still not go with the others; nor can one
    # with problems, as far as it could be read.
    problems += clashes(every)
    if problems:
        raise PeelDataError(problems, unlisted)
    return together(loaded)


def check_outputs(args: argparse.Namespace) -> None:
    """Refuse, as bad usage, ``--excel`` without CSV, and an output
    (``--output``, ``--package``) that is one of the command's inputs
    (``--data``), or would replace one: by the same name, by another name
    for the same file (a link), as a data file of an input folder, or as a
    folder holding an input."""
    import os

    _excel(args)
    inputs = [p for p in getattr(args, "data", []) if "\0" not in p]
    if inputs:
        from ..io._loaded import read_by_folder
    output = getattr(args, "output", None)
    package = getattr(args, "package", None)
    if package and "\0" not in package:
        folder, here = os.path.realpath(package), os.path.realpath(os.curdir)
        if here == folder or here.startswith(folder.rstrip(os.sep) + os.sep):
            raise Usage(
                f"--package {package} holds the current folder, which replacing it would remove: "
                "name a folder inside it, or elsewhere"
            )
    for given in inputs:
        real = os.path.realpath(given)
        if output and "\0" not in output:
            same = os.path.realpath(output) == real or (
                os.path.exists(output) and os.path.exists(given) and os.path.samefile(output, given)
            )
            # A data file the folder's reading would read, by its real path:
            # the output, or a link to one of them (either way round), is refused.
            inside = os.path.isdir(given) and os.path.realpath(output) in read_by_folder(given)
            if same or inside:
                raise Usage(
                    f"--output {output} is one of the command's inputs (--data {given}): "
                    "writing it would overwrite the data being read; write to another file"
                )
        if package and "\0" not in package:
            folder = os.path.realpath(package)
            if real == folder or real.startswith(folder.rstrip(os.sep) + os.sep):
                raise Usage(
                    f"--package {package} holds the command's input --data {given}: "
                    "writing the package would replace it; write to another folder"
                )


def _select(data: Dataset, args: argparse.Namespace) -> list[InspectionReport]:
    """The reports of ``--force`` and ``--cycle`` (already read as such)."""
    reports = list(data)
    if getattr(args, "force", None) is not None:
        reports = [r for r in reports if r.force == args.force]
    if getattr(args, "cycle", None) is not None:
        reports = [r for r in reports if r.cycle is args.cycle]
    return reports


def left_out(args: argparse.Namespace, data: Dataset, metric: str) -> list[str] | None:
    """What ``--exclude`` leaves out of a ranking of ``metric``: the forces
    named, besides those the reports leave out (Annex A's, 2016), which the
    bands as the reports draw them need; ``None`` without --exclude (the
    reports' alone)."""
    from ..analysis.calculations import reports_leave_out

    if not args.exclude:
        return None
    measuring = data.cycles_measuring(metric)
    cycle = args.cycle or (measuring[-1] if measuring else None)
    return [*(() if cycle is None else reports_leave_out(metric, cycle)), *args.exclude]


def _emit(out: TextIO, rows: list[dict[str, Any]], columns: Sequence[str], args: argparse.Namespace) -> None:
    from ..output._formats import render

    out.write(render(rows, columns, args.format, excel=_excel(args)))


def _excel(args: argparse.Namespace) -> bool:
    """``--excel``, which goes with CSV."""
    if not getattr(args, "excel", False):
        return False
    if args.format != "csv" and not getattr(args, "package", None):
        raise Usage(f"--excel writes CSV for spreadsheets: it goes with --format csv, not {args.format}")
    return True


# --- commands ----------------------------------------------------------------


def cmd_show(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ._render import scorecard, scorecard_markdown

    force = force_of(args)
    if force is None:
        raise Usage("show needs a force: show --force cumbria (or show cumbria)")
    data = _part(args, forces=[force])
    reports = data.for_force(force)
    if not reports:
        have = ", ".join(f.short_name for f in data.forces) or "none"
        raise Fail(f"the data have no report on {force.short_name} (forces with reports: {have})")
    if args.pillar and not args.cycle:
        raise Usage("--pillar needs --cycle: show cumbria --cycle 2016 --pillar legitimacy")
    if args.cycle:
        chosen = [data.report(force, args.cycle, pillar_of(args, args.cycle))]
    else:
        # The whole history, and the full scorecard of each report with figures.
        chosen = [r for r in reversed(reports) if r.measurements or r.outcome_tables]
    # Where no scorecard places the force among all forces, its latest
    # overall grade does (of effectiveness first, the pillar the reports
    # compare figures on).
    placed = None if args.cycle or chosen or args.format == "json" else _latest_overall(reports)
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
    parts = [] if args.cycle else [_history(data, force, args.format, args.width)]
    if placed is not None:
        from ..output._text import as_markdown, wrap
        from ._render import national_line

        said = national_line(placed, data, f"Nationally, its latest overall grade ({placed.title})")
        shown = as_markdown(said) if args.format == "markdown" else "\n".join(wrap(said, args.width))
        parts[0] += f"\n{shown}\n"
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


def _latest_overall(reports: Sequence[InspectionReport]) -> InspectionReport | None:
    """Of a force's reports, the latest with an overall grade (of the
    effectiveness pillar where its cycle has one), or ``None`` (for a force
    not of the 43 too: the national picture is of the 43)."""
    from ..model.cycles import Pillar
    from ..model.force import territorial
    from ..model.grades import Grade

    graded = [r for r in reports if r.judgment is not None and r.judgment.grade.__class__ is Grade]
    if not graded or not territorial(graded[0].force):
        return None
    return max(graded, key=lambda r: (r.cycle, r.pillar is Pillar.EFFECTIVENESS))


def _history(data: Dataset, force: Force, fmt: str, width: int) -> str:
    import re

    from ..analysis._history import history
    from ..analysis.monitoring import latest_move
    from ..model.force import territorial
    from ..output._text import wrap
    from ._history import history_lines
    from ._monitoring import engage_lines

    f = force
    # The data's record of Engage is of the 43: its reach says nothing of a force of your own.
    latest = latest_move(data) if territorial(f) else None
    lines = [*engage_lines(data.stays_of(f), latest, max(width, 60)), ""]
    lines += history_lines(history(data, f), max(width, 60))
    if fmt != "markdown":
        lines = [*wrap(f"{f.official_name} ({f.gss_code}, {f.region}, {f.country})", width), "", *lines]
    else:
        # In a fence longer than any run of backticks the data hold, which
        # would close it.
        fence = "`" * max([3, *(len(run) + 1 for line in lines for run in re.findall("`+", line))])
        lines = [f"# {f.official_name}", "", fence, *lines, fence]
    return "\n".join(line.rstrip() for line in lines) + "\n"


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
    if sqlite and (args.package or args.output in (None, "-") or args.table or args.metric):
        raise Usage("--format sqlite writes every table to one file: --output FILE, no --table or --metric")
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

        say(args, f"wrote {write_sqlite(reports, args.output, data=data)}")
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
        say(args, f"wrote {os.path.join(args.package, 'datapackage.json')}")
        return EXIT_OK
    _, columns, rows = tidy(reports, table, data=data, caller="export")
    if args.metric:
        _known_metrics(data, args.metric)
        rows = [r for r in rows if r["metric"] in args.metric]
    _emit(out, rows, [c.name for c in columns], args)
    return EXIT_OK


def _none_selected(data: Dataset, args: argparse.Namespace) -> Fail:
    """The failure of an export whose --force and --cycle pick no report."""
    if args.cycle is not None and args.cycle not in data.cycles:
        return no_reports_of(args.cycle, args)
    have = ", ".join(map(str, dict.fromkeys(r.cycle for r in data.for_force(args.force)))) or "none"
    during = "" if args.cycle is None else f" {args.cycle}"
    return Fail(
        f"the data have no{during} report on {args.force.short_name} (cycles with its reports: {have})"
    )


def _known_metrics(data: Dataset, keys: Sequence[str]) -> None:
    """Fail on a metric no report in the data has, suggesting close keys."""
    from ..analysis._figures import no_metric_message

    for key in keys:
        if not data.cycles_measuring(key):
            raise Fail(no_metric_message(data, key, None))
