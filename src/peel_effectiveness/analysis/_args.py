"""Checks of the arguments of the public functions.

An argument of the wrong type raises ``TypeError``; one of the right type
that the function cannot take (a figure that is not finite, a table that
does not exist, cycles the wrong way round) raises
:class:`~peel_effectiveness.PeelDataError` (a ``ValueError``). Each message
names the argument and says what the function takes.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Collection, Hashable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from ..errors import PeelDataError, Problem
from ..model._arguments import of_cycle, of_force, of_pillar, of_question, of_whole
from ..model._arguments import wrong_type as wrong_type
from ..model._messages import show_number
from ..model._values import is_day, plain_text
from ..model._values import number as figure

if TYPE_CHECKING:
    from fractions import Fraction

    from ..model.cycles import Cycle, Pillar
    from ..model.dataset import Dataset
    from ..model.force import Force
    from ..model.periods import Period
    from ..model.reports import InspectionReport


T = TypeVar("T")
K = TypeVar("K", bound=Hashable)


def force_key(key: object) -> object:
    """A key of a mapping of figures as the force it names, by its id
    (``"Kent"``, ``"kent"`` and the :class:`~peel_effectiveness.Force` all
    give ``"kent"``), or as it is where it names no force of the 43."""
    from ..model.force import Force, force_named

    if isinstance(key, Force):
        return key.id
    if isinstance(key, str):
        key = plain_text(key)  # (a class of str's own is read as the text it holds, not by its methods)
        found = force_named(key)
        return key if found is None else found.id
    return key


def ranked(values: Mapping[K, float | None], exclude: Iterable[object]) -> dict[K, float]:
    """The figures a ranking ranks: not ``None``, and not of a force in
    ``exclude``, which names forces as the keys do or in any other way (an
    id, a name, a :class:`~peel_effectiveness.Force`: ``EXCLUSIONS_2016``
    gives ids), as :func:`~peel_effectiveness.analysis.mean_of_rates` reads
    it."""
    values = mapping("values", values, "forces to figures")
    drop = exclusions(exclude, "keys of values")
    read = read_keys("values", values)
    for e in drop:
        no_such_force("exclude", e, read.values(), values)
    if drop:
        drop |= {force_key(e) for e in drop}
    out: dict[K, float] = {}
    for k, v in values.items():
        if v is None or (drop and (k in drop or read[k] in drop)):
            continue
        out[k] = number(f"values[{shown(k)}]", v)
    return out


def no_such_force(argument: str, name: object, read: Collection[object], keys: Iterable[object]) -> None:
    """Raise :class:`~peel_effectiveness.NotFoundError` for text that is no
    key of a mapping of figures (``read``: its keys as read, each the
    force it names) and names none of the 43 forces, where it is close to
    one of them or to a key: a typo (``"Knet"``), which would otherwise be
    a force without a figure, or leave out nothing without a word. Text
    close to none may be the id of a force of your own without a figure,
    and is let be, as is a Force (one of yours too)."""
    import difflib

    from ..errors import NotFoundError
    from ..model.force import find_force

    if not isinstance(name, str) or force_key(name) != name or name in read:
        return
    try:
        find_force(name)
    except NotFoundError as e:
        close = [
            *e.suggestions,
            *difflib.get_close_matches(name, [k for k in keys if isinstance(k, str)], n=3),
        ]
        if close:
            raise NotFoundError(
                f"{argument}: {name!r} is no key of values and names none of the 43 forces",
                dict.fromkeys(close),
            ) from None


def exclusions(exclude: object, of: str) -> set[object]:
    """The items of ``exclude``, which are keys (hashable), as a set: every
    function that leaves forces out reads it alike (a list in it was a
    ``TypeError`` to a ranking, and text to an England and Wales figure)."""
    # Text as the text it holds, not by a class of str's own methods.
    given = [plain_text(e) if isinstance(e, str) else e for e in items("exclude", exclude, of)]
    try:
        return set(given)
    except TypeError:
        raise TypeError(f"exclude must be an iterable of {of} (hashable: str, Force...)") from None


def read_keys(
    argument: str, values: Mapping[Any, Any], key: Callable[[object], object] = force_key
) -> dict[Any, object]:
    """Each key of a mapping of figures as ``key`` reads it (the force it
    names), refusing a mapping that names one force twice (``"Kent"`` and
    the Force): which figure is its own is not ours to pick."""
    from ..model.force import Force

    given: dict[object, object] = {}
    for k in values:
        said = key(k)
        if said in given:
            a, b = (f"the Force {x.id}" if isinstance(x, Force) else repr(x) for x in (given[said], k))
            raise refuse(f"{argument} names {said!r} twice ({a} and {b}): give one figure a force")
        given[said] = k
    return {k: said for said, k in given.items()}


def shown(value: object) -> str:
    """A value as a message shows it: its repr, shortened (an integer of
    thousands of digits has no repr Python will make)."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 64:
        return show_number(value)
    try:
        text = repr(value)
    except Exception:  # noqa: BLE001 - a repr that fails must not hide the real problem
        return f"a {type(value).__name__}"
    return text if len(text) <= 80 else text[:60] + "..." + text[-10:]


