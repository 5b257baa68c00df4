"""A :class:`~peel_effectiveness.PeelWarning` said at the caller's line.

A warning is made deep in the library (a report's checks, a folder's
reading), at a depth that depends on how the caller reached it: built in
Python, loaded from a file, structured by the converter. A fixed
``stacklevel`` points at one of the library's lines, or past the caller
(``sys:1``); the first frame outside the library, attrs, cattrs and the code
they generate is the caller's.
"""

from __future__ import annotations

import os
import sys


def _ours() -> tuple[str, ...]:
    """The folders of the library, attrs (its two packages) and cattrs
    (whose frames a warning passes over), each ending in a separator."""
    import attr
    import attrs
    import cattrs

    folders = [os.path.dirname(__file__), *(os.path.dirname(m.__file__ or "") for m in (attr, attrs, cattrs))]
    return tuple(f + os.sep for f in folders)


def warn(message: str) -> None:
    """Warn of ``message`` (a :class:`~peel_effectiveness.PeelWarning`) at
    the first line that is not the library's."""
    import warnings

    from .errors import PeelWarning

    ours = _ours()
    frame, level = sys._getframe(1), 2
    while frame.f_back is not None:
        name = frame.f_code.co_filename
        if not (name.startswith(ours) or name.startswith(("<attrs generated", "<cattrs generated"))):
            break
        frame, level = frame.f_back, level + 1
    warnings.warn(message, PeelWarning, stacklevel=level)
