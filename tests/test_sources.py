"""Sources said as they are (#21): what kind of body each source is, and the
one description of a set of grades' sources that headings and charts use."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import peel_effectiveness as pe
from peel_effectiveness.analysis import SourceKind, describe_sources, source_kind, sources_of
from peel_effectiveness.analysis._standing import judged
from peel_effectiveness.cli import main

KINDS = {
    "https://hmicfrs.justiceinspectorates.gov.uk/peel-reports/kent-2023-25/": SourceKind.HMICFRS,
    "http://www.justiceinspectorates.gov.uk/hmic/peel-2016/": SourceKind.HMICFRS,
    "https://www.westyorkshire-pcc.gov.uk/news": SourceKind.COMMISSIONER,
    "https://www.merseysidepcc.info/news/": SourceKind.COMMISSIONER,
    "https://northantspfcc.org.uk/peel": SourceKind.COMMISSIONER,
    "https://www.gwent.pcc.police.uk/en/news/": SourceKind.COMMISSIONER,
    "https://www.south-wales.police.uk/news/": SourceKind.FORCE,
    "https://democracy.carmarthenshire.gov.wales/mgAi.aspx?ID=1": SourceKind.PUBLIC_BODY,
    "https://www.london.gov.uk/press-releases/1": SourceKind.PUBLIC_BODY,
    "https://sypfcopperconnection.co.uk/peel": SourceKind.OTHER,  # a staff association, not a commissioner
    "https://feeds.bbci.co.uk/news/articles/1": SourceKind.OTHER,
    "https://polfed.org/westmercia/news/": SourceKind.OTHER,
    "HMICFRS": SourceKind.HMICFRS,
    "Her Majesty's Inspectorate of Constabulary": SourceKind.HMICFRS,
    "Office of the Police and Crime Commissioner for Kent": SourceKind.COMMISSIONER,
    "Kent Police": SourceKind.FORCE,
    "peel_effectiveness, from HMIC/HMICFRS and other public sources": SourceKind.OTHER,
    "http://[not an address": SourceKind.OTHER,
    # Only a web address is its host's (it was counted as HMICFRS's).
    "javascript://hmicfrs.justiceinspectorates.gov.uk/%0aalert(1)": SourceKind.OTHER,
    "ftp://hmicfrs.justiceinspectorates.gov.uk/peel.pdf": SourceKind.OTHER,
}


@pytest.mark.parametrize(("source", "kind"), KINDS.items())
def test_a_source_is_classified_by_its_host_or_its_publisher(source: str, kind: SourceKind) -> None:
    assert source_kind(source) is kind


def test_every_bundled_judgment_is_counted_once_under_its_most_official_source() -> None:
    data = pe.load_bundled()
    described = describe_sources(data)
    judgments = [(r, j) for r in data for j in (r.judgment, *(j for _, _, j in judged(r))) if j is not None]
    assert described.total == len(judgments)
    assert [k for k, _ in described.counts] == sorted(
        (k for k, _ in described.counts), key=list(SourceKind).index
    )
    # The compiled reports are no source of their own: only Cumbria 2016, a
    # report HMIC published, stands for the grades that cite nothing else.
    unsourced = [(r.force.id, r.cycle.value) for r, j in judgments if not j.sources]
    assert set(unsourced) == {("cumbria", "2016")}
    assert all(sources_of(r, j) == (r.provenance.url,) for r, j in judgments if not j.sources)
    assert SourceKind.NONE not in dict(described.counts)


def test_your_own_grades_without_a_source_say_so(tmp_path: Path) -> None:
    mine = pe.loads("force: dorset\ncycle: 2015\ngrade: good\n")
    assert str(describe_sources(mine)) == "Source: no source given (the one judgment)"
    (tmp_path / "dorset.yaml").write_text("force: dorset\ncycle: 2015\ngrade: good\n")
    out = io.StringIO()
    args = ["--data", str(tmp_path), "--no-bundled", "show", "dorset", "--cycle", "2015"]
    assert main(args, stdout=out, stderr=io.StringIO()) == 0
    assert "Source: no source given (the one judgment)" in out.getvalue()
    assert "\n  no source given\n" in out.getvalue()
    assert str(describe_sources(())) == "Sources: none (no judgments)"
    two = pe.loads(
        "force: dorset\ncycle: 2015\ngrade: good\ngrade_sources: [https://www.dorset.police.uk/x]\n"
    )
    assert str(describe_sources(two + pe.loads("force: kent\ncycle: 2015\ngrade: good\n"))) == (
        "Sources: forces (1), no source given (1); each of the 2 judgments counted once, "
        "under its most official source"
    )


def test_a_grade_the_compiled_data_give_no_source_for_is_of_no_source() -> None:
    # The bundled grades were compiled by the library from the sources
    # given with each: a report so compiled is no source of its own, though
    # its provenance names the inspectorate whose reports they were.
    raw = pe.converter.unstructure(pe.load_bundled().report("cumbria", 2015))
    for held in (raw, *raw["assessments"]):
        del held["grade_sources"]
    report = pe.converter.structure(raw, pe.InspectionReport)
    assert report.provenance is not None
    assert report.provenance.publisher == "HMIC"
    assert report.provenance.compiled
    assert all(not a.judgment.sources for a in report.assessments)
    assert [sources_of(report, a.judgment) for a in report.assessments] == [()] * len(report.assessments)
    assert "HMIC" not in str(describe_sources([report]))
    for provenance, sources in (
        # A report of the inspectorate's own, which a user copied without an
        # address, stands for the grades it gives.
        ("{title: 'PEEL: Police effectiveness 2015', publisher: HMIC}", ("HMIC",)),
        # A title that merely mentions the library is no compilation of its
        # (its report's address was dropped from its grades' sources).
        (
            "{title: 'Kent notes, not compiled by peel_effectiveness', publisher: HMIC, url: 'https://x.org/k'}",
            ("https://x.org/k",),
        ),
    ):
        own = pe.loads(f"force: kent\ncycle: 2015\ngrade: good\nprovenance: {provenance}\n").report(
            "kent", 2015
        )
        assert own.provenance is not None
        assert not own.provenance.compiled
        assert sources_of(own, own.judgment) == sources


def test_the_markdown_scorecard_links_each_grades_sources() -> None:
    out = io.StringIO()
    assert main(["show", "kent", "--cycle", "2023-25", "--format", "markdown"], stdout=out) == 0
    text = out.getvalue()
    assert "| Question | Judgment | Change | Sources |" in text
    assert "](https://" in text
    assert "by peel_effectiveness" not in text.split("Source:")[0]


def test_the_judgments_table_names_the_sources_the_charts_count() -> None:
    # The charts say every grade's sources are in the data: a judgment with
    # none of its own is its report's (Cumbria 2016's questions), one a
    # line, so that a source holding spaces splits back whole.
    data = pe.load_bundled()
    report = data.report("cumbria", 2016)
    rows = pe.to_records(report, "judgments")
    assert [row["question"] for row in rows][:2] == ["overall", "q1_prevent"]
    assert rows[2]["sources"] == report.provenance.url  # type: ignore[union-attr]
    assert not report.assessments[1].judgment.sources  # type: ignore[union-attr]
    for r in data.reports:
        # Ungraded for every force, by the framework: its source.
        every = ([r.judgment] if r.pillar is not None else []) + [j for _, _, j in judged(r)]
        expected = {pe.analysis.sources_of(r, j) for j in every if j is not None} - {()}
        cells = {tuple(row["sources"].split("\n")) for row in pe.to_records(r, "judgments") if row["sources"]}
        assert cells == expected
    named = pe.loads(
        "force: kent\ncycle: 2016\ngrade: good\n"
        "grade_sources: ['https://example.com/a', 'HMIC press release of 2 March 2017']\n"
    )
    (row,) = [x for x in pe.to_records(named, "judgments") if x["question"] == "overall"]
    assert row["sources"].split("\n") == ["https://example.com/a", "HMIC press release of 2 March 2017"]


def test_every_figure_says_where_it_is_published_and_the_data_its_report_names() -> None:
    data = pe.load_bundled()
    rows = pe.to_records(data, "measurements") + pe.to_records(data, "outcomes")
    assert rows
    assert all(r["published_in"] for r in rows)
    url = "https://example.org/kent-2016"
    mine = pe.loads(
        f"force: kent\ncycle: 2016\nprovenance:\n  title: T\n  publisher: HMIC\n  url: {url}\n"
        "measurements:\n  - {metric: m, label: M, unit: count, value: 1}\n"
        "  - {metric: n, label: N, unit: count, value: 1, source: Home Office data}\n"
    )
    rows = pe.to_records(mine, "measurements")
    assert [(r["source"], r["published_in"]) for r in rows] == [(None, url), ("Home Office data", url)]
    ranked = pe.rank_forces(mine, "m", 2016, min_forces=1)
    assert [(f.source, f.published_in) for f in ranked.forces] == [(None, url)]


def test_a_ranked_figure_says_its_own_report_where_reports_share_the_figure() -> None:
    import attrs

    cumbria = pe.load_bundled().report("cumbria", 2016)
    forces = ["kent", "durham", "dorset", "essex", "surrey"]
    reports = [
        attrs.evolve(cumbria, force=f, provenance=attrs.evolve(cumbria.provenance, url=f"https://x/{f}"))
        for f in forces
    ]
    ranked = pe.rank_forces(pe.Dataset(reports), "staff_survey_responses", 2016)
    assert {(f.force.id, f.published_in) for f in ranked.forces} == {(f, f"https://x/{f}") for f in forces}


def test_every_judgment_of_the_seed_report_names_the_report_among_its_sources() -> None:
    # Question 1 named only a 2018/19 page, though the report prints its grade.
    report = pe.load_bundled().report("cumbria", 2016)
    assert report.provenance is not None
    for a in report.assessments:
        assert report.provenance.url in pe.analysis.sources_of(report, a.judgment), a.question


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        # HMIC's own site before 2017, and national bodies, which are
        # neither a commissioner's office nor a force ("npcc" read as a
        # commissioner's, "apccs" as a force).
        ("https://www.hmic.gov.uk/publication/cumbria-peel-2015/", "HMIC/HMICFRS"),
        ("https://www.npcc.police.uk/news/", "other public bodies"),
        ("https://www.apccs.police.uk/latest-news/", "other public bodies"),
        ("https://www.college.police.uk/app", "other public bodies"),
        ("https://www.cumbria-pcc.gov.uk/news/", "police and crime commissioners"),
        ("https://www.cumbria.police.uk/news/", "forces"),
        # A commissioner's office by the site's own name, not by a label
        # under someone else's: a developer's staging copy, or any host.
        ("https://wmpcc.formationmedia.dev/?p=1316", "news and other sources"),
        ("https://notapcc.example.com/", "news and other sources"),
        ("https://pcc.example.co.uk/", "news and other sources"),
        ("https://www.essex.pfcc.police.uk/peel", "police and crime commissioners"),
        ("https://www.dyfedpowys-pcc.org.uk/en/news/", "police and crime commissioners"),
        ("https://opcc.example.gov.uk/", "other public bodies"),
    ],
)
def test_a_source_s_kind_by_its_host(address: str, kind: str) -> None:
    assert str(pe.analysis.source_kind(address)) == kind


def test_the_sources_of_a_metric_no_report_has_are_not_found() -> None:
    data = pe.load_bundled()
    with pytest.raises(
        pe.NotFoundError, match=r"^no report given has metric 'ocg_rat' \(did you mean: ocg_rate\?\)$"
    ):
        pe.analysis.describe_sources(data, metric="ocg_rat")
    with pytest.raises(pe.NotFoundError):
        pe.analysis.describe_sources([], metric="ocg_rate")


@pytest.mark.parametrize(
    ("source", "kind"),
    [
        # The inspectorates' shared site hosts HMI Probation and HMI Prisons
        # too, and "HM Inspectorate" names them and Scotland's: all were
        # counted as HMIC/HMICFRS.
        ("https://www.justiceinspectorates.gov.uk/hmiprobation/inspections/", "other public bodies"),
        ("https://www.justiceinspectorates.gov.uk/hmiprisons/inspections/", "other public bodies"),
        ("https://www.justiceinspectorates.gov.uk/cjji/inspections/", "other public bodies"),
        ("https://www.justiceinspectorates.gov.uk/", "other public bodies"),
        ("https://hmiprisons.justiceinspectorates.gov.uk/news/", "other public bodies"),
        ("https://www.justiceinspectorates.gov.uk/hmicfrs/publications/x/", "HMIC/HMICFRS"),
        ("https://www.justiceinspectorates.gov.uk/HMIC/peel-2016/", "HMIC/HMICFRS"),
        ("https://hmicfrs.justiceinspectorates.gov.uk/news/news-feed/x/", "HMIC/HMICFRS"),
        ("HM Inspectorate of Probation", "other public bodies"),
        ("HM Inspectorate of Prisons", "other public bodies"),
        ("HMIC Scotland", "other public bodies"),
        ("HMICS", "other public bodies"),
        ("HM Inspectorate of Constabulary in Scotland", "other public bodies"),
        ("HM Inspectorate of Constabulary and Fire & Rescue Services", "HMIC/HMICFRS"),
        ("His Majesty's Inspectorate of Constabulary", "HMIC/HMICFRS"),
        ("HMIC", "HMIC/HMICFRS"),
        # Government and national policing bodies named without an address.
        ("Home Office", "other public bodies"),
        ("Office for National Statistics", "other public bodies"),
        ("College of Policing", "other public bodies"),
        ("National Police Chiefs' Council", "other public bodies"),
    ],
)
def test_another_inspectorate_or_a_public_body_is_not_counted_as_hmic(source: str, kind: str) -> None:
    assert str(pe.analysis.source_kind(source)) == kind


@pytest.mark.parametrize(
    ("source", "kind"),
    [
        # A name that only mentions a public body is not that body's: the
        # public bodies' names were searched for anywhere, before the
        # commissioners' and the forces'.
        ("Kent PCC response to Home Office figures", "police and crime commissioners"),
        ("OPCC statement on HM Inspectorate of Constabulary report", "police and crime commissioners"),
        (
            "Police and Crime Commissioner for Kent: response to the Inspectorate",
            "police and crime commissioners",
        ),
        ("Kent Police response to the Home Office", "news and other sources"),
        ("BBC News: Home Office figures", "news and other sources"),
        ("Kent Police Inspectorate", "news and other sources"),
        ("The Home Office", "other public bodies"),
        # HMICFRS's own name with a typographer's apostrophe, and its hosts.
        ("His Majesty\u2019s Inspectorate of Constabulary and Fire & Rescue Services", "HMIC/HMICFRS"),
        ("https://assets-hmicfrs.justiceinspectorates.gov.uk/uploads/peel-2021-22-kent.pdf", "HMIC/HMICFRS"),
        ("https://www.justiceinspectorates.gov.uk./hmicfrs/x", "HMIC/HMICFRS"),
        ("https://hmicfrs.justiceinspectorates.gov.uk./x", "HMIC/HMICFRS"),
        ("https://www.kent.police.uk./news", "forces"),
        ("https://www.hmics.scot/publications/", "other public bodies"),  # Scotland's inspectorate
        ("https://www.gov.scot/news/", "other public bodies"),
        # As a name is written: a leading "the", any white space.
        ("the HM Inspectorate of Constabulary", "HMIC/HMICFRS"),
        ("HM\u00a0Inspectorate of Constabulary", "HMIC/HMICFRS"),
        ("HM  Inspectorate  of Constabulary", "HMIC/HMICFRS"),
        ("The HMICFRS report", "HMIC/HMICFRS"),
        ("HMIC for Scotland", "other public bodies"),
        # The statisticians' initials in capitals, Scotland's too (HMICS), a name whole.
        ("Ons and offs", "news and other sources"),
        ("Hmics", "news and other sources"),
        ("Home Officer", "news and other sources"),
    ],
)
def test_a_source_s_kind_is_its_own_not_that_of_a_body_it_mentions(source: str, kind: str) -> None:
    assert str(pe.analysis.source_kind(source)) == kind


def test_a_grade_sourced_only_to_a_page_on_another_force_says_so() -> None:
    # The reference gives the Met's 2016 vulnerability grade with one source,
    # HMIC's revisit of Nottinghamshire: kept, and said to be unconfirmed.
    from tool_module import load

    elsewhere = load("import_grades")._elsewhere
    assert elsewhere("kent", ["https://www.bbc.co.uk/news/uk-england-kent-1"]) is None
    assert elsewhere("kent", ["https://www.bbc.co.uk/news/uk-england-essex-1"]) is not None
    flagged = set()
    for report in pe.load_bundled().reports:
        judgments = [("overall", report.judgment), *((a.question, a.judgment) for a in report.assessments)]
        for question, j in judgments:
            if j is not None and elsewhere(report.force.id, list(j.sources)):
                flagged.add((report.force.id, report.cycle.value, question))
                assert j.note.endswith(elsewhere(report.force.id, list(j.sources)))
    assert flagged == {("metropolitan", "2016", 3)}
    (met,) = [a.judgment for a in pe.load_bundled().report("metropolitan", 2016).assessments]
    assert met is not None
    assert "another force (Nottinghamshire)" in met.note


@pytest.mark.parametrize("form", ["table", "markdown"])
def test_the_scorecard_says_each_grades_note(form: str) -> None:
    out = io.StringIO()
    assert main(["show", "metropolitan", "--cycle", "2016", "--format", form], stdout=out) == 0
    said = " ".join(out.getvalue().split())
    assert "Note: its only source's address names another force (Nottinghamshire)" in said
    northants = io.StringIO()
    assert main(["show", "northamptonshire", "--cycle", "2023-25", "--format", form], stdout=northants) == 0
    assert "Note: the sources say 'not graded'" in " ".join(northants.getvalue().split())


def test_a_note_s_line_breaks_do_not_end_the_markdown_overall_paragraph(tmp_path: Path) -> None:
    # A blank line and "- " in a note made the rest of the paragraph a list.
    (tmp_path / "kent.json").write_text(
        '[{"force": "kent", "cycle": "2016", "grade": "good", "grade_note": "first\\n\\n- item\\n---"}]',
        encoding="utf-8",
    )
    out = io.StringIO()
    args = ["--data", str(tmp_path), "show", "kent", "--cycle", "2016", "--format", "markdown"]
    assert main(args, stdout=out) == 0
    (overall,) = [line for line in out.getvalue().splitlines() if line.startswith("**Overall")]
    assert " ".join(overall.split()).endswith("Sources: no source given. Note: first - item ---")


def test_a_report_of_yours_names_its_publisher_as_its_figures_source() -> None:
    # A publisher that is no inspectorate, commissioner or force was dropped:
    # rank said "no source given", the compare chart "Source: Me, Gen."
    mine = pe.loads(
        "force: kent\ncycle: 2016\nprovenance: {title: Gen, publisher: Our newsroom}\n"
        "measurements:\n  - {metric: ocg_rate, label: OCGs, unit: per_million_population, value: 10}\n"
    )
    (report,) = mine.reports
    assert sources_of(report) == ("Our newsroom",)
    (row,) = pe.to_records(report, "measurements")
    assert row["published_in"] == "Our newsroom"
    assert source_kind("Our newsroom") is SourceKind.OTHER


@pytest.mark.parametrize(
    ("publisher", "kind"),
    [
        ("Joe Bloggs blog (not a PCC)", "news and other sources"),
        ("A blog (on Kent Police)", "news and other sources"),
        ("Essex PFCC (press office)", "police and crime commissioners"),
        ("HMICFRS (as transcribed)", "HMIC/HMICFRS"),
        # Where the words outside say nothing, the aside says who it is.
        ("Matthew Scott (Kent PCC)", "police and crime commissioners"),
        ("(PCC)", "police and crime commissioners"),
    ],
)
def test_a_publisher_s_bracketed_aside_does_not_decide_its_kind(publisher: str, kind: str) -> None:
    # "Joe Bloggs blog (not a PCC)" was counted among the commissioners.
    assert str(source_kind(publisher)) == kind
