"""How ``national`` says grades changed since the cycle before: each kind
of change with its forces; those with no data by the grade the data lack,
and those not comparable by why."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..analysis._transitions import Transition, Transitions
    from ..model.cycles import Cycle


def changes_said(t: Transitions) -> str:
    """The table's lines of the change from ``t``'s earlier cycle to its
    later, in 80 columns, after a blank line."""
    from ..output._text import wrap, wrap_names, wrap_words

    previous, cycle = t.from_cycle, t.to_cycle
    said = f"\nChange from {previous} to {cycle}:"
    if t.reason:
        kind = "no data" if t.no_data else "not comparable"
        return said + "\n" + "\n".join(wrap(f"  {kind}: {t.reason}", 80, "", "    ")) + "\n"
    said += "\n"
    carried = len(t.carried_over)
    for label, group in (
        ("improved", t.improved),
        ("declined", t.declined),
        ("unchanged", t.unchanged),
        ("not comparable", t.not_comparable),
        ("no data", t.no_data),
    ):
        head = f"  {label:<15} {len(group):>3}"
        if label == "unchanged":
            # The same judgment, standing: not a force judged again the same.
            standing = f"{carried} of them carried over from an earlier cycle, not judged again"
            lines = wrap(standing, 80, head + "  ", " " * 22) if carried else []
        elif label == "no data":
            lines = wrap_words(_lacking(group, previous, cycle), 80, head + "  ", " " * 22)
        elif label == "not comparable" and group:
            lines = wrap_words(_why_not(group), 80, head + "  ", " " * 22)
        else:
            lines = wrap_names([x.force.short_name for x in group], 80, head + "  ", " " * 22)
        said += "\n".join(lines or [head]) + "\n"
    return said


def _lacking(group: Sequence[Transition], previous: Cycle, cycle: Cycle) -> list[str]:
    """The forces with no data for a change, by the grade the data lack, as
    words to wrap: "no data" of two grades read as if both were missing."""
    parts = [
        (f"no {previous} grade:", [x for x in group if x.before is None and x.after is not None]),
        (f"no {cycle} grade:", [x for x in group if x.after is None and x.before is not None]),
        ("neither:", [x for x in group if x.before is None and x.after is None]),
    ]
    words: list[str] = []
    for which, xs in (p for p in parts if p[1]):
        # (Never all 43: a cycle none has a grade of is no data, said whole.)
        names = [x.force.short_name for x in xs]
        if words:
            words[-1] += ";"
        words += [which, *(f"{n}," for n in names[:-1]), names[-1]]
    return words


def _why_not(group: Sequence[Transition]) -> list[str]:
    """The forces whose grades cannot be compared, by why ("ungraded in
    2016: Kent, Surrey; ..."), as words to wrap."""
    by: dict[str, list[str]] = {}
    for x in group:
        by.setdefault(x.change.reason, []).append(x.force.short_name)
    words: list[str] = []
    for reason, names in by.items():
        if words:
            words[-1] += ";"
        words += [*f"{reason}:".split(), *(f"{n}," for n in names[:-1]), names[-1]]
    return words
