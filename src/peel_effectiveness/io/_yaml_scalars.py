"""YAML scalars read as YAML 1.2's core schema reads them, the schema JSON
is part of: ``yes`` and ``2016-03-02`` are text, ``017`` is not octal. A
number YAML 1.1 and 1.2 read differently (``017``, ``1:30``, ``0x33``,
``20_16``, ``1e3``) is refused with what it could mean; an explicit tag is read only
where it is the core schema's."""

from __future__ import annotations

import math
import re
from typing import Any

from ..model._exact import needs_look, not_held
from ..model._values import MOST_DIGITS, too_long
from ._parsed import PYTHON_DIGITS, Unreadable

__all__ = ["CORE", "plain_scalar", "tagged"]

CORE = "tag:yaml.org,2002:"
_NOTHING: Any = object()

# YAML 1.2 core schema (https://yaml.org/spec/1.2.2/#1032-tag-resolution).
_NULL = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE, _FALSE = frozenset({"true", "True", "TRUE"}), frozenset({"false", "False", "FALSE"})
_INT = re.compile(r"[-+]?[0-9]+")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")
_INF = re.compile(r"[-+]?\.(?:inf|Inf|INF)")
_NAN = re.compile(r"\.(?:nan|NaN|NAN)")
# Forms YAML 1.1 reads as numbers and YAML 1.2 does not, or reads otherwise,
# each with what it reads them as (checked on short scalars only).
_LEADING_ZERO = re.compile(r"0[0-9]+")
_OCTAL = re.compile(r"0o[0-7]+")
_HEX = re.compile(r"0x[0-9a-fA-F_]+")
_BINARY = re.compile(r"0b[01_]+")
_SEXAGESIMAL = re.compile(r"[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?")
_UNDERSCORED = re.compile(r"[0-9_]+(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9_]+(?:[eE][-+]?[0-9]+)?")
# YAML 1.1's decimal float as PyYAML reads it: a point, a sign on any
# exponent, and a digit before the point of a signed one (1e3, 1.0e3 and
# -.5 are text to it, numbers to YAML 1.2).
_FLOAT_1_1 = re.compile(r"[-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?")


def _other_number(value: str, line: int | None) -> Unreadable | None:
    """Why a plain scalar of a number form other than YAML 1.2's and JSON's
    is refused, or ``None`` for one of no such form."""
    body = value.lstrip("+-")
    if not any(c.isdigit() for c in body[:3]) or len(value) - len(body) > 1:
        return None
    if len(body) > MOST_DIGITS:
        if any(p.fullmatch(body) for p in (_LEADING_ZERO, _OCTAL, _HEX, _BINARY, _SEXAGESIMAL, _UNDERSCORED)):
            return Unreadable(too_long(len(body), "characters"), line)
        return None
    sign = -1 if value.startswith("-") else 1
    clean = body.replace("_", "")
    if clean in ("0x", "0b") and len(body) > 2:
        # No digits but underscores: YAML 1.1 takes it for a number, and
        # fails to read it (PyYAML's safe_load raises).
        return Unreadable(
            f"{_shown(value)} is a number with no digits to YAML 1.1: quote it if it is text", line
        )
    if _LEADING_ZERO.fullmatch(body):
        octal = str(sign * int(clean, 8)) if set(clean) <= set("01234567") else "not a number"
        what = f"a number with a leading zero: YAML 1.1 reads it as octal ({octal}), YAML 1.2 as {sign * int(clean)}"
    elif _OCTAL.fullmatch(body):
        what = f"an octal number ({sign * int(clean[2:], 8)})"
    elif _HEX.fullmatch(body):
        what = f"a hexadecimal number ({sign * int(clean[2:], 16)})"
    elif _BINARY.fullmatch(body):
        what = f"a binary number in YAML 1.1 ({sign * int(clean[2:], 2)}), text in YAML 1.2"
    elif _SEXAGESIMAL.fullmatch(body):
        total = 0.0
        for part in clean.split(":"):
            total = total * 60 + float(part)
        what = f"a sexagesimal number in YAML 1.1 ({sign * total:g}), text in YAML 1.2"
    elif "_" in body and _UNDERSCORED.fullmatch(body):
        what = f"a number with underscores in YAML 1.1 ({'-' if sign < 0 else ''}{clean}), text in YAML 1.2"
    else:
        return None
    return Unreadable(
        f"{_shown(value)} is {what}: write the number in decimal digits, or quote it if it is text", line
    )


