"""What a command says on standard error beside its output: what its
counts or its ranking leave out, or take in, that the output cannot say."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._commands import say
from ._parser import PROG

if TYPE_CHECKING:
    import argparse

    from ..analysis.rankings import Ranking
    from ..model.cycles import Cycle
    from ..model.dataset import Dataset


def say_not_counted(args: argparse.Namespace, data: Dataset, cycle: Cycle | None) -> None:
    """Name the forces of your own with reports of ``cycle`` (of any cycle
    for ``None``), which counts of the 43 forces leave out."""
    from ..model.force import territorial
    from ..output._text import joined

    own = sorted(
        {r.force for r in data.reports if (cycle is None or r.cycle == cycle) and not territorial(r.force)},
        key=lambda f: f.id,
    )
    if own:
        names = joined([f.short_name for f in own])
        say(args, f"{PROG}: not counted: {names}, not of the 43 territorial forces")


def say_exclusions_replaced(args: argparse.Namespace, ranking: Ranking) -> None:
    """Name the forces a ranking holds that the report's own exclusions of
    its figure (Annex A, 2016) leave out: ``--exclude`` replaces them, not
    adds to them."""
    from ..analysis.calculations import EXCLUSIONS_2016
    from ..model.cycles import Cycle
    from ..model.force import find_force
    from ..output._text import joined

    if not args.exclude or ranking.cycle is not Cycle.Y2016:
        return
    ranked = {f.force for f in ranking.ranked}
    kept = [f for f in map(find_force, EXCLUSIONS_2016.get(ranking.metric, ())) if f in ranked]
    if kept:
        one = len(kept) == 1
        names = joined([f.short_name for f in kept])
        add = " ".join(f"--exclude {f.id}" for f in kept)
        say(
            args,
            f"{PROG}: --exclude replaces Annex A's exclusions of {ranking.metric}: {names} "
            f"{'is' if one else 'are'} ranked ({add} leaves {'it' if one else 'them'} out)",
        )
