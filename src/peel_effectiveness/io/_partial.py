"""What could be built of a record or a list of records that failed, kept
on its error for the rules of the record that holds it, and where the items
of lists built in part were: the holder's rules name items among those
built, and their problems are given back as the file has them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, NamedTuple

import attrs

from ..errors import PeelDataError, dotted_path, path_keys

__all__ = ["Kept", "Where", "for_holder_alone", "not_of", "partial_of", "renumbered"]


def partial_of(error: BaseException) -> Any:
    """What could be built of a record or a list of records that failed, for
    the rules of the record that holds it, or ``None``: a record's is on its
    error; a list's (a :class:`Kept` where some of its records could not be
    built) is made only when asked for (see _converter)."""
    partial = getattr(error, "partial", None)
    return partial() if callable(partial) else partial


def for_holder_alone(error: BaseException) -> bool:
    """Whether what could be built of a record that failed (its error's
    partial) is for the rules of its holder alone, not of the records
    above that: built without a field they read (see Layout.holder_only)."""
    return getattr(error, "for_holder_alone", False)


Where = dict[tuple[str | int, ...], tuple[int, ...]]
"""Where the items of lists built in part were in the file, by the path of
each list (as built): ``("assessments",)``, ``("judgment", "other_grades")``."""


class Kept(NamedTuple):
    """A list of records as far as it could be built, for the rules of the
    record that holds it: the items that could be, where each was, and
    where the items of each one's own lists built in part were (by its
    index among the items)."""

    items: tuple[Any, ...]
    at: tuple[int, ...]
    inner: dict[int, Where]


def renumbered(error: Exception, at: Where) -> Exception:
    """A rule's problems with the indices of lists built in part (see
    :class:`Kept`) given back as the file's: ``assessments[1]`` of the items
    kept is the file's ``assessments[2]`` where the first could not be
    built, in a problem's path and in its words ("first in
    assessments[0]", "as [0] of this list")."""
    if not at or not isinstance(error, PeelDataError):
        return error
    problems = []
    for p in error.problems:
        keys = path_keys(p.path)
        path, message = list(keys), p.message
        for n in range(1, len(keys)):
            where, index = at.get(tuple(keys[:n])), keys[n]
            if where is not None and isinstance(index, int) and index < len(where):
                path[n] = where[index]
                name = re.escape(str(keys[n - 1]))
                # (A quoted value is the data's words, left as they are.)
                message = re.sub(rf"{_QUOTED}|(?<![\w.])({name})?\[(\d+)\]", _file_index(where), message)
        if path != list(keys):
            p = attrs.evolve(p, path=dotted_path(tuple(path)), message=message)
        problems.append(p)
    return PeelDataError(problems, error.unlisted)


# A value as repr() quotes it, in single or double quotes.
_QUOTED = r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\""


def _file_index(where: tuple[int, ...]) -> Callable[[re.Match[str]], str]:
    """An index a rule's words give of its list built in part, as the file's:
    one of the list named (``assessments[0]``), or bare and said to be of
    this list (``[0] of this list``)."""

    def said(found: re.Match[str]) -> str:
        if found.group(2) is None:  # a quoted value
            return found.group()
        named, i = found.group(1), int(found.group(2))
        bare = named is None and found.string.startswith(" of this list", found.end())
        if (named or bare) and i < len(where):
            return f"{named or ''}[{where[i]}]"
        return found.group()

    return said


def not_of(error: Exception, names: set[str]) -> Exception | None:
    """A rule's error without its problems of the fields ``names`` (none
    left: ``None``)."""
    if not names or not isinstance(error, PeelDataError):
        return error
    problems = [p for p in error.problems if next(iter(path_keys(p.path)), None) not in names]
    if len(problems) == len(error.problems):
        return error
    return PeelDataError(problems, error.unlisted) if problems else None
