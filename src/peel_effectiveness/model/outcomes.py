"""The outcome tables of PEEL reports.

Since April 2014 forces record how each crime is concluded as one of the
Home Office *outcome types*, numbered 1 to 22 (22 from April 2019). Reports
group them (out-of-court formal and informal, evidential difficulties...)
and tabulate each type or group as a share of offences recorded.
"""

from __future__ import annotations

import enum

from ..errors import NotFoundError
from ._record import Check, Found, between, distinct, field, not_empty, record, rule
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

    __noun__ = "an outcome measure"

    SHARE_OF_OFFENCES = "share_of_offences"
    PER_100_OFFENCES = "per_100_offences"


_OUTCOME = between(1, OUTCOME_TYPE_COUNT, f"a Home Office outcome type (1 to {OUTCOME_TYPE_COUNT})")
_SHARE = between(0, 100, "a percentage between 0 and 100")


def _outcome_numbers() -> Check:
    return Check(
        lambda v: all(1 <= n <= OUTCOME_TYPE_COUNT for n in v),
        lambda v: (
            f"{[n for n in v if not 1 <= n <= OUTCOME_TYPE_COUNT]} are not Home Office outcome types (1 to {OUTCOME_TYPE_COUNT})"
        ),
        {"items": {"minimum": 1, "maximum": OUTCOME_TYPE_COUNT}},
    )


@record
class OutcomeTypeRow:
    """A row for one outcome type.

    Attributes:
        outcome: The Home Office outcome number.
        label: The label the report uses.
        value: The force's figure, or ``None`` where the report leaves it blank.
        england_and_wales: The England and Wales figure.
    """

    __noun__ = "an outcome row"

    outcome: int = field(checks=(_OUTCOME,), doc="The Home Office outcome number.")
    label: str = field(doc="The label the report uses.")
    value: float | None = field(default=None, checks=(_SHARE,), doc="The force's figure.")
    england_and_wales: float | None = field(
        default=None, checks=(_SHARE,), doc="The England and Wales figure."
    )


@record
class OutcomeGroupRow:
    """A row for a group of outcome types, with the member rows the report shows.

    Attributes:
        group: The group's label.
        outcomes: The outcome numbers the group covers.
        value: The force's figure for the group (``None`` where blank).
        england_and_wales: The England and Wales figure for the group.
        members: The rows the report shows under the group; may be fewer than
            ``outcomes`` (or none: the table shows only the group's total).
    """

    __noun__ = "an outcome group row"

    group: str = field(doc="The group's label.")
    outcomes: tuple[int, ...] = field(
        checks=(
            not_empty("a group's outcomes"),
            distinct("an outcome type of the group"),
            _outcome_numbers(),
        ),
        doc="The outcome numbers the group covers.",
    )
    value: float | None = field(default=None, checks=(_SHARE,), doc="The force's figure for the group.")
    england_and_wales: float | None = field(
        default=None, checks=(_SHARE,), doc="The England and Wales figure for the group."
    )
    members: tuple[OutcomeTypeRow, ...] = field(default=(), doc="The rows the report shows under the group.")

    @rule("outcomes", "members", unless_empty="members")
    def _members_in_group(self) -> Found:
        out: Found = []
        seen: set[int] = set()
        for i, m in enumerate(self.members):
            if m.outcome in seen:
                out.append(
                    (("members", i, "outcome"), "an outcome type appears twice among the group's rows")
                )
            elif m.outcome not in self.outcomes:
                out.append(
                    (
                        ("members", i, "outcome"),
                        f"outcome type {m.outcome} is shown under the group but not in it",
                    )
                )
            seen.add(m.outcome)
        return out


@record
class OutcomeTotal:
    """A total line of an outcome table ("Total offences assigned an outcome")."""

    __noun__ = "an outcome total"

    label: str = field(doc="The label the report uses.")
    value: float | None = field(default=None, checks=(_SHARE,), doc="The force's figure.")
    england_and_wales: float | None = field(
        default=None, checks=(_SHARE,), doc="The England and Wales figure."
    )


OutcomeRow = OutcomeTypeRow | OutcomeGroupRow


@record
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

    __noun__ = "an outcome table"

    key: str = field(doc="A stable name within the report, e.g. figure_4.")
    title: str = field(doc="A short description.")
    measure: OutcomeMeasure = field(doc="What the numbers measure.")
    period: Period = field(doc="The period of offences recorded.")
    rows: tuple[OutcomeTypeRow | OutcomeGroupRow, ...] = field(doc="Outcome type rows and group rows.")
    total_assigned: OutcomeTotal | None = field(default=None, doc="Total offences assigned an outcome.")
    not_yet_assigned: OutcomeTotal | None = field(default=None, doc="Not yet assigned an outcome.")
    total: OutcomeTotal | None = field(default=None, doc="The table's total line.")
    source: str | None = field(default=None, doc="Where the data come from.")
    note: str | None = field(default=None, doc="A short note in our own words.")

    @rule("rows")
    def _each_type_once(self) -> Found:
        out: Found = []
        seen: set[int] = set()
        for i, row in enumerate(self.rows):
            covered = set(row.outcomes) if isinstance(row, OutcomeGroupRow) else {row.outcome}
            twice = sorted(covered & seen)
            if twice:
                out.append((("rows", i), f"outcome types {twice} appear in more than one row"))
            seen |= covered
        return out

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
