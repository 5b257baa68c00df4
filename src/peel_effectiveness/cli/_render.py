"""Plain-text rendering of a force's scorecard for the command line."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..analysis._standing import earlier, key_of
from ..analysis.sources import SourceKind, describe_sources, source_kind, sources_of
from ..output._text import ellipsis, number, padded, places_of, wrap

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..model.cycles import Cycle
    from ..model.dataset import Dataset
    from ..model.force import Force
    from ..model.judgments import Judgment
    from ..model.metrics import Measurement
    from ..model.outcomes import OutcomeTable
    from ..model.reports import InspectionReport


def _date(d: object) -> str:
    import datetime as dt

    from ..model._messages import day_words

    assert isinstance(d, dt.date)
    return day_words(d)


def change_from(now: Judgment | None, before: Judgment | None, previous: Cycle | None) -> str:
    # The reckoning of grade_change, without building its result.
    from ..analysis._compare import grade_steps
    from ..analysis._standing import carried_otherwise

    if before is None or previous is None:
        return ""
    change, _ = grade_steps(before, now)
    if change == "unchanged":
        return f"same as {previous}"
    if change in ("improved", "declined"):
        if carried_otherwise(now, before, previous):
            return f"the {previous} grade is {before}: the data disagree"
        return f"{change} from {before} in {previous}"
    return f"{previous}: {before}"


def judgment_words(j: Judgment | None) -> str:
    if j is None:
        return "not known"
    text = str(j)
    if j.basis.value == "inferred":
        text += " (inferred)"
    return text


def question_heads(report: InspectionReport, number_or_key: int | str) -> tuple[str, str]:
    """How the scorecard heads a question (``"Q3"``, or an area's name) and
    its wording below (empty for an area)."""
    from ..errors import NotFoundError

    try:
        q = report.question(number_or_key)
    except NotFoundError:  # a question the registry does not list yet
        return str(number_or_key), ""
    if q.number is None or report.pillar is None:
        return q.text, ""
    return f"Q{q.number}", q.text


def unknown_words(report: InspectionReport) -> str:
    """The questions of the report's cycle (and pillar) it has no judgment
    on, as the scorecard heads them: unknown, not guessed, or graded for no
    force that cycle, as the registry says ("" for none)."""
    from ..model.questions import core_questions

    held = {key_of(report, a.question) for a in report.assessments}
    lacked = [q for q in core_questions(report.cycle, report.pillar) if q.key not in held]
    unknown = [question_heads(report, q.key)[0] for q in lacked if q.graded]
    ungraded = [question_heads(report, q.key)[0] for q in lacked if not q.graded]
    said = [f"Unknown, nothing in the data: {', '.join(unknown)}."] if unknown else []
    if ungraded:
        said.append(f"Graded for no force in {report.cycle}: {', '.join(ungraded)}.")
    return " ".join(said)


def _wrap(text: str, width: int, indent: str = "") -> list[str]:
    return wrap(text, width, indent, indent) or [indent]


def _figure(m: Measurement, width: int) -> list[str]:

    places = places_of(m.value, m.england_and_wales)
    value = number(m.value, m.unit, places)
    ew = number(m.england_and_wales, m.unit, places)
    direction = vs_words(m.value, m.england_and_wales)
    label_width = max(20, width - 36)
    if len(value) > 9 or len(ew) > 9:
        # Figures too long for the columns: on a line of their own.
        lines = _wrap(m.label, width, "  ")
        said = f"{value} against England and Wales's {ew}" if m.england_and_wales is not None else value
        lines += _wrap(f"{said}{f': {direction}' if direction else ''}", width, "    ")
    else:
        label = _wrap(m.label, label_width)
        lines = [f"  {padded(label[0], label_width)} {value:>9} {ew:>9}  {direction}".rstrip()]
        lines += [f"  {rest}" for rest in label[1:]]
    detail = m.metric.unit_label
    if m.period is not None:
        detail += f", {m.period}"
    if m.metric.baseline is not None:
        detail += f", against {m.metric.baseline}"
    lines += _wrap(detail, width, "    ")
    # What a reader must know to use the figure (how forces differ, what the
    # report says of it), under it: not left for the CSV.
    return lines + (_wrap(f"Note: {m.note}", width, "    ") if m.note else [])


OutcomeLine = tuple[str, float | None, float | None, bool]


def outcome_rows(t: OutcomeTable) -> list[OutcomeLine]:
    """An outcome table's rows as label, force, England and Wales and
    whether it is a type shown under a group, in order, then the totals.
    (Not marked in the label: a label is the data's, a tab in it too.)"""
    from ..model.outcomes import OutcomeGroupRow

    out: list[OutcomeLine] = []
    for r in t.rows:
        if isinstance(r, OutcomeGroupRow):
            out.append((r.group, r.value, r.england_and_wales, False))
            out += [(m.label, m.value, m.england_and_wales, True) for m in r.members]
        else:
            out.append((r.label, r.value, r.england_and_wales, False))
    totals = (t.total_assigned, t.not_yet_assigned, t.total)
    return out + [(x.label, x.value, x.england_and_wales, False) for x in totals if x is not None]


def column_places(rows: list[OutcomeLine]) -> tuple[int, int]:
    """The places of an outcome table's force column and England and Wales
    column, each its own, as the report writes them."""
    return places_of(*(r[1] for r in rows)), places_of(*(r[2] for r in rows))


def _outcome_table(t: OutcomeTable, short: str, width: int) -> list[str]:
    """An outcome table: its rows (the types shown under a group indented),
    the force's figure and England and Wales's, each column to its own
    decimal places (as the report writes them) and as wide as its widest."""
    unit = "% of offences" if t.measure.value == "share_of_offences" else "per 100 offences"
    short = short if len(short) <= 9 else "Force"
    rows = outcome_rows(t)
    mine, theirs = column_places(rows)
    cells = [
        (label, number(v, places=mine), number(ew, places=theirs), under) for label, v, ew, under in rows
    ]
    w1 = max([9, *(len(a) for _, a, _, _ in cells)])
    w2 = max([9, *(len(b) for _, _, b, _ in cells)])
    label_width = max(20, width - 8 - w1 - w2)
    lines = _wrap(f"OUTCOMES: {t.title}", width)
    lines += _wrap(f"{unit}, {t.period}", width, "  ")
    lines.append(f"  {'':<{label_width}} {short:>{w1}} {'E&W':>{w2}}".rstrip())
    for label, a, b, under in cells:
        indent = "  " if under else ""
        wrapped = _wrap(label, label_width - len(indent))
        first = f"  {indent}{padded(wrapped[0], label_width - len(indent))} {a:>{w1}} {b:>{w2}}"
        lines += [first.rstrip(), *(f"  {indent}{w}" for w in wrapped[1:])]
    if t.note:
        lines += _wrap(t.note, width, "  ")
    return lines


def vs_words(value: float, england_and_wales: float | None) -> str:
    # compare(value, england_and_wales).direction, without building its result.
    from ..analysis._compare import direction

    return "" if england_and_wales is None else direction(value - england_and_wales, 0.0)


def national_line(report: InspectionReport, data: Dataset, lead: str = "Nationally") -> str:
    # What national.position gives, without building its result.
    from ..analysis._standing import describe, standing
    from ..model.force import find_force, territorial

    f, cycle = report.force, report.cycle
    if not territorial(f):
        return f"{lead}: {f.short_name} is not one of the 43 forces the national picture is of."
    found = standing(data, f, cycle, "overall", report.pillar)
    if found.grade is None:
        return f"{lead}: {found.graded} forces have a grade for {cycle} in the data."
    others = ", ".join(
        f"{find_force(fid).short_name} {'unknown' if g is None else g.value}"
        for fid, g in found.region
        if fid != f.id
    )
    said = describe(
        f,
        cycle,
        found.grade,
        len(found.same),
        found.graded,
        found.unknown,
        len(found.inferred),
        f.id in found.inferred,
    )
    text = f"{lead}: {said}."
    if others:
        # The registry's regions are a conventional grouping, not HMIC's: said where they group.
        text += f" Others in the {f.region} region (the library's grouping, not HMIC's): {others}."
    return text


VS = (
    "vs E&W: the figure against England and Wales's, higher or lower by however little; "
    "the report's own words may call a small difference broadly in line."
)
NO_EW = (
    "-: no England and Wales figure in the data (the report gives none, or it was not copied into the data)."
)


def figures_key(measurements: Sequence[Measurement]) -> list[str]:
    """What a table of figures' columns say, under it: how a figure is
    set against England and Wales's, and the mark of one without it."""
    said = [VS] if any(m.england_and_wales is not None for m in measurements) else []
    return said + ([NO_EW] if any(m.england_and_wales is None for m in measurements) else [])


def _shortened(others: bool) -> str:
    """The line under a scorecard that shortened an address (``others``:
    one of a grade also recorded, whose sources are in a table of their own)."""
    also = " (of a grade also recorded: 'export --table other_grades')" if others else ""
    return (
        f"site/{ellipsis()}: an address too long for a line, shortened to its site; every grade's "
        f"sources are in full in 'export --table judgments'{also}."
    )


def provenance_lines(report: InspectionReport) -> tuple[str, str]:
    """The heading's title and source lines. The inspectorate publishes a
    report; a report's data compiled from other sources (the bundled
    grades) say who compiled them, never that they published the report."""
    title = f"PEEL {report.title}"
    p = report.provenance
    if p is None:
        return title, ""
    if source_kind(p.url or p.publisher) is SourceKind.HMICFRS:
        if p.published is not None:
            title += f", published {_date(p.published)} by {p.publisher}"
        return title, f"Source: {p.title}"
    if p.published is not None:  # by its publisher (the source line names it), not the inspectorate
        title = f"PEEL {report.title}, grades published {_date(p.published)}"
    return title, f"Source: {p.title}, by {p.publisher}"


def _sources(report: InspectionReport, j: Judgment | None, width: int, indent: str) -> tuple[list[str], bool]:
    """A judgment's sources, one a line, each with its kind: the address
    where it fits the line, else its site; and whether one was shortened."""
    if j is None:
        return [], False
    if not j.sources:
        own = sources_of(report, j)
        what = f"{source_kind(own[0])}: this report" if own else str(SourceKind.NONE)
        return _wrap(what, width, indent), False
    return _cited(j.sources, width, indent)


def _cited(sources: tuple[str, ...], width: int, indent: str) -> tuple[list[str], bool]:
    """Sources, one a line, each with its kind: the address where it fits
    the line, else its site; and whether one was shortened."""
    from urllib.parse import urlsplit

    if not sources:
        return _wrap(str(SourceKind.NONE), width, indent), False
    lines, cut = [], False
    for s in sources:
        line = f"{indent}{source_kind(s)}: {s}"
        if len(line) > width:
            line, cut = f"{indent}{source_kind(s)}: {urlsplit(s).hostname or s}/{ellipsis()}", True
        lines += _wrap(line.strip(), width, indent)
    return lines, cut


def _asides(j: Judgment | None, width: int, indent: str) -> tuple[list[str], bool]:
    """What a judgment records beside its grade, as lines: each other grade
    (revised, disputed) with its own sources under it (a grade is never
    shown without where it is published), then its note; and whether a
    source was shortened."""
    if j is None:
        return [], False
    lines, cut = [], False
    for other in j.other_grades:
        lines += _wrap(f"Also recorded: {other}", width, indent)
        cited, shortened = _cited(other.sources, width, indent + "  ")
        lines, cut = lines + cited, cut or shortened
    return lines + (_wrap(f"Note: {j.note}", width, indent) if j.note else []), cut


def force_heading(f: Force) -> str:
    """A force as a heading names it: its name, code, region and country
    (a Welsh force's region is Wales: said once)."""
    where = f.region if f.region == f.country.value else f"{f.region}, {f.country}"
    return f"{f.official_name} ({f.gss_code}, {where})"


def scorecard(report: InspectionReport, data: Dataset | None = None, width: int = 80) -> str:
    """A force's scorecard for one report, as plain text of at most ``width`` columns."""
    width = max(width, 60)
    f = report.force
    previous = report.cycle.previous
    lines = _wrap(force_heading(f), width)
    title, source = provenance_lines(report)
    lines += _wrap(title, width, "")
    if source:
        lines += _wrap(source, width, "")
        url = report.provenance.url if report.provenance is not None else None
        if url and len(url) + 2 <= width:  # an address is only useful whole
            lines.append(f"  {url}")
    lines += _wrap(str(describe_sources([report])), width, "")
    lines.append("")
    shortened = others_cut = False
    if report.pillar is not None:
        overall = f"Overall: {judgment_words(report.judgment)}"
        change = change_from(report.judgment, earlier(data, report, "overall"), previous)
        if change:
            overall += f" ({change})"
        lines += _wrap(overall, width, "")
        said, others_cut = _asides(report.judgment, width, "  ")
        cited, shortened = _sources(report, report.judgment, width, "  ")
        lines += cited + said
        if data is not None:
            lines += _wrap(national_line(report, data), width, "  ")
    else:
        lines += _wrap("An integrated assessment: a grade for each area, no overall grade.", width, "")
    if report.summary:
        lines += _wrap(report.summary, width, "  ")

    if report.assessments:
        lines += ["", "CORE QUESTIONS" if report.pillar is not None else "AREAS"]
        for a in report.assessments:
            head, text = question_heads(report, a.question)
            head = f"{head} {judgment_words(a.judgment)}" if text else f"{head}: {judgment_words(a.judgment)}"
            change = change_from(a.judgment, earlier(data, report, key_of(report, a.question)), previous)
            if change:
                head += f" ({change})"
            lines += _wrap(head, width, "  ")
            if text:
                lines += _wrap(text, width, "     ")
            indent = "     " if text else "    "
            said, said_cut = _asides(a.judgment, width, indent)
            cited, cut = _sources(report, a.judgment, width, indent)
            lines += cited + said
            shortened, others_cut = shortened or cut, others_cut or said_cut
    lacked = unknown_words(report)
    if lacked:
        lines += (
            [] if report.assessments else ["", "CORE QUESTIONS" if report.pillar is not None else "AREAS"]
        )
        lines += _wrap(lacked, width, "  ")
    if shortened or others_cut:
        lines += ["", *_wrap(_shortened(others_cut), width, "")]

    if report.measurements:
        label_width = max(20, width - 36)
        short = f.short_name if len(f.short_name) <= 9 else "Force"
        lines += ["", f"  {'FIGURES':<{label_width}} {short:>9} {'E&W':>9}  vs E&W"]
        for m in report.measurements:
            lines += _figure(m, width)
        lines += [x for said in figures_key(report.measurements) for x in _wrap(said, width, "  ")]
    for t in report.outcome_tables:
        lines += ["", *_outcome_table(t, f.short_name, width)]

    afis = [(a, text) for a in report.assessments for text in a.areas_for_improvement]
    concerns = [(a, c) for a in report.assessments for c in a.causes_of_concern]
    if concerns:
        lines += ["", "CAUSES OF CONCERN"]
        for a, c in concerns:
            lines += _wrap(f"{question_heads(report, a.question)[0]}: {c.summary}", width, "  ")
            for rec in c.recommendations:
                lines += _wrap(f"- {rec}", width, "    ")
    if afis:
        lines += ["", "AREAS FOR IMPROVEMENT"]
        for a, text in afis:
            lines += wrap(f"{question_heads(report, a.question)[0]}: {text}", width, "  ", "      ")
    return "\n".join(line.rstrip() for line in lines) + "\n"
