"""Tidy tables as polars DataFrames (the ``[polars]`` extra), without pandas.

The columns are those of :func:`~peel_effectiveness.to_records`, with polars
types by their kind (:mod:`.columns`): ``cycle`` an ordered ``Enum`` in time
order, ``unit`` an ``Enum``, numbers ``Float64``, outcome numbers ``Int64``,
dates ``Date``, text ``String``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ..model.cycles import Cycle
from ..model.metrics import Unit
from .columns import COLUMNS, Table
from .frames import MissingDependencyError
from .records import to_records

if TYPE_CHECKING:
    from ..analysis.national import GradeDistribution, Transitions
    from ..model.dataset import Dataset
    from ..model.reports import InspectionReport

__all__ = ["to_polars"]


def to_polars(
    obj: Dataset | InspectionReport | Iterable[InspectionReport] | GradeDistribution | Transitions,
    table: Table = "measurements",
) -> Any:
    """The rows of :func:`~peel_effectiveness.to_records` as a polars DataFrame.

    Raises:
        MissingDependencyError: polars is not installed.

    Examples:
        >>> from peel_effectiveness import load_bundled
        >>> df = to_polars(load_bundled(), "judgments")
        >>> df.schema["cycle"].categories.to_list()[:2]
        ['2014', '2015']
    """
    try:
        import polars as pl
    except ImportError:
        raise MissingDependencyError(
            "to_polars needs polars, which is not installed: pip install 'peel-effectiveness[polars]'"
        ) from None
    from ..analysis.national import GradeDistribution, Transitions

    if isinstance(obj, (GradeDistribution, Transitions)):
        table = "national"
    kinds: dict[str, Any] = {
        "text": pl.String,
        "number": pl.Float64,
        "integer": pl.Int64,
        "date": pl.Date,
        "cycle": pl.Enum([c.value for c in Cycle]),
        "unit": pl.Enum([u.value for u in Unit]),
    }
    schema = {c.name: kinds[c.kind] for c in COLUMNS[table]}
    return pl.DataFrame(to_records(obj, table), schema=schema, orient="row")
