"""A force's grades over the PEEL cycles: every judgment the data hold on it,
latest cycle first."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs

from ..errors import NotFoundError
from ..model.cycles import Cycle, Pillar
from ..model.force import Force
from ..model.judgments import Judgment
from . import _args
from ._standing import judged

if TYPE_CHECKING:
    from ..model.dataset import Dataset
    from ..model.reports import InspectionReport

__all__ = ["HistoryEntry", "history"]


@attrs.frozen
class HistoryEntry:
    """One judgment of a force in one cycle.

    Attributes:
        cycle: The cycle.
        pillar: The pillar, ``None`` for an integrated cycle's area.
        question: ``"overall"`` for a pillar's headline judgment, else the
            question's or area's key.
        label: How tables name it: ``"Effectiveness (overall)"``,
            ``"Effectiveness: preventing crime"``, ``"Investigating crime"``.
        judgment: The judgment.
        order: Its place in the cycle (pillars in order, the headline
            first, then the questions in the registry's order).
        force: The force.
        sources: Where the judgment comes from: its own sources, else its
            report's (:func:`~peel_effectiveness.analysis.sources_of`).

    Examples:
        >>> from peel_effectiveness import load_bundled
        >>> from peel_effectiveness.analysis import history
        >>> entry = history(load_bundled(), "cumbria")[-1]
        >>> str(entry.cycle), str(entry.pillar), str(entry.judgment)
        ('2015', 'effectiveness', 'Requires improvement')
    """

    cycle: Cycle
    pillar: Pillar | None
    question: str
    label: str
    judgment: Judgment
    order: int
    force: Force
    sources: tuple[str, ...] = ()


def _entries(report: InspectionReport, start: int) -> list[HistoryEntry]:
    from ..model.questions import core_questions
    from .sources import sources_of

    c, p = report.cycle, report.pillar
    # The registry's order, which is the reports' (numbers where they have them).
    place = {q.key: i for i, q in enumerate(core_questions(c, p), 1)}
    out = []
    if report.judgment is not None and p is not None:
        out.append(
            HistoryEntry(
                c,
                p,
                "overall",
                f"{str(p).capitalize()} (overall)",
                report.judgment,
                start,
                report.force,
                sources_of(report, report.judgment),
            )
        )
    for i, (key, question, judgment) in enumerate(judged(report), 1):
        if judgment is None:
            continue
        try:
            name = report.question(question).name
        except NotFoundError:  # a question the registry does not list yet: its words as given
            name = str(question)
        if p is not None:
            name = f"{str(p).capitalize()}: {name}"
        out.append(
            HistoryEntry(
                c,
                p,
                key,
                name,
                judgment,
                start + place.get(key, len(place) + i),
                report.force,
                sources_of(report, judgment),
            )
        )
    # In the registry's order, which a file need not list its questions in.
    return sorted(out, key=lambda e: e.order)


def place_of(pillar: Pillar | None) -> int:
    """Where a pillar's entries begin in a cycle's order (an integrated
    cycle's at 0): its headline there, its questions after."""
    return 0 if pillar is None else 100 * list(Pillar).index(pillar)


def history(data: Dataset, force: str | Force) -> tuple[HistoryEntry, ...]:
    """Every judgment of ``force`` in the data, latest cycle first; within a
    cycle, pillar by pillar (effectiveness, efficiency, legitimacy), each
    headline before its questions, in the registry's order.

    Examples:
        >>> from peel_effectiveness import load_bundled
        >>> h = history(load_bundled(), "cumbria")
        >>> h[0].cycle, h[-1].cycle
        (<Cycle.Y2023_25: '2023-25'>, <Cycle.Y2015: '2015'>)
    """
    data = _args.dataset("data", data)
    f = _args.force("force", data, force)
    reports = sorted(
        data.for_force(f), key=lambda r: (-r.cycle.year, -1 if r.pillar is None else place_of(r.pillar))
    )
    out: list[HistoryEntry] = []
    for r in reports:
        out += _entries(r, place_of(r.pillar))
    return tuple(out)


def spanned(entries: Iterable[HistoryEntry], cycles: Iterable[Cycle] = ()) -> list[Cycle]:
    """Every cycle from the first of ``entries`` and ``cycles`` (the data's)
    to the last, in time order, those a force has nothing of too: a table or
    chart that left one out would join its neighbours as if none came
    between them, or begin later as if there was no PEEL before."""
    held = {e.cycle for e in entries} | set(cycles)
    return [c for c in Cycle if held and min(held) <= c <= max(held)]
