"""The checks of a report's judgments against the cycle: its pillars, its
core questions (the registry) and its grade scale, for
:class:`~peel_effectiveness.InspectionReport`.

Each check returns every problem it finds, as ``(path, message)`` pairs whose
paths are field names from the report down.
"""

from __future__ import annotations

from contextvars import ContextVar
from typing import TYPE_CHECKING

from .._warn import warn
from ._messages import shown, suggest
from ._values import MOST_PROBLEMS, stopped
from .cycles import Cycle, Pillar, why_not_comparable
from .grades import Grade, NoGrade
from .judgments import Judgment
from .questions import (
    core_questions,
    not_asked,
    pillar_headline_graded,
    question_ident,
    question_index,
    question_or_none,
    registry_complete,
)

if TYPE_CHECKING:
    from .reports import InspectionReport

Path = tuple[str | int, ...]

# The reasons for no grade that say no judgment stands, which a judgment
# carried over from an earlier cycle is.
NONE_STANDS = frozenset({NoGrade.NOT_INSPECTED, NoGrade.NOT_YET_GRADED})
Found = list[tuple[Path, str]]


def headline_problems(report: InspectionReport) -> Found:
    """The problems of a report's pillar and headline judgments."""
    cycle, pillar = report.cycle, report.pillar
    if cycle.integrated:
        out: Found = []
        if pillar is not None:
            out.append((("pillar",), f"{cycle} is integrated: its reports have no pillar; leave pillar out"))
        for name, judgment in (
            ("judgment", report.judgment),
            ("previous_judgment", report.previous_judgment),
        ):
            if judgment is not None:
                message = f"{cycle} is integrated: there is no overall grade; grade each area in assessments"
                out.append(((name, "grade"), message))
        return out
    if pillar is None:
        known = ", ".join(p.value for p in cycle.pillars)
        return [(("pillar",), f"a {cycle} report is on one pillar ({known})")]
    if pillar not in cycle.pillars:
        known = ", ".join(p.value for p in cycle.pillars)
        return [(("pillar",), f"{cycle} has no {pillar} pillar (pillars: {known})")]
    out = judgment_problems(
        report.judgment, cycle, pillar_headline_graded(cycle, pillar), ("judgment",), cycle
    )
    out += _carried_headline(report.judgment, cycle, pillar, ("judgment",))
    previous = cycle.previous
    if report.previous_judgment is not None:
        if previous is None:
            return [*out, (("previous_judgment", "grade"), _first(cycle))]
        if pillar is not None and not previous.integrated and pillar not in previous.pillars:
            # Within one framework as across: a pillar the cycle before did not have had no judgment.
            message = f"{previous} has no {pillar} pillar: there is no previous judgment of it"
            return [*out, (("previous_judgment", "grade"), message)]
        graded = None if previous.integrated else pillar_headline_graded(previous, pillar)
        out += judgment_problems(report.previous_judgment, previous, graded, ("previous_judgment",), cycle)
        out += _carried_headline(report.previous_judgment, previous, pillar, ("previous_judgment",))
    return out


def _carried_headline(judgment: Judgment | None, cycle: Cycle, pillar: Pillar, where: Path) -> Found:
    """Why a pillar's overall judgment of ``cycle`` cannot be carried over
    from the cycle it names: that cycle gave the pillar no overall grade (as
    a question's is refused from a cycle that did not ask it). Another
    framework, or a cycle not earlier, is :func:`judgment_problems`' to say."""
    carried = None if judgment is None else judgment.carried_over_from
    if carried is None or not carried < cycle or why_not_comparable(carried, cycle) is not None:
        return []
    if pillar not in carried.pillars:
        said = f"{carried} had no {pillar} pillar"
    elif not pillar_headline_graded(carried, pillar):
        said = f"{carried} gave the {pillar} pillar no overall grade"
    else:
        return []
    return [((*where, "carried_over_from"), f"{said}: no judgment of it to carry over")]


def _first(cycle: Cycle) -> str:
    return f"{cycle} is the first PEEL cycle: there is no previous judgment"


