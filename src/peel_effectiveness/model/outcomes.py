"""The outcome tables of PEEL reports.

Since April 2014 forces record how each crime is concluded as one of the
Home Office *outcome types*, numbered 1 to 22 (22 from April 2019). Reports
group them (out-of-court formal and informal, evidential difficulties...)
and tabulate each type or group as a share of offences recorded.
"""

from __future__ import annotations

import enum
from typing import Any

import attrs

from ..errors import NotFoundError
from .metrics import Period

__all__ = [
    "OutcomeGroupRow",
    "OutcomeMeasure",
    "OutcomeTable",
    "OutcomeTotal",
    "OutcomeTypeRow",
]

# The number of Home Office outcome types (22 from April 2019); the types
# themselves, and their groupings, are in outcome_types.
OUTCOME_TYPE_COUNT = 22


class OutcomeMeasure(enum.Enum):
    """What the numbers of an outcome table measure.

    * ``share_of_offences``: of the offences recorded in the period, the
      percentage assigned each outcome; each crime is tracked to its outcome,
      and with "not yet assigned" the table sums to 100 (the seed's Figure 4).
    * ``per_100_offences``: outcomes recorded in the period per 100 offences
      recorded in the same period, not linked to each other, so rows need not
      sum to 100 (the seed's Figure 8, domestic abuse).
    """

    SHARE_OF_OFFENCES = "share_of_offences"
    PER_100_OFFENCES = "per_100_offences"


def _check_number(_: object, __: attrs.Attribute[Any], number: int) -> None:
    if not 1 <= number <= OUTCOME_TYPE_COUNT:
        raise ValueError(f"{number} is not a Home Office outcome type (1 to {OUTCOME_TYPE_COUNT})")


def _check_share(_: object, __: attrs.Attribute[float | None], value: float | None) -> None:
    if value is not None and not 0 <= value <= 100:
        raise ValueError(f"{value} is not a percentage between 0 and 100")


@attrs.frozen(kw_only=True)
class OutcomeTypeRow:
    """A row for one outcome type.

    Attributes:
        outcome: The Home Office outcome number.
        label: The label the report uses.
        force: The force's figure, or ``None`` where the report leaves it blank.
        england_and_wales: The England and Wales figure.
    """

    outcome: int = attrs.field(validator=_check_number)
    label: str
    force: float | None = attrs.field(default=None, validator=_check_share)
    england_and_wales: float | None = attrs.field(default=None, validator=_check_share)


@attrs.frozen(kw_only=True)
class OutcomeGroupRow:
    """A row for a group of outcome types, with the member rows the report shows.

    Attributes:
        group: The group's label.
        outcomes: The outcome numbers the group covers.
        force: The force's figure for the group (``None`` where blank).
        england_and_wales: The England and Wales figure for the group.
        members: The rows the report shows under the group; may be fewer than
            ``outcomes`` (or none: the table shows only the group's total).
    """

    group: str
    outcomes: tuple[int, ...] = attrs.field()
    force: float | None = attrs.field(default=None, validator=_check_share)
    england_and_wales: float | None = attrs.field(default=None, validator=_check_share)
    members: tuple[OutcomeTypeRow, ...] = attrs.field(default=())

    @outcomes.validator
    def _check_outcomes(self, a: attrs.Attribute[tuple[int, ...]], outcomes: tuple[int, ...]) -> None:
        if not outcomes:
            raise ValueError("a group covers at least one outcome type")
        if len(set(outcomes)) != len(outcomes):
            raise ValueError("an outcome type is listed twice in the group")
        for n in outcomes:
            _check_number(self, a, n)

    @members.validator
    def _check_members(
        self, _: attrs.Attribute[tuple[OutcomeTypeRow, ...]], members: tuple[OutcomeTypeRow, ...]
    ) -> None:
        numbers = [m.outcome for m in members]
        if len(set(numbers)) != len(numbers):
            raise ValueError("an outcome type appears twice among the group's rows")
        stray = sorted(set(numbers) - set(self.outcomes))
        if stray:
            raise ValueError(f"outcome types {stray} are shown under the group but not in it")


@attrs.frozen(kw_only=True)
class OutcomeTotal:
    """A total line of an outcome table ("Total offences assigned an outcome")."""

    label: str
    force: float | None = attrs.field(default=None, validator=_check_share)
    england_and_wales: float | None = attrs.field(default=None, validator=_check_share)


OutcomeRow = OutcomeTypeRow | OutcomeGroupRow


@attrs.frozen(kw_only=True)
class OutcomeTable:
    """An outcome table, such as the seed's Figure 4.

    Attributes:
        key: A stable name within the report, e.g. ``"figure_4"``.
        title: A short description.
        measure: What the numbers measure.
        period: The period of offences (and outcomes) recorded.
        rows: Outcome type rows and group rows, in the report's order.
        total_assigned: "Total offences assigned an outcome", where given.
        not_yet_assigned: "Not yet assigned an outcome", where given.
        total: The table's total line, where given.
        source: Where the data come from.
        note: A short note in our own words (exclusions and the like).
    """

    key: str
    title: str
    measure: OutcomeMeasure
    period: Period
    rows: tuple[OutcomeTypeRow | OutcomeGroupRow, ...] = attrs.field()
    total_assigned: OutcomeTotal | None = None
    not_yet_assigned: OutcomeTotal | None = None
    total: OutcomeTotal | None = None
    source: str | None = None
    note: str | None = None

    @rows.validator
    def _check_rows(self, _: attrs.Attribute[tuple[OutcomeRow, ...]], rows: tuple[OutcomeRow, ...]) -> None:
        seen: set[int] = set()
        for row in rows:
            covered = set(row.outcomes) if isinstance(row, OutcomeGroupRow) else {row.outcome}
            twice = sorted(covered & seen)
            if twice:
                raise ValueError(f"outcome types {twice} appear in more than one row")
            seen |= covered

    def type_rows(self) -> tuple[OutcomeTypeRow, ...]:
        """Every outcome type row, members of groups included, in order."""
        out: list[OutcomeTypeRow] = []
        for row in self.rows:
            if isinstance(row, OutcomeGroupRow):
                out.extend(row.members)
            else:
                out.append(row)
        return tuple(out)

    def row(self, outcome_or_group: int | str) -> OutcomeTypeRow | OutcomeGroupRow:
        """The row of an outcome number or a group label.

        Raises:
            NotFoundError: The table has no such row.
        """
        for row in self.rows:
            if isinstance(row, OutcomeGroupRow):
                if row.group == outcome_or_group:
                    return row
                for m in row.members:
                    if m.outcome == outcome_or_group:
                        return m
            elif row.outcome == outcome_or_group:
                return row
        raise NotFoundError(f"{self.key} has no row for {outcome_or_group!r}")
