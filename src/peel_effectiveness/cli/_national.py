"""The ``national`` command: the grades of all 43 forces, for one judgment
or every judgment of a cycle, and how they changed."""

from __future__ import annotations

import argparse
import contextlib
from collections import Counter
from typing import TYPE_CHECKING, Any, TextIO

from ..model._messages import counted
from ..model._question_words import read_question
from ..model.grades import ungraded_in
from ..model.judgments import Basis
from ..model.questions import question_or_none
from ..output._chart_words import asked_of_some
from ._commands import Fail, Usage, _data, _emit, _part, check_question, no_reports_of, pillar_of
from ._parser import EXIT_OK
from ._said import say_not_counted, say_pillars_lacking

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from ..analysis.sources import Sources
    from ..model.cycles import Cycle, Pillar
    from ..model.dataset import Dataset
    from ..model.judgments import Judgment
    from ..model.reports import InspectionReport


def cmd_national(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..io.bundled import bundled_cycles
    from ..model.cycles import Cycle

    data = _data(args) if getattr(args, "data", None) else None
    cycles = data.cycles if data is not None else bundled_cycles()
    if not cycles:
        raise Fail("the data have no reports")
    cycle = Cycle(args.cycle) if args.cycle else cycles[-1]
    if args.pillar:
        pillar_of(args, cycle)  # a pillar the cycle lacks (an integrated one has none): bad usage, said first
    if cycle not in cycles:
        raise no_reports_of(cycle, args)
    # (An empty --question names no question: refused, not taken for the default.)
    given = args.question if args.question is not None else ("all" if cycle.integrated else "overall")
    question = read_question(given)
    every = str(question).lower() == "all" or (args.force is not None and not args.question)
    if data is None:
        # Of the bundle, only the cycle, and for one question's changes the one before.
        wanted = (cycle,) if every else (cycle, cycle.previous)
        data = _part(args, cycles=[c for c in wanted if c is not None])
    if every:
        if args.force is not None:
            return _national_force(
                data, cycle, args, out, "" if args.pillar else say_pillars_lacking(args, data, cycle)
            )
        say_not_counted(args, data, cycle)
        if args.pillar:
            raise Usage("--pillar goes with one question (--question KEY); 'all' shows every one")
        return _national_all(data, cycle, args, out, say_pillars_lacking(args, data, cycle))
    check_question(args, cycle, question)
    say_not_counted(args, data, cycle)
    return _national_one(data, cycle, question, args, out)


def _national_all(data: Dataset, cycle: Cycle, args: argparse.Namespace, out: TextIO, lacking: str) -> int:
    # What national.grade_distributions gives, without building its results.
    from ..analysis import _judgment_keys, _standing
    from ..model.force import forces
    from ..model.grades import NoGrade
    from ..output._text import cut_short, joined, padded, shown_width, wrap
    from ..output.columns import count_column

    grades = cycle.grade_scale.grades
    rows: list[dict[str, Any]] = []
    inferred = Counter[str]()  # of the judgments counted, those not printed, by grade
    for pillar, key in _judgment_keys.counted_keys(data, cycle):
        judged = _standing.judgments(data, cycle, key, pillar)
        by_grade, no_grade, missing = _standing.spread(judged, cycle)
        in_row = _inferred(judged.values())
        inferred += in_row
        label, name = _standing.question_label(key, cycle, pillar), _label(cycle, pillar, key)
        row: dict[str, Any] = {
            "cycle": cycle.value,
            "pillar": None if pillar is None else pillar.value,
            "question": key,
            "label": label,
        }
        row |= {count_column(g): len(ids) for g, ids in by_grade.items()}
        # Each reason for no grade, and the unknown, in coverage's words.
        row |= {count_column(reason): len(no_grade.get(reason, ())) for reason in NoGrade}
        row |= {"unknown": len(missing), "_name": name, "_none": sum(len(ids) for ids in no_grade.values())}
        row["inferred"] = in_row.total()  # of the judgments counted: read from wording, not printed
        row["_pillar"] = pillar
        rows.append(row)
    columns = [
        "cycle",
        "pillar",
        "question",
        "label",
        *(count_column(g) for g in grades),
        *(count_column(r) for r in NoGrade),
        "unknown",
        "inferred",
        "sources",
    ]
    if args.format != "table":
        # Where each row's judgments come from (of the 43), counted as the
        # table's closing line counts them all.
        for row in rows:
            row["sources"] = _sources_cell(_standing.sourced(data, cycle, row["question"], row["_pillar"]))
        _emit(out, rows, columns, args)
        return EXIT_OK
    # On a terminal, the reasons for no grade are counted together.
    columns = ["cycle", "pillar", "question", "label", *(count_column(g) for g in grades), "_none", "unknown"]
    short = {"outstanding": "Out", "good": "Good", "adequate": "Adeq", "requires_improvement": "RI"}
    short |= {"inadequate": "Inad", "_none": "None", "unknown": "Unkn"}
    # A judgment no force of the 43 has in the data is left out, and named.
    shown = [r for r in rows if r["unknown"] != len(forces())]
    if not shown:  # a table of no row
        raise Fail(f"the data have no {cycle} judgments the national picture counts, of any of the 43 forces")
    name_width = 80 - 5 * (len(grades) + 2) - 2
    how = "area by area" if cycle.integrated else "judgment by judgment"
    out.write(f"PEEL {cycle}: the 43 forces' grades in the data, {how}\n\n")
    out.write(f"  {'':<{name_width}}" + "".join(f"{short[c]:>5}" for c in columns[4:]) + "\n")
    last_pillar = None
    # (Named: a count said nothing of which.)
    empty = [f"{r['pillar']} {r['_name']}" if r["pillar"] else r["_name"] for r in rows if r not in shown]
    for r in shown:
        if r["pillar"] and r["pillar"] != last_pillar:
            out.write(f"  {r['pillar'].upper()}\n")
            last_pillar = r["pillar"]
        name = f"  {r['_name']}" if r["pillar"] else r["_name"]
        if shown_width(name) > name_width - 1:
            name = cut_short(name, name_width - 1)
        out.write(f"  {padded(name, name_width)}" + "".join(f"{r[c]:>5}" for c in columns[4:]) + "\n")
    if empty:
        out.write("\n" + "\n".join(wrap(f"Left out, with no judgment in the data: {joined(empty)}.", 80)))
    if lacking:
        out.write("\n" + "\n".join(wrap(lacking, 80)))
    said_inferred = (
        f" {inferred.total()} of the judgments {'is' if inferred.total() == 1 else 'are'} inferred, "
        f"{Basis.INFERRED.meaning}; --question KEY counts them."
        if inferred
        else ""
    )
    out.write(
        "\n"
        + "\n".join(
            wrap(
                f"{LEGEND}{said_inferred} One in detail: --question KEY; a force's standing: --force FORCE.",
                80,
            )
        )
        + "\n\n"
        + "\n".join(wrap(_sources_said(data, cycle, args), 80))
        + "\n"
    )
    return EXIT_OK


def _inferred(judgments: Iterable[Judgment | None]) -> Counter[str]:
    """How many of ``judgments`` are inferred, not printed, by grade (or reason for none)."""
    return Counter(j.grade.value for j in judgments if j is not None and j.basis is Basis.INFERRED)


LEGEND = (
    "Out: outstanding. RI: requires improvement. None: judged without a grade (ungraded, not graded, "
    "not inspected, not yet graded). Unkn: unknown, nothing in the data."
)


def _national_force(data: Dataset, cycle: Cycle, args: argparse.Namespace, out: TextIO, lacking: str) -> int:
    """A force's standing in each judgment of the cycle (of a pillar, with ``--pillar``)."""
    from ..analysis import _judgment_keys, _standing
    from ..analysis.national import position
    from ..model.cycles import resolve_pillar
    from ..model.grades import Grade, NoGrade
    from ..output._text import wrap

    force = args.force
    rows: list[dict[str, Any]] = []
    judged = [
        (pillar, key) for pillar, key in _judgment_keys.counted_keys(data, cycle) if _of_pillar(pillar, args)
    ]
    for pillar, key in judged:
        p = position(data, force, cycle, key, pillar)
        grade = p.grade
        rows.append(
            {
                "force": force.id,
                "short_name": force.short_name,
                "cycle": cycle.value,
                "pillar": None if pillar is None else pillar.value,
                "question": key,
                "label": _label(cycle, pillar, key),
                # As in every table: grade holds grades, no_grade why there is none.
                "grade": grade.value if isinstance(grade, Grade) else None,
                "no_grade": grade.value if isinstance(grade, NoGrade) else None,
                "same_grade": len(p.same_grade),
                "graded": p.graded,
                "unknown": p.unknown,
                "standing": str(p),
            }
        )
    if not rows:
        of = f" of {args.pillar}" if args.pillar else ""
        if args.pillar and not _judgment_keys.judged_on(cycle, resolve_pillar(cycle, args.pillar), "overall"):
            of += f" ({_judgment_keys.no_overall_grade(cycle, args.pillar)})"
        raise Fail(f"the data have no {cycle} judgments{of}")
    if args.format != "table":
        # Where the judgments a standing counts come from, as national's
        # rows say, and where the force's own comes from.
        for row, (pillar, key) in zip(rows, judged, strict=True):
            found = _standing.sourced(data, cycle, key, pillar)
            row["sources"] = _sources_cell(found)
            row["grade_sources"] = "\n".join(found.get(force.id, ())) or None
        if args.format == "markdown":
            rows = _unknown_said(rows, ("grade", "no_grade"))
        _emit(out, rows, list(rows[0]), args)
        return EXIT_OK
    out.write(f"{force.short_name} in the national picture of PEEL {cycle}\n\n")
    for r in rows:
        label = r["label"] if not r["pillar"] else f"{r['pillar']}: {r['label']}"
        said = r["standing"]
        # A grade's standing says how many it is among, and one known to be none
        # of any force's says so in its closing brackets.
        if not r["grade"] and not said.endswith(")"):
            said += f" (of {r['graded']} graded)" if r["graded"] else " (none graded in the data)"
        out.write("\n".join(wrap(f"{label}: {said}", 80, "  ", "    ")) + "\n")
    if lacking:
        out.write("\n" + "\n".join(wrap(lacking, 80)) + "\n")
    out.write("\n" + "\n".join(wrap(_sources_said(data, cycle, args), 80)) + "\n")
    return EXIT_OK


def _unknown_said(rows: list[dict[str, Any]], *cells: tuple[str, str]) -> list[dict[str, Any]]:
    """The rows for people (Markdown): a grade not known said ``unknown``, as
    the table on a terminal says it, where its cells (a grade and its
    reason for none) are empty; CSV and JSON keep the table's schema (both
    empty)."""
    from ..output.columns import UNKNOWN

    def said(row: dict[str, Any]) -> dict[str, Any]:
        for grade, why in cells:
            if not row.get(grade) and not row.get(why):
                row = row | {grade: UNKNOWN}
        return row

    return [said(r) for r in rows]


def _sources_cell(found: Mapping[str, tuple[str, ...]]) -> str | None:
    """Where the judgments of the 43 in ``found`` (sources by force id)
    come from, counted by kind: a row's ``sources`` (``None`` for none)."""
    return _of_43(found).tally or None


def _of_43(found: Mapping[str, tuple[str, ...]]) -> Sources:
    """The kinds of source of the judgments of the 43 in ``found`` (sources
    by force id): what the national picture counts, a force of your own not."""
    from ..analysis.sources import count_sources
    from ..model.force import forces

    the_43 = {f.id for f in forces()}
    return count_sources((s for fid, s in found.items() if fid in the_43), "judgments")


def _counted(data: Dataset, cycle: Cycle, args: argparse.Namespace) -> list[InspectionReport]:
    """The reports whose judgments a table of the cycle counts: of the 43,
    of ``--pillar`` where it is given."""
    from ..model.force import territorial

    return [r for r in data.for_cycle(cycle) if territorial(r.force) and _of_pillar(r.pillar, args)]


def _of_pillar(pillar: Pillar | None, args: argparse.Namespace) -> bool:
    """Whether a judgment of ``pillar`` is one of ``--pillar`` (any, without it)."""
    return not args.pillar or (pillar is not None and pillar.value == args.pillar)


def _national_one(
    data: Dataset, cycle: Cycle, question: str | int, args: argparse.Namespace, out: TextIO
) -> int:
    from ..analysis import _standing
    from ..analysis._judgment_keys import judged_in
    from ..analysis._standing import sourced
    from ..analysis._transitions import transitions
    from ..analysis.national import grade_distribution
    from ..model.reports import report_title
    from ..output._text import wrap, wrap_names

    dist = grade_distribution(data, cycle, question, args.pillar)
    if len(dist.no_data) == dist.total:
        # As show and plot say: nothing to count is no national picture.
        # The overall grade named: the data may hold the pillar's questions.
        on = " overall" if dist.question == "overall" else f" on {_label(cycle, dist.pillar, dist.question)}"
        raise Fail(
            f"the data have no {report_title(cycle, dist.pillar)} judgments{on}, of any of the 43 forces"
        )
    previous = cycle.previous
    if args.format != "table":
        # Tidy: a row per force, with its change where there is a cycle before.
        from ..output.columns import COLUMNS
        from ..output.records import to_records

        # A cycle before, even one the data lack: each row then says why
        # its change is not comparable.
        source = dist if previous is None else transitions(data, previous, cycle, question, args.pillar)
        rows = to_records(source)
        if args.force is not None:  # its row, as the table gives its standing (of the 43 only)
            from ..analysis.national import position

            position(data, args.force, cycle, question, args.pillar)
            rows = [r for r in rows if r["force"] == args.force.id]
        if args.format == "markdown":
            cells = [("grade", "no_grade")]
            # A previous grade is unknown only of a cycle that judged the question.
            if previous is not None and judged_in(previous, question, args.pillar):
                cells.append(("previous_grade", "previous_no_grade"))
            rows = _unknown_said(rows, *cells)
        _emit(out, rows, tuple(c.name for c in COLUMNS["national"]), args)
        return EXIT_OK
    what = report_title(cycle, dist.pillar)
    known = dist.total - len(dist.no_data)
    framework = _standing.framework_given(data, cycle, dist.question, dist.pillar)
    heading = (
        f"PEEL {what}, {_label(cycle, dist.pillar, dist.question)}: {known} of the 43 forces judged in the data"
        + (
            f". {ungraded_in(cycle)}: {framework} of them are ungraded by its framework, their reports in "
            "the data saying nothing of it."
            if framework
            else ""
        )
    )
    out.write("\n".join(wrap(heading, 80)) + "\n\n")
    # Each grade's count says how many of its grades are read from wording,
    # not printed, and its forces which ("?").
    inferred = _inferred(j for _, j, _ in dist.judgments)
    read = {f.id for f, j, _ in dist.judgments if j.basis is Basis.INFERRED}
    groups = [
        *((grade.value, graded) for grade, graded in dist.forces_by_grade),
        *((reason.value, fs) for reason, fs in dist.no_grade),
        ("unknown", dist.no_data),
    ]
    for word, fs in groups:
        n = inferred[word]
        head = f"  {word:<22} {len(fs):>3}{f'  ({n} inferred)' if n else ''}"
        names = [f.short_name + "?" * (f.id in read) for f in fs]
        out.write("\n".join(wrap_names(names, 80, head + ": ", " " * 6) if names else [head]) + "\n")
    if inferred:
        said_inferred = f"?: inferred, {Basis.INFERRED.meaning}."
        out.write("\n" + "\n".join(wrap(said_inferred, 80)) + "\n")
    asked = question_or_none(cycle, dist.pillar, dist.question)
    if asked is not None and asked.asked_of is not None and dist.no_data:
        said_of = asked_of_some(cycle, [], asked.asked_of, f"the other {counted(len(dist.no_data), 'force')}")
        out.write("\n" + "\n".join(wrap(said_of, 80)) + "\n")
    said = _sources_said(data, cycle, args, _of_43(sourced(data, cycle, dist.question, dist.pillar)))
    out.write("\n" + "\n".join(wrap(said, 80)) + "\n")
    if args.force:
        from ..analysis.national import position

        p = position(data, args.force, cycle, question, args.pillar)
        out.write(
            "\n"
            + "\n".join(
                wrap(
                    f"{p.force.short_name}: {p}",
                    80,
                )
            )
            + "\n"
        )
    if previous is not None and previous in data.cycles:
        from ._changes import changes_said

        out.write(changes_said(transitions(data, previous, cycle, question, args.pillar)))
    return EXIT_OK


def _label(cycle: Cycle, pillar: Pillar | None, key: str) -> str:
    """A judgment's label, with its question's name up to 2018/19 ("Q2 investigating crime")."""
    from ..analysis import _standing
    from ..model.questions import core_question

    label = _standing.question_label(key, cycle, pillar)
    if pillar is not None and key != "overall":
        with contextlib.suppress(LookupError):
            label = f"{label} {core_question(cycle, pillar, key).name}"
    return label


def _sources_said(
    data: Dataset, cycle: Cycle, args: argparse.Namespace, sources: Sources | None = None
) -> str:
    """Where the judgments counted come from (``sources``, by default of
    every judgment of the reports counted), and how many of those reports
    are your files' (``--data``), as the table's closing lines say it."""
    from ..analysis.sources import describe_sources
    from ._said import yours_said

    counted = _counted(data, cycle, args)
    said = str(describe_sources(counted) if sources is None else sources)
    yours = yours_said(args, counted, "counted")
    return f"{said}. {yours}" if yours else said
