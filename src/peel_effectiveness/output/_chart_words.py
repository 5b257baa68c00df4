"""The words of the charts' frames: where what is drawn comes from, who
made the chart, and the sentences that name what a chart leaves out
(:mod:`._chart` re-exports those, so that charts use one module); and
:func:`pillars_lacking`, which the grid's rows and the command line say."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from typing import TYPE_CHECKING

from ..model.grades import NoGrade
from ..model.metrics import Unit
from ._text import joined

if TYPE_CHECKING:
    from ..analysis._bands import Band
    from ..analysis.rankings import Ranking
    from ..analysis.sources import Sources
    from ..model.cycles import Cycle, Pillar
    from ..model.dataset import Dataset
    from ..model.force import Force
    from ..model.metrics import Measurement
    from ..model.monitoring import Stay
    from ..model.questions import CoreQuestion
    from ..model.reports import InspectionReport


def sources_said(sources: Sources, command: str = "export --table judgments") -> str:
    """The footer's sources: counted by kind, and where they are listed,
    where the data name any (never "every grade's sources are in the data"
    of grades some of which have none)."""
    from ..analysis.sources import SourceKind

    named = [kind is not SourceKind.NONE for kind, _ in sources.counts]
    if not any(named):
        return f"{sources}."
    which = "Every grade's sources are" if all(named) else "The sources named are"
    return f"{sources}. {which} in the data ('{command}')."


def official_said(sources: Sources) -> str:
    """The subtitle's sentence of how many of the judgments drawn are from
    HMIC/HMICFRS's own pages, where not all are ("" where all are, or none is
    drawn): the title says "PEEL", and a reader takes every grade for the
    inspectorate's word, though many in the data are as the news gives them."""
    from ..analysis.sources import SourceKind

    n = sources.total
    counts = dict(sources.counts)
    m, none = counts.get(SourceKind.HMICFRS, 0), counts.get(SourceKind.NONE, 0)
    if not n or m == n:
        return ""
    what, other = sources.what, n - m - none  # judgments of other sources (the news...)

    def agreeing(k: int, one: str, more: str) -> str:
        return one if k == 1 else more

    if n == 1:
        one = what.removesuffix("s")
        if none:  # no "source below" to point to: the footer says "no source given"
            return f" The {one} drawn names no source."
        return f" The {one} drawn is not from HMIC/HMICFRS's own pages, but from the source below."
    if none == n:
        return f" None of the {n} {what} drawn names a source."
    head = (
        f" None of the {n} {what} drawn is from HMIC/HMICFRS's own pages"
        if not m
        else f" {m} of the {n} {what} drawn {agreeing(m, 'is', 'are')} from HMIC/HMICFRS's own pages"
    )
    if not none:
        return head + (
            ": all are from the sources below."
            if not m
            else f"; the {agreeing(n - m, 'other', 'others')}, from the sources below."
        )
    if not other:
        return head + f"; the {agreeing(none, 'other names', 'others name')} no source."
    rest = (
        f"{other} {agreeing(other, 'is', 'are')} from the sources below, "
        f"and {none} {agreeing(none, 'names', 'name')} no source."
    )
    return head + (f": {rest}" if not m else f"; of the others, {rest}")


def others(found: Iterable[Force]) -> list[Force]:
    """The forces among ``found`` that are not one of the 43 territorial
    forces (a report of one's own may write out a force of its own), each
    once, in order of name."""
    from ..model.force import territorial

    return sorted({f.id: f for f in found if not territorial(f)}.values(), key=lambda f: f.official_name)


def not_of_43(found: Sequence[Force]) -> str:
    """Forces named as not of the 43: "Atlantis Police (not one of the 43
    territorial forces)"."""
    return f"{joined([f.official_name for f in found])} (not one of the 43 territorial forces)"


