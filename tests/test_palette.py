"""Grade colours a reader tells apart (#13): in colour, printed in grey, and
with the two common colour blindnesses simulated (Machado, Oliveira and
Fernandes 2009, full severity, applied to linear sRGB), measured as CIELAB
distances (CIE76). One palette: grids, history, map and legends all draw
their grades from output/_chart.py."""

from __future__ import annotations

import itertools
import math

import pytest

import peel_effectiveness as pe
from peel_effectiveness.output import _chart

# Machado et al. (2009), severity 1.0, for linear RGB.
PROTANOPIA = (
    (0.152286, 1.052583, -0.204868),
    (0.114503, 0.786281, 0.099216),
    (-0.003882, -0.048116, 1.051998),
)
DEUTERANOPIA = (
    (0.367322, 0.860646, -0.227968),
    (0.280085, 0.672501, 0.047413),
    (-0.011820, 0.042940, 0.968881),
)
VISION = {"normal": None, "protanopia": PROTANOPIA, "deuteranopia": DEUTERANOPIA}


def _linear(colour: str) -> tuple[float, float, float]:
    def one(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (one(int(colour[i : i + 2], 16) / 255) for i in (1, 3, 5))
    return r, g, b


def lab(colour: str, matrix: tuple[tuple[float, ...], ...] | None = None) -> tuple[float, float, float]:
    """CIELAB (D65) of an sRGB colour, as seen with the vision ``matrix`` simulates."""
    rgb = _linear(colour)
    if matrix is not None:
        rgb = tuple(min(1.0, max(0.0, sum(m * v for m, v in zip(row, rgb, strict=True)))) for row in matrix)  # type: ignore[assignment]
    r, g, b = rgb
    x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047
    y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b
    z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > (6 / 29) ** 3 else t / (3 * (6 / 29) ** 2) + 4 / 29

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def _grades() -> list[pe.Grade]:
    return list(pe.Grade)  # best first


def test_the_simulation_is_sound() -> None:
    # White and black stay as they are; pure red loses its redness.
    for vision in VISION.values():
        assert lab("#ffffff", vision)[0] == pytest.approx(100, abs=0.5)
        assert lab("#000000", vision)[0] == pytest.approx(0, abs=0.5)
    assert lab("#ff0000")[1] > 70
    assert abs(lab("#ff0000", DEUTERANOPIA)[1]) < 25


def test_no_grade_is_near_white_where_the_hatching_of_unknown_lies() -> None:
    white = lab(_chart.NO_DATA)
    for g in _grades():
        colour = lab(_chart.GRADE_COLOURS[g])
        assert colour[0] <= 88, g
        assert math.dist(colour, white) >= 25, g


@pytest.mark.parametrize("vision", [*VISION, "grey print"])
def test_a_reader_tells_the_grades_apart_and_in_order(vision: str) -> None:
    """In each vision (and printed in grey, where only lightness is left):
    the grades darken as they worsen, a step of at least 10 lightness
    units, and every two colours a chart shows are apart."""
    matrix = VISION.get(vision)

    def seen(colour: str) -> tuple[float, ...]:
        seen = lab(colour, matrix)
        return seen[:1] if vision == "grey print" else seen

    lightness = [seen(_chart.GRADE_COLOURS[g])[0] for g in _grades()]
    steps = [a - b for a, b in itertools.pairwise(lightness)]
    assert all(step >= (10 if matrix is None else 8) for step in steps), lightness
    colours = {str(g): _chart.GRADE_COLOURS[g] for g in _grades()}
    textured = {str(r): fill for r, (fill, _, _) in _chart.NO_GRADE_STYLES.items()}
    textured["nothing in the data"] = _chart.NO_DATA
    if vision != "grey print":  # in grey, no grade and unknown are told from grades by their texture
        colours |= textured
    # The reasons for no grade and unknown are told apart by their textures
    # (test_each_reason_for_no_grade_has_a_fill_and_a_key_of_its_own), not by
    # their greys: only each from every grade.
    least = min(
        (math.dist(seen(colours[n]), seen(colours[m])), n, m)
        for n, m in itertools.combinations(colours, 2)
        if not (n in textured and m in textured)
    )
    assert least[0] >= (15 if vision == "normal" else 10 if vision == "grey print" else 12), least


def test_no_grade_and_unknown_differ_by_texture_as_well() -> None:
    # The two kinds of cell without a grade never rely on colour alone.
    assert _chart.grade_style(None)[1] != _chart.grade_style(pe.NoGrade.UNGRADED)[1]
    assert None not in (_chart.grade_style(None)[1], _chart.grade_style(pe.NoGrade.NOT_GRADED)[1])
    assert {_chart.grade_style(g)[1] for g in _grades()} == {None}


def test_one_palette_for_grids_history_map_and_legends() -> None:
    pytest.importorskip("matplotlib")
    from matplotlib.colors import to_rgba

    data = pe.load_bundled()
    charts = [
        pe.output.plot_grades(data, "2023-25"),
        pe.output.plot_history(data, "northamptonshire"),
        pe.output.plot_map(data, "2023-25", "investigating"),
    ]
    palette = {str(g): to_rgba(_chart.GRADE_COLOURS[g]) for g in pe.Grade}
    greys = {to_rgba(fill) for fill, _, _ in _chart.NO_GRADE_STYLES.values()}
    allowed = {*palette.values(), *greys, to_rgba(_chart.NO_DATA), (0.0, 0.0, 0.0, 0.0)}
    for fig in charts:
        legend = fig.legends[0]
        keys = {
            t.get_text(): h.get_facecolor()
            for t, h in zip(legend.get_texts(), legend.legend_handles, strict=True)
        }
        assert {k: v for k, v in keys.items() if k in palette} == {
            k: palette[k] for k in keys if k in palette
        }
        fills = {p.get_facecolor() for p in fig.axes[0].patches}
        assert fills <= allowed, fills - allowed


def test_each_reason_for_no_grade_has_a_fill_and_a_key_of_its_own() -> None:
    """Ungraded, not graded, not inspected and not yet graded: each its own
    texture (never unknown's, never a grade's) and its own grey, which
    X."""
    styles = [_chart.grade_style(r) for r in pe.NoGrade]
    hatches = [hatch for _, hatch, _ in styles]
    assert len(set(hatches)) == len(hatches)
    assert None not in hatches
    assert _chart.grade_style(None)[1] not in hatches
    greys = sorted(lab(fill)[0] for fill, _, _ in styles)
    assert all(b - a >= 5 for a, b in itertools.pairwise(greys)), greys
    # The legend names each reason a chart shows, once, with its own fill,
    # and what it means.
    shown = [pe.NoGrade.NOT_GRADED, pe.NoGrade.UNGRADED]
    legend = _chart.grade_legend([pe.Grade.GOOD], shown)
    assert [label for _, label in legend] == [
        "Good",
        "Not graded: graded in the cycle, not for this force",
        "Ungraded: the cycle grades no force on it",
        "Nothing in the data (unknown)",
    ]
    assert legend[1][0].get_hatch() != legend[2][0].get_hatch()
