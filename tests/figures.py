"""Figures to rank: the bundled data hold the figures of one force
(Cumbria, 2016), and a ranking needs at least five. These are Cumbria's
recorded crime and organised crime figures given to eleven more forces,
each a little different, with England and Wales as the report gives it.
And a report on a force of one's own, which the national picture leaves out."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import attrs

import peel_effectiveness as pe

METRICS = ("recorded_crime_rate", "ocg_rate")


def reports(n: int = 12) -> tuple[pe.InspectionReport, ...]:
    """2016 reports on ``n`` forces (Cumbria's own among them, as bundled)."""
    cumbria = pe.load_bundled().report("cumbria", 2016)
    chosen = [m for m in cumbria.measurements if m.key in METRICS]
    others = [f for f in pe.forces() if f.id != "cumbria"][: n - 1]
    return tuple(
        pe.InspectionReport(
            force=f,
            cycle=pe.Cycle.Y2016,
            pillar=pe.Pillar.EFFECTIVENESS,
            measurements=tuple(attrs.evolve(m, value=round(m.value * (0.55 + 0.08 * i), 1)) for m in chosen),
        )
        for i, f in enumerate(others)
    )


def dataset(n: int = 12) -> pe.Dataset:
    """The bundled data with the figures of ``n`` forces."""
    return pe.load_bundled().overlay(pe.Dataset(reports(n)))


def folder(path: Path, n: int = 12) -> Path:
    """The reports of :func:`reports` as data files in ``path``, for ``--data``."""
    path.mkdir(parents=True, exist_ok=True)
    for r in reports(n):
        pe.dump(r, path=path / f"{r.force.id}-2016.yaml")
    return path


def one_figure_each(path: Path, figure: str, values: Mapping[str, object]) -> Path:
    """A 2016 report on each force of ``values`` (by id) in ``path``, with one
    figure: ``figure``, a measurement's keys but its value in YAML's flow
    style (``metric: m, label: Things, unit: count``), and the force's value
    (which keys of the force's own may follow: ``"7.5, england_and_wales: 7.0"``)."""
    path.mkdir(parents=True, exist_ok=True)
    for force, value in values.items():
        (path / f"{force}.yaml").write_text(
            f"force: {force}\ncycle: 2016\nmeasurements:\n  - {{{figure}, value: {value}}}\n",
            encoding="utf-8",
        )
    return path


# A force of one's own (not of the 43), as a data file writes it in full.
OWN_FORCE = (
    "{id: bts, official_name: British Transport Police, short_name: BTP, gss_code: E23000099,"
    " region: National, country: England}"
)


def own_force_report(path: Path, pillar: str | None = None) -> Path:
    """A file at ``path`` of a 2016 report, graded good, on :data:`OWN_FORCE`."""
    on = "" if pillar is None else f"pillar: {pillar}\n"
    path.write_text(f"force: {OWN_FORCE}\ncycle: 2016\n{on}grade: good\n", encoding="utf-8")
    return path
