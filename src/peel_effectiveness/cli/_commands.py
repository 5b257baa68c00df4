"""What the commands of the command line share: their failures and
messages, reading their arguments and their data, and writing their output."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TextIO

from ._parser import PROG

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
    cycles = ", ".join(map(str, cycles_held(args)))
    return Fail(f"the data have no {cycle} reports (cycles with reports: {cycles})")


def cycles_held(args: argparse.Namespace) -> tuple[Cycle, ...]:
    """The cycles of the data's reports (of the bundle, without reading it)."""
    from ..io.bundled import bundled_cycles

    return _data(args).cycles if getattr(args, "data", None) else bundled_cycles()


def no_report_on(force: Force, cycle: Cycle | None = None, data: Dataset | None = None) -> Fail:
    """The failure of a command asked about a force the data have no
    report on (of ``cycle``), naming the forces ``data`` has reports on."""
    of = "" if cycle is None else f" of {cycle}"
    have = (
        ""
        if data is None
        else f" (forces with reports: {', '.join(f.short_name for f in data.forces) or 'none'})"
    )
    return Fail(f"the data have no report on {force.short_name}{of}{have}")


class Usage(Exception):
    """Bad usage reported on standard error with exit code 2."""


def say(args: argparse.Namespace, message: str) -> None:
    """A message on standard error that ``--quiet`` silences (not an error)."""
    if not getattr(args, "quiet", False):
        args.err.write(message + "\n")


def said_written(args: argparse.Namespace, path: object) -> None:
    """``wrote PATH``, on one line whatever the path holds (a line break
    in a file's name is escaped, as every message's control characters)."""
    from ..output._text import printable

    say(args, f"wrote {printable(str(path))}")


def note(args: argparse.Namespace, message: str) -> None:
    """A note on standard error, ``--quiet`` silences it: something of the
    output a reader would want to know (a report of yours replacing the
    bundled one), not a failure."""
    say(args, f"{PROG}: note: {message}")


def warning(args: argparse.Namespace, message: str) -> None:
    """A warning on standard error, which ``--quiet`` does not silence:
    the output may not be what was asked for (grades of the bundle's left
    unknown)."""
    args.err.write(f"{PROG}: warning: {message}\n")


def pillar_of(args: argparse.Namespace, cycle: Cycle) -> Pillar | None:
    """The ``--pillar`` of ``cycle``; naming one the cycle lacks is bad usage."""
    from ..errors import NotFoundError
    from ..model.cycles import resolve_pillar

    try:
        return resolve_pillar(cycle, args.pillar)
    except NotFoundError as e:
        hint = ""
        if cycle.integrated and not getattr(args, "cycle", None):  # the latest cycle, by default
            from ..model.cycles import Cycle

            last = [c for c in Cycle if not c.integrated][-1]
            hint = f", or give --cycle {last}, the latest cycle with pillars"
        raise Usage(f"--pillar {args.pillar}: {e}{hint}") from None


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
    from ..model.force import territorial

    # (A force of your own has no bundled report: bundled_part refuses its id.)
    ids = frozenset(f.id for f in forces if territorial(f))
    return _with_mine(args, lambda: bundled_part(ids, frozenset(cycles)))


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
    said = getattr(args, "said", False)  # (a command that asks twice is told once)
    if getattr(args, "no_bundled", False):
        data = mine
    else:
        base = bundled()
        data = base.overlay(mine)
        if not said:
            from ._replaced import say_replaced

            say_replaced(args, base, mine)
    if not said:
        from ._said import say_previous_overruled

        # Your reports against the data's (yours alone with --no-bundled):
        # previous grades stated, and grades carried over, graded otherwise.
        say_previous_overruled(args, data, mine)
        args.said = True
    return data


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
    found, more = clashes(every)
    if problems or found:
        raise PeelDataError(problems + found, unlisted + more)
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
        from ..io._paths import folder_would_read, read_by_folder
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
            if same or (os.path.isdir(given) and os.path.realpath(output) in read_by_folder(given)):
                raise Usage(
                    f"--output {output} is one of the command's inputs (--data {given}): "
                    "writing it would overwrite the data being read; write to another file"
                )
            # A new data file of the folder: the next command given the
            # folder would read it as data too (a report twice, refused).
            if os.path.isdir(given) and folder_would_read(given, output):
                raise Usage(
                    f"--output {output} is in the --data folder {given}, whose reading would read it as "
                    "data next time: write it to another folder"
                )
        if package and "\0" not in package:
            folder = os.path.realpath(package)
            if os.path.isdir(given) and folder in read_by_folder(given):
                raise Usage(
                    f"--package {package} is one of the command's inputs (a data file of --data {given}): "
                    "write the package to another folder"
                )
            if real == folder or real.startswith(folder.rstrip(os.sep) + os.sep):
                raise Usage(
                    f"--package {package} holds the command's input --data {given}: "
                    "writing the package would replace it; write to another folder"
                )
    _named_as_written(args)


