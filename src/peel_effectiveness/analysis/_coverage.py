"""How complete the data are: for each cycle and question or area, how many
of the 43 forces have a grade, a reason for no grade, or nothing in the data.

A force with nothing in the data is unknown: never ungraded, never "not
graded". The one exception is a question its cycle grades for no force and
asks of every force (2016's question 5): a force's report of the cycle is
ungraded on it, as the framework says, whether the data hold that or not.
The words are those of :class:`~peel_effectiveness.NoGrade`.
"""

from __future__ import annotations

import attrs

from ..model.cycles import Cycle, Pillar
from ..model.dataset import Dataset
from ..model.grades import Grade, NoGrade, ungraded_in
from . import _args, _judgment_keys
from .national import distribution_of
from .sources import Sources, count_sources

__all__ = ["Coverage", "coverage"]


@attrs.frozen
class Coverage:
    """What the data hold of one question (or a pillar's overall grade, or
    an area) in one cycle, across the 43 forces.

    Attributes:
        cycle: The cycle.
        pillar: The pillar; ``None`` in an integrated cycle.
        question: ``"overall"`` or the question's (or area's) key.
        label: How tables name it.
        graded: How many forces have a grade.
        no_grade: How many forces have each reason for no grade, for the
            reasons that occur.
        unknown: How many forces have nothing in the data.
        graded_in_cycle: Whether the cycle grades it at all (``None``
            where the registry does not know).
        sources: Where the judgments counted (graded or with a reason for
            no grade) come from, by kind of source.

    Examples:
        >>> from peel_effectiveness import load_bundled
        >>> c = next(c for c in coverage(load_bundled(), 2016) if c.question == "q5_specialist")
        >>> c.graded, c.count(NoGrade.UNGRADED), c.unknown
        (0, 43, 0)
        >>> str(c)
        '2016 effectiveness specialist capabilities (2016 grades no force on it): 0 graded, 43 ungraded, 0 unknown'
    """

    cycle: Cycle
    pillar: Pillar | None
    question: str
    label: str
    graded: int
    no_grade: tuple[tuple[NoGrade, int], ...]
    unknown: int
    graded_in_cycle: bool | None
    sources: Sources

    def count(self, reason: NoGrade | str) -> int:
        """How many forces have this reason for no grade, which may be
        written as text (``"ungraded"``).

        Raises:
            TypeError: ``reason`` is neither a NoGrade nor text.
            PeelDataError: Text that names no reason for no grade.
        """
        from ..model._words import spelled, word_problem

        if not isinstance(reason, (NoGrade, str)):
            raise _args.wrong_type("reason", "a NoGrade or text naming one", reason)
        if isinstance(reason, NoGrade):
            return dict(self.no_grade).get(reason, 0)
        found = spelled(NoGrade, reason)
        if found is None:
            graded = " (a grade's forces are counted in graded)" if spelled(Grade, reason) else ""
            raise _args.refuse(f"reason: {word_problem(NoGrade, reason)}{graded}")
        return dict(self.no_grade).get(found, 0)

    @property
    def total(self) -> int:
        """All forces counted (43)."""
        return self.graded + sum(n for _, n in self.no_grade) + self.unknown

    def __str__(self) -> str:
        where = str(self.cycle) if self.pillar is None else f"{self.cycle} {self.pillar}"
        parts = [
            f"{self.graded} graded",
            *(f"{n} {r.value}" for r, n in self.no_grade),
            f"{self.unknown} unknown",
        ]
        label = (
            self.label if self.graded_in_cycle is not False else f"{self.label} ({ungraded_in(self.cycle)})"
        )
        return f"{where} {label}: {', '.join(parts)}"


def coverage(data: Dataset, cycle: str | int | Cycle | None = None) -> tuple[Coverage, ...]:
    """What the data hold of each question, pillar's overall grade and area:
    of one cycle, or of every cycle the data have reports of.

    Raises:
        TypeError: ``data`` is no :class:`~peel_effectiveness.Dataset`.
        PeelDataError: ``cycle`` is no PEEL cycle.

    Examples:
        >>> from peel_effectiveness import load_bundled
        >>> print(coverage(load_bundled(), 2016)[0])
        2016 effectiveness overall: 43 graded, 0 unknown
    """
    if not isinstance(data, Dataset):
        raise TypeError(f"coverage() takes a Dataset, not {type(data).__name__}")
    cycles = data.cycles if cycle is None else (_args.cycle("cycle", cycle),)
    out = []
    for c in cycles:
        # Every judgment the data hold, as the grid has them: the national
        # picture's, and a pillar's overall judgment of a cycle that graded
        # no force on it overall, where a report holds one (2014's
        # effectiveness: "ungraded"), marked as a question of none is.
        for p, key in _judgment_keys.judgment_keys(data, c):
            d = distribution_of(data, c, key, p)
            out.append(
                Coverage(
                    d.cycle,
                    d.pillar,
                    d.question,
                    _label(d.question, d.label),
                    d.graded,
                    tuple((r, len(forces)) for r, forces in d.no_grade),
                    len(d.no_data),
                    graded_in_cycle(d.cycle, d.pillar, d.question),
                    count_sources((where for _, _, where in d.judgments), "judgments"),
                )
            )
    return tuple(out)


def graded_in_cycle(cycle: Cycle, pillar: Pillar | None, question: str) -> bool | None:
    """Whether the cycle grades ``question`` (``"overall"`` or a key) at
    all, as the registry says; ``None`` where it does not know. The charts
    mark what no force is graded on by it."""
    from ..errors import NotFoundError
    from ..model.questions import core_question, headline_graded

    if question == "overall":
        return headline_graded(cycle, pillar)
    try:
        return core_question(cycle, pillar, question).graded
    except NotFoundError:
        return None


def _label(question: str, label: str) -> str:
    if question == "overall" or not label.startswith("Q"):
        return label
    from ..model.questions import core_questions

    return next((q.name for q in core_questions() if q.key == question), label)
