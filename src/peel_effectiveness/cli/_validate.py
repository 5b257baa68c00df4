"""The ``validate`` command: data files checked strictly, alone and together."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, TextIO

from ._commands import Fail, Usage, say
from ._parser import EXIT_DATA, EXIT_OK

if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence

    from ..errors import Problem
    from ..io._loaded import Loaded


def cmd_validate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..errors import PeelDataError
    from ..io import Limits
    from ..io._loaded import clashes, partly_loaded, read_each
    from ..output._text import printable

    if getattr(args, "data", None) or getattr(args, "no_bundled", False):
        # They add files to the data the other commands read; validate reads
        # no data but the files it checks, and would say nothing of theirs.
        given = [o for o, a in (("--data", "data"), ("--no-bundled", "no_bundled")) if getattr(args, a, None)]
        raise Usage(
            f"validate checks the files named after it, and reads no other data: drop {' and '.join(given)}"
        )
    if not args.files:
        raise Usage("validate needs the data files or folders to check: validate FILE [FILE ...]")
    failed = 0
    every: list[Loaded] = []  # what each file holds, or could build where it has problems
    files: set[tuple[int, int]] = (
        set()
    )  # a file named twice, or in a folder named too, is read once (as --data)
    # Each path given: its name, its problems, how many went unlisted, and
    # what its files right alone hold; and the path each file was read for.
    paths: list[tuple[str, list[Problem], int, list[Loaded]]] = []
    path_of: dict[str | None, int] = {}
    # Standard input is read once, as a file named twice is.
    stdin = args.files.index("-") if "-" in args.files else None
    for i, path in enumerate(args.files):
        name = "<stdin>" if path == "-" else path
        theirs: list[Loaded] = []
        read: list[Loaded] = []
        problems: Sequence[Problem] = ()
        unlisted = 0
        try:
            if path == "-":
                theirs = read = [_standard_input()] if i == stdin else []  # read once: answered below
            else:
                theirs, read, problems, unlisted = read_each(path, None, Limits(), files)
        except PeelDataError as e:
            could = partly_loaded(e)
            read = [] if could is None else [could]
            problems, unlisted = e.problems, e.unlisted
        every += read
        for file in [*(one.name for one in read), *(p.file for p in problems)]:
            path_of.setdefault(file, len(paths))
        paths.append((name, list(problems), unlisted, theirs))
    # Files right alone can still not be loaded together, nor with what a
    # file with problems could be read as: each clash is said with the
    # problems of the path its file was read for, and that path is not ok.
    found, more = clashes(every)
    for problem in found:
        paths[path_of.get(problem.file, len(paths) - 1)][1].append(problem)
    if more:  # counted with the last path a clash listed is said of
        n = path_of.get(found[-1].file, len(paths) - 1)
        paths[n] = (*paths[n][:2], paths[n][2] + more, paths[n][3])
    for name, problems, unlisted, theirs in paths:
        if problems:
            failed += 1
            # In order of file and line, one line each, whatever a file's name holds (a line break).
            for p in PeelDataError(problems).problems:
                err.write(f"{printable(str(p))}\n")
            if unlisted:
                err.write(f"... and {unlisted} more problem{'s' if unlisted != 1 else ''}, not listed\n")
        elif theirs:
            reports = sum(len(one.reports) for one in theirs)
            stays = sum(len(one.stays) for one in theirs)
            held = f"{reports} report{'s' if reports != 1 else ''}"
            if stays:
                held += f", {stays} stay{'s' if stays != 1 else ''} in Engage"
            say(args, f"{printable(name)}: ok ({held})")
        else:  # one answer for each path named, though its files were checked for another
            say(args, f"{printable(name)}: read already, for a path named before it (said above)")
    if not failed and every:
        from ..model.dataset import Dataset
        from ._said import say_previous_overruled

        # What every other command warns of, the files read with them: a
        # previous grade stated, or one carried over, that their own earlier
        # report grades otherwise (not wrong alone, the two disagree).
        together = Dataset(
            tuple(r for one in every for r in one.reports), tuple(s for one in every for s in one.stays)
        )
        say_previous_overruled(args, together, together)
    return EXIT_DATA if failed else EXIT_OK


def _standard_input() -> Loaded:
    """What standard input holds, its problems named ``<stdin>``."""
    from ..io import Limits
    from ..io._loaded import read_given

    stream = sys.stdin
    if stream is None:
        raise Fail("cannot read standard input: it is closed")
    try:
        raw = stream.buffer.read(Limits().max_bytes + 1) if hasattr(stream, "buffer") else stream.read()
    except (OSError, ValueError) as e:  # unreadable, or closed
        why = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
        raise Fail(f"cannot read standard input: {why}") from None
    return read_given(
        raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else raw, "<stdin>", None, Limits()
    )
