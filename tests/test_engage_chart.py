"""The chart of stays in Engage (#14): one row per force that has been in
Engage, the PEEL cycles marked, dates drawn as exactly as they are known,
a stay still going drawn open, and a source line that says what it is."""

from __future__ import annotations

import datetime as dt
import io
import itertools
from pathlib import Path
from typing import Any

import pytest

import peel_effectiveness as pe
from peel_effectiveness.cli import main

pytest.importorskip("matplotlib")
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.dates import date2num, num2date
from matplotlib.patches import Polygon, Rectangle
from matplotlib.text import Text


@pytest.fixture(scope="module")
def data() -> pe.Dataset:
    return pe.load_bundled()


@pytest.fixture(scope="module")
def fig(data: pe.Dataset) -> Any:
    return pe.output.plot_monitoring(data)


def _words(fig: Any) -> str:
    return "\n".join(t.get_text() for t in fig.findobj(Text) if t.get_text())


def test_one_row_per_force_that_has_been_in_engage_earliest_first(data: pe.Dataset, fig: Any) -> None:
    rows = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert sorted(rows) == sorted({s.force.short_name for s in data.stays})
    assert len(rows) == 10
    assert rows[0] == "Cleveland"  # in since April 2019
    assert rows[-1] == "Lincolnshire"  # the latest in


def test_each_stay_is_labelled_with_its_dates_as_exactly_as_they_are_known(fig: Any) -> None:
    words = _words(fig)
    assert "Apr 2019 \u2013 20 Sep 2023, 4 years 4\u20135 months" in words  # moved in in April 2019
    assert "28 Jun 2022 \u2013 23 Jan 2025, 2 years 6 months" in words
    assert "11 Mar 2024 \u2013 by 22 May 2025" in words  # known from an article's date
    # Still in as of the data's last day, said: not of the day it is read.
    assert (
        "6 Dec 2024 \u2013 still in at 30 Jul 2025, at least 7 months" in words
    )  # not "so far": to the day read


def _bars(fig: Any) -> list[Rectangle]:
    return [p for p in fig.axes[0].patches if isinstance(p, Rectangle)]


def test_a_month_known_only_to_the_month_is_hatched_over_the_whole_month(fig: Any) -> None:
    hatched = [p for p in _bars(fig) if p.get_hatch()]
    spans = {(num2date(p.get_x()).date(), num2date(p.get_x() + p.get_width()).date()) for p in hatched}
    assert (dt.date(2019, 4, 1), dt.date(2019, 4, 30)) in spans  # Cleveland
    assert (dt.date(2020, 12, 1), dt.date(2020, 12, 31)) in spans  # Greater Manchester
    # Dates known to the day are drawn solid, from that day.
    solid = {num2date(p.get_x()).date() for p in _bars(fig) if not p.get_hatch()}
    assert dt.date(2022, 6, 28) in solid  # the Metropolitan Police, in on 28 June 2022
    assert dt.date(2019, 4, 30) in solid  # Cleveland: surely in from the end of April 2019


def test_a_stay_still_going_runs_to_the_last_date_in_the_data_and_ends_in_an_arrow(
    data: pe.Dataset, fig: Any
) -> None:
    last = max(
        [d.last for s in data.stays for d in (s.entered, s.left) if d is not None]
        + [r.published for r in data if r.published is not None]
    )
    ends = {num2date(p.get_x() + p.get_width()).date() for p in _bars(fig) if not p.get_hatch()}
    assert last in ends
    arrows = [p for p in fig.axes[0].patches if isinstance(p, Polygon)]
    assert len(arrows) == len([s for s in data.stays if s.left is None]) == 1
    assert min(x for x, _ in arrows[0].get_xy()) == pytest.approx(date2num(last))
    assert f"last date in the data: {last.day} {last:%b} {last.year}" in _words(fig)
    later = pe.output.plot_monitoring(data, until=dt.date(2026, 1, 1))
    assert "6 Dec 2024 \u2013 still in at 1 Jan 2026, at least 1 year" in _words(later)
    # The day asked about is not the data's: it said "last date in the data".
    assert "as at 1 Jan 2026" in _words(later)
    assert "last date in the data" not in _words(later)
    with pytest.raises(pe.PeelDataError, match="before the last move into Engage"):
        pe.output.plot_monitoring(data, until=dt.date(2020, 1, 1))


