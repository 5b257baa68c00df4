"""What a command says on standard error beside its output: what its
counts or its ranking leave out, or take in, that the output cannot say."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._commands import note

if TYPE_CHECKING:
    import argparse
    from collections.abc import Collection, Iterable

    from ..analysis.sources import Sources
    from ..model.cycles import Cycle
    from ..model.dataset import Dataset
    from ..model.reports import InspectionReport


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
        note(args, f"not counted: {names}, not of the 43 territorial forces")


def yours_said(args: argparse.Namespace, reports: Iterable[InspectionReport], which: str) -> str:
    """The sentence a text output ends with where some of the reports it
    is made of (the ``which``: "shown", "counted") are from your files
    (``--data``), not the bundled data's, naming them ("" where none is):
    the note on standard error is not the output's."""
    if not getattr(args, "data", None):
        return ""
    from ..model._messages import counted
    from ..model.reports import InspectionReport
    from ..output._chart_words import not_bundled
    from ..output._text import joined

    reports = list(reports)
    mine = [r for r in not_bundled(reports) if isinstance(r, InspectionReport)]
    if not mine:
        return ""
    said = "from your files (--data), not the bundled data"
    if len(mine) == len(reports):
        return (
            f"The report {which} is {said}."
            if len(reports) == 1
            else f"All {len(reports)} reports {which} are {said}."
        )
    verb = "is" if len(mine) == 1 else "are"
    names = joined([f"{r.force.short_name} {r.title}" for r in mine], most=3)
    return f"{len(mine)} of the {counted(len(reports), 'report')} {which} {verb} {said}: {names}."


def say_pillars_lacking(
    args: argparse.Namespace, data: Dataset, cycle: Cycle, in_table: Collection[str] = ()
) -> str:
    """:func:`pillars_lacking` (of the pillars whose words are ``in_table``:
    rows the output has all the same): said on standard error where the
    output is data; else given back, for a table to end with ("" if none)."""
    from ..output._chart_words import pillars_lacking

    said = pillars_lacking(data, cycle, [p for p in cycle.pillars if p.value in in_table])
    if said is None:
        return ""
    if args.format != "table":
        say_sentence(args, said)
        return ""
    return said


def say_sentence(args: argparse.Namespace, sentence: str) -> None:
    """A sentence a table would end with, said on standard error instead,
    as a line of the program's."""
    note(args, f"{sentence[0].lower()}{sentence[1:]}")


def sources_line(found: Sources, width: int = 80) -> str:
    """Where a command's facts come from, as the line under its table says
    it: counted by kind, and where the sources are listed in full."""
    from ..analysis.sources import SourceKind
    from ..output._chart_words import sources_said
    from ..output._text import wrap

    # Judgments' sources are in the judgments table; figures' and reports'
    # in their published_in column, where any is named.
    if found.what == "judgments":
        said = sources_said(found)
    elif all(kind is SourceKind.NONE for kind, _ in found.counts):
        said = f"{found}."
    else:
        said = f"{found}. The addresses are in --format csv (published_in)."
    return "\n".join(wrap(said, width))


def say_previous_overruled(args: argparse.Namespace, data: Dataset, mine: Dataset) -> None:
    """Warn where a report of yours states a previous cycle's grade that the
    data's report of that cycle has otherwise: every output compares with
    the report, the grade stated being the fallback (as
    docs/data-format.md says), while ``report.previous_judgment`` is the
    one stated; and where one carries a grade over from a cycle whose
    report in the data grades it otherwise."""
    from ..analysis._standing import carried_otherwise, judged_then, key_of, previous_judgment_of
    from ..output._text import joined
    from ._commands import warning

    found, carried = [], []
    for r in mine.reports:
        stated = [
            ("overall", r.previous_judgment, r.judgment),
            *((a.question, a.previous_judgment, a.judgment) for a in r.assessments),
        ]
        for question, said, now in stated:
            what = "overall" if question == "overall" else f"question {question}"
            held = None if said is None else previous_judgment_of(data, r, key_of(r, question))
            if said is not None and held is not None and held.grade is not said.grade:
                found.append(
                    f"{r.force.short_name} {r.title} {what} (yours states {said.grade.value}; "
                    f"the {r.cycle.previous} report grades it {held.grade.value})"
                )
            # A grade carried over is the earlier report's: one that grades
            # it otherwise contradicts it (and, of the cycle just before,
            # is what outputs compare with, as above).
            if now is not None and now.carried_over_from is not None:
                since = now.carried_over_from
                then = judged_then(data, r, since, key_of(r, question))
                if then is not None and carried_otherwise(now, then, since):
                    carried.append(
                        f"{r.force.short_name} {r.title} {what} (yours carries {now.grade.value} "
                        f"over from {since}; the {since} report grades it {then.grade.value})"
                    )
    if found:
        shown = joined(found, most=3)
        warning(
            args,
            f"your reports state previous grades that the previous cycle's reports in the data grade "
            f"otherwise, and outputs compare with those reports: {shown}",
        )
    if carried:
        warning(
            args,
            f"your reports carry grades over from cycles whose reports in the data grade them "
            f"otherwise: {joined(carried, most=3)}",
        )
