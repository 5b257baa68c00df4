"""The rules of the model's values, each written once.

A *value rule* is a function of one value that returns it (converted where
the data format writes it otherwise: ISO text for a date, a word for an
enum) or raises :class:`~peel_effectiveness.PeelDataError` saying why it is
not one. The same functions serve three readers:

* the attrs classes of the model, through
  :func:`~peel_effectiveness.model._validators.valid`, the attrs validator
  that runs a field's rule and names the field when it fails;
* :data:`peel_effectiveness.converter`, whose cattrs structure hooks for the
  value types are these functions;
* the JSON Schema, from the limits each field's validator declares.

The rule of an enum's values is in :mod:`._words`; the converters that turn
what Python code may give into a field's type are here, after the rules.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from typing import Any, TypeGuard, TypeVar

from ..errors import PeelDataError, Problem
from ._messages import counted, describe, fail, shorten_repr, show_number

_T = TypeVar("_T")

# The days the model holds: reports and their figures are of the twenty-first
# century, and baselines reach back a few decades; a year outside these is a
# typing slip (9999), and Python's dates end at 9999 anyway.
FIRST_DAY = dt.date(1900, 1, 1)
LAST_DAY = dt.date(2099, 12, 31)


# ---------------------------------------------------------------------------
# Plain values.


class StandIn(str):
    """A text that stands where a data file's reader refused a value
    (``017``, ``NaN``, a text holding half a surrogate pair), as it is
    written, so that the reading goes on: the reader says what is wrong
    with it. A rule of text takes it as it is; any other refuses it, as it
    would the text, and that problem gives way to the reader's. The mark is
    the value's own, not a note of where it is: a file may hold two million.
    """

    __slots__ = ()


def plain_text(value: str) -> str:
    """A text as the plain ``str`` it holds: the methods of a class of str's
    own (``__hash__``, ``__eq__``...), which may raise anything, are not
    asked where it is looked up or compared."""
    return value if value.__class__ is str else str.__str__(value)


def text(value: object) -> str:
    """Text: a ``str`` of valid Unicode (a lone surrogate, which JSON can
    escape, cannot be written out again)."""
    if value.__class__ is not str:
        if isinstance(value, StandIn):  # the reader's, said by it
            return value
        if isinstance(value, str):  # a subclass: keep the plain text
            value = plain_text(value)
        else:
            fail(f"expected text, got {describe(value)}")
    assert isinstance(value, str)
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as e:
            bad = ascii(value[e.start])[1:-1]  # as Python escapes it: "\ud800"
            where = f"{bad}, at {e.start}"
            fail(
                f"the text {shorten_repr(value)} holds half a surrogate pair ({where}): it is not valid Unicode"
            )
    return value


def whole(value: object) -> int:
    """A whole number (``True`` is no number, though Python counts it one)
    of at most :data:`MOST_DIGITS` digits."""
    if value.__class__ is int:
        if -LARGEST < value < LARGEST:
            return value
        fail(f"{show_number(value)} is too long to be a figure")  # "a number of 101 digits"
    fail(f"expected a whole number, got {describe(value)}")


def integer(value: object) -> int:
    """A whole number of any size (``True`` is no number, though Python
    counts it one): an ``int`` field of a class of yours, which is no
    figure of the data format's (see :func:`whole`), and which the readers
    of text bound already (Python reads at most 4,300 digits)."""
    if value.__class__ is int:
        return value
    return whole(value)  # (a subclass, a bool: said as the figures' are)


def number(value: object) -> float:
    """A finite number, as a ``float``."""
    cls = value.__class__
    if cls is float:
        if math.isfinite(value):  # type: ignore[arg-type]
            return value  # type: ignore[return-value]
        fail(f"{value!r} is not a finite number")
    if cls is int:
        whole(value)  # of at most MOST_DIGITS digits
        try:
            held = float(value)  # type: ignore[arg-type]
        except OverflowError:
            fail(f"{show_number(value)} is too large a number")  # type: ignore[arg-type]
        if held != value:  # past 2**53, not every whole number has a float
            fail(f"{show_number(value)} cannot be held exactly: it would be read as {held:.0f}")  # type: ignore[arg-type]
        return held
    fail(f"expected a number, got {describe(value)}")


ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
"""A day as ISO 8601 writes it (2017-03-02): the form of every date of the data."""


def date(value: object) -> dt.date:
    """A day from 1900 to 2099: a ``date``, or ISO text (``2017-03-02``)."""
    return in_range(day(value))


def day(value: object) -> dt.date:
    """A day: a ``date``, or ISO text (``2017-03-02``), of any year (a date
    of your own attrs class's: the model's are :func:`date`)."""
    if value.__class__ is dt.date:
        return value
    if isinstance(value, str) and ISO_DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError as e:
            fail(f"{value!r} is not a date: {e}")
    fail(f"expected a date (YYYY-MM-DD), got {describe(value)}")


def in_range(day: dt.date) -> dt.date:
    """``day``, where it is one the model holds."""
    if not FIRST_DAY <= day <= LAST_DAY:
        fail(f"{day.isoformat()} is outside the dates the model holds ({FIRST_DAY.year} to {LAST_DAY.year})")
    return day


def is_day(value: object) -> TypeGuard[dt.date]:
    """Whether ``value`` is a date and not a datetime, which is a date to
    ``isinstance`` but compares with none."""
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def boolean(value: object) -> bool:
    """``True`` or ``False``."""
    if value is True or value is False:
        return value
    fail(f"expected true or false, got {describe(value)}")


def optional(rule: Callable[[Any], _T]) -> Callable[[Any], _T | None]:
    """``rule``, or ``None``."""

    def maybe(value: object) -> _T | None:
        return None if value is None else rule(value)

    maybe.__doc__ = f"{rule.__doc__ or rule.__name__}, or nothing."
    maybe.__name__ = f"optional_{rule.__name__}"
    maybe.__wrapped__ = rule  # type: ignore[attr-defined]
    maybe.accepts = accepts(rule) | {type(None)}  # type: ignore[attr-defined]
    return maybe


def listed(value: object) -> list[Any] | tuple[Any, ...]:
    # A text or a mapping is iterable too, and is never what a list means.
    if isinstance(value, (list, tuple)):
        return value
    fail(f"expected a list, got {describe(value)}")


# The most problems of a list's items a rule names: a list of a million
# wrong items is not checked to its end, and costs no more than a short one
# (the files' readers list no more problems than this either).
MOST_PROBLEMS = 100

# The most characters a number in a data file is written with (digits, of
# a whole number): a longer one is no figure. The files' readers refuse a
# decimal, whose characters the number read cannot tell; the rules of
# numbers a whole number (whose digits Python itself reads only up to 4,300).
MOST_DIGITS = 100
LARGEST = 10**MOST_DIGITS  # the least whole number of more digits


def too_long(count: int, unit: str) -> str:
    """Why a number written with ``count`` ``unit`` (``"digits"``,
    ``"characters"``) is no figure, as every reader and rule says it."""
    return f"a number of {count} {unit} is too long to be a figure"


def each(items: list[Any] | tuple[Any, ...], rule: Callable[[Any], _T]) -> list[_T]:
    """``rule`` of each item, or :class:`PeelDataError` naming each item it
    refuses by its index, up to :data:`MOST_PROBLEMS` (the last says where
    the checking stopped)."""
    problems: list[Problem] = []
    out = []
    for i, item in enumerate(items):
        try:
            out.append(rule(item))
        except PeelDataError as e:
            problems += e.within(i).problems
            end = stopped(len(problems), i, len(items), f"[{i + 1}]")
            if end is not None:
                problems.append(end)
                break
    if problems:
        raise PeelDataError(problems)
    return out


class Tally(str):
    """The message of a problem that stands for others not listed one by one
    ("stopped after 99 problems in this list: 21 more items not checked",
    "51 more unknown fields in a report, not named"), with how many it
    counts (``more``; none for items not checked): where a file's problems
    are cut to the most listed, it is listed after the problems it follows,
    or counted with the problems not listed
    (:func:`peel_effectiveness.io._problems.most_listed`)."""

    more: int

    def __new__(cls, text: str, more: int = 0) -> Tally:
        tally = super().__new__(cls, text)
        tally.more = more
        return tally


def stopped(found: int, i: int, total: int, path: str, how: str = "") -> Problem | None:
    """The problem that ends the checking of a list of ``total`` items at
    its item ``i``, once ``found`` problems are as many as are named; else
    ``None``. ``how``: what the items past it were not checked for (``" as
    text"``), where not for everything."""
    if found < MOST_PROBLEMS - 1 or i + 1 >= total:
        return None
    rest = total - i - 1
    more = f"{rest} more item{'s' if rest != 1 else ''}"
    return Problem(Tally(f"stopped after {found} problems in this list: {more} not checked{how}"), path=path)


def first_named(problems: list[Problem], more: int = 0) -> list[Problem]:
    """``problems`` (a record's, in its order; ``more`` found and not made),
    or where there are more than a file's problems named, the first of them
    and one that counts the rest: a rule across a list of a million items
    that repeat one another costs no more to report than one of a few."""
    if len(problems) + more <= MOST_PROBLEMS:
        return problems
    kept = problems[: MOST_PROBLEMS - 1]
    rest = len(problems) + more - len(kept)
    at = problems[len(kept)] if len(problems) > len(kept) else problems[-1]
    tally = Tally(f"{counted(rest, 'more problem')} from here on, not named", rest)
    return [*kept, Problem(tally, path=at.path)]


def texts(value: object) -> tuple[str, ...]:
    """A list of texts, as a tuple."""
    if value.__class__ is tuple:
        for x in value:
            if x.__class__ is not str or not x.isascii():
                break
        else:
            return value
    items = listed(value)
    out = each(items, text)
    if items.__class__ is tuple and all(a is b for a, b in zip(items, out, strict=True)):
        return items
    return tuple(out)


def wholes(value: object) -> tuple[int, ...]:
    """A list of whole numbers, as a tuple."""
    items = listed(value)
    each(items, whole)
    return items if items.__class__ is tuple else tuple(items)


def records(cls: type[_T] | tuple[type[_T], ...], noun: str) -> Callable[[Any], tuple[_T, ...]]:
    """A list of ``cls`` records (or of any of several classes), as a tuple
    (built records: a mapping is read by :data:`peel_effectiveness.converter`,
    not here)."""

    def one(item: object) -> _T:
        if not isinstance(item, cls):
            fail(f"expected {noun}, got {describe(item)}")
        return item

    def many(value: object) -> tuple[_T, ...]:
        items = listed(value)
        if not all(isinstance(item, cls) for item in items):
            each(items, one)  # names each item that is not one
        return tuple(items)

    many.__doc__ = f"a list of {noun.split(' ', 1)[1]}s"
    many.__name__ = "records"
    return many


def record(cls: type[_T], noun: str) -> Callable[[Any], _T]:
    """A ``cls`` record, built."""

    def one(value: object) -> _T:
        if isinstance(value, cls):
            return value
        fail(f"expected {noun}, got {describe(value)}")

    one.__doc__ = noun
    one.__name__ = "record"
    one.accepts = frozenset({cls})  # type: ignore[attr-defined]
    return one


def accepts(rule: Callable[[Any], Any]) -> frozenset[type]:
    """The classes whose values ``rule`` takes as they are (for text, those
    in ASCII; for numbers, the finite ones): the validators' first test."""
    return getattr(rule, "accepts", frozenset())


# ---------------------------------------------------------------------------
# Converters: what Python code may give for a field and the model keeps in
# another type (text for a date, a list for a tuple...). Each converts what
# its rule accepts and leaves anything else as it was, for the field's
# validator to refuse by name.


def lenient(rule: Callable[[Any], _T], value: object) -> _T | object:
    """``rule(value)``, or ``value`` as it was where the rule refuses it (a
    text of a class of str's own, as the plain text it holds: the rules
    look words up; see :func:`plain_text`)."""
    if value is None:  # no rule converts it, and an optional field's default is None
        return value
    if value.__class__ is not str and isinstance(value, str):  # (plain text, the usual, as it is)
        value = plain_text(value)
    try:
        return rule(value)
    except PeelDataError:
        return value


def to_tuple(value: list[Any] | tuple[Any, ...]) -> object:
    """A list as a tuple (anything else is the validator's to refuse)."""
    return tuple(value) if value.__class__ is list else value


# A type checker types __init__'s parameter as its converter's: these type
# a list of texts or of whole numbers, so that Judgment(sources=[1]) is
# refused before it runs. (A list of records keeps to_tuple's Any: mypy's
# attrs plugin reads only a named function, not one made for a class, and
# the validator refuses an item of the wrong kind.)
def to_texts(value: list[str] | tuple[str, ...]) -> object:
    """A list of texts as a tuple."""
    return to_tuple(value)


def to_wholes(value: list[int] | tuple[int, ...]) -> object:
    """A list of whole numbers as a tuple."""
    return to_tuple(value)


def to_float(value: float) -> object:
    """A whole number as a float."""
    return lenient(number, value) if value.__class__ is int else value


def to_date(value: dt.date | str) -> object:
    """ISO text as a date."""
    return lenient(date, value) if isinstance(value, str) else value


text.accepts = frozenset({str})  # type: ignore[attr-defined]
# The rule of a list's items, for a validator to name an item it would change.
texts.each = text  # type: ignore[attr-defined]
wholes.each = whole  # type: ignore[attr-defined]
number.accepts = frozenset({float})  # type: ignore[attr-defined]
whole.accepts = frozenset({int})  # type: ignore[attr-defined]
