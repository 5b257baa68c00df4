"""Where grades and figures come from, said as it is.

HMIC (HMICFRS since 2017) publishes the PEEL reports; the grades of most
reports in the bundled data were compiled by this library from what the
public sources say of them: HMICFRS's pages, police and crime
commissioners, the forces, news. :func:`describe_sources` counts the
sources of a set of judgments (or figures) by kind, so that a heading or a
chart says what its grades rest on, never more.

A source is classified by its web address's host, or for a publisher named
without an address by its name: see :func:`source_kind`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs

from . import _args
from ._compare import Verdict

if TYPE_CHECKING:
    from urllib.parse import SplitResult

    from ..model.judgments import Judgment
    from ..model.reports import InspectionReport
    from .rankings import RankedForce

__all__ = ["SourceKind", "Sources", "count_sources", "describe_sources", "source_kind", "sources_of"]


class SourceKind(Verdict):
    """What kind of body a source is, the most official first.

    * ``HMIC/HMICFRS``: the inspectorate's own reports and pages.
    * ``police and crime commissioners``: a commissioner's (or police, fire
      and crime commissioner's) office.
    * ``forces``: a police force's own site.
    * ``other public bodies``: other government sites (councils' police and
      crime panels, the London Assembly...) and bodies (the Home Office,
      the other inspectorates: of probation, of prisons, Scotland's of
      constabulary), and national policing bodies (the National Police
      Chiefs' Council, the commissioners' association, the College of
      Policing).
    * ``news and other sources``: everything else: newspapers, broadcasters,
      trade press, staff associations, residents' groups.
    * ``no source given``: the data name no source.

    Examples:
        >>> from peel_effectiveness.analysis import source_kind
        >>> source_kind("https://www.bbc.co.uk/news/1")
        <SourceKind.OTHER: 'news and other sources'>
        >>> [str(k) for k in SourceKind][:2]
        ['HMIC/HMICFRS', 'police and crime commissioners']
    """

    HMICFRS = "HMIC/HMICFRS"
    COMMISSIONER = "police and crime commissioners"
    FORCE = "forces"
    PUBLIC_BODY = "other public bodies"
    OTHER = "news and other sources"
    NONE = "no source given"


# Compiled when first used, and cached by re: most sources are web
# addresses, and a command that shows a few pays for the one it uses.
_INSPECTORATE = r"(?i)(HMICFRS|HMIC|(HM|H[ei][rs] Majesty's) Inspectorate of Constabulary)\b"
# Other inspectorates (of probation, of prisons, Scotland's of
# constabulary), government and national policing bodies: a name that
# begins with one (one that only mentions one is not its). Read before the
# inspectorate's own, whose names Scotland's begin with.
_PUBLIC_BODY = (
    r"(?i)(HMI (Probation|Prisons)|(HM|H[ei][rs] Majesty's) Inspectorate of (Probation|Prisons)"
    r"|(HM|H[ei][rs] Majesty's) Inspectorate of Constabulary (in|for) Scotland|(?-i:HMICS)\b|HMIC (in |for )?Scotland"
    r"|Criminal Justice Joint Inspection|Home Office\b|Office for National Statistics|(?-i:ONS)\b|College of Policing"
    r"|National Police Chiefs'? Council|NPCC\b|Association of Police and Crime Commissioners|APCC\b"
    r"|Ministry of Justice|Independent Office for Police Conduct|IOPC\b)"
)
_COMMISSIONER = r"(?i)\b(O?PF?CC|police,? (fire )?and crime commissioner)"
# A commissioner's office by its site's own name (the label before the
# public suffix: "durham-pcc" of www.durham-pcc.gov.uk, "pfcc" of
# essex.pfcc.police.uk), not by a label under another's site (a web
# developer's staging copy, wmpcc.formationmedia.dev).
_COMMISSIONER_NAME = r"(?:[a-z0-9-]*-)?[a-z]*o?pf?cc"
_SECOND_LEVEL = frozenset(
    {"gov.uk", "police.uk", "org.uk", "co.uk", "ac.uk", "me.uk", "net.uk", "ltd.uk", "plc.uk"}
)
_FORCE = r"(?i)\b(police|constabulary)$"
# The inspectorate's sites: HMIC's own until 2017, and HMICFRS's on the
# criminal justice inspectorates' shared site (hmicfrs., assets-hmicfrs.),
# beside HMI Probation's and HMI Prisons'; on the shared site's own host,
# its pages are those under /hmic/ and /hmicfrs/.
_INSPECTORATE_HOSTS = (".hmic.gov.uk",)
_SHARED = ".justiceinspectorates.gov.uk"
_SHARED_HOSTS = ("justiceinspectorates.gov.uk", "www.justiceinspectorates.gov.uk")
# National policing bodies on police.uk that are neither a force nor a
# commissioner's office (the chiefs' council, the commissioners'
# association, the College).
_NATIONAL_BODIES = (".npcc.police.uk", ".apccs.police.uk", ".college.police.uk")


def _named_kind(text: str) -> SourceKind:
    """The kind of a publisher named without an address, by its name."""
    name = re.sub(r"(?i)^the ", "", text)  # "The Home Office", "the HMICFRS report"
    if re.match(_PUBLIC_BODY, name):
        return SourceKind.PUBLIC_BODY
    if re.match(_INSPECTORATE, name):
        return SourceKind.HMICFRS
    if re.search(_COMMISSIONER, text):
        return SourceKind.COMMISSIONER
    return SourceKind.FORCE if re.search(_FORCE, text) else SourceKind.OTHER


def source_kind(source: str) -> SourceKind:
    """The kind of a source: a web address by its host, else a publisher
    by its name.

    Raises:
        TypeError: ``source`` is not text.

    Examples:
        >>> str(source_kind("https://hmicfrs.justiceinspectorates.gov.uk/peel-reports/kent-2023-25/"))
        'HMIC/HMICFRS'
        >>> str(source_kind("https://www.norfolk-pcc.gov.uk/news/"))
        'police and crime commissioners'
        >>> str(source_kind("https://www.essex.pfcc.police.uk/peel"))
        'police and crime commissioners'
        >>> str(source_kind("https://www.kent.police.uk/news/"))
        'forces'
        >>> str(source_kind("https://democracy.kent.gov.uk/mgAi.aspx?ID=1"))
        'other public bodies'
        >>> str(source_kind("https://www.bbc.co.uk/news/1")), str(source_kind("HMIC"))
        ('news and other sources', 'HMIC/HMICFRS')
    """
    return _kind(_args.text("source", source))


def web_address(source: str) -> SplitResult | None:
    """A source's parts where it is a web address (http or https, with a
    host), else ``None``: only such a source is counted by its host, and
    written as a link."""
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(source)
        has_host = bool(parts.hostname)
    except ValueError:  # not an address after all ("http://[")
        return None
    return parts if has_host and parts.scheme.lower() in ("http", "https") else None


@functools.lru_cache(maxsize=4096)
def _kind(source: str) -> SourceKind:
    """:func:`source_kind`, worked out once a source: a command counts the
    kinds of hundreds of judgments' sources, and many share one."""
    # One space for any run of white space (a no-break space too), and a
    # typographer's apostrophe as the plain one ("His Majesty's").
    text = " ".join(source.replace("\u2019", "'").split())
    if "://" not in text:
        # A name is its kind by the words outside its brackets; where they
        # say none, by its bracketed aside ("Matthew Scott (Kent PCC)"),
        # but one that says it is not ("Joe Bloggs's blog (not a PCC)").
        outside = " ".join(re.sub(r"\([^()]*\)", " ", text).split())
        kind = _named_kind(outside) if outside else SourceKind.OTHER
        if (
            kind is SourceKind.OTHER
            and outside != text
            and not re.search(r"(?i)\b(not|no|non|never)\b", text)
        ):
            kind = _named_kind(text)
        return kind
    parts = web_address(text)
    if parts is None:  # only a web address is its host's: not "javascript://hmicfrs..."
        return SourceKind.OTHER
    host = (parts.hostname or "").lower().rstrip(".")  # "gov.uk." is gov.uk, fully qualified
    if f".{host}".endswith(_INSPECTORATE_HOSTS):  # the host or one under it
        return SourceKind.HMICFRS
    if host in _SHARED_HOSTS:
        first = parts.path.lstrip("/").partition("/")[0].lower()
        return SourceKind.HMICFRS if first in ("hmic", "hmicfrs") else SourceKind.PUBLIC_BODY
    if host.endswith(_SHARED) and "hmicfrs" in host.removesuffix(_SHARED).split(".")[-1]:
        return SourceKind.HMICFRS
    if f".{host}".endswith(_NATIONAL_BODIES):
        return SourceKind.PUBLIC_BODY
    if re.fullmatch(_COMMISSIONER_NAME, _site_name(host)):
        return SourceKind.COMMISSIONER
    if host.endswith(".police.uk"):
        return SourceKind.FORCE
    if f".{host}".endswith((".gov.uk", ".gov.wales", ".gov.scot", ".hmics.scot")):
        return SourceKind.PUBLIC_BODY
    return SourceKind.OTHER