def refuse(message: str) -> PeelDataError:
    """The error for an argument of the right type that cannot be taken
    (its message names the argument)."""
    return PeelDataError([Problem(message)])


def number(argument: str, value: object) -> float:
    """A finite number (``int`` or ``float``, not ``bool``), as a float."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise wrong_type(argument, "a number (int or float)", value)
    if isinstance(value, int):
        # The model's rule: a whole number a float holds exactly (not past 2**53).
        try:
            return figure(int(value))
        except PeelDataError as e:
            raise refuse(f"{argument}: {e.problems[0].message}") from None
    x = float(value)
    if not math.isfinite(x):
        raise refuse(f"{argument} must be a finite number, not {shown(value)}")
    return x


def exact(value: float) -> Fraction:
    """A figure (a number :func:`number` took) as the decimal it is written
    as, exactly: the shortest text that reads back as it, as a table prints
    it (0.1 is a tenth, not the binary fraction next to it), so that a
    calculation on figures is the one on paper, rounded once (92 of 320 is
    28.75 percent, not 28.749999999999996, which rounds to 28.7)."""
    from fractions import Fraction

    from ..model._exact import shortest_decimal

    return Fraction(value) if value.__class__ is int else Fraction(shortest_decimal(value))


def too_large(what: str) -> PeelDataError:
    """The refusal of a result too large to represent as a number."""
    return refuse(f"{what} is too large to represent as a number")


def rounded(value: Fraction, what: str, of_some: bool = False) -> float:
    """An exact result as the float nearest it; refused where it is too
    large to represent, or (``of_some``: of a figure above nothing) too
    small, where it would be nothing."""
    try:
        found = float(value)
    except OverflowError:
        raise too_large(what) from None
    if of_some and found == 0.0 and value != 0:
        raise refuse(f"{what} is too small to represent as a number")
    return found


def scaled(x: Fraction, over: Fraction, times: Fraction, what: str) -> float:
    """``x / over * times`` (``over`` and ``times`` positive), exactly,
    rounded once; refused where it is too large or, of an ``x`` above
    zero, too small to hold (a count at a rate of none)."""
    return rounded(x * times / over, what, of_some=x != 0)


def exact_sum(values: Iterable[float]) -> Fraction:
    """The sum of figures as written (see :func:`exact`), exactly."""
    return sum(map(exact, values), exact(0))


def summed(values: Iterable[float], what: str) -> float:
    """The sum of figures, worked out on them as written (see :func:`exact`)
    and rounded once (0.1 and 0.2 are 0.3, as on paper); refused where it
    is too large to represent."""
    return rounded(exact_sum(values), what)


def sum_over(values: list[float], n: int, what: str) -> float:
    """The sum of ``values`` over ``n`` (a mean; a share of a total),
    worked out on the figures (see :func:`exact`) and rounded once: the
    mean of equal rates is that rate (a sum rounded, then divided, is
    rounded twice: three rates of 0.1 had a mean just above it), and a sum
    too large to represent does not stop a result that is not."""
    return rounded(exact_sum(values) / n, what)


def whole(argument: str, value: object, low: int | None = None, high: int | None = None) -> int:
    """A whole number (``int``, or numpy's; not ``bool``) from ``low`` to ``high``."""
    value = of_whole(argument, value)
    if _huge(value):
        raise refuse(f"{argument} is too large: {shown(value)}")
    if (low is not None and value < low) or (high is not None and value > high):
        bounds = (
            f"from {low} to {high}"
            if low is not None and high is not None
            else (f"at least {low}" if low is not None else f"at most {high}")
        )
        raise refuse(f"{argument} must be a whole number {bounds}, not {shown(value)}")
    return value


def flag(argument: str, value: object) -> bool:
    """``True`` or ``False``."""
    if not isinstance(value, bool):
        raise wrong_type(argument, "True or False", value)
    return value


def text(argument: str, value: object) -> str:
    """A ``str``."""
    if not isinstance(value, str):
        raise wrong_type(argument, "text (str)", value)
    return plain_text(value)


def choice(argument: str, value: object, choices: Sequence[str]) -> str:
    """One of ``choices``."""
    if not isinstance(value, str):
        raise wrong_type(argument, f"one of {', '.join(map(repr, choices))} (a str)", value)
    value = plain_text(value)  # not compared by a subclass's own __eq__, which may say anything
    if value not in choices:
        raise refuse(f"{argument} must be one of {', '.join(map(repr, choices))}, not {shown(value)}")
    return value


def mapping(argument: str, value: object, of: str = "figures") -> Mapping[Any, Any]:
    """A mapping (``dict``)."""
    if not isinstance(value, Mapping):
        raise wrong_type(argument, f"a mapping (a dict of {of})", value)
    return value


def items(argument: str, value: object, of: str) -> list[Any]:
    """An iterable that is not text or a mapping, as a list."""
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        raise wrong_type(argument, f"an iterable of {of} (a list, a tuple...)", value)
    return list(value)


def question(argument: str, value: object) -> str | int:
    """A question: ``"overall"``, a key or name (``str``) or a number
    (``int``), as given: :func:`._standing.question_key`, which every
    function taking a question asks, reads it as people write it."""
    asked = of_question(argument, value)
    if isinstance(asked, int) and not 0 <= asked <= 10**9:
        raise refuse(f"{argument} must be a question's number, key or name, not {shown(asked)}")
    return asked


def _huge(value: object) -> bool:
    # An int Python cannot write in a message (past 4,300 digits): the
    # model's own readers fail on it with a bare ValueError.
    return isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 64


def cycle(argument: str, value: object) -> Cycle:
    """A cycle, as :class:`~peel_effectiveness.Cycle` reads it."""
    from ..model.cycles import Cycle

    value = of_cycle(argument, value)
    if _huge(value):
        raise refuse(f"{argument} must be a PEEL cycle, not {shown(value)}")
    return Cycle(value)


def period(argument: str, value: object) -> Period:
    """A :class:`~peel_effectiveness.Period`, or its text (``"12 months to 30 June 2016"``)."""
    from ..model.periods import Period

    if isinstance(value, Period):
        return value
    if not isinstance(value, str):
        raise wrong_type(argument, "a Period or its text", value)
    return Period.parse(value)


def pillar(argument: str, value: object) -> Pillar | str | None:
    """A pillar as given, to be read by ``resolve_pillar`` (which needs a cycle)."""
    return of_pillar(argument, value)


def force(argument: str, data: Dataset, value: object) -> Force:
    """A force of ``data``, named as :meth:`Dataset.find_force` reads it."""
    return data.find_force(of_force(argument, value))


def optional_day(argument: str, value: object) -> dt.date | None:
    """A date (not a datetime) within the dates the model holds, or ``None``."""
    if value is None:
        return None
    if not is_day(value):
        raise wrong_type(argument, "a date (a datetime.date, not a datetime) or None", value)
    from ..errors import PeelDataError
    from ..model._values import in_range

    try:  # a day past them is no day of the data's (9999-12-31 broke a chart's calendar)
        return in_range(value)
    except PeelDataError as e:
        raise e.within(argument) from None


def dataset(argument: str, value: object) -> Dataset:
    """A :class:`~peel_effectiveness.Dataset`."""
    from ..model.dataset import Dataset

    if not isinstance(value, Dataset):
        raise wrong_type(argument, "a Dataset (from load, loads or load_bundled)", value)
    return value


def optional_dataset(argument: str, value: object) -> Dataset | None:
    """A :class:`~peel_effectiveness.Dataset` or ``None``."""
    return None if value is None else dataset(argument, value)


def report(argument: str, value: object) -> InspectionReport:
    """An :class:`~peel_effectiveness.InspectionReport`."""
    from ..model.reports import InspectionReport

    if not isinstance(value, InspectionReport):
        raise wrong_type(argument, "an InspectionReport (from Dataset.report)", value)
    return value


def reports(argument: str, value: object) -> list[InspectionReport]:
    """A dataset, a report or an iterable of reports, as a list of reports."""
    from ..model.dataset import Dataset
    from ..model.reports import InspectionReport

    wanted = "a Dataset, an InspectionReport or an iterable of reports"
    if isinstance(value, InspectionReport):
        return [value]
    if isinstance(value, Dataset):
        return list(value)
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        raise wrong_type(argument, wanted, value)
    found = list(value)
    for i, r in enumerate(found):
        if not isinstance(r, InspectionReport):
            raise TypeError(f"{argument} must be {wanted}; item {i} is a {type(r).__name__}")
    return found
