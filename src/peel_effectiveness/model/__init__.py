"""The model: immutable attrs classes of forces, cycles, judgments, figures
and reports, and the registry of every cycle's core questions.

This layer imports nothing above it. Every rule about what valid data is
lives here, once: in the value rules (:mod:`._values`, and :mod:`._words`
for the enums) and in each class's attrs validators (:mod:`._validators`).
:data:`peel_effectiveness.converter` reads and writes the classes by the
same rules.
"""

from .cycles import Cycle, Pillar, why_not_comparable
from .dataset import Dataset
from .force import Country, Force, find_force, forces, territorial
from .grades import Grade, GradeScale, NoGrade
from .judgments import Basis, Judgment, OtherGrade, OtherGradeKind
from .metrics import Measurement, MetricDefinition, Unit
from .monitoring import EngageDate, Precision, Stay
from .outcome_types import (
    OUTCOME_GROUPINGS,
    OUTCOME_TYPES,
    OutcomeGroup,
    OutcomeGrouping,
    OutcomeType,
    outcome_grouping,
)
from .outcomes import OutcomeGroupRow, OutcomeMeasure, OutcomeTable, OutcomeTotal, OutcomeTypeRow
from .periods import Period
from .questions import (
    CoreQuestion,
    core_question,
    core_questions,
    headline_graded,
    headline_question,
    register_question,
    registry_complete,
)
from .reports import Assessment, CauseOfConcern, InspectionReport, Provenance

__all__ = [
    "OUTCOME_GROUPINGS",
    "OUTCOME_TYPES",
    "Assessment",
    "Basis",
    "CauseOfConcern",
    "CoreQuestion",
    "Country",
    "Cycle",
    "Dataset",
    "EngageDate",
    "Force",
    "Grade",
    "GradeScale",
    "InspectionReport",
    "Judgment",
    "Measurement",
    "MetricDefinition",
    "NoGrade",
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
    "Period",
    "Pillar",
    "Precision",
    "Provenance",
    "Stay",
    "Unit",
    "core_question",
    "core_questions",
    "find_force",
    "forces",
    "headline_graded",
    "headline_question",
    "outcome_grouping",
    "register_question",
    "registry_complete",
    "territorial",
    "why_not_comparable",
]
