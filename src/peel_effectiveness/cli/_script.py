"""The ``peel-effectiveness`` program and ``python -m peel_effectiveness``.

Apart from :mod:`._main` so that the program holds the garbage collector back
before anything of the command is imported: nothing imported on the way here
(the package's ``__init__``, this one) imports more than the lazy names.
"""

from __future__ import annotations


def console_script() -> int:
    """:func:`~peel_effectiveness.cli.main`, in a process that ends when it returns."""
    import gc

    # A command imports its modules (attrs, cattrs, the model), builds their
    # classes and hooks and reads its records: many objects that live to its
    # end and little garbage, which the collector would walk again and again.
    collecting = gc.isenabled()
    gc.disable()
    try:
        from ._main import main

        code = main()
    finally:
        if collecting:
            gc.enable()
    # What the command made is still held, and the interpreter's exit would
    # walk all of it for cycles more than once: about a tenth of a short
    # command's time. Frozen, it is only freed; atexit handlers and
    # finalizers still run.
    gc.freeze()
    return code
