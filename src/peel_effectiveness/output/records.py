"""Tidy rows: one dict per observation, ready for csv, JSON or pandas: a
report's figures, judgments and outcome-table rows, the forces, the wide
grade grid, the stays in Engage, and the analysis' results. The columns are
declared in :mod:`.columns`; :func:`tidy` is the one way from an object to
its table, for every output."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, cast, get_args

from ..model.dataset import Dataset
from ..model.monitoring import Stay
from ..model.reports import InspectionReport
from . import _rows
from ._report_rows import ROWS
from ._rows import grade_cells
from .columns import COLUMNS, DATA_TABLES, Column, Table

if TYPE_CHECKING:
    pass

__all__ = ["grade_cells", "tidy", "to_records"]


def _reports(obj: Dataset | InspectionReport | Iterable[InspectionReport]) -> Iterable[InspectionReport]:
    return (obj,) if isinstance(obj, InspectionReport) else obj


_OF_REPORTS = (*ROWS, "forces", "grid", "monitoring")


def _of_reports(
    reports: Dataset | Sequence[InspectionReport], table: str, data: Dataset | None
) -> tuple[tuple[Column, ...], list[dict[str, Any]]]:
    from ..model.force import forces

    if table in ROWS:
        fn = ROWS[table]
        return COLUMNS[table], [row for report in reports for row in fn(report, data)]
    if table == "forces":
        # The 43, whatever the reports, and the data's forces of their own:
        # the table every force column joins to.
        held = {r.force for r in reports}
        if isinstance(reports, Dataset):
            held |= {s.force for s in reports.stays}
        return COLUMNS[table], _rows.forces(sorted(held.union(forces()), key=lambda f: f.id))
    if table == "grid":
        from ._grid import grid

        return grid(reports, data)
    if isinstance(reports, Dataset):
        stays = reports.stays
    elif data is not None:
        on = {r.force for r in reports}
        stays = tuple(s for s in data.stays if s.force in on)
    elif not reports:  # nothing, as no stays (a force's stays may be none)
        stays = ()
    else:
        from ..analysis._args import refuse

        raise refuse("the monitoring table needs the stays in Engage: pass a Dataset, or data=")
    # How far still_in holds: the latest move of all the data's stays, of
    # data where given (a dataset of one force's stays is not the record).
    record = data if data is not None or not isinstance(reports, Dataset) else reports
    return COLUMNS[table], _rows.stays(stays, record)


def data_tables(obj: object, data: Dataset | None) -> tuple[Table, ...]:
    """The tables of a dataset (:data:`.DATA_TABLES`) that ``obj`` and
    ``data`` give: the stays in Engage only from a dataset."""
    known = isinstance(obj, Dataset) or data is not None
    return tuple(t for t in DATA_TABLES if known or t != "monitoring")


def writer_arguments(
    obj: object, place: str, path: object, tables: object, data: object, what: str
) -> tuple[Dataset | list[InspectionReport], list[Table], Dataset | None]:
    """The checked arguments of a function that writes tables to ``path``
    (named ``place``, which names ``what``): what the tables are made of,
    which tables (with the ``forces`` table, which every other refers to),
    and the dataset that holds the stays in Engage."""
    import os

    from .._files import is_text_path
    from ..analysis import _args

    reports = _args.reports("obj", obj)
    if not is_text_path(path):
        raise _args.wrong_type(place, "a path (str or os.PathLike)", path)
    if not os.fspath(path):
        raise _args.refuse(f"{place} must name {what}, not ''")
    known = _args.optional_dataset("data", data)
    names = (
        list(data_tables(obj, known))
        if tables is None
        # A table named twice is one table (written once).
        else list(
            dict.fromkeys(
                _args.choice("tables", t, DATA_TABLES) for t in _args.items("tables", tables, "table names")
            )
        )
    )
    if "forces" not in names:
        # The table every other's force column refers to: always, as the
        # writers say (of none asked for, a package of it alone, not none).
        names.insert(0, "forces")
    if known is None and isinstance(obj, Dataset):
        known = obj
    return (obj if isinstance(obj, Dataset) else reports), names, known  # type: ignore[return-value]


_Rows = Callable[[Any], list[dict[str, Any]]]


def _results() -> tuple[tuple[type, str, _Rows | None, str], ...]:
    """Each kind of object that is a table of its own: its class, its
    table, its rows, and how error messages name it."""
    from ..analysis._coverage import Coverage
    from ..analysis._history import HistoryEntry
    from ..analysis._transitions import Transitions
    from ..analysis.national import GradeDistribution
    from ..analysis.rankings import Ranking
    from ..model.force import Force
    from ..model.monitoring import Stay

    return (
        (Force, "forces", _rows.forces, "forces (forces())"),
        (Stay, "monitoring", _rows.stays, "stays in Engage (Dataset.stays)"),
        (GradeDistribution, "national", _rows.national, "grade distributions"),
        (Transitions, "national", _rows.national, "transitions"),
        (HistoryEntry, "history", _rows.history, "a force's history (history())"),
        (Ranking, "ranking", _rows.rankings, "rankings (rank_forces())"),
        (Coverage, "coverage", _rows.coverage, "coverage (coverage())"),
    )


def tidy(
    obj: object, table: Table | None = None, *, data: Dataset | None = None, caller: str = "to_records"
) -> tuple[Table, tuple[Column, ...], list[dict[str, Any]]]:
    """An object's table: its name, its columns and its rows.

    Raises:
        TypeError: ``obj`` is nothing a table is made of; the message names
            what is.
        ValueError: ``obj`` does not give that table.
    """
    from ..analysis import _args

    results = ((InspectionReport, "", None, "reports"), *_results())
    kinds = ", ".join(what for *_, what in results[1:])
    accepted = f"{caller}() takes a Dataset, an InspectionReport or reports, {kinds}"
    data = _args.optional_dataset("data", data)
    if table is not None:
        table = _args.choice("table", table, get_args(Table))  # type: ignore[assignment]
    if isinstance(obj, Dataset):
        items: list[Any] = list(obj)
    elif any(isinstance(obj, r[0]) for r in results):
        items = [obj]
    elif isinstance(obj, (str, bytes, Mapping)) or not isinstance(obj, Iterable):
        raise TypeError(f"{accepted}; not {_named(obj)}")
    else:
        items = list(obj)
        if not items and table is None and caller in ("to_dataframe", "to_polars"):
            # No item to tell the table by, and a frame's columns are the table's.
            raise _args.refuse(
                f"{caller}() of an empty sequence needs table= to know its columns "
                f"(one of {', '.join(map(repr, get_args(Table)))})"
            )
    if not items and not isinstance(obj, Dataset) and table is not None and table not in _OF_REPORTS:
        # No result: its table, empty (a dataset, empty or not, gives reports' tables).
        return table, COLUMNS[table], []
    first = items[0] if items else InspectionReport  # no rows: a report table, as asked
    cls, name, fn, what = next(
        (r for r in results if isinstance(first, r[0]) or first is r[0]), (None, "", None, "")
    )
    if cls is None:
        raise TypeError(f"{accepted}; item 0 is {_named(first)}")
    same = tuple(c for c, n, *_ in results if n == name)
    odd = next((i for i, x in enumerate(items) if not isinstance(x, same)), None)
    if odd is not None:
        raise TypeError(f"{accepted}; not {what} mixed with others: item {odd} is {_named(items[odd])}")
    if cls is InspectionReport:
        chosen = table or "measurements"
        if chosen not in _OF_REPORTS:
            hint = "; the national rows come from grade_distribution() or transitions()"
            raise _args.refuse(
                f"table must be one of {', '.join(map(repr, _OF_REPORTS))} for reports, not {chosen!r}"
                + (hint if chosen == "national" else "")
            )
        if isinstance(obj, Dataset):
            columns, rows = _of_reports(obj, chosen, obj if data is None else data)
        else:
            columns, rows = _of_reports(items, chosen, data)
        return chosen, columns, rows
    if table is not None and table != name:
        raise _args.refuse(f"the table of {what} is {name!r}, not {table!r}")
    assert fn is not None
    if cls is Stay:  # how far still_in holds: the latest move of data's stays
        if data is not None and not set(items) <= set(data.stays):
            # Another dataset's reach would be said of them (a stay begun after it).
            raise _args.refuse("the stays given are not all stays of data: pass the data they are of")
        return cast(Table, name), COLUMNS[name], _rows.stays(items, data)
    return cast(Table, name), COLUMNS[name], fn(items)


def _named(obj: object) -> str:
    name = type(obj).__name__
    return f"{'an' if name[:1] in 'AEIOUaeiou' else 'a'} {name}"


def to_records(
    obj: Any,
    table: Table | None = None,
    *,
    data: Dataset | None = None,
) -> list[dict[str, Any]]:
    """Tidy rows, one per observation, with the columns of :data:`.COLUMNS`.

    Of a dataset, a report or reports, the ``table`` (default
    ``"measurements"``):

    * ``"measurements"``: one row per figure (``COLUMNS["measurements"]``),
      with its period, the baseline of a change, its source and note.
    * ``"judgments"``: one row per judgment (``COLUMNS["judgments"]``):
      question ``"overall"`` for a pillar's headline judgment; ``grade``
      the grade, ``no_grade`` why there is none (``"ungraded"``, ``"not
      graded"``...), both ``None`` where the grade is unknown; ``sources``
      where the grade comes from, one a line: its own sources, else its
      report's address (:func:`~peel_effectiveness.analysis.sources_of`);
      ``previous_grade`` and ``previous_no_grade`` the previous cycle's,
      from its report in ``data`` (``obj`` itself when it is a dataset)
      where the data have it, else as the report states it, across a
      change of framework too (:func:`~peel_effectiveness.analysis.judgment_before`
      gives it only where the two compare).
    * ``"other_grades"``: one row per grade that is part of a judgment's
      record without being its grade (``COLUMNS["other_grades"]``): a
      grade published and later revised (``superseded``), a weaker
      source's (``disputed``), keyed as its judgment's row, ``n`` its
      place among them.
    * ``"outcomes"``: one row per row of every outcome table
      (``COLUMNS["outcomes"]``): each outcome type, each group and the types
      shown under it, and the totals.
    * ``"forces"``: the 43 forces (``COLUMNS["forces"]``), whatever the
      reports, and the reports' (and a dataset's stays') forces of their
      own: every table's ``force`` column joins to their ``id``.
    * ``"grid"``: one row per force and cycle, one column per judgment
      (a pillar's ``<pillar>_overall``, a question's or an area's key),
      each cell the grade or why there is none, or ``unknown``: one of the
      43 with no report of a cycle has a row too. Of reports that are
      ``data``'s whole choice of some cycles, the rows are of every force
      of ``data`` in them (of every cycle, for a choice of forces); of other
      reports, the rows they cover.
    * ``"monitoring"``: the stays in Engage (``COLUMNS["monitoring"]``) of
      a dataset, or of ``data`` for the reports' forces; ``data_end`` (how
      far ``still_in`` holds) is the latest move of the dataset's stays, or
      of ``data``'s, and ``None`` for stays given without ``data`` (stays
      given with ``data`` must be its own).

    The analysis' results are tables of their own: forces
    (:func:`~peel_effectiveness.forces`) the ``"forces"`` table; stays in
    Engage ``"monitoring"``; a :class:`~peel_effectiveness.analysis.GradeDistribution`,
    :class:`~peel_effectiveness.analysis.Transitions` (or several) the
    ``"national"`` rows, one per force; :func:`~peel_effectiveness.history`
    ``"history"``; a :class:`~peel_effectiveness.analysis.Ranking` (or several)
    ``"ranking"``; :func:`~peel_effectiveness.analysis.coverage`
    ``"coverage"``. Dates are :class:`datetime.date`.

    Raises:
        TypeError: ``obj`` is none of these (the message says what is), or
            ``data`` not a Dataset or ``None``.
        PeelDataError: No such table, or not one ``obj`` gives (a ``ValueError``).

    Examples:
        >>> from peel_effectiveness import load_bundled
        >>> report = load_bundled().report("cumbria", 2016)
        >>> rows = to_records(report, table="judgments")
        >>> rows[0]["question"], rows[0]["grade"], rows[0]["previous_grade"]
        ('overall', 'good', 'requires improvement')
        >>> rows[-1]["question"], rows[-1]["grade"], rows[-1]["no_grade"]
        ('q5_specialist', None, 'ungraded')
        >>> row = to_records(report, table="outcomes")[0]
        >>> row["table"], row["row"], row["outcome"], row["label"], row["value"]
        ('figure_4', 'outcome', 1, 'Charged/Summonsed', 17.8)
        >>> from peel_effectiveness import forces
        >>> to_records(forces())[1]["official_name"], to_records(forces())[1]["gss_code"]
        ('Bedfordshire Police', 'E23000026')
    """
    return tidy(obj, table, data=data)[2]
