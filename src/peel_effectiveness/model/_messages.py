"""How the model's messages show values and suggest words: one way for
every message, whichever rule writes it."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from typing import NoReturn

from ..errors import PeelDataError, Problem, long_number

# English month names, as the reports write them (not the locale's).
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

# Suggestions compare a word with each choice; a "word" longer than this is
# no slip of the keyboard, and comparing it would cost more than it is worth.
SUGGEST_UP_TO = 100


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
        if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
            shown = f"{value:.1f}"  # refused as given: 2016.0, not the 2016 a rule may take
        shown = shown if shown.startswith("a ") else f"the number {shown}"
        # A subclass (numpy's float64...) is refused where a plain number is
        # kept as given: say which it is.
        plain = "int" if isinstance(value, int) else "float"
        return (
            shown
            if type(value) in (int, float)
            else f"{shown} ({a_or_an(type(value).__name__)}, not a plain {plain})"
        )
    if isinstance(value, dt.datetime):
        return f"the date and time {value.isoformat()}"
    if isinstance(value, dt.date):
        shown = f"the date {dt.date.isoformat(value)}"
        return (
            shown
            if type(value) is dt.date
            else f"{shown} ({a_or_an(type(value).__name__)}, not a plain date)"
        )
    if isinstance(value, str):
        shown = f"the text {shorten_repr(str.__str__(value))}"
        # A subclass of str (an enum's member, a library's own text) is
        # refused where plain text is kept as given: say which it is.
        return shown if type(value) is str else f"{shown} ({a_or_an(type(value).__name__)}, not a plain str)"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, type):
        return f"the class {value.__name__}"
    return a_or_an(type(value).__name__)


def a_or_an(name: str) -> str:
    """A name with its article, as it is said: "an int64", "a Grade", "an E".

    Examples:
        >>> a_or_an("int64"), a_or_an("Grade"), a_or_an("E"), a_or_an("U"), a_or_an("uint64")
        ('an int64', 'a Grade', 'an E', 'a U', 'a uint64')
    """
    if len(name) == 1:  # a letter, said alone: "an F", "a U"
        vowel = name.upper() in "AEFHILMNORSX"
    else:  # "a Unit", "a user", "an ndarray" is past what a message needs
        vowel = name[0] in "aeiouAEIOU" and not name.lower().startswith(
            ("uni", "use", "usu", "uint", "eu", "one")
        )
    return f"{'an' if vowel else 'a'} {name}"


def show_number(value: float) -> str:
    """A number as messages show it: every digit it has, a whole float
    without ``.0`` (a huge whole number by its size: Python will not write
    more than a few thousand digits).

    Examples:
        >>> show_number(1234568.0), show_number(0.123456789), show_number(2**70)
        ('1234568', '0.123456789', 'a number of 22 digits')
    """
    if isinstance(value, int) and value.bit_length() > 64:
        return long_number(value)
    if isinstance(value, float):
        text = float.__repr__(value)  # a float subclass's own repr may say more
        return text[:-2] if text.endswith(".0") else text
    return str(value)


def shown(value: object) -> str:
    """A value as a message quotes it: text in quotes (cut in the middle
    where it is long), a number as written (a whole number of thousands of
    digits by its size), anything else described."""
    if isinstance(value, str):
        return shorten_repr(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return show_number(value)
    return describe(value)


def key_shown(key: object) -> str:
    """A key that is not text, as a message names it: a list or a mapping
    by its kind (one made of YAML aliases may be megabytes as text),
    anything else as Python writes it, shortened.

    Examples:
        >>> key_shown(2016), key_shown([1, 2]), key_shown(True)
        ('2016', 'a list', 'True')
    """
    return describe(key) if isinstance(key, (list, tuple, dict)) else shorten_repr(key)


def shorten(text: str, most: int = 60, count: int | None = None) -> str:
    """``text``, cut in the middle where it is longer than ``most``, with how
    many characters it has (``count``, where they are another text's)."""
    if len(text) <= most:
        return text
    return f"{text[: most - 15]}...{text[-12:]} ({len(text) if count is None else count} characters)"


def shorten_repr(value: object, most: int = 60) -> str:
    """``repr(value)`` as :func:`shorten` cuts it, counting a text's own
    characters, not its quotes and escapes (a cycle of 5,000 digits was said
    to have 5,002 characters).

    Examples:
        >>> print(shorten_repr("9" * 5000))
        '99999999999999999999999999999999999999999999...99999999999' (5000 characters)
    """
    try:
        shown = repr(value)
    except ValueError:
        if not isinstance(value, int):
            raise
        return long_number(value)  # past the digits Python writes
    return shorten(shown, most, len(value) if isinstance(value, str) else None)


def suggest(value: object, choices: Iterable[str], cutoff: float = 0.6, keys: bool = False) -> str:
    """``"; did you mean 'x'?"`` for the choice closest to ``value`` (see
    :func:`closest`), or nothing; where that choice completes ``value``, as
    one to three others do, each of them.

    Examples:
        >>> suggest("per_1000", ["per_100", "per_1000_population", "per_1000_households"])
        "; did you mean 'per_1000_population' or 'per_1000_households'?"
    """
    choices = list(choices)
    best = closest(value, choices, cutoff, keys)
    if best is None:
        return ""
    word = str.__str__(value).lower()  # closest took it: text
    begun = _completions(word, choices) if cutoff <= 0.6 and best != word and best.startswith(word) else []
    meant = [best, *(c for c in begun if c != best)] if 1 < len(begun) <= 3 else [best]
    said = ", ".join(repr(c) for c in meant[:-1]) + " or " * (len(meant) > 1) + repr(meant[-1])
    return f"; did you mean {said}?"


def closest(value: object, choices: Iterable[str], cutoff: float = 0.6, keys: bool = False) -> str | None:
    """The choice closest to ``value``, or ``None``.

    A choice that is the value but for case is it. Among the close ones,
    a choice the value starts with, or that starts with the value, comes
    first: "percentage" means "percent" more likely than "percent_change".
    No choice is one whose number the value makes longer: "per_1000" is not
    "per_100", nor "20161" "2016" (another number, not a slip), and then
    only a choice of the value's own numbers stands in. With none close,
    unless ``cutoff`` asks for more likeness than 0.6, a choice the value
    (three characters or more) starts, however unlike it: the value cut
    short ("per_1000" is "per_1000_population").
    ``cutoff``: how alike (0 to 1) a choice must be. Of ``keys`` (a
    record's), one the value is with other separators or none
    (``gradeNote``, ``grade-note``) comes first; then the shortest whose
    last word the value is, or nearly, where the others are it with more in
    front (a report's "note" is its ``grade_note``); where they are not (a
    stay's ``entered_sources`` and ``left_sources``, for "sources"), none.

    Examples:
        >>> closest("percentage", ["percent", "percent_change", "percentage_points"]), closest("x", ["percent"])
        ('percent', None)
        >>> closest("gradeNote", ["grade", "grade_note"], keys=True)
        'grade_note'
        >>> closest("per_1000", ["per_100", "per_1000_population"]), closest("per_100000", ["per_100"])
        ('per_1000_population', None)
        >>> closest("2018/1", ["2016", "2018/19", "2021/22"]), closest("20161", ["2016", "2018/19"])
        ('2018/19', None)
    """
    if not isinstance(value, str) or not value or len(value) > SUGGEST_UP_TO:
        return None
    import difflib

    word = value.lower() if value.__class__ is str else str.__str__(value).lower()
    choices = list(choices)
    if keys:
        bare = "".join(c for c in word if c.isalnum())
        same = [c for c in choices if c.replace("_", "") == bare]
        if same:
            return same[0]
        ending = sorted(
            (c for c in choices if "_" in c and c.rsplit("_", 1)[1].rstrip("s") == word.rstrip("s")), key=len
        )
        if ending:
            return ending[0] if all(c.endswith(ending[0]) for c in ending) else None
    if word in choices:
        return word
    close = difflib.get_close_matches(word, choices, n=3, cutoff=cutoff)
    longer = [c for c in close if _lengthens(word, c)]
    if longer:  # another number, no slip: only a choice of the value's own numbers stands in
        numbers = re.findall(r"[0-9]+", word)
        close = [c for c in close if c not in longer and re.findall(r"[0-9]+", c) == numbers]
    found = [c for c in close if word.startswith(c) or c.startswith(word)] or close
    if not found and cutoff <= 0.6:
        found = _completions(word, choices)
    return found[0] if found else None


def _completions(word: str, choices: list[str]) -> list[str]:
    """The choices ``word`` (three characters or more) starts, the likest
    first (of equals, the first listed)."""
    import difflib

    if len(word) < 3:
        return []
    begun = [c for c in choices if c.startswith(word) and c != word]
    return sorted(begun, key=lambda c: -difflib.SequenceMatcher(None, word, c).ratio())


def _lengthens(word: str, choice: str) -> bool:
    """Whether ``word`` is ``choice`` with its number made longer
    (``per_1000`` and ``per_100_000`` of ``per_100``, ``20161`` of ``2016``)."""
    return (
        choice[-1:].isdigit()
        and word.startswith(choice)
        and re.match(r"[_,]?[0-9]", word[len(choice) :]) is not None
    )


def day_words(day: dt.date, short: bool = False) -> str:
    """A day as reports write it: ``30 June 2016`` (with ``short``, the
    month's first three letters: ``30 Jun 2016``), in English whatever the
    locale."""
    return f"{day.day} {MONTH_NAMES[day.month - 1][: 3 if short else None]} {day.year}"


def first_of(names: Sequence[str], most: int, count: int | None = None) -> str:
    """The first ``most`` of ``names``, and how many more there are (of
    ``count`` in all, where only the first are given).

    Examples:
        >>> first_of(["a", "b", "c", "d", "e"], 3), first_of(["a"], 3), first_of(["a", "b"], 2, 9)
        ('a, b, c and 2 more', 'a', 'a, b and 7 more')
    """
    shown = names[:most]
    more = (len(names) if count is None else count) - len(shown)
    return ", ".join(shown) + (f" and {more} more" if more > 0 else "")


def counted(n: int, noun: str) -> str:
    """``n`` of ``noun``, in the singular for one.

    Examples:
        >>> counted(1, "force"), counted(43, "force")
        ('1 force', '43 forces')
    """
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
