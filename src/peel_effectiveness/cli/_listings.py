"""The commands that list what the data hold: rank, list, forces, info, check."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, TextIO

from ._commands import Fail, Usage, _data, _emit, _select, left_out, no_report_on, no_reports_of, note
from ._parser import EXIT_DATA, EXIT_OK
from ._said import sources_line

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..analysis.rankings import Ranking
    from ..io.about import SourceInfo
    from ..model.dataset import Dataset


def cmd_rank(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..analysis.rankings import rank_forces
    from ..output.columns import COLUMNS
    from ..output.records import to_records

    if not args.metric:
        raise Usage("rank needs a metric: --metric KEY (repeatable); 'metrics' lists the keys")
    data = _data(args)
    rankings = [
        rank_forces(
            data,
            key,
            args.cycle,
            descending=not args.ascending,
            exclude=left_out(args, data, key),
            period=args.period,
        )
        for key in dict.fromkeys(args.metric)
    ]
    if args.format == "table":  # for people: a heading and four columns a ranking, in 80 columns
        out.write("\n".join(ranking_table(r, data) for r in rankings))
        return EXIT_OK
    rows = []
    for r in rankings:
        rows += to_records(r)
    _emit(out, rows, [c.name for c in COLUMNS["ranking"]], args)
    for r in rankings:
        # What the table's heading says of the ranking that no cell does
        # (an England and Wales figure left empty because the reports give
        # it differently; the bands of a count), as national notes its own.
        note(args, f"{r.measurement.key}, {r.cycle}: {ranking_said(r, data)}")
    return EXIT_OK


def cmd_list(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..analysis._standing import held, judged
    from ..analysis.sources import count_sources, sources_of
    from ..model.questions import headline_graded
    from ..output._rows import one_a_line
    from ..output._text import wrap
    from ..output.columns import UNKNOWN
    from ..output.records import grade_cells

    rows = []
    chosen = _select(_data(args), args)
    # Where each row comes from, as the judgments table says it: its
    # headline judgment's sources; with none, its other judgments' (else its
    # own), which the closing line counts too.
    said: list[tuple[str, ...]] = []
    for r in chosen:
        if r.judgment is not None:
            judgments = [r.judgment]
        elif r.pillar is None:
            # An integrated report's areas as the other counts take them,
            # the framework's among them (_standing.judged).
            judgments = [j for _, _, j in judged(r) if j is not None]
        else:
            # A pillar's questions the report holds, not the framework's
            # (question 5's): a row of an unknown grade read as HMICFRS's.
            judgments = held(r)
        whose = [sources_of(r, j) for j in judgments]
        said += whose
        sources = tuple(dict.fromkeys(s for each in whose or [sources_of(r)] for s in each))
        grade, why = grade_cells(None if r.judgment is None else r.judgment.grade)
        # Unknown, as the grid says it: a headline grade its cycle gives and
        # the data lack is not blank, as one no cycle gives is; in a column
        # of its own, as the grid's, so that grade holds grades alone.
        unknown = r.judgment is None and headline_graded(r.cycle, r.pillar)
        rows.append(
            {
                "force": r.force.id,
                "short_name": r.force.short_name,
                "cycle": r.cycle.value,
                "pillar": None if r.pillar is None else r.pillar.value,
                "judgment": UNKNOWN if unknown else grade or why,
                "grade": grade,
                "no_grade": why,
                "measurements": len(r.measurements),
                "sources": one_a_line(sources),
            }
        )
    if not rows:
        # An empty table would read as an answer; say what the data lack, as
        # the other commands do.
        if getattr(args, "cycle", None) is not None and args.cycle not in _data(args).cycles:
            raise no_reports_of(args.cycle, args)
        raise Fail(
            "the data have no reports"
            + (f" on {args.force.short_name}" if args.force else "")
            + (f" of {args.cycle}" if args.cycle else "")
        )
    unknown = any(row["judgment"] == UNKNOWN for row in rows)
    if args.format == "table":  # in 80 columns: the short name, and the grade or why there is none
        for row in rows:
            # An integrated cycle grades areas, and no report overall: said, not blank.
            row["judgment"] = row["judgment"] or (_AREAS if not row["pillar"] else "")
        _emit(out, rows, ["short_name", "cycle", "pillar", "judgment", "measurements"], args)
        # Judgments, not grades: a reason for no grade ("not inspected") is listed too.
        out.write(sources_line(count_sources(said, "judgments")) + "\n")
        # Each word of the table that needs one said, where it is used: blank
        # is left for 2014's effectiveness, the integrated cycles' rows
        # saying "areas only".
        blank = any(not row["judgment"] for row in rows)
        said_of = [_UNKNOWN_SAID] * unknown + [_BLANK_2014] * blank
        if said_of:
            out.write("\n".join(wrap(" ".join(said_of), 80)) + "\n")
        if any(row["judgment"] == _AREAS for row in rows):
            out.write("\n".join(wrap(_AREAS_SAID, 80)) + "\n")
        return EXIT_OK
    columns = [
        "force",
        "short_name",
        "cycle",
        "pillar",
        "judgment",
        "grade",
        "no_grade",
        "measurements",
        "sources",
    ]
    _emit(out, rows, columns, args)
    if unknown and args.format == "markdown":
        out.write("\n" + "\n".join(wrap(f"{_UNKNOWN_SAID} {_BLANK}", 80)) + "\n")
    return EXIT_OK


_AREAS = "areas only"
_AREAS_SAID = f"{_AREAS}: an integrated cycle grades areas, not a pillar overall ('show FORCE' gives them)."
_UNKNOWN_SAID = "unknown: the cycle grades the pillar overall, and the data hold no grade."
_BLANK = (
    "Blank: no overall grade that cycle (an integrated cycle grades areas, not pillars; 2014 did not "
    "grade effectiveness overall)."
)
_BLANK_2014 = "Blank: no overall grade that cycle (2014 did not grade effectiveness overall)."


def cmd_forces(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..model.force import forces
    from ..output.columns import COLUMNS
    from ..output.records import to_records

    columns = [c.name for c in COLUMNS["forces"]]
    if args.format == "table":
        # In 80 columns: the short name is in the official one, a region
        # says the country (Wales is a region of its own), and the sources
        # are said under the table.
        columns = [c for c in columns if c not in ("short_name", "country", "sources")]
    # With files of yours, their forces of their own too, as the export's
    # table of forces has them (and a file that cannot be read is said).
    rows = to_records(_data(args), "forces") if getattr(args, "data", None) else to_records(forces())
    _emit(out, rows, columns, args)
    if args.format == "table":
        from ..output._about import FORCES_SAID
        from ..output._text import wrap

        said = f"The forces: {FORCES_SAID}."
        if len(rows) > len(forces()):
            from ..output._about import OWN_FORCES

            said += f" {OWN_FORCES}"
        out.write("\n".join(wrap(said, 80)) + "\n")
    return EXIT_OK


def cmd_info(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..analysis.sources import describe_sources
    from ..io.about import dataset_info

    data = _data(args)
    info = dataset_info(data)
    # What each report's judgments rest on, by kind: a report "by HMICFRS"
    # whose grades the library compiled may rest on the news.
    judged = [describe_sources([r]) for r in data]
    rows = [
        {
            "force": s.force,
            "cycle": s.cycle,
            "pillar": s.pillar,
            "published": s.published,
            "publisher": s.publisher,
            "title": s.title,
            "url": s.url,
            "document": s.document,
            "isbn": s.isbn,
            "licence": s.licence,
            "judgment_sources": j.tally or None,
        }
        for s, j in zip(info.sources, judged, strict=True)
    ]
    if args.format == "table":
        from ..model._messages import counted
        from ..output._text import wrap

        # The bundled data's version, where they are read.
        if getattr(args, "no_bundled", False):
            whose = "the files given only (no bundled data)"
        else:
            whose = f"data version {info.data_version}" + (", with the files given" if args.data else "")
        out.write(
            f"peel_effectiveness {info.package_version}, {whose}\n"
            f"{counted(info.reports, 'report')} on {counted(info.forces, 'force')}, "
            f"{'cycle' if len(info.cycles) == 1 else 'cycles'} {', '.join(info.cycles)}\n\n"
        )

        for s, j in zip(info.sources, judged, strict=True):
            when = "" if s.published is None else f", published {s.published.isoformat()}"
            what = f"{s.cycle} {s.pillar}" if s.pillar else s.cycle
            by = f" by {s.publisher}" if s.publisher else ""
            title = s.title if s.title is not None else "no source document given"
            title += f", ISBN {s.isbn}" if s.isbn else ""
            rest = f". Its judgments' sources: {j.tally}" if j.tally else ""
            out.write("\n".join(wrap(f"{s.force} {what}{when}{by}: {title}{rest}", 80, "", "    ")) + "\n")
            if s.url:  # where the report itself is, on a line of its own to be copied whole
                out.write(f"    {s.url}\n")
        said = _documents_said(info.sources, in_words=True)
        if said:
            out.write("\n" + "\n".join(wrap(said, 80)) + "\n")
    else:
        _emit(out, rows, list(rows[0]) if rows else ["force"], args)
        said = _documents_said(info.sources) if args.format == "markdown" else ""
        if said:
            out.write("\n" + said + "\n")
    return EXIT_OK


def _documents_said(sources: Sequence[SourceInfo], *, in_words: bool = False) -> str:
    """Where the library's own files a report names as its document are
    (``seeds/...`` in the project's source), and what the grades compiled
    in them rest on: each said where the data have such a report ("" if
    none). ``in_words``: of the text, which names no document (the tables
    do)."""
    from ..io.bundled import bundled_sources

    said = []
    # The text names no document: the first sentence of them says where they are.
    where = " (--format csv, json or markdown)" if in_words else ""
    if any((s.document or "").startswith("seeds/") for s in sources):
        said.append(
            f"The reports' documents{where} named seeds/... are the library's files, installed with the "
            f"package in {bundled_sources()}."
        )
    others = [s for s in sources if s.document and not s.document.startswith("seeds/")]
    if others:
        which = "Other documents named" if said else f"The reports' documents{where}"
        at = (
            "each report is at its address"
            if all(s.url for s in others)
            else "a report with an address is there"
        )
        said.append(
            f"{which} are the files the reports were read from, which the package does not hold: {at}."
        )
    if any(s.compiled for s in sources):
        said.append(
            "The grades compiled by peel_effectiveness (the reports titled so) rest on the sources given "
            "with each judgment ('export --table judgments')."
        )
    return " ".join(said)


def cmd_check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..analysis.consistency import check_report
    from ..analysis.sources import count_sources, published_in, sources_of
    from ..output._text import wrap

    chosen = _select(_data(args), args)
    if not chosen and args.force is not None:
        raise no_report_on(args.force, args.cycle)
    if not chosen and args.cycle is not None:
        raise no_reports_of(args.cycle, args)
    # Each check with its report: a check names the force and the cycle,
    # not the pillar, and another report of both is not what was checked.
    made = [(r, check_report(r, decimals=args.decimals)) for r in chosen]
    pairs = [(r, c) for r, found in made for c in found]
    if not pairs:
        # In any format: an empty table would look like a check passed, and
        # an output file is left as it was.
        raise Fail("nothing to check: the reports chosen have no outcome table or figure the checks apply to")
    rows = [
        {
            "force": "" if c.force is None else c.force.id,
            "cycle": "" if c.cycle is None else c.cycle.value,
            "table": c.table,
            "row": c.row,
            "side": c.side,
            "ok": c.ok,
            "message": c.message,
            "published_in": published_in(r),  # where the figures checked are copied from
        }
        for r, c in pairs
    ]
    said = sources_line(count_sources([sources_of(r) for r, found in made if found], "reports"))
    if args.format == "table":
        for (_, c), row in zip(pairs, rows, strict=True):
            line = f"{'ok' if c.ok else 'PROBLEM'}: {row['force']} {row['cycle']} {c.table}: {c.message}"
            out.write("\n".join(wrap(line, 80, "", "    ")) + "\n")
        out.write(said + "\n")
    else:
        _emit(out, rows, ["force", "cycle", "table", "row", "side", "ok", "message", "published_in"], args)
        if args.format == "markdown":
            out.write("\n" + said + "\n")
    return EXIT_OK if all(c.ok for _, c in pairs) else EXIT_DATA


def ranking_table(r: Ranking, data: Dataset, width: int = 80) -> str:
    """A ranking for people: what is ranked, in a heading wrapped to
    ``width``, then each force's rank, name, figure and band, and where the
    figures come from (the data's other columns are in the CSV and JSON)."""
    from ..analysis.sources import figures_said
    from ..output._formats import table
    from ..output._text import number, places_of, printable, wrap

    m = r.measurement.metric
    # The figures to the same decimal places, as a report's column is.
    places = places_of(*(f.value for f in r.forces), r.england_and_wales)
    period = f", {m.period}" if m.period is not None else ""
    ew = (
        ""
        if r.england_and_wales is None
        else f"; England and Wales {number(r.england_and_wales, places=places)}"
    )
    n = len(r.ranked)
    heading = (
        f"{r.measurement.label} ({m.unit_label}{period}), PEEL {r.cycle}: {n} force{'s' if n != 1 else ''} "
        f"ranked, the {'highest' if r.descending else 'lowest'} first{ew}"
    )
    heading += f". {ranking_said(r, data)}"
    cells = [
        [
            "" if f.rank is None else str(f.rank),
            printable(f.force.short_name),
            number(f.value, places=places),
            "not ranked (left out)" if f.excluded else str(f.band),
        ]
        for f in r.forces
    ]
    columns = ["rank", "short_name", "value", "band"]
    sources = "\n".join(wrap(printable(figures_said(r.forces)), width))
    return (
        "\n".join(wrap(heading, width))
        + "\n\n"
        + table(columns, cells, [True, False, True, False])
        + "\n"
        + "\n".join(wrap(BANDS_SAID, width))
        + "\n\n"
        + sources
        + "\n"
    )


def ranking_said(r: Ranking, data: Dataset) -> str:
    """What a ranking's heading says of its figures beyond what is ranked:
    why the England and Wales figure is left out, where it is, and what the
    bands are of."""
    from ..output._chart_words import (
        bands_said,
        england_and_wales_unsaid,
        labels_unsaid,
        ranked_figures,
        sentence,
    )
    from ..output._text import number

    found = ranked_figures(data, r)
    unsaid = england_and_wales_unsaid(found, r, "figure", number) + labels_unsaid(found, r)
    bands = bands_said(r)
    return f"{unsaid.strip()} {sentence(bands[0].upper() + bands[1:])}".strip()


# What the bands' words mean, which a reader could take for a comparison
# with England and Wales ("broadly in line" of a figure well below it).
BANDS_SAID = (
    "Bands, in Annex A's words: one of the highest or lowest, in the top or bottom quarter of the "
    "forces ranked; broadly in line, in neither. They test no difference from England and Wales "
    "('show' compares a force's figure with it)."
)
