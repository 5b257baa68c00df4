"""The data-file format of each record class of the model: a
:class:`Layout` each, which the converter's record hooks (:mod:`._records`),
the JSON Schema and the messages read.

A layout says the keys some fields are written under (``grade_sources``)
and the records written flat in their parent (a report's ``grade`` is its
judgment's).
"""

from __future__ import annotations

import typing
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, NamedTuple

import attrs

from ..model.dataset import Dataset
from ..model.force import Force
from ..model.judgments import Judgment, OtherGrade
from ..model.metrics import Measurement, MetricDefinition
from ..model.monitoring import Stay
from ..model.outcome_types import OutcomeGroup, OutcomeGrouping, OutcomeType
from ..model.outcomes import OutcomeGroupRow, OutcomeTable, OutcomeTotal, OutcomeTypeRow
from ..model.periods import Period
from ..model.questions import CoreQuestion
from ..model.reports import Assessment, CauseOfConcern, InspectionReport, Provenance

__all__ = ["LAYOUTS", "Layout", "file_keys", "mapping_of", "record_type"]


class Layout(NamedTuple):
    """How the data format writes one record class (a constant of this
    module, so a named tuple: see model/_field_limits.py).

    Attributes:
        noun: What messages call one (``"a report"``).
        keys: Fields written under another key, by field name.
        flat: Record-valued fields written flat in this record, each under a
            prefix of its keys (``previous_``: ``previous_grade``...).
        shared: Whether equal mappings of short text make one record, built
            once and shared (records are immutable): for records that recur
            from report to report, as a cycle's provenance does.
        stand_in: For a required field no rule of the record reads, a value
            that lets the record's rules run where the file's fails (a
            report's rules do not read its force: a misspelt force must not
            hide an off-scale grade). The record so built is never kept.
        unread: Of the fields with a stand-in, those no rule of a record
            holding this one reads either: the record built with their
            stand-in is given to its holder's rules (a blank title must not
            hide a provenance's date out of its cycle, which the report's
            rules check). A stand-in of another field (a force, whose
            reports the dataset's rules count) is the record's own.
        holder_only: Of the fields with a stand-in, or left out where they
            fail (an optional one), those the rules of the record holding
            this one do not read, though rules above it do: the record
            built without them is given to its holder's rules, not to the
            rules above (a misspelt metric key must not hide a figure out
            of its unit's range, which the measurement checks; the report's
            rules, which read a metric's key and period, do not see it: two
            periods misspelt are no metric given twice). Such a record is
            held flat in its holder (a metric in its measurement): a list
            of them would not pass on that they are for their holder alone.
        absence_read: Of the optional fields, those whose absence the rules
            of the record, and of a record holding it, read as a value (a
            stay without ``left`` is one not ended): where one fails, no
            rule is given the record built without it (a misspelt day out
            must not make the stay overlap the force's next, nor its
            sources of the move out go with no move out).
    """

    noun: str
    keys: Mapping[str, str] = MappingProxyType({})
    flat: Mapping[str, str] = MappingProxyType({})
    shared: bool = False
    stand_in: Mapping[str, Any] = MappingProxyType({})
    unread: frozenset[str] = frozenset()
    holder_only: frozenset[str] = frozenset()
    absence_read: frozenset[str] = frozenset()


# A report's and a stay's rules read no force: any of the 43 stands in for
# one misspelt (see Layout.stand_in).
_STAND_IN = MappingProxyType({"force": "cumbria"})


def _names(*fields: str) -> dict[str, Any]:
    """Fields of words no rule reads, of the record or of any holding it
    (a label, a title): each stands in for itself (see Layout.unread)."""
    return {"stand_in": MappingProxyType({f: f for f in fields}), "unread": frozenset(fields)}


LAYOUTS: dict[type[Any], Layout] = {
    InspectionReport: Layout(
        "a report",
        flat={"judgment": "", "previous_judgment": "previous_"},
        stand_in=_STAND_IN,
    ),
    Assessment: Layout("an assessment", flat={"judgment": "", "previous_judgment": "previous_"}),
    Judgment: Layout("a judgment", keys={"sources": "grade_sources", "note": "grade_note"}),
    OtherGrade: Layout("another grade"),
    CauseOfConcern: Layout("a cause of concern"),
    Provenance: Layout("the provenance", shared=True, **_names("title", "publisher")),
    Measurement: Layout("a measurement", flat={"metric": ""}),
    MetricDefinition: Layout(
        "a metric",
        keys={"key": "metric"},
        # (A key stood in for is any key: "stood_in" says what it is.)
        stand_in=MappingProxyType({"label": "label", "key": "stood_in"}),
        unread=frozenset({"label"}),
        holder_only=frozenset({"key", "period"}),
    ),
    Period: Layout("a period ('12 months to 30 June 2016', or start and end dates)"),
    # A table's rules read neither its key nor its period, and the report's
    # only its key: a misspelt key or period must not hide a row's figure
    # past 100, nor a misspelt period another table of the same key.
    OutcomeTable: Layout(
        "an outcome table",
        # (Any period stands in for one: no rule reads it.)
        stand_in=MappingProxyType(
            {"title": "title", "key": "stood_in", "period": "12 months to 31 March 2016"}
        ),
        unread=frozenset({"title", "period"}),
    ),
    OutcomeTypeRow: Layout("an outcome row", **_names("label")),
    OutcomeGroupRow: Layout("an outcome group row", **_names("group")),
    OutcomeTotal: Layout("an outcome total", **_names("label")),
    # A force's own rules read its names and its code: a code of no force
    # stands in for one mistyped, so that its names are checked (what the
    # rules then say of the stand-in, its country's prefix, is dropped with
    # the field's own problem; the dataset's rules read codes: not given up).
    Force: Layout("a force", stand_in=MappingProxyType({"gss_code": "E23999999"})),
    CoreQuestion: Layout("a core question"),
    OutcomeType: Layout("an outcome type"),
    OutcomeGroup: Layout("an outcome group"),
    OutcomeGrouping: Layout("an outcome grouping"),
    Stay: Layout("a stay in Engage", stand_in=_STAND_IN, absence_read=frozenset({"left"})),
    Dataset: Layout("a dataset", keys={"stays": "monitoring"}),
}
"""The data format of every record class of the model (and of
:class:`~peel_effectiveness.io.Limits`, added by its module: the commands
that read only the bundle never import it)."""


def record_type(tp: Any) -> type[Any] | None:
    """The record class a field of type ``tp`` holds (through ``| None`` and
    ``tuple[..., ...]``), where it holds one; the first of a union."""
    if isinstance(tp, type) and attrs.has(tp):
        return tp
    for arg in typing.get_args(tp):
        found = record_type(arg)
        if found is not None:
            return found
    return None


def file_keys(cls: type[Any]) -> dict[str, str]:
    """Every key a record of ``cls`` may have in a data file, with the field
    it belongs to (a key of a record written flat belongs to its field)."""
    layout = LAYOUTS[cls]
    out: dict[str, str] = {}
    for a in attrs.fields(attrs.resolve_types(cls)):
        if a.name in layout.flat:
            inner = record_type(a.type)
            assert inner is not None
            out.update((layout.flat[a.name] + k, a.name) for k in file_keys(inner))
        else:
            out[layout.keys.get(a.name, a.name)] = a.name
    return out


def mapping_of(value: Any) -> dict[Any, Any] | None:
    """``value`` as a dict where it is a mapping of any class (an
    OrderedDict, a YAML library's own), else ``None``."""
    if value.__class__ is dict:
        return value
    if value.__class__ is not str and isinstance(value, Mapping):
        return dict(value)
    return None
