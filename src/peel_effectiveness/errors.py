"""The exceptions the library raises.

Every error the library raises on purpose derives from :class:`PeelError`.
Problems with data files are :class:`PeelDataError`, which carries every
problem found in one go as a tuple of :class:`Problem`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import attrs

__all__ = ["MissingDependencyError", "NotFoundError", "PeelDataError", "PeelError", "PeelWarning", "Problem"]


class PeelError(Exception):
    """Base class of every exception raised by ``peel_effectiveness``.

    Examples:
        One ``except`` catches bad data, a name that is not there and a
        missing extra alike:

        >>> import peel_effectiveness as pe
        >>> try:
        ...     pe.load_bundled().report("cumbria", "2025-27")
        ... except pe.PeelError as e:
        ...     print(type(e).__name__)
        NotFoundError
    """


class PeelWarning(UserWarning):
    """Data the library accepts but cannot check fully: a question or area
    of a cycle whose questions the registry does not know yet (2025-27),
    for instance. The data load as given; the warning names what is unknown.

    Turn it into an error with ``warnings.simplefilter("error", PeelWarning)``.

    Examples:
        >>> import warnings
        >>> import peel_effectiveness as pe
        >>> text = "force: cumbria\\ncycle: 2025-27\\nassessments:\\n- {question: drones, grade: good}\\n"
        >>> with warnings.catch_warnings(record=True) as caught:
        ...     warnings.simplefilter("always")
        ...     data = pe.loads(text)
        >>> caught[0].category.__name__, data.reports[0].assessments[0].question
        ('PeelWarning', 'drones')
    """


def _text(_: object, field: attrs.Attribute[Any], value: object) -> None:
    if value.__class__ is not str and not isinstance(value, str):
        raise TypeError(f"{field.name} must be text, not {type(value).__name__}")


def _text_or_none(_: object, field: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _text(_, field, value)


def _whole_or_none(_: object, field: attrs.Attribute[Any], value: object) -> None:
    if value is not None and value.__class__ is not int and not isinstance(value, int):
        raise TypeError(f"{field.name} must be a whole number, not {type(value).__name__}")


@attrs.frozen
class Problem:
    """One problem in a data file.

    Attributes:
        message: What is wrong, in words.
        file: The file's name, ``"<string>"`` for text passed to a loader,
            or ``None`` for an object built in Python.
        line: The 1-based line of the offending value, or ``None`` where no
            line applies (an empty file, a file that cannot be read).
        path: Where the value sits in the document, like
            ``assessments[2].grade``; empty for the document itself.

    Examples:
        >>> str(Problem("'goood' is not a grade", "a.yaml", 4, "assessments[0].grade"))
        "a.yaml:4: assessments[0].grade: 'goood' is not a grade"
    """

    # Checked, as a record of the model is: a problem that is not one would
    # break the error that says it (a TypeError, not a PeelDataError: it is
    # the program's mistake, not the data's). A reader may make a problem
    # of each of a million values: the checks are the cheapest that say it.
    message: str = attrs.field(validator=_text)
    file: str | None = attrs.field(default=None, validator=_text_or_none)
    line: int | None = attrs.field(default=None, validator=_whole_or_none)
    path: str = attrs.field(default="", validator=_text)

    def __str__(self) -> str:
        where = (self.file or "") if self.line is None else f"{self.file}:{self.line}"
        if not where:
            return f"{self.path}: {self.message}" if self.path else self.message
        if self.path:
            return f"{where}: {self.path}: {self.message}"
        return f"{where}: {self.message}"


_LONGEST_KEY = 80


def long_number(value: int) -> str:
    """A whole number of more digits than a message shows, by its size:
    Python writes no more than a few thousand digits (and a path or a
    message of them would not read).

    Examples:
        >>> long_number(2**70), long_number(10**5000)
        ('a number of 22 digits', 'a number of about 5001 digits')
    """
    try:
        return f"a number of {len(str(abs(value)))} digits"
    except ValueError:  # beyond the digits Python will write (sys.set_int_max_str_digits)
        return f"a number of about {int(abs(value).bit_length() * 0.30103) + 1} digits"


def dotted_path(path: tuple[object, ...]) -> str:
    """A field path as problems show it: ``("assessments", 2, "grade")`` is
    ``assessments[2].grade``; a key that is neither text nor a number, or
    text a path could not show (empty, holding ``.``, ``[``, ``]``, a space
    or a character that does not print, as a line break), is shown as
    Python writes it (``[None]``, ``['']``, ``['a.b']``, ``['a\\nb']``); a
    key of more than 80 characters by its first 40.

    Examples:
        >>> dotted_path(("assessments", 2, "grade")), dotted_path(("", "a.b"))
        ('assessments[2].grade', "['']['a.b']")
    """
    out = ""
    for part in path:
        if isinstance(part, str) and len(part) > _LONGEST_KEY:
            # A key of a hostile file may be megabytes long: named by its start.
            out += f"[{part[: _LONGEST_KEY // 2]!r}... ({len(part)} characters)]"
        elif isinstance(part, str) and part.isprintable() and part and not any(c in part for c in ".[] "):
            out += f".{part}" if out else part
        elif isinstance(part, int) and abs(part).bit_length() > 64:
            out += f"[{long_number(part)}]"  # a key of a hostile file, by its size
        else:
            out += f"[{part}]" if isinstance(part, int) else f"[{part!r}]"
    return out


def path_keys(path: str) -> tuple[str | int, ...]:
    """The keys and indices of a dotted path: the inverse of :func:`dotted_path`
    for paths of field names (which hold no dots or brackets).

    Examples:
        >>> path_keys("assessments[2].grade")
        ('assessments', 2, 'grade')
    """
    out: list[str | int] = []
    for part in path.replace("[", ".[").split("."):
        if part.startswith("[") and part.endswith("]") and part[1:-1].isdigit():
            out.append(int(part[1:-1]))
        elif part:
            out.append(part)
    return tuple(out)


def _in_order(path: str) -> tuple[tuple[int, int | str], ...]:
    # A path's numbers as numbers: sources[9] before sources[10].
    return tuple(
        (0, int(part)) if part.isdecimal() else (1, part) for part in re.split(r"(\d+)", path) if part
    )


class PeelDataError(PeelError, ValueError):
    """Data that cannot be loaded: every problem found, reported at once.

    Raise one of your own with its problems, or with a message for one
    problem with no file: ``PeelDataError("the figures do not add up")``.

    Attributes:
        problems: The problems, in file and line order.
        unlisted: How many more problems were found and not listed (a file
            with very many problems is reported in part).

    Examples:
        >>> err = PeelDataError([Problem("bad", "a.yaml", 3, "force")])
        >>> print(err)
        a.yaml:3: force: bad
        >>> err.problems[0].line
        3
    """

    problems: tuple[Problem, ...]
    unlisted: int

    def __init__(self, problems: Iterable[Problem] | str, unlisted: int = 0) -> None:
        if isinstance(problems, str):  # one problem, in words: PeelDataError("...")
            problems = [Problem(problems)]
        self.problems = tuple(
            sorted(
                problems,
                key=lambda p: (p.file or "", p.line if p.line is not None else -1, _in_order(p.path)),
            )
        )
        self.unlisted = unlisted
        lines = [str(p) for p in self.problems]
        if unlisted:
            lines.append(f"... and {unlisted} more problem{'s' if unlisted != 1 else ''}, not listed")
        super().__init__("\n".join(lines))

    def __reduce__(self) -> tuple[type[PeelDataError], tuple[tuple[Problem, ...], int]]:
        return (type(self), (self.problems, self.unlisted))

    def within(self, *where: str | int) -> PeelDataError:
        """The same problems, each found inside ``where`` (a field, an index...).

        Examples:
            >>> print(PeelDataError([Problem("bad", path="grade")]).within("assessments", 0))
            assessments[0].grade: bad
        """
        prefix = dotted_path(where)
        return PeelDataError(
            (attrs.evolve(p, path=_join(prefix, p.path)) for p in self.problems), self.unlisted
        )


def _join(prefix: str, path: str) -> str:
    if not prefix or not path:
        return prefix or path
    return prefix + path if path.startswith("[") else f"{prefix}.{path}"


class NotFoundError(PeelError, LookupError):
    """A force, cycle, question, report or metric that is not there.

    Attributes:
        suggestions: The closest names that do exist, best first.

    Examples:
        >>> from peel_effectiveness import find_force
        >>> try:
        ...     find_force("Cumbira")
        ... except NotFoundError as e:
        ...     print(e.suggestions)
        ('Cumbria',)

        It is a ``LookupError`` too, as a missing key is.
    """

    suggestions: tuple[str, ...]

    def __init__(self, message: str, suggestions: Iterable[str] = ()) -> None:
        self.suggestions = tuple(suggestions)
        if self.suggestions:
            message = f"{message} (did you mean: {', '.join(self.suggestions)}?)"
        super().__init__(message)

    def __str__(self) -> str:
        return str(self.args[0])


class MissingDependencyError(PeelError, ImportError):
    """An optional dependency (an extra, such as ``[pandas]`` or ``[plot]``)
    is not installed; the message says which and how to install it.

    It is an ``ImportError`` too: code that imports an extra's package
    itself can catch both alike.

    Examples:
        >>> issubclass(MissingDependencyError, ImportError)
        True
    """
