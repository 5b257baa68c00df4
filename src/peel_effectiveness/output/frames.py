"""pandas data frames of the tidy tables (the ``[pandas]`` extra).

pandas is imported only when :func:`to_dataframe` is called.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..errors import MissingDependencyError
from .columns import Table, vocabulary
from .records import tidy

if TYPE_CHECKING:
    import pandas

    from ..model.dataset import Dataset

__all__ = ["to_dataframe"]


def _pandas() -> Any:
    try:
        import pandas
    except ImportError:
        raise MissingDependencyError(
            "to_dataframe needs pandas, which is not installed: pip install 'peel-effectiveness[pandas]'"
        ) from None
    return pandas


def to_dataframe(obj: Any, table: Table | None = None, *, data: Dataset | None = None) -> pandas.DataFrame:
    """The rows of :func:`~peel_effectiveness.to_records` as a pandas DataFrame:
    the same objects give the same tables (reports their figures, judgments,
    outcome tables, the forces, the grid and the stays in Engage; the
    analysis' results their own).

    The columns are the same, with pandas types by their kind (see
    :mod:`peel_effectiveness.output.columns`): ``cycle`` an ordered
    categorical in time order; ``grade`` and ``previous_grade`` ordered
    categoricals from inadequate up to outstanding; ``no_grade`` (why there
    is no grade), ``unit`` and the grid's cells categoricals, not ordered (a
    cell may be a reason, which has no place among the grades); numbers
    floats; whole numbers nullable integers (``Int64``); dates
    ``datetime64``; text ``string``; yes or no ``boolean``.
    A judgment with no grade has a missing ``grade`` and its reason in
    ``no_grade``; an unknown grade is missing in both.

    Categorical columns read what they are compared with as the library
    reads it: ``df.cycle == 2016``, ``df.cycle == "2018-19"``,
    ``df.grade >= "Good"``, ``df.no_grade == "Not graded"`` and
    ``df.cycle.isin([2015, 2016])`` all work.

    Raises:
        MissingDependencyError: pandas is not installed.
        TypeError: ``obj`` is nothing a table is made of (the message says what is).
        PeelDataError: No such table, or not one ``obj`` gives (a ``ValueError``).

    Examples:
        >>> from peel_effectiveness import load_bundled
        >>> df = to_dataframe(load_bundled(), "judgments")
        >>> df["grade"].cat.categories[-1], df["grade"].cat.ordered
        ('outstanding', True)
        >>> overall = df[(df.question == "overall") & (df.cycle == 2016)]
        >>> len(overall), int((overall.grade >= "good").sum())
        (43, 29)
        >>> df[(df.force == "cumbria") & (df.cycle == 2016)].no_grade.dropna().tolist()
        ['ungraded']
    """
    from ._categoricals import categorical

    pd = _pandas()
    _, columns, rows = tidy(obj, table, data=data, caller="to_dataframe")
    df = pd.DataFrame.from_records(rows, columns=[c.name for c in columns])
    plain = {"text": "string", "number": "float64", "integer": "Int64", "boolean": "boolean"}
    for c in columns:
        words = vocabulary(c.kind)
        if words is not None:
            df[c.name] = categorical(c.kind, df[c.name], words)
        elif c.kind == "date":
            df[c.name] = pd.to_datetime(df[c.name])
        else:
            df[c.name] = df[c.name].astype(plain[c.kind])
    return df
