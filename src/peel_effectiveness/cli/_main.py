"""The ``peel-effectiveness`` command line (also ``python -m peel_effectiveness``).

Data go to standard output (or the file ``--output`` names), messages to
standard error. Exit codes: 0 on success, 1 for bad data or something not
found in the data, 2 for bad usage (an unknown option, a missing one, a
value that is not a cycle or a force...). Every failure is one line on
standard error, never a traceback. Output has no colour or control codes.
The conventions every command follows are in docs/cli.md.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Sequence
from typing import TextIO

from ._parser import EXIT_DATA, EXIT_OK, EXIT_USAGE, PROG, build_parser, command_in, usage_line


def main(
    argv: Sequence[str] | None = None, *, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    """Run the command line and return its exit code.

    Args:
        argv: The arguments (default: ``sys.argv[1:]``).
        stdout: Where data go (default: ``sys.stdout``).
        stderr: Where messages go (default: ``sys.stderr``).
    """
    import warnings

    from ..errors import NotFoundError, PeelDataError, PeelError, PeelWarning
    from ._commands import Fail, Usage

    out = stdout or sys.stdout
    err = stderr or sys.stderr
    parser = build_parser(command_in(sys.argv[1:] if argv is None else argv))
    saved = sys.stdout, sys.stderr
    try:
        # argparse prints help and usage errors itself: route them too.
        sys.stdout, sys.stderr = out, err
        try:
            args = parser.parse_args(argv)
        except SystemExit as e:
            return e.code if isinstance(e.code, int) else EXIT_USAGE
    finally:
        sys.stdout, sys.stderr = saved

    def one_line(message: Warning | str, category: type[Warning], *_: object, **__: object) -> None:
        err.write(f"{PROG}: warning: {message}\n")

    # A data command's --output is written only once the command has run.
    to_file = args.command != "plot" and getattr(args, "output", None)
    buffer = io.StringIO()
    try:
        with warnings.catch_warnings():
            # What the data could not be checked against: one line, no source line.
            warnings.simplefilter("always", PeelWarning)
            warnings.showwarning = one_line
            args.err = err  # for what the commands say on the way
            code = int(args.func(args, buffer if to_file else out, err))
        if to_file:
            with open(args.output, "w", encoding="utf-8", newline="") as f:
                f.write(buffer.getvalue())
        return code
    except Usage as e:
        err.write(usage_line(f"{PROG} {args.command}", str(e)))
        return EXIT_USAGE
    except PeelDataError as e:
        err.write(f"{e}\n")
        return EXIT_DATA
    except (NotFoundError, Fail) as e:
        err.write(f"{PROG}: {e}\n")
        return EXIT_DATA
    except PeelError as e:  # a missing extra, for one
        err.write(f"{PROG}: {e}\n")
        return EXIT_DATA
    except BrokenPipeError:
        # The reader went away (``| head``): not an error. Point stdout at
        # devnull so the interpreter's final flush does not complain.
        if out is sys.__stdout__:
            import os

            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.__stdout__.fileno())
        return EXIT_OK
    except OSError as e:  # a file or folder that cannot be read or written
        where = f" {e.filename}" if e.filename else ""
        err.write(f"{PROG}: cannot use{where}: {e.strerror or e}\n")
        return EXIT_DATA
