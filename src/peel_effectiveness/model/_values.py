"""The rules of the model's values, each written once.

A *value rule* is a function of one value that returns it (converted where
the data format writes it otherwise: ISO text for a date, a word for an
enum) or raises :class:`~peel_effectiveness.PeelDataError` saying why it is
not one. The same functions serve three readers:

* the attrs classes of the model, through :class:`Valid`, an attrs
  validator that runs a field's rule and names the field when it fails;
* :data:`peel_effectiveness.converter`, whose cattrs structure hooks for the
  value types are these functions;
* the JSON Schema, from the limits a :class:`Valid` declares.

Enums read the other spellings of their words through the standard
library's own hook, ``Enum._missing_`` (:class:`Words`).
"""

from __future__ import annotations

import datetime as dt
import enum
import math
import re
from collections.abc import Callable, Iterable
from typing import Any, NoReturn, TypeVar

import attrs

from ..errors import PeelDataError, Problem

_T = TypeVar("_T")
_E = TypeVar("_E", bound=enum.Enum)

# The days the model holds: reports and their figures are of the twenty-first
# century, and baselines reach back a few decades; a year outside these is a
# typing slip (9999), and Python's dates end at 9999 anyway.
FIRST_DAY = dt.date(1900, 1, 1)
LAST_DAY = dt.date(2099, 12, 31)

# Suggestions compare a word with each choice; a "word" longer than this is
# no slip of the keyboard, and comparing it would cost more than it is worth.
_SUGGEST_UP_TO = 100


def fail(message: str) -> NoReturn:
    """Raise :class:`PeelDataError` with one problem and no path."""
    raise PeelDataError([Problem(message)])


