"""The arithmetic of the outcome tables' rounded figures.

Published figures are rounded (Figure 4 of the 2016 reports to one decimal
place), so a group's members need not add up exactly to the group's figure.
If ``k`` parts and their total are each rounded to ``d`` decimals, each
rounding moves a number by at most half a unit of the last place, so the
parts' sum can differ from the published total by at most ``(k + 1) / 2``
units; both are whole numbers of units, so by at most ``(k + 1) // 2``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal, NamedTuple

from ..model._exact import decimal_places, shortest_decimal
from ..model.outcomes import OutcomeGroupRow, OutcomeMeasure, OutcomeTable, OutcomeTotal, OutcomeTypeRow
from . import _args

if TYPE_CHECKING:
    from decimal import Decimal

__all__ = ["assigned_total", "group_subtotal", "rounding_tolerance", "shares_of_assigned", "within_rounding"]

Side = Literal["force", "england_and_wales"]
SIDES: tuple[Side, Side] = ("force", "england_and_wales")


def rounding_tolerance(parts: int, decimals: int = 1) -> float:
    """The largest gap rounding can open between ``parts`` rounded numbers and
    their rounded total: half a unit of the last place for each, and half
    for the total, in whole units (the sum of the parts and the total are
    each a whole number of units); none for one part, whose total is the
    same number rounded alike, or for none.

    An even number of parts reaches it whichever way halves are rounded
    (two parts of 0.86 and 2.76 round to 0.9 and 2.8, and their sum, 3.62,
    to 3.6); an odd number, where halves fall its way (three halves
    rounded to even: 0, 0 and 0, and their sum, 1.5, to 2).

    Raises:
        TypeError: ``parts`` or ``decimals`` is not a whole number.
        PeelDataError: ``parts`` is negative or over a billion, or
            ``decimals`` is not from 0 to 100.

    Examples:
        >>> rounding_tolerance(10, 1), rounding_tolerance(2, 1), rounding_tolerance(3, 0)
        (0.5, 0.1, 2.0)
    """
    parts, decimals = _args.whole("parts", parts, 0, 10**9), checked_decimals(decimals)
    if parts <= 1:
        return 0.0
    # In decimal, then to the nearest float: exact at every number of places
    # (rounding the float to 12 places made it 0 from 14 places on).
    from decimal import Decimal

    return float(Decimal((parts + 1) // 2) / Decimal(10) ** decimals)


# The most decimal places a figure is checked at (the arithmetic is exact
# in decimal at any of them; past a float's 15 certain digits, the figures
# written in a check's message show its binary noise).
MOST_DECIMALS = 100


def checked_decimals(decimals: object) -> int:
    return _args.whole("decimals", decimals, 0, MOST_DECIMALS)


def _side(side: object) -> Side:
    return _args.choice("side", side, SIDES)  # type: ignore[return-value]


def within_rounding(parts: Sequence[float], total: float, decimals: int = 1) -> bool:
    """Whether ``total`` can be the rounded sum of numbers that round to ``parts``.

    Each of them must be a number of ``decimals`` places: 2.15 is no number
    rounded to one place. A float within a hundredth of a millionth of a
    millionth of one (and less than a tenth of a unit of its last place) is
    taken for it (the sum ``0.1 + 0.2`` for 0.3). The gap between these
    numbers is worked out in decimal, exactly, and set against
    :func:`rounding_tolerance`.

    Raises:
        TypeError: ``parts`` is not a list of numbers, ``total`` not a
            number, or ``decimals`` not a whole number.
        PeelDataError: A number that is not finite, ``decimals`` not from 0
            to 100, or a sum too large to represent.

    Examples:
        >>> within_rounding([17.8, 0.1, 4.1, 4.6, 1.4, 10.4, 14.6, 35.3, 0.2, 0.0], 88.4)
        True
        >>> within_rounding([1.0, 1.0], 2.2), within_rounding([1.0, 1.0], 2.1)
        (False, True)
        >>> within_rounding([1.0, 1.0], 2.15)  # not rounded to one place
        False
        >>> within_rounding([1.0], 1.1)  # one number rounded two ways
        False
    """
    parts = [_args.number(f"parts[{i}]", p) for i, p in enumerate(_args.items("parts", parts, "figures"))]
    total = _args.number("total", total)
    decimals = checked_decimals(decimals)
    _args.summed(parts, "the sum of the parts")  # one too large to represent is refused, as elsewhere
    found = in_decimal(parts, total, decimals)
    return found is not None and found.within


class InDecimal(NamedTuple):
    """A sum of rounded figures and its total in decimal, exactly, each to
    the places checked (as a check's message writes them: a float's binary
    noise is none of them)."""

    sum: Decimal
    total: Decimal
    gap: Decimal
    tolerance: Decimal

    @property
    def within(self) -> bool:
        """Whether the gap is one rounding can open (:func:`within_rounding`)."""
        return self.gap <= self.tolerance


def in_decimal(parts: Sequence[float], total: float, decimals: int) -> InDecimal | None:
    """The sum of ``parts``, ``total``, the gap between them and
    :func:`rounding_tolerance` in decimal, to ``decimals`` places, or
    ``None`` where a number is no number of so many places."""
    from decimal import Decimal, localcontext

    with localcontext() as exact:
        exact.prec = _EXACT
        on = _on_places([*parts, total], decimals)
        numbers = [x for x in on if x is not None]
        if len(numbers) < len(on):
            return None
        # A sum of numbers of so many places, and the tolerance (a number of
        # units), are of so many places: written to them, nothing is lost.
        unit = Decimal(1).scaleb(-decimals)
        found = sum(numbers[:-1], Decimal(0)).quantize(unit)
        tolerance = Decimal(repr(rounding_tolerance(len(parts), decimals))).quantize(unit)
        return InDecimal(found, numbers[-1], abs(found - numbers[-1]), tolerance)


def more_places(numbers: Sequence[float], decimals: int) -> list[float]:
    """Those of ``numbers`` that are no number of ``decimals`` places, which
    :func:`within_rounding` refuses."""
    return [x for x, on in zip(numbers, _on_places(numbers, decimals), strict=True) if on is None]


def stands_for(x: float, past: int = -1) -> Decimal:
    """The number of fewest decimal places ``x`` stands for (4.15, and 0.45
    for 0.15 + 0.3; 100 for 100.0), of more than ``past`` places: the noise
    of binary floating point aside, as :func:`within_rounding` reads it.

    What is noise depends on the places (never a tenth of their unit), so a
    figure no number of ``past`` places may stand for one of fewer: 2.5e-15
    is noise beside 0 at no places, and 0.0000000000000025 past 14.
    """
    written = decimal_places(shortest_decimal(x))
    return next(
        on for d in range(past + 1, max(written, past + 1) + 1) if (on := _on_places([x], d)[0]) is not None
    )


def places(x: float, past: int = -1) -> int:
    """The decimal places of the number ``x`` stands for (2 for 4.15, and
    for 0.15 + 0.3; 0 for 100.0), of more than ``past``."""
    return decimal_places(stands_for(x, past))


def _on_places(numbers: Sequence[float], decimals: int) -> list[Decimal | None]:
    """Each number as the number of ``decimals`` places it stands for (a
    float off one by less than :data:`_NOISE` of it, and less than a tenth
    of a unit, is taken for it), or ``None`` where it stands for none."""
    from decimal import Decimal, localcontext

    with localcontext() as exact:
        exact.prec = _EXACT
        unit = Decimal(1).scaleb(-decimals)
        found: list[Decimal | None] = []
        for x in numbers:
            written = shortest_decimal(x)
            rounded = written.quantize(unit)
            noise = min(Decimal(_NOISE) * max(Decimal(1), abs(written)), unit / 10)
            found.append(rounded if abs(written - rounded) < noise else None)
        return found


# How far a float may be from the number of so many places it stands for:
# the noise of binary floating point (a float holds about 16 digits; sums
# of many lose one or two), a hundredth of a millionth of a millionth of it.
_NOISE = "1e-14"
# Enough digits for any sum of floats, from 1e-324 to 1e308, at 100 places.
_EXACT = 2000


def value_on(row: OutcomeTypeRow | OutcomeGroupRow | OutcomeTotal, side: Side) -> float | None:
    return row.value if side == "force" else row.england_and_wales


def group_subtotal(row: OutcomeGroupRow, side: Side = "force") -> float | None:
    """The sum of a group's member rows, or ``None`` unless every outcome of
    the group is shown with a figure.

    Examples:
        >>> from peel_effectiveness import load_bundled
        >>> t = load_bundled().report("cumbria", 2016).outcome_table("figure_4")
        >>> round(group_subtotal(t.row("Out-of-court (formal)")), 1)
        4.1
    """
    if not isinstance(row, OutcomeGroupRow):
        raise _args.wrong_type("row", "an OutcomeGroupRow (a group of an outcome table)", row)
    side = _side(side)
    shown = {m.outcome: value_on(m, side) for m in row.members}
    if set(shown) != set(row.outcomes) or any(v is None for v in shown.values()):
        return None
    return _args.summed((v for v in shown.values() if v is not None), "the sum of the members")


def parts_of(table: OutcomeTable, side: Side) -> list[float] | None:
    """The figures that partition the table's assigned outcomes, or ``None``
    where a row's figure is blank and cannot be made from its members."""
    parts: list[float] = []
    for row in table.rows:
        v = value_on(row, side)
        if v is not None:
            parts.append(v)
        elif isinstance(row, OutcomeGroupRow) and group_subtotal(row, side) is not None:
            parts.extend(value_on(m, side) or 0.0 for m in row.members)
        else:
            return None
    return parts