def question_problems(report: InspectionReport) -> tuple[Found, list[str]]:
    """Every problem of a report's assessments (questions the cycle does not
    have, questions assessed twice, and judgments that do not fit them), and
    the questions a cycle's incomplete registry lacks (2025-27), which are
    no problem: they are kept as given (see :func:`warn_unknown`)."""
    out: Found = []
    cycle, pillar = report.cycle, report.pillar
    previous = cycle.previous
    seen: dict[object, int] = {}
    unknown: list[str] = []
    index = question_index(cycle, pillar)
    assessments = report.assessments
    for i, a in enumerate(assessments):
        # A million assessments of one question (a YAML alias): checked to
        # the most problems named, as a list's items are.
        if i and len(out) >= MOST_PROBLEMS - 1 and (end := stopped(len(out), i - 1, len(assessments), "")):
            out.append((("assessments", i), end.message))
            break
        ident = question_ident(index, a.question)
        q = index.get(ident)  # a question's key finds it; a question the registry lacks, nothing
        if q is None:
            if registry_complete(cycle, pillar):
                out.append((("assessments", i, "question"), _unknown(cycle, pillar, a.question)))
            else:
                # Each named with the question it likely means, as far as a warning names them.
                near = _near(cycle, pillar, a.question) if len(unknown) < _MOST_NAMED else ""
                unknown.append(shown(a.question) + near)
        if ident in seen:
            out.append(
                (
                    ("assessments", i, "question"),
                    f"question {shown(a.question)} is assessed twice (first in assessments[{seen[ident]}])",
                )
            )
        else:
            seen[ident] = i
        if a.judgment is not None:
            out += judgment_problems(
                a.judgment, cycle, None if q is None else q.graded, ("assessments", i, "judgment"), cycle
            )
            carried = a.judgment.carried_over_from
            if (
                q is not None
                and carried is not None
                and carried < cycle
                and why_not_comparable(carried, cycle) is None
                and not_asked(carried, pillar, q.key)
            ):
                # A judgment carried over is the earlier cycle's: of a question it asked.
                message = f"{carried} has no question {q.key!r} ({q.label}): no judgment of it to carry over"
                out.append((("assessments", i, "judgment", "carried_over_from"), message))
        if a.previous_judgment is not None and previous is None:
            out.append((("assessments", i, "previous_judgment", "grade"), _first(cycle)))
        elif a.previous_judgment is not None:
            graded = None
            if q is not None and previous is not None and previous.integrated is cycle.integrated:
                earlier = question_or_none(previous, pillar, q.key)
                graded = None if earlier is None else earlier.graded
                if why_not_comparable(previous, cycle) is None and not_asked(previous, pillar, q.key):
                    # Within one framework, a previous judgment is the previous cycle's: of a question it asked.
                    message = f"{previous} has no question {q.key!r} ({q.label}): there is no previous judgment of it"
                    out.append((("assessments", i, "previous_judgment", "grade"), message))
                    continue
            out += judgment_problems(
                a.previous_judgment, previous, graded, ("assessments", i, "previous_judgment"), cycle
            )
    return out, unknown


# Set while a record is built only so that the rules can run on what could
# be read of a file with problems (io/_records): that report is not kept, so
# what it would warn of is not said.
checking_only: ContextVar[bool] = ContextVar("checking_only", default=False)


# Set while a record is built only to learn whether it can be (a member of
# a union of yours, tried in turn): what it would warn of is held here, to
# be said for the member taken alone (io/_unions).
held_warnings: ContextVar[list[tuple[InspectionReport, list[str]]] | None] = ContextVar(
    "held_warnings", default=None
)


# What the warning of questions the registry does not know says of the
# report: not said where the warning is made an error (it is then not kept).
KEPT = "; kept as given"


def warn_unknown(report: InspectionReport, unknown: list[str]) -> None:
    """Warn that a report names questions the registry does not know yet."""
    if checking_only.get():
        return
    held = held_warnings.get()
    if held is not None:
        held.append((report, unknown))
        return
    where = f"{report.cycle}" if report.pillar is None else f"{report.cycle} {report.pillar}"
    named = ", ".join(unknown[:_MOST_NAMED])
    if len(unknown) > _MOST_NAMED:
        named += f" and {len(unknown) - _MOST_NAMED} more"
    warn(
        f"{report.force.short_name} {where}: the registry does not know the question(s) "
        f"{named} yet{KEPT} (see register_question)"
    )


_MOST_NAMED = 20  # questions a warning names: a file may hold a hundred thousand


