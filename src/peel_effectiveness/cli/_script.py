"""The ``peel-effectiveness`` program and ``python -m peel_effectiveness``.

Apart from :mod:`._main` so that the program holds the garbage collector back
before anything of the command is imported: nothing imported on the way here
(the package's ``__init__``, this one) imports more than the lazy names.
The collector's setting is the whole process's, so only the program, which
ends with its command, changes it; :func:`~peel_effectiveness.cli.main`,
which scripts and tests call, leaves it alone.
"""

from __future__ import annotations


def console_script() -> int:
    """:func:`~peel_effectiveness.cli.main`, in a process that ends when it returns."""
    import gc
    import signal
    import sys

    from .._paused import collector_paused

    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:  # not one ignored by the shell
        signal.signal(signal.SIGINT, _interrupted)
    for name in ("SIGTERM", "SIGHUP"):  # SIGHUP: not on Windows
        number = getattr(signal, name, None)
        if number is not None and signal.getsignal(number) == signal.SIG_DFL:  # not ignored (nohup)
            signal.signal(number, _stopped)

    def run() -> int:
        # The command's imports (attrs, cattrs, the model) are made here,
        # with the collector held back, as are its classes, hooks and records.
        from .._files import give_back, stop_handlers
        from ._main import main

        code = main()
        # The command is done: a Ctrl-C from here is too late to stop it,
        # and would only make the interpreter's exit print a traceback; a
        # SIGTERM or SIGHUP would end the process as failed with its file
        # written. (Here, with the collector still held back: what the call
        # makes would set off a walk of every object the command made.)
        give_back(dict.fromkeys(stop_handlers()), quiet=True)
        return code

    try:
        code = collector_paused(run)
    except KeyboardInterrupt:  # where main() could not catch it: while its imports ran
        sys.stderr.write("peel-effectiveness: interrupted\n")
        return 130
    # What the command made is still held, and the interpreter's exit would
    # walk all of it for cycles more than once: about a tenth of a short
    # command's time. Frozen, it is only freed: atexit handlers and weakref
    # finalizers still run, the __del__ of an object in a reference cycle
    # does not (nothing of the command's has one, and the exit does not
    # promise it).
    gc.freeze()
    return code


def _stopped(signum: int, frame: object) -> None:
    """SIGTERM or SIGHUP: the program ends by the signal, as it would
    have, once what it was building aside is removed (a database is built
    in a folder of its own before it is written in place)."""
    import signal
    import sys

    files = sys.modules.get("peel_effectiveness._files")
    if files is not None:
        files.remove_aside()
    signal.signal(signum, signal.SIG_DFL)
    signal.raise_signal(signum)


def _interrupted(signum: int, frame: object) -> None:
    """Ctrl-C: the program ends at once, and says so. Python's own handler
    raises ``KeyboardInterrupt`` wherever the program is, where a library
    may catch it or be left half made (matplotlib drawing or importing: a
    traceback, a false error, a chart written after all). Nothing of the
    command's is left on the disk unless whole: a file is put in place with
    interrupts held back (see _files), under a handler of their own, and
    what was being built aside is removed here."""
    import contextlib
    import os
    import sys

    files = sys.modules.get("peel_effectiveness._files")  # none made aside before it is imported
    if files is not None:
        files.remove_aside()

    with contextlib.suppress(OSError):
        os.write(2, b"peel-effectiveness: interrupted\n")
    os._exit(130)
