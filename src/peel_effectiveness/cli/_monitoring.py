"""The ``monitoring`` command: the stays in Engage, on a day, of a force,
or when a cycle's reports were published."""

from __future__ import annotations

import argparse
import datetime as dt
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TextIO

from ..model._messages import counted, day_words
from ._commands import Fail, Usage, _emit, _part, no_reports_of
from ._options import cycle_option, force_option, row_outputs
from ._parser import EXIT_OK, PROG
from ._values import read_as

if TYPE_CHECKING:
    from ..model.cycles import Cycle
    from ..model.dataset import Dataset
    from ..model.force import Force
    from ..model.monitoring import EngageDate, Stay
    from ..model.reports import InspectionReport

_ON_A_DAY = "an ISO date (2023-01-01)"
_FOOT = "Every move's sources in full: 'export --table monitoring'."


def read_day(text: str) -> dt.date:
    """An argparse ``type`` for ``--on``: the model's own reading of a date."""
    from ..model._values import date

    return dt.date.today() if text.strip().lower() == "today" else date(text)


# How rows say whether a force was in Engage (False: no; None: the dates cannot tell).
_IN_ENGAGE = {True: "yes", False: "no", None: "cannot tell"}


def _wrap(text: str, width: int, indent: str) -> list[str]:
    from ..output._text import wrap

    return wrap(text, width, indent, indent) or [indent.rstrip()]


def _kinds(sources: Sequence[str]) -> str:
    """How many of ``sources`` are of each kind, the most official first."""
    from ..analysis.sources import SourceKind, source_kind

    counted = Counter(source_kind(s) for s in sources)
    return ", ".join(f"{kind} ({counted[kind]})" for kind in SourceKind if kind in counted) or "none given"


def _since(stay: Stay) -> str:
    """How a stay begins, in words: "from 20 September 2023", or "in by 22
    May 2025" where only an article's date is known."""
    from ..model.monitoring import Precision

    return f"in {stay.entered}" if stay.entered.precision is Precision.BY else f"from {stay.entered}"


def _until(stay: Stay, latest: EngageDate | None, stays: Sequence[Stay]) -> str:
    """How a stay ends, in words: "to 20 September 2023", "out by 22 May
    2025", or not out as far as the data go (``latest``: their latest move
    for the stay's force, of ``stays``)."""
    from ..analysis._engage import reach_words, whose_moves
    from ..model.monitoring import Precision

    left = stay.left
    if left is None:
        if latest is None:
            return ", not out as far as the data go"
        return f", not out as far as the data go ({reach_words(latest, whose_moves(stay.force, stays))})"
    return f", out {left}" if left.precision is Precision.BY else f" to {left}"


def span_words(stay: Stay) -> str:
    """A stay's dates in words, as the command line gives them: "from April
    2019 to 20 September 2023", "in by 22 May 2025, out by ..."."""
    return f"{_since(stay)}{_until(stay, None, ())}"


def _stay_lines(
    stay: Stay,
    width: int,
    day: dt.date,
    latest: EngageDate | None,
    stays: Sequence[Stay],
    with_name: bool = True,
) -> list[str]:
    from ..analysis._engage import at_least, reach_for
    from ..analysis.monitoring import duration_words

    latest = reach_for(stay.force, latest, stays)
    # A stay not ended is counted to the day asked about, but never past
    # what the data know: the first day their latest move may have been
    # (which a stay of the 43 cannot have begun after: its move in is one).
    end = day if latest is None or stay.left is not None else min(day, latest.earliest)
    if end < stay.entered.earliest:  # a stay of your own still to come has no length yet
        length = f"not begun on {day_words(end)}"
    elif end < day:  # counted to the data's latest move, not to the day asked
        length = at_least(stay, end)
    else:
        length = duration_words(stay, end)
    head = f"{stay.force.short_name}: " if with_name else ""
    lines = _wrap(f"{head}{_since(stay)}{_until(stay, latest, stays)} ({length})", width, "  ")
    if stay.reason:
        lines += _wrap(stay.reason, width, "    ")
    if stay.note:
        lines += _wrap(f"Note: {stay.note}", width, "    ")
    lines += _wrap(f"moved in, as reported by: {_kinds(stay.entered_sources)}", width, "    ")
    if stay.left is not None:
        lines += _wrap(f"moved out, as reported by: {_kinds(stay.left_sources)}", width, "    ")
    return lines


