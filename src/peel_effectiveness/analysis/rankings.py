"""Ranking forces on a measure, each with its band (:func:`~peel_effectiveness.analysis.band`).

:func:`rank` ranks values with a choice of how ties rank;
:func:`rank_forces` ranks the forces of a dataset on one of their figures,
as the ``rank`` command prints it and ``plot rank`` draws it, and refuses
to rank fewer than :data:`MIN_FORCES` forces: the place of one force among
two or three says nothing, and their bands are all "broadly in line".
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from typing import TYPE_CHECKING, Literal, TypeVar, overload

import attrs

from ..model.cycles import Cycle
from ..model.force import Force
from ..model.metrics import Measurement
from . import _args
from ._bands import Band, band, bands

if TYPE_CHECKING:
    from ..model.dataset import Dataset
    from ..model.periods import Period

__all__ = [
    "MIN_FORCES",
    "Band",
    "RankMethod",
    "RankedForce",
    "Ranking",
    "band",
    "bands",
    "rank",
    "rank_forces",
]

MIN_FORCES = 5
"""The fewest forces :func:`rank_forces` ranks (unless told otherwise)."""

K = TypeVar("K", bound=Hashable)
RankMethod = Literal["min", "dense", "ordinal", "average", "max"]
"""How :func:`rank` ranks ties (see there)."""


def _tiebreak(key: object) -> tuple[str, str]:
    return (type(key).__name__, repr(key))


@overload
def rank(
    values: Mapping[K, float | None],
    method: Literal["min", "dense", "ordinal", "max"] = "min",
    *,
    descending: bool = True,
    exclude: Iterable[object] = (),
) -> dict[K, int]: ...
@overload
def rank(
    values: Mapping[K, float | None],
    method: Literal["average"],
    *,
    descending: bool = True,
    exclude: Iterable[object] = (),
) -> dict[K, float]: ...
@overload
def rank(
    values: Mapping[K, float | None],
    method: RankMethod,
    *,
    descending: bool = True,
    exclude: Iterable[object] = (),
) -> dict[K, int] | dict[K, float]: ...
def rank(
    values: Mapping[K, float | None],
    method: RankMethod = "min",
    *,
    descending: bool = True,
    exclude: Iterable[object] = (),
) -> dict[K, int] | dict[K, float]:
    """Rank forces by a measure; 1 is the highest value (the lowest with
    ``descending=False``).

    Forces with ``None`` (no data) and those in ``exclude`` are left out
    (named as the keys of ``values`` are, or in any other way: an id, a
    name, a :class:`~peel_effectiveness.Force`).

    Tie methods, for values 10, 8, 8, 5:

    * ``"min"`` (competition ranking, the default): 1, 2, 2, 4
    * ``"dense"``: 1, 2, 2, 3
    * ``"ordinal"``: 1, 2, 3, 4, ties broken by the keys' sort order (by
      their text where they do not sort), so the result never depends on
      the order of ``values``
    * ``"average"``: 1, 2.5, 2.5, 4
    * ``"max"``: 1, 3, 3, 4

    The ranks are whole numbers (``int``) but for ``"average"``'s
    (``float``).

    Examples:
        >>> rank({"a": 10, "b": 8, "c": 8, "d": 5})
        {'a': 1, 'b': 2, 'c': 2, 'd': 4}
        >>> rank({"a": 10, "b": 8, "c": 8, "d": 5}, "average", descending=False)
        {'a': 4.0, 'b': 2.5, 'c': 2.5, 'd': 1.0}
    """
    method = _args.choice("method", method, ("min", "dense", "ordinal", "average", "max"))  # type: ignore[assignment]
    descending = _args.flag("descending", descending)
    clean = _args.ranked(values, exclude)
    sign = -1 if descending else 1
    try:
        keys = sorted(clean)  # type: ignore[type-var]
    # Keys that do not sort (forces, mixed types; numpy's or decimal's, raising their own): by their text.
    except (TypeError, ValueError, ArithmeticError):
        keys = sorted(clean, key=_tiebreak)
    order = sorted(keys, key=lambda k: sign * clean[k])  # stable: ties stay in the keys' order
    out: dict[K, float] = {}
    i, dense = 0, 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and clean[order[j + 1]] == clean[order[i]]:
            j += 1
        dense += 1
        for pos, k in enumerate(order[i : j + 1], start=i + 1):
            if method == "min":
                out[k] = i + 1
            elif method == "max":
                out[k] = j + 1
            elif method == "dense":
                out[k] = dense
            elif method == "ordinal":
                out[k] = pos
            else:
                out[k] = (i + 1 + j + 1) / 2
        i = j + 1
    return {k: out[k] for k in values if k in out}


@attrs.frozen
class RankedForce:
    """A force's place in a :class:`Ranking`.

    Attributes:
        force: The force.
        value: Its figure.
        rank: Its rank (1 is the highest, or the lowest when ranked
            ascending; ties share the best rank), ``None`` if excluded.
        band: One of the highest, broadly in line or one of the lowest;
            ``None`` if excluded.
        source: What its report says its figure's data come from, where
            it says.
        published_in: Where its figure is published: its report's address
            (or publisher), one a line.

    Examples:
        >>> from peel_effectiveness import load_bundled
        >>> from peel_effectiveness.analysis import rank_forces
        >>> ranked = rank_forces(load_bundled(), "ocg_rate", 2016, min_forces=1).forces[0]
        >>> ranked.force.short_name, ranked.value, ranked.rank
        ('Cumbria', 70.0, 1)
    """

    force: Force
    value: float
    rank: int | None
    band: Band | None
    source: str | None = None
    published_in: str | None = None

    @property
    def excluded(self) -> bool:
        """Whether the force is left out of the ranking."""
        return self.rank is None


@attrs.frozen
class Ranking:
    """The forces of one cycle ranked on one figure.

    Attributes:
        metric: The metric's key.
        cycle: The cycle.
        forces: Every force with the figure: the ranked ones in rank order
            (ties by id), then the excluded ones, each with its figure of
            the ranked period where it has one figure of it.
        descending: Whether rank 1 is the highest value.
        measurement: The figure as one report gives it, for its label,
            unit, period and source.
        england_and_wales: The England and Wales figure, where the reports
            of the forces ranked agree on one.

    Examples:
        >>> from peel_effectiveness import load_bundled
        >>> from peel_effectiveness.analysis import rank_forces
        >>> ranking = rank_forces(load_bundled(), "ocg_rate", 2016, min_forces=1)
        >>> str(ranking.cycle), len(ranking.forces)
        ('2016', 1)
    """

    metric: str
    cycle: Cycle
    forces: tuple[RankedForce, ...]
    descending: bool
    measurement: Measurement
    england_and_wales: float | None

    @property
    def ranked(self) -> tuple[RankedForce, ...]:
        """The forces ranked, in rank order."""
        return tuple(f for f in self.forces if not f.excluded)

    @property
    def excluded(self) -> tuple[RankedForce, ...]:
        """The forces with the figure that are left out."""
        return tuple(f for f in self.forces if f.excluded)


def rank_forces(
    data: Dataset,
    metric: str,
    cycle: str | int | Cycle | None = None,
    *,
    descending: bool = True,
    exclude: Iterable[str | Force] | None = None,
    min_forces: int = MIN_FORCES,
    period: str | Period | None = None,
) -> Ranking:
    """Rank the forces of ``data`` on one of their figures.

    Only figures of one measure and one period are ranked together: figures
    under one key in different units, bases or baselines are refused (see
    :attr:`~peel_effectiveness.MetricDefinition.measure`); where the reports
    give the figure for more than one period (a force's figure for the year
    before, as well as the cycle's), say which with ``period``.

    A ranking of fewer than ``min_forces`` forces (5 by default) is refused:
    with the bundled data, which hold the figures of one force, every
    ranking is. Lower ``min_forces`` knowingly, or rank values of your own
    with :func:`rank` and :func:`bands`.

    Args:
        data: The reports.
        metric: The metric's key.
        cycle: The cycle (default: the latest in which a report has the figure).
        descending: Rank the highest value first (the default).
        exclude: Forces to leave out. By default, for 2016, the forces the
            reports leave out of that figure (:data:`EXCLUSIONS_2016`);
            otherwise none.
        min_forces: The fewest forces to rank (at least 0).
        period: The period of the figures to rank (a :class:`Period` or its
            text); needed only where the reports give more than one.

    Raises:
        TypeError: An argument of the wrong type (``exclude`` a single
            name rather than a list of them, for one).
        PeelDataError: Not a cycle or a period, a figure that is not
            finite, figures of more than one measure, figures of more than
            one period and no ``period``, or
            two figures of one force for the period that differ.
        NotFoundError: No report of the cycle has the figure, no force of
            that name, or fewer than ``min_forces`` forces left to rank.

    Examples:
        >>> from peel_effectiveness import load_bundled
        >>> rank_forces(load_bundled(), "ocg_rate", 2016)
        Traceback (most recent call last):
        ...
        peel_effectiveness.errors.NotFoundError: 1 force with ocg_rate in 2016; a ranking needs 5
        >>> # One force ranked among itself alone: its band says nothing of
        >>> # the 43 (the report says Cumbria maps more OCGs per million
        >>> # than any other force), which is why five are needed.
        >>> r = rank_forces(load_bundled(), "ocg_rate", 2016, min_forces=1)
        >>> [(f.force.short_name, f.value, f.rank, str(f.band)) for f in r.forces]
        [('Cumbria', 70.0, 1, 'broadly in line')]
        >>> r.england_and_wales, r.measurement.metric.unit_label
        (46.0, 'per million population')
    """
    from ..errors import NotFoundError
    from ..model.metrics import measure_key
    from ._exclusions import reports_leave_out
    from ._figures import no_metric_message, one_figure_each, too_few
    from .sources import published_in

    data, metric = _args.dataset("data", data), _args.text("metric", metric)
    descending = _args.flag("descending", descending)
    if exclude is not None:
        exclude = _args.items("exclude", exclude, "forces (names or Force)")
    c = ranked_cycle(data, metric, cycle)
    figures = [(r.force, m) for r in data.for_cycle(c) for m in r.measurements if m.key == metric]
    if not figures:
        raise NotFoundError(no_metric_message(data, metric, c))
    if period is not None:
        wanted = _args.period("period", period)
        figures = [(f, m) for f, m in figures if m.metric.period == wanted]
        if not figures:
            raise NotFoundError(f"no figure {metric} in {c} is for {wanted}")
    if exclude is None:
        exclude = reports_leave_out(metric, c)
    left_out = {_args.force(f"exclude[{i}]", data, f) for i, f in enumerate(exclude)}
    # The forces ranked decide the period; a force left out is shown with
    # its figure of that period, where it has one (and one value).
    kept = one_figure_each(metric, c, [(f, m) for f, m in figures if f not in left_out])
    if not kept:  # every force left out: theirs must be of one period to be shown together
        one_figure_each(metric, c, figures)
    periods = {m.metric.period for m in kept.values()}
    measures = {measure_key(m.metric) for m in kept.values()}
    apart = {}
    for f in left_out:
        # Shown with its figure of the ranked period and measure only.
        theirs = {
            m.value: m
            for g, m in figures
            if g == f and (not kept or (m.metric.period in periods and measure_key(m.metric) in measures))
        }
        if len(theirs) == 1:
            apart[f] = next(iter(theirs.values()))
    found = kept | apart
    # By force as well as figure: reports may share a figure's object (attrs.evolve).
    source_of = {
        (r.force, id(m)): (m.metric.source, published_in(r))
        for r in data.for_cycle(c)
        for m in r.measurements
        if m.key == metric
    }
    min_forces = _args.whole("min_forces", min_forces, 0)
    if len(kept) < min_forces or not found:
        raise NotFoundError(too_few(metric, c, len(kept), len(apart), max(min_forces, 1)))
    values = {f: m.value for f, m in found.items()}
    ranks = rank(values, "min", descending=descending, exclude=left_out)
    band_of = bands(values, exclude=left_out)
    order = sorted(found, key=lambda f: (f in left_out, ranks.get(f, 0), f.id))
    comparators = {m.england_and_wales for m in kept.values()}
    return Ranking(
        metric=metric,
        cycle=c,
        forces=tuple(
            RankedForce(
                f,
                values[f],
                None if f in left_out else int(ranks[f]),
                band_of.get(f),
                *source_of[f, id(found[f])],
            )
            for f in order
        ),
        descending=descending,
        measurement=found[order[0]],
        england_and_wales=comparators.pop() if len(comparators) == 1 else None,
    )


def ranked_cycle(data: Dataset, metric: str, cycle: str | int | Cycle | None) -> Cycle:
    """The cycle a ranking of ``metric`` is of: ``cycle``, or by default the
    latest in which a report has the figure (see :func:`rank_forces`).

    Raises:
        NotFoundError: No report has the figure.
    """
    from ..errors import NotFoundError
    from ._figures import no_metric_message

    if cycle is not None:
        return _args.cycle("cycle", cycle)
    measuring = data.cycles_measuring(metric)
    if not measuring:
        raise NotFoundError(no_metric_message(data, metric, None))
    return measuring[-1]