def test_the_peel_cycles_are_marked(fig: Any) -> None:
    words = _words(fig)
    for cycle in ("2018/19", "2021/22", "2023-25"):
        assert f"PEEL {cycle}\nreports" in words
    assert "PEEL reports published" in [t.get_text() for t in fig.legends[0].get_texts()]


def test_the_source_line_says_what_the_stays_come_from(fig: Any) -> None:
    words = " ".join(_words(fig).split())
    assert (
        "Sources: HMIC/HMICFRS (5), news and other sources (5); each of the 10 stays counted once, "
        "under its most official source. Compiled by peel_effectiveness" in words
    )


def test_nothing_is_cut_off_and_no_labels_collide(fig: Any) -> None:
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    texts = {id(t): t for t in fig.findobj(Text) if t.get_visible()}
    boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in texts.values() if t.get_text().strip()]
    page = fig.bbox
    for text, box in boxes:
        assert page.x0 - 1 <= box.x0, text
        assert box.x1 <= page.x1 + 1, text
    axes = fig.axes[0].get_window_extent(renderer)
    for t in fig.axes[0].texts:
        box = t.get_window_extent(renderer)
        assert box.x1 <= axes.x1 + 1, t.get_text()  # dates stay inside the chart
    for (a, box_a), (b, box_b) in itertools.combinations(boxes, 2):
        overlap_x = min(box_a.x1, box_b.x1) - max(box_a.x0, box_b.x0)
        overlap_y = min(box_a.y1, box_b.y1) - max(box_a.y0, box_b.y0)
        assert overlap_x <= 1 or overlap_y <= 1, (a, b)


def test_no_stays_no_chart() -> None:
    with pytest.raises(pe.PeelDataError, match="no stay in Engage"):
        pe.output.plot_monitoring(pe.loads("force: kent\ncycle: 2016\ngrade: good\n"))


def test_plot_monitoring_on_the_command_line(tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    path = tmp_path / "engage.png"
    assert main(["plot", "monitoring", "-o", str(path)], stdout=out, stderr=err) == 0
    assert err.getvalue() == f"wrote {path}\n"
    assert path.stat().st_size > 20000
    err = io.StringIO()
    assert main(["plot", "monitoring", "--cycle", "2016", "-o", str(tmp_path / "x.png")], stderr=err) == 2
    assert len(err.getvalue().splitlines()) == 1


@pytest.mark.parametrize("chart", ["map", "monitoring"])
def test_a_clear_message_without_matplotlib(chart: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    for name in [m for m in sys.modules if m == "matplotlib" or m.startswith("matplotlib.")]:
        monkeypatch.setitem(sys.modules, name, None)
    data = pe.load_bundled()
    draw = {
        "map": lambda: pe.output.plot_map(data, "2023-25", "investigating"),
        "monitoring": lambda: pe.output.plot_monitoring(data),
    }
    with pytest.raises(pe.MissingDependencyError, match=r"peel-effectiveness\[plot\]"):
        draw[chart]()


@pytest.mark.parametrize(("entered", "left"), [("2019", "2020"), ("1990", "2025"), ("1900", "2099")])
def test_the_years_axis_has_a_dozen_labels_at_most(entered: str, left: str) -> None:
    data = pe.loads(f"monitoring:\n  - force: kent\n    entered: {entered}\n    left: {left}\n")
    fig = pe.output.plot.plot_monitoring(data)
    ax = fig.axes[0]
    lo, hi = ax.get_xlim()
    shown = [t for t in ax.get_xticks() if lo <= t <= hi]
    assert 2 <= len(shown) <= 13


def test_a_stay_out_by_an_article_s_day_is_as_long_as_the_command_line_says() -> None:
    # Entered in 2016, out by 1 June 2017: the chart said "up to 1 year 5
    # months", the command line "between 4 months and 1 year 5 months".
    stay = "monitoring:\n- {force: kent, entered: '2016', left: by 2017-06-01}\n"
    data = pe.loads(stay)
    words = [t.get_text() for t in pe.output.plot_monitoring(data).axes[0].texts]
    assert "2016 \u2013 by 1 Jun 2017, 4 months to 1 year 5 months" in words
    (s,) = data.stays
    assert pe.analysis.duration_words(s) == "between 4 months and 1 year 5 months"
