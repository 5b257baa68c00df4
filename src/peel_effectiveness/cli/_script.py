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

    # A command imports its modules (attrs, cattrs, the model), builds their
    # classes and hooks and reads its records: many objects that live to its
    # end and little garbage, which the collector would walk again and again.
    collecting = gc.isenabled()
    try:
        gc.disable()
        from ._main import main

        code = main()
    finally:
        if collecting:
            gc.enable()
    # What the command made is still held, and the interpreter's exit would
    # walk all of it for cycles more than once: about a tenth of a short
    # command's time. Frozen, it is only freed: atexit handlers and weakref
    # finalizers still run, the __del__ of an object in a reference cycle
    # does not (nothing of the command's has one, and the exit does not
    # promise it).
    gc.freeze()
    return code
