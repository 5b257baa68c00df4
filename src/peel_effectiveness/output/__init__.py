"""Outputs for people and tools: tidy rows, data frames (pandas, polars), a
Frictionless data package, an SQLite database, and charts (the ``[plot]``
extra)."""

from typing import TYPE_CHECKING

from .. import _lazy

if TYPE_CHECKING:
    from .columns import COLUMNS, Column, Table
    from .frames import to_dataframe
    from .package import write_package
    from .plot import (
        plot_compare,
        plot_grades,
        plot_history,
        plot_map,
        plot_monitoring,
        plot_rank,
        save_chart,
    )
    from .polars_frames import to_polars
    from .records import to_records
    from .sqlite import write_sqlite

__all__ = [
    "COLUMNS",
    "Column",
    "Table",
    "plot_compare",
    "plot_grades",
    "plot_history",
    "plot_map",
    "plot_monitoring",
    "plot_rank",
    "save_chart",
    "to_dataframe",
    "to_polars",
    "to_records",
    "write_package",
    "write_sqlite",
]

if not TYPE_CHECKING:  # for a type checker, a name not imported above is a mistake
    __getattr__, __dir__ = _lazy.lazy_names(
        __name__, __all__, ("columns", "frames", "package", "plot", "polars_frames", "records", "sqlite")
    )
