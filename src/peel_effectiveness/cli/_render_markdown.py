"""The Markdown rendering of a force's scorecard (``show --format markdown``),
from the pieces the plain-text one is made of."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..analysis._standing import earlier, key_of
from ..analysis.sources import SourceKind, describe_sources, sources_of, web_address
from ..output._text import as_markdown, number, places_of, printable
from ._render import (
    change_from,
    column_places,
    figures_key,
    judgment_words,
    national_line,
    outcome_rows,
    provenance_lines,
    question_heads,
    unknown_words,
    vs_words,
)

if TYPE_CHECKING:
    from ..model.dataset import Dataset
    from ..model.judgments import Judgment
    from ..model.reports import InspectionReport


def _links(report: InspectionReport, j: Judgment | None) -> str:
    """A judgment's sources as Markdown links, each named by its site."""
    if j is None:
        return ""
    if not j.sources:
        return "this report" if sources_of(report, j) else str(SourceKind.NONE)
    return _source_links(j.sources)


def _asides(j: Judgment | None) -> list[str]:
    """What a judgment records beside its grade, as Markdown: each other
    grade (revised, disputed) with links to its own sources, then its note."""
    if j is None:
        return []
    also = [
        f"{_cell(f'Also recorded: {other}')} (sources: {_source_links(other.sources) or SourceKind.NONE})"
        for other in j.other_grades
    ]
    return also + ([_cell(f"Note: {j.note}")] if j.note else [])


def _source_links(sources: tuple[str, ...]) -> str:
    """Sources as Markdown: a web address as a link named by its site,
    anything else as text. A source is any text: a link's address is
    written with every character that could end it, or a table's cell,
    percent-encoded, and its name escaped, so that a source cannot write
    Markdown of its own (an image, a link elsewhere, a cell)."""
    from urllib.parse import quote

    def said(s: str) -> str:
        parts = web_address(s)
        if parts is None or parts.hostname is None:
            return _cell(s)
        return f"[{_cell(parts.hostname)}]({quote(s, safe=_IN_ADDRESS)})"

    return ", ".join(said(s) for s in sources)


# What an address keeps as it is in a link: RFC 3986's reserved characters
# and "%" ("[" and "]" of an IPv6 host too), but those that end a link's
# address or a table's cell, or open an autolink: "(", ")", "|", "<", ">",
# white space, "\\" and "`".
_IN_ADDRESS = ":/?#@!$&'*+,;=%~[]"


def scorecard_markdown(report: InspectionReport, data: Dataset | None = None) -> str:
    """A force's scorecard for one report, as Markdown."""
    f = report.force
    previous = report.cycle.previous
    lines = [f"# {as_markdown(f.official_name)}: PEEL {report.title}", ""]
    title, source = provenance_lines(report)
    lines += [f"{as_markdown(title, paragraph=True)}.", ""] if title != f"PEEL {report.title}" else []
    lines += [f"{as_markdown(source, paragraph=True)}.", ""] if source else []
    lines += [f"{describe_sources([report])}.", ""]
    if report.pillar is not None:
        overall = f"**Overall: {judgment_words(report.judgment)}**"
        change = change_from(report.judgment, earlier(data, report, "overall"), previous)
        if change:
            overall += f" ({change})"
        if report.judgment is not None:
            # On the paragraph's line, as in a table's cell: a note's line
            # breaks would end the paragraph (a "- " after one, a list).
            overall += f". Sources: {_links(report, report.judgment)}"
            overall += "".join(f". {also}" for also in _asides(report.judgment))
        lines += [overall, ""]
        if data is not None:  # as the table says it
            lines += [as_markdown(national_line(report, data), paragraph=True), ""]
    if report.summary:
        lines += [as_markdown(report.summary, paragraph=True), ""]
    if report.assessments:
        lines += ["| Question | Judgment | Change | Sources |", "|---|---|---|---|"]
        for a in report.assessments:
            head, text = question_heads(report, a.question)
            name = _cell(f"{head}. {text}" if text else head)
            change = change_from(a.judgment, earlier(data, report, key_of(report, a.question)), previous)
            judged = ". ".join([_cell(judgment_words(a.judgment)), *_asides(a.judgment)])
            lines.append(f"| {name} | {judged} | {change} | {_links(report, a.judgment)} |")
        lines.append("")
    lacked = unknown_words(report)
    if lacked:
        lines += [lacked, ""]
    if report.measurements:
        lines += [
            f"| Figure | Unit | Period | {_cell(f.short_name)} | England and Wales | vs E&W | Note |",
            "|---|---|---|---:|---:|---|---|",
        ]
        for m in report.measurements:
            ew = m.england_and_wales
            direction = vs_words(m.value, ew)
            period = "" if m.period is None else str(m.period)
            if m.metric.baseline is not None:  # a change: what it is measured from, as the text says it
                period += f"{', ' if period else ''}against {m.metric.baseline}"
            # A base and a baseline are the file's own words: text, in its cell.
            unit, period = _cell(m.metric.unit_label), _cell(period)
            places = places_of(m.value, ew)
            lines.append(
                f"| {_cell(m.label)} | {unit} | {period} | {number(m.value, m.unit, places)} "
                f"| {number(ew, m.unit, places)} | {direction} | {_cell(m.note or '')} |"
            )
        lines.append("")
        lines += [
            x for said in figures_key(report.measurements) for x in (as_markdown(said, paragraph=True), "")
        ]
    for t in report.outcome_tables:
        lines += [
            f"## {as_markdown(t.title)}",
            "",
            as_markdown(f"{t.period}. {t.note or ''}".strip(), paragraph=True),
            "",
        ]
        lines += [f"| Outcome | {_cell(f.short_name)} | England and Wales |", "|---|---:|---:|"]
        rows = outcome_rows(t)
        mine, theirs = column_places(rows)
        for label, v, ew, under in rows:
            shown = f"\u2003{_cell(label)}" if under else _cell(label)  # a type under its group
            lines.append(f"| {shown} | {number(v, places=mine)} | {number(ew, places=theirs)} |")
        lines.append("")
    concerns = [(a, c) for a in report.assessments for c in a.causes_of_concern]
    if concerns:
        # As the text scorecard has them: each with its recommendations.
        lines += ["## Causes of concern", ""]
        for a, c in concerns:
            lines.append(f"- {as_markdown(question_heads(report, a.question)[0])}: {_cell(c.summary)}")
            lines += [f"  - {_cell(rec)}" for rec in c.recommendations]
        lines.append("")
    afis = [(a, text) for a in report.assessments for text in a.areas_for_improvement]
    if afis:
        lines += ["## Areas for improvement", ""]
        # Each one line: an item may run over lines, and a bullet ends at a blank one.
        lines += [
            f"- {as_markdown(question_heads(report, a.question)[0])}: {_cell(text)}" for a, text in afis
        ]
        lines.append("")
    return "\n".join(lines)


def _cell(text: str) -> str:
    """Text from the data in a Markdown table's cell: one line, its line
    breaks spaces and the characters :func:`printable` escapes escaped (a
    carriage return or a separator of lines is the data's, not a break)."""
    return printable(as_markdown(text), lines=True).replace("\n", " ")
