"""pandas data frames of the tidy tables (the ``[pandas]`` extra).

pandas is imported only when :func:`to_dataframe` is called.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ..errors import PeelError
from ..model.cycles import Cycle
from ..model.grades import Grade, NoGrade
from ..model.metrics import Unit
from .columns import COLUMNS, Table
from .records import to_records

if TYPE_CHECKING:
    from ..analysis.national import GradeDistribution, Transitions
    from ..model.dataset import Dataset
    from ..model.reports import InspectionReport

__all__ = ["MissingDependencyError", "to_dataframe"]


class MissingDependencyError(PeelError, ImportError):
    """An optional dependency (an extra) is not installed."""


def _pandas() -> Any:
    try:
        import pandas
    except ImportError:
        raise MissingDependencyError(
            "to_dataframe needs pandas, which is not installed: pip install 'peel-effectiveness[pandas]'"
        ) from None
    return pandas


def to_dataframe(
    obj: Dataset | InspectionReport | Iterable[InspectionReport] | GradeDistribution | Transitions,
    table: Table = "measurements",
) -> Any:
    """The rows of :func:`~peel_effectiveness.to_records` as a pandas DataFrame.

    The columns are the same, with pandas types by their kind (see
    :mod:`peel_effectiveness.output.columns`): ``cycle`` an ordered
    categorical in time order; ``unit`` a categorical; numbers floats;
    outcome numbers nullable integers (``Int64``); dates ``datetime64``; text
    ``string``. ``grade`` and ``previous_grade`` are ordered categoricals
    from inadequate up to outstanding (a reason for no grade and an unknown
    grade are both missing values there).

    Raises:
        MissingDependencyError: pandas is not installed.

    Examples:
        >>> from peel_effectiveness import load_bundled
        >>> df = to_dataframe(load_bundled(), "judgments")
        >>> df["grade"].cat.categories[-1], df["grade"].cat.ordered
        ('outstanding', True)
    """
    from ..analysis.national import GradeDistribution, Transitions

    pd = _pandas()
    if isinstance(obj, (GradeDistribution, Transitions)):
        table = "national"
    elif table not in COLUMNS or table == "national":
        raise ValueError(f"table must be measurements, judgments or outcomes, not {table!r}")
    columns = COLUMNS[table]
    df = pd.DataFrame.from_records(to_records(obj, table), columns=[c.name for c in columns])
    dtypes = {
        "text": "string",
        "number": "float64",
        "integer": "Int64",
        "cycle": pd.CategoricalDtype([c.value for c in Cycle], ordered=True),
        "unit": pd.CategoricalDtype([u.value for u in Unit]),
    }
    for c in columns:
        if c.kind == "date":
            df[c.name] = pd.to_datetime(df[c.name])
        else:
            df[c.name] = df[c.name].astype(dtypes[c.kind])
    if table in ("judgments", "national"):
        grades = pd.CategoricalDtype(
            sorted((g.value for g in Grade), key=lambda v: Grade(v).rank), ordered=True
        )
        for name in ("grade", "previous_grade"):
            df[name] = df[name].where(~df[name].isin([g.value for g in NoGrade])).astype(grades)
    return df
