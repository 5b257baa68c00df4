"""Charts, tested by rendering them to files and looking at the pixels."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

import peel_effectiveness as pe
from peel_effectiveness.cli import main

pytest.importorskip("matplotlib")
from matplotlib.image import imread

from peel_effectiveness.output import plot


def _data_with_ranked_metric(tmp_path: Path) -> pe.Dataset:
    tmp_path.mkdir()
    for i, f in enumerate(pe.forces()[:12]):
        (tmp_path / f"{f.id}-2016.yaml").write_text(
            f"force: {f.id}\ncycle: 2016\nmeasurements:\n  - metric: m\n    label: M\n    unit: count\n    value: {i * 3}\n"
        )
    return pe.load(tmp_path)


def _pixels(path: Path) -> object:
    img = imread(path)
    assert img.shape[0] > 200
    assert img.shape[1] > 200
    return img


def _has_colour(img: object, hex_colour: str, tolerance: float = 0.02) -> bool:
    import numpy as np

    rgb = np.array([int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)])
    pixels = np.asarray(img)[..., :3].reshape(-1, 3)
    return bool((np.abs(pixels - rgb).max(axis=1) < tolerance).any())


def test_compare_chart_renders(tmp_path: Path) -> None:
    report = pe.load_bundled().report("cumbria", 2016)
    out = tmp_path / "compare.png"
    plot.save(pe.plot_compare(report), out)
    img = _pixels(out)
    assert _has_colour(img, plot.HIGHLIGHT)  # figures above England and Wales
    assert _has_colour(img, plot.OTHERS)  # and below


def test_rank_chart_highlights_the_force_and_marks_bands(tmp_path: Path) -> None:
    data = _data_with_ranked_metric(tmp_path / "data")
    out = tmp_path / "rank.png"
    plot.save(pe.plot_rank(data, "m", 2016, highlight=pe.forces()[5].id), out)
    img = _pixels(out)
    assert _has_colour(img, plot.HIGHLIGHT)
    assert _has_colour(img, "#fdd0a2")  # the top quarter's shading
    assert _has_colour(img, "#c6dbef")  # the bottom quarter's


def test_grades_chart_renders_every_grade_colour(tmp_path: Path) -> None:
    out = tmp_path / "grades.png"
    plot.save(pe.plot_grades(pe.load_bundled(), 2016), out)
    img = _pixels(out)
    for grade in (pe.Grade.OUTSTANDING, pe.Grade.GOOD, pe.Grade.REQUIRES_IMPROVEMENT, pe.Grade.INADEQUATE):
        assert _has_colour(img, plot.GRADE_COLOURS[grade]), grade
    assert _has_colour(img, plot.UNGRADED)  # Cumbria's question 5


def test_svg_output(tmp_path: Path) -> None:
    out = tmp_path / "grades.svg"
    plot.save(pe.plot_grades(pe.load_bundled(), 2015), out)
    text = out.read_text()
    assert text.lstrip().startswith("<?xml")
    assert "<svg" in text
    assert text.count("<path") > 43


def test_save_refuses_other_formats(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"png or \.svg"):
        plot.save(pe.plot_grades(pe.load_bundled(), 2016), tmp_path / "x.pdf")


@pytest.mark.parametrize(
    ("args", "suffix"),
    [
        (["plot", "compare", "--force", "cumbria"], ".png"),
        (["plot", "rank", "--metric", "recorded_crime_rate", "--force", "cumbria"], ".svg"),
        (["plot", "grades", "--cycle", "2015"], ".png"),
    ],
)
def test_plot_command(tmp_path: Path, args: list[str], suffix: str) -> None:
    out = tmp_path / f"chart{suffix}"
    err = io.StringIO()
    assert main([*args, "--output", str(out)], stdout=io.StringIO(), stderr=err) == 0
    assert out.stat().st_size > 5000
    assert f"wrote {out}" in err.getvalue()


def test_plot_command_errors(tmp_path: Path) -> None:
    err = io.StringIO()
    # Bad usage exits 2; a chart that cannot be drawn, 1.
    assert main(["plot", "rank", "--output", str(tmp_path / "x.png")], stdout=io.StringIO(), stderr=err) == 2
    assert "needs a metric" in err.getvalue()
    assert (
        main(["plot", "grades", "--output", str(tmp_path / "x.gif")], stdout=io.StringIO(), stderr=err) == 1
    )
    assert "png or .svg" in err.getvalue()


def test_a_clear_message_without_matplotlib(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib.figure", None)
    with pytest.raises(pe.MissingDependencyError, match=r"peel-effectiveness\[plot\]"):
        pe.plot_grades(pe.load_bundled(), 2016)
