"""Charts fit to print (#10), measured on the rendered figure: every text
inside the figure and clear of every other, human labels, units and
periods, a legend for the colours, the England and Wales line, a source
line, forces left out shown as such, and no chart without something to draw."""

from __future__ import annotations

import io
import itertools
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest

import figures
import peel_effectiveness as pe
from peel_effectiveness.cli import main

pytest.importorskip("matplotlib")
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.image import imread
from matplotlib.lines import Line2D
from matplotlib.text import Text

from peel_effectiveness.output import _chart, plot


def _ranked_data(tmp_path: Path, n: int = 12, *, with_england_and_wales: bool = True) -> pe.Dataset:
    ew = ", england_and_wales: 14.5" if with_england_and_wales else ""
    figure = (
        "metric: m_rate, label: Things per head, unit: per_1000_population, "
        "period: 12 months to 30 June 2016, source: Home Office data"
    )
    return pe.load(
        figures.one_figure_each(
            tmp_path, figure, {f.id: f"{i * 3}.0{ew}" for i, f in enumerate(pe.forces()[:n])}
        )
    )


def _texts(fig: Any) -> list[tuple[str, Any]]:
    """Every visible text of the drawn figure, with its box in pixels."""
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    # matplotlib keeps the labels of ticks outside the view, undrawn.
    undrawn = set()
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            low, high = sorted(axis.get_view_interval())
            for tick in axis.get_major_ticks() + axis.get_minor_ticks():
                if not low - 1e-9 <= tick.get_loc() <= high + 1e-9:
                    undrawn |= {id(tick.label1), id(tick.label2)}
    out = []
    for t in fig.findobj(Text):
        if t.get_visible() and t.get_text().strip() and id(t) not in undrawn:
            out.append((t.get_text(), t.get_window_extent(renderer)))
    return out


def _all_text(fig: Any) -> str:
    return "\n".join(text for text, _ in _texts(fig))


def _charts() -> dict[str, Callable[[], Any]]:
    data = pe.load_bundled()
    return {
        "compare": lambda: pe.output.plot_compare(data.report("cumbria", 2016)),
        "compare-two": lambda: pe.output.plot_compare(
            data.report("cumbria", 2016), ["recorded_crime_rate", "ocg_rate"]
        ),
        "rank": lambda: pe.output.plot_rank(figures.dataset(), "recorded_crime_rate", 2016, "cumbria"),
        "grades-2016": lambda: pe.output.plot_grades(data, 2016),
        "grades-2015": lambda: pe.output.plot_grades(data, 2015),
        "grades-2018-legitimacy": lambda: pe.output.plot_grades(data, "2018/19", "legitimacy"),
        "grades-2021-22": lambda: pe.output.plot_grades(data, "2021/22"),
        "grades-2023-25": lambda: pe.output.plot_grades(data, "2023-25"),
        "history-northamptonshire": lambda: pe.output.plot_history(data, "northamptonshire"),
        "history-devon": lambda: pe.output.plot_history(data, "devon-and-cornwall"),
        "history-london": lambda: pe.output.plot_history(data, "city-of-london"),
    }


def _long_labels(report: pe.InspectionReport) -> pe.InspectionReport:
    """Three figures whose labels wrap to five lines and more (the rows were
    half an inch apart, whatever their labels: each ran into the next)."""
    long = (
        "Offences recorded with the outcome 'evidential difficulties: victim does not support action', as a "
        "share of all offences recorded in the period, excluding fraud and offences the force transferred"
    )
    m = report.measurement("no_suspect_identified_share")
    made = [
        attrs.evolve(
            m, metric=attrs.evolve(m.metric, key=f"m{i}", label=long + " elsewhere" * i), value=10.0 + i
        )
        for i in range(3)
    ]
    return attrs.evolve(report, measurements=tuple(made))


@pytest.mark.parametrize("name", list(_charts()))
def test_nothing_is_cut_off_and_no_labels_collide(name: str) -> None:
    _laid_out(_charts()[name]())


def test_figures_of_long_labels_are_laid_out_apart() -> None:
    _laid_out(pe.output.plot_compare(_long_labels(pe.load_bundled().report("cumbria", 2016))))


def _laid_out(fig: Any) -> None:
    """Nothing of the chart cut off, and no two texts over each other."""
    boxes = _texts(fig)
    page = fig.bbox
    for text, box in boxes:
        assert page.x0 - 1 <= box.x0, f"{text!r} runs off the left"
        assert box.x1 <= page.x1 + 1, f"{text!r} runs off the right"
        assert page.y0 - 1 <= box.y0, f"{text!r} runs off the bottom"
        assert box.y1 <= page.y1 + 1, f"{text!r} runs off the top"
    for (a, box_a), (b, box_b) in itertools.combinations(boxes, 2):
        overlap_x = min(box_a.x1, box_b.x1) - max(box_a.x0, box_b.x0)
        overlap_y = min(box_a.y1, box_b.y1) - max(box_a.y0, box_b.y0)
        assert overlap_x <= 1 or overlap_y <= 1, f"{a!r} and {b!r} overlap"


@pytest.mark.parametrize("name", list(_charts()))
def test_every_chart_has_a_title_a_legend_and_a_source_line(name: str) -> None:
    fig = _charts()[name]()
    words = _all_text(fig)
    assert re.search(r"^Sources?: .+", words, re.M), "no source line"
    assert "peel_effectiveness" in words  # the chart says who made it
    assert fig.legends, "no legend"
    assert all(t.get_text() for t in fig.legends[0].get_texts())
    assert fig.get_size_inches()[0] == _chart.WIDTH


def test_labels_are_words_not_keys() -> None:
    data = pe.load_bundled()
    report = data.report("cumbria", 2016)
    words = _all_text(pe.output.plot_compare(report))
    for m in report.measurements:
        assert m.key not in words.split(), m.key
    assert "Recorded crime (excluding fraud)" in words
    assert "per 1,000 population, 12 months to 30 June 2016" in words  # unit and period
    grid = _all_text(pe.output.plot_grades(data, 2016))
    assert "q4_soc" not in grid
    assert "Q4: Serious and organised crime" in grid.replace("\n", " ")
    ranked = _all_text(pe.output.plot_rank(figures.dataset(), "ocg_rate", 2016))
    assert "ocg_rate" not in ranked
    assert "Organised crime groups being disrupted" in ranked.replace("\n", " ")
    assert "per million population" in ranked.lower()
    assert "as at 1 July 2016" in ranked


def test_compare_uses_neutral_colours_with_a_legend() -> None:
    fig = pe.output.plot_compare(pe.load_bundled().report("cumbria", 2016))
    fills = {
        "#{:02x}{:02x}{:02x}".format(*(round(v * 255) for v in bar.get_facecolor()[:3]))
        for bar in fig.axes[0].patches
    }
    assert fills == {_chart.HIGHER, _chart.LOWER}
    for colour in fills:  # blues, never a red that reads as "bad"
        r, _g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
        assert b > r
    labels = [t.get_text() for t in fig.legends[0].get_texts()]
    assert labels == ["Higher than England and Wales", "Lower than England and Wales"]
    words = _all_text(fig)
    assert "51.7 against 68.2" in words  # the figures themselves, not only the ratio
    assert "Neither colour means better or worse" in words.replace("\n", " ")


def test_the_rank_chart_draws_england_and_wales_and_what_rank_leaves_out(tmp_path: Path) -> None:
    data = _ranked_data(tmp_path / "data")
    fig = pe.output.plot_rank(data, "m_rate", 2016, highlight=pe.forces()[5], exclude=[pe.forces()[2]])
    lines = [ln for ln in fig.axes[0].get_lines() if isinstance(ln, Line2D)]
    assert any(set(ln.get_xdata()) == {14.5} for ln in lines), "no England and Wales line"
    words = _all_text(fig)
    assert "England and Wales 14.5" in words
    excluded = pe.forces()[2].short_name
    assert f"{excluded} (not ranked)" in words
    assert "Not ranked (left out of the ranking)" in words
    # The chart ranks what the rank command ranks, no more and no less.
    out = io.StringIO()
    args = ["--data", str(tmp_path / "data"), "--no-bundled", "rank", "--metric", "m_rate"]
    assert main([*args, "--exclude", excluded, "--format", "json"], stdout=out, stderr=io.StringIO()) == 0
    rows = json.loads(out.getvalue())
    ticks = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert ticks == [r["short_name"] + (" (not ranked)" if r["band"] == "excluded" else "") for r in rows]


def test_a_rank_chart_says_whose_quarters_its_bands_are(tmp_path: Path) -> None:
    # It said "the bands as the reports draw them" of bands among 12 forces.
    words = " ".join(_all_text(pe.output.plot_rank(_ranked_data(tmp_path / "some"), "m_rate", 2016)).split())
    assert "the bands are the top and bottom quarter of these 12, not of the 43" in words
    assert "the data have no figure for 31 of them" in words
    every = _ranked_data(tmp_path / "every", n=43)
    words = " ".join(_all_text(pe.output.plot_rank(every, "m_rate", 2016)).split())
    assert "the bands by Annex A's rule: the top and bottom quarter of the 43" in words


def test_2016_default_exclusions_are_the_reports(tmp_path: Path) -> None:
    data = _ranked_data(tmp_path / "data", n=43)
    ocg = pe.Dataset(
        tuple(
            pe.InspectionReport(
                force=r.force,
                cycle=r.cycle,
                pillar=r.pillar,
                measurements=(
                    pe.Measurement(
                        metric=pe.MetricDefinition(
                            key="ocg_rate", label="OCGs", unit=pe.Unit.PER_MILLION_POPULATION
                        ),
                        value=r.measurements[0].value,
                    ),
                ),
            )
            for r in data
        )
    )
    ranking = pe.rank_forces(ocg, "ocg_rate", 2016)
    assert [f.force.id for f in ranking.excluded] == ["city-of-london"]
    assert "City of London (not ranked)" in _all_text(pe.output.plot_rank(ocg, "ocg_rate", 2016))


