"""Charts looked at as a graphics desk would (#13), measured on the drawn
figure with matplotlib's own renderer: column heads that never touch, and
rankings whose England and Wales line is always in view."""

from __future__ import annotations

import io
import itertools
import json
import re
from pathlib import Path
from typing import Any

import pytest

import figures
import peel_effectiveness as pe
from peel_effectiveness.cli import main

pytest.importorskip("matplotlib")
from matplotlib.backends.backend_agg import FigureCanvasAgg

GRIDS = [
    ("2015", None),
    ("2016", None),
    ("2017", None),
    ("2018/19", None),
    ("2018/19", "efficiency"),
    ("2018/19", "legitimacy"),
    ("2021/22", None),
    ("2023-25", None),
]


def _drawn(fig: Any) -> Any:
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    return canvas.get_renderer()


# Fourteen areas of a cycle the registry lists in part, in many words:
# upright heads in as many lines as a narrow column holds side by side.
_LONG_AREAS = [
    "Preventing and deterring crime and antisocial behaviour and reducing vulnerability",
    "Responding to the public and managing calls for service effectively",
    "Investigating crime and bringing offenders to justice swiftly",
    "Protecting vulnerable people from harm and exploitation online",
    "Managing offenders and suspects in the community safely",
    "Building, supporting and protecting a positive workforce culture",
    "Leadership and force management including strategic planning",
    "Treatment of the public and fair use of police powers",
    "Tackling serious and organised crime across the region",
    "Meeting the strategic policing requirement and national threats",
    "Good use of resources and value for money for the taxpayer",
    "Engaging with communities and building public trust",
    "Counter corruption, vetting and professional standards",
    "Digital forensics, intelligence and technology capability",
]


# Thirty of 190 characters: heads no taller than their most, cut short.
_LONGER_AREAS = [
    f"Area {n} preventing and deterring crime and antisocial behaviour and reducing vulnerability in every "
    "neighbourhood of the county, with partners, schools and health services, by day and by night"
    for n in range(30)
]


def _long_areas(tmp_path: Path, areas: list[str]) -> pe.Dataset:
    assessments = "".join(
        f"- {{question: {json.dumps(a)}, grade: good, grade_sources: [x]}}\n" for a in areas
    )
    path = tmp_path / "kent.yaml"
    path.write_text(f"force: kent\ncycle: 2025-27\nassessments:\n{assessments}", encoding="utf-8")
    with pytest.warns(pe.PeelWarning, match="the registry does not know"):
        return pe.load(path)


@pytest.mark.parametrize(
    ("cycle", "pillar"), [*GRIDS, ("2025-27 of 14 long areas", None), ("2025-27 of 30 longer areas", None)]
)
def test_column_heads_never_touch(cycle: str, pillar: str | None, tmp_path: Path) -> None:
    if cycle.endswith("areas"):
        areas = _LONG_AREAS if "14" in cycle else _LONGER_AREAS
        fig = pe.output.plot_grades(_long_areas(tmp_path, areas), "2025-27")
    else:
        fig = pe.output.plot_grades(pe.load_bundled(), cycle, pillar)
    renderer = _drawn(fig)
    heads = [t for t in fig.axes[0].get_xticklabels() if t.get_text()]
    assert heads  # (a question no force has a judgment of is left out: 2018/19 efficiency has one)
    boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in heads]
    points = 72 / fig.dpi
    for (a, box_a), (b, box_b) in itertools.combinations(boxes, 2):
        apart_x = max(box_a.x0, box_b.x0) - min(box_a.x1, box_b.x1)
        apart_y = max(box_a.y0, box_b.y0) - min(box_a.y1, box_b.y1)
        # At least 3 points of white between any two heads.
        assert max(apart_x, apart_y) * points >= 3, (a, b, apart_x * points)
    page = fig.bbox
    for text, box in boxes:
        assert page.x0 <= box.x0, text
        assert box.x1 <= page.x1, text
        assert box.y1 <= page.y1, text
    # No head taller than its most (the grid's rows need the page), a head
    # that would be cut short with an ellipsis.
    for text, box in boxes:
        assert box.height / fig.dpi <= 2.7, text
    if cycle.endswith("longer areas"):
        assert all(text.endswith("\u2026") for text, _ in boxes)
    # Each head stays over its own column.
    axes = fig.axes[0].get_window_extent(renderer)
    width = axes.width / len(heads)
    for i, (text, box) in enumerate(boxes):
        middle = (box.x0 + box.x1) / 2
        assert abs(middle - (axes.x0 + (i + 0.5) * width)) <= 1, text