def _shown(value: str) -> str:
    return repr(value) if len(value) <= 40 else repr(value[:30] + "...") + f" ({len(value)} characters)"


def plain_scalar(value: str, line: int | None) -> Any:
    """A plain scalar as YAML 1.2's core schema reads it."""
    if value in _NULL:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    first = value[:1]
    if not (first.isdigit() or first in "+-."):
        return value
    if _INT.fullmatch(value):
        digits = value.lstrip("+-")
        if len(digits) > PYTHON_DIGITS:
            raise Unreadable(too_long(len(digits), "digits"), line)
        if len(digits) > 1 and digits[0] == "0":
            raise _other_number(value, line) or Unreadable(f"{_shown(value)} cannot be read", line)
        return int(value)
    if _FLOAT.fullmatch(value):
        number = _float(value, line)
        if not _FLOAT_1_1.fullmatch(value):
            mantissa, e, exponent = value.lower().partition("e")
            sign, digits = ("-" if mantissa[0] == "-" else "", mantissa.lstrip("+-"))
            if "." not in digits:
                digits += ".0"
            if digits[0] == ".":
                digits = "0" + digits
            if exponent[:1].isdigit():
                exponent = "+" + exponent
            both = f"{sign}{digits}{e}{exponent}"
            raise Unreadable(
                f"{_shown(value)} is a number in YAML 1.2 ({number!r}), text in YAML 1.1 (PyYAML's "
                f"safe_load): write it as {both}, or quote it if it is text",
                line,
            )
        return number
    if _INF.fullmatch(value):
        return -math.inf if value[0] == "-" else math.inf
    if _NAN.fullmatch(value):
        return math.nan
    refused = _other_number(value, line)
    if refused is None:
        return value
    try:
        raise refused
    finally:
        # Not held by this frame, which its traceback holds: a cycle, freed
        # only by the collector, which a reading holds back (a million
        # different refused values took 1 KB each).
        del refused


def _float(value: str, line: int | None) -> float:
    if len(value) > MOST_DIGITS:
        raise Unreadable(too_long(len(value), "characters"), line)
    number = float(value)
    if math.isinf(number):
        raise Unreadable(f"{_shown(value)} is too large a number (it would be read as infinity)", line)
    if number == 0.0 and any(c in "123456789" for c in value.lower().split("e")[0]):
        raise Unreadable(f"{_shown(value)} is too small a number (it would be read as 0)", line)
    if needs_look(value, number) and (why := not_held(value, number)) is not None:
        raise Unreadable(why, line)
    return number


def tagged(tag: str, value: str, line: int | None) -> Any:
    """A scalar with an explicit tag of the core schema."""
    name = tag.removeprefix(CORE)
    if name == "str":
        return value
    read: Any = _NOTHING
    try:
        if name == "null" and value in _NULL:
            read = None
        elif name == "bool" and value in _TRUE | _FALSE:
            read = value in _TRUE
        elif name == "int" and _INT.fullmatch(value):
            read = plain_scalar(value, line)
        elif name == "float" and (_FLOAT.fullmatch(value) or _INF.fullmatch(value) or _NAN.fullmatch(value)):
            plain = plain_scalar(value, line)
            # A whole number tagged a float is read from its text as a
            # decimal is, with the same checks (too large, held only rounded,
            # its sign kept: -0): float() of the number read was not checked.
            read = _float(value, line) if plain.__class__ is int else float(plain)
    except Unreadable as e:
        raise Unreadable(f"{e.message} (tag !!{name})", line) from None
    if read is _NOTHING:
        if name in ("null", "bool", "int", "float"):
            raise Unreadable(f"{_shown(value)} cannot be read as !!{name}", line)
        if tag == CORE + "merge":
            raise Unreadable("merge keys (<<) are not supported: write the values out", line)
        shown = "!!" + name if tag.startswith(CORE) else tag
        raise Unreadable(
            f"the tag {shown!r} is not allowed: data files use the plain values of YAML's core schema "
            "(text, numbers, true/false, null; write dates as text, 2017-03-02)",
            line,
        )
    return read
