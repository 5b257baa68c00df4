"""The ``peel-effectiveness`` command line (also ``python -m peel_effectiveness``).

Data go to standard output (or the file ``--output`` names), messages to
standard error. Exit codes: 0 on success, 1 for bad data or something not
found in the data, 2 for bad usage (an unknown option, a missing one, a
value that is not a cycle or a force...), 130 when interrupted (Ctrl-C).
Every failure is one line on standard error, never a traceback. Output has
no colour or control codes: those in the data are shown as escapes. The
conventions every command follows are in docs/cli.md.

A command runs whole before anything is written: its output and messages
are gathered, then written (a file ``--output`` names, or a folder
``--package`` names, is made beside its place and moved in when complete),
so a command that fails writes nothing but its one line of error.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TextIO

from ._parser import (
    EXIT_DATA,
    EXIT_INTERRUPTED,
    EXIT_USAGE,
    PROG,
    build_parser,
    command_in,
    usage_line,
)

if TYPE_CHECKING:
    import argparse


def main(
    argv: Sequence[str] | None = None, *, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    """Run the command line and return its exit code.

    Args:
        argv: The arguments (default: ``sys.argv[1:]``).
        stdout: Where data go (default: ``sys.stdout``).
        stderr: Where messages go (default: ``sys.stderr``).
    """
    from .._files import give_back, interrupt_after_writing, stop_handlers

    out = stdout if stdout is not None else sys.stdout  # None: closed
    err = stderr if stderr is not None else sys.stderr
    # A command is done once its file is in place: a Ctrl-C (or SIGTERM,
    # SIGHUP) after that is too late to stop it, and is not answered
    # "interrupted" (see _files).
    after_writing = interrupt_after_writing.set(False)
    handlers = stop_handlers()
    try:
        return _main(sys.argv[1:] if argv is None else list(argv), out, err)
    except KeyboardInterrupt:
        _write_err(err, f"{PROG}: interrupted\n")
        return EXIT_INTERRUPTED
    finally:
        interrupt_after_writing.reset(after_writing)
        give_back(handlers)


def _main(argv: list[str], out: TextIO | None, err: TextIO | None) -> int:
    import warnings

    from ..errors import PeelWarning
    from ._options import settle_format

    if not argv:
        argv = ["--help"]  # alone: the list of commands, not an error
    parser = build_parser(command_in(argv))
    # argparse prints help and usage errors itself: gather them, to be
    # written as all output is.
    said, complained = io.StringIO(), io.StringIO()
    saved = sys.stdout, sys.stderr
    try:
        sys.stdout, sys.stderr = said, complained
        try:
            args, extras = parser.parse_known_args(argv)
            extras = _force_left_over(args, extras)
            if extras:
                # Said by the command's own parser, as its other usage errors are.
                from ..model._messages import first_of, shorten_repr

                # Each cut as a value argparse quotes is, and the first few.
                shown = [x if x.isprintable() and len(x) <= 60 else shorten_repr(x) for x in extras]
                (getattr(args, "command_parser", None) or parser).error(
                    f"unrecognized arguments: {first_of(shown, 5)}"
                )
        except SystemExit as e:
            code = e.code if isinstance(e.code, int) else EXIT_USAGE
            if said.getvalue():
                code = _write_out(out, err, said.getvalue(), "text") or code
            _write_err(err, complained.getvalue())
            return code
    finally:
        sys.stdout, sys.stderr = saved
    args.data = [*getattr(args, "data_before", []), *getattr(args, "data", [])]
    # The format first: one an --output's suffix names (x.db) may be a file
    # written whole (a database), which standard output cannot be.
    settle_format(args)
    streams = _streams_named(args, out, err)
    if streams is not None:
        _write_err(err, streams)
        return EXIT_USAGE
    kind = {"csv": "csv", "json": "json", "jsonl": "json"}.get(getattr(args, "format", ""), "text")
    writes_own = _writes_own(args)
    if not writes_own and getattr(args, "output", None) == "-":
        args.output = None  # "-o -": standard output, as the usage of most tools has it
    output = args.output if not writes_own and getattr(args, "output", None) else None
    if getattr(args, "through_stdout", False):
        output = None  # the file standard output is: named as given, written through the stream
    data_out, messages = io.StringIO(), io.StringIO()
    args.err = messages  # for what the commands say on the way
    from ._commands import warning

    def one_line(message: Warning | str, category: type[Warning], *_: object, **__: object) -> None:
        warning(args, str(message))  # as the commands' own warnings are said

    with warnings.catch_warnings():
        # What the data could not be checked against: one line, no source
        # line; said, as every message, only if the command succeeds (a
        # failure is one line: its error).
        warnings.simplefilter("always", PeelWarning)
        warnings.showwarning = one_line
        from ..output._text import terminal_encoding

        # Text for standard output is laid out for its encoding, which
        # may not hold every character (see _encodable); a file is UTF-8.
        laid_out = terminal_encoding.set(None if output or kind != "text" else _narrow(out))
        try:
            failed = _run(args, data_out, messages)
        finally:
            terminal_encoding.reset(laid_out)
    if failed is not None:
        _write_err(err, failed[1])
        return failed[0]
    code = args.code
    text = data_out.getvalue()
    if output:
        problem = _write_file(output, text, kind)
        if problem is not None:
            _write_err(err, problem)
            return EXIT_DATA
        from ._commands import said_written

        said_written(args, output)  # as a database, a package and a chart say it
    elif text:
        code = _write_out(out, err, text, kind) or code
    _write_err(err, messages.getvalue())
    return code


def _force_left_over(args: argparse.Namespace, extras: list[str]) -> list[str]:
    """The arguments argparse left over, but a force named after the options
    of a command that takes another word first (plot compare --cycle 2016
    cumbria, or ... -- cumbria): argparse gives a command's words their
    places where the first of them stands, and left the force over. (Its
    way of reading words among options, parse_intermixed_args, reads
    options after "--".)"""
    words = extras[1:] if extras[:1] == ["--"] else extras
    if not words or words[0].startswith("-") or getattr(args, "force_named", "") is not None:
        return extras
    import argparse

    from ._options import NAMED_FORCE, read_named_force

    try:
        args.force_named = read_named_force(words[0])
    except argparse.ArgumentTypeError as e:
        args.command_parser.error(f"argument {NAMED_FORCE}: {e}")
    return words[1:]  # said as left over (after "--", "-o x.png" is two words)


def _run(args: argparse.Namespace, out: io.StringIO, err: io.StringIO) -> tuple[int, str] | None:
    """Run the command; ``None`` if it ran (its exit code in ``args.code``),
    else the exit code and the line that says why not."""
    from ..errors import NotFoundError, PeelDataError, PeelError
    from ._commands import Fail, Usage, check_outputs, resolve_forces

    try:
        resolve_forces(args)
        check_outputs(args)
        args.code = int(args.func(args, out, err))
        return None
    except Usage as e:
        return EXIT_USAGE, usage_line(f"{PROG} {args.command}", _one_line(str(e)))
    except PeelDataError as e:
        # A data file's problems as file:line: field: message; any other
        # (a value the library refused) named as the command's.
        lines = [_one_line(str(p) if p.file else f"{PROG}: {p}") for p in e.problems]
        if e.unlisted:
            lines.append(f"... and {e.unlisted} more problem{'s' if e.unlisted != 1 else ''}, not listed")
        return EXIT_DATA, "".join(f"{line}\n" for line in lines)
    except (NotFoundError, Fail, PeelError) as e:  # PeelError: a missing extra, for one
        return EXIT_DATA, f"{PROG}: {_one_line(str(e))}\n"
    except OSError as e:  # a file or folder that cannot be read or written
        return EXIT_DATA, f"{PROG}: {_cannot(e)}\n"
    except RecursionError:
        return EXIT_DATA, f"{PROG}: the data are nested too deeply to be handled\n"
    except MemoryError:
        return EXIT_DATA, f"{PROG}: out of memory\n"
    except Exception as e:  # noqa: BLE001 - the promise: one line, never a traceback
        return (
            EXIT_DATA,
            f"{PROG}: internal error, please report it: {type(e).__name__}: {_one_line(str(e))}\n",
        )


def _cannot(e: OSError) -> str:
    where = f" {e.filename}" if e.filename else ""
    return _one_line(f"cannot use{where}: {e.strerror or e}")


def _one_line(text: str) -> str:
    from ..output._text import printable

    return printable(text)


def _safe(text: str, kind: str, *, terminal: bool) -> str:
    """Output as it may be written: text for people with every control
    character escaped; JSON with those JSON allows as they are written as
    ``\\u`` escapes (the same values); CSV as it is, but for a terminal."""
    from ..output._text import json_safe, printable, printable_csv

    if kind == "json":
        return json_safe(text)
    if kind == "csv":
        return printable_csv(text) if terminal else text
    return printable(text, lines=True)


def _narrow(stream: Any) -> str | None:
    """The encoding of ``stream`` where it cannot hold every character
    (ASCII, Latin-1, cp1252), else ``None``."""
    import codecs

    encoding = getattr(stream, "encoding", None)
    if not encoding:
        return None
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return None
    return None if name.startswith(("utf-", "utf_")) else name


def _encodable(text: str, stream: Any, kind: str = "text") -> str:
    """``text`` with what the stream's encoding cannot hold (an en dash on
    an ASCII terminal) written as a backslash escape: in JSON, JSON's own
    (``\u2013``, a pair of them beyond U+FFFF), which reads back as the same
    text, where Python's (``\U0001f600``) would not be JSON."""
    encoding = getattr(stream, "encoding", None)
    if not encoding or text.isascii():
        return text
    try:
        text.encode(encoding)
        return text
    except LookupError:
        return text
    except UnicodeEncodeError:
        if kind != "json":
            from ..output._text import as_encoded

            return as_encoded(text, encoding)
        import json
        import re

        # Only a JSON string can hold a character beyond ASCII.
        def escaped(found: re.Match[str]) -> str:
            c = found.group()
            try:
                c.encode(encoding)
            except UnicodeEncodeError:
                return json.dumps(c)[1:-1]
            return c

        return re.sub(r"[^\x00-\x7f]", escaped, text)


