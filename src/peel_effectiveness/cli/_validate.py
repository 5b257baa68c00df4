"""The ``validate`` command: data files checked strictly, alone and together."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, TextIO

from ._commands import Fail, say
from ._parser import EXIT_DATA, EXIT_OK

if TYPE_CHECKING:
    import argparse

    from ..io._loaded import Loaded


def cmd_validate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..errors import PeelDataError
    from ..io import Limits
    from ..io._loaded import clashes, read_files
    from ..output._text import printable

    failed = 0
    loaded: list[Loaded] = []
    read: list[tuple[str, list[Loaded]]] = []  # each path given that could be read, and its files
    for path in args.files:
        name = "<stdin>" if path == "-" else path
        try:
            theirs = read_files(path, None, Limits()) if path != "-" else [_standard_input()]
        except PeelDataError as e:
            failed += 1
            # One line each, whatever a file's name holds (a line break).
            for p in e.problems:
                err.write(f"{printable(str(p))}\n")
            if e.unlisted:
                err.write(f"... and {e.unlisted} more problem{'s' if e.unlisted != 1 else ''}, not listed\n")
        else:
            loaded += theirs
            read.append((name, theirs))
    # Files right alone can still not be loaded together: a file a clash is
    # found in is not said to be ok.
    found = clashes(loaded)
    clashed = {problem.file for problem in found}
    for name, theirs in read:
        if any(one.name in clashed for one in theirs):
            continue
        reports = sum(len(one.reports) for one in theirs)
        stays = sum(len(one.stays) for one in theirs)
        held = f"{reports} report{'s' if reports != 1 else ''}"
        if stays:
            held += f", {stays} stay{'s' if stays != 1 else ''} in Engage"
        say(args, f"{printable(name)}: ok ({held})")
    for problem in found:
        failed += 1
        err.write(f"{printable(str(problem))}\n")
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
