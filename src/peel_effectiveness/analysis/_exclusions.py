"""The forces the 2016 reports leave out of England and Wales figures
(Annex A and the figures' footnotes): apart from the calculations, which
take any exclusions, because rankings, charts and the command line look
them up by a figure's key and cycle."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model.cycles import Cycle

__all__ = ["EXCLUSIONS_2016", "reports_leave_out"]

# Dorset's outcomes were not reliably recorded after a system change: Annex A
# leaves it out of every crime outcomes figure (Figure 4, and Figure 5, which
# it refers to the same rules).
_NO_DORSET = ("dorset",)

EXCLUSIONS_2016: Mapping[str, tuple[str, ...]] = {
    # The outcomes table (Figure 4), and the figures of outcomes (Figures 4 and 5).
    "figure_4": _NO_DORSET,
    "charged_summonsed_share": _NO_DORSET,
    "evidential_difficulties_victim_not_supporting_share": _NO_DORSET,
    "no_suspect_identified_share": _NO_DORSET,
    # City of London's OCG data are not comparable (size and national remit).
    "ocg_rate": ("city-of-london",),
    # These forces could not supply recorded crimes with a vulnerable victim.
    "vulnerable_victim_crime_share": (
        "city-of-london",
        "devon-and-cornwall",
        "essex",
        "gloucestershire",
        "lancashire",
    ),
    # These forces could not supply domestic abuse arrest data.
    "domestic_abuse_arrest_rate": ("derbyshire", "durham", "gloucestershire"),
    # Domestic abuse outcomes (Figure 8): Dorset and Nottinghamshire left out.
    "figure_8": ("dorset", "nottinghamshire"),
    # Predominant OCG crime types (Figure 10, not in the data): Humberside
    # could not supply them.
    "figure_10": ("humberside",),
}
"""Forces left out of England and Wales figures in the 2016 reports (Annex A
and the figures' footnotes), by the key of the figure: a metric's key
(``ocg_rate``) or an outcome table's (``figure_4``). :func:`rank_forces`
leaves them out of a 2016 ranking of that figure. Warwickshire and West
Mercia supplied one combined OCG figure, and City of London's rates use its
resident and transient population."""


def reports_leave_out(key: str, cycle: Cycle) -> tuple[str, ...]:
    """The forces the reports of ``cycle`` leave out of the figure ``key``
    (:data:`EXCLUSIONS_2016` for 2016; none known for the other cycles)."""
    from ..model.cycles import Cycle

    return EXCLUSIONS_2016.get(key, ()) if cycle is Cycle.Y2016 else ()
