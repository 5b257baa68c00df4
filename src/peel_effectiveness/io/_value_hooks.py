"""The converter's hooks of the value types with a text form: a force
named by its id, a period in words (each written out whole where the words
cannot say it), the enums of words, a date and time, a float.

The hooks that (un)structure records are made for the converter that asks
(cattrs passes it to a hook factory): a converter with hooks of yours uses
them inside the model's records too, reading as writing (see
_yours.by_hooks).
"""

from __future__ import annotations

import datetime as dt
import functools
import sys
from collections.abc import Callable
from typing import Any

import cattrs

from ..errors import long_number
from ..model._messages import describe, fail
from ..model._values import number
from ..model._words import Words, member
from ..model.force import Force, force
from ..model.periods import Period, period
from ._layout import mapping_of
from ._parsed import PYTHON_DIGITS
from ._records import structure_record, unstructure_record

__all__ = [
    "is_words",
    "named_or_whole",
    "structure_datetime",
    "structure_words",
    "unstructure_float",
    "unstructure_force",
    "unstructure_int",
    "unstructure_period",
    "unwritable",
    "when_asked",
]


def named_or_whole(tp: Any, conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    """A force's or a period's hook: data files name one of the 43 forces
    by its id and periods in words; a force of your own, or a period words
    cannot say, is written out whole, as a mapping."""
    whole = when_asked(lambda: structure_record(tp, conv))
    named = force if tp is Force else period

    def structure(value: Any, _: Any) -> Any:
        read = mapping_of(value)
        return named(value) if read is None else whole()(read, tp)

    return structure


def unstructure_force(_: Any, conv: cattrs.Converter) -> Callable[[Force], Any]:
    whole = when_asked(lambda: unstructure_record(Force, conv))

    def unstructure(f: Force) -> Any:
        try:
            known = force(f.id)
        except ValueError:
            known = None
        return f.id if known == f else whole()(f)

    return unstructure


def unstructure_period(p: Period) -> Any:
    shown = str(p)
    try:
        same = Period.parse(shown) == p
    except ValueError:
        same = False
    return shown if same else {"start": p.start.isoformat(), "end": p.end.isoformat()}


def when_asked(make: Callable[[], Callable[..., Any]]) -> Callable[[], Callable[..., Any]]:
    """A hook made when first used: files name forces by id and periods in
    words, so that the hook of one written out whole is seldom needed."""
    return functools.cache(make)


def unstructure_float(value: Any) -> Any:
    # What the converter would not read as a float (nan, infinity, a whole
    # number it cannot hold, a boolean) it does not write as one. A float of
    # another class (numpy's) is written as a float, which yaml writes too.
    if isinstance(value, float) and value.__class__ is not float:
        value = float(value)
    number(value)
    return value


# Fewer bits than the fewest digits Python may be set to write (640): a
# whole number this short is written as it is, without asking.
_SHORT_BITS = 2000


def unwritable(number: int) -> str | None:
    """Why a whole number is one JSON cannot write, or read back: Python's
    limit it passes, of the digits it writes as text (4,300 by default), or
    reads (as it did when the library was imported: see
    _parsed.PYTHON_DIGITS); ``None`` where it passes neither."""
    if number.bit_length() <= _SHORT_BITS:
        return None
    try:
        written = str(abs(number))
    except ValueError:
        return f"writes a whole number as text to {sys.get_int_max_str_digits():,} digits"
    return f"reads a whole number back to {PYTHON_DIGITS:,} digits" if len(written) > PYTHON_DIGITS else None


def unstructure_int(value: Any) -> Any:
    # Refused here, as such a mapping's key is, not passed on to fail in
    # json.dumps.
    if value.__class__ is int and (limit := unwritable(value)):
        fail(f"{long_number(value)} is too long to be written: Python {limit}")
    return value


def unstructure_day(value: dt.date) -> str:
    # A date and time where a class declares a day would be written as its
    # day, its time lost (and two of one day made one key): refused, as the
    # model's days refuse one.
    if isinstance(value, dt.datetime):
        fail(
            f"expected a date (YYYY-MM-DD), got a date and time ({value.isoformat()}), whose time would be lost"
        )
    return dt.date.isoformat(value)


def structure_datetime(value: Any, _: Any) -> dt.datetime:
    # Not the model's (it holds days): for the attrs classes of those who
    # compose theirs with it, whose datetimes date's hooks would cut to a day.
    if value.__class__ is dt.datetime:
        return value
    if isinstance(value, str):
        try:
            return dt.datetime.fromisoformat(value)
        except ValueError:
            fail(f"{describe(value)} is not a date and time (ISO 8601, 2017-03-02T09:30:00)")
    fail(f"expected a date and time (ISO 8601 text), got {describe(value)}")


def structure_words(tp: Any) -> Callable[[Any, Any], Any]:
    find = member(tp)
    return lambda value, _: find(value)


def is_words(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, Words)