def cmd_monitoring(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..analysis._engage import (
        after_words,
        before_words,
        each_on,
        held_on,
        out_with_a_dated_one,
        reach_for,
        reach_words,
        when_published,
        whose_moves,
    )
    from ..analysis.monitoring import earliest_move, in_engage, latest_dated
    from ..output._rows import reach_cells
    from ..output.records import to_records

    if args.cycle is not None and (args.on is not None or args.force is not None):
        raise Usage("--cycle asks about the days the cycle's reports were published: give it alone")
    data = _part(args, cycles=[args.cycle]) if args.cycle is not None else _part(args)
    if not data.stays:
        raise Fail("the data hold no stays in Engage")
    if args.cycle is not None and args.cycle not in data.cycles:
        raise no_reports_of(args.cycle, args)
    today = dt.date.today()
    day = args.on or today
    dated = latest_dated(data)  # the latest move, in words as its sources date it
    earliest = earliest_move(data)
    asked = [day]  # the days the answer is of, for what the data say of them
    width = 80
    lines: list[str] = []
    rows: list[dict[str, Any]]
    if args.cycle is not None:
        answers = when_published(data, args.cycle, earliest)
        reports = data.for_cycle(args.cycle)
        undated = [r for r in reports if r.published is None]
        # Those answered with their force's other pillars, which came out with them.
        with_others = out_with_a_dated_one(reports, args.cycle)
        together = sum(1 for r in undated if r.force.id in with_others)
        # The days the answer is of: each report's, and for a report
        # answered without one, those of the cycle's reports (on to today
        # while they are still to come).
        asked = [published for _, published, _, _ in answers if published is not None]
        first, last = args.cycle.publication_days
        if len(undated) > together and first is not None:
            asked += [first, min(last, today)]
        # The table's own words; the rows have those of --on.
        said = {"yes": "in Engage", "cannot tell": "cannot tell from the dates"}
        rows = [
            {
                "force": f.id,
                "short_name": f.short_name,
                "cycle": args.cycle.value,
                "published": published,
                "in_engage": _IN_ENGAGE[answer],
                # The answer holds as far as the data go, which record no move before the first.
                "data_start": earliest,
                **reach_cells(dated),
                "sources": _sources_of_answer(data, reports, f, published),
            }
            for f, published, answer, _ in answers
        ]
        if args.format != "table":
            columns = [
                "force",
                "short_name",
                "cycle",
                "published",
                "in_engage",
                "data_start",
                "data_end",
                "data_end_precision",
                "sources",
            ]
            _emit(out, rows, columns, args)
            return EXIT_OK
        lines.append(f"Forces in Engage when their {args.cycle} reports were published:")
        shown = [r for r in rows if r["in_engage"] != "no"]
        # Those that cannot tell because they came out before the data's record begins.
        before = {(f.id, published) for f, published, _, early in answers if early}
        early = {id(r) for r in shown if (r["force"], r["published"]) in before}
        if shown and len(early) == len(shown) == len(rows):
            # Every answer is "cannot tell", for the one reason said once.
            lines.append("  the data cannot tell: these reports came out before any move they record")
            shown = []
        elif not shown:
            lines.append("  none")
        for r in sorted(shown, key=lambda r: (r["published"] is None, r["published"] or dt.date.min)):
            when = "no date in the data" if r["published"] is None else day_words(r["published"])
            why = "cannot tell: before the data's first move" if id(r) in early else said[r["in_engage"]]
            lines.append(f"  {r['short_name']:<24} {when:<20}  {why}")
        lines += _wrap(_cycle_summary(args.cycle, len(reports), len(undated), together, rows), width, "")
    elif args.force is not None:
        stays = data.stays_of(args.force)
        if args.format != "table":
            # Each row says how far the data go (data_end), of all their stays.
            rows = to_records(stays, "monitoring", data=data)
            columns = _columns()
            if args.on is not None:  # each stay: whether it held on the day, as far as the data go
                rows = [
                    {"on": day, "in_engage": _IN_ENGAGE[f], **row}
                    for f, row in zip(each_on(stays, day), rows, strict=True)
                ]
                columns = ["on", "in_engage", *columns]
            _emit(out, rows, columns, args)
            return EXIT_OK
        name = args.force.short_name
        unsaid = nothing_said(data, args.force)
        if unsaid is not None:
            lines += _wrap(f"{name}: {unsaid}.", width, "")
        elif not stays:
            lines += _wrap(f"{name}: never in Engage, as far as the data go.", width, "")
        else:
            lines += _wrap(f"{name}'s stays in Engage:", width, "")
            for s in stays:
                # The history, to date; --on asks only the question below.
                lines += _stay_lines(s, width, today, dated, data.stays, with_name=False)
        if args.on is not None:
            answer = {
                True: "in Engage",
                False: "not in Engage",
                None: "perhaps in Engage (the dates cannot tell)",
            }
            lines.append(f"On {day_words(day)}: {answer[held_on(stays, day)]}.")
    else:
        now = in_engage(data, day)
        if args.format != "table":
            chosen = now.stays + now.maybe
            rows = [
                # The answer holds as far as the data go: the row's data_end.
                {"on": day, "in_engage": _IN_ENGAGE[True if s in now.stays else None], **row}
                for s, row in zip(chosen, to_records(chosen, "monitoring", data=data), strict=True)
            ]
            _emit(out, rows, ["on", "in_engage", *_columns()], args)
            return EXIT_OK
        count = len(now.stays)
        # A day past the data's last move: said first, not under the list.
        whose = whose_moves(None, data.stays)
        reach = (
            f", as far as the data go ({reach_words(dated, whose)})" if now.beyond_the_data and dated else ""
        )
        lines += _wrap(
            f"In Engage on {day_words(day)}{reach}: {count} force{'' if count == 1 else 's'}", width, ""
        )
        for s in now.stays:
            lines += _stay_lines(s, width, day, dated, data.stays)
        if now.maybe:
            lines.append("Perhaps in Engage (the dates' precision cannot tell):")
            for s in now.maybe:
                lines += _stay_lines(s, width, day, dated, data.stays)
    # Said of the data's record, of the 43; of a force of your own asked
    # about, as far as its own moves go where they go further.
    record = dated if args.force is None else reach_for(args.force, dated, data.stays)
    if record is not None and earliest is not None and any(d < earliest for d in asked):
        lines += _wrap(f"As far as the data go: {before_words(earliest)}.", width, "")
    if record is not None and any(d > record.earliest for d in asked):
        lines += _wrap(
            f"As far as the data go: {after_words(record, whose_moves(args.force, data.stays))}; "
            "a later one would be missing.",
            width,
            "",
        )
    lines.append(_FOOT)
    out.write("\n".join(lines) + "\n")
    return EXIT_OK


def _sources_of_answer(
    data: Dataset, reports: Sequence[InspectionReport], force: Force, published: dt.date | None
) -> str | None:
    """Where a row of ``monitoring --cycle`` comes from, one a line: its
    reports' (their judgments', whose sources date them), then the moves of
    the force's stays."""
    from ..analysis.sources import sources_of
    from ..output._rows import one_a_line

    said: dict[str, None] = {}
    for r in reports:
        if r.force == force and r.published == published:
            judgments = [j for j in (r.judgment, *(a.judgment for a in r.assessments)) if j is not None]
            for j in judgments:
                said.update(dict.fromkeys(sources_of(r, j)))
            if not judgments:
                said.update(dict.fromkeys(sources_of(r)))
    for stay in data.stays_of(force):
        said.update(dict.fromkeys((*stay.entered_sources, *stay.left_sources)))
    return one_a_line(list(said))


def _cycle_summary(
    cycle: Cycle, reports: int, undated: int, together: int, rows: list[dict[str, Any]]
) -> str:
    """What ``monitoring --cycle`` answered: how many reports, how many with
    a day in the data, and how those without one were answered."""
    noun = "pillar report" if cycle.pillars else "report"
    dated = reports - undated
    days = len({r["published"] for r in rows if r["published"] is not None})
    said = f"Of {counted(reports, noun)}, {dated} {'has' if dated == 1 else 'have'} a publication date in the data"
    said += "" if dated == days else f", on {counted(days, 'day')} in all"
    how = []
    if together:
        how.append(
            f"{together} without one came out with their force's other pillars ({cycle} published each "
            "force's pillars as one report)"
        )
    if undated > together:
        others = undated - together
        which = f"and the other {others}" if together else f"the {others} without one"
        how.append(
            f"{which} {'is' if others == 1 else 'are'} answered over the days the cycle's reports came out, "
            "and a week either side"
        )
    return said + ("; " + " ".join(how) if how else "") + "."


def nothing_said(data: Dataset, force: Force) -> str | None:
    """Why the data say nothing of a force's stays in Engage, where they do
    not ("never" is said only where the data's record reaches the force):
    they hold no stays of the 43 forces, their record; or the force is one
    of your own they hold no stays of."""
    from ..model.force import territorial

    if territorial(force):
        if any(territorial(s.force) for s in data.stays):
            return None
        return "the data hold no stays of the 43 forces, and say nothing of it"
    if data.stays_of(force):
        return None
    return f"the data hold no stays of {force.short_name}; their record is of the 43 forces"


def engage_lines(stays: Sequence[Stay], latest: EngageDate | None, width: int) -> list[str]:
    """What ``show`` says of a force's stays in Engage (``latest``: the
    data's latest move)."""
    from ..analysis._engage import reach_for, reach_words

    if not stays:
        reach = "" if latest is None else f" ({reach_words(latest)})"
        return _wrap(f"Never in enhanced monitoring (Engage), as far as the data go{reach}.", width, "")
    lines = ["In enhanced monitoring (Engage):"]
    for s in stays:
        lines += _wrap(
            f"{_since(s)}{_until(s, reach_for(s.force, latest, stays), stays)}: {s.reason}".rstrip(": "),
            width,
            "  ",
        )
        if s.note:  # what the sources leave in doubt, as 'monitoring --force' says it
            lines += _wrap(f"Note: {s.note}", width, "    ")
    return lines


def _columns() -> list[str]:
    from ..output.columns import COLUMNS

    return [c.name for c in COLUMNS["monitoring"]]


def add_commands(command: Any) -> None:
    """The parsers of this module's commands (``command`` makes one)."""
    monitoring = command(
        "monitoring",
        "the forces in enhanced monitoring (Engage) on a day, a force's stays, or those in Engage "
        "when a cycle's reports were published",
        f"{PROG} monitoring --on 2023-01-01",
        cmd_monitoring,
    )
    monitoring.add_argument(
        "--on",
        type=read_as(read_day, "day"),
        metavar="DAY",
        help=f"the day to ask about: {_ON_A_DAY} (default: today)",
    )
    force_option(monitoring, "a force's stays in Engage")
    cycle_option(monitoring, "the forces in Engage when their reports of this cycle were published")
    row_outputs(monitoring)