def test_a_chart_with_nothing_to_draw_is_an_error(tmp_path: Path) -> None:
    data = pe.load_bundled()
    with pytest.raises(ValueError, match="no effectiveness 2014 judgments"):
        pe.output.plot_grades(data, 2014)
    with pytest.raises(ValueError, match="the effectiveness 2016 report on Kent has no figures"):
        pe.output.plot_compare(data.report("kent", 2016))
    # A report whose figures are none of them drawn: each said why.
    for measurements, why in (
        (
            "\n- {metric: m, label: M, unit: count, value: 3}\n- {metric: c, label: C, unit: percent_change, value: 3}",
            "report on Kent has no figures but changes and counts, which are not",
        ),
        (
            " [{metric: r, label: R, unit: per_100, value: 3}]",
            "none of its figures in the effectiveness 2016 report on Kent has an",
        ),
        (
            " [{metric: c, label: C, unit: percent_change, value: 3}]",
            "report on Kent has no figures but changes, which are not drawn",
        ),
    ):
        report = pe.loads(f"force: kent\ncycle: 2016\nmeasurements:{measurements}\n").report("kent", 2016)
        with pytest.raises(ValueError, match=why):
            pe.output.plot_compare(report)
    with pytest.raises(pe.NotFoundError, match="metric 'nope'"):
        pe.output.plot_rank(data, "nope")
    err = io.StringIO()
    code = main(["plot", "grades", "--cycle", "2014", "-o", str(tmp_path / "x.png")], stderr=err)
    assert (code, len(err.getvalue().splitlines())) == (1, 1)
    assert not (tmp_path / "x.png").exists()


