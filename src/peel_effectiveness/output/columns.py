"""The columns of every tidy table, once: their names, order, kinds and meaning.

:func:`~peel_effectiveness.to_records`, :func:`~peel_effectiveness.to_dataframe`
and every ``export`` format take the columns from here, so that a table has
the same columns, in the same order, with the same kinds of values,
wherever it is written.

Kinds, and what each is in every output (records, CSV and JSON, pandas,
polars, the data package):

| kind | records (Python) | CSV, JSON | pandas | polars |
| --- | --- | --- | --- | --- |
| text | `str` | text | `string` | `String` |
| number | `float` | number | `float64` | `Float64` |
| integer | `int` | integer | `Int64` | `Int64` |
| date | `datetime.date` | ISO 8601 text | `datetime64` | `Date` |
| cycle | `str` (`"2018/19"`) | text | ordered categorical | `Enum` |
| unit | `str` | text | categorical | `Enum` |
| grade | `str` (`"good"`) | text | ordered categorical | `Enum` |
| no_grade | `str` (`"ungraded"`) | text | categorical | `Enum` |

A cycle is always text, ``"2016"`` as much as ``"2018/19"``. Cycles are
ordered in time and grades from inadequate up to outstanding. A judgment
with no grade has an empty ``grade`` and says why in ``no_grade``
(``ungraded``, ``not graded``, ``not inspected``, ``not yet graded``); both
empty means the grade is not known. An empty cell (``None``) is a value the
data do not have.
"""

from __future__ import annotations

from typing import Literal

__all__ = ["COLUMNS", "Column", "Table", "vocabulary"]

Table = Literal["measurements", "judgments", "outcomes", "national"]
Kind = Literal["text", "number", "integer", "date", "cycle", "unit", "grade", "no_grade"]
KINDS: tuple[Kind, ...] = ("text", "number", "integer", "date", "cycle", "unit", "grade", "no_grade")


def vocabulary(kind: Kind) -> tuple[str, ...] | None:
    """The words a column of this kind may hold, in their order (cycles in
    time order, grades from inadequate up to outstanding), or ``None`` for a
    kind that is not a closed vocabulary.

    Raises:
        PeelDataError: Not a kind of column (a ``ValueError``); ``TypeError``
            if not text.

    Examples:
        >>> vocabulary("grade")
        ('inadequate', 'requires improvement', 'adequate', 'good', 'outstanding')
        >>> vocabulary("text") is None
        True
    """
    from ..analysis._args import choice
    from ..model.cycles import Cycle

    choice("kind", kind, KINDS)
    from ..model.grades import Grade, NoGrade
    from ..model.metrics import Unit

    if kind == "cycle":
        return tuple(c.value for c in Cycle)
    if kind == "unit":
        return tuple(u.value for u in Unit)
    if kind == "grade":
        return tuple(g.value for g in sorted(Grade))
    if kind == "no_grade":
        return tuple(r.value for r in NoGrade)
    return None


class Column:
    """One column of a tidy table (a plain class: made at every start)."""

    __slots__ = ("description", "kind", "name")

    def __init__(self, name: str, kind: Kind, description: str) -> None:
        if not isinstance(name, str) or not isinstance(description, str):
            bad = name if not isinstance(name, str) else description
            raise TypeError(f"a Column's name and description are text (str), not {type(bad).__name__}")
        if kind not in KINDS:
            from ..analysis._args import choice

            choice("kind", kind, KINDS)
        self.name, self.kind, self.description = name, kind, description

    def __repr__(self) -> str:
        return f"Column({self.name!r}, {self.kind!r})"


_REPORT = (
    Column("force", "text", "The force's id."),
    Column("cycle", "cycle", "The PEEL cycle."),
)

COLUMNS: dict[str, tuple[Column, ...]] = {
    "measurements": (
        *_REPORT,
        Column("metric", "text", "The metric's key."),
        Column("label", "text", "What the figure measures, in words."),
        Column("unit", "unit", "The unit."),
        Column("base", "text", "For a rate per 100: of what."),
        Column("value", "number", "The force's figure."),
        Column("england_and_wales", "number", "The England and Wales figure."),
        Column("period_start", "date", "The first day of the period the figure covers."),
        Column("period_end", "date", "The last day of that period."),
        Column("baseline_start", "date", "For a change: the first day of the period it is measured from."),
        Column("baseline_end", "date", "For a change: the last day of that period."),
        Column("source", "text", "Where the figure comes from."),
        Column("note", "text", "A note on the figure, in our own words."),
    ),
    "judgments": (
        *_REPORT,
        Column("pillar", "text", "The pillar; empty for an integrated cycle's area."),
        Column("question", "text", "'overall' for a pillar's headline judgment, else the question's key."),
        Column("title", "text", "The question or area as HMIC/HMICFRS worded it."),
        Column("grade", "grade", "The grade; empty where there is none or it is not known."),
        Column("no_grade", "no_grade", "Why there is no grade (ungraded, not graded...); empty otherwise."),
        Column(
            "previous_grade",
            "grade",
            "The previous cycle's grade: from its report in the data, else as this report states it.",
        ),
        Column("previous_no_grade", "no_grade", "Why the previous cycle's judgment had no grade."),
        Column("basis", "text", "How the grade is known: stated or inferred."),
        Column("carried_over_from", "cycle", "The earlier cycle whose judgment stands."),
        Column("note", "text", "A note on the grade, in our own words."),
        Column("sources", "text", "Where the grade is published: web addresses, separated by spaces."),
    ),
    "outcomes": (
        *_REPORT,
        Column("table", "text", "The outcome table's key within the report (figure_4)."),
        Column("title", "text", "The table's title."),
        Column("measure", "text", "share_of_offences or per_100_offences."),
        Column("period_start", "date", "The first day of the period of offences recorded."),
        Column("period_end", "date", "The last day of that period."),
        Column(
            "row",
            "text",
            "outcome (a type's row), group, member (a type shown under its group), "
            "total_assigned, not_yet_assigned or total.",
        ),
        Column("outcome", "integer", "The Home Office outcome type, for outcome and member rows."),
        Column("group", "text", "The group's name, for group and member rows."),
        Column("label", "text", "The row's label."),
        Column("value", "number", "The force's figure."),
        Column("england_and_wales", "number", "The England and Wales figure."),
        Column("source", "text", "Where the table's data come from."),
        Column("note", "text", "A note on the table, in our own words."),
    ),
    "national": (
        Column("force", "text", "The force's id."),
        Column("name", "text", "The force's short name."),
        Column("cycle", "cycle", "The PEEL cycle."),
        Column("pillar", "text", "The pillar; empty for an integrated cycle's area."),
        Column("question", "text", "'overall' for a pillar's headline judgment, else the question's key."),
        Column("grade", "grade", "The grade; empty where there is none or the data lack it."),
        Column("no_grade", "no_grade", "Why there is no grade (ungraded, not graded...); empty otherwise."),
        Column("previous_cycle", "cycle", "The cycle the grade is compared with."),
        Column("previous_grade", "grade", "The grade then."),
        Column("previous_no_grade", "no_grade", "Why there was no grade then."),
        Column("change", "text", "improved, declined, unchanged, not comparable or no data."),
        Column("reason", "text", "Why not comparable, or which judgment the data lack."),
    ),
}
"""Each table's columns, in order."""
