"""Tidy tables as polars DataFrames (the ``[polars]`` extra), without pandas.

The columns are those of :func:`~peel_effectiveness.to_records`, with polars
types by their kind (:mod:`.columns`): ``cycle`` an ``Enum`` in time order,
``grade`` and ``previous_grade`` an ``Enum`` from inadequate up to
outstanding (so ``pl.col("grade") >= "good"`` means good or better),
``no_grade`` and ``unit`` an ``Enum``, numbers ``Float64``, whole numbers
``Int64``, dates ``Date``, text ``String``, yes or no ``Boolean``.

A cell of the wide ``grid`` holds a grade, the reason for none, or
``unknown`` (nothing in the data), which have no place among the grades.
Its columns are an ``Enum`` of unknown, the reasons, then the grades from
inadequate up (polars' ``Enum`` is always ordered): ``>= "good"`` is good
or better, and the best grade is the ``max``; but ``<= "requires
improvement"`` counts unknown and the reasons too, so ask
``.is_in(["inadequate", "requires improvement"])``, or compare grades in
the ``judgments`` table, whose ``grade`` holds grades only.

polars compares an ``Enum`` with its words exactly: ``pl.col("cycle") ==
"2021-22"`` selects nothing, as "2021-22" is not the word "2021/22". The
``peel`` namespace of an expression reads cycles as the rest of the
library does: ``pl.col("cycle").peel.is_cycle("2021-22", 2024)`` (2021/22
and 2023-25).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..errors import MissingDependencyError
from .columns import Table, vocabulary
from .records import tidy

if TYPE_CHECKING:
    import polars

    from ..model.dataset import Dataset

__all__ = ["to_polars"]


def to_polars(obj: Any, table: Table | None = None, *, data: Dataset | None = None) -> polars.DataFrame:
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
    _register(pl)
    _, columns, rows = tidy(obj, table, data=data, caller="to_polars")
    plain: dict[str, Any] = {
        "text": pl.String,
        "number": pl.Float64,
        "integer": pl.Int64,
        "date": pl.Date,
        "boolean": pl.Boolean,
    }
    schema: dict[str, Any] = {}
    for c in columns:
        words = vocabulary(c.kind)
        schema[c.name] = plain[c.kind] if words is None else pl.Enum(list(words))
    return pl.DataFrame(rows, schema=schema, orient="row")


def _register(pl: Any) -> None:
    """The ``peel`` namespace of polars expressions (polars' own way to add one)."""
    if "peel" in getattr(pl.Expr, "_accessors", set()):
        return

    @pl.api.register_expr_namespace("peel")
    class Peel:
        """Cycles read as the library reads them, in polars expressions.

        Examples:
            >>> import polars as pl
            >>> from peel_effectiveness import load_bundled
            >>> df = to_polars(load_bundled(), "judgments")
            >>> df.filter(pl.col("cycle").peel.is_cycle("2021-22")).height == df.filter(
            ...     pl.col("cycle") == "2021/22"
            ... ).height > 0
            True
        """

        def __init__(self, expr: Any) -> None:
            self._expr = expr

        def is_cycle(self, *cycles: str | int) -> Any:
            """Whether the value is one of ``cycles``, each spelt any way
            :class:`~peel_effectiveness.Cycle` reads (``2024`` is 2023-25).

            Raises:
                PeelDataError: A value is no PEEL cycle.
            """
            from ..model.cycles import Cycle

            return self._expr.is_in([Cycle(c).value for c in cycles])
