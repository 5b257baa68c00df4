"""Typed PEEL inspection results for the police forces of England and Wales.

Load the bundled data, or your own YAML and JSON files, into immutable
objects; look up forces; compare them with England and Wales; export tidy rows.

Example:
    >>> import peel_effectiveness as pe
    >>> report = pe.load_bundled().report("Cumbria", 2016)
    >>> str(report.judgment), str(report.previous_judgment)
    ('Good', 'Requires improvement')
"""

from ._limits import Limits
from ._version import __version__
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
    Band,
    Comparison,
    GradeChange,
    SideBySide,
    band,
    bands,
    compare,
    grade_change,
    rank,
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
from .cycles import CoreQuestion, Cycle, Pillar, core_question, core_questions
from .dataset import Dataset
from .errors import NotFoundError, PeelDataError, PeelError, Problem
from .forces import Country, Force, find_force, forces
from .grades import Grade, GradeScale
from .judgments import Basis, Judgment
from .loading import dump, load, load_bundled
from .metrics import Measurement, MetricDefinition, Period, Unit
from .national import (
    GradeDistribution,
    Position,
    Transition,
    Transitions,
    grade_distribution,
    position,
    transitions,
)
from .outcomes import (
    OUTCOME_GROUPINGS,
    OUTCOME_TYPES,
    OutcomeGroup,
    OutcomeGrouping,
    OutcomeGroupRow,
    OutcomeMeasure,
    OutcomeTable,
    OutcomeTotal,
    OutcomeType,
    OutcomeTypeRow,
    outcome_grouping,
)
from .records import JUDGMENT_COLUMNS, MEASUREMENT_COLUMNS, to_records
from .reports import Assessment, CauseOfConcern, InspectionReport, Provenance

__all__ = [
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
    "Dataset",
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
    "dump",
    "find_force",
    "forces",
    "grade_change",
    "grade_distribution",
    "group_subtotal",
    "load",
    "load_bundled",
    "mean_of_rates",
    "national_rate",
    "outcome_grouping",
    "percent_change",
    "percentage_point_change",
    "position",
    "rank",
    "rate",
    "rate_change",
    "rounding_tolerance",
    "share",
    "shares_of_assigned",
    "side_by_side",
    "to_records",
    "transitions",
    "within_rounding",
]
