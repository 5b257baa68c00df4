"""A downstream package's own attrs classes hold the model's, and
pe.converter (un)structures them the way attrs users expect."""

from __future__ import annotations

import collections
import datetime as dt
import enum
import itertools
import json
import math
import re
import sys
import types
import typing
import warnings

import attrs
import pytest

import peel_effectiveness as pe
from peel_effectiveness import model


@attrs.frozen
class Everything:
    """A class of a package built on peel_effectiveness: a field of every
    public model type."""

    report: pe.InspectionReport
    assessment: pe.Assessment
    judgment: pe.Judgment
    other_grade: pe.OtherGrade
    cause: pe.CauseOfConcern
    provenance: pe.Provenance
    measurement: pe.Measurement
    metric: pe.MetricDefinition
    period: pe.Period
    table: pe.OutcomeTable
    type_row: pe.OutcomeTypeRow
    group_row: pe.OutcomeGroupRow
    total: pe.OutcomeTotal
    force: pe.Force
    question: pe.CoreQuestion
    dataset: pe.Dataset
    outcome_type: model.OutcomeType
    outcome_group: model.OutcomeGroup
    grouping: model.OutcomeGrouping
    cycle: pe.Cycle
    pillar: pe.Pillar
    grade: pe.Grade
    no_grade: pe.NoGrade
    grade_or_reason: pe.Grade | pe.NoGrade
    basis: pe.Basis
    unit: pe.Unit
    country: model.Country
    scale: model.GradeScale
    kind: model.OtherGradeKind
    measure: model.OutcomeMeasure
    stay: model.Stay
    engage_date: model.EngageDate
    precision: model.Precision
    maybe_judgment: pe.Judgment | None = None
    judgments: tuple[pe.Judgment, ...] = ()
    note: str = ""


PUBLIC_TYPES = {
    t
    for n in model.__all__
    if isinstance(t := getattr(model, n), type) and (attrs.has(t) or issubclass(t, enum.Enum))
}


def _everything() -> Everything:
    data = pe.load_bundled()
    cumbria = data.report("cumbria", 2016)
    table = cumbria.outcome_tables[0]
    group_row = next(r for r in table.rows if isinstance(r, pe.OutcomeGroupRow) and r.members)
    northants = data.report("northamptonshire", "2023-25")
    other = next(
        o for r in data for a in r.assessments if a.judgment is not None for o in a.judgment.other_grades
    )
    assert northants.assessments
    return Everything(
        report=cumbria,
        assessment=cumbria.assessments[1],
        judgment=cumbria.judgment,  # type: ignore[arg-type]
        other_grade=other,
        cause=pe.CauseOfConcern(summary="A concern", recommendations=("Do this",)),
        provenance=cumbria.provenance,  # type: ignore[arg-type]
        measurement=cumbria.measurements[0],
        metric=cumbria.measurements[5].metric,
        period=pe.Period.parse("1 January 2016 to 31 March 2016"),
        table=table,
        type_row=table.type_rows()[0],
        group_row=group_row,
        total=table.total_assigned,  # type: ignore[arg-type]
        force=cumbria.force,
        question=cumbria.question(3),
        dataset=pe.Dataset(data.for_force("cumbria"), data.stays_of("cleveland")),
        outcome_type=model.OUTCOME_TYPES[13],
        outcome_group=model.OUTCOME_GROUPINGS[0].groups[2],
        grouping=model.OUTCOME_GROUPINGS[1],
        cycle=pe.Cycle.Y2018_19,
        pillar=pe.Pillar.LEGITIMACY,
        grade=pe.Grade.REQUIRES_IMPROVEMENT,
        no_grade=pe.NoGrade.NOT_YET_GRADED,
        grade_or_reason=pe.NoGrade.UNGRADED,
        basis=pe.Basis.INFERRED,
        unit=pe.Unit.PER_MILLION_POPULATION,
        country=model.Country.WALES,
        scale=model.GradeScale.FIVE_POINT,
        kind=model.OtherGradeKind.DISPUTED,
        measure=model.OutcomeMeasure.PER_100_OFFENCES,
        stay=data.stays_of("nottinghamshire")[0],
        engage_date=data.stays_of("cleveland")[0].entered,
        precision=model.Precision.BY,
        maybe_judgment=northants.assessments[0].judgment,
        judgments=tuple(a.judgment for a in cumbria.assessments if a.judgment is not None),
        note="filled from the bundled data",
    )


def test_the_downstream_class_has_a_field_of_every_public_model_type() -> None:
    held = set()
    for a in attrs.fields(attrs.resolve_types(Everything)):
        held |= {a.type, *typing.get_args(a.type)}
    assert held >= PUBLIC_TYPES, PUBLIC_TYPES - held


def test_a_downstream_class_round_trips_through_the_converter_and_json() -> None:
    everything = _everything()
    plain = pe.converter.unstructure(everything)
    text = json.dumps(plain)  # ready for JSON as it is: dates as text, enums as words
    again = pe.converter.structure(json.loads(text), Everything)
    assert again == everything
    assert plain["report"]["force"] == "cumbria"
    assert plain["judgment"]["grade"] == "good"
    assert plain["period"] == "1 January 2016 to 31 March 2016"


def test_a_copy_of_the_converter_takes_hooks_of_its_own() -> None:
    mine = pe.converter.copy()
    mine.register_unstructure_hook(pe.Grade, lambda g: g.label)
    assert mine.unstructure(pe.Grade.REQUIRES_IMPROVEMENT) == "Requires improvement"
    assert pe.converter.unstructure(pe.Grade.REQUIRES_IMPROVEMENT) == "requires improvement"


def test_a_bad_value_inside_a_downstream_class_names_its_path() -> None:
    plain = pe.converter.unstructure(_everything())
    plain["judgment"]["grade"] = "goood"
    plain["report"]["assessments"][0]["grade"] = "adequate"
    with pytest.raises(pe.PeelDataError) as e:
        pe.converter.structure(plain, Everything)
    paths = {p.path for p in e.value.problems}
    assert paths == {"judgment.grade", "report.assessments[0].grade"}, e.value


def _ordered(value: object) -> object:
    """``value`` with every dict an OrderedDict, as a YAML library that keeps
    comments (ruamel.yaml's CommentedMap) would give it."""
    if isinstance(value, dict):
        return collections.OrderedDict((k, _ordered(v)) for k, v in value.items())
    if isinstance(value, list):
        return [_ordered(v) for v in value]
    return value


def test_mappings_of_any_class_are_read_as_dicts() -> None:
    plain = pe.converter.unstructure(_everything())
    assert pe.converter.structure(_ordered(plain), Everything) == _everything()
    bundled = pe.load_bundled()
    data = pe.Dataset(bundled.for_force("cumbria"), bundled.stays_of("cumbria"))
    assert pe.converter.structure(_ordered(pe.converter.unstructure(data)), pe.Dataset) == data
    report = {
        "force": "kent",
        "cycle": "2016",
        "provenance": types.MappingProxyType({"title": "T", "publisher": "P"}),
    }
    assert pe.converter.structure(report, pe.InspectionReport).provenance == pe.Provenance(
        title="T", publisher="P"
    )
    # And their problems are the same as a dict's.
    with pytest.raises(pe.PeelDataError, match="no force called 'kentt'"):
        pe.converter.structure(collections.OrderedDict(force="kentt", cycle="2016"), pe.InspectionReport)


def test_a_key_that_is_neither_text_nor_a_number_is_named_in_the_path() -> None:
    with pytest.raises(pe.PeelDataError) as e:
        pe.converter.structure({None: "12 months to 30 June 2016", "x": 5}, dict[str, pe.Period])
    assert "[None]" in str(e.value)


@pytest.mark.parametrize("value", [[1], "text", 3, None])
def test_a_mapping_field_given_another_kind_of_value_says_so_in_the_library_s_words(value: object) -> None:
    # It said "cannot be read: 'list' object has no attribute 'items'".
    @attrs.frozen
    class ByCycle:
        grades: dict[pe.Cycle, pe.Judgment]

    with pytest.raises(pe.PeelDataError) as e:
        pe.converter.structure({"grades": value}, ByCycle)
    ((path, message),) = [(p.path, p.message) for p in e.value.problems]
    assert path == "grades"
    assert message.startswith("expected a mapping, got ")
    given = {"grades": {"2016": {"grade": "good"}}}
    assert pe.converter.unstructure(pe.converter.structure(types.MappingProxyType(given), ByCycle)) == given