def assigned_total(table: OutcomeTable, side: Side = "force") -> float | None:
    """The total of the table's rows, each group counted once (by its own
    figure, or its members' where the group's is blank).

    Raises:
        TypeError: ``table`` is not an OutcomeTable.
        PeelDataError: ``side`` is not ``"force"`` or
            ``"england_and_wales"``, or the table's rows are outcomes per
            100 offences, which do not partition the offences.

    Examples:
        >>> from peel_effectiveness import load_bundled
        >>> t = load_bundled().report("cumbria", 2016).outcome_table("figure_4")
        >>> round(assigned_total(t), 1), t.total_assigned.value
        (88.5, 88.4)
    """
    table, side = _shares(table), _side(side)
    parts = parts_of(table, side)
    return None if parts is None else _args.summed(parts, "the total")


def checked_table(table: object) -> OutcomeTable:
    if not isinstance(table, OutcomeTable):
        raise _args.wrong_type("table", "an OutcomeTable (from a report's outcome_tables)", table)
    return table


def shares_out(table: OutcomeTable) -> bool:
    """Whether the table's rows share out the offences recorded, so that
    they add up to a total (not so of outcomes per 100 offences)."""
    return table.measure is OutcomeMeasure.SHARE_OF_OFFENCES


def _shares(table: object) -> OutcomeTable:
    """``table``, where its rows share out the offences recorded."""
    table = checked_table(table)
    if not shares_out(table):
        # Each row counts outcomes per 100 offences, not linked to the
        # offences (an offence may have none, or several): no total.
        raise _args.refuse(
            f"{table.key} measures outcomes per 100 offences, which do not share out the "
            "offences: their sum is no total"
        )
    return table