def ungraded_note(cycle: Cycle, what: Sequence[str]) -> str:
    """The sentence of the questions (or areas) a cycle grades no force on,
    as the registry says, in the legend's word for such a judgment's cell:
    the cells of the forces are left as the data hold them (a grade the
    data lack stays unknown)."""
    said = f"{NoGrade.UNGRADED.label} in {cycle}: {cycle.inspectorate} graded no force on {joined(what)}"
    return sentence(said)


def unlisted_name(key: str) -> str:
    """A chart's name of a question the registry lacks (2025-27's), from
    the key the data give it: "use_of_resources" is "Use of resources",
    "3" "Question 3" (a key is never shown as it is)."""
    if key.isdigit():
        return f"Question {key}"
    words = " ".join(key.replace("_", " ").split())
    return words[:1].upper() + words[1:]


def sentence(text: str) -> str:
    """``text`` ended with a full stop, unless it ends with its own
    (a question's wording ends with "?")."""
    return text if text.endswith((".", "?", "!")) else f"{text}."


def credit(drawn: Iterable[InspectionReport | Stay]) -> str:
    """Who made the chart, and from what (see :func:`made_by`)."""
    return f"Chart: {made_by(drawn, 'drawn')}."


def not_bundled(made_of: Iterable[InspectionReport | Stay]) -> list[InspectionReport | Stay]:
    """The reports and stays of ``made_of`` that are not the bundled data's
    (a user's own, or any other data given to an output)."""
    from ..io.bundled import load_bundled
    from ..model.dataset import key
    from ..model.monitoring import Stay

    bundled = load_bundled()
    reports = {key(r): r for r in bundled.reports}
    return [
        x
        for x in made_of
        if not (x in bundled.stays_of(x.force) if isinstance(x, Stay) else reports.get(key(x)) == x)
    ]


# Who makes the outputs: the first word of every made_by (a database's
# about table says so, which an export checks before it replaces one).
MAKER = "peel_effectiveness"


def made_by(made_of: Iterable[InspectionReport | Stay], done: str) -> str:
    """Who made an output, and from what: the version of the bundled data,
    as ``info`` says it, where the reports or stays it is ``made_of`` are
    the bundle's, and how many of each are not (a user's own files, or any
    other data given to it, are not the bundle's, whatever its version);
    ``done`` says what the output did with them (``"drawn"``,
    ``"exported"``)."""
    from .._version import DATA_VERSION, __version__
    from ..model.monitoring import Stay

    made_of = list(made_of)
    other = not_bundled(made_of)
    made = f"{MAKER} {__version__}"
    if not other:
        return f"{made}, data version {DATA_VERSION}"
    if len(other) == len(made_of):
        return f"{made}, from data not bundled with it"
    counted = []
    for kind, one in (("reports", False), ("stays", True)):
        mine = sum(isinstance(x, Stay) is one for x in other)
        if mine:
            counted.append(f"{mine} of the {sum(isinstance(x, Stay) is one for x in made_of)} {kind}")
    verb = "is" if len(other) == 1 else "are"
    return (
        f"{made}, data version {DATA_VERSION}; {' and '.join(counted)} {done} {verb} not the bundled data's"
    )


def asked_of_some(cycle: Cycle, names: list[str], of_whom: str, others: str) -> str:
    """Why judgments of questions (``names``; none: "it") its cycle asked
    of some forces only are unknown for ``others``: the data do not say
    they were not asked, and they stay unknown."""
    what = " and ".join(names) or "it"
    them = "them" if len(names) > 1 else "it"
    return f"{cycle} asked {what} {of_whom}; the data hold no judgment of {them} for {others} (unknown)."


