"""The outcome tables of PEEL reports.

Since April 2014 forces record how each crime is concluded as one of the
Home Office *outcome types*, numbered 1 to 22 (22 from April 2019). Reports
group them (out-of-court formal and informal, evidential difficulties...)
and tabulate each type or group as a share of offences recorded.
"""

from __future__ import annotations

import math

import attrs

from ..errors import NotFoundError, PeelDataError, Problem
from ._arguments import of_whole
from ._field_limits import FILLED, KEY, Between, Distinct, Matches
from ._messages import shown
from ._sealed import Sealed
from ._validators import valid
from ._values import (
    first_named,
    lenient,
    number,
    optional,
    record,
    records,
    text,
    to_float,
    to_tuple,
    to_wholes,
    whole,
    wholes,
)
from ._words import NOUNS, Words, member
from .periods import Period, period, to_period

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


class OutcomeMeasure(Words):
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


NOUNS[OutcomeMeasure] = "an outcome measure"

_OUTCOME = Between(
    1, OUTCOME_TYPE_COUNT, f"a Home Office outcome type (1 to {OUTCOME_TYPE_COUNT})", whole=True
)
# A share is a percentage; a rate per 100 offences can pass 100 (more
# outcomes recorded than offences), so a row is bounded below only by 0, and
# a table of shares bounds its rows by 100 (OutcomeTable).
_SHARE = valid(optional(number), Between(0, math.inf, "a figure of 0 or more"))
_PERCENTAGE = Between(0, 100, "a percentage between 0 and 100 (the table's measure is share_of_offences)")
MEASURE = member(OutcomeMeasure)


def to_measure(value: OutcomeMeasure | str) -> object:
    """A measure's word as the measure (anything else as it was, for the field's validator)."""
    return value if value.__class__ is OutcomeMeasure else lenient(MEASURE, value)


@attrs.frozen(kw_only=True)
class OutcomeTypeRow(Sealed):
    """A row for one outcome type.

    Attributes:
        outcome: The Home Office outcome number.
        label: The label the report uses.
        value: The force's figure, or ``None`` where the report leaves it blank.
        england_and_wales: The England and Wales figure.

    Examples:
        >>> row = OutcomeTypeRow(outcome=1, label="Charged/Summonsed", value=17.8, england_and_wales=12.1)
        >>> round(row.value - row.england_and_wales, 1)
        5.7
    """

    outcome: int = attrs.field(validator=valid(whole, _OUTCOME))
    label: str = attrs.field(validator=valid(text, FILLED))
    value: float | None = attrs.field(
        default=None, converter=attrs.converters.optional(to_float), validator=_SHARE
    )
    england_and_wales: float | None = attrs.field(
        default=None, converter=attrs.converters.optional(to_float), validator=_SHARE
    )


_TYPE_ROWS = valid(records(OutcomeTypeRow, "an outcome row"))


@attrs.frozen(kw_only=True)
class OutcomeGroupRow(Sealed):
    """A row for a group of outcome types, with the member rows the report shows.

    Attributes:
        group: The group's label.
        outcomes: The outcome numbers the group covers.
        value: The force's figure for the group (``None`` where blank).
        england_and_wales: The England and Wales figure for the group.
        members: The rows the report shows under the group; may be fewer than
            ``outcomes`` (or none: the table shows only the group's total).

    Examples:
        >>> group = OutcomeGroupRow(
        ...     group="Out-of-court (informal)", outcomes=[7, 8], value=4.6,
        ...     members=[OutcomeTypeRow(outcome=7, label="Cannabis/Khat warning", value=0.7)])
        >>> group.outcomes, len(group.members)
        ((7, 8), 1)

        A member row must be of one of the group's outcome types:

        >>> OutcomeGroupRow(
        ...     group="Out-of-court (informal)", outcomes=[7, 8],
        ...     members=[OutcomeTypeRow(outcome=1, label="Charged/Summonsed")])
        Traceback (most recent call last):
        peel_effectiveness.errors.PeelDataError: members[0].outcome: outcome type 1 is shown under the group but not in it
    """

    group: str = attrs.field(validator=valid(text, FILLED))
    outcomes: tuple[int, ...] = attrs.field(
        converter=to_wholes, validator=valid(wholes, Distinct("outcome type", _OUTCOME))
    )
    value: float | None = attrs.field(
        default=None, converter=attrs.converters.optional(to_float), validator=_SHARE
    )
    england_and_wales: float | None = attrs.field(
        default=None, converter=attrs.converters.optional(to_float), validator=_SHARE
    )
    members: tuple[OutcomeTypeRow, ...] = attrs.field(default=(), converter=to_tuple, validator=_TYPE_ROWS)

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        seen: set[int] = set()
        for i, m in enumerate(self.members):
            if m.outcome in seen:
                why = "an outcome type appears twice among the group's rows"
            elif m.outcome not in self.outcomes:
                why = f"outcome type {m.outcome} is shown under the group but not in it"
            else:
                why = ""
            if why:
                problems.append(Problem(why, path=f"members[{i}].outcome"))
            seen.add(m.outcome)
        if problems:
            raise PeelDataError(first_named(problems))