def _write_out(out: TextIO | None, err: TextIO | None, text: str, kind: str) -> int | None:
    """Write to standard output; ``None`` if it went, else the exit code."""
    if out is None:
        _write_err(err, f"{PROG}: standard output is closed: write to a file with --output FILE\n")
        return EXIT_DATA
    try:
        terminal = out.isatty()
    except (OSError, ValueError):
        terminal = False
    text = _safe(text, kind, terminal=terminal)
    buffer = getattr(out, "buffer", None)
    # CSV (a spreadsheet's, --excel, with its byte-order mark) and JSON are
    # UTF-8: into a file or a pipe they go as UTF-8 whatever the stream's
    # own encoding (cp1252 on Windows, where "> x.json" is how many write a
    # file); the rest as the stream can hold it.
    utf_8 = buffer is not None and kind != "text" and not terminal
    written = text if utf_8 else _encodable(text, out, kind)
    try:
        if buffer is None:  # a stream of text alone (a test's, a script's)
            out.write(written)
            out.flush()
        else:
            if utf_8:
                data = text.encode("utf-8", "backslashreplace")
            else:
                import os

                # As the stream would write it: its encoding, its line ends.
                encoding = getattr(out, "encoding", None) or "utf-8"
                data = written.replace("\n", os.linesep).encode(encoding, "backslashreplace")
            out.flush()
            _all_written(buffer, data)
    except BrokenPipeError:
        # The reader went away (``| head``): not an error.
        _silence(out)
        return None
    except (OSError, ValueError) as e:  # a full disk, a closed file
        _silence(out)
        why = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
        _write_err(err, f"{PROG}: cannot write to standard output: {_one_line(why)}\n")
        return EXIT_DATA
    if kind == "csv" and written != text:
        # Said, as CSV has no escapes: the data written are not the data.
        encoding = getattr(out, "encoding", None)
        _write_err(
            err,
            f"{PROG}: warning: characters {encoding} cannot hold are written as backslash escapes; "
            "--output FILE writes UTF-8\n",
        )
    return None


