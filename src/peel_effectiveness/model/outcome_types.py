"""Home Office crime outcome types, and the versioned groupings reports use.

Since April 2014 forces record how each crime is concluded as one of the
Home Office *outcome types*, numbered 1 to 22 (22 from April 2019). Reports
group them (out-of-court formal and informal, evidential difficulties...).
"""

from __future__ import annotations

import datetime as dt

import attrs

from ..errors import NotFoundError
from ._field_limits import FILLED, KEY, Between, Distinct, Matches
from ._messages import shown
from ._sealed import Sealed
from ._validators import valid
from ._values import date, records, text, to_date, to_tuple, to_wholes, whole, wholes
from .outcomes import OUTCOME_TYPE_COUNT

_NUMBER = Between(
    1, OUTCOME_TYPE_COUNT, f"a Home Office outcome type (1 to {OUTCOME_TYPE_COUNT})", whole=True
)

__all__ = [
    "OUTCOME_GROUPINGS",
    "OUTCOME_TYPES",
    "OutcomeGroup",
    "OutcomeGrouping",
    "OutcomeType",
    "outcome_grouping",
]


@attrs.frozen
class OutcomeType(Sealed):
    """A Home Office outcome type.

    Attributes:
        number: The Home Office number, 1 to 22.
        label: A short label.
    """

    number: int = attrs.field(validator=valid(whole, _NUMBER))
    label: str = attrs.field(validator=valid(text, FILLED))


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
assert len(OUTCOME_TYPES) == OUTCOME_TYPE_COUNT


@attrs.frozen
class OutcomeGroup(Sealed):
    """A named group of outcome types.

    Attributes:
        name: The group's label.
        outcomes: The outcome numbers in the group.
    """

    name: str = attrs.field(validator=valid(text, FILLED))
    outcomes: tuple[int, ...] = attrs.field(
        converter=to_wholes, validator=valid(wholes, Distinct("outcome type", _NUMBER))
    )


@attrs.frozen
class OutcomeGrouping(Sealed):
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

    key: str = attrs.field(validator=valid(text, Matches(KEY, "a grouping key (lower_snake_case)")))
    title: str = attrs.field(validator=valid(text, FILLED))
    effective_from: dt.date = attrs.field(converter=to_date, validator=valid(date))
    groups: tuple[OutcomeGroup, ...] = attrs.field(
        converter=to_tuple, validator=valid(records(OutcomeGroup, "an outcome group"))
    )

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
    # The Home Office's group. The 2016 reports' footnote names six of its
    # types, not 10, which is in no other row of their Figure 4 (the
    # bundled table lists the six, as the report does).
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
        TypeError: ``key_or_date`` is neither a key (text) nor a date.
        NotFoundError: No such grouping, or none in force on that date.

    Examples:
        >>> import datetime as dt
        >>> outcome_grouping(dt.date(2016, 6, 30)).key
        'hmic_2016'
        >>> outcome_grouping("hmic_2016").effective_from <= dt.date(2016, 6, 30)
        True
    """
    if isinstance(key_or_date, dt.date):
        in_force = [g for g in OUTCOME_GROUPINGS if g.effective_from <= key_or_date]
        if not in_force:
            raise NotFoundError(f"no outcome grouping is known for {key_or_date}")
        return in_force[-1]
    if not isinstance(key_or_date, str):
        from ._arguments import wrong_type

        raise wrong_type("key_or_date", "a grouping's key (str) or a date", key_or_date)
    for g in OUTCOME_GROUPINGS:
        if g.key == key_or_date:
            return g
    raise NotFoundError(f"no outcome grouping {shown(key_or_date)}", [g.key for g in OUTCOME_GROUPINGS])
