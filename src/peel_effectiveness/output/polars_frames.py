"""Tidy tables as polars DataFrames (the ``[polars]`` extra), without pandas.

The columns are those of :func:`~peel_effectiveness.to_records`, with polars
types by their kind (:mod:`.columns`): ``cycle`` an ``Enum`` in time order,
``grade`` and ``previous_grade`` an ``Enum`` from inadequate up to
outstanding (so ``pl.col("grade") >= "good"`` means good or better),
``no_grade`` and ``unit`` an ``Enum``, numbers ``Float64``, outcome numbers
``Int64``, dates ``Date``, text ``String``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ..errors import MissingDependencyError
from .columns import COLUMNS, Table, vocabulary
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
        TypeError: ``obj`` is not what :func:`~peel_effectiveness.to_records` takes.
        PeelDataError: No such table (a ``ValueError``).

    Examples:
        >>> from peel_effectiveness import load_bundled
        >>> df = to_polars(load_bundled(), "judgments")
        >>> df.schema["cycle"].categories.to_list()[:2]
        ['2014', '2015']
        >>> import polars as pl
        >>> df.filter((pl.col("cycle") == "2016") & (pl.col("question") == "overall")).height
        43
    """
    try:
        import polars as pl
    except ImportError:
        raise MissingDependencyError(
            "to_polars needs polars, which is not installed: pip install 'peel-effectiveness[polars]'"
        ) from None
    from ..analysis import _args
    from ..analysis.national import GradeDistribution, Transitions

    if isinstance(obj, (GradeDistribution, Transitions)):
        table = "national"
    else:
        _args.choice("table", table, ("measurements", "judgments", "outcomes"))
    plain: dict[str, Any] = {"text": pl.String, "number": pl.Float64, "integer": pl.Int64, "date": pl.Date}
    schema = {}
    for c in COLUMNS[table]:
        words = vocabulary(c.kind)
        schema[c.name] = plain[c.kind] if words is None else pl.Enum(list(words))
    return pl.DataFrame(to_records(obj, table), schema=schema, orient="row")