@attrs.frozen(kw_only=True)
class OutcomeTotal(Sealed):
    """A total line of an outcome table ("Total offences assigned an outcome").

    Attributes:
        label: The label the report uses.
        value: The force's figure.
        england_and_wales: The England and Wales figure.

    Examples:
        >>> from peel_effectiveness import load_bundled
        >>> table = load_bundled().report("cumbria", 2016).outcome_tables[0]
        >>> table.total_assigned
        OutcomeTotal(label='Total offences assigned an outcome', value=88.4, england_and_wales=91.3)
    """

    label: str = attrs.field(validator=valid(text, FILLED))
    value: float | None = attrs.field(
        default=None, converter=attrs.converters.optional(to_float), validator=_SHARE
    )
    england_and_wales: float | None = attrs.field(
        default=None, converter=attrs.converters.optional(to_float), validator=_SHARE
    )


OutcomeRow = OutcomeTypeRow | OutcomeGroupRow


_TOTAL = valid(optional(record(OutcomeTotal, "an outcome total")))


@attrs.frozen(kw_only=True)
class OutcomeTable(Sealed):
    """An outcome table, such as the seed's Figure 4.

    Attributes:
        key: A stable name within the report, e.g. ``"figure_4"``.
        title: A short description.
        measure: What the numbers measure.
        period: The period of offences (and outcomes) recorded.
        rows: Outcome type rows and group rows, in the report's order:
            each outcome type in one row, each group's label its own.
        total_assigned: "Total offences assigned an outcome", where given.
        not_yet_assigned: "Not yet assigned an outcome", where given.
        total: The table's total line, where given.
        source: Where the data come from.
        note: A short note in our own words (exclusions and the like).

    Examples:
        >>> from peel_effectiveness import load_bundled
        >>> table = load_bundled().report("cumbria", 2016).outcome_tables[0]
        >>> table.key, str(table.period)
        ('figure_4', '12 months to 30 June 2016')
        >>> table.row(1).value, table.row("Out-of-court (informal)").outcomes
        (17.8, (7, 8))
        >>> len(table.rows), len(table.type_rows())
        (10, 13)
    """

    key: str = attrs.field(validator=valid(text, Matches(KEY, "a table key (use lower_snake_case)")))
    title: str = attrs.field(validator=valid(text, FILLED))
    measure: OutcomeMeasure = attrs.field(converter=to_measure, validator=valid(MEASURE))
    period: Period = attrs.field(converter=to_period, validator=valid(period))
    rows: tuple[OutcomeTypeRow | OutcomeGroupRow, ...] = attrs.field(
        converter=to_tuple, validator=valid(records((OutcomeTypeRow, OutcomeGroupRow), "an outcome row"))
    )
    total_assigned: OutcomeTotal | None = attrs.field(default=None, validator=_TOTAL)
    not_yet_assigned: OutcomeTotal | None = attrs.field(default=None, validator=_TOTAL)
    total: OutcomeTotal | None = attrs.field(default=None, validator=_TOTAL)
    source: str | None = attrs.field(default=None, validator=valid(optional(text)))
    note: str | None = attrs.field(default=None, validator=valid(optional(text)))

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        seen: set[int] = set()
        groups: dict[str, int] = {}
        for i, row in enumerate(self.rows):
            covered = set(row.outcomes) if isinstance(row, OutcomeGroupRow) else {row.outcome}
            twice = sorted(covered & seen)
            if twice:
                problems.append(
                    Problem(f"outcome types {twice} appear in more than one row", path=f"rows[{i}]")
                )
            seen |= covered
            # A group is named by its label (row("..."), the tables' keys).
            if isinstance(row, OutcomeGroupRow):
                if row.group in groups:
                    why = f"the group {row.group!r} is also rows[{groups[row.group]}]: each group's label is its own"
                    problems.append(Problem(why, path=f"rows[{i}].group"))
                groups.setdefault(row.group, i)
        if self.measure is OutcomeMeasure.SHARE_OF_OFFENCES:
            problems += self._over_100()
        if problems:
            raise PeelDataError(first_named(problems))

    def _over_100(self) -> list[Problem]:
        """A share's figures past 100, each with its path."""
        figures: list[tuple[str, OutcomeTypeRow | OutcomeGroupRow | OutcomeTotal]] = []
        for i, row in enumerate(self.rows):
            figures.append((f"rows[{i}]", row))
            if isinstance(row, OutcomeGroupRow):
                figures += [(f"rows[{i}].members[{j}]", m) for j, m in enumerate(row.members)]
        totals = (
            ("total_assigned", self.total_assigned),
            ("not_yet_assigned", self.not_yet_assigned),
            ("total", self.total),
        )
        figures += [(name, t) for name, t in totals if t is not None]
        return [
            Problem(why, path=f"{path}.{field}")
            for path, row in figures
            for field, x in (("value", row.value), ("england_and_wales", row.england_and_wales))
            if x is not None and (why := _PERCENTAGE.problem(x)) is not None
        ]

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
            TypeError: ``outcome_or_group`` is neither a whole number (an
                ``int``, or one numpy's columns hold) nor text (``True`` is
                no outcome number, though Python counts it 1).
            NotFoundError: The table has no such row.
        """
        if not isinstance(outcome_or_group, str):
            wanted = "an outcome number (int) or a group's label (str)"
            outcome_or_group = of_whole("outcome_or_group", outcome_or_group, wanted)
        for row in self.rows:
            if isinstance(row, OutcomeGroupRow):
                if row.group == outcome_or_group:
                    return row
                for m in row.members:
                    if m.outcome == outcome_or_group:
                        return m
            elif row.outcome == outcome_or_group:
                return row
        raise NotFoundError(f"{self.key} has no row for {shown(outcome_or_group)}")
