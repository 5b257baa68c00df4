"""The model's enums of words: each member found by its word in any of the
spellings people write, through the standard library's own hook,
``Enum._missing_`` (:class:`Words`), and the rule of an enum's values
(:func:`member`)."""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Collection
from typing import Any, TypeVar

from ._messages import SUGGEST_UP_TO, describe, fail, shorten_repr, suggest
from ._values import plain_text

_E = TypeVar("_E", bound=enum.Enum)


# The white space around and between the words of a value (a grade, a
# cycle, a date; not prose, whose blankness is str.isspace's: see
# _field_limits.WHITE_SPACE): what Python's str.isspace and ECMA-262's \s (the
# JSON Schema's patterns') both take for white space, the no-break space of
# text copied from a PDF among it. As characters (for str.strip), and as a
# class of escapes every engine of regular expressions reads alike.
SPACE = "\t\n\v\f\r \xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u2028\u2029\u202f\u205f\u3000"
SPACE_CLASS = "[" + "".join(f"\\u{ord(c):04x}" for c in SPACE) + "]"
# What stands between the words of a value: white space, "_" or "-".
SEPARATOR_CLASS = SPACE_CLASS[:-1] + "_-]"


def _normal(word: str) -> str:
    # (re compiles the class when first asked, and keeps it: compiled at
    # import, classes of characters past ASCII cost a command's start.)
    word = " ".join(re.split(SEPARATOR_CLASS + "+", word)).strip(" ")
    # The enums' words are ASCII: folding another script's letters (the
    # ligature U+FB00 to "ff") would read what the schema refuses.
    return word.lower() if word.isascii() else word


class _WordsType(enum.EnumMeta):
    # The standard library compares a value with every member's and quotes
    # it with repr() before asking _missing_: a whole number of thousands of
    # digits breaks that with a bare ValueError, and an object of another
    # kind may raise anything from its __eq__ or __repr__. Neither names a
    # member, and is said so; only text and whole numbers are looked up.
    # A text of a class of str's own is looked up as the text it holds
    # (see _values.plain_text).
    def __call__(cls, value: Any, *args: Any, **kwargs: Any) -> Any:
        if not args and not kwargs:
            if value.__class__ is int and value.bit_length() > 64:
                fail(word_problem(cls, value))  # type: ignore[arg-type]
            if value.__class__ is not str and isinstance(value, str):
                value = plain_text(value)
            elif value.__class__ is not int and not isinstance(value, (str, cls)):  # (an int's subclass too)
                return cls._missing_(value)  # type: ignore[attr-defined]  # finds it, or raises
        return super().__call__(value, *args, **kwargs)


class Words(enum.Enum, metaclass=_WordsType):
    """An enum whose members are words of the data format.

    A member is found by its value, and through ``_missing_`` (the standard
    library's hook) by the same word in any case, with underscores or hyphens
    for spaces, and by the aliases the enum's ``_aliases`` gives. A value
    that is none of these raises :class:`PeelDataError` saying what the
    words are.
    """

    def __str__(self) -> str:
        # The word as the data format writes it, not "GradeScale.FOUR_POINT".
        return self._value_  # type: ignore[no-any-return]

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
    if isinstance(value, str) and len(value) <= SUGGEST_UP_TO:
        if value.__class__ is not str:
            value = plain_text(value)
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


def spelled_schema(cls: type[enum.Enum], members: Collection[Any] | None = None) -> dict[str, Any]:
    """The JSON Schema of the text naming one of an enum's words (of
    ``members`` only, if given): in every spelling it reads, up to the
    length it reads (longer text names none, white space and all)."""
    return {"type": "string", "pattern": spelled_pattern(cls, members), "maxLength": SUGGEST_UP_TO}


def spelled_pattern(cls: type[enum.Enum], members: Collection[Any] | None = None) -> str:
    """A regular expression (as JSON Schema's patterns are written) of every
    spelling of an enum's words it reads (of ``members`` only, if given):
    in any case, with white space, "_" or "-" between them.

    Examples:
        >>> import re
        >>> from peel_effectiveness.model.grades import Grade
        >>> bool(re.search(spelled_pattern(Grade), " Requires_IMPROVEMENT "))
        True
    """
    alternatives = []
    for word in sorted(w for w, m in spellings(cls).items() if members is None or m in members):
        parts = [
            "".join(f"[{c.upper()}{c.lower()}]" if c.isalpha() else re.escape(c) for c in w)
            for w in word.split()
        ]
        alternatives.append(f"{SEPARATOR_CLASS}+".join(parts))
    return f"^{SEPARATOR_CLASS}*(?:{'|'.join(alternatives)}){SEPARATOR_CLASS}*$"


def word_problem(cls: type[enum.Enum], value: object) -> str:
    """Why ``value`` is not a member of ``cls``."""
    noun = NOUNS.get(cls, f"a {cls.__name__}")
    words = ", ".join(str(m.value) for m in cls)
    if isinstance(value, str):
        return f"{shorten_repr(value)} is not {noun} (expected one of: {words}){suggest(value, [str(m.value) for m in cls])}"
    return f"expected {noun} ({words}), got {describe(value)}"


def member(cls: type[_E]) -> Callable[[Any], _E]:
    """The rule of an enum's values: a member, or a word naming one."""

    words = cls._value2member_map_

    def find(value: object) -> _E:
        if value.__class__ is cls:
            return value
        if value.__class__ is str and value in words:
            return words[value]  # type: ignore[return-value]
        return cls(value)  # any other value is refused by the enum (see _WordsType)

    find.__name__ = cls.__name__.lower()
    find.accepts = frozenset({cls})  # type: ignore[attr-defined]
    find.__doc__ = f"{NOUNS.get(cls, cls.__name__)}: a member or its word."
    return find