def test_saved_charts_are_the_size_they_are_drawn(tmp_path: Path) -> None:
    fig = pe.output.plot_grades(pe.load_bundled(), 2016)
    plot.save_chart(fig, tmp_path / "g.png")
    height, width = imread(tmp_path / "g.png").shape[:2]
    inches = fig.get_size_inches()
    assert abs(width - inches[0] * 150) <= 1
    assert abs(height - inches[1] * 150) <= 1
    plot.save_chart(fig, tmp_path / "g.svg")
    assert "<svg" in (tmp_path / "g.svg").read_text()
    # For print: a PDF at its size in points, its fonts embedded whole
    # (TrueType, whose text an editor can change), not as Type 3 outlines.
    plot.save_chart(fig, tmp_path / "g.pdf")
    pdf = (tmp_path / "g.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    assert b"/FontFile2" in pdf
    assert b"/Type3" not in pdf
    box = [float(x) for x in re.search(rb"/MediaBox \[ ?([\d. ]+)\]", pdf).group(1).split()]  # type: ignore[union-attr]
    assert abs(box[2] - inches[0] * 72) < 1
    with pytest.raises(ValueError, match=r"\.png, \.svg or \.pdf"):
        plot.save_chart(fig, tmp_path / "x.eps")


@pytest.mark.parametrize(
    ("args", "suffix"),
    [
        (["plot", "compare", "--force", "cumbria"], ".png"),
        (["plot", "rank", "--metric", "recorded_crime_rate", "--force", "cumbria"], ".svg"),
        (["plot", "grades", "--cycle", "2015"], ".pdf"),
        (["plot", "history", "--force", "kent"], ".png"),
    ],
)
def test_plot_command(tmp_path: Path, args: list[str], suffix: str) -> None:
    out = tmp_path / f"chart{suffix}"
    err = io.StringIO()
    if "rank" in args:  # figures of enough forces to rank (which replace bundled reports, saying so)
        args = ["--data", str(figures.folder(tmp_path / "figures")), *args]
    assert main([*args, "--output", str(out)], stdout=io.StringIO(), stderr=err) == 0
    assert out.stat().st_size > 5000
    assert err.getvalue().splitlines()[-1] == f"wrote {out}"


@pytest.mark.parametrize(
    "args",
    [
        ["plot", "rank"],
        ["plot", "rank", "--metric", "a", "--metric", "b"],
        ["plot", "compare"],
        ["plot", "grades", "--exclude", "kent"],
        ["plot", "grades", "--metric", "ocg_rate"],
        ["plot", "grades"],  # no --output
        ["plot", "pie"],
    ],
)
def test_bad_plot_usage_exits_2_in_one_line(args: list[str], tmp_path: Path) -> None:
    err = io.StringIO()
    output = [] if args == ["plot", "grades"] else ["--output", str(tmp_path / "x.png")]
    assert main([*args, *output], stdout=io.StringIO(), stderr=err) == 2
    assert len(err.getvalue().splitlines()) == 1


@pytest.mark.parametrize("name", ["x.gif", ".png", "x.png/", "x.SVG.txt"])
def test_the_output_must_be_png_or_svg(tmp_path: Path, name: str) -> None:
    # ".png" alone is a hidden file's name, which the chart refused later (exit 1).
    err = io.StringIO()
    assert main(["plot", "grades", "--output", str(tmp_path) + "/" + name], stderr=err) == 2
    assert "a chart is saved as .png, .svg or .pdf" in err.getvalue()
    assert not list(tmp_path.iterdir())


def test_a_clear_message_without_matplotlib(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib.figure", None)
    with pytest.raises(pe.MissingDependencyError, match=r"peel-effectiveness\[plot\]"):
        pe.output.plot_grades(pe.load_bundled(), 2016)


def test_the_documented_charts_are_current_and_shown_at_their_printed_size() -> None:
    from tool_module import ROOT as root
    from tool_module import load

    tool = load("make_docs_images")
    page = (root / "docs" / "howto" / "charts.md").read_text(encoding="utf-8")
    shown = dict(re.findall(r"\]\(\.\./images/([\w.-]+\.png)\)\{ width=\"(\d+)\" \}", page))
    assert set(shown) == set(tool.charts()), "every documented chart is drawn by the tool, and shown"
    for name, draw in tool.charts().items():
        height, width = imread(root / "docs" / "images" / name).shape[:2]
        inches = draw().get_size_inches()
        # Regenerated: the PNG is the size the chart draws today (to the pixel
        # matplotlib rounds it to).
        assert abs(width - inches[0] * tool.DPI) <= 1, name
        assert abs(height - inches[1] * tool.DPI) <= 1, name
        # Shown at its printed size: 96 CSS pixels to the inch.
        assert int(shown[name]) == round(inches[0] * 96), name


def test_a_compare_chart_keys_only_the_colours_it_draws(tmp_path: Path) -> None:
    # "Lower than England and Wales" was keyed where no bar was lower.
    data = _ranked_data(tmp_path, 12)
    report = max(data.reports, key=lambda r: r.measurements[0].value)
    assert all(m.value > (m.england_and_wales or 0) for m in report.measurements)
    fig = pe.output.plot_compare(report)
    assert [t.get_text() for t in fig.legends[0].get_texts()] == ["Higher than England and Wales"]


def test_a_figure_equal_to_england_and_wales_s_keys_no_colour() -> None:
    # It drew no bar, and "Higher than England and Wales" was keyed for it.
    report = pe.loads(
        "force: kent\ncycle: 2016\nmeasurements:\n"
        "  - {metric: a, label: A, unit: percent, value: 5, england_and_wales: 5}\n"
        "  - {metric: b, label: B, unit: percent, value: 1, england_and_wales: 2}\n"
    ).reports[0]
    fig = pe.output.plot_compare(report)
    assert [t.get_text() for t in fig.legends[0].get_texts()] == ["Lower than England and Wales"]


def test_a_compare_chart_names_no_source_a_report_does_not_give(tmp_path: Path) -> None:
    data = _ranked_data(tmp_path, 1)
    words = _all_text(pe.output.plot_compare(data.reports[0]))
    assert "Source: the data given, which name no published report." in words
    assert "HMIC PEEL" not in words


def test_a_ranking_table_says_the_period_and_source_of_its_figures(tmp_path: Path) -> None:
    rows = pe.to_records(pe.rank_forces(_ranked_data(tmp_path), "m_rate", 2016))
    assert {(r["period_start"], r["period_end"], r["source"]) for r in rows} == {
        (
            pe.Period.parse("12 months to 30 June 2016").start,
            pe.Period.parse("12 months to 30 June 2016").end,
            "Home Office data",
        )
    }


def test_a_compare_chart_says_what_it_leaves_out_and_keeps_every_digit(tmp_path: Path) -> None:
    text = (
        "force: kent\ncycle: 2016\nmeasurements:\n"
        "  - {metric: big, label: Big, unit: ratio, value: 1000000, england_and_wales: 1}\n"
        "  - {metric: tiny, label: Tiny, unit: ratio, value: 0.000001, england_and_wales: 1}\n"
        "  - {metric: alone, label: Alone, unit: ratio, value: 3}\n"
    )
    report = pe.loads(text).reports[0]
    fig = pe.output.plot_compare(report)
    words = " ".join(_all_text(fig).split())
    assert "nor 1 figure without an England and Wales figure to compare with" in words
    assert "0.000001 against 1" in words
    # Plain whole percentages on the axis: no offset ("1e8") to miss.
    assert "1e8" not in words
    assert "100,000,000" in words or "80,000,000" in words
    with pytest.raises(pe.NotFoundError, match="has no figure 'nope'"):
        pe.output.plot_compare(report, ["big", "nope"])
    cumbria = pe.load_bundled().report("cumbria", 2016)
    with pytest.raises(pe.PeelDataError, match=r"'recorded_crime_change_5y' is a change \(percent change\)"):
        pe.output.plot_compare(cumbria, ["recorded_crime_rate", "recorded_crime_change_5y"])


def test_a_rank_chart_refuses_to_highlight_a_force_without_the_figure(tmp_path: Path) -> None:
    data = _ranked_data(tmp_path, 6)
    missing = pe.forces()[-1]
    with pytest.raises(pe.NotFoundError, match=f"{missing.short_name} has no figure m_rate in 2016"):
        pe.output.plot_rank(data, "m_rate", 2016, missing)


def test_a_footer_sends_readers_to_sources_only_where_the_data_name_some(tmp_path: Path) -> None:
    # 2015: no question of its graded for no force, whose framework is a source.
    unsourced = pe.loads("".join(f"- {{force: {f.id}, cycle: 2015, grade: good}}\n" for f in pe.forces()))
    words = " ".join(_all_text(pe.output.plot_grades(unsourced, 2015)).split())
    assert "no source given (all 43 judgments)" in words
    assert "Every grade's sources are in the data" not in words
    words = " ".join(_all_text(pe.output.plot_grades(pe.load_bundled(), 2016)).split())
    assert "Every grade's sources are in the data ('export --table judgments')." in words


def test_a_history_chart_marks_how_a_grade_is_known() -> None:
    # Inferred and disputed grades do not look like stated ones, and each
    # mark used is said under the title; a mark not used is not.
    data = pe.load_bundled()
    cumbria = " ".join(_all_text(pe.output.plot_history(data, "cumbria")).split())
    assert "Good\u2020" in cumbria
    assert "Grades marked \u2020 are inferred, not stated (the data say how): " in cumbria
    assert "\u2021" not in cumbria
    devon = " ".join(_all_text(pe.output.plot_history(data, "devon-and-cornwall")).split())
    assert "Adequate\u2021" in devon
    assert (
        "Grades marked \u2021 are disputed or revised, another grade recorded too "
        "('export --table other_grades'): 1 judgment." in devon
    )


def test_a_force_left_out_far_beyond_the_ranking_runs_off_the_scale(tmp_path: Path) -> None:
    # City of London's 500 would squash the ranked 1 to 30 into a corner.
    forces = ["cumbria", "dorset", "surrey", "durham", "essex", "kent", "suffolk", "city-of-london"]
    text = "".join(
        f"- force: {f}\n  cycle: 2016\n  measurements:\n  - {{metric: ocg_rate, label: OCGs, "
        f"unit: per_million_population, value: {v}, england_and_wales: 46}}\n"
        for f, v in zip(forces, [30, 30, 30, 20, 10, 10, 1, 500], strict=True)
    )
    fig = pe.output.plot_rank(pe.loads(text), "ocg_rate", 2016)
    assert fig.axes[0].get_xlim()[1] < 100
    assert "500 \u25b8" in _all_text(fig)


def test_a_footer_says_every_grades_sources_only_where_every_grade_has_some() -> None:
    text = "".join(f"- {{force: {f.id}, cycle: 2016, grade: good}}\n" for f in pe.forces()[1:])
    text += f"- {{force: {pe.forces()[0].id}, cycle: 2016, grade: good, grade_sources: [https://www.bbc.co.uk/a]}}\n"
    words = " ".join(_all_text(pe.output.plot_grades(pe.loads(text), 2016)).split())
    assert "The sources named are in the data ('export --table judgments')." in words
    assert "Every grade's sources" not in words


def test_a_rank_footer_counts_the_figures_drawn_and_no_others(tmp_path: Path) -> None:
    # Another period's figures, and the forces' other figures, are not
    # drawn, so not counted; each figure's own source is named, not only
    # the first force's.
    forces = pe.forces()[:6]
    text = "".join(
        f"- force: {f.id}\n  cycle: 2016\n  measurements:\n"
        f"  - {{metric: m_rate, label: M, unit: per_1000_population, period: 12 months to 30 June 2016, "
        f"value: {i}, source: {'Own press release' if i == 0 else 'Home Office data'}}}\n"
        f"  - {{metric: m_rate, label: M, unit: per_1000_population, period: 12 months to 30 June 2015, value: 1}}\n"
        for i, f in enumerate(forces)
    )
    fig = pe.output.plot_rank(pe.loads(text), "m_rate", 2016, period="12 months to 30 June 2016")
    words = " ".join(_all_text(fig).split())
    assert "no source given (all 6 figures)" in words
    assert "the data, as the figures name them: Home Office data (5), Own press release (1)" in words
    # Said apart from the reports' own sources, not as a second count of them.
    mixed = text.replace(", source: Own press release", "")
    words = " ".join(
        _all_text(
            pe.output.plot_rank(pe.loads(mixed), "m_rate", 2016, period="12 months to 30 June 2016")
        ).split()
    )
    assert "the data, as the figures name them: Home Office data (5), not named (1)" in words


def test_a_rank_charts_ticks_have_no_floating_point_noise(tmp_path: Path) -> None:
    text = "".join(
        f"- force: {f.id}\n  cycle: 2016\n  measurements:\n  - {{metric: m, label: M, unit: ratio, value: {v}}}\n"
        for f, v in zip(pe.forces(), [0.1, 0.2, 0.3, 0.7, 0.6, 0.5], strict=False)
    )
    fig = pe.output.plot_rank(pe.loads(text), "m", 2016)
    fig.canvas.draw()
    ticks = [t.get_text() for t in fig.axes[0].get_xticklabels()]
    assert "0.3" in ticks
    assert all(len(t) <= 4 for t in ticks), ticks


def test_a_comparison_keeps_an_outlier_on_the_scale_and_says_why_a_figure_is_not_drawn(
    tmp_path: Path,
) -> None:
    (tmp_path / "dorset.yaml").write_text(
        "force: dorset\ncycle: 2016\nmeasurements:\n"
        "  - {metric: a, label: Outlier, unit: per_1000_population, value: 50000, england_and_wales: 0.5}\n"
        "  - {metric: b, label: Ordinary, unit: per_1000_population, value: 12, england_and_wales: 10}\n"
        "  - {metric: z, label: Zero, unit: per_1000_population, value: 4, england_and_wales: 0}\n",
        encoding="utf-8",
    )
    report = pe.load(tmp_path).report("dorset", 2016)
    fig = pe.output.plot_compare(report)
    ax = fig.axes[0]
    assert ax.get_xlim()[1] < 1000  # not stretched to the outlier's 10,000,000
    words = " ".join(_all_text(fig).split())
    assert "50,000.0 against 0.5 (10,000,000%) \u25b8" in words
    assert "nor 1 figure whose England and Wales figure is 0" in words
    with pytest.raises(pe.PeelError, match="an England and Wales figure other than 0"):
        pe.output.plot_compare(report, ["z"])


def test_a_comparison_takes_every_figure_far_beyond_the_rest_off_the_scale(tmp_path: Path) -> None:
    (tmp_path / "c.yaml").write_text(
        "force: cumbria\ncycle: 2016\nmeasurements:\n"
        "  - {metric: a, label: A, unit: per_1000_population, value: 50000, england_and_wales: 1}\n"
        "  - {metric: b, label: B, unit: per_1000_population, value: 90000, england_and_wales: 1}\n"
        "  - {metric: c, label: C, unit: per_1000_population, value: 4.5, england_and_wales: 1}\n",
        encoding="utf-8",
    )
    fig = pe.output.plot_compare(pe.load(tmp_path).report("cumbria", 2016))
    assert fig.axes[0].get_xlim()[1] < 2000
    words = " ".join(_all_text(fig).split())
    assert "(5,000,000%) \u25b8" in words
    assert "(9,000,000%) \u25b8" in words


def test_a_grid_of_grades_leaves_out_a_question_no_force_has_and_names_it() -> None:
    # 2018/19 efficiency: the data hold the overall grades only.
    fig = pe.output.plot_grades(pe.load_bundled(), "2018/19", "efficiency")
    heads = [t.get_text() for t in fig.axes[0].get_xticklabels()]
    assert heads == ["Overall"]
    words = " ".join(_all_text(fig).split())
    # Named in words: "Q1 and Q2" said nothing of questions not drawn.
    assert (
        "Left out, with no judgment in the data: Q1: Meeting demand and Q2: Planning for the future." in words
    )
    fig = pe.output.plot_grades(pe.load_bundled(), "2016")
    assert "Left out" not in " ".join(_all_text(fig).split())


def test_charts_draw_the_questions_of_a_cycle_the_registry_lists_in_part(tmp_path: Path) -> None:
    # 2025-27: the registry lists leadership alone; the data's own areas are
    # drawn as national counts them.
    mine = tmp_path / "mine.yaml"
    mine.write_text(
        "".join(
            f"- {{force: {f}, cycle: 2025-27, assessments: [{{question: investigating, grade: {g}}}]}}\n"
            for f, g in (("kent", "good"), ("essex", "adequate"))
        ),
        encoding="utf-8",
    )
    with pytest.warns(pe.PeelWarning, match="does not know the question"):
        data = pe.load(mine)
    fig = pe.output.plot_grades(data, "2025-27")
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()] == ["Investigating"]
    assert "PEEL 2025-27: Investigating, force by force" in _all_text(
        pe.output.plot_map(data, "2025-27", "investigating")
    )


ATLANTIS = (
    "- force: {id: atlantis, official_name: Atlantis Police, short_name: Atlantis, gss_code: E23000099,"
    " country: England, region: South East}\n  cycle: 2016\n  grade: good\n"
    "  assessments: [{question: 1, grade: good}, {question: 5, grade: ungraded}]\n"
)


def test_a_grid_draws_a_force_not_of_the_43_below_them_and_counts_what_it_draws() -> None:
    # A force of one's own was counted in the footer and not drawn.
    text = "".join(f"- {{force: {f.id}, cycle: 2016, grade: good}}\n" for f in pe.forces()[:5])
    fig = pe.output.plot_grades(pe.loads(text + ATLANTIS), 2016)
    names = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert names[-1] == "Atlantis"
    assert len(names) == 44
    words = " ".join(_all_text(fig).split())
    assert "PEEL 2016: effectiveness grades of the 43 forces and Atlantis" in words
    assert "Below the 43: Atlantis Police (not one of the 43 territorial forces)." in words
    drawn = [p for p in fig.axes[0].patches if p.get_facecolor()[3] and p.get_edgecolor() != (1, 1, 1, 1)]
    graded = sum(1 for p in drawn if p.get_hatch() is None)
    assert graded == 5 + 2  # five forces' overall grades, Atlantis's overall and Q1
    # And Atlantis's ungraded Q5; the five forces' by the framework, its source.
    assert "Sources: HMIC/HMICFRS (5), no source given (8); each of the 13 judgments" in words


@pytest.mark.parametrize(
    ("cycle", "pillar", "marked", "note"),
    [
        ("2016", None, ["Q5: Specialist capabilities"], "HMIC graded no force on Q5."),
        ("2018/19", "effectiveness", ["Q5: Specialist capabilities"], "HMICFRS graded no force on Q5."),
        (
            "2021/22",
            None,
            ["Meeting the strategic policing requirement", "Protecting the public from armed threats"],
            "HMICFRS graded no force on Meeting the strategic policing requirement and Protecting the "
            "public from armed threats.",
        ),
        (
            "2023-25",
            None,
            ["Providing a service to victims of crime"],
            "HMICFRS graded no force on Providing",
        ),
    ],
)
def test_a_grid_marks_a_question_its_cycle_grades_no_force_on(
    cycle: str, pillar: str | None, marked: list[str], note: str
) -> None:
    # Its cells were hatched "nothing in the data" with nothing to say why;
    # they stay as the data hold them (unknown is not "not graded").
    data = pe.load_bundled()
    fig = pe.output.plot_grades(data, cycle, pillar)
    heads = [t.get_text().replace("\n", " ") for t in fig.axes[0].get_xticklabels()]
    assert [h.removesuffix(" (ungraded)") for h in heads if h.endswith("(ungraded)")] == marked
    words = " ".join(_all_text(fig).split())
    assert f"Ungraded in {cycle}: {note}" in words
    fills = [p.get_facecolor() for p in fig.axes[0].patches]
    assert sum(1 for f in fills if f == (1, 1, 1, 1)) > 0  # unknown cells still drawn as unknown


def test_heads_and_subtitles_use_the_legend_s_word_and_the_legend_says_what_it_means() -> None:
    # 2021/22's heads said "(not graded)" over cells of the key "Ungraded",
    # and the key "Not graded" meant something else, said nowhere.
    data = pe.load_bundled()
    fig = pe.output.plot_grades(data, "2021/22")
    keys = [t.get_text() for t in fig.legends[0].get_texts()]
    assert "Ungraded: the cycle grades no force on it" in keys
    assert "Not graded: graded in the cycle, not for this force" in keys
    words = " ".join(_all_text(fig).split())
    assert "Ungraded in 2021/22: HMICFRS graded no force on" in words
    assert "not graded" not in words.replace("Not graded: graded in the cycle", "").lower()
    ax = fig.axes[0]
    heads = [t.get_text().replace("\n", " ") for t in ax.get_xticklabels()]
    ungraded = [x for x, h in enumerate(heads) if h.endswith("(ungraded)")]
    assert len(ungraded) == 2
    fill = _chart.grade_colour(pe.NoGrade.UNGRADED)
    from matplotlib.colors import to_hex

    for x in ungraded:  # each reason in these columns is the key the head names
        cells = [p for p in ax.patches if p.get_x() == x and p.get_linewidth() == 0]
        reasons = {to_hex(p.get_facecolor()) for p in cells if p.get_hatch() != _chart.NO_DATA_HATCH}
        assert reasons == {fill}
    history = [t.get_text() for t in pe.output.plot_history(data, "cumbria").legends[0].get_texts()]
    assert "Ungraded: the cycle grades no force on it" in history


def test_a_grid_of_questions_every_one_graded_marks_none() -> None:
    fig = pe.output.plot_grades(pe.load_bundled(), 2015)
    assert "(ungraded)" not in _all_text(fig)
    assert "Ungraded in" not in _all_text(fig)


def test_a_long_bold_title_is_wrapped_inside_the_chart() -> None:
    # The title was wrapped by an estimate of a regular glyph's width: the
    # bold words of a 74-character label ran off the right edge.
    label = "Organised crime group members managed under integrated offender management"
    text = "".join(
        f"- {{force: {f.id}, cycle: 2016, measurements: [{{metric: ocg_members_in_iom, label: {label}, "
        f"unit: count, value: {i % 9 + 1}}}]}}\n"
        for i, f in enumerate(pe.forces())
    )
    fig = pe.output.plot_rank(pe.loads(text), "ocg_members_in_iom", 2016)
    page = fig.bbox
    titles = [(t, box) for t, box in _texts(fig) if t.startswith("Organised crime group")]
    assert titles
    for t, box in titles:
        assert box.x1 <= page.x1 - 0.1 * fig.dpi, t  # inside the right margin


def test_a_question_the_registry_lacks_is_named_in_words_and_renames_no_row(tmp_path: Path) -> None:
    # 2025-27's areas were drawn by their keys ("use_of_resources"), the
    # subtitle ended "force management?.", and Cumbria's 2023-25 rows took
    # the keys of its 2025-27 grades.
    mine = (
        "- {force: cumbria, cycle: 2025-27, assessments: [{question: investigating, grade: good},"
        " {question: use_of_resources, grade: adequate}]}\n"
    )
    with pytest.warns(pe.PeelWarning, match="does not know the question"):
        data = pe.load_bundled().overlay(pe.loads(mine))
    fig = pe.output.plot_grades(data, "2025-27")
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()] == ["Investigating", "Use of resources"]
    words = " ".join(_all_text(fig).split())
    assert (
        "Left out, with no judgment in the data: Q1: How good is the force at leadership and force management? "
        in words
    )
    assert "?." not in words
    names = [t.get_text() for t in pe.output.plot_history(data, "cumbria").axes[0].get_yticklabels()]
    assert "Investigating crime" in names  # 2023-25's name, and 2025-27's grade in its row
    # The row of 2021/22's area of the same key, which the data hold of other forces.
    assert "Good use of resources" in names
    assert not {"investigating", "use_of_resources"} & set(names)
    title = pe.output.plot_map(data, "2025-27", "use_of_resources").texts[0]
    assert " ".join(title.get_text().split()) == "PEEL 2025-27: Use of resources, force by force"


