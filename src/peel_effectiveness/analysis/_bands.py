"""The 25 percent bands of the 2016 reports: "one of the highest", "broadly
in line", "one of the lowest".

The 2016 reports (Annex A) say where a force's figure stands by ranking the
forces and marking the top and bottom 25 percent. :func:`band` implements
that rule, with ties and small numbers of forces handled as documented
there; :func:`~peel_effectiveness.analysis.rank_forces` gives each force
ranked its band.
"""

from __future__ import annotations

import bisect
import enum
import math
from collections.abc import Hashable, Iterable, Mapping
from typing import TypeVar

from ..model._values import plain_text
from . import _args

__all__ = ["Band", "band", "band_size", "bands"]

K = TypeVar("K", bound=Hashable)


class Band(enum.Enum):
    """Where a force sits among all forces (Annex A of the 2016 reports).

    Examples:
        >>> from peel_effectiveness.analysis import band
        >>> band({"a": 70.0, "b": 30.0, "c": 40.0, "d": 35.0}, "b")
        <Band.ONE_OF_THE_LOWEST: 'one of the lowest'>
        >>> Band("broadly in line"), str(Band.ONE_OF_THE_HIGHEST)
        (<Band.BROADLY_IN_LINE: 'broadly in line'>, 'one of the highest')
    """

    ONE_OF_THE_HIGHEST = "one of the highest"
    BROADLY_IN_LINE = "broadly in line"
    ONE_OF_THE_LOWEST = "one of the lowest"

    def __str__(self) -> str:
        return self.value


def bands(
    values: Mapping[K, float | None],
    *,
    share: float = 0.25,
    exclude: Iterable[object] = (),
) -> dict[K, Band]:
    """The band of every force with data (see :func:`band` for the rule).

    Examples:
        >>> b = bands({f"f{i}": float(i) for i in range(8)})
        >>> [str(b[k]) for k in ("f7", "f6", "f5", "f0")]
        ['one of the highest', 'one of the highest', 'broadly in line', 'one of the lowest']
    """
    share = _args.number("share", share)
    if not 0 <= share <= 0.5:
        raise _args.refuse(f"share must be between 0 and 0.5, not {_args.shown(share)}")
    clean = _args.ranked(values, exclude)
    n = len(clean)
    k = band_size(n, share)
    ordered = sorted(clean.values())
    out: dict[K, Band] = {}
    for key, v in clean.items():
        higher = n - bisect.bisect_right(ordered, v)
        lower = bisect.bisect_left(ordered, v)
        top, bottom = higher < k, lower < k
        if top and not bottom:
            out[key] = Band.ONE_OF_THE_HIGHEST
        elif bottom and not top:
            out[key] = Band.ONE_OF_THE_LOWEST
        else:
            out[key] = Band.BROADLY_IN_LINE
    return {key: out[key] for key in values if key in out}


def band_size(n: int, share: float = 0.25) -> int:
    """How many of ``n`` forces make a band, ties aside: ``floor(n * share)``,
    of the share as written (0.29 * 100 is 29, not the float's
    28.999999999999996; 0.2499999999 * 4 is less than 1).

    Examples:
        >>> band_size(43), band_size(100, 0.29), band_size(3)
        (10, 29, 0)
    """
    return math.floor(n * _args.exact(share))


def band(
    values: Mapping[K, float | None],
    force: object,
    *,
    share: float = 0.25,
    exclude: Iterable[object] = (),
) -> Band | None:
    """Whether ``force`` is one of the highest, broadly in line or one of the lowest.

    The rule, after Annex A of the 2016 reports ("ranking ... and then
    highlighting the top and bottom 25 percent of forces"):

    * Only forces with a value count: ``None`` (no data) and the forces in
      ``exclude`` are left out, and ``n`` is the number left. ``force`` and
      ``exclude`` name forces as the keys of ``values`` do, or in any other
      way (an id, a name, a :class:`~peel_effectiveness.Force`).
    * ``k = floor(n * share)`` forces make each quarter; with 43 forces, 10.
    * A force is *one of the highest* when fewer than ``k`` forces have a
      strictly higher value, and *one of the lowest* when fewer than ``k``
      have a strictly lower one. So tied forces always share a band, and a tie
      that starts inside the top quarter takes the whole tie into it (the
      band can then hold more than ``k`` forces).
    * A force that qualifies for both (possible only when more than half the
      forces share one value) is broadly in line, as is everyone when
      ``n < 4`` (then ``k`` is 0).

    The band depends only on the order of the values, so any order-preserving
    change of scale gives the same bands, and reversing the order swaps the
    highest and lowest bands.

    Returns:
        The band, or ``None`` when ``force`` has no value or is excluded.

    Raises:
        NotFoundError: ``force``, or a name in ``exclude``, is no key of
            ``values``, names none of the 43 forces and is close to one of
            them or to a key (a typo, not a force without a value).

    Examples:
        >>> ocg = {"cumbria": 70.0, "durham": 30.0, "kent": 40.0, "essex": 35.0}
        >>> str(band(ocg, "cumbria"))
        'one of the highest'
    """
    found = bands(values, share=share, exclude=exclude)
    if isinstance(force, str):
        force = plain_text(force)  # looked up as the text it holds, not by a subclass's methods
    try:
        if force in found:
            return found[force]
    except TypeError:  # unhashable: no key, and no force either
        raise _args.wrong_type("force", "a force: a key of values, an id, a name or a Force", force) from None
    # bands() has refused a force named twice: one key at most names it.
    wanted = _args.force_key(force)
    _args.no_such_force("force", force, {_args.force_key(k) for k in values}, values)
    return next((b for k, b in found.items() if _args.force_key(k) == wanted), None)
