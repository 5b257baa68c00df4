"""Draw the charts shown in the documentation (docs/images/), at the size
the pages show them: 7.5 inches wide at 150 dots per inch, shown 720 CSS
pixels wide (96 to the inch), so their type reads at its printed size.

Usage: python tools/make_docs_images.py
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import peel_effectiveness as pe
from peel_effectiveness.output import save_chart

IMAGES = Path(__file__).resolve().parents[1] / "docs" / "images"
DPI = 150


def _illustrative() -> pe.Dataset:
    # The bundled data have figures for one force only, so the ranking chart
    # is drawn on made-up values, named as such in the chart itself, with an
    # England and Wales figure and a force left out, as real figures have.
    metric = pe.MetricDefinition(
        key="illustrative",
        label="Made-up figures to show the chart (not real data)",
        unit=pe.Unit.PER_1000_POPULATION,
        period=pe.Period.parse("12 months to 30 June 2016"),
        source="made up for this illustration",
    )
    return pe.Dataset(
        tuple(
            pe.InspectionReport(
                force=f,
                cycle=pe.Cycle.Y2016,
                pillar=pe.Pillar.EFFECTIVENESS,
                measurements=(
                    pe.Measurement(metric=metric, value=float((i * 37) % 43 + 20), england_and_wales=41.0),
                ),
            )
            for i, f in enumerate(pe.forces())
        )
    )


def charts() -> dict[str, Callable[[], Any]]:
    """Each documented chart by its file name, drawn on demand."""
    data = pe.load_bundled()
    return {
        "compare-cumbria-2016.png": lambda: pe.output.plot_compare(data.report("cumbria", 2016)),
        "rank-illustrative.png": lambda: pe.output.plot_rank(
            _illustrative(), "illustrative", 2016, highlight="cumbria", exclude=["city-of-london"]
        ),
        "grades-2016.png": lambda: pe.output.plot_grades(data, 2016),
        "grades-2021-22.png": lambda: pe.output.plot_grades(data, "2021/22"),
        "grades-2023-25.png": lambda: pe.output.plot_grades(data, "2023-25"),
        "map-2023-25-investigating.png": lambda: pe.output.plot_map(data, "2023-25", "investigating"),
        "history-northamptonshire.png": lambda: pe.output.plot_history(data, "northamptonshire"),
        "monitoring-engage.png": lambda: pe.output.plot_monitoring(data),
    }


def main() -> None:
    IMAGES.mkdir(parents=True, exist_ok=True)
    for name, draw in charts().items():
        save_chart(draw(), IMAGES / name)
    print(f"wrote {len(charts())} charts to {IMAGES}")


if __name__ == "__main__":
    main()
