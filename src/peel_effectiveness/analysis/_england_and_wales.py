"""England and Wales figures (Annex A of the 2016 reports): a rate over
the forces' combined population (:func:`national_rate`), or for survey
results the simple mean of the forces' rates (:func:`mean_of_rates`), each
with the forces it counts and those it leaves out.

British Transport Police is left out of every England and Wales figure, as
Annex A says, and so is any other force outside PEEL.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from typing import TypeVar

import attrs

from ..model.force import Force, outside_peel
from . import _args
from .calculations import _count, _finite, _positive

__all__ = ["NationalFigure", "mean_of_rates", "national_rate"]

K = TypeVar("K", bound=Hashable)


@attrs.frozen
class NationalFigure:
    """An England and Wales figure and how it was made.

    Attributes:
        value: The figure.
        method: ``"aggregate"`` (total count over total base) or
            ``"mean_of_forces"`` (the simple mean of the forces' rates).
        included: The forces (or keys) counted, sorted.
        excluded: The keys left out by name, and those that name a force
            outside PEEL (British Transport Police...), which England and
            Wales figures leave out.
        missing: The keys left out because they have no data.

    Examples:
        >>> from peel_effectiveness.analysis import national_rate
        >>> figure = national_rate({"a": 10, "b": 30}, {"a": 1000, "b": 3000})
        >>> figure.value, figure.included
        (10.0, ('a', 'b'))
    """

    value: float
    method: str
    included: tuple[str, ...]
    excluded: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()


def _split(
    name: str, values: Mapping[K, float | None], exclude: Iterable[object]
) -> tuple[dict[str, float], tuple[str, ...], tuple[str, ...]]:
    values = _args.mapping(name, values, "forces to figures")
    given = _args.exclusions(exclude, "forces or keys")
    drop = {str(_args.force_key(e)) for e in given}
    # Keyed by text: 1 and "1" are one key here.
    read = _args.read_keys(name, values, key=lambda k: str(_args.force_key(k)))
    for e in given:
        _args.no_such_force("exclude", e, set(read.values()), values)
    kept: dict[str, float] = {}
    excluded: list[str] = []
    missing: list[str] = []
    for k, v in values.items():
        key = str(read[k])
        # Annex A: "any aggregated totals for England and Wales exclude
        # British Transport Police"; nor are Scotland's and the others in them.
        if key in drop or _outside_peel(k):
            excluded.append(key)
        elif v is None:
            missing.append(key)
        else:
            kept[key] = _finite(f"{name}[{key!r}]", v)
    return kept, tuple(sorted(excluded)), tuple(sorted(missing))


def _outside_peel(key: object) -> bool:
    """Whether a key names a force outside PEEL: as text, or a force of
    your own by its names (none of the 43 is)."""
    if isinstance(key, str):
        return outside_peel(key)
    return isinstance(key, Force) and any(map(outside_peel, (key.id, key.short_name, key.official_name)))


def national_rate(
    counts: Mapping[K, float | None],
    bases: Mapping[K, float | None],
    per: float = 1000,
    exclude: Iterable[object] = (),
) -> NationalFigure:
    """The England and Wales rate: total count over total base, times ``per``.

    This is the population- (or household-) weighted rate of the forces that
    have both a count and a base and are not excluded by name. Keys may be
    forces, force names or any other labels; one naming a force outside
    PEEL (British Transport Police...) is left out, as Annex A leaves it
    out of England and Wales figures.

    Raises:
        TypeError: ``counts`` or ``bases`` is not a mapping of numbers, or
            ``exclude`` not an iterable.
        PeelDataError: No force is left, a value is not finite, a
            force's count is negative, or its base or ``per`` is not
            positive.

    Examples:
        >>> f = national_rate({"a": 10, "b": 30, "c": 5}, {"a": 1000, "b": 1000, "c": 10}, exclude=["c"])
        >>> f.value, f.included, f.excluded
        (20.0, ('a', 'b'), ('c',))
    """
    exclude = _args.items("exclude", exclude, "forces or keys")
    c, excluded_c, missing_c = _split("counts", counts, exclude)
    b, excluded_b, missing_b = _split("bases", bases, exclude)
    excluded = tuple(sorted(set(excluded_c) | set(excluded_b)))
    keys = sorted(set(c) & set(b))
    missing = tuple(sorted(set(missing_c) | set(missing_b) | (set(c) ^ set(b))))
    if not keys:
        raise _args.refuse("no force has both a count and a base")
    for k in keys:
        # Each force's, not only the total: a base of 0 would add its count to
        # no population, a negative count take from the others'.
        _positive(f"bases[{k!r}]", b[k])
        _count(f"counts[{k!r}]", c[k])
    # The total count over the total base, worked out on the figures and
    # rounded once, as rate() rounds one force's (where a total alone would
    # be too large to represent too).
    total = _args.exact_sum(c[k] for k in keys)
    times = _args.exact(_positive("per", per))
    value = _args.scaled(total, _args.exact_sum(b[k] for k in keys), times, "the rate")
    return NationalFigure(value, "aggregate", tuple(keys), excluded, missing)


def mean_of_rates(rates: Mapping[K, float | None], exclude: Iterable[object] = ()) -> NationalFigure:
    """The England and Wales figure as the simple mean of the forces' rates.

    Annex A uses this for victim satisfaction: "the average of the rates of
    satisfaction in all 43 forces". A key naming a force outside PEEL
    (British Transport Police...) is left out, as by :func:`national_rate`.

    Raises:
        TypeError: ``rates`` is not a mapping of numbers, or ``exclude``
            not an iterable.
        PeelDataError: No force is left, or a value is not finite.

    Examples:
        >>> mean_of_rates({"cumbria": 80.0, "durham": 90.0, "kent": None}).value
        85.0
    """
    kept, excluded, missing = _split("rates", rates, exclude)
    if not kept:
        raise _args.refuse("no force has a value")
    keys = sorted(kept)
    mean = _args.sum_over([kept[k] for k in keys], len(keys), "the mean of the rates")
    return NationalFigure(mean, "mean_of_forces", tuple(keys), excluded, missing)
