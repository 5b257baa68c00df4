"""pandas categoricals of cycles, grades and the other vocabularies that
read what they are compared with as the library reads it.

A pandas categorical finds the value it is compared with among its
categories by hash, so ``df.cycle == 2016`` finds nothing among the
categories ``"2014"``, ``"2015"``... and silently selects no row. These
subclasses change only that: a scalar compared with the column (``==``,
``<``..., ``isin``) is first read as the library reads one of its words
(`Cycle`, `Grade`, `NoGrade`, a grade, a reason or unknown for a grid's
cell, `Unit`), so ``2016``, ``"2016"``, ``Cycle.Y2016``, ``"2018-19"``, ``"Good"``,
``"RI"``, ``"Not graded"`` and numpy's integers all work. A value the
library refuses raises its error (``2025``: in two cycles; ``2099``: not a
cycle; ``"ungraded"`` compared with grades: a reason for no grade, in the
``no_grade`` column): pandas would compare it as equal to nothing, and
select no row without a word.

Cycles and grades are ordered; the other vocabularies are not (a grid's
cell may be a reason, which has no place among the grades, so ordering
one raises ``TypeError``). Everything else is pandas' own ``Categorical``
with a plain ``CategoricalDtype``. The classes are made when pandas is first needed;
the module's ``__getattr__`` makes them for pickle too.
"""

from __future__ import annotations

import enum
import functools
import numbers
from typing import Any

__all__ = ["categorical"]


def _cycle_word(value: object) -> str:
    from ..analysis._args import cycle
    from ..model.cycles import Cycle

    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        value = int(value)  # numpy's too: a cycle read back from CSV is one
    if isinstance(value, (Cycle, str, int)) and not isinstance(value, bool):
        return cycle("a cycle", value).value
    return Cycle(value).value  # anything else, refused as a data file's would be


def _grade_word(value: object) -> str:
    from ..model.grades import Grade

    if isinstance(value, Grade):
        return value.value
    if isinstance(value, int) and value.bit_length() > 64:  # no grade; too long for Grade's message
        from ..analysis._args import refuse

        raise refuse("a grade is not a number")
    return Grade(value).value


def _reason_word(value: object) -> str:
    from ..model.grades import NoGrade

    return NoGrade(value).value


def _judgment_word(value: object) -> str:
    from ..errors import PeelDataError
    from ..model._messages import shorten_repr, suggest
    from ..model.grades import grade_or_reason
    from .columns import UNKNOWN, vocabulary

    if isinstance(value, str) and value.strip().casefold() == UNKNOWN:
        return UNKNOWN
    try:
        word: str = grade_or_reason(value).value
    except PeelDataError as e:
        if not isinstance(value, str):
            raise
        # A grid's cell may be unknown too: said among its words.
        words = vocabulary("judgment") or ()
        raise PeelDataError(
            f"{shorten_repr(value)} is no word of a grid's cell (one of: {', '.join(words)}){suggest(value, words)}"
        ) from e
    return word


def _unit_word(value: object) -> str:
    from ..model.metrics import Unit

    return Unit(value).value


def _reason_not_grade(value: object) -> str | None:
    """Why a reason for no grade compared with the grades is an error: said,
    not passed to pandas, which would find no such grade and answer False
    for every row ("no force is ungraded")."""
    from ..model._words import spelled
    from ..model.grades import NoGrade

    if spelled(NoGrade, value) is None:
        return None
    return f"{str(value)!r} is not a grade but a reason for no grade: compare the no_grade column"


@functools.cache
def _classes() -> dict[str, type]:
    import numpy as np
    import pandas as pd

    from ..errors import PeelDataError

    class _Read(pd.Categorical):  # type: ignore[misc]
        _word: Any = None  # how a scalar becomes one of the categories
        _elsewhere: Any = None  # why a scalar belongs in another column, or None

        def _as_category(self, other: Any) -> Any:
            if isinstance(other, np.bool_):
                other = bool(other)  # refused as True is
            if not isinstance(other, (str, numbers.Number, enum.Enum)) or other != other:
                return other  # a column, None, NaN, pd.NA...: pandas decides
            if isinstance(other, numbers.Integral) and not isinstance(other, bool):
                other = int(other)  # numpy's too (a bool is refused by the library, as True is no cycle)
            elsewhere = type(self)._elsewhere
            why = None if elsewhere is None else elsewhere(other)
            if why is not None:
                raise PeelDataError(why)
            return type(self)._word(other)

        __hash__ = None  # type: ignore[assignment]

        def isin(self, values: Any) -> Any:
            return super().isin([self._as_category(v) for v in values])

        @classmethod
        def _concat_same_type(cls, to_concat: Any, axis: int = 0) -> Any:
            # pandas joins categoricals as plain ones: keep the class.
            joined = super()._concat_same_type(to_concat, axis)
            return cls.from_codes(joined.codes, dtype=joined.dtype)

    # Each comparison reads the scalar first, then compares as pandas does.
    for name in ("__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"):

        def compare(self: Any, other: Any, _name: str = name) -> Any:
            if pd.api.types.is_list_like(other) and not isinstance(other, pd.Categorical):
                # A list, an array or a column of values: each read as a scalar is.
                other = np.array([self._as_category(v) for v in other], dtype=object)
            else:
                other = self._as_category(other)
            return getattr(pd.Categorical, _name)(self, other)

        compare.__name__ = name
        setattr(_Read, name, compare)

    made: dict[str, type] = {}
    for name, word, elsewhere in (
        ("CycleCategorical", _cycle_word, None),
        ("GradeCategorical", _grade_word, _reason_not_grade),
        ("NoGradeCategorical", _reason_word, None),
        ("JudgmentCategorical", _judgment_word, None),
        ("UnitCategorical", _unit_word, None),
    ):
        cls = type(
            name,
            (_Read,),
            {
                "_word": staticmethod(word),
                "_elsewhere": None if elsewhere is None else staticmethod(elsewhere),
                "__module__": __name__,
            },
        )
        cls.__qualname__ = name
        made[name] = cls
    return made


def __getattr__(name: str) -> type:
    if name in _BY_KIND.values():
        return _classes()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# The class of each kind of column, by name (made on first use, when pandas
# is imported: see __getattr__).
_BY_KIND = {
    "cycle": "CycleCategorical",
    "grade": "GradeCategorical",
    "no_grade": "NoGradeCategorical",
    "judgment": "JudgmentCategorical",
    "unit": "UnitCategorical",
}


def categorical(kind: str, values: Any, categories: tuple[str, ...]) -> Any:
    """A pandas categorical of ``values`` for a column of ``kind`` (one with
    a vocabulary), reading what it is compared with: ordered for cycles and
    grades."""
    import pandas as pd

    dtype = pd.CategoricalDtype(list(categories), ordered=kind in ("cycle", "grade"))
    return _classes()[_BY_KIND[kind]](values, dtype=dtype)