def test_no_text_of_any_chart_is_smaller_than_7_points() -> None:
    # History cells and upright grid heads were 6 pt; hexagon labels, rank
    # figures, compare unit lines and Engage labels 6.5 pt.
    data = pe.load_bundled()
    charts = {
        **_charts(),
        "map": lambda: pe.output.plot_map(data, "2023-25", "investigating"),
        "monitoring": lambda: pe.output.plot_monitoring(data),
    }
    for name, draw in charts.items():
        fig = draw()
        fig.canvas.draw()
        small = {t.get_text() for t in fig.findobj(Text) if t.get_text().strip() and t.get_fontsize() < 7}
        assert not small, (name, sorted(small)[:5])


@pytest.mark.parametrize("name", [*_charts(), "map", "monitoring"])
def test_every_chart_s_source_line_has_the_data_version_info_gives(name: str) -> None:
    # The docs promise it; the line said only "Chart: peel_effectiveness 0.1.0".
    data = pe.load_bundled()
    more = {
        "map": lambda: pe.output.plot_map(data, "2023-25", "investigating"),
        "monitoring": lambda: pe.output.plot_monitoring(data),
    }
    fig = {**_charts(), **more}[name]()
    from peel_effectiveness.io.about import dataset_info

    version = dataset_info().data_version  # as 'peel-effectiveness info' gives it
    words = " ".join(_all_text(fig).split())
    if name == "rank":  # of the 12 reports drawn, the bundle has Cumbria's only: the others are the tests'
        said = f"data version {version}; 11 of the 12 reports drawn are not the bundled data's."
    else:
        said = f"data version {version}."
    assert f"Chart: peel_effectiveness {pe.__version__}, {said}" in words


def test_a_chart_of_data_not_bundled_does_not_give_the_bundle_s_version() -> None:
    # It did: a chart of your own files alone (--no-bundled) was credited
    # to the bundled data's version.
    data = pe.load_bundled()
    mine = attrs.evolve(data.report("cumbria", "2023-25"), summary="A report of my own.")
    credit = f"Chart: peel_effectiveness {pe.__version__}"
    from peel_effectiveness.io.about import dataset_info

    version = dataset_info().data_version
    alone = " ".join(_all_text(pe.output.plot_history(pe.Dataset((mine,)), "cumbria")).split())
    assert f"{credit}, from data not bundled with it." in alone
    assert version not in alone
    over = " ".join(_all_text(pe.output.plot_grades(data.overlay(pe.Dataset((mine,))), "2023-25")).split())
    assert f"{credit}, data version {version}; 1 of the 43 reports drawn is not the bundled data's." in over
    # A map counts a report of yours that leaves its force's hexagon blank:
    # the blank is yours, not the bundle's.
    blank = attrs.evolve(data.report("kent", "2023-25"), assessments=())
    mapped = pe.output.plot_map(data.overlay(pe.Dataset((blank,))), "2023-25", "investigating")
    assert f"{credit}, data version {version}; 1 of the 43 reports drawn is not" in " ".join(
        _all_text(mapped).split()
    )
    stays = attrs.evolve(data.stays[0], note="My own note.")
    engage = " ".join(_all_text(pe.output.plot_monitoring(pe.Dataset((), (stays,)))).split())
    assert f"{credit}, from data not bundled with it." in engage


def test_grids_and_maps_mark_grades_carried_over_from_an_earlier_cycle() -> None:
    # 2018/19's grid holds 42 judgments carried over from 2016 or 2017: each
    # is marked in its cell and said under the title, as the history chart
    # marks them; a grid with none says nothing of them.
    data = pe.load_bundled()
    carried = sum(
        1
        for r in data.for_cycle("2018/19")
        if r.pillar is pe.Pillar.EFFECTIVENESS
        for j in [r.judgment, *(a.judgment for a in r.assessments)]
        if j is not None and j.carried_over_from is not None
    )
    assert carried == 42
    grid = pe.output.plot_grades(data, "2018/19")
    marks = [t for t in grid.axes[0].texts if t.get_text() == "*"]
    assert len(marks) == carried
    words = " ".join(_all_text(grid).split())
    assert "Grades marked * are carried over from an earlier cycle: 42 judgments." in words
    assert "carried over" not in " ".join(_all_text(pe.output.plot_grades(data, "2023-25")).split())
    q1 = pe.output.plot_map(data, "2018/19", 1)
    labels = {t.get_gid(): t.get_text() for t in q1.axes[0].texts if (t.get_gid() or "").startswith("label-")}
    durham = data.report("durham", "2018/19").assessment(1).judgment
    assert durham is not None
    assert durham.carried_over_from is not None
    assert labels["label-durham"].endswith("*")
    assert sum(1 for label in labels.values() if label.endswith("*")) == 20
    said = " ".join(_all_text(q1).split())
    assert "Grades marked * are carried over from an earlier cycle: 20 judgments." in said


def test_grids_mark_inferred_and_disputed_grades_as_the_history_chart_does() -> None:
    # 2023-25's grid holds 40 grades read from wording and 2 recorded with
    # another grade: none may look like a grade HMICFRS stated. Each is
    # marked in its cell with the history chart's mark, and said under the
    # title in the same words.
    data = pe.load_bundled()
    grid = pe.output.plot_grades(data, "2023-25")
    marks = [t.get_text() for t in grid.axes[0].texts if t.get_gid() == "marks"]
    assert marks.count("\u2020") == 40
    assert marks.count("\u2021") == 2
    words = " ".join(_all_text(grid).split())
    assert "Grades marked \u2020 are inferred, not stated (the data say how): 40 judgments." in words
    assert "Grades marked \u2021 are disputed or revised, another grade recorded too" in words
    history = " ".join(_all_text(pe.output.plot_history(data, "northamptonshire")).split())
    assert "Grades marked \u2021 are disputed or revised, another grade recorded too" in history
    assert "Requires improvement\u2021" in history  # the mark after the last word, where it is looked for
    # A grade with every mark carries them all, in one order.
    own = pe.loads(
        "- force: kent\n  cycle: 2023-25\n  assessments:\n    - question: investigating\n"
        "      grade: inadequate\n      basis: inferred\n      grade_note: read from wording\n"
        "      other_grades: [{grade: requires improvement, kind: disputed}]\n"
    )
    cells = [t.get_text() for t in pe.output.plot_grades(own, "2023-25").axes[0].texts]
    assert cells == ["\u2020\u2021"]