def describe(value: object) -> str:
    """A value as a person would recognise it in their file."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        shown = show_number(value)
        return shown if shown.startswith("a ") else f"the number {shown}"
    if isinstance(value, dt.datetime):
        return f"the date and time {value.isoformat()}"
    if isinstance(value, dt.date):
        return f"the date {value.isoformat()}"
    if isinstance(value, str):
        return f"the text {shorten(repr(value))}"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"a {type(value).__name__}"


def show_number(value: float) -> str:
    """A number as messages show it (a huge whole number by its size: Python
    will not write more than a few thousand digits)."""
    if isinstance(value, int) and value.bit_length() > 64:
        return f"a number of about {int(value.bit_length() * 0.30103)} digits"
    return f"{value:g}" if isinstance(value, float) else str(value)


def shown(value: object) -> str:
    """A value as a message quotes it: text in quotes (cut in the middle
    where it is long), a number as written (a whole number of thousands of
    digits by its size), anything else described."""
    if isinstance(value, str):
        return shorten(repr(value))
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return show_number(value)
    return describe(value)


def shorten(text: str, most: int = 60) -> str:
    """``text``, cut in the middle where it is longer than ``most``."""
    return text if len(text) <= most else f"{text[: most - 15]}...{text[-12:]} ({len(text)} characters)"


def suggest(value: object, choices: Iterable[str]) -> str:
    """``"; did you mean 'x'?"`` for the choice closest to ``value``, or nothing.

    Among the close ones, a choice the value starts with, or that starts with
    the value, comes first: "percentage" means "percent" more likely than
    "percent_change".
    """
    if not isinstance(value, str) or not value or len(value) > _SUGGEST_UP_TO:
        return ""
    import difflib

    word = value.lower()
    close = difflib.get_close_matches(word, list(choices), n=3, cutoff=0.6)
    prefixed = [c for c in close if word.startswith(c) or c.startswith(word)]
    best = (prefixed or close)[:1]
    return f"; did you mean {best[0]!r}?" if best else ""


# ---------------------------------------------------------------------------
# Plain values.


def text(value: object) -> str:
    """Text: a ``str`` of valid Unicode (a lone surrogate, which JSON can
    escape, cannot be written out again)."""
    if value.__class__ is not str:
        if isinstance(value, str):  # a subclass: keep the plain text
            value = str.__str__(value)
        else:
            fail(f"expected text, got {describe(value)}")
    assert isinstance(value, str)
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as e:
            fail(
                f"the text holds a character that is not valid Unicode (at {e.start}): {value[: e.start]!r}..."
            )
    return value


def whole(value: object) -> int:
    """A whole number (``True`` is no number, though Python counts it one)."""
    if value.__class__ is int:
        return value
    fail(f"expected a whole number, got {describe(value)}")


def number(value: object) -> float:
    """A finite number, as a ``float``."""
    cls = value.__class__
    if cls is float:
        if math.isfinite(value):  # type: ignore[arg-type]
            return value  # type: ignore[return-value]
        fail(f"{value!r} is not a finite number")
    if cls is int:
        try:
            return float(value)  # type: ignore[arg-type]
        except OverflowError:
            fail(f"{show_number(value)} is too large a number")  # type: ignore[arg-type]
    fail(f"expected a number, got {describe(value)}")


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def date(value: object) -> dt.date:
    """A day from 1900 to 2099: a ``date``, or ISO text (``2017-03-02``)."""
    if value.__class__ is dt.date:
        day: dt.date = value
    elif isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            day = dt.date.fromisoformat(value)
        except ValueError as e:
            fail(f"{value!r} is not a date: {e}")
    else:
        fail(f"expected a date (YYYY-MM-DD), got {describe(value)}")
    return in_range(day)


def in_range(day: dt.date) -> dt.date:
    """``day``, where it is one the model holds."""
    if not FIRST_DAY <= day <= LAST_DAY:
        fail(f"{day.isoformat()} is outside the dates the model holds ({FIRST_DAY.year} to {LAST_DAY.year})")
    return day


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


def texts(value: object) -> tuple[str, ...]:
    """A list of texts, as a tuple."""
    if value.__class__ is tuple:
        for x in value:
            if x.__class__ is not str or not x.isascii():
                break
        else:
            return value
    items = listed(value)
    problems: list[Problem] = []
    out = []
    for i, item in enumerate(items):
        try:
            out.append(text(item))
        except PeelDataError as e:
            problems += e.within(i).problems
    if problems:
        raise PeelDataError(problems)
    if items.__class__ is tuple and all(a is b for a, b in zip(items, out, strict=True)):
        return items
    return tuple(out)


def wholes(value: object) -> tuple[int, ...]:
    """A list of whole numbers, as a tuple."""
    items = listed(value)
    problems: list[Problem] = []
    for i, item in enumerate(items):
        try:
            whole(item)
        except PeelDataError as e:
            problems += e.within(i).problems
    if problems:
        raise PeelDataError(problems)
    return items if items.__class__ is tuple else tuple(items)


def records(cls: type[_T] | tuple[type[_T], ...], noun: str) -> Callable[[Any], tuple[_T, ...]]:
    """A list of ``cls`` records (or of any of several classes), as a tuple
    (built records: a mapping is read by :data:`peel_effectiveness.converter`,
    not here)."""

    def many(value: object) -> tuple[_T, ...]:
        items = listed(value)
        bad = [i for i, item in enumerate(items) if not isinstance(item, cls)]
        if bad:
            raise PeelDataError(
                Problem(f"expected {noun}, got {describe(items[i])}", path=f"[{i}]") for i in bad
            )
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


# ---------------------------------------------------------------------------
# Enums.


def _normal(word: str) -> str:
    return " ".join(word.replace("_", " ").replace("-", " ").split()).casefold()


class _WordsType(enum.EnumMeta):
    # The standard library quotes a value it cannot find with repr() before
    # asking _missing_, which a whole number of thousands of digits breaks
    # with a bare ValueError; such a number names no member, and is said so.
    def __call__(cls, value: Any, *args: Any, **kwargs: Any) -> Any:
        if not args and not kwargs and value.__class__ is int and value.bit_length() > 64:
            fail(word_problem(cls, value))  # type: ignore[arg-type]
        return super().__call__(value, *args, **kwargs)


class Words(enum.Enum, metaclass=_WordsType):
    """An enum whose members are words of the data format.

    A member is found by its value, and through ``_missing_`` (the standard
    library's hook) by the same word in any case, with underscores or hyphens
    for spaces, and by the aliases the enum's ``_aliases`` gives. A value
    that is none of these raises :class:`PeelDataError` saying what the
    words are.
    """

    @classmethod
    def _aliases(cls) -> dict[str, Any]:
        return {}

    @classmethod
    def _missing_(cls, value: object) -> Any:
        found = spelled(cls, value)
        if found is None:
            fail(word_problem(cls, value))
        return found


def spelled(cls: type[_E], value: object) -> _E | None:
    """The member of ``cls`` that ``value`` names, or ``None``."""
    if value.__class__ is cls:
        return value
    if isinstance(value, str) and len(value) <= _SUGGEST_UP_TO:
        found: _E | None = cls._value2member_map_.get(value)  # type: ignore[assignment]
        return found if found is not None else spellings(cls).get(_normal(value))
    return None


_SPELLINGS: dict[type[enum.Enum], dict[str, Any]] = {}


def spellings(cls: type[enum.Enum]) -> dict[str, Any]:
    table = _SPELLINGS.get(cls)
    if table is None:
        table = {_normal(str(m.value)): m for m in cls}
        aliases = getattr(cls, "_aliases", None)
        if aliases is not None:
            table.update((_normal(k), v) for k, v in aliases().items())
        _SPELLINGS[cls] = table
    return table


# How messages name a member of each enum (registered by each enum's module).
NOUNS: dict[type[enum.Enum], str] = {}


def word_problem(cls: type[enum.Enum], value: object) -> str:
    """Why ``value`` is not a member of ``cls``."""
    noun = NOUNS.get(cls, f"a {cls.__name__}")
    words = ", ".join(str(m.value) for m in cls)
    if isinstance(value, str):
        return f"{shorten(repr(value))} is not {noun} (expected one of: {words}){suggest(value, [str(m.value) for m in cls])}"
    return f"expected {noun} ({words}), got {describe(value)}"


def member(cls: type[_E]) -> Callable[[Any], _E]:
    """The rule of an enum's values: a member, or a word naming one."""

    words = cls._value2member_map_

    def find(value: object) -> _E:
        if value.__class__ is cls:
            return value
        if value.__class__ is str and value in words:
            return words[value]  # type: ignore[return-value]
        if (
            not isinstance(value, (str, int))
            or isinstance(value, bool)
            or (
                isinstance(value, int) and value.bit_length() > 64  # the enum would fail to show it
            )
        ):
            fail(word_problem(cls, value))
        return cls(value)

    find.__name__ = cls.__name__.lower()
    find.accepts = frozenset({cls})  # type: ignore[attr-defined]
    find.__doc__ = f"{NOUNS.get(cls, cls.__name__)}: a member or its word."
    return find


# ---------------------------------------------------------------------------
# Limits on values, and the validator that applies a field's rule.


@attrs.frozen
class Between:
    """A number from ``low`` to ``high`` (both included).

    Attributes:
        low: The lowest value allowed.
        high: The highest value allowed.
        what: What such a number is, for the message (``"a percentage"``).
        whole: Whether only whole numbers are allowed.
    """

    low: float
    high: float
    what: str
    whole: bool = False

    def problem(self, value: Any) -> str | None:
        """Why ``value`` is out of bounds, or ``None``."""
        if not isinstance(value, (int, float)):
            return f"{describe(value)} is not {self.what}"
        if self.low <= value <= self.high and (not self.whole or value == int(value)):
            return None
        return f"{show_number(value)} is not {self.what}"

    def schema(self) -> dict[str, Any]:
        """The JSON Schema keywords of the bounds."""
        out: dict[str, Any] = {}
        if math.isfinite(self.low):
            out["minimum"] = self.low
        if math.isfinite(self.high):
            out["maximum"] = self.high
        if self.whole:
            out["multipleOf"] = 1
        return out


@attrs.frozen
class Matches:
    """Text that matches a regular expression whole.

    Attributes:
        pattern: The expression.
        what: What such text is, for the message (``"a metric key"``).
    """

    pattern: str
    what: str
    _matched: set[str] = attrs.field(init=False, repr=False, eq=False, factory=set)

    def problem(self, value: str) -> str | None:
        """Why ``value`` does not match, or ``None``."""
        seen = self._matched
        if value in seen:  # keys recur from report to report
            return None
        if re.fullmatch(self.pattern, value) is None:  # compiled when first used, and cached by re
            return f"{shorten(repr(value))} is not {self.what}"
        if len(seen) < 4096:
            seen.add(value)
        return None

    def schema(self) -> dict[str, Any]:
        """The JSON Schema keywords of the pattern."""
        return {"pattern": f"^(?:{self.pattern})$"}


@attrs.frozen
class Distinct:
    """A non-empty list whose items each meet ``each``.

    Attributes:
        what: What an item is, for the message.
        each: The limits of every item.
    """

    what: str
    each: Between

    def problem(self, value: tuple[Any, ...]) -> str | None:
        """Why the list is empty, repeats an item or has an item out of bounds."""
        if not value:
            return f"a list of {self.what}s has at least one item"
        if len(set(value)) != len(value):
            return f"{self.what} {sorted(x for x in value if value.count(x) > 1)[0]} is listed twice"
        bad = [x for x in value if self.each.problem(x) is not None]
        return f"{bad} are not {self.each.what}s" if bad else None

    def schema(self) -> dict[str, Any]:
        """The JSON Schema keywords of the list."""
        return {"minItems": 1, "uniqueItems": True, "items": self.each.schema()}


Limit = Between | Matches | Distinct


@attrs.frozen
class Valid:
    """An attrs validator: the field's value meets its rule and its limit.

    The rule is the value type's (:func:`text`, :func:`number`,
    ``member(Grade)``...); a converter has already turned what it could into
    that type, so a value the rule would still change is refused. A failure
    raises :class:`~peel_effectiveness.PeelDataError` naming the field.

    Attributes:
        rule: The value rule.
        limit: Bounds or a pattern the value must also meet, checked unless
            the value is ``None``.
    """

    rule: Callable[[Any], Any]
    limit: Limit | None = None
    _accepts: frozenset[type] = attrs.field(
        init=False,
        repr=False,
        eq=False,
        default=attrs.Factory(lambda self: accepts(self.rule), takes_self=True),
    )

    def check(self, value: Any) -> Any:
        """The value as the rule makes it, within the limit; else
        :class:`PeelDataError` with no path (the data-file reader uses this)."""
        value = self.rule(value)
        if value is not None and self.limit is not None:
            why = self.limit.problem(value)
            if why is not None:
                fail(why)
        return value

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is attribute.default:
            return  # a field's default meets its rule (a test checks each)
        # The usual values, in a test or two: a value of a type the rule takes
        # as it is (plain text, a finite number, an enum's member, a record),
        # within the field's limit.
        cls = value.__class__
        if (
            cls in self._accepts
            and (cls is not str or value.isascii())
            and (cls is not float or value - value == 0.0)
            and (self.limit is None or self.limit.problem(value) is None)
        ):
            return
        try:
            checked = self.rule(value)
            if self.limit is not None and checked is not None:
                why = self.limit.problem(checked)
                if why is not None:
                    fail(why)
        except PeelDataError as e:
            raise e.within(attribute.name) from None
        if checked is not value:
            # The rule would change it (text for a date...): the field's
            # converter, where it has one, has left it as it was.
            raise PeelDataError(
                [Problem(f"expected {_what(self.rule)}, got {describe(value)}", path=attribute.name)]
            )


def accepts(rule: Callable[[Any], Any]) -> frozenset[type]:
    """The classes whose values ``rule`` takes as they are (for text, those
    in ASCII; for numbers, the finite ones): the validators' first test."""
    return getattr(rule, "accepts", frozenset())


def _what(rule: Callable[[Any], Any]) -> str:
    return (rule.__doc__ or rule.__name__).split(":")[0].split(",")[0].rstrip(".")


# ---------------------------------------------------------------------------
# Converters: what Python code may give for a field and the model keeps in
# another type (text for a date, a list for a tuple...). Each converts what
# its rule accepts and leaves anything else as it was, for the field's
# validator to refuse by name.


def lenient(rule: Callable[[Any], _T], value: object) -> _T | object:
    """``rule(value)``, or ``value`` as it was where the rule refuses it."""
    if value is None:  # no rule converts it, and an optional field's default is None
        return value
    try:
        return rule(value)
    except PeelDataError:
        return value


def to_tuple(value: object) -> object:
    """A list as a tuple."""
    return tuple(value) if value.__class__ is list else value


def to_float(value: object) -> object:
    """A whole number as a float."""
    return lenient(number, value) if value.__class__ is int else value


def to_date(value: object) -> object:
    """ISO text as a date."""
    return lenient(date, value) if isinstance(value, str) else value


text.accepts = frozenset({str})  # type: ignore[attr-defined]
number.accepts = frozenset({float})  # type: ignore[attr-defined]
whole.accepts = frozenset({int})  # type: ignore[attr-defined]