@pytest.mark.parametrize("data", ["bundled", "few columns"])
def test_a_grid_leaves_no_blank_band_above_or_below_it(data: str) -> None:
    # A grid of a few columns (the others with no judgment, left out), too
    # many to stand at their widest, had an inch of white above its heads
    # and below its rows.
    if data == "bundled":
        chosen = pe.load_bundled()
    else:
        chosen = pe.loads(
            "".join(
                f"- {{force: {f.id}, cycle: 2016, grade: good, assessments: [{{question: 1, grade: good}}, {{question: 2, grade: good}}]}}\n"
                for f in pe.forces()
            )
        )
    fig = pe.output.plot_grades(chosen, 2016)
    renderer = _drawn(fig)
    inches = fig.dpi
    grid = fig.axes[0].get_window_extent(renderer)
    heads = [t.get_window_extent(renderer) for t in fig.axes[0].get_xticklabels() if t.get_text()]
    legend = fig.legends[0].get_window_extent(renderer)
    footer = min((t for t in fig.texts), key=lambda t: t.get_window_extent(renderer).y0).get_window_extent(
        renderer
    )
    assert (legend.y0 - max(h.y1 for h in heads)) / inches <= 0.5
    assert (grid.y0 - footer.y1) / inches <= 0.5


# --- Ranks that do not mislead ------------------------------------------------


def _run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_a_ranking_of_too_few_forces_is_refused_in_python() -> None:
    data = pe.load_bundled()  # figures of one force
    with pytest.raises(
        pe.NotFoundError, match=r"^1 force with recorded_crime_rate in 2016; a ranking needs 5$"
    ):
        pe.rank_forces(data, "recorded_crime_rate", 2016)
    with pytest.raises(pe.NotFoundError, match="a ranking needs 5"):
        pe.output.plot_rank(data, "recorded_crime_rate", 2016, "cumbria")
    # Five forces rank; fewer may, asked for knowingly.
    assert len(pe.rank_forces(figures.dataset(5), "recorded_crime_rate", 2016).ranked) == 5
    with pytest.raises(pe.NotFoundError, match="4 forces with recorded_crime_rate in 2016"):
        pe.rank_forces(figures.dataset(4), "recorded_crime_rate", 2016)
    assert len(pe.rank_forces(data, "recorded_crime_rate", 2016, min_forces=1).ranked) == 1
    with pytest.raises(ValueError, match="min_forces"):
        pe.rank_forces(data, "recorded_crime_rate", 2016, min_forces=-1)


@pytest.mark.parametrize("command", [["rank"], ["plot", "rank"]])
def test_a_ranking_of_too_few_forces_is_refused_on_the_command_line(
    command: list[str], tmp_path: Path
) -> None:
    out = tmp_path / ("rank.png" if command[0] == "plot" else "rank.txt")
    code, text, err = _run(*command, "--metric", "recorded_crime_rate", "--output", str(out))
    assert (code, text) == (1, "")
    assert err == ("peel-effectiveness: 1 force with recorded_crime_rate in 2016; a ranking needs 5\n")
    assert not out.exists()


def _ranked(tmp_path: Path, england_and_wales: float) -> pe.Dataset:
    values = {
        f.id: f"{20 + i}.5, england_and_wales: {england_and_wales}" for i, f in enumerate(pe.forces()[:8])
    }
    return pe.load(
        figures.one_figure_each(tmp_path, "metric: m, label: Things, unit: per_1000_population", values)
    )


