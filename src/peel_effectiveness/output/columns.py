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
| judgment | `str` (`"good"`, `"ungraded"`, `"unknown"`) | text | categorical | `Enum`: unknown, the reasons, the grades |
| boolean | `bool` | `True`, `False` | `boolean` | `Boolean` |

A cycle is always text, ``"2016"`` as much as ``"2018/19"``. Cycles are
ordered in time and grades from inadequate up to outstanding. A judgment
with no grade has an empty ``grade`` and says why in ``no_grade``
(``ungraded``, ``not graded``, ``not inspected``, ``not yet graded``); both
empty means the grade is not known. A cell of the wide ``grid`` holds a
grade or the reason for none (kind ``judgment``), or ``unknown`` where the
row's cycle asks the question and the data hold no judgment of it; a cell
of a question the cycle does not ask is empty (where the library's registry
does not list a cycle's questions of a pillar, its row's caveats say that
an empty cell of that pillar's questions is not known to be unasked).
Elsewhere, an empty cell
(``None``) is a value the data do not have.

Every ``force`` column holds a force's id, the ``id`` of the ``forces``
table, so that every table joins to it (:func:`references`); ``short_name``
is always the force's short name and ``official_name`` its official name.
"""

from __future__ import annotations

from typing import Literal, get_args

from ..model.cycles import Cycle
from ..model.force import REGIONS_ARE
from ..model.grades import Grade, NoGrade

__all__ = ["COLUMNS", "DATA_TABLES", "EMPTY_IN_KEYS", "KEYS", "Column", "Table", "references", "vocabulary"]

Table = Literal[
    "measurements",
    "judgments",
    "other_grades",
    "outcomes",
    "forces",
    "grid",
    "monitoring",
    "national",
    "history",
    "ranking",
    "coverage",
]
"""A tidy table, as ``to_records``, ``to_pandas``, ``to_polars`` and ``export --table`` name it."""
Kind = Literal[
    "text", "number", "integer", "date", "cycle", "unit", "grade", "no_grade", "judgment", "boolean"
]
KINDS: tuple[Kind, ...] = get_args(Kind)

# A grid's cell of a judgment its cycle asks that the data do not hold (as
# the command line's tables and charts say it).
UNKNOWN = "unknown"


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
    from ..model.metrics import Unit

    choice("kind", kind, KINDS)

    if kind == "cycle":
        return tuple(c.value for c in Cycle)
    if kind == "unit":
        return tuple(u.value for u in Unit)
    if kind == "grade":
        return tuple(g.value for g in sorted(Grade))
    if kind == "no_grade":
        return tuple(r.value for r in NoGrade)
    if kind == "judgment":
        # A grade, the reason for none, or unknown: the reasons below every
        # grade, and unknown below them, for polars, whose Enum is always
        # ordered (see polars_frames).
        return (UNKNOWN, *(r.value for r in NoGrade), *(g.value for g in sorted(Grade)))
    return None


def count_column(word: Grade | NoGrade) -> str:
    """The column of a row counting the forces with a grade or a reason for
    no grade (``coverage``, ``national``): ``not_graded`` for ``not
    graded``, ``requires_improvement``, a name a data frame takes as an
    attribute."""
    value: str = word.value
    return value.replace(" ", "_")


class Column:
    """One column of a tidy table (a plain class: made at every start).

    Examples:
        >>> column = COLUMNS["judgments"][0]
        >>> column, column.description
        (Column('force', 'text'), "The force's id (the id of the forces table).")
    """

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


_FORCE = Column("force", "text", "The force's id (the id of the forces table).")
_SHORT_NAME = Column("short_name", "text", "The force's short name.")
_PUBLISHED_IN = Column(
    "published_in", "text", "Where the figure is published: its report's address (or publisher), one a line."
)
_CYCLE = Column("cycle", "cycle", "The PEEL cycle.")
_PILLAR = Column("pillar", "text", "The pillar; empty for an integrated cycle's area.")
_QUESTION = Column("question", "text", "'overall' for a pillar's headline judgment, else the question's key.")
_REPORT = (_FORCE, _CYCLE, Column("pillar", "text", "The report's pillar; empty for an integrated cycle."))
_GRADE = (
    Column("grade", "grade", "The grade; empty where there is none or it is not known."),
    Column("no_grade", "no_grade", "Why there is no grade (ungraded, not graded...); empty otherwise."),
)
_HOW_KNOWN = (
    Column("basis", "text", "How the grade is known: stated or inferred."),
    Column("carried_over_from", "cycle", "The earlier cycle whose judgment stands."),
    Column("note", "text", "A note on the grade, in our own words."),
    Column(
        "other_grades",
        "integer",
        "How many other grades the judgment records, superseded (revised after publication) or "
        "disputed: each a row of the other_grades table; empty where the judgment is not known.",
    ),
    Column(
        "sources",
        "text",
        "Where the grade comes from, one a line: its own sources, else its report's web address.",
    ),
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
        Column("source", "text", "What the figure's report says its data come from, where it says."),
        _PUBLISHED_IN,
        Column("note", "text", "A note on the figure, in our own words."),
    ),
    "judgments": (
        _FORCE,
        _CYCLE,
        _PILLAR,
        _QUESTION,
        Column("title", "text", "The question or area as HMIC/HMICFRS worded it."),
        *_GRADE,
        Column(
            "previous_grade",
            "grade",
            "The previous cycle's grade: from its report in the data, else as this report states it "
            "(its previous grade, or the grade it carries over from that cycle or one before); "
            "given across a change of framework too (the national table says whether the two compare).",
        ),
        Column("previous_no_grade", "no_grade", "Why the previous cycle's judgment had no grade."),
        Column(
            "previous_comparable",
            "boolean",
            "Whether HMICFRS's grades of the two cycles can be compared (one framework and one scale): "
            "false where HMICFRS began a new framework between them ("
            + ", ".join(str(c) for c in Cycle if c.new_framework)
            + "; pe.model.why_not_comparable says why); empty where there is no previous judgment.",
        ),
        Column(
            "published",
            "date",
            "When the grade was published, where the data know the day: its report's day, or the "
            "day it was revised (a grade that replaced another); a judgment carried over was made "
            "in the cycle carried_over_from names.",
        ),
        *_HOW_KNOWN,
    ),
    "other_grades": (
        _FORCE,
        _CYCLE,
        _PILLAR,
        _QUESTION,
        Column("n", "integer", "Which of the judgment's other grades this is (1 first)."),
        Column("grade", "grade", "The other grade; empty where it is a reason for no grade."),
        Column("no_grade", "no_grade", "The other record's reason for no grade, where it gave one."),
        Column(
            "kind",
            "text",
            "superseded (published, then revised: the judgment's grade replaced it) or "
            "disputed (a weaker source's grade: the judgment keeps the better-sourced one).",
        ),
        Column("published", "date", "When the other grade was published, where known."),
        Column("superseded_on", "date", "When a superseded grade was replaced."),
        Column("note", "text", "Why, in our own words."),
        Column("sources", "text", "Where the other grade is published, one a line."),
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
        Column(
            "outcomes",
            "text",
            "For a group row: the outcome types the group covers (5, 9, 10), whether or not "
            "the report shows each in a member row.",
        ),
        Column("label", "text", "The row's label."),
        Column("value", "number", "The force's figure."),
        Column("england_and_wales", "number", "The England and Wales figure."),
        Column("source", "text", "What the table's report says its data come from, where it says."),
        _PUBLISHED_IN,
        Column("note", "text", "A note on the table, in our own words."),
    ),
    "forces": (
        Column("id", "text", "The force's id: what every table's force column holds."),
        Column("official_name", "text", "The force's official name (Cumbria Constabulary)."),
        _SHORT_NAME,
        Column("gss_code", "text", "The ONS police force area code (E23000002)."),
        Column(
            "region",
            "text",
            f"The policing region: {REGIONS_ARE}.",
        ),
        Column("country", "text", "England or Wales."),
        Column(
            "sources",
            "text",
            "Where the force's names, code and region come from, one a line: for the 43, ONS's police "
            "force areas and the pages that name them (their regions are the library's, as region "
            "says); for a force of your own, the sources your data files give it.",
        ),
    ),
    # (The judgments' columns go between cycle and sources: see output/_grid.py.)
    "grid": (
        _FORCE,
        _SHORT_NAME,
        _CYCLE,
        Column(
            "sources",
            "text",
            "Where the row's grades come from, one a line: each judgment's sources, else its report's "
            "web address (the judgments table says which is whose).",
        ),
        Column(
            "caveats",
            "text",
            "What a reader of the row's grades should know, one a line: a grade carried over from an "
            "earlier cycle, inferred (not printed), or with another grade recorded, and each judgment's "
            "note (the judgments table has each in full); that the data hold no report of the force in the cycle, or of "
            "a pillar of the cycle for any force; or that the library does not list a pillar's "
            "questions of the cycle, so that an empty cell of one does not say it was not asked.",
        ),
    ),
    "monitoring": (
        _FORCE,
        Column("entered", "date", "When HMICFRS moved the force into Engage (see entered_precision)."),
        Column(
            "entered_precision",
            "text",
            "How exactly entered is known: day, month or year (its first day), "
            "or by (the day of an article reporting it).",
        ),
        Column("left", "date", "When the force was moved out; empty while it is still in."),
        Column("left_precision", "text", "How exactly left is known, as entered_precision."),
        Column(
            "still_in",
            "boolean",
            "Whether the force is still in Engage, as far as the sources go: to data_end.",
        ),
        Column(
            "data_end",
            "date",
            "The latest move in or out of Engage the data record, of the 43 forces, dated as entered "
            "is (see data_end_precision): how far still_in holds (a later move would be missing); "
            "the same in every row of the 43, and in a force of your own's where its own moves are "
            "no later (its own latest move where they are).",
        ),
        Column("data_end_precision", "text", "How exactly data_end is known, as entered_precision."),
        Column("reason", "text", "Why HMICFRS moved it in, in our own words."),
        Column("note", "text", "What a reader should know about the stay, in our own words."),
        Column("entered_sources", "text", "Where the move in is reported: web addresses, one a line."),
        Column("left_sources", "text", "Where the move out is reported, as entered_sources."),
    ),
    "national": (
        _FORCE,
        _SHORT_NAME,
        _CYCLE,
        _PILLAR,
        _QUESTION,
        *_GRADE,
        Column(
            "previous_cycle",
            "cycle",
            "The cycle the grade is compared with (empty in the rows of a grade distribution, "
            "which compares none: the rows of transitions do, as the command line's where the cycle "
            "has one before).",
        ),
        Column("previous_grade", "grade", "The grade then."),
        Column("previous_no_grade", "no_grade", "Why there was no grade then."),
        Column(
            "change",
            "text",
            "improved, declined, unchanged, not comparable or no data (empty as previous_cycle is).",
        ),
        Column(
            "reason",
            "text",
            "Why not comparable, or which judgment the data lack; of a grade unchanged because carried "
            "over, the cycle of the judgment that stood (the grade then is that judgment's).",
        ),
        *_HOW_KNOWN,
    ),
    "history": (
        _FORCE,
        _CYCLE,
        _PILLAR,
        _QUESTION,
        Column("label", "text", "How tables name the judgment: Effectiveness: preventing crime."),
        *_GRADE,
        *_HOW_KNOWN,
    ),
    "ranking": (
        Column("metric", "text", "The metric's key."),
        _CYCLE,
        Column("rank", "integer", "The rank (1 first; ties share the best); empty for a force left out."),
        Column("ranked", "integer", "How many forces are ranked: the bands are of these, not of the 43."),
        Column("first", "text", "Which figure rank 1 is: 'highest' or 'lowest'."),
        _FORCE,
        _SHORT_NAME,
        Column("value", "number", "The force's figure."),
        Column("unit", "unit", "The unit."),
        Column(
            "england_and_wales", "number", "The England and Wales figure, where the reports agree on one."
        ),
        Column("band", "text", "one of the highest, broadly in line, one of the lowest, or excluded."),
        Column("period_start", "date", "The first day of the period the figures cover (one for all)."),
        Column("period_end", "date", "The last day of that period."),
        Column("source", "text", "What the force's report says its figure's data come from, where it says."),
        _PUBLISHED_IN,
    ),
    "coverage": (
        _CYCLE,
        _PILLAR,
        _QUESTION,
        Column("label", "text", "How tables name the question or area."),
        Column("graded", "integer", "How many forces have a grade."),
        *(Column(count_column(r), "integer", f"How many forces are {r.value}.") for r in NoGrade),
        Column("unknown", "integer", "How many forces have nothing in the data."),
        Column("graded_in_cycle", "boolean", "Whether the cycle grades it at all; empty where not known."),
        Column(
            "sources",
            "text",
            "Where the judgments counted come from: each kind of source with how many judgments rest on it,"
            " each under its most official source (the addresses are in the judgments table).",
        ),
    ),
}
"""Each table's columns, in order. The ``grid`` table's columns are its
first ones: one column follows for each judgment of the cycles it holds
(see :func:`~peel_effectiveness.to_records`)."""

DATA_TABLES: tuple[Table, ...] = (
    "forces",
    "measurements",
    "judgments",
    "other_grades",
    "outcomes",
    "grid",
    "monitoring",
)
"""The tables of a dataset: what ``export``, the data package and SQLite write."""

KEYS: dict[str, tuple[str, ...]] = {
    "forces": ("id",),
    "measurements": ("force", "cycle", "pillar", "metric", "period_start", "period_end"),
    "judgments": ("force", "cycle", "pillar", "question"),
    "other_grades": ("force", "cycle", "pillar", "question", "n"),
    "outcomes": ("force", "cycle", "pillar", "table", "row", "group", "outcome"),
    "grid": ("force", "cycle"),
    "monitoring": ("force", "entered", "entered_precision"),
    "national": ("force", "cycle", "pillar", "question"),
    "history": ("force", "cycle", "pillar", "question"),
    "ranking": ("metric", "cycle", "force"),
    "coverage": ("cycle", "pillar", "question"),
}
"""Each table's key: the columns that together name one row (an empty
pillar, period, group or outcome counts as a value of its own)."""

EMPTY_IN_KEYS = frozenset({"pillar", "period_start", "period_end", "group", "outcome"})
"""The columns of a key that may be empty (an integrated cycle's pillar, a
figure without a period, a row of one outcome or of a group)."""


def references(column: Column) -> tuple[str, str] | None:
    """The table and column a column refers to: ``("forces", "id")`` for
    every ``force`` column, else ``None``.

    Examples:
        >>> references(COLUMNS["judgments"][0])
        ('forces', 'id')
    """
    if not isinstance(column, Column):
        from ..model._arguments import wrong_type

        raise wrong_type("column", "a Column (of COLUMNS)", column)
    return ("forces", "id") if column.name == "force" else None