def asked_of_each(
    cycle: Cycle,
    questions: Iterable[CoreQuestion],
    others: str,
    named: Callable[[CoreQuestion], str] | None = None,
) -> list[str]:
    """:func:`asked_of_some` of ``questions`` (those of them its cycle asked
    of some forces only), one sentence for each group of forces asked, the
    questions in order, ``named`` (by default, by their wording)."""
    groups: dict[str, list[str]] = {}
    for q in questions:
        if q.asked_of:
            groups.setdefault(q.asked_of, []).append(q.text if named is None else named(q))
    return [asked_of_some(cycle, names, of_whom, others) for of_whom, names in groups.items()]


def bands_said(r: Ranking) -> str:
    """Of which forces a ranking's bands are the top and bottom quarters.
    The rule is Annex A's, which the 2016 reports draw for their outcome
    figures only; of the 43 less the forces the reports leave out of the
    figure (Annex A's, 2016), the bands are said to be by that rule, and of
    others (fewer figures, forces left out or added here) to be of these.
    Of a count, it says that a count grows with a force's size."""
    from ..analysis._exclusions import reports_leave_out
    from ..model.force import forces

    the_43 = {f.id for f in forces()}
    theirs = the_43 - set(reports_leave_out(r.metric, r.cycle))
    of_theirs = (
        "the 43"
        if theirs == the_43
        else f"the 43 less the {len(the_43 - theirs)} the reports leave out of this figure"
    )
    ranked = {f.force.id for f in r.ranked}
    n = len(ranked)
    if ranked == theirs:
        whose = of_theirs if theirs == the_43 else f"these {n}, {of_theirs}"
        return f"the bands by Annex A's rule: the top and bottom quarter of {whose}{ties_said(r)}{_of_a_count(r)}"
    given = {f.force.id for f in r.forces}
    why = []
    if missing := len(theirs - given):
        why.append(f"the data have no figure for {missing} of them")
    if left := len((theirs & given) - ranked):
        why.append(f"{left} {'is' if left == 1 else 'are'} left out here")
    if added := len(ranked - theirs):
        why.append(f"{added} ranked here {'is' if added == 1 else 'are'} not one of them")
    return (
        f"the bands are the top and bottom quarter of these {n}, not of {of_theirs}: "
        f"{joined(why)}{ties_said(r)}{_of_a_count(r)}"
    )


def _of_a_count(r: Ranking) -> str:
    # Annex A bands rates and shares; a count's highest are mostly the
    # largest forces (the compare chart draws no counts, for the same reason).
    if r.measurement.metric.unit is not Unit.COUNT:
        return ""
    return (
        ". A count grows with a force's size: the highest are often the largest forces (a rate compares them)"
    )


def _wide(r: Ranking) -> list[tuple[Band, int]]:
    """The bands that hold more forces than a quarter, with how many:
    those tied with the last of a quarter share its band."""
    from ..analysis._bands import Band, band_size

    most = band_size(len(r.ranked))
    counts = [
        (b, sum(f.band is b for f in r.ranked)) for b in (Band.ONE_OF_THE_HIGHEST, Band.ONE_OF_THE_LOWEST)
    ]
    return [(b, count) for b, count in counts if count > most]


def widened(r: Ranking) -> set[Band]:
    """The bands that ties make hold more forces than a quarter (see :func:`_wide`)."""
    return {b for b, _ in _wide(r)}


def ties_said(r: Ranking) -> str:
    """What :func:`_wide` finds, as a sentence to follow the bands' ("" if nothing)."""
    from ..analysis._bands import Band

    said = [
        f"{count} of these {len(r.ranked)} are in the {'top' if b is Band.ONE_OF_THE_HIGHEST else 'bottom'} one"
        for b, count in _wide(r)
    ]
    return f". Forces tied at a quarter's edge share its band: {joined(said)}" if said else ""


def ranked_figures(data: Dataset, r: Ranking) -> list[tuple[InspectionReport, Measurement]]:
    """The report and the figure of each force of a ranking."""
    period = r.measurement.metric.period
    found: list[tuple[InspectionReport, Measurement]] = []
    for f in r.forces:
        found += [
            (report, m)
            for report in data.for_cycle(r.cycle)
            if report.force == f.force
            for m in report.measurements
            if m.key == r.metric and m.value == f.value and m.metric.period == period
        ][:1]
    return found


