"""Draw the charts shown in the documentation (docs/images/).

Usage: python tools/make_docs_images.py
"""

from __future__ import annotations

from pathlib import Path

import peel_effectiveness as pe
from peel_effectiveness.output.plot import save

IMAGES = Path(__file__).resolve().parents[1] / "docs" / "images"


def main() -> None:
    data = pe.load_bundled()
    IMAGES.mkdir(parents=True, exist_ok=True)
    save(pe.plot_compare(data.report("cumbria", 2016)), IMAGES / "compare-cumbria-2016.png")
    # The bundled data have figures for one force only, so the ranking chart
    # is drawn on made-up values, named as such in the chart itself.
    illustrative = pe.Dataset(
        tuple(
            pe.InspectionReport(
                force=f,
                cycle=pe.Cycle.Y2016,
                pillar=pe.Pillar.EFFECTIVENESS,
                judgment=None,
                measurements=(
                    pe.Measurement(
                        metric=pe.MetricDefinition(
                            key="illustrative_not_real_data",
                            label="Illustrative",
                            unit=pe.Unit.PER_1000_POPULATION,
                        ),
                        value=float((i * 37) % 43 + 20),
                    ),
                ),
            )
            for i, f in enumerate(pe.forces())
        )
    )
    save(
        pe.plot_rank(illustrative, "illustrative_not_real_data", 2016, highlight="cumbria"),
        IMAGES / "rank-illustrative.png",
    )
    save(pe.plot_grades(data, 2016), IMAGES / "grades-2016.png")
    save(pe.plot_grades(data, "2023-25"), IMAGES / "grades-2023-25.png")
    save(pe.plot_history(data, "northamptonshire"), IMAGES / "history-northamptonshire.png")
    print(f"wrote 5 charts to {IMAGES}")


if __name__ == "__main__":
    main()
