"""Home Office crime outcomes and the outcome tables of PEEL reports.

Since April 2014 forces record how each crime is concluded as one of the
Home Office *outcome types*, numbered 1 to 22 (22 from April 2019). Reports
group them (out-of-court formal and informal, evidential difficulties...)
and tabulate each type or group as a share of offences recorded.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

import attrs

from .errors import NotFoundError
from .metrics import Period

__all__ = [
    "OUTCOME_GROUPINGS",
    "OUTCOME_TYPES",
    "OutcomeGroup",
    "OutcomeGroupRow",
    "OutcomeGrouping",
    "OutcomeMeasure",
    "OutcomeTable",
    "OutcomeTotal",
    "OutcomeType",
    "OutcomeTypeRow",
    "outcome_grouping",
]


@attrs.frozen
class OutcomeType:
    """A Home Office outcome type.

    Attributes:
        number: The Home Office number, 1 to 22.
        label: A short label.
    """

    number: int
    label: str


OUTCOME_TYPES: tuple[OutcomeType, ...] = tuple(
    OutcomeType(n, label)
    for n, label in enumerate(
        [
            "Charged/summonsed",
            "Caution - youths",
            "Caution - adults",
            "Taken into consideration",
            "Offender died",
            "Penalty notice for disorder",
            "Cannabis/khat warning",
            "Community resolution",
            "Prosecution not in the public interest (CPS)",
            "Formal action not in the public interest (police)",
            "Prosecution prevented - suspect under age",
            "Prosecution prevented - suspect too ill",
            "Prosecution prevented - victim or key witness dead or too ill",
            "Evidential difficulties - suspect not identified; victim does not support action",
            "Evidential difficulties - suspect identified; victim supports action",
            "Evidential difficulties - suspect identified; victim does not support action",
            "Prosecution time limit expired",
            "Investigation complete - no suspect identified",
            "Action Fraud / NFIB filed",
            "Action undertaken by another body or agency",
            "Further investigation to support formal action not in the public interest",
            "Diversionary, educational or intervention activity",
        ],
        start=1,
    )
)
"""The Home Office outcome types, in number order (``OUTCOME_TYPES[n - 1]``)."""


@attrs.frozen
class OutcomeGroup:
    """A named group of outcome types.

    Attributes:
        name: The group's label.
        outcomes: The outcome numbers in the group.
    """

    name: str
    outcomes: tuple[int, ...]


@attrs.frozen
class OutcomeGrouping:
    """A version of the grouping of outcome types used in published tables.

    Published charts group outcome types differently over time, so the
    grouping is versioned.

    Attributes:
        key: A stable name, e.g. ``"hmic_2016"``.
        title: What the grouping is.
        effective_from: The first day it applies to.
        groups: The groups, in table order; together they cover every type
            in use at the time.

    Examples:
        >>> g = outcome_grouping("hmic_2016")
        >>> g.group_of(16).name
        'Evidential difficulties (victim does not support police action)'
        >>> outcome_grouping(dt.date(2020, 1, 1)).key
        'home_office_2019'
    """

    key: str
    title: str
    effective_from: dt.date
    groups: tuple[OutcomeGroup, ...]

    def group_of(self, number: int) -> OutcomeGroup:
        """The group an outcome type belongs to.

        Raises:
            NotFoundError: The type is in no group of this grouping.
        """
        for g in self.groups:
            if number in g.outcomes:
                return g
        raise NotFoundError(f"outcome type {number} is in no group of {self.key}")

    @property
    def outcomes(self) -> tuple[int, ...]:
        """Every outcome type the grouping covers, in number order."""
        return tuple(sorted(n for g in self.groups for n in g.outcomes))


_GROUPS_2016 = (
    OutcomeGroup("Charged/Summonsed", (1,)),
    OutcomeGroup("Taken into consideration", (4,)),
    OutcomeGroup("Out-of-court (formal)", (2, 3, 6)),
    OutcomeGroup("Out-of-court (informal)", (7, 8)),
    OutcomeGroup("Prosecution prevented or not in the public interest", (5, 9, 10, 11, 12, 13, 17)),
    OutcomeGroup("Evidential difficulties (victim supports police action)", (15,)),
    OutcomeGroup("Evidential difficulties (victim does not support police action)", (14, 16)),
    OutcomeGroup("Investigation complete - no suspect identified", (18,)),
    OutcomeGroup("Action Fraud / NFIB filed", (19,)),
    OutcomeGroup("Action undertaken by another body / agency", (20,)),
    OutcomeGroup("Further investigation to support formal action not in the public interest", (21,)),
)

OUTCOME_GROUPINGS: tuple[OutcomeGrouping, ...] = (
    OutcomeGrouping(
        "hmic_2016",
        "Home Office outcome groups as the 2016 PEEL reports show them (Figure 4)",
        dt.date(2016, 1, 1),
        _GROUPS_2016,
    ),
    OutcomeGrouping(
        "home_office_2019",
        "Home Office outcome groups with outcome 22 (diversionary, educational or intervention activity)",
        dt.date(2019, 4, 1),
        (*_GROUPS_2016, OutcomeGroup("Diversionary, educational or intervention activity", (22,))),
    ),
)
"""The versions of the outcome grouping, oldest first."""


def outcome_grouping(key_or_date: str | dt.date) -> OutcomeGrouping:
    """A grouping by key, or the one in force on a date.

    Raises:
        NotFoundError: No such grouping, or none in force on that date.
    """
    if isinstance(key_or_date, dt.date):
        in_force = [g for g in OUTCOME_GROUPINGS if g.effective_from <= key_or_date]
        if not in_force:
            raise NotFoundError(f"no outcome grouping is known for {key_or_date}")
        return in_force[-1]
    for g in OUTCOME_GROUPINGS:
        if g.key == key_or_date:
            return g
    raise NotFoundError(f"no outcome grouping {key_or_date!r}", [g.key for g in OUTCOME_GROUPINGS])


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
    if not 1 <= number <= len(OUTCOME_TYPES):
        raise ValueError(f"{number} is not a Home Office outcome type (1 to {len(OUTCOME_TYPES)})")


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