def england_and_wales_unsaid(
    found: list[tuple[InspectionReport, Measurement]],
    r: Ranking,
    what: str,
    shown: Callable[..., str],
) -> str:
    """The sentence of a ranking's England and Wales ``what`` ("line",
    "figure") left out because the reports of the forces ranked (of those
    ``found``) give it differently, each figure ``shown`` (given it and
    ``places``); "" where they agree, or where none gives one."""
    from collections import Counter

    from ..model._messages import counted
    from ._text import places_of

    ranked = {f.force for f in r.ranked}
    given = Counter(m.england_and_wales for report, m in found if report.force in ranked)
    if r.england_and_wales is not None or set(given) <= {None}:
        return ""
    place = places_of(*(v for v in given if v is not None))
    said = [
        f"{'none' if v is None else shown(v, places=place)} in {counted(n, 'report') if i == 0 else n}"
        for i, (v, n) in enumerate(sorted(given.items(), key=lambda item: (item[0] is None, item[0] or 0.0)))
    ]
    return (
        f" No England and Wales {what}: the reports of the forces ranked give different figures "
        f"({joined(said)}); 'export --table measurements' lists each."
    )


def labels_unsaid(found: list[tuple[InspectionReport, Measurement]], r: Ranking) -> str:
    """The sentence of a ranking whose figures (those ``found``) the reports
    label differently, under the one key (the ranking shows one label, its
    :attr:`~peel_effectiveness.analysis.Ranking.measurement`'s); "" where
    they agree. (The units must agree, and the periods:
    :func:`~peel_effectiveness.analysis.rank_forces` refuses others.)"""
    from collections import Counter

    labels = Counter(" ".join(m.metric.label.split()) for _, m in found)
    if len(labels) < 2:
        return ""
    said = [f"'{label}' ({n})" for label, n in sorted(labels.items(), key=lambda item: (-item[1], item[0]))]
    return (
        f" The reports label {r.metric} in {len(labels)} ways, {joined(said, most=4)}: "
        "the ranking shows one; check that they measure one thing."
    )


def pillars_lacking(data: Dataset, cycle: Cycle, in_table: Collection[Pillar] = ()) -> str | None:
    """What to say of the graded pillars of ``cycle`` the data hold no
    report of on any of the 43 forces, whose judgments a table of the cycle
    leaves out (not 43 unknowns a pillar; those ``in_table`` the table has
    all the same, unknown, as the grid of several cycles may), or ``None``:
    without it, the cycle looks whole. (A pillar the cycle graded nothing
    of, 2016's leadership, has no judgment to leave out.)"""
    from ..model.force import territorial
    from ..model.questions import core_questions, headline_graded

    held = {r.pillar for r in data.for_cycle(cycle) if territorial(r.force)}
    yours = {str(r.pillar) for r in data.for_cycle(cycle) if not territorial(r.force)}
    lacking = [
        p
        for p in cycle.pillars
        if p not in held and (headline_graded(cycle, p) or any(q.graded for q in core_questions(cycle, p)))
    ]
    said = []
    for group, how in (
        ([p.value for p in lacking if p not in in_table], "left out (unknown for {})"),
        ([p.value for p in lacking if p in in_table], "unknown for {}"),
    ):
        if group:
            which = joined(group, "or")
            them = "its judgments are" if len(group) == 1 else "their judgments are"
            # Said of the 43 where a force of your own has one: it was "none".
            of_43 = bool(yours.intersection(group))
            whose = " on the 43 forces" if of_43 else ""
            said.append(
                f"The data hold no {cycle} {which} reports{whose}: {them} "
                f"{how.format('each of them' if of_43 else 'every force')}."
            )
    return " ".join(said) or None
