"""What the database and the data package say of themselves: who made them,
from which data, under what licence, and where their facts come from (a
chart says the same in its footer)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..model._force_table import ONS_AREAS_URL
from ..model.force import REGIONS_ARE
from ._chart_words import made_by, not_bundled

if TYPE_CHECKING:
    from ..model.dataset import Dataset
    from ..model.monitoring import Stay
    from ..model.reports import InspectionReport

__all__ = [
    "FORCES_SAID",
    "LICENCE",
    "LICENCE_URL",
    "OTHER_DATA",
    "OWN_FORCES",
    "PEEL_URL",
    "SOURCES_SAID",
    "about",
]

LICENCE = "Open Government Licence v3.0 (HMIC/HMICFRS material)"
LICENCE_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
PEEL_URL = "https://hmicfrs.justiceinspectorates.gov.uk/peel-assessments/"

FORCES_SAID = (
    "the library's registry of the 43: the codes and ONS names of ONS's police force areas; "
    "the official names, short names and regions as the library's table of the forces gives "
    "them, with the pages it cites where it cites any (each force's sources, in the forces "
    f"table's sources column: --format csv); the regions are {REGIONS_ARE}"
)
SOURCES_SAID = (
    "HMIC (HMICFRS since 2017) publishes the PEEL reports. Where each fact comes from is in "
    "its row: sources (judgments, other_grades, grid), source "
    "and published_in (measurements, outcomes), entered_sources and left_sources (monitoring); "
    f"the forces are {FORCES_SAID}. ONS's police force areas: {ONS_AREAS_URL}."
)


OWN_FORCES = (
    "A force not of the 43 (a force of your own) is not the library's registry's: its names, "
    "code and region are its data files', with the sources they give it."
)

OTHER_DATA = (
    "Reports and stays not the bundled data's are whoever gave them: their publisher and "
    "licence are their own, as each report's provenance says, not HMIC's under the "
    "Open Government Licence."
)


def about(source: Dataset | Sequence[InspectionReport], tables: Sequence[str]) -> list[tuple[str, str]]:
    """What an export of ``tables`` made of ``source`` says of itself, as
    named texts: who made it, from which data, its licence, and where its
    facts come from."""
    from ..model.dataset import Dataset
    from ..model.force import territorial

    made_of: list[InspectionReport | Stay] = list(source.reports if isinstance(source, Dataset) else source)
    if isinstance(source, Dataset) and "monitoring" in tables:
        made_of += source.stays
    said = [
        ("made_by", made_by(made_of, "exported")),
        ("licence", LICENCE),
        ("licence_url", LICENCE_URL),
        # Of the PEEL reports, not of this export, which is the library's
        # compilation of them and of the other sources its rows name.
        ("reports_published_by", "HMIC/HMICFRS"),
        ("reports_url", PEEL_URL),
        ("sources", SOURCES_SAID),
    ]
    if {"judgments", "grid", "other_grades"} & set(tables):
        # HMIC publishes the reports; many grades in the data are from the
        # news and other pages: each kind counted, as national says it.
        from ..analysis.sources import describe_sources

        counted = describe_sources(source.reports if isinstance(source, Dataset) else source)
        if counted.total:
            said.append(("judgment_sources", str(counted)))
    if not_bundled(made_of):
        said.append(("other_data", OTHER_DATA))
    if any(not territorial(x.force) for x in made_of):
        said.append(("own_forces", OWN_FORCES))
    return said
