"""The analysis: calculations on figures, comparisons with England and Wales,
rankings and bands, grade changes, the national picture, a force's history,
the consistency of outcome tables, and the kinds of source grades rest on."""

from typing import TYPE_CHECKING

from .. import _lazy

if TYPE_CHECKING:
    from ._bands import Band, band, bands
    from ._coverage import Coverage, coverage
    from ._england_and_wales import NationalFigure, mean_of_rates, national_rate
    from ._history import HistoryEntry, history
    from ._standing import Question
    from ._table_sums import (
        assigned_total,
        group_subtotal,
        rounding_tolerance,
        shares_of_assigned,
        within_rounding,
    )
    from ._transitions import Transition, Transitions, transitions
    from .calculations import (
        EXCLUSIONS_2016,
        apply_percent_change,
        base_from_rate,
        change_over_years,
        compose_percent_changes,
        count_from_rate,
        percent_change,
        percentage_point_change,
        rate,
        rate_change,
        share,
    )
    from .comparisons import (
        Change,
        Comparison,
        Direction,
        GradeChange,
        SideBySide,
        compare,
        grade_change,
        judgment_before,
        side_by_side,
    )
    from .consistency import Check, CheckKind, check_dataset, check_report, check_table
    from .monitoring import (
        InEngage,
        duration_words,
        earliest_move,
        in_engage,
        in_engage_when_published,
        latest_dated,
        latest_move,
    )
    from .national import GradeDistribution, Position, grade_distribution, grade_distributions, position
    from .rankings import RankedForce, Ranking, RankMethod, rank, rank_forces
    from .sources import SourceKind, Sources, describe_sources, source_kind, sources_of

__all__ = [
    "EXCLUSIONS_2016",
    "Band",
    "Change",
    "Check",
    "CheckKind",
    "Comparison",
    "Coverage",
    "Direction",
    "GradeChange",
    "GradeDistribution",
    "HistoryEntry",
    "InEngage",
    "NationalFigure",
    "Position",
    "Question",
    "RankMethod",
    "RankedForce",
    "Ranking",
    "SideBySide",
    "SourceKind",
    "Sources",
    "Transition",
    "Transitions",
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
    "count_from_rate",
    "coverage",
    "describe_sources",
    "duration_words",
    "earliest_move",
    "grade_change",
    "grade_distribution",
    "grade_distributions",
    "group_subtotal",
    "history",
    "in_engage",
    "in_engage_when_published",
    "judgment_before",
    "latest_dated",
    "latest_move",
    "mean_of_rates",
    "national_rate",
    "percent_change",
    "percentage_point_change",
    "position",
    "rank",
    "rank_forces",
    "rate",
    "rate_change",
    "rounding_tolerance",
    "share",
    "shares_of_assigned",
    "side_by_side",
    "source_kind",
    "sources_of",
    "transitions",
    "within_rounding",
]

if not TYPE_CHECKING:  # for a type checker, a name not imported above is a mistake
    __getattr__, __dir__ = _lazy.lazy_names(
        __name__,
        __all__,
        (
            "_coverage",
            "_england_and_wales",
            "calculations",
            "comparisons",
            "consistency",
            "_table_sums",
            "_history",
            "_standing",
            "monitoring",
            "national",
            "_bands",
            "rankings",
            "sources",
            "_transitions",
        ),
    )