def _all_written(buffer: Any, data: bytes) -> None:
    """Every byte of ``data`` written to ``buffer``, or ``OSError``: a
    buffered write may take only part of what it is given (into a file
    grown to the size it may have, with the rest refused only on the next
    write), and the rest would be lost without a word."""
    view = memoryview(data)
    while view:
        n = buffer.write(view)
        if not n:
            import errno

            raise OSError(errno.EIO, "nothing more could be written")
        view = view[n:]
    buffer.flush()


def _silence(stream: Any) -> None:
    """Point the interpreter's standard output at nothing, so that its last
    flush, of what could not be written, does not complain."""
    import contextlib
    import os

    if stream is sys.__stdout__ and stream is not None:
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), stream.fileno())


def _writes_own(args: argparse.Namespace) -> bool:
    """Whether the command writes its own file: a chart, a database."""
    return args.command == "plot" or getattr(args, "format", None) == "sqlite"


def _streams_named(args: argparse.Namespace, out: TextIO | None, err: TextIO | None) -> str | None:
    """``--output`` naming a standard stream: ``/dev/stdout`` is ``-o -``,
    and the file standard output already is (``-o n.csv > n.csv``) is
    written through it, where the shell shares its place (a file of its own
    would replace or write over what the shell writes before and after);
    standard error, where messages go, is refused (the line that says so).
    A chart and a database write their own file, and a device (``/dev/null``)
    is written as it is; a database is no stream's, and standard output
    (``-o -``, by name or as the file it is) is refused it, as ``-o -`` is:
    it is read to be told from a database of your own, which a pipe would
    wait for, and written whole, which ``>>`` would not keep."""
    from .._files import names_descriptor, writes_to

    output = getattr(args, "output", None)
    if output in (None, "-"):
        return None
    # By name first: on a terminal, or after 2>&1, the two are one file.
    named = names_descriptor(output)
    if named == 2 or writes_to(output, err):
        # A chart or a database is written to a file, never to standard output.
        to = "a file" if _writes_own(args) else "standard output (-o -) or a file"
        why = f"--output {output} is standard error, where messages go: write to {to}"
        return usage_line(f"{PROG} {args.command}", why)
    if _writes_own(args):
        if getattr(args, "format", None) == "sqlite" and (named == 1 or writes_to(output, out)):
            why = f"--output {output} is standard output: a database is written to a file of its own (--output FILE)"
            return usage_line(f"{PROG} {args.command}", why)
        return None
    if named == 1:
        args.output = "-"  # closed too: said as "-o -" says it
    elif writes_to(output, out):
        args.through_stdout = True  # its name still says its format
    return None


def _write_file(path: str, text: str, kind: str) -> str | None:
    """Write a data file, UTF-8, whole or not at all; ``None`` if written,
    else the line that says why not."""
    from .._files import is_terminal, write_file

    try:
        # A terminal named as a file (/dev/tty) is read by a person: its
        # control codes are escaped, as on standard output.
        safe = _safe(text, kind, terminal=is_terminal(path))
        write_file(path, safe.encode("utf-8", "backslashreplace"))
    except OSError as e:
        return f"{PROG}: {_cannot(e)}\n"
    return None


def _write_err(err: TextIO | None, text: str) -> None:
    """Messages, each line with its control characters escaped; nothing if
    standard error is closed."""
    from ..output._text import printable

    if err is None or not text:
        return
    try:
        err.write(_encodable(printable(text, lines=True), err))
        err.flush()
    except (OSError, ValueError):
        pass