def test_limits_are_structured_as_strictly_as_the_records() -> None:
    assert pe.converter.structure({"max_bytes": 10}, pe.io.Limits) == pe.io.Limits(max_bytes=10)
    assert pe.converter.unstructure(pe.io.Limits(max_bytes=10)) == {"max_bytes": 10}
    for bad, words in [("junk", "expected a mapping"), ({"max_bytez": 1}, "did you mean 'max_bytes'")]:
        with pytest.raises(pe.PeelDataError, match=words):
            pe.converter.structure(bad, pe.io.Limits)


def test_a_datasets_own_rules_name_its_lists_by_the_data_formats_keys() -> None:
    stays = [
        {"force": "kent", "entered": "2022-01-01", "left": "2023-01-01"},
        {"force": "kent", "entered": "2022-06-01"},
    ]
    with pytest.raises(pe.PeelDataError) as info:
        pe.converter.structure({"monitoring": stays}, pe.Dataset)
    assert [p.path for p in info.value.problems] == ["monitoring[1]"]


def test_a_copys_hooks_hold_inside_a_dataset_a_force_and_a_period() -> None:
    mine = pe.converter.copy()
    mine.register_unstructure_hook(pe.Grade, lambda g: g.label)
    mine.register_unstructure_hook(str, str.upper)
    report = pe.load_bundled().report("cumbria", "2016")
    assert mine.unstructure(pe.Dataset((report,)))[0]["grade"] == "Good"
    zed = pe.Force("zed", "Zed Police", "Zed", "E23000099", "England", "South")
    assert (
        mine.unstructure(pe.InspectionReport(force=zed, cycle=2016))["force"]["official_name"] == "ZED POLICE"
    )


def test_a_copy_reads_back_inside_the_model_the_values_it_writes() -> None:
    # Its hooks of values wrote the model's dates, and were passed over
    # when reading them: a copy refused what it had written.
    mine = pe.converter.copy()
    mine.register_unstructure_hook(dt.date, lambda d: d.strftime("%d/%m/%Y"))
    mine.register_structure_hook(dt.date, lambda v, _: dt.datetime.strptime(v, "%d/%m/%Y").date())
    data = pe.load_bundled()
    written = json.loads(json.dumps(mine.unstructure(data)))
    report = data.report("cumbria", 2016)
    assert written["reports"][data.reports.index(report)]["provenance"]["published"] == "02/03/2017"
    assert mine.structure(written, pe.Dataset) == data
    # A value the copy's hook refuses is refused, though the data format
    # reads it; one neither reads is said in the field's own words.
    iso = pe.converter.unstructure(report)
    with pytest.raises(pe.PeelDataError) as e:
        mine.structure(iso, pe.InspectionReport)
    assert [p.path for p in e.value.problems] == ["provenance.published"]
    assert "does not match format" in str(e.value)
    with pytest.raises(pe.PeelDataError) as e:
        mine.structure({**iso, "assessments": [{"question": 1.5, "grade": "good"}]}, pe.InspectionReport)
    assert (
        "assessments[0].question",
        "expected a question's number or key, got the number 1.5",
    ) in [(p.path, p.message) for p in e.value.problems]
    seen: list[object] = []
    counting = pe.converter.copy()
    counting.register_structure_hook(pe.Grade, lambda v, _: seen.append(v) or pe.Grade(v))
    assert counting.structure(pe.converter.unstructure(report), pe.InspectionReport) == report
    assert seen.count("good") == 5
    assert set(seen) == {"good", "requires improvement", "ungraded"}


@pytest.mark.parametrize("shape", ["text", "mapping"])
def test_a_record_the_data_format_writes_flat_is_its_own_inside_the_model_whatever_your_hooks(
    shape: str,
) -> None:
    # A report's judgment and a measurement's metric are written as keys of
    # their holder: hooks of yours for their classes wrote a report with
    # AttributeError (a text has no items) or with keys the copy refused.
    mine = pe.converter.copy()
    if shape == "text":
        mine.register_unstructure_hook(pe.Judgment, lambda j: j.grade.value)
        mine.register_structure_hook(pe.Judgment, lambda v, _: pe.Judgment(v))
        mine.register_unstructure_hook(pe.MetricDefinition, lambda m: m.key)
    else:
        mine.register_unstructure_hook(pe.Judgment, lambda j: {"g": j.grade.value})
        mine.register_structure_hook(pe.Judgment, lambda v, _: pe.Judgment(v["g"]))
    report = pe.load_bundled().report("cumbria", 2016)
    written = json.loads(json.dumps(mine.unstructure(report)))
    assert written == pe.converter.unstructure(report)
    assert mine.structure(written, pe.InspectionReport) == report
    # A judgment of its own, or in a class of yours, is your hooks'.
    assert mine.unstructure(pe.Judgment("good")) == ("good" if shape == "text" else {"g": "good"})
    assert mine.structure(mine.unstructure(pe.Judgment("good")), pe.Judgment) == pe.Judgment("good")


@attrs.frozen
class _Float:
    x: float


@attrs.frozen
class _Keyed:
    x: dict[float, int]


@attrs.frozen
class _Anything:
    x: typing.Any


@attrs.frozen
class _Tree:
    children: list[_Tree]


@pytest.mark.parametrize(
    "value", [_Float(math.nan), _Float(-math.inf), _Keyed({math.inf: 1}), _Anything([1.0, math.nan])]
)
def test_a_number_the_converter_would_not_read_back_is_not_written(value: object) -> None:
    # NaN was written (as JSON's non-standard NaN) and then refused.
    with pytest.raises(pe.PeelDataError, match=r"^(nan|-?inf) is not a finite number$"):
        pe.converter.unstructure(value)


@attrs.frozen
class _Log:
    when: dt.date
    counts: dict[dt.date, int] = attrs.Factory(dict)


@pytest.mark.parametrize(
    "value",
    [
        _Log(dt.datetime(2016, 1, 1, 23, 59)),
        _Log(dt.date(2016, 1, 1), {dt.datetime(2016, 1, 1, 9): 1, dt.datetime(2016, 1, 1, 17): 2}),
    ],
)
def test_a_date_and_time_where_a_class_declares_a_day_is_not_written_as_its_day(value: _Log) -> None:
    # Its time was lost, and two of one day made one key, without a word.
    with pytest.raises(
        pe.PeelDataError, match=r"got a date and time \(2016-01-01T\d\d:\d\d:00\), whose time"
    ):
        pe.converter.unstructure(value)
    day = _Log(dt.date(2016, 1, 1), {dt.date(2016, 1, 2): 1})
    assert pe.converter.unstructure(day) == {"when": "2016-01-01", "counts": {"2016-01-02": 1}}


class _FloatEnum(float, enum.Enum):
    A = 1.5


def test_an_enum_of_floats_is_written_as_its_value_and_a_float_s_subclass_as_a_float() -> None:
    # The float hook, registered by class, was tried before the enums' one.
    import yaml

    assert pe.converter.unstructure(_FloatEnum.A).__class__ is float
    assert yaml.safe_dump(pe.converter.unstructure([_FloatEnum.A], list[_FloatEnum])) == "- 1.5\n"

    class Numpyish(float):
        pass

    assert pe.converter.unstructure(_Float(Numpyish(2.5)))["x"].__class__ is float


@pytest.mark.parametrize(
    ("value", "said"),
    [
        (10**400, "a number of 401 digits is too long to be a figure"),
        ("abc", "expected a number, got the text 'abc'"),
        (None, "expected a number, got nothing (null)"),
        (2**53 + 1, "9007199254740993 cannot be held exactly"),
        (True, "expected a number, got the boolean true"),
    ],
)
def test_a_float_field_s_value_the_converter_would_not_read_is_not_written(value: object, said: str) -> None:
    # Each came out of the float hook as OverflowError, ValueError or
    # TypeError, or was written and then refused.
    with pytest.raises(pe.PeelDataError) as e:
        pe.converter.unstructure(_Float(value))  # type: ignore[arg-type]
    assert str(e.value).startswith(said)
    with pytest.raises(pe.PeelDataError) as e:
        pe.converter.structure({"x": value}, _Float)
    assert said in str(e.value)