def _near(cycle: Cycle, pillar: object, question: int | str) -> str:
    """For a question an incomplete registry lacks: the one it likely means
    among the cycle's known questions and those of the cycle before, whose
    areas a new framework keeps (``'investigatng'``), else nothing."""
    cycles = [c for c in (cycle, cycle.previous) if c is not None and c.integrated is cycle.integrated]
    keys = {q.key for c in cycles for q in core_questions(c, pillar)}  # type: ignore[arg-type]
    if not isinstance(question, str) or question in keys:
        return ""
    # Closer than other suggestions: a new area may be named like an old one
    # ('vetting', 'investigating'), and a typo is a letter or two off.
    near = suggest(question, sorted(keys), cutoff=0.85)  # "; did you mean 'x'?"
    return f" ({near[2:]})" if near else ""


def _unknown(cycle: Cycle, pillar: object, question: int | str) -> str:
    known = ", ".join(
        str(q.written)
        for q in core_questions(cycle, pillar)  # type: ignore[arg-type]
    )
    where = f"{cycle}" if pillar is None else f"{cycle} {pillar}"
    return f"{where} has no core question {shown(question)} (questions: {known or 'none are known'})"


def judgment_problems(
    judgment: Judgment | None,
    cycle: Cycle | None,
    graded: bool | None,
    where: Path,
    report_cycle: Cycle,
) -> Found:
    """The problems of a judgment on a question or pillar (``graded``:
    whether it is graded, ``None`` where not known) in ``cycle``, reported in
    ``report_cycle``; ``where`` is the judgment's path."""
    if judgment is None:
        return []
    out: Found = []
    grade = judgment.grade
    judged = report_cycle if cycle is None else cycle  # a previous judgment's is the cycle before
    # Another grade of the judgment (revised, disputed, a weaker source's)
    # is of the same question in the same cycle: the same rules hold.
    for at, said, other in (
        (where, grade, False),
        *(((*where, "other_grades", i), o.grade, True) for i, o in enumerate(judgment.other_grades)),
    ):
        for why in (_not_its_kind(said, graded, judged, other=other), _off_scale(said, cycle)):
            if why is not None:
                out.append(((*at, "grade"), why))
    carried = judgment.carried_over_from
    if carried is not None and grade in NONE_STANDS:
        # A judgment carried over is the earlier cycle's, standing.
        message = (
            f"a judgment carried over from {carried} is that cycle's, which stands; "
            f"'{grade.value}' says none does ({grade.meaning})"
        )
        out.append(((*where, "carried_over_from"), message))
    if carried is not None and cycle is not None:
        if not carried < cycle:
            message = f"a judgment for {cycle} can only be carried over from an earlier cycle"
            out.append(((*where, "carried_over_from"), message))
        elif (why := why_not_comparable(carried, cycle)) is not None:
            # A grade still in force is one the later cycle's framework takes as its own.
            message = (
                f"a judgment for {cycle} cannot be carried over from {carried}, another framework ({why})"
            )
            out.append(((*where, "carried_over_from"), message))
    return out


def _not_its_kind(grade: Grade | NoGrade, graded: bool | None, judged: Cycle, *, other: bool) -> str | None:
    """Why a judgment's grade or reason (``other``: another grade of it)
    says the opposite of whether the cycle grades the question (``graded``;
    ``None`` where not known), or ``None``."""
    whose = "another grade of it" if other else "its judgment"
    if grade is NoGrade.UNGRADED and graded:
        return (
            f"'ungraded' is not {whose}: it is graded in {judged}; "
            "write 'not graded' if it was not graded for this force"
        )
    # Where the cycle grades no force on it, that is why there is none:
    # 'not graded' is for one force where it grades others, and not
    # inspected or not yet graded would say a grade may have been given.
    if graded is False and grade is not NoGrade.UNGRADED:
        if other:
            return f"it is not graded in {judged}: {grade.value!r} cannot be another grade of it"
        return f"it is not graded in {judged}; its judgment is 'ungraded'"
    return None


def _off_scale(grade: Grade | NoGrade, cycle: Cycle | None) -> str | None:
    """Why a grade is not on the cycle's scale, or ``None``: asked of every
    judgment read, so the caller makes the problem's path only for a grade
    that is off it."""
    if grade.__class__ is not Grade or cycle is None or grade in cycle.grades:
        return None
    words = ", ".join(g.value for g in cycle.grade_scale.grades)
    return f"{grade.value!r} is not on the {cycle} grade scale ({words})"