def _site_name(host: str) -> str:
    """The label of ``host`` its owner chose: the one before its public
    suffix (a top-level domain, or one of the UK's second-level ones)."""
    labels = host.split(".")
    suffix = 2 if ".".join(labels[-2:]) in _SECOND_LEVEL else 1
    return labels[-suffix - 1] if len(labels) > suffix else ""


def published_in(report: InspectionReport) -> str | None:
    """Where the figures of ``report`` are published: its sources
    (:func:`sources_of`), one a line; ``None`` where none is known. The
    tables' ``published_in`` cells, beside the data each figure's report
    names (``source``), so that every row says where its figure is copied
    from."""
    return "\n".join(sources_of(report)) or None


def sources_of(report: InspectionReport, judgment: Judgment | None = None) -> tuple[str, ...]:
    """The sources of a judgment of ``report`` (or, without one, of its
    figures): the judgment's own, else the report's: its address, or its
    publisher (of the kind its name says, "other" for a name none says).
    A report whose grades were compiled from other sources (the bundled
    grades: see :attr:`~peel_effectiveness.model.Provenance.compiled`) is
    no source of its own: empty where nothing else is named.

    Raises:
        TypeError: ``report`` is no report, or ``judgment`` no judgment.

    Examples:
        >>> from peel_effectiveness import load_bundled
        >>> report = load_bundled().report("cumbria", 2016)
        >>> sources_of(report, report.assessments[1].judgment)
        ('https://www.justiceinspectorates.gov.uk/hmic/peel-assessments/peel-2016/cumbria/',)
    """
    from ..model.judgments import Judgment

    report = _args.report("report", report)
    if judgment is not None and not isinstance(judgment, Judgment):
        raise _args.wrong_type("judgment", "a Judgment or None", judgment)
    return _sources(report, judgment)


