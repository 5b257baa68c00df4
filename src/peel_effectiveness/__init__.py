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
from .cycles import CoreQuestion, Cycle, Pillar, core_question, core_questions
from .dataset import Dataset
from .errors import NotFoundError, PeelDataError, PeelError, Problem
from .forces import Country, Force, find_force, forces
from .grades import Grade, GradeScale
from .judgments import Basis, Judgment
from .loading import dump, load, load_bundled
from .metrics import Measurement, MetricDefinition, Period, Unit
from .outcomes import (
    OUTCOME_TYPES,
    OutcomeGroupRow,
    OutcomeMeasure,
    OutcomeTable,
    OutcomeTotal,
    OutcomeType,
    OutcomeTypeRow,
)
from .records import JUDGMENT_COLUMNS, MEASUREMENT_COLUMNS, to_records
from .reports import Assessment, CauseOfConcern, InspectionReport, Provenance

__all__ = [
    "JUDGMENT_COLUMNS",
    "MEASUREMENT_COLUMNS",
    "OUTCOME_TYPES",
    "Assessment",
    "Basis",
    "CauseOfConcern",
    "CoreQuestion",
    "Country",
    "Cycle",
    "Dataset",
    "Force",
    "Grade",
    "GradeScale",
    "InspectionReport",
    "Judgment",
    "Limits",
    "Measurement",
    "MetricDefinition",
    "NotFoundError",
    "OutcomeGroupRow",
    "OutcomeMeasure",
    "OutcomeTable",
    "OutcomeTotal",
    "OutcomeType",
    "OutcomeTypeRow",
    "PeelDataError",
    "PeelError",
    "Period",
    "Pillar",
    "Problem",
    "Provenance",
    "Unit",
    "__version__",
    "core_question",
    "core_questions",
    "dump",
    "find_force",
    "forces",
    "load",
    "load_bundled",
    "to_records",
]
