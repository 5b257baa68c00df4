"""The types the lookups take, checked once: the model's methods
(:meth:`Dataset.report`, :meth:`InspectionReport.question`...) and every
function of the analysis name an argument of the wrong type in a
``TypeError``; a value of the right type that names nothing is the
model's to refuse, in its own words."""

from __future__ import annotations

import operator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .cycles import Cycle, Pillar
    from .force import Force

__all__ = ["of_cycle", "of_force", "of_pillar", "of_question", "of_whole", "wrong_type"]


def wrong_type(argument: str, wanted: str, value: object) -> TypeError:
    """The error for an argument of the wrong type."""
    return TypeError(f"{argument} must be {wanted}, not {type(value).__name__}")


def of_cycle(argument: str, value: object) -> Cycle | str | int:
    """``value``, of a type a cycle is given as: a Cycle, its name, a year."""
    from .cycles import Cycle

    if isinstance(value, (Cycle, str)):
        return value
    return of_whole(argument, value, "a PEEL cycle: a Cycle, its name (str) or a year it spans (int)")


def of_pillar(argument: str, value: object) -> Pillar | str | None:
    """``value``, of a type a pillar is given as: a Pillar, its name, None."""
    from .cycles import Pillar

    if value is not None and not isinstance(value, (Pillar, str)):
        raise wrong_type(argument, "a pillar (a Pillar or its name) or None", value)
    return value


def of_force(argument: str, value: object) -> Force | str:
    """``value``, of a type a force is given as: a Force, its id or a name."""
    from .force import Force

    if not isinstance(value, (Force, str)):
        raise wrong_type(argument, "a force: a Force, or its id or name (str)", value)
    return value


def of_question(argument: str, value: object) -> int | str:
    """``value``, of a type a question is given as: its number, or its key
    or wording (``"overall"`` for a pillar's headline, where one is asked)."""
    if isinstance(value, str):
        return value
    return of_whole(argument, value, "a question's number (int), or its key or wording (str)")


def of_whole(argument: str, value: object, wanted: str = "a whole number (int)") -> int:
    """``value`` as a whole number: an ``int``, or one ``operator.index``
    reads (numpy's, as a DataFrame's column holds them); not ``True``,
    which Python counts 1."""
    if not isinstance(value, bool):
        try:
            return operator.index(value)  # type: ignore[arg-type]
        except TypeError:
            pass
    raise wrong_type(argument, wanted, value)