@pytest.mark.parametrize("england_and_wales", [68.2, 24.0, 0.5])
def test_the_england_and_wales_line_and_its_label_are_always_in_view(
    england_and_wales: float, tmp_path: Path
) -> None:
    fig = pe.output.plot_rank(_ranked(tmp_path, england_and_wales), "m", 2016, pe.forces()[2])
    renderer = _drawn(fig)
    ax = fig.axes[0]
    left, right = ax.get_xlim()
    assert left < england_and_wales < right  # the line is drawn inside the axis
    label = next(t for t in ax.texts if t.get_text().startswith("England and Wales"))
    # Written to the ranked figures' one decimal place, as a report's column is.
    assert label.get_text() == f"England and Wales {england_and_wales:.1f}"
    box, axes = label.get_window_extent(renderer), ax.get_window_extent(renderer)
    assert axes.x0 <= box.x0, "the label runs off the left of the chart"
    assert box.x1 <= axes.x1, "the label runs off the right of the chart"


def test_every_rank_table_fits_80_columns(tmp_path: Path) -> None:
    mine = str(figures.folder(tmp_path / "figures", n=43))
    code, out, _ = _run(
        "-q", "--data", mine, "rank", "--metric", "recorded_crime_rate", "--metric", "ocg_rate"
    )
    assert code == 0
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= 80, max(lines, key=len)
    # A heading names each ranking: what, its unit and period, England and Wales.
    assert lines[0].startswith("Recorded crime (excluding fraud) (per 1,000 population, 12 months")
    assert "England and Wales 68.2" in " ".join(lines[:2])
    assert "Devon and Cornwall" in out  # the longest short name, in full
    assert sum(line.startswith("rank  short_name") for line in lines) == 2


# --- Sources said as they are -------------------------------------------------


def test_a_grid_says_where_its_grades_come_from() -> None:
    data = pe.load_bundled()
    fig = pe.output.plot_grades(data, "2023-25")
    source = " ".join(t.get_text() for t in fig.texts if t.get_text().startswith("Source")).replace("\n", " ")
    assert source.startswith("Sources: HMIC/HMICFRS (")
    assert "police and crime commissioners (" in source
    assert "news and other sources (" in source
    assert "counted once, under its most official source" in source
    assert "force reports" not in source  # most 2023-25 grades are not from HMICFRS's reports
    # A report's own grades, known from the report, rest on HMICFRS alone.
    cumbria = pe.Dataset((pe.load_bundled().report("cumbria", 2016),))
    text = " ".join(t.get_text() for t in pe.output.plot_history(cumbria, "cumbria").texts).replace("\n", " ")
    assert "Sources: HMIC/HMICFRS (all 6 judgments)" in text


def test_a_ranking_of_huge_figures_keeps_its_figures_and_ticks_readable(tmp_path: Path) -> None:
    values = {f.id: (i + 1) * 1_012_345_678_901_234 for i, f in enumerate(pe.forces()[:8])}
    figures.one_figure_each(tmp_path, "metric: m, label: Things, unit: count", values)
    _huge_figures_readable(pe.output.plot_rank(pe.load(tmp_path), "m", 2016))


def test_ticks_of_parts_of_a_quadrillion_beside_long_names_do_not_touch(tmp_path: Path) -> None:
    # "0.2 quadrillion", "0.4 quadrillion"... ran into one another where
    # long names left the axis narrow.
    figure = {
        "metric": "m",
        "label": "M",
        "unit": "per_1000_population",
        "period": "12 months to 30 June 2016",
    }
    reports = [
        {
            "force": _own(f"zz-{'abcdefgh'[i]}", f"The Long-Named Constabulary of Place {i}", f"E2399999{i}"),
            "cycle": "2016",
            "measurements": [{**figure, "value": value}],
        }
        for i, value in enumerate([10**15, 10**15, 99999999999.99, 123.45, 0.3, 0.25, 0.5, 0.01])
    ]
    (tmp_path / "mine.json").write_text(json.dumps(reports), encoding="utf-8")
    _huge_figures_readable(pe.output.plot_rank(pe.load(tmp_path), "m", 2016))