def test_a_value_nested_past_python_s_limit_is_refused_as_data_both_ways() -> None:
    deep: list[typing.Any] = []
    for _ in range(sys.getrecursionlimit()):
        deep = [deep]
    held = pe.converter.structure({"x": deep}, _Anything)  # kept as it is
    with pytest.raises(pe.PeelDataError, match="nested too deeply to be written"):
        pe.converter.unstructure(held)
    tree: dict[str, typing.Any] = {"children": []}
    for _ in range(sys.getrecursionlimit()):
        tree = {"children": [tree]}
    with pytest.raises(pe.PeelDataError, match=r"children\[0\]: cannot be read: maximum recursion depth"):
        pe.converter.structure(tree, _Tree)
    # Without detailed validation, cattrs' RecursionError came out as it was.
    with pytest.raises(pe.PeelDataError, match=r"^a value nested too deeply to be read"):
        pe.converter.copy(detailed_validation=False).structure(tree, _Tree)


class _Text(str):
    """Text of a class of its own, which the model's text fields refuse."""


def test_the_library_s_converter_reads_with_hooks_of_yours_once_you_register_one() -> None:
    # A copy read the model's values with hooks of its own; the library's
    # converter, given the same hooks, wrote dates as they say and read them
    # back as the data format does, refusing what it had written. (A
    # converter made as the library's is, not the library's: hooks
    # registered on that one change it for the whole process.)
    from peel_effectiveness.io._converter import _make

    conv = _make()
    report = pe.load_bundled().report("cumbria", 2016)
    assert conv.structure(conv.unstructure(report), pe.InspectionReport) == report  # its hooks made
    conv.register_unstructure_hook(dt.date, lambda d: d.strftime("%d/%m/%Y"))
    conv.register_structure_hook(dt.date, lambda v, _: dt.datetime.strptime(v, "%d/%m/%Y").date())
    written = conv.unstructure(report)
    assert written["provenance"]["published"] == "02/03/2017"
    assert conv.structure(written, pe.InspectionReport) == report


@attrs.frozen
class _Unrelated:
    name: str


