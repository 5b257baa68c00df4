"""The model's attrs validators: :func:`valid`, the validator that runs a
field's value rule and its limit (:mod:`._field_limits`) as a
:class:`Valid`, and names the field when they fail.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs

from ..errors import PeelDataError, Problem
from ._field_limits import Distinct, Items, Limit
from ._messages import describe, fail
from ._values import LARGEST, MOST_PROBLEMS, accepts, stopped


@attrs.frozen
class Valid:
    """What a field's validator checks: the field's value meets its rule and
    its limit (the validator itself is made by :func:`valid`).

    The rule is the value type's (:func:`text`, :func:`number`,
    ``member(Grade)``...); a converter has already turned what it could into
    that type, so a value the rule would still change is refused. A failure
    raises :class:`~peel_effectiveness.PeelDataError` naming the field.

    Attributes:
        rule: The value rule.
        limit: Bounds or a pattern the value must also meet, checked unless
            the value is ``None``.
    """

    rule: Callable[[Any], Any]
    limit: Limit | None = None

    def check(self, value: Any) -> None:
        """Nothing, where the value meets the rule as it is and is within
        the limit; else :class:`PeelDataError` with no path (the validator
        and the data-file reader use this). A value the rule would change
        (text for a date, a ``str`` subclass for text) is refused: a
        field's converter, where it has one, has changed what it could."""
        try:
            checked = self.rule(value)
        except PeelDataError as e:
            # An item that is not text hides no blank one, nor one the rule
            # would change, beside it: each said, in order.
            found = list(e.problems)
            if isinstance(self.limit, Items) and isinstance(value, (list, tuple)):
                found += self.limit.problems(value, len(found))
            elif isinstance(self.limit, Distinct) and isinstance(value, (list, tuple)):
                # The items the rule takes are held to the limit all the same:
                # outcomes [x, 99] is two problems, x's and 99's.
                taken = tuple(x for x in value if _takes(self.rule, x))
                why = self.limit.problem(taken) if taken else None
                if why is not None:
                    found.append(Problem(why))
            every = _with_changed(found, self.rule, value)
            if len(every.problems) == len(e.problems):
                raise
            raise every from None
        if checked is not None and self.limit is not None:
            why = self.limit.problem(checked)
            if why is not None:
                if not isinstance(self.limit, Items):
                    fail(why)
                raise _with_changed(self.limit.problems(checked), self.rule, value)  # each at its index
        if checked is not value:  # in a list, each item the rule would change, at its index
            raise PeelDataError(
                _changed_items(self.rule, value, set())
                or [Problem(f"expected {_what(self.rule)}, got {describe(value)}")]
            )


def _takes(rule: Callable[[Any], Any], item: Any) -> bool:
    """Whether the rule of a list's items (``rule.each``) takes an item as it is."""
    each = getattr(rule, "each", None)
    if each is None:
        return False
    try:
        return each(item) is item
    except PeelDataError:
        return False


Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def valid(rule: Callable[[Any], Any], limit: Limit | None = None) -> Validator:
    """The attrs validator of a field whose values meet ``rule`` and ``limit``
    (:class:`Valid`, which :func:`valid_of` finds again).

    It is a function, not an object with ``__call__``: attrs calls a field's
    validator for every field of every record made, and Python calls a
    function about three times faster.
    """
    spec = Valid(rule, limit)
    accepted = accepts(rule)

    def validate(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is attribute.default:
            return  # a field's default meets its rule (a test checks each)
        # The usual values, in a test or two: a value of a type the rule takes
        # as it is (plain text, a finite number, a whole one of no more
        # digits than a figure has, an enum's member, a record), within the
        # field's limit.
        cls = value.__class__
        if cls in accepted:
            if cls is str:
                usual = value.isascii()
            elif cls is float:
                usual = value - value == 0.0
            else:
                usual = cls is not int or -LARGEST < value < LARGEST
            bounds = spec.limit
            if usual and (bounds is None or bounds.problem(value) is None):
                return
        try:
            spec.check(value)
        except PeelDataError as e:
            raise e.within(attribute.name) from None

    validate.valid = spec  # type: ignore[attr-defined]
    return validate


def _with_changed(found: list[Problem], rule: Callable[[Any], Any], value: Any) -> PeelDataError:
    """The problems ``found`` in a list's items, with each other item the
    rule would change, in the order of their indexes."""
    found = found + _changed_items(rule, value, {p.path for p in found})
    return PeelDataError(sorted(found, key=_index))


def _changed_items(rule: Callable[[Any], Any], value: Any, named: set[str]) -> list[Problem]:
    """The items of a list the rule of its items (``rule.each``) would
    change, each at its index (``[2]``), but for those ``named`` already."""
    each = getattr(rule, "each", None)
    if each is None or not isinstance(value, (list, tuple)):
        return []
    # Only a subclass of a type the rule takes is changed (a str subclass
    # to str): the others it takes as they are, or refuses, which is said.
    taken = accepts(each)
    kinds = tuple(taken)
    out: list[Problem] = []
    if len(named) >= MOST_PROBLEMS - 1:
        return out  # the list's problems are as many as are named already
    for i, item in enumerate(value):
        path = f"[{i}]"
        if item.__class__ in taken or not isinstance(item, kinds) or path in named:
            continue
        try:
            if each(item) is item:
                continue
        except PeelDataError:
            continue  # refused by the rule, and said by it
        out.append(Problem(f"expected {_what(each)}, got {describe(item)}", path=path))
        # As the rule's own problems: with them, no more than a list's are
        # named (a list of a million made a million).
        end = stopped(len(out) + len(named), i, len(value), f"[{i + 1}]", f" as {_what(each)}")
        if end is not None:
            out.append(end)
            break
    return out


def _index(problem: Problem) -> int:
    """The index of a list's item a problem names (``[3]``), for its order."""
    head = problem.path.partition("]")[0].lstrip("[")
    return int(head) if head.isdigit() else -1


def valid_of(attribute: attrs.Attribute[Any]) -> Valid | None:
    """What the field's validator checks, where :func:`valid` made it."""
    spec = getattr(attribute.validator, "valid", None)
    return spec if isinstance(spec, Valid) else None


def _what(rule: Callable[[Any], Any]) -> str:
    what = (rule.__doc__ or rule.__name__).split(":")[0].split(",")[0].rstrip(".")
    return what[:1].lower() + what[1:]