@pytest.mark.parametrize(
    ("force", "lacking", "hatched"),
    [
        # Northamptonshire has nothing in the data for 2017: its column
        # stays, between 2016 and 2018/19. Hatched: effectiveness overall
        # and its five questions, efficiency, legitimacy.
        ("northamptonshire", "2017", 8),
        # Nor Cleveland for 2015, the data's first cycle: the column is
        # there, as its neighbours' charts have it (2015 asked four
        # questions).
        ("cleveland", "2015", 7),
    ],
)
def test_a_history_chart_keeps_every_cycle_and_draws_unknown_as_every_chart_does(
    force: str, lacking: str, hatched: int
) -> None:
    # Each judgment the cycle has is hatched as unknown (as the grids and
    # maps draw it); a judgment a cycle does not have (2017 has no area of
    # 2021/22) is blank.
    fig = pe.output.plot_history(pe.load_bundled(), force)
    ax = fig.axes[0]
    heads = [t.get_text() for t in ax.get_xticklabels()]
    assert heads == ["2015", "2016", "2017", "2018/19", "2021/22", "2023-25"]
    at = dict(zip(heads, ax.get_xticks(), strict=True))
    unknown = [p for p in ax.patches if p.get_hatch() == _chart.NO_DATA_HATCH]
    assert len([p for p in unknown if p.get_x() + 0.5 == pytest.approx(at[lacking])]) == hatched
    assert all(p.get_facecolor() == (1, 1, 1, 1) for p in unknown)
    words = " ".join(_all_text(fig).split())
    assert "Nothing in the data (unknown)" in words
    assert "Blank: not a judgment of that cycle." in words
    assert "Blank: unknown" not in words


def test_a_history_chart_draws_a_judgment_its_force_lacks_as_unknown_not_as_no_row() -> None:
    # The data hold one of Dyfed-Powys's ten 2023-25 areas, and the
    # framework a second (victim service, ungraded for every force): the
    # other eight are rows of hatched cells, not left out as if never graded. A
    # judgment the data hold of no force (2018/19's efficiency questions)
    # has no row, and is counted under the title.
    data = pe.load_bundled()
    fig = pe.output.plot_history(data, "dyfed-powys")
    ax = fig.axes[0]
    at = dict(zip([t.get_text() for t in ax.get_xticklabels()], ax.get_xticks(), strict=True))
    cells = [
        p for p in ax.patches if p.get_x() + 0.5 == pytest.approx(at["2023-25"]) and p.get_linewidth() == 0
    ]
    assert len(cells) == 10  # the areas of 2023-25
    assert sum(1 for p in cells if p.get_hatch() == _chart.NO_DATA_HATCH) == 8
    rows = [t.get_text().replace("\n", " ") for t in ax.get_yticklabels()]
    assert "Treatment of the public" in rows
    assert not any("demand" in row for row in rows)
    words = " ".join(_all_text(fig).split())
    assert (
        "Not drawn, with nothing in the data for any force: 3 judgments of 2017 and 5 judgments of 2018/19."
        in words
    )


def _figures_of(tmp_path: Path, values: list[float], unit: str, england_and_wales: float) -> Path:
    tmp_path.mkdir(exist_ok=True)
    for f, value in zip(pe.forces(), values, strict=False):
        (tmp_path / f"{f.id}-2016.yaml").write_text(
            f"force: {f.id}\ncycle: 2016\nmeasurements:\n  - metric: m\n    label: Things\n"
            f"    unit: {unit}\n    value: {value}\n    england_and_wales: {england_and_wales}\n"
        )
    return tmp_path


def test_a_compare_chart_wraps_a_long_unit_and_period_as_its_labels() -> None:
    # A base of 86 characters ran across the page on one line, and the bars
    # were pressed to nothing (matplotlib: "axes sizes collapsed to zero").
    report = pe.loads(
        "force: kent\ncycle: 2016\nmeasurements:\n  - metric: ocg_rate\n    label: Organised crime groups\n"
        "    unit: per_100\n    base: organised crime groups under active investigation by the regional"
        " organised crime unit\n    period: 1 January 2016 to 31 March 2016\n    value: 12.0\n"
        "    england_and_wales: 10.0\n"
    ).report("kent", 2016)
    fig = plot.plot_compare(report)
    (unit,) = [t.get_text() for t in fig.axes[0].get_yticklabels(minor=True)]
    assert unit.count("\n") >= 2
    assert " ".join(unit.split()).startswith("per 100 organised crime groups under active investigation")
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    assert fig.axes[0].get_window_extent().width > 0.4 * fig.bbox.width  # the bars keep their room


def test_a_rank_chart_of_counts_says_a_count_grows_with_a_force_s_size(tmp_path: Path) -> None:
    # As the rank command says it: the chart banded counts as rates.
    values = [25000.0, 16000.0, 9000.0, 4000.0, 1000.0]
    said = "A count grows with a force's size: the highest are often the largest forces"
    count = pe.load(_figures_of(tmp_path / "count", values, "count", 5000.0))
    fig = plot.plot_rank(count, "m", 2016)
    words = " ".join(_all_text(fig).split())
    assert said in words
    # Its England and Wales count, all the forces' together, is said and not
    # drawn: as a line it pressed the bars into a corner.
    assert "England and Wales's count, 5,000, is all the forces' together: not drawn." in words
    assert not [ln for ln in fig.axes[0].get_lines() if set(ln.get_xdata()) == {5000.0}]
    rate = pe.load(_figures_of(tmp_path / "rate", values, "per_1000_population", 5000.0))
    fig = plot.plot_rank(rate, "m", 2016)
    assert "grows with a force's size" not in _all_text(fig)
    assert [ln for ln in fig.axes[0].get_lines() if set(ln.get_xdata()) == {5000.0}]


def test_a_rank_chart_names_the_force_it_highlights_whole_in_its_legend(tmp_path: Path) -> None:
    # Its row's name is cut to the margin ("...Joint Con…"), and the
    # legend, with room to spare, cut it there too: nowhere was it whole.
    name = "Extraordinarily Long-Named Joint Constabulary of Somewhere"
    folder = _figures_of(tmp_path / "f", [1.0, 2.0, 3.0, 4.0, 5.0], "per_1000_population", 3.0)
    (folder / "own.yaml").write_text(
        "force: {id: long-force, official_name: The Long Force, short_name: " + name + ",\n"
        "  gss_code: W15000098, country: Wales, region: Wales}\ncycle: 2016\n"
        "measurements:\n  - {metric: m, label: Things, unit: per_1000_population, value: 2.5,"
        " england_and_wales: 3.0}\n"
    )
    fig = plot.plot_rank(pe.load(folder), "m", 2016, highlight="long-force")
    legend = [t.get_text() for t in fig.legends[0].get_texts()]
    assert " ".join(legend[0].split()) == name
    assert any(t.get_text().endswith("\u2026") for t in fig.axes[0].get_yticklabels())  # the row's, cut


def test_a_rank_chart_with_every_force_left_out_is_refused(tmp_path: Path) -> None:
    # min_forces=0 and every force excluded drew "0 forces ranked ... the top
    # and bottom quarter of these 0": a chart with nothing to draw is an error.
    data = pe.load(_figures_of(tmp_path / "all", [1.0, 2.0, 3.0], "per_1000_population", 2.0))
    with pytest.raises(pe.PeelDataError, match="no force is left to rank on m in 2016"):
        plot.plot_rank(data, "m", 2016, min_forces=0, exclude=[r.force for r in data.reports])


def test_a_rank_chart_of_figures_all_equal_is_refused_in_one_line(tmp_path: Path) -> None:
    # 43 bars of 0 on an axis made up round them (0 to 0.12) rank nothing.
    folder = _figures_of(tmp_path / "zero", [0.0] * 43, "per_1000_population", 0.0)
    with pytest.raises(pe.PeelDataError, match="has the same figure, 0: no order to draw"):
        pe.output.plot_rank(pe.load(folder), "m", 2016)
    err = io.StringIO()
    args = [
        "plot",
        "rank",
        "--metric",
        "m",
        "--data",
        str(folder),
        "--no-bundled",
        "-o",
        str(tmp_path / "r.png"),
    ]
    assert main(args, stderr=err) == 1
    assert len(err.getvalue().splitlines()) == 1
    assert not (tmp_path / "r.png").exists()
    # Figures that differ, some of them 0, are drawn.
    pe.output.plot_rank(pe.load(_figures_of(tmp_path / "some", [0.0] * 42 + [1.0], "count", 0.0)), "m", 2016)


def test_a_rank_chart_writes_a_negative_figure_beyond_its_bar_away_from_zero(tmp_path: Path) -> None:
    values = [float(8 - 3 * i) for i in range(12)]  # 8 down to -25
    fig = pe.output.plot_rank(pe.load(_figures_of(tmp_path, values, "percent_change", -12.0)), "m", 2016)
    ax = fig.axes[0]
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    box = ax.get_window_extent(renderer)
    written = {t.get_text(): t.get_window_extent(renderer) for t in ax.texts}
    for value in values:
        text = written[_chart.figure_words(value)]
        end, zero = (ax.transData.transform((x, 0))[0] for x in (value, 0))
        if value < 0:
            assert text.x1 <= end + 0.5, value  # left of the bar's end, outside it
        else:
            assert text.x0 >= end - 0.5, value
        assert box.x0 <= text.x0, value  # inside the chart
        assert text.x1 <= box.x1, value
        assert (text.x0 >= zero) == (value >= 0), value


def test_a_compare_chart_leaves_out_counts_and_names_them(tmp_path: Path) -> None:
    # A force's 1,200 against England and Wales's 122,000 is no 1% of
    # anything: a count grows with the force. Counts are left out, as
    # changes are, and named under the chart; one asked for is refused.
    report = pe.loads(
        "force: kent\ncycle: 2016\nmeasurements:\n"
        "  - {metric: crimes, label: Recorded crimes, unit: count, value: 1200, england_and_wales: 122000}\n"
        "  - {metric: rate, label: Crime rate, unit: per_1000_population, value: 60, england_and_wales: 68}\n"
    ).report("kent", 2016)
    fig = pe.output.plot_compare(report)
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["Crime rate"]
    words = " ".join(_all_text(fig).split())
    assert "1,200 against" not in words
    assert "nor Recorded crimes (counts, which grow with a force's size)" in words
    with pytest.raises(pe.PeelDataError, match="'crimes' is a count: a force's count is no share of"):
        pe.output.plot_compare(report, ["rate", "crimes"])
    # Cumbria's 33 counts (none with an England and Wales figure) are counted, not named.
    cumbria = " ".join(_all_text(pe.output.plot_compare(pe.load_bundled().report("cumbria", 2016))).split())
    assert "nor 33 counts (a count grows with a force's size), nor 4 figures without" in cumbria


