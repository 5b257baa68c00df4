"""Outputs for people and tools: tidy rows, data frames (pandas, polars), a
Frictionless data package, and charts (the ``[plot]`` extra)."""

from .columns import COLUMNS, Column
from .frames import to_dataframe
from .package import write_package
from .plot import plot_compare, plot_grades, plot_history, plot_map, plot_monitoring, plot_rank
from .polars_frames import to_polars
from .records import to_records

__all__ = [
    "COLUMNS",
    "Column",
    "plot_compare",
    "plot_grades",
    "plot_history",
    "plot_map",
    "plot_monitoring",
    "plot_rank",
    "to_dataframe",
    "to_polars",
    "to_records",
    "write_package",
]