def _huge_figures_readable(fig: Any) -> None:
    renderer = _drawn(fig)
    ax = fig.axes[0]
    edge = ax.get_window_extent(renderer).x1
    written = [t for t in ax.texts if t.get_text()[:1].isdigit()]
    assert len(written) == 8
    assert all(t.get_window_extent(renderer).x1 <= edge + 1 for t in written), "a figure runs off the chart"
    ticks = [t for t in ax.get_xticklabels() if t.get_text()]
    assert any("quadrillion" in t.get_text() for t in ticks)
    boxes = sorted((t.get_window_extent(renderer) for t in ticks), key=lambda b: b.x0)
    # (A space between them, as between words: 6 pixels at 100 to the inch.)
    assert all(a.x1 + 6 <= b.x0 for a, b in itertools.pairwise(boxes)), "tick labels touch"


def test_a_web_address_too_wide_for_its_line_breaks_no_other_line() -> None:
    pytest.importorskip("matplotlib")
    from peel_effectiveness.output._chart import wrap

    url = "https://hmicfrs.justiceinspectorates.gov.uk/peel-assessments/peel-2016/cumbria/effectiveness/a/b"
    lines = wrap(f"Sources: see {url} and more words after it here", 9, 4.0).split("\n")
    assert lines == ["Sources: see", url, "and more words after it here"]


def _own(force_id: str, short_name: str, code: str) -> dict[str, str]:
    return {
        "id": force_id,
        "official_name": f"{force_id} Police",
        "short_name": short_name,
        "gss_code": code,
        "country": "England",
        "region": "North West",
    }


def test_names_beside_a_chart_are_escaped_and_cut_to_the_room(tmp_path: Path) -> None:
    # A force's name was drawn as it is: a right-to-left mark turned the
    # rest of the row round, a control character drew a box, and a name of
    # 124 characters pushed the chart off the page (matplotlib gave up its
    # layout with a warning, which this suite turns into an error).
    figure = {"metric": "m", "label": "M", "unit": "count", "period": "12 months to 30 June 2016"}
    reports = [
        {"force": f.id, "cycle": "2016", "grade": "good", "measurements": [{**figure, "value": 10.0 + i}]}
        for i, f in enumerate(pe.forces()[:5])
    ]
    odd = _own("zz-odd", "Zed\u202e\x1b[31m\x07", "E23999999")
    long = _own("zz-long", "Long" + "g" * 120, "E23999998")
    # Characters the type has no glyph for were drawn as empty boxes, with
    # a warning each (which this suite turns into an error).
    wide = _own("zz-wide", "\u6771\u4eac \U0001f693 Force", "E23999997")
    for force, value in ((odd, 5.0), (long, 9.0), (wide, 7.0)):
        reports.append(
            {"force": force, "cycle": "2016", "grade": "good", "measurements": [{**figure, "value": value}]}
        )
    (tmp_path / "mine.json").write_text(json.dumps(reports), encoding="utf-8")
    data = pe.load(tmp_path)
    for fig in (pe.output.plot_rank(data, "m", 2016), pe.output.plot_grades(data, 2016)):
        renderer = _drawn(fig)
        names = [t for t in fig.axes[0].get_yticklabels() if t.get_text()]
        shown = {t.get_text() for t in names}
        assert "Zed\\u202e\\x1b[31m\\x07" in shown
        assert "\\u6771\\u4eac \\U0001f693 Force" in shown
        assert any(s.startswith("Longggg") and s.endswith("g\u2026") for s in shown)
        assert all(t.get_window_extent(renderer).x0 >= 0 for t in names), "a name runs off the page"


def test_a_name_is_cut_between_its_characters_never_inside_an_escape() -> None:
    from peel_effectiveness.output._chart import row_label, text_inches

    for name in ["W" * 30 + "\u202e" * 40, "\x07" * 60, "Long" + "g" * 120]:
        for suffix in ("", " (not ranked)"):
            label = row_label(name, 7.0, suffix=suffix)
            assert label.endswith("\u2026" + suffix)
            assert text_inches(label, 7.0) <= 2.0
            escapes = label[: -len(suffix) - 1 if suffix else -1]
            assert re.fullmatch(r"(?:[^\\]|\\x[0-9a-f]{2}|\\u[0-9a-f]{4})*", escapes), label