def test_the_england_and_wales_line_crosses_no_figure_in_the_bands_or_out(tmp_path: Path) -> None:
    # The line at 14.5 ran through the figures written just short of it
    # (14.2 in the white, 14.0 to 13.0 on the lowest band's ground).
    values = [40.0, 35.0, 30.0, 28.0, 14.2, 25.0, 24.0, 22.0, 20.0, 14.0, 13.5, 13.0]
    data = pe.load(_figures_of(tmp_path, values, "per_1000_population", 14.5))
    for descending in (True, False):
        fig = pe.output.plot_rank(data, "m", 2016, pe.forces()[10], descending=descending)
        ax = fig.axes[0]
        canvas = FigureCanvasAgg(fig)
        canvas.draw()
        line = ax.transData.transform((14.5, 0))[0]
        for t in ax.texts:
            if t.get_text().startswith("England and Wales"):
                continue
            box = t.get_window_extent(canvas.get_renderer())
            assert not box.x0 - 1 <= line <= box.x1 + 1, t.get_text()


def test_a_rank_chart_says_why_it_draws_no_england_and_wales_line(tmp_path: Path) -> None:
    # A file of one's own gave 7.0 where the others gave 7.8: the line was
    # left out without a word.
    values = {
        f.id: f"{i}.5, england_and_wales: {7.0 if i == 0 else 7.8}" for i, f in enumerate(pe.forces()[:6])
    }
    figures.one_figure_each(tmp_path, "metric: m, label: Things, unit: percent_change", values)
    fig = pe.output.plot_rank(pe.load(tmp_path), "m", 2016)
    words = " ".join(_all_text(fig).split())
    assert "England and Wales 7" not in words
    assert (
        "No England and Wales line: the reports of the forces ranked give different figures "
        "(7.0 in 1 report and 7.8 in 5); 'export --table measurements' lists each." in words
    )
    agreed = pe.output.plot_rank(_ranked_data(tmp_path / "agreed"), "m_rate", 2016)
    assert "No England and Wales line" not in _all_text(agreed)


@pytest.mark.parametrize("cycles", [7, 8])
def test_a_history_chart_of_seven_cycles_writes_each_grade_inside_its_cell(
    cycles: int, tmp_path: Path
) -> None:
    # A 2025-27 report makes seven columns, narrower than "improvement":
    # the white words ran past both edges of their cells, onto white. With
    # 2014 too, eight: still past both edges, and the marks cut off.
    mine = (
        "- force: kent\n  cycle: 2025-27\n  assessments:\n  - {question: leadership, grade: requires improvement,"
        " basis: inferred, grade_note: read from wording, other_grades: [{grade: good, kind: disputed}]}\n"
    )
    if cycles == 8:
        mine += "- {force: essex, cycle: 2014, assessments: [{question: 1, grade: requires improvement}]}\n"
    data = pe.load_bundled().overlay(pe.loads(mine))
    fig = pe.output.plot_history(data, "kent")
    ax = fig.axes[0]
    assert len(ax.get_xticks()) == cycles
    # The row of the area 2023-25 names, not the question 2025-27's listing words.
    assert "Leadership and\nforce management" in [t.get_text() for t in ax.get_yticklabels()]
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    cell = ax.transData.transform((1, 0))[0] - ax.transData.transform((0, 0))[0]
    texts = [t for t in ax.texts if t.get_text()]
    assert any("improvement" in t.get_text() for t in texts)
    # Too narrow for "improvement" and its marks: the marks after the
    # shorter line, the words within the cell.
    assert "Requires\u2020\u2021\nimprovement" in [t.get_text() for t in texts]
    for t in texts:
        box = t.get_window_extent(canvas.get_renderer())
        middle = ax.transData.transform(t.get_position())[0]
        assert middle - cell / 2 + 1 <= box.x0, t.get_text()
        assert box.x1 <= middle + cell / 2 - 1, t.get_text()
        # Set smaller where the cells leave no room at the chart's size, to 6 points at the least.
        assert 6 <= t.get_fontsize() <= _chart.NOTE


def test_a_stay_ended_only_by_an_article_s_day_is_drawn_and_said_as_not_exact() -> None:
    # Nottinghamshire moved out on or before 22 May 2025, the day of the
    # article that reports it: its bar ended hard there, "1 year 2 months".
    import datetime as dt

    from matplotlib.dates import date2num

    fig = pe.output.plot_monitoring(pe.load_bundled())
    ax = fig.axes[0]
    words = [t.get_text() for t in ax.texts]
    # As long as its dates allow, as the command line says it (its lower
    # bound was hidden: "up to 1 year 2 months"; Kent's "up to 1 year 5
    # months" of a stay of 4 months at the least).
    assert "11 Mar 2024 \u2013 by 22 May 2025, 1 year 2 months" in words
    end = date2num(dt.date(2025, 5, 22))
    hatched = [p for p in ax.patches if p.get_hatch() and p.get_x() + p.get_width() == pytest.approx(end)]
    assert len(hatched) == 1
    per_inch = (ax.get_xlim()[1] - ax.get_xlim()[0]) / (ax.get_window_extent().width / fig.dpi)
    assert hatched[0].get_width() >= 0.05 * per_inch  # wide enough to see in print
    legend = " ".join(t.get_text() for t in fig.legends[0].get_texts())
    assert "or by that day (date known no closer)" in legend


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["plot", "compare", "cumbria", "--pillar", "efficiency"], "--pillar goes with plot compare --cycle"),
        (["plot", "compare", "cumbria", "--pillar", "leadership"], "--pillar goes with plot compare --cycle"),
        (["plot", "rank", "--metric", "ocg_rate", "--pillar", "efficiency"], "not plot rank"),
    ],
)
def test_a_chart_refuses_a_pillar_it_would_ignore(args: list[str], said: str, tmp_path: Path) -> None:
    # plot compare drew the effectiveness figures, asked for efficiency's.
    err = io.StringIO()
    assert main([*args, "--output", str(tmp_path / "x.png")], stdout=io.StringIO(), stderr=err) == 2
    assert len(err.getvalue().splitlines()) == 1
    assert said in err.getvalue()
    assert not (tmp_path / "x.png").exists()
    # With --cycle, the pillar chooses the report.
    cycle = ["plot", "compare", "cumbria", "--cycle", "2016", "--pillar", "effectiveness"]
    assert main([*cycle, "--output", str(tmp_path / "y.png")], stdout=io.StringIO(), stderr=err) == 0


def test_a_monitoring_chart_without_reports_names_no_band_of_reports() -> None:
    # Stays alone (--no-bundled): the legend and subtitle spoke of grey
    # bands of reports published, and none was drawn.
    stays = pe.Dataset(stays=(pe.model.Stay(force="kent", entered="2020-03-01", left="2021-05-01"),))
    fig = pe.output.plot_monitoring(stays)
    words = " ".join(_all_text(fig).split())
    assert "Grey bands" not in words
    assert "PEEL reports published" not in words
    with_reports = " ".join(_all_text(pe.output.plot_monitoring(pe.load_bundled())).split())
    assert "Grey bands: when each PEEL cycle's reports in the data were published." in with_reports
    assert "PEEL reports published" in with_reports


def test_the_monitoring_title_s_quotes_are_all_curly() -> None:
    # "the press's \u2018special measures\u2019" mixed a straight apostrophe with curly quotes.
    title = pe.output.plot_monitoring(pe.load_bundled()).texts[0].get_text()
    assert "\u2018special measures\u2019" in title
    assert "'" not in title
    assert "press\u2019s" in " ".join(title.split())


def test_a_highlighted_force_left_out_of_the_ranking_has_no_key_of_the_highlight(tmp_path: Path) -> None:
    # Cumbria, highlighted and excluded, is drawn only as a hatched "not
    # ranked" bar: its dark-blue key matched nothing on the chart.
    data = _ranked_data(tmp_path)
    fig = pe.output.plot_rank(data, "m_rate", 2016, "cumbria", exclude=["cumbria"])
    keys = [t.get_text() for t in fig.legends[0].get_texts()]
    assert "Cumbria" not in keys
    assert "Not ranked (left out of the ranking)" in keys
    assert "Cumbria (not ranked)" in _all_text(fig)
    shown = pe.output.plot_rank(data, "m_rate", 2016, "cumbria")
    assert "Cumbria" in [t.get_text() for t in shown.legends[0].get_texts()]


def test_a_rank_chart_of_a_change_names_its_baseline(tmp_path: Path) -> None:
    # "Percent change, 12 months to 30 June 2016" did not say from when.
    figure = (
        "metric: m, label: Change, unit: percent_change, "
        "period: 12 months to 30 June 2016, baseline: 12 months to 30 June 2015"
    )
    figures.one_figure_each(tmp_path, figure, {f.id: f"{i}.5" for i, f in enumerate(pe.forces()[:6])})
    words = " ".join(_all_text(pe.output.plot_rank(pe.load(tmp_path), "m", 2016)).split())
    assert "Percent change, 12 months to 30 June 2016, against 12 months to 30 June 2015, PEEL 2016" in words


def test_a_negative_figure_is_drawn_with_a_minus_sign_not_a_hyphen(tmp_path: Path) -> None:
    # The ticks (-15, -10) and the figures (-0.3 ... -14.2) had a hyphen,
    # short and easy to miss in print; an SVG held no minus sign at all.
    values = [float(8 - 3 * i) for i in range(12)]  # 8 down to -25
    fig = pe.output.plot_rank(pe.load(_figures_of(tmp_path, values, "percent_change", -12.0)), "m", 2016)
    ax = fig.axes[0]
    FigureCanvasAgg(fig).draw()
    figures = [t.get_text() for t in ax.texts]
    ticks = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
    assert "\u221225" in figures
    assert "England and Wales \u221212" in figures
    assert any(t.startswith("\u2212") for t in ticks)
    assert not any("-" in t for t in figures + ticks)
    plot.save_chart(fig, tmp_path / "r.svg")
    assert "\u221225" in (tmp_path / "r.svg").read_text(encoding="utf-8")


