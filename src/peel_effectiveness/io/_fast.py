"""The fast path: strict, hand-written structuring for documents with no problems.

It accepts exactly what the validating cattrs path accepts, but stops at the
first thing out of the ordinary and says so by raising :class:`Bail`; the
caller then runs the validating path, which finds every problem with its line.
Valid data, the common case, so never pays for detailed error reporting.

Repeated values are shared: equal periods, metric definitions and judgments
are one object, and so are repeated mappings (YAML) and report parts written
alike (both formats), which keeps large datasets small in memory.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from typing import Any

from ..errors import PeelError
from ..model.cycles import Cycle, Pillar
from ..model.force import Force, find_force
from ..model.grades import Grade
from ..model.judgments import Basis, Judgment
from ..model.metrics import Measurement, MetricDefinition, Period, Unit, is_metric_key
from ..model.outcomes import OutcomeGroupRow, OutcomeMeasure, OutcomeTable, OutcomeTotal, OutcomeTypeRow
from ..model.reports import Assessment, CauseOfConcern, InspectionReport, Provenance


class Bail(Exception):
    """Something needs the validating path's attention."""


class _Bailing:
    """Turns what the models raise on bad values into :class:`Bail`."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type[BaseException] | None, value: object, tb: object) -> None:
        if kind is not None and issubclass(kind, (PeelError, ValueError, TypeError)):
            raise Bail from None


_BAILING = _Bailing()


# The large parts of a report, which the readers take as text (see `Builder.part`).
PARTS = ("assessments", "measurements", "outcome_tables", "provenance")
_REPORT = {
    "force", "cycle", "pillar", "grade", "basis", "carried_over_from", "grade_sources", "previous_grade",
    "previous_basis", "previous_carried_over_from", "previous_grade_sources", "summary", "assessments",
    "measurements", "outcome_tables", "provenance",
}  # fmt: skip
_ASSESSMENT = {
    "question", "grade", "basis", "carried_over_from", "grade_sources", "previous_grade", "previous_basis",
    "previous_carried_over_from", "previous_grade_sources", "summary", "areas_for_improvement",
    "causes_of_concern",
}  # fmt: skip
_MEASUREMENT = {
    "metric",
    "label",
    "unit",
    "value",
    "england_and_wales",
    "period",
    "baseline",
    "base",
    "source",
    "note",
}
_TABLE = {
    "key",
    "title",
    "measure",
    "period",
    "rows",
    "total_assigned",
    "not_yet_assigned",
    "total",
    "source",
    "note",
}
_TYPE_ROW = {"outcome", "label", "force", "england_and_wales"}
_GROUP_ROW = {"group", "outcomes", "force", "england_and_wales", "members"}
_TOTAL = {"label", "force", "england_and_wales"}
_PROVENANCE = {"title", "publisher", "published", "isbn", "url", "document", "licence"}
_CONCERN = {"summary", "recommendations"}
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


class Builder:
    """Builds models from one load's documents, sharing repeated values."""

    def __init__(self, *, shared_scalars: bool = False) -> None:
        # With shared_scalars (the YAML reader's documents, where equal scalars
        # are one object) repeated mappings are recognised by identity.
        self.shared_scalars = shared_scalars
        # Mapping keys seen, to check a JSON text for repeated keys, and
        # values seen (keys too, as the YAML reader counts them) for the
        # limit on values: JSON texts only, which no reader counted before.
        self.keys = 0
        self.nodes = 1
        self._forces: dict[str, Force] = {}
        self._periods: dict[Any, Period] = {}
        self._metrics: dict[tuple[Any, ...], MetricDefinition] = {}
        # Mappings already built, by the identities of what they hold (see `remembered`).
        self._raw: dict[tuple[Any, ...], Any] = {}
        self._judgments: dict[tuple[Any, ...], Judgment | None] = {}
        self._parts: dict[tuple[str, str], tuple[Any, int, int]] = {}

    # --- leaves -------------------------------------------------------------

    def mapping(self, d: Any, allowed: set[str], required: tuple[str, ...] = ()) -> dict[str, Any]:
        if type(d) is not dict or not d.keys() <= allowed:
            raise Bail
        for k in required:
            if k not in d:
                raise Bail
        self.keys += len(d)
        self.nodes += 2 * len(d)
        return d

    def sequence(self, v: Any) -> list[Any]:
        if type(v) is not list:
            raise Bail
        self.nodes += len(v)
        return v

    def force(self, v: Any) -> Force:
        f = self._forces.get(v)
        if f is None:
            if type(v) is not str:
                raise Bail
            try:
                f = self._forces[v] = find_force(v)
            except PeelError:
                raise Bail from None
        return f

    def date(self, v: Any) -> dt.date:
        if type(v) is dt.date:
            return v
        if type(v) is str and _ISO.fullmatch(v):
            try:
                return dt.date.fromisoformat(v)
            except ValueError:
                raise Bail from None
        raise Bail

    def period(self, v: Any) -> Period:
        if type(v) is str:
            p = self._periods.get(v)
            if p is None:
                try:
                    p = self._periods[v] = Period.parse(v)
                except ValueError:
                    raise Bail from None
            return p
        d = self.mapping(v, {"start", "end"}, ("start", "end"))
        start, end = self.date(d["start"]), self.date(d["end"])
        key = (start, end)
        p = self._periods.get(key)
        if p is None:
            if end < start:
                raise Bail
            p = self._periods[key] = Period(start, end)
        return p

    def metric(self, d: dict[str, Any]) -> MetricDefinition:
        key = (
            d["metric"],
            d["label"],
            d["unit"],
            d.get("period"),
            d.get("baseline"),
            d.get("base"),
            d.get("source"),
        )
        cacheable = True
        try:
            m = self._metrics.get(key)
        except TypeError:  # a period given as a mapping: not hashable, build afresh
            m, cacheable = None, False
        if m is None:
            unit = _enum(Unit, d["unit"])
            name = _text(d["metric"])
            if not is_metric_key(name):
                raise Bail
            base = _opt_text(d.get("base"))
            if base is not None and unit is not Unit.PER_100:
                raise Bail
            m = MetricDefinition(
                key=name,
                label=_text(d["label"]),
                unit=unit,
                period=None if d.get("period") is None else self.period(d["period"]),
                baseline=None if d.get("baseline") is None else self.period(d["baseline"]),
                base=base,
                source=_opt_text(d.get("source")),
            )
            if cacheable:
                self._metrics[key] = m
        return m

    # --- classes --------------------------------------------------------------

    def remembered(self, v: Any, build: Any) -> Any:
        """``build(v)``, or what it gave for a mapping built before from the
        very same key and value objects.

        The YAML reader gives equal scalars one object each, so a repeated
        mapping is recognised by the identities of what it holds, which is
        cheap and exact: ``True`` and ``1``, or ``0.0`` and ``-0.0``, are
        different objects. (Every object stays alive while the document is
        built, so no identity is reused meanwhile.) The JSON readers share
        whole parts by their text instead (see `part`).
        """
        if not self.shared_scalars or type(v) is not dict:
            return build(v)
        key = (*map(id, v), *map(id, v.values()))
        found = self._raw.get(key)
        if found is not None:
            self.keys += len(v)
            return found
        made = self._raw[key] = build(v)
        return made

    def measurement(self, v: Any) -> Measurement:
        return self.remembered(v, self._measurement)  # type: ignore[no-any-return]

    def _measurement(self, v: Any) -> Measurement:
        d = self.mapping(v, _MEASUREMENT, ("metric", "label", "unit", "value"))
        ew = d.get("england_and_wales")
        # Measurement's validators check the values against the unit.
        return Measurement(
            metric=self.metric(d),
            value=_number(d["value"]),
            england_and_wales=None if ew is None else _number(ew),
            note=_opt_text(d.get("note")),
        )

    def type_row(self, v: Any) -> OutcomeTypeRow:
        return self.remembered(v, self._type_row)  # type: ignore[no-any-return]

    def _type_row(self, v: Any) -> OutcomeTypeRow:
        d = self.mapping(v, _TYPE_ROW, ("outcome", "label"))
        return OutcomeTypeRow(
            outcome=_int(d["outcome"]),
            label=_text(d["label"]),
            force=_opt_number(d.get("force")),
            england_and_wales=_opt_number(d.get("england_and_wales")),
        )

    def row(self, v: Any) -> OutcomeTypeRow | OutcomeGroupRow:
        if type(v) is dict and "group" in v:
            d = self.mapping(v, _GROUP_ROW, ("group", "outcomes"))
            return OutcomeGroupRow(
                group=_text(d["group"]),
                outcomes=tuple(_int(n) for n in self.sequence(d["outcomes"])),
                force=_opt_number(d.get("force")),
                england_and_wales=_opt_number(d.get("england_and_wales")),
                members=tuple(self.type_row(m) for m in self.sequence(d.get("members", []))),
            )
        return self.type_row(v)

    def total(self, v: Any) -> OutcomeTotal | None:
        if v is None:
            return None
        d = self.mapping(v, _TOTAL, ("label",))
        return OutcomeTotal(
            label=_text(d["label"]),
            force=_opt_number(d.get("force")),
            england_and_wales=_opt_number(d.get("england_and_wales")),
        )

    def table(self, v: Any) -> OutcomeTable:
        d = self.mapping(v, _TABLE, ("key", "title", "measure", "period", "rows"))
        return OutcomeTable(
            key=_text(d["key"]),
            title=_text(d["title"]),
            measure=_enum(OutcomeMeasure, d["measure"]),
            period=self.period(d["period"]),
            rows=tuple(self.row(r) for r in self.sequence(d["rows"])),
            total_assigned=self.total(d.get("total_assigned")),
            not_yet_assigned=self.total(d.get("not_yet_assigned")),
            total=self.total(d.get("total")),
            source=_opt_text(d.get("source")),
            note=_opt_text(d.get("note")),
        )

    def judgment(self, d: dict[str, Any], prefix: str) -> Judgment | None:
        given = (
            d.get(prefix + "grade"),
            d.get(prefix + "basis"),
            d.get(prefix + "carried_over_from"),
            d.get(prefix + "grade_sources", []),
        )
        # Judgments repeat across reports: build each once. The type of the
        # cycle is in the key, since 2015.0 equals 2015 but is refused.
        sources = given[3]
        if type(sources) is list:
            self.nodes += len(sources)  # counted here, since a judgment may come from the cache
            key = (*given[:3], type(given[2]), tuple(sources))
        else:
            key = (*given[:3], type(given[2]), sources)
        try:
            if key in self._judgments:
                return self._judgments[key]
        except TypeError:  # something unhashable, which will not do anyway
            raise Bail from None
        made = self._judgments[key] = self._judgment(*given)
        return made

    def _judgment(self, grade: Any, basis: Any, carried: Any, sources: Any) -> Judgment | None:
        if type(sources) is not list:
            raise Bail
        sources = tuple(_text(s) for s in sources)
        if grade is None:
            if basis is not None or carried is not None or sources:
                raise Bail
            return None
        b = Basis.STATED if basis is None else _enum(Basis, basis)
        c = None if carried is None else _cycle(carried)
        if (b is Basis.CARRIED_OVER) != (c is not None):
            raise Bail
        return Judgment(_grade(grade), b, c, sources)

    def assessment(self, v: Any) -> Assessment:
        d = self.mapping(v, _ASSESSMENT, ("question",))
        concerns = []
        for c in self.sequence(d.get("causes_of_concern", [])):
            cd = self.mapping(c, _CONCERN, ("summary",))
            concerns.append(
                CauseOfConcern(
                    summary=_text(cd["summary"]),
                    recommendations=tuple(_text(r) for r in self.sequence(cd.get("recommendations", []))),
                )
            )
        return Assessment(
            question=_int(d["question"]),
            judgment=self.judgment(d, ""),
            previous=self.judgment(d, "previous_"),
            summary=_text(d.get("summary", "")),
            areas_for_improvement=tuple(_text(t) for t in self.sequence(d.get("areas_for_improvement", []))),
            causes_of_concern=tuple(concerns),
        )

    def provenance(self, v: Any) -> Provenance | None:
        if v is None:
            return None
        d = self.mapping(v, _PROVENANCE, ("title", "publisher"))
        with _BAILING:
            return self._provenance(d)

    def _provenance(self, d: dict[str, Any]) -> Provenance:
        return Provenance(
            title=_text(d["title"]),
            publisher=_text(d["publisher"]),
            published=None if d.get("published") is None else self.date(d["published"]),
            isbn=_opt_text(d.get("isbn")),
            url=_opt_text(d.get("url")),
            document=_opt_text(d.get("document")),
            licence=_opt_text(d.get("licence")),
        )

    # The parts of a report, which the readers may build on their own.

    def build_part(self, name: str, v: Any) -> Any:
        """One of `PARTS`, by its key."""
        if name == "provenance":
            return self.provenance(v)
        if name == "measurements":
            return self.measurements(v)
        if name == "outcome_tables":
            return self.tables(v)
        return self.assessments(v)

    def assessments(self, v: Any) -> tuple[Assessment, ...]:
        with _BAILING:
            return tuple(self.assessment(a) for a in self.sequence(v))

    def measurements(self, v: Any) -> tuple[Measurement, ...]:
        with _BAILING:
            return tuple(self.measurement(m) for m in self.sequence(v))

    def tables(self, v: Any) -> tuple[OutcomeTable, ...]:
        with _BAILING:
            return tuple(self.table(t) for t in self.sequence(v))

    def part(self, name: str, raw: str, build: Callable[[], Any]) -> Any:
        """A part of a report (one of `PARTS`) from its JSON text, built once
        per distinct text.

        The text's keys are counted, to refuse a repeated key that the JSON
        reader kept only one of: in valid JSON every '":' ends a key, unless a
        string holds one, which merely sends the text the slow way.
        """
        found = self._parts.get((name, raw))
        if found is None:
            keys, nodes = self.keys, self.nodes
            made = build()
            keys, nodes = self.keys - keys, self.nodes - nodes
            if raw.count('":') != keys:
                raise Bail
            found = self._parts[name, raw] = (made, keys, nodes)
        else:
            self.keys += found[1]
            self.nodes += found[2]
        return found[0]

    def report(self, v: Any, built: dict[str, Any] | None = None) -> InspectionReport:
        """A report; ``built`` holds parts already built (by the JSON reader,
        see `part`) under their keys, which ``v`` then leaves out."""
        d = self.mapping(v, _REPORT, ("force", "cycle"))
        judgment = self.judgment(d, "")
        if judgment is not None and judgment.grade is None:
            raise Bail
        b = built or {}
        parts = {
            name: b[name]
            if name in b
            else self.build_part(name, d.get(name, None if name == "provenance" else []))
            for name in PARTS
        }
        with _BAILING:
            return InspectionReport(
                force=self.force(d["force"]),
                cycle=_cycle(d["cycle"]),
                pillar=Pillar.EFFECTIVENESS if "pillar" not in d else _enum(Pillar, d["pillar"]),
                judgment=judgment,
                previous_judgment=self.judgment(d, "previous_"),
                summary=_text(d.get("summary", "")),
                **parts,
            )

    def reports(self, value: Any) -> list[InspectionReport]:
        if type(value) is dict:
            return [self.report(value)]
        if type(value) is list:
            return [self.report(v) for v in value]
        raise Bail


def _text(v: Any) -> str:
    if type(v) is str:
        return v
    raise Bail


def _opt_text(v: Any) -> str | None:
    return None if v is None else _text(v)


def _int(v: Any) -> int:
    if type(v) is int:
        return v
    raise Bail


def _number(v: Any) -> float:
    t = type(v)
    if t is float:
        if math.isfinite(v):
            return v  # type: ignore[no-any-return]
        raise Bail
    if t is int:
        try:
            return float(v)
        except OverflowError:
            raise Bail from None
    raise Bail


def _opt_number(v: Any) -> float | None:
    return None if v is None else _number(v)


def _enum(cls: Any, v: Any) -> Any:
    if type(v) is str:
        member = cls._value2member_map_.get(v)
        if member is not None:
            return member
    raise Bail


def _cycle(v: Any) -> Cycle:
    if (type(v) is str or type(v) is int) and v is not True and v is not False:
        try:
            return Cycle.parse(v)
        except PeelError:
            raise Bail from None
    raise Bail


def _grade(v: Any) -> Grade | None:
    if type(v) is str:
        if v.strip().lower() == "ungraded":
            return None
        try:
            return Grade.parse(v)
        except PeelError:
            raise Bail from None
    raise Bail