@pytest.mark.parametrize("hooked", [False, True])
def test_a_copy_without_hooks_of_its_own_finds_the_problems_the_library_s_finds(hooked: bool) -> None:
    # A hook of yours for a class the model does not use changes nothing in
    # it: any hook made every field read by the copy's hooks, and a str
    # subclass the library refuses in a title was read as text.
    import random

    copy = pe.converter.copy()
    if hooked:
        copy.register_structure_hook(_Unrelated, lambda v, _: _Unrelated(str(v)))
    base = pe.converter.unstructure(pe.load_bundled().report("cumbria", 2016))

    def places(value: object, at: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
        inner = (
            value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
        )
        return [p for k, x in inner for p in ((*at, k), *places(x, (*at, k)))]

    def problems(conv: pe.io.PeelConverter, value: object) -> object:
        try:
            conv.structure(value, pe.InspectionReport)
        except pe.PeelDataError as e:
            return [(p.path, p.message) for p in e.problems]
        return "loaded"

    every = places(base)
    wrong = ["", None, -5, 120, 1.5, "zzz", [], {}, True, "2016-13-01", [1, "x"], _Text("x"), _Text("good")]
    rnd = random.Random(46)
    for _ in range(400):
        value = json.loads(json.dumps(base))
        for _ in range(rnd.randint(1, 3)):
            *into, last = rnd.choice(every)
            held = value
            for k in into:
                held = (
                    held[k]
                    if isinstance(held, (dict, list))
                    and (k in held if isinstance(held, dict) else isinstance(k, int) and k < len(held))
                    else None
                )
            if isinstance(held, dict) or (
                isinstance(held, list) and isinstance(last, int) and last < len(held)
            ):
                held[last] = rnd.choice(wrong)
        assert problems(copy, value) == problems(pe.converter, value)


@attrs.frozen
class _Graded:
    grade: pe.Grade | pe.NoGrade


@attrs.frozen
class _Dated:
    when: pe.model.EngageDate | pe.Cycle


@attrs.frozen
class _Day:
    when: dt.date | pe.model.EngageDate


@attrs.frozen
class _Marked:
    mark: pe.Grade | pe.Cycle | str


@attrs.frozen
class _Keyed:
    x: dict[int, str] | dict[str, str]


class _Rank(enum.IntEnum):
    LOW = 1


@attrs.frozen
class _Ranked:
    v: _Rank | int


@attrs.frozen
class _Optionals:
    x: list[int | None] | list[typing.Optional[bool]]  # noqa: UP045 - Optional, as it may be written


@attrs.frozen
class _Numbers:
    x: list[int] | list[float]


@attrs.frozen
class _Stamped:
    at: dt.datetime | dt.date


@attrs.frozen
class _Listed:
    when: tuple[pe.model.EngageDate, ...] | tuple[pe.Cycle, ...] = ()
    by: dict[str, pe.model.EngageDate] | dict[str, pe.Cycle] = attrs.Factory(dict)


def test_a_grade_your_hooks_refuse_is_said_by_the_hook_of_the_member_it_is() -> None:
    # Both of a copy's hooks refused "ungraded"; the grade hook's words were
    # said ("not a grade"), the reason's lost.
    mine = pe.converter.copy()

    def shouting(value: object, _: object) -> pe.NoGrade:
        if not isinstance(value, str) or not value.isupper():
            raise pe.PeelDataError("a reason is written in capitals here")
        return pe.NoGrade(value.lower())

    mine.register_structure_hook(pe.NoGrade, shouting)
    assert mine.structure({"grade": "UNGRADED"}, _Graded).grade is pe.NoGrade.UNGRADED
    with pytest.raises(pe.PeelDataError, match="grade: a reason is written in capitals here"):
        mine.structure({"grade": "ungraded"}, _Graded)


def test_a_value_two_members_of_a_union_write_alike_is_refused_not_guessed() -> None:
    # It was read as the first member that took it: a cycle written as
    # "2016" came back a year of Engage, a date a day of Engage; in a list
    # or a mapping too.
    for held in (
        _Dated(pe.Cycle.Y2016),
        _Day(pe.model.EngageDate.parse("2019-04-12")),
        _Listed(when=(pe.Cycle.Y2016,)),
        _Listed(by={"a": pe.Cycle.Y2016}),
    ):
        written = json.loads(json.dumps(pe.converter.unstructure(held)))
        with pytest.raises(
            pe.PeelDataError, match=r"reads as [\w\[\], .]+ and as [\w\[\], .]+: members written alike"
        ):
            pe.converter.structure(written, type(held))
    # A number YAML reads unquoted is no less alike.
    with pytest.raises(pe.PeelDataError, match="the number 2016 reads as EngageDate and as Cycle"):
        pe.converter.structure({"when": 2016}, _Dated)
    # Members written differently are told apart as before; text is tried last.
    for mark in (pe.Cycle.Y2016, pe.Grade.GOOD, "2016 was a good year"):
        held_mark = _Marked(mark)
        assert pe.converter.structure(pe.converter.unstructure(held_mark), _Marked) == held_mark
    # A day and a time of day read the same text, and write different ones:
    # each comes back as itself, whichever is first; empty lists as before.
    for at in (dt.date(2019, 4, 12), dt.datetime(2019, 4, 12, 10, 30)):
        written = json.loads(json.dumps(pe.converter.unstructure(_Stamped(at))))
        assert pe.converter.structure(written, _Stamped) == _Stamped(at)
    assert pe.converter.structure({}, _Listed) == _Listed()
    # Alike or not as JSON writes them, not as Python compares them: {1: "a"}
    # and {"1": "a"} are one JSON text (it came back with text keys); [1, 2]
    # of whole numbers and [1.0, 2.0] are two (it was refused, as 1 == 1.0).
    with pytest.raises(pe.PeelDataError, match=r"reads as dict\[int, str\] and as dict\[str, str\]"):
        pe.converter.structure(json.loads(json.dumps(pe.converter.unstructure(_Keyed({1: "a"})))), _Keyed)
    for numbers in ([1, 2], [1.5]):
        assert pe.converter.structure({"x": numbers}, _Numbers) == _Numbers(numbers)
    # A number an IntEnum of yours writes as itself was read as the int.
    with pytest.raises(pe.PeelDataError, match="the number 1 reads as int and as _Rank"):
        pe.converter.structure({"v": 1}, _Ranked)
    assert pe.converter.structure({"v": 7}, _Ranked) == _Ranked(7)
    # Members are named as they are written (a union in them was
    # "UnionType[int, NoneType]", an Optional "Optional").
    with pytest.raises(pe.PeelDataError, match=r"expected list\[int \| None\] or list\[bool \| None\], got"):
        pe.converter.structure({"x": "zz"}, _Optionals)


@attrs.frozen
class Event:
    at: dt.datetime
    grade: pe.Grade | pe.NoGrade | None = None
    grades: frozenset[pe.Grade] = frozenset()


def test_a_downstream_datetime_keeps_its_time_and_sets_are_written_as_lists() -> None:
    event = Event(dt.datetime(2020, 1, 1, 13, 45), pe.Grade.GOOD, frozenset({pe.Grade.GOOD}))
    written = pe.converter.unstructure(event)
    assert written == {"at": "2020-01-01T13:45:00", "grade": "good", "grades": ["good"]}
    assert pe.converter.structure(json.loads(json.dumps(written)), Event) == event
    assert pe.converter.structure({"at": "2020-01-01T13:45:00", "grade": None}, Event).grade is None
    with pytest.raises(pe.PeelDataError, match="at: the text '2020-13-01' is not a date and time"):
        pe.converter.structure({"at": "2020-13-01"}, Event)
    # The model's own dates stay days: a datetime is no date there.
    with pytest.raises(pe.PeelDataError, match="start"):
        pe.Period(dt.datetime(2017, 3, 2, 9), dt.date(2017, 4, 1))


@attrs.frozen
class Keyed:
    by_year: dict[int, pe.Judgment] = attrs.Factory(dict)
    by_share: dict[float, str] = attrs.Factory(dict)
    by_flag: dict[bool, str] = attrs.Factory(dict)
    by_force: dict[pe.Force, int] = attrs.Factory(dict)
    by_cycle: typing.Mapping[pe.Cycle, pe.Grade] = attrs.Factory(dict)


def test_keys_json_writes_as_text_are_read_back_as_what_they_were() -> None:
    keyed = Keyed(
        {2016: pe.Judgment("good"), -1: pe.Judgment("ungraded")},
        {1.5: "a", 2.0: "b", 1e-7: "c"},
        {True: "t", False: "f"},
        {pe.find_force("kent"): 1},
        {pe.Cycle("2018/19"): pe.Grade.GOOD},
    )
    text = json.dumps(pe.converter.unstructure(keyed))
    assert pe.converter.structure(json.loads(text), Keyed) == keyed
    # Only the text json.dumps writes: any other stays text, and is refused as a number.
    for key in ["02016", "2016.0", " 2016", "+1", "-0", "9" * 5000]:
        with pytest.raises(pe.PeelDataError, match="expected a whole number, got the text"):
            pe.converter.structure({"by_year": {key: {"grade": "good"}}}, Keyed)
    with pytest.raises(pe.PeelDataError, match="expected a number, got the text '1E5'"):
        pe.converter.structure({"by_share": {"1E5": "x"}}, Keyed)
    # Two keys that read as one are refused, not one of them dropped.
    for keys in [("1", 1), ("1", "1.0")]:
        with pytest.raises(pe.PeelDataError, match=f"the keys {keys[0]!r} and {keys[1]!r} are one key"):
            pe.converter.structure({"by_share": dict.fromkeys(keys, "x")}, Keyed)


class Level(enum.IntEnum):
    LOW = 1
    HIGH = 2


Ward = typing.NewType("Ward", int)


@attrs.frozen
class KeyedMore:
    by_level: dict[Level, int] = attrs.Factory(dict)
    by_literal: dict[typing.Literal[1, 2], str] = attrs.Factory(dict)
    by_ward: dict[Ward, str] = attrs.Factory(dict)
    by_grade_or_year: dict[pe.Grade | int, int] = attrs.Factory(dict)
    by_either: dict[int | str, int] = attrs.Factory(dict)


def test_keys_of_number_types_of_your_own_are_read_back_from_their_text() -> None:
    # An IntEnum's key, a Literal's, a NewType's and a union's were refused
    # as the text JSON wrote them ("expected a whole number, got the text '1'").
    keyed = KeyedMore(
        {Level.LOW: 1, Level.HIGH: 2},
        {1: "a", 2: "b"},
        {Ward(7): "w"},
        {pe.Grade.GOOD: 1, 5: 2},
        {1: 1, "x": 2},  # text last: 1 comes back a number, as a union's value does
    )
    text = json.dumps(pe.converter.unstructure(keyed))
    back = pe.converter.structure(json.loads(text), KeyedMore)
    assert back == keyed
    assert [type(k) for k in back.by_level] == [Level, Level]
    with pytest.raises(pe.PeelDataError, match="by_level"):
        pe.converter.structure({"by_level": {"3": 1}}, KeyedMore)
    # Two keys JSON would write as one are refused as they are written,
    # not one of them lost on the way back.
    with pytest.raises(pe.PeelDataError, match="the keys 1 and '1' are written as one key"):
        pe.converter.unstructure(KeyedMore(by_either={1: 1, "1": 2}))
    # A key no text can be (past the digits Python writes) is refused, alone
    # or among others: json.dumps's ValueError came out of the converter.
    for many in ({10**5000: 1}, {10**5000: 1, 2: 3}):
        with pytest.raises(pe.PeelDataError, match="about 5001 digits is too long to be"):
            pe.converter.unstructure(many, dict[int, int])
    # Every key written is read back: one of 4,001 digits was written, and
    # refused when read (keys were read to 4,000 digits, written to 4,300).
    for digits in (4001, 4300):
        keyed = KeyedMore(by_level={}, by_either={10 ** (digits - 1): 1})
        written = json.loads(json.dumps(pe.converter.unstructure(keyed)))
        assert pe.converter.structure(written, KeyedMore) == keyed
    # And a key of yours past them, in a class of yours, is named by its size.
    with pytest.raises(pe.PeelDataError, match=r"\[a number of about 5001 digits\]: unknown field"):
        pe.converter.structure({"by_level": {}, 10**5000: 1}, KeyedMore)


def test_a_key_that_would_be_written_as_a_mapping_is_refused_by_name() -> None:
    mine = pe.Force(
        id="my-force",
        official_name="My Force",
        short_name="Mine",
        gss_code="E23999999",
        country="England",
        region="North West",
    )
    with pytest.raises(
        pe.PeelDataError, match="a Force is written as a mapping: key the mapping by something"
    ):
        pe.converter.unstructure(Keyed(by_force={mine: 1}))


@attrs.frozen
class Dated:
    born: dt.date
    last: pe.Judgment


def test_a_downstream_date_may_be_of_any_year_and_the_model_s_keep_their_range() -> None:
    dated = Dated(dt.date(1870, 5, 1), pe.Judgment("good"))
    written = pe.converter.unstructure(dated)
    assert written["born"] == "1870-05-01"
    assert pe.converter.structure(json.loads(json.dumps(written)), Dated) == dated
    with pytest.raises(pe.PeelDataError, match="outside the dates the model holds"):
        pe.converter.structure({"title": "T", "publisher": "P", "published": "1870-05-01"}, pe.Provenance)


@attrs.frozen
class Listed:
    sources: list[str] = attrs.Factory(list)
    kept: set[str] = attrs.Factory(set)
    frozen: frozenset[pe.Grade] = frozenset()
    seq: typing.Sequence[pe.Cycle] = ()
    mutable: typing.MutableSequence[pe.Judgment] = attrs.Factory(list)
    pair: tuple[str, pe.Grade] = ("x", pe.Grade.GOOD)
    queue: collections.deque[int] = attrs.Factory(collections.deque)


@pytest.mark.parametrize("field", [f.name for f in attrs.fields(Listed)])
@pytest.mark.parametrize("value", ["http://x", b"good", {"good": 1}])
def test_a_list_or_set_is_never_read_from_text_or_a_mapping(field: str, value: object) -> None:
    # A text was read as a list of its characters.
    with pytest.raises(pe.PeelDataError) as e:
        pe.converter.structure({field: value}, Listed)
    ((path, message),) = [(p.path, p.message) for p in e.value.problems]
    assert (path, message.startswith("expected a list, got ")) == (field, True), message


def test_lists_and_sets_round_trip_as_what_cattrs_makes_them() -> None:
    listed = Listed(
        ["a", "b"],
        {"x"},
        frozenset({pe.Grade.GOOD}),
        (pe.Cycle("2016"),),
        [pe.Judgment("good")],
        ("y", pe.Grade.ADEQUATE),
        collections.deque([1, 2]),
    )
    back = pe.converter.structure(json.loads(json.dumps(pe.converter.unstructure(listed))), Listed)
    assert back == listed
    kinds = [list, set, frozenset, tuple, list, tuple, collections.deque]
    assert [type(getattr(back, f.name)) for f in attrs.fields(Listed)] == kinds
    # The model's rule of a list: a set is no list (its order is not the
    # file's), but a set of yours may be given as one.
    with pytest.raises(pe.PeelDataError, match="sources: expected a list, got a set"):
        pe.converter.structure({"sources": {"a"}}, Listed)
    assert pe.converter.structure({"kept": {"a"}}, Listed).kept == {"a"}
    with pytest.raises(pe.PeelDataError) as e:
        pe.converter.structure({"sources": ["a", 3], "seq": ["2016", "1999"]}, Listed)
    assert {p.path for p in e.value.problems} == {"sources[1]", "seq[1]"}


@attrs.frozen
class Either:
    said: pe.Judgment | pe.Period
    word: pe.Cycle | pe.Grade
    plain: int | str
    force: pe.Force | str
    text_first: str | pe.Grade = "x"
    number: float | int = 0
    dated: model.EngageDate | pe.Judgment = attrs.Factory(lambda: pe.Judgment("good"))
    data: pe.Dataset | str = ""
    items: list[int] | str = ""


@pytest.mark.parametrize(
    "either",
    [
        Either(pe.Judgment("good"), pe.Cycle("2016"), 3, pe.find_force("kent")),
        Either(pe.Period("2015-07-01", "2016-06-30"), pe.Grade.GOOD, "3", "not a force", pe.Grade.GOOD, 1),
        Either(
            pe.Period("2015-07-03", "2016-06-30"),
            pe.Cycle("2023-25"),
            "x",
            pe.find_force("gwent"),
            "good enough",
            1.5,
            model.monitoring.engage_date("2019-04"),
            pe.Dataset(()),
            [1, 2],
        ),
    ],
)
def test_a_union_round_trips_whatever_its_members_are_written_as(either: Either) -> None:
    # A period in words was refused ("Only input mappings are supported"),
    # and a union of two value types had no hook at all.
    text = json.dumps(pe.converter.unstructure(either))
    back = pe.converter.structure(json.loads(text), Either)
    assert back == either
    assert [type(getattr(back, f.name)) for f in attrs.fields(Either)] == [
        type(getattr(either, f.name)) for f in attrs.fields(Either)
    ]


@pytest.mark.parametrize(
    ("member", "value"),
    [
        (pe.Grade, pe.Grade.GOOD),
        (str, "zz"),
        (dt.date, dt.date(2016, 3, 2)),
        (pe.Period, pe.Period("2015-07-01", "2016-06-30")),
        (pe.Cycle, pe.Cycle("2016")),
    ],
)
def test_a_literal_member_of_a_union_leaves_other_values_to_the_other_members(
    member: typing.Any, value: object
) -> None:
    # cattrs refuses a value not in a Literal with its own error, which the
    # union took for a fault, not a refusal: the next member was never tried.
    for first, second in ((typing.Literal["a", "b"], member), (member, typing.Literal["a", "b"])):
        box = attrs.make_class("Box", {"u": attrs.field(type=first | second)}, frozen=True)
        for given in (value, "a"):
            back = pe.converter.structure(json.loads(json.dumps(pe.converter.unstructure(box(given)))), box)
            assert back == box(given)
    box = attrs.make_class("Box", {"u": attrs.field(type=typing.Literal["a", "b"] | pe.Grade)}, frozen=True)
    with pytest.raises(pe.PeelDataError, match=r"^u: expected 'a' or 'b' or Grade, got the text 'zz' \("):
        pe.converter.structure({"u": "zz"}, box)


@pytest.mark.parametrize(
    ("tp", "given", "said"),
    [
        # A Literal's values are of their kind: True is no 1, 1.0 no 1 (Python's "in" counts them equal).
        (typing.Literal[1, 2] | str, True, "u: expected 1 or 2 or str, got the boolean true ("),
        (typing.Literal[1, 2], 1.0, "u: expected 1 or 2, got the number 1.0"),
        # Said in the library's words, not cattrs' ("b not in literal typing.Literal['a']").
        (typing.Literal["a"], "b", "u: the text 'b' is not 'a'"),
        # In the data's words: null and true, not None and True.
        (typing.Literal[None, True], "None", "u: expected null or true, got the text 'None'"),
        # A value of another kind is the other member's, with its path.
        (typing.Literal["a"] | list[int], [1, "x"], "u[1]: expected a whole number, got the text 'x'"),
    ],
)
def test_a_literal_holds_its_values_of_their_kind(tp: typing.Any, given: object, said: str) -> None:
    box = attrs.make_class("Box", {"u": attrs.field(type=tp)}, frozen=True)
    with pytest.raises(pe.PeelDataError) as e:
        pe.converter.structure({"u": given}, box)
    assert str(e.value).startswith(said)
    grade = attrs.make_class("Box", {"u": attrs.field(type=typing.Literal[pe.Grade.GOOD])}, frozen=True)
    assert pe.converter.structure({"u": "good"}, grade).u is pe.Grade.GOOD


class _Colour(enum.Enum):
    RED = 1


def test_a_literal_of_an_enum_s_member_takes_the_member_and_its_value() -> None:
    box = attrs.make_class(
        "Box", {"u": attrs.field(type=typing.Literal[_Colour.RED, 3] | float)}, frozen=True
    )
    assert pe.converter.structure({"u": _Colour.RED}, box).u is _Colour.RED
    assert pe.converter.structure({"u": 1}, box).u is _Colour.RED
    with pytest.raises(pe.PeelDataError, match=r"^u: expected 1 or 3 or float, got the text 'x' \("):
        pe.converter.structure({"u": "x"}, box)


class _One(enum.IntEnum):
    A = 1


@pytest.mark.parametrize(
    ("tp", "given"),
    [
        (pe.Grade | typing.Literal["good"], pe.Grade.GOOD),
        (typing.Literal["good"] | pe.Grade, "good"),
        (_One | typing.Literal[1], _One.A),
        (typing.Literal["2016"] | pe.Cycle, pe.Cycle("2016")),
        # Lists equal in Python, of items of other kinds: not one value.
        (list[int] | list[_One], [_One.A]),
        (dict[str, int] | dict[str, _One], {"k": _One.A}),
        (tuple[int, ...] | tuple[_One, ...], (_One.A,)),
    ],
)
def test_a_literal_s_value_another_member_writes_alike_is_refused(tp: typing.Any, given: object) -> None:
    # The Literal took it wherever it stood: a grade came back as text.
    box = attrs.make_class("Box", {"u": attrs.field(type=tp)}, frozen=True)
    with pytest.raises(pe.PeelDataError, match="members written alike need a hook of your own"):
        pe.converter.structure(json.loads(json.dumps(pe.converter.unstructure(box(given)))), box)


_Name = typing.NewType("_Name", str)


@pytest.mark.parametrize(
    ("tp", "given"),
    [
        (typing.Literal[pe.Grade.GOOD] | pe.Grade, pe.Grade.GOOD),
        (typing.Literal[1000] | int, 1000),  # no one object, as Python keeps small numbers
        (typing.Literal[1.5] | float, 1.5),
        (typing.Literal["abc"] | _Name, "abc"),
    ],
)
def test_a_literal_s_value_another_member_makes_too_is_that_value(tp: typing.Any, given: object) -> None:
    box = attrs.make_class("Box", {"u": attrs.field(type=tp)}, frozen=True)
    back = pe.converter.structure(json.loads(json.dumps(pe.converter.unstructure(box(given)))), box)
    assert back.u == given
    assert back.u.__class__ is given.__class__


@pytest.mark.parametrize("spelt", [float | typing.Literal[1], typing.Literal[1] | float])
def test_a_literal_s_values_are_its_own_however_the_union_is_spelt(spelt: typing.Any) -> None:
    # Python counts the two unions equal and cattrs keeps one hook for both:
    # 1 was 1.0 or 1 by which spelling a process met first.
    box = attrs.make_class("Box", {"u": attrs.field(type=spelt)}, frozen=True)
    assert pe.converter.structure({"u": 1}, box).u.__class__ is int
    assert pe.converter.structure({"u": 1.5}, box).u == 1.5


class _Letter(enum.Enum):
    X = "x"


@pytest.mark.parametrize("other", [_Letter, dt.date, pe.Period])
def test_text_no_member_takes_names_each_member_that_takes_text(other: typing.Any) -> None:
    # A Literal's refusal hid the others': "the text 'b' is not 'a'", though
    # a letter, a date or a period would do too.
    box = attrs.make_class("Box", {"u": attrs.field(type=other | typing.Literal["a"])}, frozen=True)
    with pytest.raises(pe.PeelDataError, match=rf"^u: expected {other.__name__} or 'a', got the text 'b' \("):
        pe.converter.structure({"u": "b"}, box)


class _NoHook:
    pass


def test_a_member_of_a_union_with_no_hook_is_said_not_blamed_on_the_data() -> None:
    # A class cattrs has no hook for is the program's to fix: said so, not
    # left out of the union as if the value were not one of it.
    box = attrs.make_class("Box", {"u": attrs.field(type=pe.Grade | _NoHook)}, frozen=True)
    with pytest.raises(pe.PeelDataError, match="Unsupported type"):
        pe.converter.structure({"u": "zz"}, box)


def test_a_union_of_two_model_records_reads_back_each_as_itself() -> None:
    # cattrs tells records apart by their fields' names, which the data
    # format does not always write (a metric's key is "metric"; a judgment
    # is written flat in its assessment): it took one for the other, or
    # refused it, as the string hash seed made its choice of field.
    everything = _everything()
    samples = {
        type(v): v for f in attrs.fields(Everything) if attrs.has(type(v := getattr(everything, f.name)))
    }
    del samples[pe.Dataset]  # a mapping of reports, which the others are not written as
    wrong = []
    for first, second in itertools.permutations(samples, 2):
        box = attrs.make_class("Box", {"u": attrs.field(type=first | second)}, frozen=True)
        for value in (samples[first], samples[second]):
            back = pe.converter.structure(json.loads(json.dumps(pe.converter.unstructure(box(value)))), box)
            if back.u.__class__ is not value.__class__ or back.u != value:
                wrong.append((first.__name__, second.__name__, type(back.u).__name__))
    assert not wrong


@attrs.frozen
class Tag:  # written as a metric without a period is
    metric: str
    label: str
    unit: str


@attrs.frozen
class TagOrMetric:
    u: Tag | pe.MetricDefinition


def test_records_written_alike_are_refused_not_taken_for_one_another() -> None:
    Box = TagOrMetric
    metric = pe.MetricDefinition(key="x", label="X", unit="count")
    with pytest.raises(pe.PeelDataError, match=r"^u: a mapping that reads as Tag and as MetricDefinition"):
        pe.converter.structure(pe.converter.unstructure(Box(metric)), Box)
    # Where only one takes it, it is that one's.
    dated = pe.MetricDefinition(key="x", label="X", unit="count", period="12 months to 30 June 2016")
    assert pe.converter.structure(pe.converter.unstructure(Box(dated)), Box) == Box(dated)


def test_a_value_no_member_of_a_union_takes_is_refused_naming_them() -> None:
    given = {"said": {"zzz": 1}, "word": "goood", "plain": 3.5, "force": "x", "items": [1, "a"]}
    with pytest.raises(pe.PeelDataError) as e:
        pe.converter.structure(given, Either)
    said = {p.path: p.message for p in e.value.problems}
    # Each record tried, and the first problem each has with it said.
    assert said["said"] == (
        "expected Judgment or Period, got a mapping "
        "(grade: missing required field 'grade'; start: missing required field 'start')"
    )
    assert said["word"].startswith("expected Cycle or Grade, got the text 'goood' (")
    assert said["word"].endswith("did you mean 'good'?)")
    assert (
        said["plain"]
        == "expected int or str, got the number 3.5 (expected a whole number, got the number 3.5; expected text, got the number 3.5)"
    )
    # Where one member takes a value of its kind, the problems are its own.
    assert said["items[1]"] == "expected a whole number, got the text 'a'"
    # A record already built is kept, as in a field of its own class.
    judgment = pe.Judgment("good")
    built = pe.converter.structure({"said": judgment, "word": "2016", "plain": 1, "force": "kent"}, Either)
    assert built.said is judgment


class Size(enum.IntEnum):
    S = 1


class Colour(str, enum.Enum):
    RED = "red"


class Slug(str):
    pass


@attrs.frozen
class Kinds:
    size: Size
    colour: Colour
    slug: Slug = attrs.Factory(lambda: Slug("x"))


def test_your_own_enums_and_text_classes_are_made_by_their_class() -> None:
    # The hooks of int and str took their subclasses: 99 was kept as a
    # Size, "blue" as a Colour, and 1 came back a plain int.
    kinds = Kinds(Size.S, Colour.RED, Slug("y"))
    back = pe.converter.structure(json.loads(json.dumps(pe.converter.unstructure(kinds))), Kinds)
    assert back == kinds
    assert [type(getattr(back, f.name)) for f in attrs.fields(Kinds)] == [Size, Colour, Slug]
    for bad, said in [
        ({"size": 99, "colour": "red"}, "99 is not a valid Size"),
        ({"size": 1, "colour": "blue"}, "'blue' is not a valid Colour"),
        ({"size": "1", "colour": "red"}, "expected a whole number, got the text '1'"),
    ]:
        with pytest.raises(pe.PeelDataError, match=re.escape(said)):
            pe.converter.structure(bad, Kinds)


@attrs.frozen
class ByName:
    forces: dict[pe.Force, int] = attrs.Factory(dict)
    grades: dict[pe.Grade, int] = attrs.Factory(dict)
    ordered: typing.OrderedDict[int, int] = attrs.Factory(collections.OrderedDict)
    maybe: dict[int | None, int] = attrs.Factory(dict)


def test_keys_of_any_type_that_read_as_one_are_refused_and_none_is_no_key() -> None:
    for given, said in [
        ({"forces": {"kent": 1, "Kent Police": 2}}, "the keys 'kent' and 'Kent Police' are one key"),
        ({"grades": {"good": 1, "Good": 2}}, "the keys 'good' and 'Good' are one key"),
    ]:
        with pytest.raises(pe.PeelDataError, match=said):
            pe.converter.structure(given, ByName)
    ordered = ByName(ordered=collections.OrderedDict({1: 1}))
    assert (
        pe.converter.structure(json.loads(json.dumps(pe.converter.unstructure(ordered))), ByName) == ordered
    )
    with pytest.raises(pe.PeelDataError, match="nothing \\(null\\) is written as nothing"):
        pe.converter.unstructure(ByName(maybe={None: 1}))


@attrs.frozen
class Count:
    n: int


@attrs.frozen
class Stamp:
    start: dt.date
    end: dt.date
    label: str = ""


@attrs.frozen
class MappedOrNot:
    table: dict[str, int] | Count
    span: pe.Period | Stamp
    many: list[int] | set[str] = attrs.Factory(list)


def test_a_union_reads_a_mapping_as_its_mapping_member_and_says_each_member_s_problem() -> None:
    for value in [
        MappedOrNot({"a": 1}, pe.Period("2016-04-01", "2017-03-31")),
        MappedOrNot(Count(3), Stamp(dt.date(2016, 1, 1), dt.date(2016, 2, 1), "x")),
    ]:
        assert (
            pe.converter.structure(json.loads(json.dumps(pe.converter.unstructure(value))), MappedOrNot)
            == value
        )
    with pytest.raises(pe.PeelDataError) as e:
        pe.converter.structure(
            {"table": {}, "span": "12 months to 31 March 2017", "many": ["x", 1]}, MappedOrNot
        )
    ((path, message),) = [(p.path, p.message) for p in e.value.problems]
    assert path == "many"
    assert message.endswith(
        "([0]: expected a whole number, got the text 'x'; [1]: expected text, got the number 1)"
    )


@attrs.frozen
class Briefing:
    headline: pe.Judgment
    note: str = ""


@pytest.mark.parametrize(
    ("value", "said"),
    [(None, "nothing (null)"), ("good", "the text 'good'"), ([1], "a list"), (3, "the number 3")],
)
def test_a_class_of_yours_is_read_from_a_mapping_only(value: object, said: str) -> None:
    # Each field was said to be unreadable, in Python's words ("'NoneType'
    # object is not subscriptable"), where the value was no mapping at all.
    with pytest.raises(pe.PeelDataError) as caught:
        pe.converter.structure(value, Briefing)
    assert [(p.path, p.message) for p in caught.value.problems] == [
        ("", f"expected a mapping for a Briefing, got {said}")
    ]
    with pytest.raises(pe.PeelDataError) as caught:
        pe.converter.structure({"briefing": value}, dict[str, Briefing])
    assert [p.path for p in caught.value.problems] == ["briefing"]


def test_a_key_a_class_of_yours_does_not_have_is_refused_not_dropped() -> None:
    with pytest.raises(pe.PeelDataError) as caught:
        pe.converter.structure({"headline": {"grade": "good"}, "notes": "x", "extra": 1}, Briefing)
    assert [(p.path, p.message) for p in caught.value.problems] == [
        ("extra", "unknown field 'extra' in a Briefing"),
        ("notes", "unknown field 'notes' in a Briefing; did you mean 'note'?"),
    ]
    good = {"headline": {"grade": "good"}, "note": "x"}
    assert pe.converter.structure(good, Briefing) == Briefing(pe.Judgment("good"), "x")


@attrs.frozen
class ByYear:
    first_int: dict[int | pe.Cycle, int] = attrs.Factory(dict)
    first_cycle: dict[pe.Cycle | int, int] = attrs.Factory(dict)


def test_a_key_of_a_number_type_is_read_only_from_the_text_json_writes_of_it() -> None:
    # "1.0" made an IntEnum's 1, which JSON writes "1"; and a cycle's key
    # "2016.0" was said to be the number 2016.0, not the text written.
    with pytest.raises(
        pe.PeelDataError, match=r"^by_level\['1\.0'\]: expected a whole number, got the text '1\.0'"
    ):
        pe.converter.structure({"by_level": {"1.0": 1}}, KeyedMore)
    with pytest.raises(pe.PeelDataError) as caught:
        pe.converter.structure({"first_cycle": {"2016.0": 1}}, ByYear)
    assert "'2016.0'" in str(caught.value)
    assert "the number" not in str(caught.value)


@attrs.define
class Counted:
    p: int
    r: int = attrs.field(init=False, default=7)


def test_a_field_your_class_sets_itself_is_said_so_not_suggested_as_itself() -> None:
    # "unknown field 'r' in a Counted; did you mean 'r'?"
    with pytest.raises(pe.PeelDataError) as caught:
        pe.converter.structure({"p": 1, "r": 3}, Counted)
    assert [(p.path, p.message) for p in caught.value.problems] == [
        ("r", "'r' is a field a Counted sets itself, not one data give it")
    ]


@pytest.mark.parametrize("field", ["first_int", "first_cycle"])
def test_a_key_of_a_union_two_members_read_is_refused_however_the_union_is_spelt(field: str) -> None:
    # JSON writes the cycle 2017 and the year 2017 as the one key "2017":
    # read as the first member that took it, a cycle came back a year, or
    # a year a cycle, by which spelling of the union cattrs met first.
    for key in (2017, pe.Cycle("2017")):
        written = json.loads(json.dumps(pe.converter.unstructure(ByYear(**{field: {key: 1}}))))
        with pytest.raises(pe.PeelDataError) as caught:
            pe.converter.structure(written, ByYear)
        assert [p.path for p in caught.value.problems] == [field]
        assert re.search(
            "the key '2017' reads as (int and as Cycle|Cycle and as int): JSON writes both as this text",
            str(caught.value),
        )
    # A key one member alone reads is that member's.
    kept = ByYear({2099: 1}, {2099: 2})
    back = pe.converter.structure(json.loads(json.dumps(pe.converter.unstructure(kept))), ByYear)
    assert back == kept
    assert [type(k) for k in (*back.first_int, *back.first_cycle)] == [int, int]


@attrs.frozen
class LikeAReport:
    force: str
    cycle: int
    pillar: str
    assessments: list[dict[str, int]]
    zzz: int


def test_a_union_s_member_tried_and_refused_warns_of_nothing() -> None:
    # A report tried as a member said it named a question the registry does
    # not know yet, though the value was taken as the other member.
    report = {"force": "kent", "cycle": 2017, "pillar": "efficiency", "assessments": [{"question": 9}]}
    with warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("always")  # recorded, not raised: raised, it would refuse the member
        mine = pe.converter.structure({**report, "zzz": 1}, pe.InspectionReport | LikeAReport)
    assert isinstance(mine, LikeAReport)
    assert said == []
    # The member taken warns as it would alone, once.
    with pytest.warns(pe.PeelWarning) as said:
        taken = pe.converter.structure(report, pe.InspectionReport | LikeAReport)
    assert isinstance(taken, pe.InspectionReport)
    assert len(said) == 1


@attrs.frozen
class HoldsAReport:
    report: pe.InspectionReport
    n: int


def test_a_union_s_one_record_member_tried_and_refused_warns_of_nothing() -> None:
    # With one record member (and a mapping member), the record was tried
    # without its warnings held.
    report = {"force": "cumbria", "cycle": "2025-27", "assessments": [{"question": "made_up_question"}]}
    with warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("always")
        taken = pe.converter.structure({"report": report, "n": "x"}, HoldsAReport | dict[str, typing.Any])
    assert isinstance(taken, dict)
    assert said == []


def test_forbid_extra_keys_says_what_the_converter_does_and_a_copy_may_turn_it_off() -> None:
    # The converter said False and refused a class of yours its extra keys
    # anyway; a copy could not accept a newer version's data.
    @attrs.frozen
    class Note:
        text: str

    assert pe.converter.forbid_extra_keys is True
    with pytest.raises(pe.PeelDataError, match="unknown field 'added'"):
        pe.converter.structure({"text": "x", "added": 1}, Note)
    lenient = pe.converter.copy(forbid_extra_keys=False)
    assert lenient.forbid_extra_keys is False
    assert lenient.structure({"text": "x", "added": 1}, Note) == Note("x")
    # The model's records keep the data format's keys, whatever the copy.
    with pytest.raises(pe.PeelDataError, match="unknown field 'added' in a report"):
        lenient.structure({"force": "kent", "cycle": "2016", "added": 1}, pe.InspectionReport)


def test_a_key_error_of_your_own_code_is_not_said_to_be_a_missing_field() -> None:
    # A KeyError from a class's own code, or from a hook, was reported as
    # "missing required field" of a key the data never needed.
    @attrs.frozen
    class Looks:
        x: int

        def __attrs_post_init__(self) -> None:
            {}["zzz"]  # a bug of the class's own

    with pytest.raises(pe.PeelDataError) as e:
        pe.converter.structure({"x": 1}, Looks)
    assert str(e.value) == "cannot be read: KeyError 'zzz'"

    @attrs.frozen
    class Paint:
        colour: str
        coats: int

    mine = pe.converter.copy()
    mine.register_structure_hook(str, lambda v, _: {"red": "red"}[v])
    with pytest.raises(pe.PeelDataError) as e:
        mine.structure({"colour": "purple", "coats": 1}, Paint)
    assert str(e.value) == "colour: cannot be read: KeyError 'purple'"
    with pytest.raises(pe.PeelDataError) as e:
        mine.structure({"colour": "red"}, Paint)
    assert str(e.value) == "coats: missing required field 'coats'"
    # A key the hook looks up that ends the field's name is not the field's.
    picky = pe.converter.copy()
    picky.register_structure_hook(str, lambda v, _: {}["our"])
    with pytest.raises(pe.PeelDataError) as e:
        picky.structure({"colour": "red", "coats": 1}, Paint)
    assert str(e.value) == "colour: cannot be read: KeyError 'our'"
    # A field read under another key is missing where that key is.
    from cattrs.gen import make_dict_structure_fn, override

    mine.register_structure_hook(Paint, make_dict_structure_fn(Paint, mine, colour=override(rename="Colour")))
    with pytest.raises(pe.PeelDataError) as e:
        mine.structure({"coats": 1}, Paint)
    assert "missing required field" in str(e.value)


@attrs.frozen
class Inner:
    a: int
    b: int


@attrs.frozen
class Outer:
    inner: Inner


@attrs.frozen
class Tabbed:
    tab: Inner


def test_a_copy_without_detailed_validation_says_a_missing_key() -> None:
    # It let a bare KeyError out.
    plain = pe.converter.copy(detailed_validation=False)
    with pytest.raises(pe.PeelDataError) as e:
        plain.structure({"cycle": "2016"}, pe.InspectionReport)
    assert str(e.value) == "missing required field 'force'"


@pytest.mark.parametrize(
    ("value", "cls", "said"), [({"inner": {"a": 1}}, Outer, "inner"), ({"tab": {"a": 1}}, Tabbed, "tab")]
)
def test_a_hook_of_yours_without_detailed_validation_names_the_key_it_missed(
    value: dict[str, object], cls: type, said: str
) -> None:
    # The field that holds it was named ('inner'), and so was one whose
    # name ends in the key ('tab', for 'b').
    from cattrs.gen import make_dict_structure_fn

    mine = pe.converter.copy()
    mine.register_structure_hook(
        Inner, make_dict_structure_fn(Inner, mine, _cattrs_detailed_validation=False)
    )
    with pytest.raises(pe.PeelDataError) as e:
        mine.structure(value, cls)
    assert str(e.value) == f"{said}: missing required field 'b'"


def test_a_flat_record_s_missing_key_is_said_with_its_prefix() -> None:
    with pytest.raises(pe.PeelDataError) as e:
        pe.loads("force: kent\ncycle: 2016\nprevious_basis: stated\nprevious_grade_note: x\n")
    assert "previous_grade" in str(e.value)


@attrs.frozen
class _Scored:
    score: float | str
    n: int | str = 0
    either: float | int = 0


@pytest.mark.parametrize(
    ("given", "refused"),
    [
        ({"score": math.nan}, r"score: nan is not a finite number"),
        ({"score": math.inf}, r"score: inf is not a finite number"),
        ({"score": 1.0, "either": -math.inf}, r"either: -inf is not a finite number"),
        ({"score": 1.0, "n": True}, r"^n: expected int or str, got the boolean true"),
    ],
)
def test_a_number_in_a_union_of_your_own_meets_the_number_rules(
    given: dict[str, object], refused: str
) -> None:
    # A value already of a member's class was kept as it was: nan and inf got through.
    with pytest.raises(pe.PeelDataError) as caught:
        pe.converter.structure(given, _Scored)
    assert any(re.search(refused, str(p)) for p in caught.value.problems), caught.value.problems


def test_a_whole_number_of_yours_of_any_size_round_trips() -> None:
    # The data format's figures are held to 100 digits; an int of a class
    # of yours is no figure, and one of 201 digits that unstructure wrote
    # could not be read back (Python's readers bound digits at 4,300).
    made = _Scored(1.0, 10**200, 10**200)
    assert pe.converter.structure(json.loads(json.dumps(pe.converter.unstructure(made))), _Scored) == made
    with pytest.raises(pe.PeelDataError, match=r"value: a number of 201 digits is too long to be a figure"):
        pe.loads(
            f"force: kent\ncycle: 2016\nmeasurements: [{{metric: n, label: N, unit: count, value: {10**200}}}]\n"
        )


def test_a_number_in_a_union_of_your_own_keeps_its_kind() -> None:
    made = pe.converter.structure({"score": 2.5, "n": 3, "either": 4}, _Scored)
    assert made == _Scored(2.5, 3, 4)
    assert made.either.__class__ is int
    assert made.score.__class__ is float
    assert pe.converter.structure({"score": "x", "n": "y", "either": 4.5}, _Scored) == _Scored("x", "y", 4.5)
    assert json.loads(json.dumps(pe.converter.unstructure(made))) == {"score": 2.5, "n": 3, "either": 4}


def _public_attrs_classes() -> list[type]:
    import inspect

    return [
        o
        for mod in (pe, pe.io, pe.analysis, pe.output)
        for o in (getattr(mod, n) for n in mod.__all__)
        if inspect.isclass(o) and attrs.has(o)
    ]


@pytest.mark.parametrize("cls", _public_attrs_classes(), ids=lambda c: c.__name__)
def test_every_public_class_s_annotations_resolve(cls: type) -> None:
    # Names imported for type checkers alone made get_type_hints, and so
    # the converter, fail with NameError on five of the analysis' results.
    typing.get_type_hints(cls)


def test_the_analysis_results_round_trip_through_the_converter_and_json() -> None:
    data = pe.load_bundled()
    results: list[object] = [
        pe.analysis.grade_distribution(data, "2023-25", "investigating"),
        pe.analysis.transitions(data, 2015, 2016),
        pe.analysis.side_by_side(data.report("cumbria", 2016), data.report("cumbria", 2016))[0],
    ]
    for result in results:
        text = json.dumps(pe.converter.unstructure(result))
        assert pe.converter.structure(json.loads(text), type(result)) == result


@attrs.frozen
class _Counted:
    n: int


@attrs.frozen
class _Shelf:
    items: tuple[_Counted, ...]


@attrs.frozen
class _Shelves:
    shelves: tuple[_Shelf, ...]


def test_each_item_of_a_list_is_structured_once_where_a_list_nested_in_it_fails() -> None:
    # A failing item was structured again by each list holding it: twice
    # for each level it was nested, and a file of many repeated records
    # took seconds past its budget.
    mine = pe.converter.copy()
    calls: list[object] = []

    def counted(value: object, _: object) -> _Counted:
        calls.append(value)
        if value == -1:
            raise pe.PeelDataError("bad")
        return _Counted(int(value))  # type: ignore[call-overload]

    mine.register_structure_hook(_Counted, counted)
    given = {"shelves": [{"items": [1, 2]}, {"items": [3, -1, 4]}, {"items": [5]}]}
    with pytest.raises(pe.PeelDataError) as e:
        mine.structure(given, _Shelves)
    assert [p.path for p in e.value.problems] == ["shelves[1].items[1]"]
    assert sorted(calls) == [-1, 1, 2, 3, 4, 5]


@attrs.frozen
class _Bag:
    assessments: tuple[pe.Assessment, ...]


def test_a_record_given_again_in_a_list_is_that_record() -> None:
    # A YAML alias is the same mapping again: the same record, made once
    # (the model's records are immutable), so that a small file of many
    # aliases costs no more than its size. A class of yours is made anew.
    one, two = {"question": 1, "grade": "good"}, {"question": 2, "grade": "good"}
    bag = pe.converter.structure({"assessments": [one, two, one, one, two]}, _Bag)
    assert bag == _Bag(
        tuple(pe.Assessment(question=q, judgment=pe.Judgment("good")) for q in (1, 2, 1, 1, 2))
    )
    assert bag.assessments[0] is bag.assessments[2] is bag.assessments[3]
    assert bag.assessments[1] is bag.assessments[4]
    shelf = pe.converter.structure({"items": [{"n": 1}] * 2}, _Shelf)
    assert shelf.items[0] == shelf.items[1]
    assert shelf.items[0] is not shelf.items[1]
    text = "force: kent\ncycle: 2016\nassessments: [&a {question: 1, grade: good}, *a, *a]\n"
    with pytest.raises(pe.PeelDataError) as e:
        pe.loads(text)
    assert [p.message for p in e.value.problems] == [
        "question 1 is assessed twice (first in assessments[0])"
    ] * 2


def test_a_record_built_already_is_structured_as_itself_a_dataset_too() -> None:
    # Every model class's record was given back as it was; a Dataset was
    # refused ("expected a list, got a Dataset").
    data = pe.load_bundled()
    report = data.report("cumbria", 2016)
    assert pe.converter.structure(report, pe.InspectionReport) is report
    assert pe.converter.structure(report.judgment, pe.Judgment) is report.judgment
    assert pe.converter.structure(data, pe.Dataset) is data