def test_a_grid_of_a_cycle_without_an_overall_grade_does_not_call_it_missing(tmp_path: Path) -> None:
    # 2014's effectiveness had no overall grade: the grid said "Left out,
    # with no judgment in the data: Overall", and the map blamed the data.
    mine = tmp_path / "mine.yaml"
    mine.write_text(
        "- {force: kent, cycle: 2014, assessments: [{question: 1, grade: good}]}\n"
        "- {force: essex, cycle: 2014, assessments: [{question: 1, grade: requires improvement}]}\n",
        encoding="utf-8",
    )
    data = pe.load(mine)
    fig = pe.output.plot_grades(data, 2014)
    words = " ".join(_all_text(fig).split())
    assert "Overall" not in words
    assert "effectiveness grades: by core question" in words
    # Q4 to Q6 were graded for no force: they are not missing data.
    assert (
        "Left out, with no judgment in the data: Q2: Investigating offending and Q3: Anti-social behaviour. "
        "Ungraded in 2014: HMIC graded no force on Q4, Q5 and Q6." in words
    )
    history = " ".join(_all_text(pe.output.plot_history(data, "kent")).split())
    # Q2 and Q3, and efficiency's overall grade: not the three graded for no force.
    assert "Not drawn, with nothing in the data for any force: 3 judgments of 2014." in history
    with pytest.raises(
        pe.NotFoundError, match=r"2014 effectiveness has no overall grade: name a core question"
    ):
        pe.output.plot_map(data, 2014)
    err = io.StringIO()
    args = [
        "--data",
        str(mine),
        "--no-bundled",
        "plot",
        "map",
        "--cycle",
        "2014",
        "-o",
        str(tmp_path / "m.png"),
    ]
    assert main(args, stdout=io.StringIO(), stderr=err) == 2
    assert (
        "plot map needs --question: 2014 effectiveness has no overall grade: name a core question (1, 2, 3)"
        in err.getvalue()
    )


def test_a_chart_s_figure_has_a_minus_sign_only_where_it_is_below_zero() -> None:
    # No figure ("-") was drawn as a minus sign, and -0.0 as a minus sign and 0.
    from peel_effectiveness.output._chart import figure_words

    assert [figure_words(v) for v in (None, -0.0, 0, -3.2, 1200)] == ["-", "0", "0", "\u22123.2", "1,200"]


def test_a_history_keys_the_grades_of_its_cycles_scales_only() -> None:
    # A force's 2016 alone keyed "Adequate", a grade of no scale drawn.
    data = pe.loads("force: kent\ncycle: 2016\ngrade: good\n")
    keys = [t.get_text() for t in pe.output.plot_history(data, "kent").legends[0].get_texts()]
    assert "Adequate" not in keys
    assert "Good" in keys
    later = [t.get_text() for t in pe.output.plot_history(pe.load_bundled(), "kent").legends[0].get_texts()]
    assert "Adequate" in later


def test_a_grid_keys_nothing_in_the_data_only_where_it_draws_it() -> None:
    questions = [q.number for q in pe.model.core_questions(pe.Cycle("2015"), pe.Pillar.EFFECTIVENESS)]
    graded = ", ".join(f"{{question: {n}, grade: good}}" for n in questions)
    every = pe.loads(
        "".join(
            f"- {{force: {f.id}, cycle: 2015, grade: good, assessments: [{graded}]}}\n" for f in pe.forces()
        )
    )
    keys = [t.get_text() for t in pe.output.plot_grades(every, "2015").legends[0].get_texts()]
    assert "Nothing in the data (unknown)" not in keys
    some = pe.Dataset(every.reports[1:])
    keys = [t.get_text() for t in pe.output.plot_grades(some, "2015").legends[0].get_texts()]
    assert "Nothing in the data (unknown)" in keys


def test_a_grid_s_title_counts_more_than_two_forces_of_your_own() -> None:
    # Six forces of your own ran the title to five bold lines.
    own = [
        f"- force: {{id: zz-{'abc'[i]}, official_name: Zed {i} Police, short_name: Zed {i}, gss_code: E2399999{i}, "
        f"country: England, region: North West}}\n  cycle: 2016\n  grade: good\n"
        for i in range(3)
    ]
    data = pe.Dataset([*pe.load_bundled().for_cycle("2016"), *pe.loads("".join(own)).reports])
    title = pe.output.plot_grades(data, "2016").texts[0].get_text()
    assert (
        " ".join(title.split()) == "PEEL 2016: effectiveness grades of the 43 forces and 3 forces of your own"
    )
    two = pe.Dataset([*pe.load_bundled().for_cycle("2016"), *pe.loads("".join(own[:2])).reports])
    assert "and Zed 0 and Zed 1" in " ".join(pe.output.plot_grades(two, "2016").texts[0].get_text().split())