def _named_as_written(args: argparse.Namespace) -> None:
    """Refuse, as bad usage, an ``--output`` whose suffix names a format
    other than the one written (see :func:`._options.settle_format`)."""
    import os

    from .._suffixes import NAMED, alone_said, named_by, names_of, suffix_alone
    from ._options import WORDS

    if not hasattr(args, "formats"):
        return
    output = getattr(args, "output", None)
    if not output:
        return
    # The name given, and that of the file a link leads to: a suffix alone is neither.
    alone = next((n for n in names_of(output) if suffix_alone(n)), None)
    if alone is not None:
        raise Usage(f"--output {output}: {alone_said(alone, 'out')}")
    wrong = [(n, f) for n, f in named_by(output) if f != args.format]
    if not wrong:
        return
    name, named = wrong[0]
    if name != args.output:  # the file a link leads to
        said = f"leads to {name}, {WORDS[named]} by its name, and {args.command} writes {WORDS[args.format]}"
        raise Usage(f"--output {args.output} {said}: write to another file, or the file itself")
    if args.format_given:
        said = f"--format {args.format} writes {WORDS[args.format]}, not {WORDS[named]}"
        suffix = next((s for s, f in NAMED.items() if f == args.format), None)
        stem = os.path.splitext(os.path.basename(output))[0]
        fix = f"name it {stem}{suffix}" if suffix else "name it otherwise"
        if named in args.formats:
            fix += f", or give --format {named}"
    else:
        written = [WORDS[f] for f in args.formats]
        said = f"{args.command} writes {', '.join(written[:-1])} or {written[-1]}, not {WORDS[named]}"
        fix = "name a file of one of these"
    if named in ("xlsx", "ods") and "csv" in args.formats and not args.format_given:
        stem = os.path.splitext(os.path.basename(output))[0]
        fix += f" (for a spreadsheet: -o {stem}.csv --excel)"
    raise Usage(f"--output {args.output}: {said}: {fix}")


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
    from ..analysis._exclusions import reports_leave_out
    from ..analysis.rankings import ranked_cycle

    if not args.exclude:
        return None
    cycle = ranked_cycle(data, metric, args.cycle)
    held = {r.force for r in data.for_cycle(cycle) if any(m.key == metric for m in r.measurements)}
    for force in dict.fromkeys(args.exclude):
        if force not in held:  # said, not passed over: the user meant to leave it out
            note(args, f"--exclude {force.short_name}: no {metric} figure of it in {cycle} to leave out")
    return [*reports_leave_out(metric, cycle), *args.exclude]


def _emit(out: TextIO, rows: list[dict[str, Any]], columns: Sequence[str], args: argparse.Namespace) -> None:
    from ..output._formats import render

    out.write(render(rows, columns, args.format, excel=_excel(args)))


def _excel(args: argparse.Namespace) -> bool:
    """``--excel``, which goes with CSV."""
    if not getattr(args, "excel", False):
        return False
    if args.format != "csv" and not getattr(args, "package", None):
        from ._options import format_said

        raise Usage(
            f"--excel writes CSV for spreadsheets: it goes with --format csv, not {format_said(args)}"
        )
    return True


def _known_metrics(data: Dataset, keys: Sequence[str]) -> None:
    """Fail on a metric no report in the data has, suggesting close keys."""
    from ..analysis._figures import no_metric_message

    for key in keys:
        if not data.cycles_measuring(key):
            raise Fail(no_metric_message(data, key, None))
