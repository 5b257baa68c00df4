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
    "plot_compare": "output.plot",
    "plot_grades": "output.plot",
    "plot_rank": "output.plot",
    "plot_history": "output.plot",
    "HistoryEntry": "analysis.history",
    "history": "analysis.history",
    "grade_distributions": "analysis.national",
    "MissingDependencyError": "output.frames",
    "to_dataframe": "output.frames",
    "to_polars": "output.polars_frames",
    "json_schema": "io.schema",
    "DATA_VERSION": "_version",
    "DataInfo": "io.about",
    "SourceInfo": "io.about",
    "dataset_info": "io.about",
    "Folder": "io.loading",
    "open_folder": "io.loading",
    "Assessment": "model.reports",
    "Band": "analysis.rankings",
    "RankedForce": "analysis.rankings",
    "Ranking": "analysis.rankings",
    "rank_forces": "analysis.rankings",
    "Basis": "model.judgments",
    "CauseOfConcern": "model.reports",
    "Change": "analysis.comparisons",
    "Check": "analysis.consistency",
    "CheckKind": "analysis.consistency",
    "Direction": "analysis.comparisons",
    "Comparison": "analysis.comparisons",
    "CoreQuestion": "model.questions",
    "Country": "model.force",
    "Cycle": "model.cycles",
    "Dataset": "model.dataset",
    "EXCLUSIONS_2016": "analysis.calculations",
    "Force": "model.force",
    "Grade": "model.grades",
    "NoGrade": "model.grades",
    "OtherGrade": "model.judgments",
    "OtherGradeKind": "model.judgments",
    "PeelWarning": "errors",
    "GradeChange": "analysis.comparisons",
    "GradeDistribution": "analysis.national",
    "GradeScale": "model.grades",
    "InspectionReport": "model.reports",
    "JUDGMENT_COLUMNS": "output.records",
    "Judgment": "model.judgments",
    "Limits": "io._limits",
    "MEASUREMENT_COLUMNS": "output.records",
    "OUTCOME_COLUMNS": "output.records",
    "NATIONAL_COLUMNS": "output.records",
    "Measurement": "model.metrics",
    "MetricDefinition": "model.metrics",
    "NationalFigure": "analysis.calculations",
    "NotFoundError": "errors",
    "OUTCOME_GROUPINGS": "model.outcome_types",
    "OUTCOME_TYPES": "model.outcome_types",
    "OutcomeGroup": "model.outcome_types",
    "OutcomeGroupRow": "model.outcomes",
    "OutcomeGrouping": "model.outcome_types",
    "OutcomeMeasure": "model.outcomes",
    "OutcomeTable": "model.outcomes",
    "OutcomeTotal": "model.outcomes",
    "OutcomeType": "model.outcome_types",
    "OutcomeTypeRow": "model.outcomes",
    "PeelDataError": "errors",
    "PeelError": "errors",
    "Period": "model.metrics",
    "Pillar": "model.cycles",
    "Position": "analysis.national",
    "Problem": "errors",
    "Provenance": "model.reports",
    "SideBySide": "analysis.comparisons",
    "Transition": "analysis.national",
    "Transitions": "analysis.national",
    "Unit": "model.metrics",
    "__version__": "_version",
    "apply_percent_change": "analysis.calculations",
    "assigned_total": "analysis.consistency",
    "band": "analysis.rankings",
    "bands": "analysis.rankings",
    "base_from_rate": "analysis.calculations",
    "change_over_years": "analysis.calculations",
    "check_dataset": "analysis.consistency",
    "check_report": "analysis.consistency",
    "check_table": "analysis.consistency",
    "compare": "analysis.comparisons",
    "compose_percent_changes": "analysis.calculations",
    "core_question": "model.questions",
    "core_questions": "model.questions",
    "comparable": "model.cycles",
    "headline_graded": "model.questions",
    "register_question": "model.questions",
    "registry_complete": "model.questions",
    "count_from_rate": "analysis.calculations",
    "dump": "io.dumping",
    "find_force": "model.force",
    "forces": "model.force",
    "grade_change": "analysis.comparisons",
    "previous_judgment": "analysis.comparisons",
    "grade_distribution": "analysis.national",
    "group_subtotal": "analysis.consistency",
    "load": "io.loading",
    "load_bundled": "io.loading",
    "mean_of_rates": "analysis.calculations",
    "national_rate": "analysis.calculations",
    "outcome_grouping": "model.outcome_types",
    "percent_change": "analysis.calculations",
    "percentage_point_change": "analysis.calculations",
    "position": "analysis.national",
    "rank": "analysis.rankings",
    "rate": "analysis.calculations",
    "rate_change": "analysis.calculations",
    "rounding_tolerance": "analysis.consistency",
    "share": "analysis.calculations",
    "shares_of_assigned": "analysis.consistency",
    "side_by_side": "analysis.comparisons",
    "to_records": "output.records",
    "write_package": "output.package",
    "transitions": "analysis.national",
    "within_rounding": "analysis.consistency",
}