def _without_matplotlib(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ["matplotlib", *(m for m in sys.modules if m.startswith("matplotlib."))]:
        monkeypatch.setitem(sys.modules, name, None)


@pytest.mark.parametrize("name", pe.output.plot.__all__)
def test_every_chart_function_names_the_extra_without_matplotlib(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = pe.load_bundled()
    args = {
        "plot_compare": (data.report("cumbria", 2016),),
        "plot_rank": (data, "recorded_crime_rate", 2016),
        "plot_grades": (data, 2016),
        "plot_map": (data, "2023-25", "investigating"),
        "plot_monitoring": (data,),
        "plot_history": (data, "cumbria"),  # measures its text before it draws
        "save_chart": (None, "chart.png"),
    }[name]
    _without_matplotlib(monkeypatch)
    with pytest.raises(pe.MissingDependencyError, match=r"pip install 'peel-effectiveness\[plot\]'"):
        getattr(pe.output.plot, name)(*args)


def test_the_command_line_names_the_extra_without_matplotlib(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _without_matplotlib(monkeypatch)
    err = io.StringIO()
    assert main(["plot", "history", "--force", "cumbria", "-o", str(tmp_path / "h.png")], stderr=err) == 1
    assert err.getvalue() == (
        "peel-effectiveness: charts need matplotlib, which is not installed: "
        "pip install 'peel-effectiveness[plot]'\n"
    )


def test_a_compare_chart_carries_each_figures_note() -> None:
    # A graphics desk needs the caveats show prints: each noted figure
    # marked, and its note in the footer.
    report = pe.load_bundled().report("cumbria", 2016)
    fig = pe.output.plot_compare(report)
    words = " ".join(_all_text(fig).split())
    drawn = [m for m in report.measurements if m.unit.comparable and m.england_and_wales]
    noted = [m for m in drawn if m.note]
    assert len(noted) == 6
    for mark, m in zip("\u00b9\u00b2\u00b3\u2074\u2075\u2076", noted, strict=True):
        assert f"{mark} {' '.join(m.note.split())}" in words
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert sum(1 for t in labels if t.rstrip()[-1] in "\u00b9\u00b2\u00b3\u2074\u2075\u2076") == len(noted)


def test_a_compare_chart_says_each_note_once_on_one_line_and_cut_to_fit() -> None:
    import attrs

    report = pe.load_bundled().report("cumbria", 2016)
    drawn = [m for m in report.measurements if m.unit.comparable and m.england_and_wales]
    notes = ["Same\nnote", "Same note", "  ", "x" * 1000]
    figures = [attrs.evolve(m, note=n) for m, n in zip(drawn, notes, strict=False)]
    fig = pe.output.plot_compare(attrs.evolve(report, measurements=tuple(figures)))
    words = " ".join(_all_text(fig).split())
    assert words.count("Same note") == 1  # said once, for both figures
    assert "\u00b9 Same note. \u00b2 " in words  # a sentence; the blank note has no mark
    assert "\u2026 (in full: 'show')" in words
    assert "x" * 400 not in words
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert [t.rstrip()[-1] for t in labels[:4]] == ["\u00b9", "\u00b9", labels[2].rstrip()[-1], "\u00b2"]
    assert labels[2].rstrip()[-1] not in "\u00b9\u00b2"


def test_a_rank_chart_s_legend_says_where_ties_widen_a_band(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    values = [90, 80, 70, 60, 40, 10, 10, 10]
    figure = "metric: m, label: Things, unit: count, period: 12 months to 30 June 2016"
    data = pe.load(
        figures.one_figure_each(
            tmp_path, figure, dict(zip([f.id for f in pe.forces()][:8], values, strict=True))
        )
    )
    words = _all_text(pe.output.plot_rank(data, "m", 2016))
    assert "One of the lowest (bottom 25 percent, and those tied)" in words
    assert "One of the highest (top 25 percent)" in words
    assert "3 of these 8 are in the bottom one" in " ".join(words.split())


def test_a_grade_grid_says_why_a_question_asked_of_some_forces_is_unknown_for_the_others() -> None:
    # 35 forces' strategic policing requirement and armed threats were drawn
    # "nothing in the data (unknown)", with no word that 2021/22 asked them
    # of the first 8 forces only; coverage and national say it.
    pytest.importorskip("matplotlib")
    words = " ".join(_all_text(pe.output.plot_grades(pe.load_bundled(), "2021/22")).split())
    assert (
        "2021/22 asked Meeting the strategic policing requirement and Protecting the public from armed "
        "threats under its first framework only" in words
    )
    assert "for the other forces (unknown)" in words


def test_inferred_is_a_grades_mark_not_one_of_a_reason_the_framework_gives() -> None:
    # 2016's question 5, ungraded for every force by its framework, is
    # inferred (no 2016 page prints it): the chart marked each of its 42
    # cells and counted 43 "inferred" grades, of which one is a grade.
    fig = pe.output.plot_grades(pe.load_bundled(), 2016)
    words = " ".join(_all_text(fig).split())
    assert "Grades marked \u2020 are inferred, not stated (the data say how): 1 judgment." in words
    marked = [t for t in fig.axes[0].texts if t.get_gid() == "marks"]
    assert [t.get_text() for t in marked] == ["\u2020"]


def test_a_chart_says_how_many_of_its_grades_are_from_the_inspectorates_own_pages() -> None:
    # Titled "PEEL 2023-25", a map of grades 32 of whose 37 rest on news
    # reports read as HMICFRS's word: the footer alone said so.
    from peel_effectiveness.analysis.sources import count_sources
    from peel_effectiveness.output._chart_words import official_said

    data = pe.load_bundled()
    words = " ".join(_all_text(pe.output.plot_map(data, "2023-25", "investigating")).split())
    assert (
        "1 of the 37 judgments drawn is from HMIC/HMICFRS's own pages; the others, from the sources below."
        in words
    )
    words = " ".join(_all_text(pe.output.plot_grades(data, 2016)).split())
    assert "134 of the 146 judgments drawn are from HMIC/HMICFRS's own pages" in words
    hmic = "https://www.justiceinspectorates.gov.uk/hmic/x"
    assert official_said(count_sources([(hmic,), (hmic,)], "judgments")) == ""
    bbc = "https://www.bbc.co.uk/news/1"
    assert official_said(count_sources([(bbc,)], "judgments")) == (
        " The judgment drawn is not from HMIC/HMICFRS's own pages, but from the source below."
    )
    assert official_said(count_sources([(bbc,), (bbc,)], "judgments")) == (
        " None of the 2 judgments drawn is from HMIC/HMICFRS's own pages: all are from the sources below."
    )
    # One with no source is not said to be from "the sources below".
    assert official_said(count_sources([(bbc,), ()], "judgments")) == (
        " None of the 2 judgments drawn is from HMIC/HMICFRS's own pages: 1 is from the sources below,"
        " and 1 names no source."
    )
    assert official_said(count_sources([(hmic,), (bbc,), ()], "judgments")) == (
        " 1 of the 3 judgments drawn is from HMIC/HMICFRS's own pages; of the others, 1 is from the"
        " sources below, and 1 names no source."
    )
    assert official_said(count_sources([(hmic,), ()], "judgments")) == (
        " 1 of the 2 judgments drawn is from HMIC/HMICFRS's own pages; the other names no source."
    )
    assert official_said(count_sources([(hmic,), (bbc,)], "judgments")) == (
        " 1 of the 2 judgments drawn is from HMIC/HMICFRS's own pages; the other, from the sources below."
    )
    # With no source at all, no "source below" to point to: the footer says "no source given".
    assert official_said(count_sources([()], "judgments")) == " The judgment drawn names no source."
    assert (
        official_said(count_sources([(), ()], "judgments"))
        == " None of the 2 judgments drawn names a source."
    )


def test_a_grid_names_the_forces_whose_report_the_data_lack() -> None:
    # Their every cell is hatched unknown, an ungraded question's too, under
    # a subtitle saying HMICFRS graded no force on it: said why.
    fig = pe.output.plot_grades(pe.load_bundled(), 2017)
    subtitle = " ".join(fig.texts[1].get_text().split())
    assert (
        "The data hold no effectiveness 2017 report on Derbyshire, Gwent, Norfolk and Northamptonshire: "
        "each of their cells is unknown." in subtitle
    )
    assert "report of" not in " ".join(
        pe.output.plot_grades(pe.load_bundled(), 2016).texts[1].get_text().split()
    )


_HOSTILE_RC = {
    "text.color": "white",
    "font.weight": "bold",
    "axes.facecolor": "yellow",
    "axes.edgecolor": "yellow",
    "text.usetex": True,  # without TeX installed, drawing raised RuntimeError
}


def test_a_user_s_own_matplotlib_settings_do_not_reach_the_charts(tmp_path: Path) -> None:
    # A matplotlibrc's white text hid the legend, its bold type ran past
    # the widths measured (the source line was cut), and its TeX failed.
    import matplotlib

    data = pe.load_bundled()
    with matplotlib.rc_context(_HOSTILE_RC):
        drawn = [
            plot.plot_history(data, "cumbria"),
            plot.plot_grades(data, "2023-25"),
            plot.plot_compare(data.report("cumbria", 2016)),
        ]
        for i, fig in enumerate(drawn):
            plot.save_chart(fig, tmp_path / f"{i}.png")
        assert matplotlib.rcParams["text.color"] == "white"  # the user's, kept outside the charts
    for fig in drawn:
        keys = [t for legend in fig.findobj(matplotlib.legend.Legend) for t in legend.get_texts()]
        assert keys
        assert not [t.get_text() for t in keys if t.get_color() == "white"]
        # (The title is bold, and so are the marks of inferred grades.)
        assert not [t.get_text() for t in [*keys, *fig.texts[1:]] if t.get_fontweight() == "bold"]
        assert all(matplotlib.colors.to_hex(ax.get_facecolor()) != "#ffff00" for ax in fig.axes)
        edges = [side.get_edgecolor() for ax in fig.axes for side in ax.spines.values()]
        assert all(matplotlib.colors.to_hex(edge) != "#ffff00" for edge in edges)


def test_a_compare_bar_off_the_scale_is_broken_and_the_axis_ends_where_it_is_cut() -> None:
    # The bar stopped at 400 on an axis that ran on to 500: it read as 400%.
    text = (
        "force: gwent\ncycle: 2016\nmeasurements:\n"
        "- {metric: cbo_rate, label: Orders, unit: per_million_population, value: 650, england_and_wales: 25.9}\n"
        "- {metric: ocg_rate, label: OCGs, unit: per_million_population, value: 80, england_and_wales: 46}\n"
    )
    fig = pe.output.plot_compare(pe.loads(text).reports[0])
    ax = fig.axes[0]
    cut = max(p.get_x() + p.get_width() for p in ax.patches)
    assert cut == 400
    assert max(ax.get_xticks()) <= cut
    breaks = [line for line in ax.get_lines() if line.get_color() == "white"]
    assert len(breaks) == 2
    assert all(cut - 0.1 * ax.get_xlim()[1] < min(line.get_xdata()) < cut for line in breaks)
    words = " ".join(_all_text(fig).split())
    assert "(2,510%) \u25b8" in words
    assert "A broken bar runs on past the scale: its percentage is written beside it." in words
    normal = pe.output.plot_compare(pe.load_bundled().report("cumbria", 2016))
    assert "broken bar" not in _all_text(normal)
    assert not [line for line in normal.axes[0].get_lines() if line.get_color() == "white"]


@pytest.mark.parametrize("value", [123456.789, 4_000_000.0])
def test_a_compare_chart_marks_the_line_at_100_on_its_axis(value: float) -> None:
    # The ticks of a scale cut short for a broken bar (0, 150, 300) skipped
    # 100, the line every bar is read against, which the subtitle names.
    text = (
        "force: gwent\ncycle: 2016\nmeasurements:\n"
        f"- {{metric: big, label: Big, unit: per_million_population, value: {value}, england_and_wales: 25.9}}\n"
        "- {metric: ocg_rate, label: OCGs, unit: per_million_population, value: 20, england_and_wales: 46}\n"
    )
    ax = pe.output.plot_compare(pe.loads(text).reports[0]).axes[0]
    ticks = list(ax.get_xticks())
    assert 100 in ticks
    assert all(t == 100 or abs(t - 100) >= 0.1 * max(ticks) for t in ticks)  # none to crowd its label
    assert "100" in [t.get_text() for t in ax.get_xticklabels()]


def test_plot_leaves_matplotlib_s_logger_as_it_found_it(tmp_path: Path) -> None:
    # It set the level for good, for a program that runs the command line in
    # its own process.
    import logging

    logger = logging.getLogger("matplotlib")
    before = logger.level
    logger.setLevel(logging.INFO)
    try:
        assert main(["-q", "plot", "history", "cumbria", "-o", str(tmp_path / "h.png")]) == 0
        assert logger.level == logging.INFO
    finally:
        logger.setLevel(before)


def test_a_history_chart_says_why_a_question_asked_of_some_forces_only_is_unknown() -> None:
    # Hatched unknown with no word of it, where the grid of the cycle says it.
    words = " ".join(_all_text(pe.output.plot_history(pe.load_bundled(), "cleveland")).split())
    assert (
        "2021/22 asked Meeting the strategic policing requirement and Protecting the public from armed threats "
        "under its first framework only"
    ) in words
    assert "the data hold no judgment of them for Cleveland (unknown)." in words


def test_a_figure_too_long_to_write_beside_its_bar_is_refused() -> None:
    # -1e-300 written in full is three hundred places: the chart was left
    # no width, and matplotlib's ValueError came out of plot_rank.
    values = {"kent": "1.0e+299", "essex": "-1.0e-300", "durham": "1.0", "dorset": "2.0", "surrey": "3.0"}
    text = "".join(
        f"- force: {force}\n  cycle: 2016\n  measurements:\n  - {{metric: x, label: X, unit: percent_change, "
        f"period: 12 months to 30 June 2016, baseline: 12 months to 30 June 2015, value: {value}}}\n"
        for force, value in values.items()
    )
    with pytest.raises(
        pe.PeelDataError, match="a figure or a label is too long to write beside the bars"
    ) as e:
        plot.plot_rank(pe.loads(text), "x", 2016)
    assert str(e.value).startswith(  # which one, to look for in the data
        "a figure or a label is too long to write beside the bars (it leaves the chart no width): '100,000,000,"
    )
    # A label of one word too long to wrap: the chart was drawn collapsed.
    report = pe.load_bundled().report("cumbria", 2016)
    m = report.measurement("recorded_crime_rate")
    long = attrs.evolve(m, metric=attrs.evolve(m.metric, label="https://example.org/" + "a" * 250))
    with pytest.raises(
        pe.PeelDataError, match="a figure or a label is too long to write beside the bars"
    ) as e:
        plot.plot_compare(attrs.evolve(report, measurements=(long,)))
    assert "(it leaves the chart no width): 'https://example.org/aaaa" in str(e.value)
    # The figure that does not fit, not a long label that wraps.
    words = attrs.evolve(m.metric, label=" ".join(["words"] * 30))
    big = attrs.evolve(m, metric=words, value=1e30, england_and_wales=1e30)
    with pytest.raises(pe.PeelDataError, match="a figure or a label is too long") as e:
        plot.plot_compare(attrs.evolve(report, measurements=(big,)))
    assert "(it leaves the chart no width): '1,000,000," in str(e.value)


@pytest.mark.parametrize(("first", "line"), [(-6, True), (0, False)])
def test_a_rank_chart_of_figures_either_side_of_0_draws_its_baseline(
    first: int, line: bool, tmp_path: Path
) -> None:
    # Changes from -6 to 27 and England and Wales at 0.3: its dashed line
    # sat on 0, and bars of 0.4 and -0.2 looked as if they began at it.
    figure = "metric: m_change, label: Change, unit: percent_change, period: 12 months to 30 June 2016"
    values = {f.id: f"{first + i * 3}.0, england_and_wales: 0.3" for i, f in enumerate(pe.forces()[:12])}
    fig = pe.output.plot_rank(pe.load(figures.one_figure_each(tmp_path, figure, values)), "m_change", 2016)
    ax = fig.axes[0]
    solid = [ln for ln in ax.get_lines() if ln.get_linestyle() == "-" and list(ln.get_xdata()) == [0, 0]]
    assert len(solid) == int(line)


def test_a_ranking_chart_says_where_the_reports_label_the_metric_in_more_than_one_way() -> None:
    base = pe.load_bundled().report("cumbria", "2016").measurement("recorded_crime_rate")
    reports = [
        pe.InspectionReport(
            force=name,
            cycle=2016,
            measurements=(
                attrs.evolve(
                    base,
                    metric=attrs.evolve(base.metric, label="Crime" if name == "kent" else base.metric.label),
                    value=10.0 + i,
                ),
            ),
        )
        for i, name in enumerate(["kent", "durham", "essex", "surrey", "dorset"])
    ]
    fig = pe.output.plot_rank(pe.Dataset(reports), "recorded_crime_rate")
    assert "The reports label recorded_crime_rate in 2 ways" in " ".join(_all_text(fig).split())