def _sources(report: InspectionReport, judgment: Judgment | None) -> tuple[str, ...]:
    """:func:`sources_of`, of arguments known to be right."""
    if judgment is not None and judgment.sources:
        return judgment.sources
    p = report.provenance
    if p is None or p.compiled:
        return ()
    return (p.url or p.publisher,)


@attrs.frozen
class Sources:
    """How many judgments (or figures) rest on each kind of source, each
    counted once, under its most official source.

    Attributes:
        what: ``"judgments"`` or ``"figures"``.
        counts: Each kind that occurs with its count, the most official first.

    Examples:
        >>> from peel_effectiveness import load_bundled
        >>> from peel_effectiveness.analysis import describe_sources
        >>> sources = describe_sources(load_bundled().for_cycle(2016))
        >>> sources.what, [(str(kind), n) for kind, n in sources.counts]
        ('judgments', [('HMIC/HMICFRS', 134), ('police and crime commissioners', 2), ('news and other sources', 10)])
    """

    what: str
    counts: tuple[tuple[SourceKind, int], ...]

    @property
    def total(self) -> int:
        """How many judgments (or figures) are counted."""
        return sum(n for _, n in self.counts)

    @property
    def tally(self) -> str:
        """Each kind with its count, as a table's cell says it (empty where
        nothing is counted).

        Examples:
            >>> count_sources([("HMIC",), ("HMIC",), ()], "judgments").tally
            'HMIC/HMICFRS (2), no source given (1)'
        """
        return ", ".join(f"{kind} ({count})" for kind, count in self.counts)

    def __str__(self) -> str:
        n, what = self.total, self.what
        if n == 0:
            return f"Sources: none (no {what})"
        if n == 1:
            return f"Source: {self.counts[0][0]} (the one {what.removesuffix('s')})"
        if len(self.counts) == 1:
            return f"Sources: {self.counts[0][0]} (all {n} {what})"
        return f"Sources: {self.tally}; each of the {n} {what} counted once, under its most official source"