__all__ = [
    "DATA_VERSION",
    "EXCLUSIONS_2016",
    "JUDGMENT_COLUMNS",
    "MEASUREMENT_COLUMNS",
    "NATIONAL_COLUMNS",
    "OUTCOME_COLUMNS",
    "OUTCOME_GROUPINGS",
    "OUTCOME_TYPES",
    "Assessment",
    "Band",
    "Basis",
    "CauseOfConcern",
    "Change",
    "Check",
    "CheckKind",
    "Comparison",
    "CoreQuestion",
    "Country",
    "Cycle",
    "DataInfo",
    "Dataset",
    "Direction",
    "Folder",
    "Force",
    "Grade",
    "GradeChange",
    "GradeDistribution",
    "GradeScale",
    "HistoryEntry",
    "InspectionReport",
    "Judgment",
    "Limits",
    "Measurement",
    "MetricDefinition",
    "MissingDependencyError",
    "NationalFigure",
    "NoGrade",
    "NotFoundError",
    "OtherGrade",
    "OtherGradeKind",
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
    "PeelWarning",
    "Period",
    "Pillar",
    "Position",
    "Problem",
    "Provenance",
    "RankedForce",
    "Ranking",
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
    "comparable",
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
    "grade_distributions",
    "group_subtotal",
    "headline_graded",
    "history",
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
    "plot_history",
    "plot_rank",
    "position",
    "previous_judgment",
    "rank",
    "rank_forces",
    "rate",
    "rate_change",
    "register_question",
    "registry_complete",
    "rounding_tolerance",
    "share",
    "shares_of_assigned",
    "side_by_side",
    "to_dataframe",
    "to_polars",
    "to_records",
    "transitions",
    "within_rounding",
    "write_package",
]


_SUBMODULES = frozenset({"analysis", "cli", "io", "model", "output"})


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
    from ._version import (
        DATA_VERSION,
        __version__,
    )
    from .analysis.calculations import (
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
    from .analysis.comparisons import (
        Change,
        Comparison,
        Direction,
        GradeChange,
        SideBySide,
        compare,
        grade_change,
        previous_judgment,
        side_by_side,
    )
    from .analysis.consistency import (
        Check,
        CheckKind,
        assigned_total,
        check_dataset,
        check_report,
        check_table,
        group_subtotal,
        rounding_tolerance,
        shares_of_assigned,
        within_rounding,
    )
    from .analysis.history import (
        HistoryEntry,
        history,
    )
    from .analysis.national import (
        GradeDistribution,
        Position,
        Transition,
        Transitions,
        grade_distribution,
        grade_distributions,
        position,
        transitions,
    )
    from .analysis.rankings import (
        Band,
        RankedForce,
        Ranking,
        band,
        bands,
        rank,
        rank_forces,
    )
    from .errors import (
        NotFoundError,
        PeelDataError,
        PeelError,
        PeelWarning,
        Problem,
    )
    from .io._limits import (
        Limits,
    )
    from .io.about import (
        DataInfo,
        SourceInfo,
        dataset_info,
    )
    from .io.dumping import (
        dump,
    )
    from .io.loading import (
        Folder,
        load,
        load_bundled,
        open_folder,
    )
    from .io.schema import (
        json_schema,
    )
    from .model.cycles import (
        Cycle,
        Pillar,
        comparable,
    )
    from .model.dataset import (
        Dataset,
    )
    from .model.force import (
        Country,
        Force,
        find_force,
        forces,
    )
    from .model.grades import (
        Grade,
        GradeScale,
        NoGrade,
    )
    from .model.judgments import (
        Basis,
        Judgment,
        OtherGrade,
        OtherGradeKind,
    )
    from .model.metrics import (
        Measurement,
        MetricDefinition,
        Period,
        Unit,
    )
    from .model.outcome_types import (
        OUTCOME_GROUPINGS,
        OUTCOME_TYPES,
        OutcomeGroup,
        OutcomeGrouping,
        OutcomeType,
        outcome_grouping,
    )
    from .model.outcomes import (
        OutcomeGroupRow,
        OutcomeMeasure,
        OutcomeTable,
        OutcomeTotal,
        OutcomeTypeRow,
    )
    from .model.questions import (
        CoreQuestion,
        core_question,
        core_questions,
        headline_graded,
        register_question,
        registry_complete,
    )
    from .model.reports import (
        Assessment,
        CauseOfConcern,
        InspectionReport,
        Provenance,
    )
    from .output.frames import (
        MissingDependencyError,
        to_dataframe,
    )
    from .output.package import (
        write_package,
    )
    from .output.plot import (
        plot_compare,
        plot_grades,
        plot_history,
        plot_rank,
    )
    from .output.polars_frames import (
        to_polars,
    )
    from .output.records import (
        JUDGMENT_COLUMNS,
        MEASUREMENT_COLUMNS,
        NATIONAL_COLUMNS,
        OUTCOME_COLUMNS,
        to_records,
    )
