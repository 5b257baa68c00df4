"""Typed PEEL inspection results for the police forces of England and Wales.

Load the bundled data, or your own YAML and JSON files, into immutable
objects; look up forces; compare them with England and Wales; export tidy rows.

Examples:
    >>> import peel_effectiveness as pe
    >>> report = pe.load_bundled().report("Cumbria", 2016)
    >>> str(report.judgment), str(report.previous_judgment)
    ('Good', 'Requires improvement')
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# Names are imported on first use, so `import peel_effectiveness` costs next to
# nothing and a script pays only for what it touches.
_EXPORTS: dict[str, str] = {
    "plot_compare": "plot",
    "plot_grades": "plot",
    "plot_rank": "plot",
    "MissingDependencyError": "frames",
    "to_dataframe": "frames",
    "json_schema": "schema",
    "DATA_VERSION": "_version",
    "DataInfo": "about",
    "SourceInfo": "about",
    "dataset_info": "about",
    "Folder": "loading",
    "open_folder": "loading",
    "Assessment": "reports",
    "Band": "rankings",
    "Basis": "judgments",
    "CauseOfConcern": "reports",
    "Check": "consistency",
    "Comparison": "comparisons",
    "CoreQuestion": "cycles",
    "Country": "force",
    "Cycle": "cycles",
    "Dataset": "dataset",
    "EXCLUSIONS_2016": "calculations",
    "Force": "force",
    "Grade": "grades",
    "GradeChange": "comparisons",
    "GradeDistribution": "national",
    "GradeScale": "grades",
    "InspectionReport": "reports",
    "JUDGMENT_COLUMNS": "records",
    "Judgment": "judgments",
    "Limits": "_limits",
    "MEASUREMENT_COLUMNS": "records",
    "Measurement": "metrics",
    "MetricDefinition": "metrics",
    "NationalFigure": "calculations",
    "NotFoundError": "errors",
    "OUTCOME_GROUPINGS": "outcome_types",
    "OUTCOME_TYPES": "outcome_types",
    "OutcomeGroup": "outcome_types",
    "OutcomeGroupRow": "outcomes",
    "OutcomeGrouping": "outcome_types",
    "OutcomeMeasure": "outcomes",
    "OutcomeTable": "outcomes",
    "OutcomeTotal": "outcomes",
    "OutcomeType": "outcome_types",
    "OutcomeTypeRow": "outcomes",
    "PeelDataError": "errors",
    "PeelError": "errors",
    "Period": "metrics",
    "Pillar": "cycles",
    "Position": "national",
    "Problem": "errors",
    "Provenance": "reports",
    "SideBySide": "comparisons",
    "Transition": "national",
    "Transitions": "national",
    "Unit": "metrics",
    "__version__": "_version",
    "apply_percent_change": "calculations",
    "assigned_total": "consistency",
    "band": "rankings",
    "bands": "rankings",
    "base_from_rate": "calculations",
    "change_over_years": "calculations",
    "check_dataset": "consistency",
    "check_report": "consistency",
    "check_table": "consistency",
    "compare": "comparisons",
    "compose_percent_changes": "calculations",
    "core_question": "cycles",
    "core_questions": "cycles",
    "count_from_rate": "calculations",
    "dump": "loading",
    "find_force": "force",
    "forces": "force",
    "grade_change": "comparisons",
    "grade_distribution": "national",
    "group_subtotal": "consistency",
    "load": "loading",
    "load_bundled": "loading",
    "mean_of_rates": "calculations",
    "national_rate": "calculations",
    "outcome_grouping": "outcome_types",
    "percent_change": "calculations",
    "percentage_point_change": "calculations",
    "position": "national",
    "rank": "rankings",
    "rate": "calculations",
    "rate_change": "calculations",
    "rounding_tolerance": "consistency",
    "share": "calculations",
    "shares_of_assigned": "consistency",
    "side_by_side": "comparisons",
    "to_records": "records",
    "transitions": "national",
    "within_rounding": "consistency",
}

__all__ = [
    "DATA_VERSION",
    "EXCLUSIONS_2016",
    "JUDGMENT_COLUMNS",
    "MEASUREMENT_COLUMNS",
    "OUTCOME_GROUPINGS",
    "OUTCOME_TYPES",
    "Assessment",
    "Band",
    "Basis",
    "CauseOfConcern",
    "Check",
    "Comparison",
    "CoreQuestion",
    "Country",
    "Cycle",
    "DataInfo",
    "Dataset",
    "Folder",
    "Force",
    "Grade",
    "GradeChange",
    "GradeDistribution",
    "GradeScale",
    "InspectionReport",
    "Judgment",
    "Limits",
    "Measurement",
    "MetricDefinition",
    "MissingDependencyError",
    "NationalFigure",
    "NotFoundError",
    "OutcomeGroup",
    "OutcomeGroupRow",
    "OutcomeGrouping",
    "OutcomeMeasure",
    "OutcomeTable",
    "OutcomeTotal",
    "OutcomeType",
    "OutcomeTypeRow",
    "PeelDataError",
    "PeelError",
    "Period",
    "Pillar",
    "Position",
    "Problem",
    "Provenance",
    "SideBySide",
    "SourceInfo",
    "Transition",
    "Transitions",
    "Unit",
    "__version__",
    "apply_percent_change",
    "assigned_total",
    "band",
    "bands",
    "base_from_rate",
    "change_over_years",
    "check_dataset",
    "check_report",
    "check_table",
    "compare",
    "compose_percent_changes",
    "core_question",
    "core_questions",
    "count_from_rate",
    "dataset_info",
    "dump",
    "find_force",
    "forces",
    "grade_change",
    "grade_distribution",
    "group_subtotal",
    "json_schema",
    "load",
    "load_bundled",
    "mean_of_rates",
    "national_rate",
    "open_folder",
    "outcome_grouping",
    "percent_change",
    "percentage_point_change",
    "plot_compare",
    "plot_grades",
    "plot_rank",
    "position",
    "rank",
    "rate",
    "rate_change",
    "rounding_tolerance",
    "share",
    "shares_of_assigned",
    "side_by_side",
    "to_dataframe",
    "to_records",
    "transitions",
    "within_rounding",
]


_SUBMODULES = frozenset(_EXPORTS.values()) | {"cli"}


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        if name in _SUBMODULES:
            return importlib.import_module(f".{name}", __name__)
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


if TYPE_CHECKING:
    from ._limits import (
        Limits,
    )
    from ._version import (
        DATA_VERSION,
        __version__,
    )
    from .about import (
        DataInfo,
        SourceInfo,
        dataset_info,
    )
    from .calculations import (
        EXCLUSIONS_2016,
        NationalFigure,
        apply_percent_change,
        base_from_rate,
        change_over_years,
        compose_percent_changes,
        count_from_rate,
        mean_of_rates,
        national_rate,
        percent_change,
        percentage_point_change,
        rate,
        rate_change,
        share,
    )
    from .comparisons import (
        Comparison,
        GradeChange,
        SideBySide,
        compare,
        grade_change,
        side_by_side,
    )
    from .consistency import (
        Check,
        assigned_total,
        check_dataset,
        check_report,
        check_table,
        group_subtotal,
        rounding_tolerance,
        shares_of_assigned,
        within_rounding,
    )
    from .cycles import (
        CoreQuestion,
        Cycle,
        Pillar,
        core_question,
        core_questions,
    )
    from .dataset import (
        Dataset,
    )
    from .errors import (
        NotFoundError,
        PeelDataError,
        PeelError,
        Problem,
    )
    from .force import (
        Country,
        Force,
        find_force,
        forces,
    )
    from .frames import MissingDependencyError, to_dataframe
    from .grades import (
        Grade,
        GradeScale,
    )
    from .judgments import (
        Basis,
        Judgment,
    )
    from .loading import (
        Folder,
        dump,
        load,
        load_bundled,
        open_folder,
    )
    from .metrics import (
        Measurement,
        MetricDefinition,
        Period,
        Unit,
    )
    from .national import (
        GradeDistribution,
        Position,
        Transition,
        Transitions,
        grade_distribution,
        position,
        transitions,
    )
    from .outcome_types import (
        OUTCOME_GROUPINGS,
        OUTCOME_TYPES,
        OutcomeGroup,
        OutcomeGrouping,
        OutcomeType,
        outcome_grouping,
    )
    from .outcomes import (
        OutcomeGroupRow,
        OutcomeMeasure,
        OutcomeTable,
        OutcomeTotal,
        OutcomeTypeRow,
    )
    from .plot import plot_compare, plot_grades, plot_rank
    from .rankings import (
        Band,
        band,
        bands,
        rank,
    )
    from .records import (
        JUDGMENT_COLUMNS,
        MEASUREMENT_COLUMNS,
        to_records,
    )
    from .reports import (
        Assessment,
        CauseOfConcern,
        InspectionReport,
        Provenance,
    )
    from .schema import json_schema
