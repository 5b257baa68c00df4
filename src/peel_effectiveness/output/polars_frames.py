"""Tidy tables as polars DataFrames (the ``[polars]`` extra), without pandas.

The columns are those of :func:`~peel_effectiveness.to_records`, with polars
types by their kind (:mod:`.columns`): ``cycle`` an ``Enum`` in time order,
``grade`` and ``previous_grade`` an ``Enum`` from inadequate up to
outstanding (so ``pl.col("grade") >= "good"`` means good or better),
``no_grade``, ``unit`` and the grid's cells an ``Enum``, numbers
``Float64``, whole numbers ``Int64``, dates ``Date``, text ``String``, yes or
no ``Boolean``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..errors import MissingDependencyError
from .columns import Table, vocabulary
from .records import tidy

if TYPE_CHECKING:
    from ..model.dataset import Dataset

__all__ = ["to_polars"]


def to_polars(obj: Any, table: Table | None = None, *, data: Dataset | None = None) -> Any:
    """The rows of :func:`~peel_effectiveness.to_records` as a polars DataFrame:
    the same objects give the same tables.

    Raises:
        MissingDependencyError: polars is not installed.
        TypeError: ``obj`` is nothing a table is made of (the message says what is).
        PeelDataError: No such table, or not one ``obj`` gives (a ``ValueError``).

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
    _, columns, rows = tidy(obj, table, data=data, caller="to_polars")
    plain: dict[str, Any] = {
        "text": pl.String,
        "number": pl.Float64,
        "integer": pl.Int64,
        "date": pl.Date,
        "boolean": pl.Boolean,
    }
    schema = {}
    for c in columns:
        words = vocabulary(c.kind)
        schema[c.name] = plain[c.kind] if words is None else pl.Enum(list(words))
    return pl.DataFrame(rows, schema=schema, orient="row")
