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
from .records import JUDGMENT_COLUMNS, MEASUREMENT_COLUMNS, Table, to_records

if TYPE_CHECKING:
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
    obj: Dataset | InspectionReport | Iterable[InspectionReport],
    table: Table = "measurements",
) -> Any:
    """The rows of :func:`~peel_effectiveness.to_records` as a pandas DataFrame.

    The columns are the same; their types are: ``cycle`` an ordered
    categorical in time order; ``unit`` a categorical; ``grade`` and
    ``previous_grade`` ordered categoricals from inadequate up to outstanding
    (``"ungraded"`` and unknown grades are missing values); the period
    columns dates (``datetime64``); values floats; the rest text.

    Raises:
        MissingDependencyError: pandas is not installed.

    Examples:
        >>> from peel_effectiveness import load_bundled
        >>> df = to_dataframe(load_bundled(), "judgments")
        >>> df["grade"].cat.categories[-1], df["grade"].cat.ordered
        ('outstanding', True)
    """
    pd = _pandas()
    rows = to_records(obj, table)
    columns = MEASUREMENT_COLUMNS if table == "measurements" else JUDGMENT_COLUMNS
    df = pd.DataFrame.from_records(rows, columns=list(columns))
    cycles = pd.CategoricalDtype([c.value for c in Cycle], ordered=True)
    df["cycle"] = df["cycle"].astype(cycles)
    for name in ("force", "metric", "label", "pillar", "question", "title", "basis"):
        if name in df:
            df[name] = df[name].astype("string")
    if table == "measurements":
        df["unit"] = df["unit"].astype(pd.CategoricalDtype([u.value for u in Unit]))
        for name in ("value", "england_and_wales"):
            df[name] = df[name].astype("float64")
        for name in ("period_start", "period_end"):
            df[name] = pd.to_datetime(df[name])
    else:
        grades = pd.CategoricalDtype(
            sorted((g.value for g in Grade), key=lambda v: Grade(v).rank), ordered=True
        )
        for name in ("grade", "previous_grade"):
            df[name] = df[name].where(~df[name].isin([g.value for g in NoGrade])).astype(grades)
    return df