def test_names_and_cells_keep_the_title_s_margin_from_the_page_s_sides() -> None:
    # A name was drawn 0.07 inches from the left edge and a grid's cells as
    # near the right, where a trim would cut them; the title keeps 0.2.
    data = pe.load_bundled()
    for fig in (pe.output.plot_compare(data.report("cumbria", 2016)), pe.output.plot_grades(data, 2016)):
        renderer = _drawn(fig)
        width = fig.get_figwidth() * fig.dpi
        ax = fig.axes[0]
        drawn = [t.get_window_extent(renderer) for t in ax.get_yticklabels() if t.get_text()]
        drawn.append(ax.get_window_extent(renderer))
        assert min(box.x0 for box in drawn) >= 0.15 * fig.dpi
        assert max(box.x1 for box in drawn) <= width - 0.15 * fig.dpi


def test_a_grid_of_one_column_is_not_stretched_across_the_page() -> None:
    # 2018/19's legitimacy grid drew 43 bars 6.3 inches long.
    data = pe.load_bundled()
    narrow = pe.output.plot_grades(data, "2018/19", pillar="legitimacy")
    wide = pe.output.plot_grades(data, 2016)
    widths = [f.axes[0].get_window_extent(_drawn(f)).width / f.dpi for f in (narrow, wide)]
    assert widths[0] < 2.0 < 5.0 < widths[1]


def test_a_dollar_sign_in_your_own_data_is_drawn_as_written() -> None:
    # matplotlib reads text between two dollar signs as mathematics: a
    # label of $5 and $10 was drawn "5*and*10" in italics, and one with
    # "\frac{1}{" stopped the chart with the parser's error.
    from matplotlib.cbook import is_math_text
    from matplotlib.text import Text

    label = "Fraud losses between $5 and $10 million"
    odd = _own("zz-dollar", "Spend $\\frac{1}{ and $ things", "E23999996")
    figure = {"metric": "m", "label": label, "unit": "count", "period": "12 months to 30 June 2016"}
    reports = [
        {"force": f, "cycle": "2016", "grade": "good", "measurements": [{**figure, "value": v}]}
        for f, v in (("kent", 3.0), ("durham", 4.0), (odd, 5.0))
    ]
    data = pe.loads(json.dumps(reports), format="json")
    charts = (pe.output.plot_rank(data, "m", 2016, min_forces=1), pe.output.plot_grades(data, 2016))
    for fig in charts:
        _drawn(fig)
        texts = [t.get_text() for t in fig.findobj(Text) if "$" in t.get_text()]
        assert texts
        assert not [t for t in texts if is_math_text(t)]
        shown = {t.replace("\\$", "$") for t in texts}
        assert any("Spend $\\frac{1}{ and $ things" in t for t in shown), shown


def test_a_legend_of_every_reason_for_no_grade_keeps_inside_the_page() -> None:
    # The columns were reckoned as if a column took ceil(n / columns) keys;
    # matplotlib gives the first columns one more (10 keys in 3: 4, 3, 3),
    # and "Not inspected: in a risk-based cycle, no earlier grade standing"
    # ran off the page's right edge.
    text = "force: kent\ncycle: 2023-25\nassessments:\n" + "".join(
        f"- {{question: {q}, grade: {g}}}\n"
        for q, g in (
            ("investigating", "outstanding"),
            ("responding", "not inspected"),
            ("preventing_crime", "not yet graded"),
            ("police_powers", "not graded"),
        )
    )
    data = pe.load_bundled().overlay(pe.loads(text))
    for fig in (pe.output.plot_grades(data, "2023-25"), pe.output.plot_history(data, "kent")):
        renderer = _drawn(fig)
        (legend,) = fig.legends
        box = legend.get_window_extent(renderer)
        assert box.x1 <= fig.get_figwidth() * fig.dpi - 0.15 * fig.dpi, "a key runs off the page"
