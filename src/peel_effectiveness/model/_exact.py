"""Whether a float holds a decimal of a data file as it is written, and the
decimal a float holds: the readers refuse a figure a float would round
(a whole number past 2**53, 0.300000000000000001), and the outputs write
each figure as its shortest decimal, to as many places as it has."""

from __future__ import annotations

import math
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from decimal import Decimal


# A float holds any decimal of this many characters or fewer as written
# (fewer than its sure digits, sys.float_info.dig), of a number not smaller
# than the least of its full precision: only other numbers (and 0 and
# infinity) need the closer look of not_held.
_HELD_CHARACTERS = sys.float_info.dig


def needs_look(text: str, number: float) -> bool:
    """Whether the number ``text``, read as ``number``, may be one a float
    holds only rounded, or read as 0 or infinity: the readers' quick test
    before :func:`not_held` and their own checks of those."""
    return len(text) > _HELD_CHARACTERS or not sys.float_info.min <= abs(number) < math.inf


def not_held(text: str, number: float) -> str | None:
    """Why the decimal ``text``, read as the float ``number``, is refused: a
    float holds it only rounded, as it holds a whole number past 2**53; or
    ``None`` where the float, written to as many significant digits as
    ``text`` has, is ``text``'s number (``6.20`` is 6.2; C's 17 digits of
    0.1, ``0.10000000000000001``, are 0.1's).

    Examples:
        >>> not_held("9007199254740993.0", 9007199254740993.0)
        '9007199254740993.0 cannot be held exactly: it would be read as 9007199254740992.0'
        >>> not_held("0.10000000000000001", 0.1) is None
        True
    """
    if number == 0.0 or not math.isfinite(number):
        return None  # the readers' own checks: 0 of a text of other digits, infinity
    from decimal import Decimal

    written = Decimal(text)
    digits = len(written.as_tuple().digits)
    # Written so, or as repr writes it (the two differ where the float lies
    # half way: 5.960464477539063e-08). A float below the smallest normal
    # one holds fewer digits: only as repr writes it (4.9e-324 is read, and
    # written back, as 5e-324).
    shortest = shortest_decimal(number)
    if written == shortest or (
        abs(number) >= sys.float_info.min and written == Decimal(f"{number:.{digits}g}")
    ):
        return None
    return f"{text} cannot be held exactly: it would be read as {number!r}"


def shortest_decimal(value: float) -> Decimal:
    """The shortest text that reads back as ``value`` (``repr``'s), as a
    decimal: a float's binary form has digits past it (1e300 is not 1 and
    300 zeros in binary), which are no part of the figure."""
    from decimal import Decimal  # only where figures are written or checked: it costs a millisecond to import

    return Decimal(float.__repr__(float(value)))


def decimal_places(exact: Decimal) -> int:
    """The decimal places of a figure's shortest text (1e-06 has six, 7.0
    none)."""
    exponent = exact.normalize().as_tuple().exponent
    assert isinstance(exponent, int)  # a finite figure's
    return max(0, -exponent)
