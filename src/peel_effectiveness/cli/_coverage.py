"""The ``coverage`` and ``metrics`` commands: how complete the grades are,
and the figures the data know."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any, TextIO

from ..output._chart_words import asked_of_each
from ._commands import Fail, _data, _emit, no_reports_of
from ._options import cycle_option, row_outputs
from ._parser import EXIT_OK, PROG
from ._said import say_not_counted, say_pillars_lacking, sources_line

if TYPE_CHECKING:
    from ..model.cycles import Cycle
    from ..model.dataset import Dataset


def cmd_coverage(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..analysis._coverage import coverage
    from ..model.grades import NoGrade
    from ..model.questions import question_or_none
    from ..output._text import wrap
    from ..output.columns import COLUMNS
    from ..output.records import to_records

    data = _data(args)
    if args.cycle is not None and args.cycle not in data.cycles:
        raise no_reports_of(args.cycle, args)
    found = coverage(data, args.cycle)
    say_not_counted(args, data, args.cycle)
    rows = to_records(found)
    # A pillar the 43's reports lack may still have rows, of a report of
    # your own's judgments: said of the 43, as unknown, not as left out.
    lacking = [
        say_pillars_lacking(args, data, c, {r["pillar"] for r in rows if r["cycle"] == c.value})
        for c in ([args.cycle] if args.cycle else data.cycles)
    ]
    if args.format != "table":
        _emit(out, rows, [c.name for c in COLUMNS["coverage"]], args)
        if args.format == "markdown":
            out.write("\n" + _counted_said(data, args.cycle) + "\n")
        return EXIT_OK
    # In 80 columns: the label cut to fit, and the counts that occur.
    reasons = [
        c for c in ("ungraded", "not_graded", "not_inspected", "not_yet_graded") if any(r[c] for r in rows)
    ]
    heads = {"graded": "graded", "ungraded": "ungr.", "not_graded": "not gr.", "not_inspected": "not insp.",
             "not_yet_graded": "not yet", "unknown": "unknown"}  # fmt: skip
    counts = ["graded", *reasons, "unknown"]
    # 80 columns, less the cycle's (7) and each count's, with two spaces before each.
    label_width = 80 - (7 + 2) - sum(2 + max(len(heads[c]), 2) for c in counts)
    from ..output._text import ellipsis

    table, cut, mark = [], False, ellipsis()
    for r in rows:
        label = r["label"] if r["pillar"] is None else f"{r['pillar']}: {r['label']}"
        if r["graded_in_cycle"] is False:
            label += " (ungraded)"  # the word of the ungr. column and of the charts
        if len(label) > label_width:
            label, cut = label[: label_width - len(mark)] + mark, True
        table.append({"cycle": r["cycle"], "judgment": label, **{heads[c]: r[c] for c in counts}})
    _emit(out, table, ["cycle", "judgment", *(heads[c] for c in counts)], args)
    if cut:
        out.write(f"{mark}: a label cut to fit 80 columns; --format csv gives every label in full.\n")
    for said in filter(None, lacking):
        out.write("\n".join(wrap(said, 78)) + "\n")
    # Each column shown said, and no other.
    meanings = {
        "graded": "graded",
        "ungraded": f"ungr. (ungraded: {NoGrade.UNGRADED.meaning})",
        "not_graded": "not gr. (not graded for that force)",
        "not_inspected": "not insp. (not inspected)",
        "not_yet_graded": "not yet (graded later)",
        "unknown": "unknown (nothing in the data, which is never counted as no grade)",
    }
    said = "; ".join(meanings[c] for c in counts)
    out.write("\n".join(wrap(f"Of the 43 forces, each judgment's: {said}.", 78)) + "\n")
    # Where unknown is all the data can say, though the cycle asked only some forces.
    for cycle in dict.fromkeys(c.cycle for c in found):
        unknown_for_some = [
            q
            for c in found
            if c.cycle is cycle and c.unknown and c.question != "overall"
            if (q := question_or_none(c.cycle, c.pillar, c.question)) is not None
        ]
        for said in asked_of_each(cycle, unknown_for_some, "the other forces"):
            out.write("\n".join(wrap(said, 78)) + "\n")
    out.write(_counted_said(data, args.cycle) + "\n")
    return EXIT_OK


def _counted_said(data: Dataset, cycle: Cycle | None) -> str:
    """Where the judgments coverage counts come from: those of the 43's
    reports (a force of your own is not counted)."""
    from ..analysis.sources import describe_sources
    from ..model.force import territorial

    reports = data.reports if cycle is None else data.for_cycle(cycle)
    return sources_line(describe_sources([r for r in reports if territorial(r.force)]), 78)


def cmd_metrics(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..analysis.sources import count_sources, sources_of
    from ..model.metrics import measure_key
    from ..output._text import wrap

    data = _data(args)
    seen: dict[tuple[str, str], dict[str, Any]] = {}
    each: list[tuple[str, ...]] = []  # each figure's sources, its report's
    for report in data if args.cycle is None else data.for_cycle(args.cycle):
        where = sources_of(report)
        for m in report.measurements:
            each.append(where)
            d = m.metric
            # A key under two measures (a user's files may have one) is two rows.
            row = seen.setdefault(
                (d.key, measure_key(m.metric)),
                {
                    "metric": d.key,
                    "title": d.label,
                    "unit": d.unit.value,
                    "measure": d.measure,
                    "cycles": set(),
                    "forces": set(),
                    "published_in": {},
                },
            )
            row["cycles"].add(report.cycle)
            row["forces"].add(report.force.id)
            row["published_in"].update(dict.fromkeys(where))
    if not seen:
        raise Fail("the data have no figures" + ("" if args.cycle is None else f" of {args.cycle}"))
    rows = [
        {
            **r,
            "cycles": " ".join(str(c) for c in sorted(r["cycles"])),
            "forces": len(r["forces"]),
            "published_in": "\n".join(r["published_in"]) or None,  # where the figures are copied from
        }
        for r in sorted(seen.values(), key=lambda r: r["metric"])
    ]
    said = sources_line(count_sources(each, "figures"), 78)  # where the figures listed come from
    if args.format == "table":
        # A key and, under it, what it measures: keys are long, titles longer.
        lines = []
        for r in rows:
            lines.append(r["metric"])
            forces = f"{r['forces']} force{'' if r['forces'] == 1 else 's'}"
            lines += wrap(f"{r['title']} ({r['measure']}; {r['cycles']}, {forces})", 80, "    ", "    ")
        out.write("\n".join(lines) + "\n" + said + "\n")
        return EXIT_OK
    _emit(out, rows, ["metric", "title", "unit", "measure", "cycles", "forces", "published_in"], args)
    if args.format == "markdown":
        out.write("\n" + said + "\n")
    return EXIT_OK


def add_commands(command: Any) -> None:
    """The parsers of this module's commands (``command`` makes one)."""
    coverage = command(
        "coverage",
        "how complete the grades are: for each judgment of a cycle, how many of the 43 forces have a "
        "grade, a reason for none, or nothing in the data",
        f"{PROG} coverage --cycle 2023-25",
        cmd_coverage,
    )
    cycle_option(coverage, "only this cycle (default: every cycle)")
    row_outputs(coverage)

    metrics = command(
        "metrics",
        "the figures the data hold: each metric's key (as rank and export take it), title and unit",
        f"{PROG} metrics",
        cmd_metrics,
    )
    cycle_option(metrics, "only the figures of this cycle's reports (default: every cycle)")
    row_outputs(metrics)
