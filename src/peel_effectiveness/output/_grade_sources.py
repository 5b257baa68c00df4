"""Where the grades a chart draws come from, said as they are.

Each grade in the data lists its sources (web addresses), or, where it
lists none, is known from its report's own source. A chart's source line
counts the grades by the kind of source they cite: HMICFRS (the publisher
of the reports), police and crime commissioners, forces, councils and
other public bodies, news and other sites. peel_effectiveness is the
compiler of the data, never a publisher of grades.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from ..model.cycles import Cycle, Pillar
    from ..model.dataset import Dataset
    from ..model.judgments import Judgment
    from ..model.reports import InspectionReport

KINDS = (
    "HMICFRS",
    "police and crime commissioners",
    "forces",
    "councils and other public bodies",
    "news and other sites",
)


def kind(source: str) -> str:
    """The kind of a source, by its web address (see :data:`KINDS`).

    Examples:
        >>> kind("https://hmicfrs.justiceinspectorates.gov.uk/peel-assessments/")
        'HMICFRS'
        >>> kind("https://www.gwent.pcc.police.uk/en/news/"), kind("https://www.essex.police.uk/")
        ('police and crime commissioners', 'forces')
        >>> kind("https://democracy.kent.gov.uk/x"), kind("https://www.bbc.co.uk/news")
        ('councils and other public bodies', 'news and other sites')
    """
    host = (urlsplit(source).hostname or "").lower()
    if host == "justiceinspectorates.gov.uk" or host.endswith(".justiceinspectorates.gov.uk"):
        return KINDS[0]
    if any(word in host for word in ("pcc", "pfcc", "commissioner")):
        return KINDS[1]
    if host.endswith(".police.uk"):
        return KINDS[2]
    if host.endswith((".gov.uk", ".gov.wales")):
        return KINDS[3]
    return KINDS[4]


def kinds_cited(report: InspectionReport, judgment: Judgment) -> set[str]:
    """The kinds of source a grade cites: its own sources, or else its
    report's (HMIC and HMICFRS reports count as HMICFRS)."""
    if judgment.sources:
        return {kind(s) for s in judgment.sources}
    p = report.provenance
    if p is None:
        return set()
    if p.url:
        return {kind(p.url)}
    return {KINDS[0]} if "HMIC" in (p.publisher or "") else set()


def source_line(grades: Iterable[tuple[InspectionReport, Judgment]]) -> str:
    """A chart's source line for the grades it draws (judgments without a
    grade are not counted): how many cite each kind of source, and where
    each grade's sources are.

    Examples:
        >>> from peel_effectiveness import load_bundled
        >>> r = load_bundled().report("cumbria", 2016)
        >>> print(source_line([(r, r.judgment)]))
        Source: 1 grade as compiled by peel_effectiveness, citing HMICFRS (1), news and other sites (1) (grades citing each; some cite several). Each grade's sources: 'export --table judgments'.
    """
    counts = dict.fromkeys(KINDS, 0)
    total = 0
    for report, judgment in grades:
        if not judgment.is_graded:
            continue
        total += 1
        for k in kinds_cited(report, judgment):
            counts[k] += 1
    cited = ", ".join(f"{k} ({n})" for k, n in counts.items() if n)
    several = "; some cite several" if sum(counts.values()) > total else ""
    return (
        f"Source: {total} grade{'s' if total != 1 else ''} as compiled by peel_effectiveness"
        + (f", citing {cited}{' (grades citing each' + several + ')' if several else ''}" if cited else "")
        + ". Each grade's sources: 'export --table judgments'."
    )


def report_judgments(
    data: Dataset, cycle: Cycle, question: str, pillar: Pillar | None
) -> dict[str, tuple[InspectionReport, Judgment]]:
    """Each force's judgment on ``question`` (``"overall"`` or a key) with its
    report, by force id; forces the data have no judgment of are left out."""
    from ..errors import NotFoundError

    out: dict[str, tuple[InspectionReport, Judgment]] = {}
    for r in data.for_cycle(cycle):
        if r.pillar is not pillar:
            continue
        if question == "overall":
            j = r.judgment
        else:
            try:
                j = r.assessment(question).judgment
            except NotFoundError:
                j = None
        if j is not None:
            out[r.force.id] = (r, j)
    return out