def shares_of_assigned(table: OutcomeTable, side: Side = "force") -> dict[int | str, float]:
    """Each row as a percentage of the offences assigned an outcome.

    The published figures are shares of all offences recorded, including those
    not yet assigned an outcome; this rescales them to the assigned ones, using
    the published "total assigned" where the table gives it on that side,
    else the sum of the rows (as :func:`assigned_total`).

    Raises:
        TypeError: ``table`` is not an OutcomeTable.
        PeelDataError: ``side`` is not ``"force"`` or
            ``"england_and_wales"``, the table has no total to rescale by,
            or its rows are outcomes per 100 offences (no shares of a total).

    Examples:
        >>> from peel_effectiveness import load_bundled
        >>> t = load_bundled().report("cumbria", 2016).outcome_table("figure_4")
        >>> round(shares_of_assigned(t)[1], 1)       # charged: 17.8 of 88.4
        20.1
    """
    table, side = _shares(table), _side(side)
    published = None if table.total_assigned is None else value_on(table.total_assigned, side)
    # The sum of the rows where the table gives no total on this side,
    # exact: a share is rounded once.
    parts = [published] if published is not None else parts_of(table, side)
    total = None if parts is None else _args.exact_sum(parts)
    if not total:
        raise _args.refuse(f"{table.key} has no total of assigned outcomes on the {side} side")
    out: dict[int | str, float] = {}
    for row in table.rows:
        rows: list[OutcomeTypeRow | OutcomeGroupRow] = [row]
        if isinstance(row, OutcomeGroupRow):
            rows += list(row.members)
        for r in rows:
            v = value_on(r, side)
            if v is not None:
                share = _args.rounded(_args.exact(v) * 100 / total, "a share")
                out[r.group if isinstance(r, OutcomeGroupRow) else r.outcome] = share
    return out
