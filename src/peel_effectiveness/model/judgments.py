"""Judgments: a grade (or none, for an ungraded question) and how it is known."""

from __future__ import annotations

import enum

import attrs

from .cycles import Cycle
from .grades import Grade

__all__ = ["Basis", "Judgment"]


class Basis(enum.Enum):
    """How a judgment is known.

    * ``stated``: the report states it in words.
    * ``inferred``: read from the report's wording where the grade graphic was
      lost (the seed text lost some).
    * ``carried_over``: not re-inspected; an earlier cycle's judgment stands
      (PEEL 2017 did this).
    """

    STATED = "stated"
    INFERRED = "inferred"
    CARRIED_OVER = "carried_over"

    def __str__(self) -> str:
        return self.value


@attrs.frozen
class Judgment:
    """A judgment on a pillar or core question.

    Attributes:
        grade: The grade, or ``None`` where the question is ungraded.
        basis: How the judgment is known.
        carried_over_from: For a carried-over judgment, the cycle whose grade
            stands.
        sources: Where the grade is published (web addresses), for a
            judgment known from sources other than the report itself.

    Examples:
        >>> Judgment(Grade.GOOD)
        Judgment(grade=<Grade.GOOD: 'good'>, basis=<Basis.STATED: 'stated'>, carried_over_from=None, sources=())
        >>> Judgment(None).is_graded
        False
    """

    grade: Grade | None
    basis: Basis = Basis.STATED
    carried_over_from: Cycle | None = attrs.field(default=None)

    @carried_over_from.validator
    def _check_carry(self, _: attrs.Attribute[Cycle | None], value: Cycle | None) -> None:
        if (value is None) != (self.basis is not Basis.CARRIED_OVER):
            raise ValueError("carried_over_from is given exactly when the basis is carried_over")

    sources: tuple[str, ...] = ()

    @property
    def is_graded(self) -> bool:
        """Whether there is a grade (``False`` for an ungraded question)."""
        return self.grade is not None

    def __str__(self) -> str:
        return "Ungraded" if self.grade is None else self.grade.label
