"""Typed PEEL inspection results for the police forces of England and Wales.

Load the bundled data, or your own YAML and JSON files, into immutable attrs
classes; look up forces; compare them with England and Wales; export tidy
rows. :data:`converter` (un)structures the model for your own code.

The names here are the ones a user meets first; the rest are in the public
subpackages :mod:`peel_effectiveness.model`, :mod:`~peel_effectiveness.io`,
:mod:`~peel_effectiveness.analysis` and :mod:`~peel_effectiveness.output`.

Examples:
    >>> import peel_effectiveness as pe
    >>> report = pe.load_bundled().report("Cumbria", 2016)
    >>> str(report.judgment), str(report.previous_judgment)
    ('Good', 'Requires improvement')
"""

from . import _lazy
from ._version import __version__

# typing.TYPE_CHECKING, which type checkers take for true wherever it is
# defined: the package imports nothing heavy (not even typing) until a name
# is asked for, so that the program can hold the garbage collector back
# before the imports of a command begin (see cli/_script.py).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from .analysis import compare, grade_change, history, rank_forces, transitions
    from .errors import MissingDependencyError, NotFoundError, PeelDataError, PeelError, PeelWarning, Problem
    from .io import Limits, converter, dump, load, load_bundled, loads
    from .model import (
        Assessment,
        Basis,
        CauseOfConcern,
        CoreQuestion,
        Cycle,
        Dataset,
        Force,
        Grade,
        InspectionReport,
        Judgment,
        Measurement,
        MetricDefinition,
        NoGrade,
        OtherGrade,
        OutcomeGroupRow,
        OutcomeTable,
        OutcomeTotal,
        OutcomeTypeRow,
        Period,
        Pillar,
        Provenance,
        Unit,
        find_force,
        forces,
    )
    from .output import to_dataframe, to_records

__all__ = [
    "Assessment",
    "Basis",
    "CauseOfConcern",
    "CoreQuestion",
    "Cycle",
    "Dataset",
    "Force",
    "Grade",
    "InspectionReport",
    "Judgment",
    "Limits",
    "Measurement",
    "MetricDefinition",
    "MissingDependencyError",
    "NoGrade",
    "NotFoundError",
    "OtherGrade",
    "OutcomeGroupRow",
    "OutcomeTable",
    "OutcomeTotal",
    "OutcomeTypeRow",
    "PeelDataError",
    "PeelError",
    "PeelWarning",
    "Period",
    "Pillar",
    "Problem",
    "Provenance",
    "Unit",
    "__version__",
    "compare",
    "converter",
    "dump",
    "find_force",
    "forces",
    "grade_change",
    "history",
    "load",
    "load_bundled",
    "loads",
    "rank_forces",
    "to_dataframe",
    "to_records",
    "transitions",
]

if not TYPE_CHECKING:  # for a type checker, a name not imported above is a mistake
    __getattr__, __dir__ = _lazy.lazy_names(
        __name__, __all__, ("errors", "model", "io", "analysis", "output")
    )