def describe_sources(reports: Iterable[InspectionReport], metric: str | None = None) -> Sources:
    """The kinds of source of the reports' judgments, or with ``metric``
    of their figures of that metric (a figure's source is its report).

    Raises:
        TypeError: ``reports`` are no reports, or ``metric`` is not text.
        NotFoundError: No report given has the metric (close keys are
            suggested).

    Examples:
        >>> from peel_effectiveness import load_bundled
        >>> data = load_bundled()
        >>> print(describe_sources(data.for_force("cumbria")[-1:]))
        Sources: HMIC/HMICFRS (1), news and other sources (3); each of the 4 judgments counted once, under its most official source
        >>> print(describe_sources(data.for_cycle(2016), metric="ocg_rate"))
        Source: HMIC/HMICFRS (the one figure)
    """
    from ._standing import judged

    chosen = _args.reports("reports", reports)
    if metric is not None:
        metric = _args.text("metric", metric)
    found: list[tuple[str, ...]] = []
    for report in chosen:
        if metric is not None:
            found += [_sources(report, None) for m in report.measurements if m.key == metric]
        else:
            judgments = [report.judgment] + [j for _, _, j in judged(report)]
            found += [_sources(report, j) for j in judgments if j is not None]
    if metric is not None and not found:
        import difflib

        from ..errors import NotFoundError

        keys = sorted({m.key for report in chosen for m in report.measurements})
        raise NotFoundError(
            f"no report given has metric {_args.shown(metric)}", difflib.get_close_matches(metric, keys, n=3)
        )
    return count_sources(found, "judgments" if metric is None else "figures")


def figures_said(forces: Iterable[RankedForce]) -> str:
    """Where ranked figures come from, in words: each one's report, counted
    by kind, and what the figures name as their data (a ranking's sources,
    as its chart and its table say them)."""
    from collections import Counter

    chosen = list(forces)
    said = str(
        count_sources(
            (tuple(f.published_in.split("\n")) if f.published_in else () for f in chosen), "figures"
        )
    )
    named = Counter(f.source for f in chosen)
    if list(named) in ([], [None]):
        return said
    # Not a second count of the reports' sources: whose data each figure is.
    if len(named) == 1:
        return f"{said}; the data, as the figures name them: {next(iter(named))}"
    parts = [f"{source or 'not named'} ({n})" for source, n in named.most_common()]
    return f"{said}; the data, as the figures name them: {', '.join(parts)}"


def count_sources(each: Iterable[tuple[str, ...]], what: str) -> Sources:
    """The kinds of source of some things (judgments, figures, stays in
    Engage...), given each one's sources: each counted once, under its most
    official source.

    Examples:
        >>> print(count_sources([("https://www.bbc.co.uk/news/1", "HMIC"), ()], "stays"))
        Sources: HMIC/HMICFRS (1), no source given (1); each of the 2 stays counted once, under its most official source

    Raises:
        TypeError: ``each`` is not an iterable of tuples (or lists) of
            text, one for each thing (a text alone would be counted a
            character a thing), or ``what`` not text.
    """
    what = _args.text("what", what)
    order = list(SourceKind)
    counts = dict.fromkeys(SourceKind, 0)
    for sources in _args.items("each", each, "each thing's sources (tuples of str)"):
        if isinstance(sources, (str, bytes)) or not isinstance(sources, (tuple, list)):
            raise TypeError(
                f"each must hold a tuple of sources (str) for each thing, not {type(sources).__name__} "
                "(a text alone is one source)"
            )
        kinds = [_kind(s) if s.__class__ is str else source_kind(s) for s in sources] or [SourceKind.NONE]
        counts[min(kinds, key=order.index)] += 1
    return Sources(what, tuple((k, n) for k, n in counts.items() if n))
