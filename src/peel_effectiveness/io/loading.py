"""Loading data files, folders and text (the bundled data are read by
:mod:`.bundled`)."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from .._files import is_text_path
from ._limits import DEFAULT_LIMITS, Limits
from ._loaded import read_files, read_given, together

if TYPE_CHECKING:
    from ..model.dataset import Dataset
    from ._reading import Format

__all__ = ["Limits", "load", "loads"]


def _limits(limits: object) -> Limits:
    if not isinstance(limits, Limits):
        raise TypeError(f"limits must be a Limits, not {type(limits).__name__}")
    return limits


def load(
    path: str | os.PathLike[str],
    *,
    format: Format | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Dataset:
    """Load reports from a data file, or from every data file of a folder.

    A file holds one report (a mapping) or several (a list). A folder is read
    whole: every ``.yaml``, ``.yml`` and ``.json`` file in it (not in its
    subfolders, nor hidden ones, whose names start with "."); any other
    file there (a CSV, a ``README.txt``) is left out with a warning naming
    it. Once its files have 100 problems, the rest are not read (the error
    says how many). To read text, use :func:`loads`.

    Args:
        path: The file or folder.
        format: ``"yaml"`` or ``"json"``; by default from each file's suffix.
        limits: Bounds on file size, nesting and values.

    Raises:
        PeelDataError: Anything wrong with the data or the files, every
            problem at once, each with its file, line and field path.

    Examples:
        >>> from peel_effectiveness.io.bundled import bundled_sources
        >>> data = load(bundled_sources() / "cumbria-2016.yaml")
        >>> str(data.report("cumbria", 2016).judgment)
        'Good'
    """
    if not is_text_path(path):
        raise TypeError(
            f"load() takes a path (str or os.PathLike), not {type(path).__name__}; for text, use loads()"
        )
    return together(read_files(path, format, _limits(limits)))


def loads(
    text: str | bytes,
    *,
    format: Format | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Dataset:
    """Load reports from YAML or JSON text (or its UTF-8 bytes).

    Args:
        text: One report (a mapping) or several (a list); a byte-order
            mark at its start is dropped.
        format: ``"yaml"`` or ``"json"``; by default JSON when the text
            starts like JSON and parses as JSON, else YAML.
        limits: Bounds on size, nesting and values.

    Raises:
        PeelDataError: Anything wrong with the data, every problem at once,
            each with its line (in ``<string>``) and field path.

    Examples:
        >>> data = loads('''
        ... force: cumbria
        ... cycle: 2016
        ... grade: good
        ... ''')
        >>> data.report("cumbria", 2016).judgment.grade
        <Grade.GOOD: 'good'>
    """
    return together([read_given(text, None, format, _limits(limits))])


def __getattr__(name: str) -> object:
    # The bundled data's functions were defined here before io/bundled.py
    # (0.x); code that imports them from here still finds them.
    if name in ("load_bundled", "bundled_part", "bundled_cycles", "bundled_sources"):
        from . import bundled

        return getattr(bundled, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
