"""How people write a core question, read as the registry looks it up: a
number written as text (``"Q3"``), a wording in any case and with curled
quotes, and a question the registry lacks (2025-27) named as given. Used by
:mod:`.questions`, which looks the questions up."""

from __future__ import annotations

import re
import unicodedata
from typing import TypeVar

from ._field_limits import MOST_IN_NAME
from ._words import SEPARATOR_CLASS, SPACE

_Q = TypeVar("_Q")


def read_question(value: _Q) -> _Q | int | str:
    """A question as people write it: a number written as text (``" 3 "``,
    ``"Q3"``, as tables write it) as the number, ``"overall"`` (the
    headline judgment) in any case, a key or wording without the white
    space around it; anything else as it was.

    Examples:
        >>> read_question(" 3 "), read_question("Q7"), read_question("Overall"), read_question("\u00b2")
        (3, 7, 'overall', '\u00b2')
    """
    if not isinstance(value, str):
        return value
    if (
        value.__class__ is str
        and value.islower()
        and value[:1].isalpha()
        and value[-1:].isalnum()
        and not value[1:].isdigit()
    ):
        return value  # a key as the registry writes it ("overall" too): most are
    plain = str(value).strip(SPACE)  # (str(): of a subclass, numpy's str_, too)
    digits = plain[1:] if plain[:1] in ("Q", "q") else plain
    # ASCII digits alone: int() takes "²" and "٣" too; and no more than
    # text of a question may hold, as the JSON Schema counts them (a
    # number that long is refused as no question's).
    if digits.isascii() and digits.isdigit() and len(digits) <= MOST_IN_NAME:
        return int(digits)
    return "overall" if plain.lower() == "overall" else plain


# A wording copied from a web page or a document has its quotes curled.
_STRAIGHT = str.maketrans("\u2018\u2019\u201c\u201d", "''\"\"")


def folded(wording: str) -> str:
    """A question's wording as it is looked up: case folded, its curled
    quotes straight ("the force\u2019s" is "the force's"), its accented
    letters composed as one way of writing them (NFC: "caf\u00e9" is
    "cafe\u0301", which looks the same)."""
    if not wording.isascii():
        wording = unicodedata.normalize("NFC", wording)
    return wording.casefold().translate(_STRAIGHT)


def joined(wording: str) -> str:
    """A question's wording :func:`folded`, its words joined by ``_``
    however the text joins them: a key, as the registry writes its own.

    Examples:
        >>> joined("New  Area") == joined("new_area") == joined("new-area") == "new_area"
        True
    """
    return "_".join(re.split(SEPARATOR_CLASS + "+", folded(wording).strip(SPACE)))


def unlisted_ident(number_or_key: int | str) -> int | str:
    """What names a question the registry lacks (2025-27): the number, or
    the text as given, :func:`joined` (``New area`` and ``new_area`` are
    one question, ``new_area``)."""
    number_or_key = read_question(number_or_key)
    return joined(number_or_key) if isinstance(number_or_key, str) else number_or_key
