"""The generated ``__init__`` and readers of the records, precompiled.

Written by tools/build_bundle.py from the model (see ``compile_function``
in _init.py); tests/test_generated.py checks that it is current. Do not edit.
"""

# fmt: off
# ruff: noqa
# mypy: ignore-errors


def _Assessment___init___b03b0427_1721():
    def __init__(self, *, question=_missing, judgment=_d_judgment, previous=_d_previous, summary=_d_summary, areas_for_improvement=_d_areas_for_improvement, causes_of_concern=_d_causes_of_concern, **_extra):
        if _extra: _unknown(_extra)
        if question is _missing: question = _I(_m_question)
        bad = False
        if not (question.__class__ is _t12 or question.__class__ is _t13):
            question = _c_Assessment_question(question)
            if question.__class__ is _I: bad = True
        if not (judgment is None or judgment.__class__ is _t17):
            judgment = _c_Assessment_judgment(judgment)
            if judgment.__class__ is _I: bad = True
        if not (previous is None or previous.__class__ is _t20):
            previous = _c_Assessment_previous(previous)
            if previous.__class__ is _I: bad = True
        if not summary.__class__ is _t23:
            summary = _c_Assessment_summary(summary)
            if summary.__class__ is _I: bad = True
        if not areas_for_improvement is _empty:
            areas_for_improvement = _c_Assessment_areas_for_improvement(areas_for_improvement)
            if areas_for_improvement.__class__ is _I: bad = True
        if not causes_of_concern is _empty:
            causes_of_concern = _c_Assessment_causes_of_concern(causes_of_concern)
            if causes_of_concern.__class__ is _I: bad = True
        _s_Assessment_question(self, question)
        _s_Assessment_judgment(self, judgment)
        _s_Assessment_previous(self, previous)
        _s_Assessment_summary(self, summary)
        _s_Assessment_areas_for_improvement(self, areas_for_improvement)
        _s_Assessment_causes_of_concern(self, causes_of_concern)
        if bad: _fail(self)
        if question is not None and not _k_Assessment_question[0].test(question): _fail(self)
    return __init__


def _CauseOfConcern___init___8b52b61a_625():
    def __init__(self, *, summary=_missing, recommendations=_d_recommendations, **_extra):
        if _extra: _unknown(_extra)
        if summary is _missing: summary = _I(_m_summary)
        bad = False
        if not summary.__class__ is _t8:
            summary = _c_CauseOfConcern_summary(summary)
            if summary.__class__ is _I: bad = True
        if not recommendations is _empty:
            recommendations = _c_CauseOfConcern_recommendations(recommendations)
            if recommendations.__class__ is _I: bad = True
        _s_CauseOfConcern_summary(self, summary)
        _s_CauseOfConcern_recommendations(self, recommendations)
        if bad: _fail(self)
    return __init__


def _CoreQuestion___init___855d508c_2162():
    def __init__(self, cycle=_missing, pillar=_missing, number=_missing, key=_missing, text=_missing, graded=_d_graded, aliases=_d_aliases, short=_d_short, **_extra):
        if _extra: _unknown(_extra)
        if cycle is _missing: cycle = _I(_m_cycle)
        if pillar is _missing: pillar = _I(_m_pillar)
        if number is _missing: number = _I(_m_number)
        if key is _missing: key = _I(_m_key)
        if text is _missing: text = _I(_m_text)
        bad = False
        if not cycle.__class__ is _t14:
            cycle = _w_CoreQuestion_cycle.get(cycle) or _c_CoreQuestion_cycle(cycle) if cycle.__class__ is str else _c_CoreQuestion_cycle(cycle)
            if cycle.__class__ is _I: bad = True
        if not (pillar is None or pillar.__class__ is _t18):
            pillar = _w_CoreQuestion_pillar.get(pillar) or _c_CoreQuestion_pillar(pillar) if pillar.__class__ is str else _c_CoreQuestion_pillar(pillar)
            if pillar.__class__ is _I: bad = True
        if not (number is None or number.__class__ is _t22):
            number = _c_CoreQuestion_number(number)
            if number.__class__ is _I: bad = True
        if not key.__class__ is _t25:
            key = _c_CoreQuestion_key(key)
            if key.__class__ is _I: bad = True
        if not text.__class__ is _t29:
            text = _c_CoreQuestion_text(text)
            if text.__class__ is _I: bad = True
        if not graded.__class__ is _t32:
            graded = _c_CoreQuestion_graded(graded)
            if graded.__class__ is _I: bad = True
        if not aliases is _empty:
            aliases = _c_CoreQuestion_aliases(aliases)
            if aliases.__class__ is _I: bad = True
        if not short.__class__ is _t38:
            short = _c_CoreQuestion_short(short)
            if short.__class__ is _I: bad = True
        _s_CoreQuestion_cycle(self, cycle)
        _s_CoreQuestion_pillar(self, pillar)
        _s_CoreQuestion_number(self, number)
        _s_CoreQuestion_key(self, key)
        _s_CoreQuestion_text(self, text)
        _s_CoreQuestion_graded(self, graded)
        _s_CoreQuestion_aliases(self, aliases)
        _s_CoreQuestion_short(self, short)
        if bad: _fail(self)
        if key is not None and not _k_CoreQuestion_key[0].test(key): _fail(self)
        if _rules_CoreQuestion[0].check(self): _fail(self)
    return __init__


def _Force___init___1d344c2f_2238():
    def __init__(self, id=_missing, official_name=_missing, short_name=_missing, gss_code=_missing, country=_missing, region=_missing, ons_name=_d_ons_name, aliases=_d_aliases, later_names=_d_later_names, **_extra):
        if _extra: _unknown(_extra)
        if id is _missing: id = _I(_m_id)
        if official_name is _missing: official_name = _I(_m_official_name)
        if short_name is _missing: short_name = _I(_m_short_name)
        if gss_code is _missing: gss_code = _I(_m_gss_code)
        if country is _missing: country = _I(_m_country)
        if region is _missing: region = _I(_m_region)
        bad = False
        if not id.__class__ is _t15:
            id = _c_Force_id(id)
            if id.__class__ is _I: bad = True
        if not official_name.__class__ is _t18:
            official_name = _c_Force_official_name(official_name)
            if official_name.__class__ is _I: bad = True
        if not short_name.__class__ is _t21:
            short_name = _c_Force_short_name(short_name)
            if short_name.__class__ is _I: bad = True
        if not gss_code.__class__ is _t24:
            gss_code = _c_Force_gss_code(gss_code)
            if gss_code.__class__ is _I: bad = True
        if not country.__class__ is _t27:
            country = _w_Force_country.get(country) or _c_Force_country(country) if country.__class__ is str else _c_Force_country(country)
            if country.__class__ is _I: bad = True
        if not region.__class__ is _t31:
            region = _c_Force_region(region)
            if region.__class__ is _I: bad = True
        if not ons_name.__class__ is _t34:
            ons_name = _c_Force_ons_name(ons_name)
            if ons_name.__class__ is _I: bad = True
        if not aliases is _empty:
            aliases = _c_Force_aliases(aliases)
            if aliases.__class__ is _I: bad = True
        if not later_names is _empty:
            later_names = _c_Force_later_names(later_names)
            if later_names.__class__ is _I: bad = True
        _s_Force_id(self, id)
        _s_Force_official_name(self, official_name)
        _s_Force_short_name(self, short_name)
        _s_Force_gss_code(self, gss_code)
        _s_Force_country(self, country)
        _s_Force_region(self, region)
        _s_Force_ons_name(self, ons_name)
        _s_Force_aliases(self, aliases)
        _s_Force_later_names(self, later_names)
        if bad: _fail(self)
    return __init__


def _InspectionReport___init___6d2f3651_3328():
    def __init__(self, *, force=_missing, cycle=_missing, pillar=_d_pillar, judgment=_d_judgment, previous_judgment=_d_previous_judgment, summary=_d_summary, assessments=_d_assessments, measurements=_d_measurements, outcome_tables=_d_outcome_tables, provenance=_d_provenance, **_extra):
        if _extra: _unknown(_extra)
        if force is _missing: force = _I(_m_force)
        if cycle is _missing: cycle = _I(_m_cycle)
        bad = False
        if not force.__class__ is _t16:
            force = _x_InspectionReport_force.get(force) or _c_InspectionReport_force(force) if force.__class__ is str else _c_InspectionReport_force(force)
            if force.__class__ is _I: bad = True
        if not cycle.__class__ is _t20:
            cycle = _w_InspectionReport_cycle.get(cycle) or _c_InspectionReport_cycle(cycle) if cycle.__class__ is str else _c_InspectionReport_cycle(cycle)
            if cycle.__class__ is _I: bad = True
        if not (pillar is None or pillar.__class__ is _t24):
            pillar = _w_InspectionReport_pillar.get(pillar) or _c_InspectionReport_pillar(pillar) if pillar.__class__ is str else _c_InspectionReport_pillar(pillar)
            if pillar.__class__ is _I: bad = True
        if pillar is None and cycle.__class__ is not _I: pillar = _dv_InspectionReport_pillar(cycle)
        if not (judgment is None or judgment.__class__ is _t29):
            judgment = _c_InspectionReport_judgment(judgment)
            if judgment.__class__ is _I: bad = True
        if not (previous_judgment is None or previous_judgment.__class__ is _t32):
            previous_judgment = _c_InspectionReport_previous_judgment(previous_judgment)
            if previous_judgment.__class__ is _I: bad = True
        if not summary.__class__ is _t35:
            summary = _c_InspectionReport_summary(summary)
            if summary.__class__ is _I: bad = True
        if not assessments is _empty:
            assessments = _c_InspectionReport_assessments(assessments)
            if assessments.__class__ is _I: bad = True
        if not measurements is _empty:
            measurements = _c_InspectionReport_measurements(measurements)
            if measurements.__class__ is _I: bad = True
        if not outcome_tables is _empty:
            outcome_tables = _c_InspectionReport_outcome_tables(outcome_tables)
            if outcome_tables.__class__ is _I: bad = True
        if not (provenance is None or provenance.__class__ is _t45):
            provenance = _c_InspectionReport_provenance(provenance)
            if provenance.__class__ is _I: bad = True
        _s_InspectionReport_force(self, force)
        _s_InspectionReport_cycle(self, cycle)
        _s_InspectionReport_pillar(self, pillar)
        _s_InspectionReport_judgment(self, judgment)
        _s_InspectionReport_previous_judgment(self, previous_judgment)
        _s_InspectionReport_summary(self, summary)
        _s_InspectionReport_assessments(self, assessments)
        _s_InspectionReport_measurements(self, measurements)
        _s_InspectionReport_outcome_tables(self, outcome_tables)
        _s_InspectionReport_provenance(self, provenance)
        if bad: _fail(self)
        if _rules_InspectionReport[0].check(self): _fail(self)
        if _rules_InspectionReport[1].check(self): _fail(self)
        if assessments and _rules_InspectionReport[2].check(self): _fail(self)
        if measurements and _rules_InspectionReport[3].check(self): _fail(self)
        if outcome_tables and _rules_InspectionReport[4].check(self): _fail(self)
    return __init__


def _Judgment___init___fcc0dc1b_1803():
    def __init__(self, grade=_missing, basis=_d_basis, carried_over_from=_d_carried_over_from, sources=_d_sources, note=_d_note, other_grades=_d_other_grades, **_extra):
        if _extra: _unknown(_extra)
        if grade is _missing: grade = _I(_m_grade)
        bad = False
        if not (grade.__class__ is _t12 or grade.__class__ is _t13):
            grade = _w_Judgment_grade.get(grade) or _c_Judgment_grade(grade) if grade.__class__ is str else _c_Judgment_grade(grade)
            if grade.__class__ is _I: bad = True
        if not basis.__class__ is _t17:
            basis = _w_Judgment_basis.get(basis) or _c_Judgment_basis(basis) if basis.__class__ is str else _c_Judgment_basis(basis)
            if basis.__class__ is _I: bad = True
        if not (carried_over_from is None or carried_over_from.__class__ is _t21):
            carried_over_from = _w_Judgment_carried_over_from.get(carried_over_from) or _c_Judgment_carried_over_from(carried_over_from) if carried_over_from.__class__ is str else _c_Judgment_carried_over_from(carried_over_from)
            if carried_over_from.__class__ is _I: bad = True
        if not sources is _empty:
            sources = _c_Judgment_sources(sources)
            if sources.__class__ is _I: bad = True
        if not note.__class__ is _t28:
            note = _c_Judgment_note(note)
            if note.__class__ is _I: bad = True
        if not other_grades is _empty:
            other_grades = _c_Judgment_other_grades(other_grades)
            if other_grades.__class__ is _I: bad = True
        _s_Judgment_grade(self, grade)
        _s_Judgment_basis(self, basis)
        _s_Judgment_carried_over_from(self, carried_over_from)
        _s_Judgment_sources(self, sources)
        _s_Judgment_note(self, note)
        _s_Judgment_other_grades(self, other_grades)
        if bad: _fail(self)
        if other_grades and _rules_Judgment[0].check(self): _fail(self)
    return __init__


def _Limits___init___4dd89b45_1278():
    def __init__(self, max_bytes=_d_max_bytes, max_depth=_d_max_depth, max_nodes=_d_max_nodes, max_files=_d_max_files, **_extra):
        if _extra: _unknown(_extra)
        bad = False
        if not max_bytes.__class__ is _t10:
            max_bytes = _c_Limits_max_bytes(max_bytes)
            if max_bytes.__class__ is _I: bad = True
        if not max_depth.__class__ is _t14:
            max_depth = _c_Limits_max_depth(max_depth)
            if max_depth.__class__ is _I: bad = True
        if not max_nodes.__class__ is _t18:
            max_nodes = _c_Limits_max_nodes(max_nodes)
            if max_nodes.__class__ is _I: bad = True
        if not max_files.__class__ is _t22:
            max_files = _c_Limits_max_files(max_files)
            if max_files.__class__ is _I: bad = True
        _s_Limits_max_bytes(self, max_bytes)
        _s_Limits_max_depth(self, max_depth)
        _s_Limits_max_nodes(self, max_nodes)
        _s_Limits_max_files(self, max_files)
        if bad: _fail(self)
        if max_bytes is not None and not _k_Limits_max_bytes[0].test(max_bytes): _fail(self)
        if max_depth is not None and not _k_Limits_max_depth[0].test(max_depth): _fail(self)
        if max_nodes is not None and not _k_Limits_max_nodes[0].test(max_nodes): _fail(self)
        if max_files is not None and not _k_Limits_max_files[0].test(max_files): _fail(self)
    return __init__


def _Measurement___init___6e0774c8_1262():
    def __init__(self, *, metric=_missing, value=_missing, england_and_wales=_d_england_and_wales, note=_d_note, **_extra):
        if _extra: _unknown(_extra)
        if metric is _missing: metric = _I(_m_metric)
        if value is _missing: value = _I(_m_value)
        bad = False
        if not metric.__class__ is _t10:
            metric = _c_Measurement_metric(metric)
            if metric.__class__ is _I: bad = True
        if not (value.__class__ is float and value - value == 0.0):
            value = _c_Measurement_value(value)
            if value.__class__ is _I: bad = True
        if not (england_and_wales is None or (england_and_wales.__class__ is float and england_and_wales - england_and_wales == 0.0)):
            england_and_wales = _c_Measurement_england_and_wales(england_and_wales)
            if england_and_wales.__class__ is _I: bad = True
        if not (note is None or note.__class__ is _t17):
            note = _c_Measurement_note(note)
            if note.__class__ is _I: bad = True
        _s_Measurement_metric(self, metric)
        _s_Measurement_value(self, value)
        _s_Measurement_england_and_wales(self, england_and_wales)
        _s_Measurement_note(self, note)
        if bad: _fail(self)
        if _rules_Measurement[0].check(self): _fail(self)
        if _rules_Measurement[1].check(self): _fail(self)
    return __init__


def _MetricDefinition___init___13aecb37_2119():
    def __init__(self, *, key=_missing, label=_missing, unit=_missing, period=_d_period, baseline=_d_baseline, base=_d_base, source=_d_source, **_extra):
        if _extra: _unknown(_extra)
        if key is _missing: key = _I(_m_key)
        if label is _missing: label = _I(_m_label)
        if unit is _missing: unit = _I(_m_unit)
        bad = False
        if not key.__class__ is _t13:
            key = _c_MetricDefinition_key(key)
            if key.__class__ is _I: bad = True
        if not label.__class__ is _t17:
            label = _c_MetricDefinition_label(label)
            if label.__class__ is _I: bad = True
        if not unit.__class__ is _t20:
            unit = _w_MetricDefinition_unit.get(unit) or _c_MetricDefinition_unit(unit) if unit.__class__ is str else _c_MetricDefinition_unit(unit)
            if unit.__class__ is _I: bad = True
        if not (period is None or period.__class__ is _t24):
            period = _x_MetricDefinition_period.get(period) or _c_MetricDefinition_period(period) if period.__class__ is str else _c_MetricDefinition_period(period)
            if period.__class__ is _I: bad = True
        if not (baseline is None or baseline.__class__ is _t28):
            baseline = _x_MetricDefinition_baseline.get(baseline) or _c_MetricDefinition_baseline(baseline) if baseline.__class__ is str else _c_MetricDefinition_baseline(baseline)
            if baseline.__class__ is _I: bad = True
        if not (base is None or base.__class__ is _t32):
            base = _c_MetricDefinition_base(base)
            if base.__class__ is _I: bad = True
        if not (source is None or source.__class__ is _t35):
            source = _c_MetricDefinition_source(source)
            if source.__class__ is _I: bad = True
        _s_MetricDefinition_key(self, key)
        _s_MetricDefinition_label(self, label)
        _s_MetricDefinition_unit(self, unit)
        _s_MetricDefinition_period(self, period)
        _s_MetricDefinition_baseline(self, baseline)
        _s_MetricDefinition_base(self, base)
        _s_MetricDefinition_source(self, source)
        if bad: _fail(self)
        if key is not None and not _k_MetricDefinition_key[0].test(key): _fail(self)
        if _rules_MetricDefinition[0].check(self): _fail(self)
    return __init__


def _OtherGrade___init___82309964_1670():
    def __init__(self, *, grade=_missing, kind=_missing, published=_d_published, superseded_on=_d_superseded_on, note=_d_note, sources=_d_sources, **_extra):
        if _extra: _unknown(_extra)
        if grade is _missing: grade = _I(_m_grade)
        if kind is _missing: kind = _I(_m_kind)
        bad = False
        if not (grade.__class__ is _t12 or grade.__class__ is _t13):
            grade = _w_OtherGrade_grade.get(grade) or _c_OtherGrade_grade(grade) if grade.__class__ is str else _c_OtherGrade_grade(grade)
            if grade.__class__ is _I: bad = True
        if not kind.__class__ is _t17:
            kind = _w_OtherGrade_kind.get(kind) or _c_OtherGrade_kind(kind) if kind.__class__ is str else _c_OtherGrade_kind(kind)
            if kind.__class__ is _I: bad = True
        if not (published is None or published.__class__ is _t21):
            published = _c_OtherGrade_published(published)
            if published.__class__ is _I: bad = True
        if not (superseded_on is None or superseded_on.__class__ is _t24):
            superseded_on = _c_OtherGrade_superseded_on(superseded_on)
            if superseded_on.__class__ is _I: bad = True
        if not note.__class__ is _t27:
            note = _c_OtherGrade_note(note)
            if note.__class__ is _I: bad = True
        if not sources is _empty:
            sources = _c_OtherGrade_sources(sources)
            if sources.__class__ is _I: bad = True
        _s_OtherGrade_grade(self, grade)
        _s_OtherGrade_kind(self, kind)
        _s_OtherGrade_published(self, published)
        _s_OtherGrade_superseded_on(self, superseded_on)
        _s_OtherGrade_note(self, note)
        _s_OtherGrade_sources(self, sources)
        if bad: _fail(self)
        if _rules_OtherGrade[0].check(self): _fail(self)
    return __init__


def _OutcomeGroupRow___init___6a0334f3_1970():
    def __init__(self, *, group=_missing, outcomes=_missing, value=_d_value, england_and_wales=_d_england_and_wales, members=_d_members, **_extra):
        if _extra: _unknown(_extra)
        if group is _missing: group = _I(_m_group)
        if outcomes is _missing: outcomes = _I(_m_outcomes)
        bad = False
        if not group.__class__ is _t11:
            group = _c_OutcomeGroupRow_group(group)
            if group.__class__ is _I: bad = True
        if not outcomes is _empty:
            outcomes = _c_OutcomeGroupRow_outcomes(outcomes)
            if outcomes.__class__ is _I: bad = True
        if not (value is None or (value.__class__ is float and value - value == 0.0)):
            value = _c_OutcomeGroupRow_value(value)
            if value.__class__ is _I: bad = True
        if not (england_and_wales is None or (england_and_wales.__class__ is float and england_and_wales - england_and_wales == 0.0)):
            england_and_wales = _c_OutcomeGroupRow_england_and_wales(england_and_wales)
            if england_and_wales.__class__ is _I: bad = True
        if not members is _empty:
            members = _c_OutcomeGroupRow_members(members)
            if members.__class__ is _I: bad = True
        _s_OutcomeGroupRow_group(self, group)
        _s_OutcomeGroupRow_outcomes(self, outcomes)
        _s_OutcomeGroupRow_value(self, value)
        _s_OutcomeGroupRow_england_and_wales(self, england_and_wales)
        _s_OutcomeGroupRow_members(self, members)
        if bad: _fail(self)
        if outcomes is not None and not _k_OutcomeGroupRow_outcomes[0].test(outcomes): _fail(self)
        if outcomes is not None and not _k_OutcomeGroupRow_outcomes[1].test(outcomes): _fail(self)
        if outcomes is not None and not _k_OutcomeGroupRow_outcomes[2].test(outcomes): _fail(self)
        if value is not None and not _k_OutcomeGroupRow_value[0].test(value): _fail(self)
        if england_and_wales is not None and not _k_OutcomeGroupRow_england_and_wales[0].test(england_and_wales): _fail(self)
        if members and _rules_OutcomeGroupRow[0].check(self): _fail(self)
    return __init__


def _OutcomeTable___init___af573fbb_2699():
    def __init__(self, *, key=_missing, title=_missing, measure=_missing, period=_missing, rows=_missing, total_assigned=_d_total_assigned, not_yet_assigned=_d_not_yet_assigned, total=_d_total, source=_d_source, note=_d_note, **_extra):
        if _extra: _unknown(_extra)
        if key is _missing: key = _I(_m_key)
        if title is _missing: title = _I(_m_title)
        if measure is _missing: measure = _I(_m_measure)
        if period is _missing: period = _I(_m_period)
        if rows is _missing: rows = _I(_m_rows)
        bad = False
        if not key.__class__ is _t16:
            key = _c_OutcomeTable_key(key)
            if key.__class__ is _I: bad = True
        if not title.__class__ is _t19:
            title = _c_OutcomeTable_title(title)
            if title.__class__ is _I: bad = True
        if not measure.__class__ is _t22:
            measure = _w_OutcomeTable_measure.get(measure) or _c_OutcomeTable_measure(measure) if measure.__class__ is str else _c_OutcomeTable_measure(measure)
            if measure.__class__ is _I: bad = True
        if not period.__class__ is _t26:
            period = _x_OutcomeTable_period.get(period) or _c_OutcomeTable_period(period) if period.__class__ is str else _c_OutcomeTable_period(period)
            if period.__class__ is _I: bad = True
        if not rows is _empty:
            rows = _c_OutcomeTable_rows(rows)
            if rows.__class__ is _I: bad = True
        if not (total_assigned is None or total_assigned.__class__ is _t33):
            total_assigned = _c_OutcomeTable_total_assigned(total_assigned)
            if total_assigned.__class__ is _I: bad = True
        if not (not_yet_assigned is None or not_yet_assigned.__class__ is _t36):
            not_yet_assigned = _c_OutcomeTable_not_yet_assigned(not_yet_assigned)
            if not_yet_assigned.__class__ is _I: bad = True
        if not (total is None or total.__class__ is _t39):
            total = _c_OutcomeTable_total(total)
            if total.__class__ is _I: bad = True
        if not (source is None or source.__class__ is _t42):
            source = _c_OutcomeTable_source(source)
            if source.__class__ is _I: bad = True
        if not (note is None or note.__class__ is _t45):
            note = _c_OutcomeTable_note(note)
            if note.__class__ is _I: bad = True
        _s_OutcomeTable_key(self, key)
        _s_OutcomeTable_title(self, title)
        _s_OutcomeTable_measure(self, measure)
        _s_OutcomeTable_period(self, period)
        _s_OutcomeTable_rows(self, rows)
        _s_OutcomeTable_total_assigned(self, total_assigned)
        _s_OutcomeTable_not_yet_assigned(self, not_yet_assigned)
        _s_OutcomeTable_total(self, total)
        _s_OutcomeTable_source(self, source)
        _s_OutcomeTable_note(self, note)
        if bad: _fail(self)
        if _rules_OutcomeTable[0].check(self): _fail(self)
    return __init__


def _OutcomeTotal___init___2288d0f3_1134():
    def __init__(self, *, label=_missing, value=_d_value, england_and_wales=_d_england_and_wales, **_extra):
        if _extra: _unknown(_extra)
        if label is _missing: label = _I(_m_label)
        bad = False
        if not label.__class__ is _t9:
            label = _c_OutcomeTotal_label(label)
            if label.__class__ is _I: bad = True
        if not (value is None or (value.__class__ is float and value - value == 0.0)):
            value = _c_OutcomeTotal_value(value)
            if value.__class__ is _I: bad = True
        if not (england_and_wales is None or (england_and_wales.__class__ is float and england_and_wales - england_and_wales == 0.0)):
            england_and_wales = _c_OutcomeTotal_england_and_wales(england_and_wales)
            if england_and_wales.__class__ is _I: bad = True
        _s_OutcomeTotal_label(self, label)
        _s_OutcomeTotal_value(self, value)
        _s_OutcomeTotal_england_and_wales(self, england_and_wales)
        if bad: _fail(self)
        if value is not None and not _k_OutcomeTotal_value[0].test(value): _fail(self)
        if england_and_wales is not None and not _k_OutcomeTotal_england_and_wales[0].test(england_and_wales): _fail(self)
    return __init__


def _OutcomeTypeRow___init___c0c74486_1496():
    def __init__(self, *, outcome=_missing, label=_missing, value=_d_value, england_and_wales=_d_england_and_wales, **_extra):
        if _extra: _unknown(_extra)
        if outcome is _missing: outcome = _I(_m_outcome)
        if label is _missing: label = _I(_m_label)
        bad = False
        if not outcome.__class__ is _t10:
            outcome = _c_OutcomeTypeRow_outcome(outcome)
            if outcome.__class__ is _I: bad = True
        if not label.__class__ is _t14:
            label = _c_OutcomeTypeRow_label(label)
            if label.__class__ is _I: bad = True
        if not (value is None or (value.__class__ is float and value - value == 0.0)):
            value = _c_OutcomeTypeRow_value(value)
            if value.__class__ is _I: bad = True
        if not (england_and_wales is None or (england_and_wales.__class__ is float and england_and_wales - england_and_wales == 0.0)):
            england_and_wales = _c_OutcomeTypeRow_england_and_wales(england_and_wales)
            if england_and_wales.__class__ is _I: bad = True
        _s_OutcomeTypeRow_outcome(self, outcome)
        _s_OutcomeTypeRow_label(self, label)
        _s_OutcomeTypeRow_value(self, value)
        _s_OutcomeTypeRow_england_and_wales(self, england_and_wales)
        if bad: _fail(self)
        if outcome is not None and not _k_OutcomeTypeRow_outcome[0].test(outcome): _fail(self)
        if value is not None and not _k_OutcomeTypeRow_value[0].test(value): _fail(self)
        if england_and_wales is not None and not _k_OutcomeTypeRow_england_and_wales[0].test(england_and_wales): _fail(self)
    return __init__


def _Period___init___1e35ef19_560():
    def __init__(self, start=_missing, end=_missing, **_extra):
        if _extra: _unknown(_extra)
        if start is _missing: start = _I(_m_start)
        if end is _missing: end = _I(_m_end)
        bad = False
        if not start.__class__ is _t8:
            start = _c_Period_start(start)
            if start.__class__ is _I: bad = True
        if not end.__class__ is _t11:
            end = _c_Period_end(end)
            if end.__class__ is _I: bad = True
        _s_Period_start(self, start)
        _s_Period_end(self, end)
        if bad: _fail(self)
        if _rules_Period[0].check(self): _fail(self)
    return __init__


def _Provenance___init___ad257925_1637():
    def __init__(self, *, title=_missing, publisher=_missing, published=_d_published, isbn=_d_isbn, url=_d_url, document=_d_document, licence=_d_licence, **_extra):
        if _extra: _unknown(_extra)
        if title is _missing: title = _I(_m_title)
        if publisher is _missing: publisher = _I(_m_publisher)
        bad = False
        if not title.__class__ is _t13:
            title = _c_Provenance_title(title)
            if title.__class__ is _I: bad = True
        if not publisher.__class__ is _t16:
            publisher = _c_Provenance_publisher(publisher)
            if publisher.__class__ is _I: bad = True
        if not (published is None or published.__class__ is _t19):
            published = _c_Provenance_published(published)
            if published.__class__ is _I: bad = True
        if not (isbn is None or isbn.__class__ is _t22):
            isbn = _c_Provenance_isbn(isbn)
            if isbn.__class__ is _I: bad = True
        if not (url is None or url.__class__ is _t25):
            url = _c_Provenance_url(url)
            if url.__class__ is _I: bad = True
        if not (document is None or document.__class__ is _t28):
            document = _c_Provenance_document(document)
            if document.__class__ is _I: bad = True
        if not (licence is None or licence.__class__ is _t31):
            licence = _c_Provenance_licence(licence)
            if licence.__class__ is _I: bad = True
        _s_Provenance_title(self, title)
        _s_Provenance_publisher(self, publisher)
        _s_Provenance_published(self, published)
        _s_Provenance_isbn(self, isbn)
        _s_Provenance_url(self, url)
        _s_Provenance_document(self, document)
        _s_Provenance_licence(self, licence)
        if bad: _fail(self)
    return __init__


def _read_Assessment_a6c5a47f_2182():
    def build(o):
        if o.__class__ is not _dict or not _keys.issuperset(o):
            return _slow(o)
        try:
            question = o['question']
            summary = o.get('summary', _d_summary)
            areas_for_improvement = o.get('areas_for_improvement', _d_areas_for_improvement)
            causes_of_concern = o.get('causes_of_concern', _d_causes_of_concern)
        except KeyError:
            return _slow(o)
        judgment = _d_judgment if _f_judgment.isdisjoint(o) else _b_judgment(o)
        previous = _d_previous if _f_previous.isdisjoint(o) else _b_previous(o)
        if causes_of_concern.__class__ is _list:
            causes_of_concern = [_b_causes_of_concern(x) if x.__class__ is _dict else x for x in causes_of_concern]
        self = _new(_cls)
        bad = False
        if not (question.__class__ is _t19 or question.__class__ is _t20):
            question = _c_Assessment_question(question)
            if question.__class__ is _I: bad = True
        if not (judgment is None or judgment.__class__ is _t24):
            judgment = _c_Assessment_judgment(judgment)
            if judgment.__class__ is _I: bad = True
        if not (previous is None or previous.__class__ is _t27):
            previous = _c_Assessment_previous(previous)
            if previous.__class__ is _I: bad = True
        if not summary.__class__ is _t30:
            summary = _c_Assessment_summary(summary)
            if summary.__class__ is _I: bad = True
        if not areas_for_improvement is _empty:
            areas_for_improvement = _c_Assessment_areas_for_improvement(areas_for_improvement)
            if areas_for_improvement.__class__ is _I: bad = True
        if not causes_of_concern is _empty:
            causes_of_concern = _c_Assessment_causes_of_concern(causes_of_concern)
            if causes_of_concern.__class__ is _I: bad = True
        _s_Assessment_question(self, question)
        _s_Assessment_judgment(self, judgment)
        _s_Assessment_previous(self, previous)
        _s_Assessment_summary(self, summary)
        _s_Assessment_areas_for_improvement(self, areas_for_improvement)
        _s_Assessment_causes_of_concern(self, causes_of_concern)
        if bad: return _slow(o)
        if question is not None and not _k_Assessment_question[0].test(question): return _slow(o)
        return self
    return build


def _read_CauseOfConcern_0e2e961f_750():
    def build(o):
        if o.__class__ is not _dict or not _keys.issuperset(o):
            return _slow(o)
        try:
            summary = o['summary']
            recommendations = o.get('recommendations', _d_recommendations)
        except KeyError:
            return _slow(o)
        self = _new(_cls)
        bad = False
        if not summary.__class__ is _t10:
            summary = _c_CauseOfConcern_summary(summary)
            if summary.__class__ is _I: bad = True
        if not recommendations is _empty:
            recommendations = _c_CauseOfConcern_recommendations(recommendations)
            if recommendations.__class__ is _I: bad = True
        _s_CauseOfConcern_summary(self, summary)
        _s_CauseOfConcern_recommendations(self, recommendations)
        if bad: return _slow(o)
        return self
    return build


def _read_CoreQuestion_21ec9643_2202():
    def build(o):
        if o.__class__ is not _dict or not _keys.issuperset(o):
            return _slow(o)
        try:
            cycle = o['cycle']
            pillar = o['pillar']
            number = o['number']
            key = o['key']
            text = o['text']
            graded = o.get('graded', _d_graded)
            aliases = o.get('aliases', _d_aliases)
            short = o.get('short', _d_short)
        except KeyError:
            return _slow(o)
        self = _new(_cls)
        bad = False
        if not cycle.__class__ is _t12:
            cycle = _w_CoreQuestion_cycle.get(cycle) or _c_CoreQuestion_cycle(cycle) if cycle.__class__ is str else _c_CoreQuestion_cycle(cycle)
            if cycle.__class__ is _I: bad = True
        if not (pillar is None or pillar.__class__ is _t16):
            pillar = _w_CoreQuestion_pillar.get(pillar) or _c_CoreQuestion_pillar(pillar) if pillar.__class__ is str else _c_CoreQuestion_pillar(pillar)
            if pillar.__class__ is _I: bad = True
        if not (number is None or number.__class__ is _t20):
            number = _c_CoreQuestion_number(number)
            if number.__class__ is _I: bad = True
        if not key.__class__ is _t23:
            key = _c_CoreQuestion_key(key)
            if key.__class__ is _I: bad = True
        if not text.__class__ is _t27:
            text = _c_CoreQuestion_text(text)
            if text.__class__ is _I: bad = True
        if not graded.__class__ is _t30:
            graded = _c_CoreQuestion_graded(graded)
            if graded.__class__ is _I: bad = True
        if not aliases is _empty:
            aliases = _c_CoreQuestion_aliases(aliases)
            if aliases.__class__ is _I: bad = True
        if not short.__class__ is _t36:
            short = _c_CoreQuestion_short(short)
            if short.__class__ is _I: bad = True
        _s_CoreQuestion_cycle(self, cycle)
        _s_CoreQuestion_pillar(self, pillar)
        _s_CoreQuestion_number(self, number)
        _s_CoreQuestion_key(self, key)
        _s_CoreQuestion_text(self, text)
        _s_CoreQuestion_graded(self, graded)
        _s_CoreQuestion_aliases(self, aliases)
        _s_CoreQuestion_short(self, short)
        if bad: return _slow(o)
        if key is not None and not _k_CoreQuestion_key[0].test(key): return _slow(o)
        if _rules_CoreQuestion[0].check(self): return _slow(o)
        return self
    return build


def _read_Force_1886c5ad_2208():
    def build(o):
        if o.__class__ is not _dict or not _keys.issuperset(o):
            return _slow(o)
        try:
            id = o['id']
            official_name = o['official_name']
            short_name = o['short_name']
            gss_code = o['gss_code']
            country = o['country']
            region = o['region']
            ons_name = o.get('ons_name', _d_ons_name)
            aliases = o.get('aliases', _d_aliases)
            later_names = o.get('later_names', _d_later_names)
        except KeyError:
            return _slow(o)
        self = _new(_cls)
        bad = False
        if not id.__class__ is _t12:
            id = _c_Force_id(id)
            if id.__class__ is _I: bad = True
        if not official_name.__class__ is _t15:
            official_name = _c_Force_official_name(official_name)
            if official_name.__class__ is _I: bad = True
        if not short_name.__class__ is _t18:
            short_name = _c_Force_short_name(short_name)
            if short_name.__class__ is _I: bad = True
        if not gss_code.__class__ is _t21:
            gss_code = _c_Force_gss_code(gss_code)
            if gss_code.__class__ is _I: bad = True
        if not country.__class__ is _t24:
            country = _w_Force_country.get(country) or _c_Force_country(country) if country.__class__ is str else _c_Force_country(country)
            if country.__class__ is _I: bad = True
        if not region.__class__ is _t28:
            region = _c_Force_region(region)
            if region.__class__ is _I: bad = True
        if not ons_name.__class__ is _t31:
            ons_name = _c_Force_ons_name(ons_name)
            if ons_name.__class__ is _I: bad = True
        if not aliases is _empty:
            aliases = _c_Force_aliases(aliases)
            if aliases.__class__ is _I: bad = True
        if not later_names is _empty:
            later_names = _c_Force_later_names(later_names)
            if later_names.__class__ is _I: bad = True
        _s_Force_id(self, id)
        _s_Force_official_name(self, official_name)
        _s_Force_short_name(self, short_name)
        _s_Force_gss_code(self, gss_code)
        _s_Force_country(self, country)
        _s_Force_region(self, region)
        _s_Force_ons_name(self, ons_name)
        _s_Force_aliases(self, aliases)
        _s_Force_later_names(self, later_names)
        if bad: return _slow(o)
        return self
    return build


def _read_InspectionReport_0e735151_4260():
    def build(o):
        if o.__class__ is not _dict or not _keys.issuperset(o):
            return _slow(o)
        try:
            force = o['force']
            cycle = o['cycle']
            pillar = o.get('pillar', _d_pillar)
            summary = o.get('summary', _d_summary)
            assessments = o.get('assessments', _d_assessments)
            measurements = o.get('measurements', _d_measurements)
            outcome_tables = o.get('outcome_tables', _d_outcome_tables)
            provenance = o.get('provenance', _d_provenance)
        except KeyError:
            return _slow(o)
        if force.__class__ is _dict: force = _b_force(force)
        judgment = _d_judgment if _f_judgment.isdisjoint(o) else _b_judgment(o)
        previous_judgment = _d_previous_judgment if _f_previous_judgment.isdisjoint(o) else _b_previous_judgment(o)
        if assessments.__class__ is _list:
            assessments = [_b_assessments(x) if x.__class__ is _dict else x for x in assessments]
        if measurements.__class__ is _list:
            measurements = [_b_measurements(x) if x.__class__ is _dict else x for x in measurements]
        if outcome_tables.__class__ is _list:
            outcome_tables = [_b_outcome_tables(x) if x.__class__ is _dict else x for x in outcome_tables]
        if provenance.__class__ is _dict: provenance = _b_provenance(provenance)
        self = _new(_cls)
        bad = False
        if not force.__class__ is _t26:
            force = _x_InspectionReport_force.get(force) or _c_InspectionReport_force(force) if force.__class__ is str else _c_InspectionReport_force(force)
            if force.__class__ is _I: bad = True
        if not cycle.__class__ is _t30:
            cycle = _w_InspectionReport_cycle.get(cycle) or _c_InspectionReport_cycle(cycle) if cycle.__class__ is str else _c_InspectionReport_cycle(cycle)
            if cycle.__class__ is _I: bad = True
        if not (pillar is None or pillar.__class__ is _t34):
            pillar = _w_InspectionReport_pillar.get(pillar) or _c_InspectionReport_pillar(pillar) if pillar.__class__ is str else _c_InspectionReport_pillar(pillar)
            if pillar.__class__ is _I: bad = True
        if pillar is None and cycle.__class__ is not _I: pillar = _dv_InspectionReport_pillar(cycle)
        if not (judgment is None or judgment.__class__ is _t39):
            judgment = _c_InspectionReport_judgment(judgment)
            if judgment.__class__ is _I: bad = True
        if not (previous_judgment is None or previous_judgment.__class__ is _t42):
            previous_judgment = _c_InspectionReport_previous_judgment(previous_judgment)
            if previous_judgment.__class__ is _I: bad = True
        if not summary.__class__ is _t45:
            summary = _c_InspectionReport_summary(summary)
            if summary.__class__ is _I: bad = True
        if not assessments is _empty:
            assessments = _c_InspectionReport_assessments(assessments)
            if assessments.__class__ is _I: bad = True
        if not measurements is _empty:
            measurements = _c_InspectionReport_measurements(measurements)
            if measurements.__class__ is _I: bad = True
        if not outcome_tables is _empty:
            outcome_tables = _c_InspectionReport_outcome_tables(outcome_tables)
            if outcome_tables.__class__ is _I: bad = True
        if not (provenance is None or provenance.__class__ is _t55):
            provenance = _c_InspectionReport_provenance(provenance)
            if provenance.__class__ is _I: bad = True
        _s_InspectionReport_force(self, force)
        _s_InspectionReport_cycle(self, cycle)
        _s_InspectionReport_pillar(self, pillar)
        _s_InspectionReport_judgment(self, judgment)
        _s_InspectionReport_previous_judgment(self, previous_judgment)
        _s_InspectionReport_summary(self, summary)
        _s_InspectionReport_assessments(self, assessments)
        _s_InspectionReport_measurements(self, measurements)
        _s_InspectionReport_outcome_tables(self, outcome_tables)
        _s_InspectionReport_provenance(self, provenance)
        if bad: return _slow(o)
        if _rules_InspectionReport[0].check(self): return _slow(o)
        if _rules_InspectionReport[1].check(self): return _slow(o)
        if assessments and _rules_InspectionReport[2].check(self): return _slow(o)
        if measurements and _rules_InspectionReport[3].check(self): return _slow(o)
        if outcome_tables and _rules_InspectionReport[4].check(self): return _slow(o)
        return self
    return build


def _read_Judgment_75101ed1_2113():
    def build(o):
        try:
            grade = o['grade']
            basis = o.get('basis', _d_basis)
            carried_over_from = o.get('carried_over_from', _d_carried_over_from)
            sources = o.get('grade_sources', _d_sources)
            note = o.get('grade_note', _d_note)
            other_grades = o.get('other_grades', _d_other_grades)
        except KeyError:
            return _slow(o)
        if other_grades.__class__ is _list:
            other_grades = [_b_other_grades(x) if x.__class__ is _dict else x for x in other_grades]
        self = _new(_cls)
        bad = False
        if not (grade.__class__ is _t15 or grade.__class__ is _t16):
            grade = _w_Judgment_grade.get(grade) or _c_Judgment_grade(grade) if grade.__class__ is str else _c_Judgment_grade(grade)
            if grade.__class__ is _I: bad = True
        if not basis.__class__ is _t20:
            basis = _w_Judgment_basis.get(basis) or _c_Judgment_basis(basis) if basis.__class__ is str else _c_Judgment_basis(basis)
            if basis.__class__ is _I: bad = True
        if not (carried_over_from is None or carried_over_from.__class__ is _t24):
            carried_over_from = _w_Judgment_carried_over_from.get(carried_over_from) or _c_Judgment_carried_over_from(carried_over_from) if carried_over_from.__class__ is str else _c_Judgment_carried_over_from(carried_over_from)
            if carried_over_from.__class__ is _I: bad = True
        if not sources is _empty:
            sources = _c_Judgment_sources(sources)
            if sources.__class__ is _I: bad = True
        if not note.__class__ is _t31:
            note = _c_Judgment_note(note)
            if note.__class__ is _I: bad = True
        if not other_grades is _empty:
            other_grades = _c_Judgment_other_grades(other_grades)
            if other_grades.__class__ is _I: bad = True
        _s_Judgment_grade(self, grade)
        _s_Judgment_basis(self, basis)
        _s_Judgment_carried_over_from(self, carried_over_from)
        _s_Judgment_sources(self, sources)
        _s_Judgment_note(self, note)
        _s_Judgment_other_grades(self, other_grades)
        if bad: return _slow(o)
        if other_grades and _rules_Judgment[0].check(self): return _slow(o)
        return self
    return build


def _read_Judgment_8822720f_2197():
    def build(o):
        if o.__class__ is not _dict or not _keys.issuperset(o):
            return _slow(o)
        try:
            grade = o['grade']
            basis = o.get('basis', _d_basis)
            carried_over_from = o.get('carried_over_from', _d_carried_over_from)
            sources = o.get('grade_sources', _d_sources)
            note = o.get('grade_note', _d_note)
            other_grades = o.get('other_grades', _d_other_grades)
        except KeyError:
            return _slow(o)
        if other_grades.__class__ is _list:
            other_grades = [_b_other_grades(x) if x.__class__ is _dict else x for x in other_grades]
        self = _new(_cls)
        bad = False
        if not (grade.__class__ is _t15 or grade.__class__ is _t16):
            grade = _w_Judgment_grade.get(grade) or _c_Judgment_grade(grade) if grade.__class__ is str else _c_Judgment_grade(grade)
            if grade.__class__ is _I: bad = True
        if not basis.__class__ is _t20:
            basis = _w_Judgment_basis.get(basis) or _c_Judgment_basis(basis) if basis.__class__ is str else _c_Judgment_basis(basis)
            if basis.__class__ is _I: bad = True
        if not (carried_over_from is None or carried_over_from.__class__ is _t24):
            carried_over_from = _w_Judgment_carried_over_from.get(carried_over_from) or _c_Judgment_carried_over_from(carried_over_from) if carried_over_from.__class__ is str else _c_Judgment_carried_over_from(carried_over_from)
            if carried_over_from.__class__ is _I: bad = True
        if not sources is _empty:
            sources = _c_Judgment_sources(sources)
            if sources.__class__ is _I: bad = True
        if not note.__class__ is _t31:
            note = _c_Judgment_note(note)
            if note.__class__ is _I: bad = True
        if not other_grades is _empty:
            other_grades = _c_Judgment_other_grades(other_grades)
            if other_grades.__class__ is _I: bad = True
        _s_Judgment_grade(self, grade)
        _s_Judgment_basis(self, basis)
        _s_Judgment_carried_over_from(self, carried_over_from)
        _s_Judgment_sources(self, sources)
        _s_Judgment_note(self, note)
        _s_Judgment_other_grades(self, other_grades)
        if bad: return _slow(o)
        if other_grades and _rules_Judgment[0].check(self): return _slow(o)
        return self
    return build


def _read_Limits_959a6da3_1542():
    def build(o):
        if o.__class__ is not _dict or not _keys.issuperset(o):
            return _slow(o)
        try:
            max_bytes = o.get('max_bytes', _d_max_bytes)
            max_depth = o.get('max_depth', _d_max_depth)
            max_nodes = o.get('max_nodes', _d_max_nodes)
            max_files = o.get('max_files', _d_max_files)
        except KeyError:
            return _slow(o)
        self = _new(_cls)
        bad = False
        if not max_bytes.__class__ is _t13:
            max_bytes = _c_Limits_max_bytes(max_bytes)
            if max_bytes.__class__ is _I: bad = True
        if not max_depth.__class__ is _t17:
            max_depth = _c_Limits_max_depth(max_depth)
            if max_depth.__class__ is _I: bad = True
        if not max_nodes.__class__ is _t21:
            max_nodes = _c_Limits_max_nodes(max_nodes)
            if max_nodes.__class__ is _I: bad = True
        if not max_files.__class__ is _t25:
            max_files = _c_Limits_max_files(max_files)
            if max_files.__class__ is _I: bad = True
        _s_Limits_max_bytes(self, max_bytes)
        _s_Limits_max_depth(self, max_depth)
        _s_Limits_max_nodes(self, max_nodes)
        _s_Limits_max_files(self, max_files)
        if bad: return _slow(o)
        if max_bytes is not None and not _k_Limits_max_bytes[0].test(max_bytes): return _slow(o)
        if max_depth is not None and not _k_Limits_max_depth[0].test(max_depth): return _slow(o)
        if max_nodes is not None and not _k_Limits_max_nodes[0].test(max_nodes): return _slow(o)
        if max_files is not None and not _k_Limits_max_files[0].test(max_files): return _slow(o)
        return self
    return build


def _read_Measurement_767f9bc9_1383():
    def build(o):
        if o.__class__ is not _dict or not _keys.issuperset(o):
            return _slow(o)
        try:
            value = o['value']
            england_and_wales = o.get('england_and_wales', _d_england_and_wales)
            note = o.get('note', _d_note)
        except KeyError:
            return _slow(o)
        metric = _b_metric(o)
        self = _new(_cls)
        bad = False
        if not metric.__class__ is _t12:
            metric = _c_Measurement_metric(metric)
            if metric.__class__ is _I: bad = True
        if not (value.__class__ is float and value - value == 0.0):
            value = _c_Measurement_value(value)
            if value.__class__ is _I: bad = True
        if not (england_and_wales is None or (england_and_wales.__class__ is float and england_and_wales - england_and_wales == 0.0)):
            england_and_wales = _c_Measurement_england_and_wales(england_and_wales)
            if england_and_wales.__class__ is _I: bad = True
        if not (note is None or note.__class__ is _t19):
            note = _c_Measurement_note(note)
            if note.__class__ is _I: bad = True
        _s_Measurement_metric(self, metric)
        _s_Measurement_value(self, value)
        _s_Measurement_england_and_wales(self, england_and_wales)
        _s_Measurement_note(self, note)
        if bad: return _slow(o)
        if _rules_Measurement[0].check(self): return _slow(o)
        if _rules_Measurement[1].check(self): return _slow(o)
        return self
    return build


def _read_MetricDefinition_27cb2b47_2391():
    def build(o):
        if o.__class__ is not _dict or not _keys.issuperset(o):
            return _slow(o)
        try:
            key = o['metric']
            label = o['label']
            unit = o['unit']
            period = o.get('period', _d_period)
            baseline = o.get('baseline', _d_baseline)
            base = o.get('base', _d_base)
            source = o.get('source', _d_source)
        except KeyError:
            return _slow(o)
        if period.__class__ is _dict: period = _b_period(period)
        if baseline.__class__ is _dict: baseline = _b_baseline(baseline)
        self = _new(_cls)
        bad = False
        if not key.__class__ is _t15:
            key = _c_MetricDefinition_key(key)
            if key.__class__ is _I: bad = True
        if not label.__class__ is _t19:
            label = _c_MetricDefinition_label(label)
            if label.__class__ is _I: bad = True
        if not unit.__class__ is _t22:
            unit = _w_MetricDefinition_unit.get(unit) or _c_MetricDefinition_unit(unit) if unit.__class__ is str else _c_MetricDefinition_unit(unit)
            if unit.__class__ is _I: bad = True
        if not (period is None or period.__class__ is _t26):
            period = _x_MetricDefinition_period.get(period) or _c_MetricDefinition_period(period) if period.__class__ is str else _c_MetricDefinition_period(period)
            if period.__class__ is _I: bad = True
        if not (baseline is None or baseline.__class__ is _t30):
            baseline = _x_MetricDefinition_baseline.get(baseline) or _c_MetricDefinition_baseline(baseline) if baseline.__class__ is str else _c_MetricDefinition_baseline(baseline)
            if baseline.__class__ is _I: bad = True
        if not (base is None or base.__class__ is _t34):
            base = _c_MetricDefinition_base(base)
            if base.__class__ is _I: bad = True
        if not (source is None or source.__class__ is _t37):
            source = _c_MetricDefinition_source(source)
            if source.__class__ is _I: bad = True
        _s_MetricDefinition_key(self, key)
        _s_MetricDefinition_label(self, label)
        _s_MetricDefinition_unit(self, unit)
        _s_MetricDefinition_period(self, period)
        _s_MetricDefinition_baseline(self, baseline)
        _s_MetricDefinition_base(self, base)
        _s_MetricDefinition_source(self, source)
        if bad: return _slow(o)
        if key is not None and not _k_MetricDefinition_key[0].test(key): return _slow(o)
        if _rules_MetricDefinition[0].check(self): return _slow(o)
        return self
    return build


def _read_MetricDefinition_8eca16b6_2307():
    def build(o):
        try:
            key = o['metric']
            label = o['label']
            unit = o['unit']
            period = o.get('period', _d_period)
            baseline = o.get('baseline', _d_baseline)
            base = o.get('base', _d_base)
            source = o.get('source', _d_source)
        except KeyError:
            return _slow(o)
        if period.__class__ is _dict: period = _b_period(period)
        if baseline.__class__ is _dict: baseline = _b_baseline(baseline)
        self = _new(_cls)
        bad = False
        if not key.__class__ is _t15:
            key = _c_MetricDefinition_key(key)
            if key.__class__ is _I: bad = True
        if not label.__class__ is _t19:
            label = _c_MetricDefinition_label(label)
            if label.__class__ is _I: bad = True
        if not unit.__class__ is _t22:
            unit = _w_MetricDefinition_unit.get(unit) or _c_MetricDefinition_unit(unit) if unit.__class__ is str else _c_MetricDefinition_unit(unit)
            if unit.__class__ is _I: bad = True
        if not (period is None or period.__class__ is _t26):
            period = _x_MetricDefinition_period.get(period) or _c_MetricDefinition_period(period) if period.__class__ is str else _c_MetricDefinition_period(period)
            if period.__class__ is _I: bad = True
        if not (baseline is None or baseline.__class__ is _t30):
            baseline = _x_MetricDefinition_baseline.get(baseline) or _c_MetricDefinition_baseline(baseline) if baseline.__class__ is str else _c_MetricDefinition_baseline(baseline)
            if baseline.__class__ is _I: bad = True
        if not (base is None or base.__class__ is _t34):
            base = _c_MetricDefinition_base(base)
            if base.__class__ is _I: bad = True
        if not (source is None or source.__class__ is _t37):
            source = _c_MetricDefinition_source(source)
            if source.__class__ is _I: bad = True
        _s_MetricDefinition_key(self, key)
        _s_MetricDefinition_label(self, label)
        _s_MetricDefinition_unit(self, unit)
        _s_MetricDefinition_period(self, period)
        _s_MetricDefinition_baseline(self, baseline)
        _s_MetricDefinition_base(self, base)
        _s_MetricDefinition_source(self, source)
        if bad: return _slow(o)
        if key is not None and not _k_MetricDefinition_key[0].test(key): return _slow(o)
        if _rules_MetricDefinition[0].check(self): return _slow(o)
        return self
    return build


def _read_OtherGrade_17b8756d_1846():
    def build(o):
        if o.__class__ is not _dict or not _keys.issuperset(o):
            return _slow(o)
        try:
            grade = o['grade']
            kind = o['kind']
            published = o.get('published', _d_published)
            superseded_on = o.get('superseded_on', _d_superseded_on)
            note = o.get('note', _d_note)
            sources = o.get('sources', _d_sources)
        except KeyError:
            return _slow(o)
        self = _new(_cls)
        bad = False
        if not (grade.__class__ is _t13 or grade.__class__ is _t14):
            grade = _w_OtherGrade_grade.get(grade) or _c_OtherGrade_grade(grade) if grade.__class__ is str else _c_OtherGrade_grade(grade)
            if grade.__class__ is _I: bad = True
        if not kind.__class__ is _t18:
            kind = _w_OtherGrade_kind.get(kind) or _c_OtherGrade_kind(kind) if kind.__class__ is str else _c_OtherGrade_kind(kind)
            if kind.__class__ is _I: bad = True
        if not (published is None or published.__class__ is _t22):
            published = _c_OtherGrade_published(published)
            if published.__class__ is _I: bad = True
        if not (superseded_on is None or superseded_on.__class__ is _t25):
            superseded_on = _c_OtherGrade_superseded_on(superseded_on)
            if superseded_on.__class__ is _I: bad = True
        if not note.__class__ is _t28:
            note = _c_OtherGrade_note(note)
            if note.__class__ is _I: bad = True
        if not sources is _empty:
            sources = _c_OtherGrade_sources(sources)
            if sources.__class__ is _I: bad = True
        _s_OtherGrade_grade(self, grade)
        _s_OtherGrade_kind(self, kind)
        _s_OtherGrade_published(self, published)
        _s_OtherGrade_superseded_on(self, superseded_on)
        _s_OtherGrade_note(self, note)
        _s_OtherGrade_sources(self, sources)
        if bad: return _slow(o)
        if _rules_OtherGrade[0].check(self): return _slow(o)
        return self
    return build


def _read_OutcomeGroupRow_e0c07d1e_2251():
    def build(o):
        if o.__class__ is not _dict or not _keys.issuperset(o):
            return _slow(o)
        try:
            group = o['group']
            outcomes = o['outcomes']
            value = o.get('value', _d_value)
            england_and_wales = o.get('england_and_wales', _d_england_and_wales)
            members = o.get('members', _d_members)
        except KeyError:
            return _slow(o)
        if members.__class__ is _list:
            members = [_b_members(x) if x.__class__ is _dict else x for x in members]
        self = _new(_cls)
        bad = False
        if not group.__class__ is _t13:
            group = _c_OutcomeGroupRow_group(group)
            if group.__class__ is _I: bad = True
        if not outcomes is _empty:
            outcomes = _c_OutcomeGroupRow_outcomes(outcomes)
            if outcomes.__class__ is _I: bad = True
        if not (value is None or (value.__class__ is float and value - value == 0.0)):
            value = _c_OutcomeGroupRow_value(value)
            if value.__class__ is _I: bad = True
        if not (england_and_wales is None or (england_and_wales.__class__ is float and england_and_wales - england_and_wales == 0.0)):
            england_and_wales = _c_OutcomeGroupRow_england_and_wales(england_and_wales)
            if england_and_wales.__class__ is _I: bad = True
        if not members is _empty:
            members = _c_OutcomeGroupRow_members(members)
            if members.__class__ is _I: bad = True
        _s_OutcomeGroupRow_group(self, group)
        _s_OutcomeGroupRow_outcomes(self, outcomes)
        _s_OutcomeGroupRow_value(self, value)
        _s_OutcomeGroupRow_england_and_wales(self, england_and_wales)
        _s_OutcomeGroupRow_members(self, members)
        if bad: return _slow(o)
        if outcomes is not None and not _k_OutcomeGroupRow_outcomes[0].test(outcomes): return _slow(o)
        if outcomes is not None and not _k_OutcomeGroupRow_outcomes[1].test(outcomes): return _slow(o)
        if outcomes is not None and not _k_OutcomeGroupRow_outcomes[2].test(outcomes): return _slow(o)
        if value is not None and not _k_OutcomeGroupRow_value[0].test(value): return _slow(o)
        if england_and_wales is not None and not _k_OutcomeGroupRow_england_and_wales[0].test(england_and_wales): return _slow(o)
        if members and _rules_OutcomeGroupRow[0].check(self): return _slow(o)
        return self
    return build


def _read_OutcomeTable_177033d2_3214():
    def build(o):
        if o.__class__ is not _dict or not _keys.issuperset(o):
            return _slow(o)
        try:
            key = o['key']
            title = o['title']
            measure = o['measure']
            period = o['period']
            rows = o['rows']
            total_assigned = o.get('total_assigned', _d_total_assigned)
            not_yet_assigned = o.get('not_yet_assigned', _d_not_yet_assigned)
            total = o.get('total', _d_total)
            source = o.get('source', _d_source)
            note = o.get('note', _d_note)
        except KeyError:
            return _slow(o)
        if period.__class__ is _dict: period = _b_period(period)
        if rows.__class__ is _list:
            rows = [_b_rows(x) if x.__class__ is _dict else x for x in rows]
        if total_assigned.__class__ is _dict: total_assigned = _b_total_assigned(total_assigned)
        if not_yet_assigned.__class__ is _dict: not_yet_assigned = _b_not_yet_assigned(not_yet_assigned)
        if total.__class__ is _dict: total = _b_total(total)
        self = _new(_cls)
        bad = False
        if not key.__class__ is _t19:
            key = _c_OutcomeTable_key(key)
            if key.__class__ is _I: bad = True
        if not title.__class__ is _t22:
            title = _c_OutcomeTable_title(title)
            if title.__class__ is _I: bad = True
        if not measure.__class__ is _t25:
            measure = _w_OutcomeTable_measure.get(measure) or _c_OutcomeTable_measure(measure) if measure.__class__ is str else _c_OutcomeTable_measure(measure)
            if measure.__class__ is _I: bad = True
        if not period.__class__ is _t29:
            period = _x_OutcomeTable_period.get(period) or _c_OutcomeTable_period(period) if period.__class__ is str else _c_OutcomeTable_period(period)
            if period.__class__ is _I: bad = True
        if not rows is _empty:
            rows = _c_OutcomeTable_rows(rows)
            if rows.__class__ is _I: bad = True
        if not (total_assigned is None or total_assigned.__class__ is _t36):
            total_assigned = _c_OutcomeTable_total_assigned(total_assigned)
            if total_assigned.__class__ is _I: bad = True
        if not (not_yet_assigned is None or not_yet_assigned.__class__ is _t39):
            not_yet_assigned = _c_OutcomeTable_not_yet_assigned(not_yet_assigned)
            if not_yet_assigned.__class__ is _I: bad = True
        if not (total is None or total.__class__ is _t42):
            total = _c_OutcomeTable_total(total)
            if total.__class__ is _I: bad = True
        if not (source is None or source.__class__ is _t45):
            source = _c_OutcomeTable_source(source)
            if source.__class__ is _I: bad = True
        if not (note is None or note.__class__ is _t48):
            note = _c_OutcomeTable_note(note)
            if note.__class__ is _I: bad = True
        _s_OutcomeTable_key(self, key)
        _s_OutcomeTable_title(self, title)
        _s_OutcomeTable_measure(self, measure)
        _s_OutcomeTable_period(self, period)
        _s_OutcomeTable_rows(self, rows)
        _s_OutcomeTable_total_assigned(self, total_assigned)
        _s_OutcomeTable_not_yet_assigned(self, not_yet_assigned)
        _s_OutcomeTable_total(self, total)
        _s_OutcomeTable_source(self, source)
        _s_OutcomeTable_note(self, note)
        if bad: return _slow(o)
        if _rules_OutcomeTable[0].check(self): return _slow(o)
        return self
    return build


def _read_OutcomeTotal_a90d721f_1298():
    def build(o):
        if o.__class__ is not _dict or not _keys.issuperset(o):
            return _slow(o)
        try:
            label = o['label']
            value = o.get('value', _d_value)
            england_and_wales = o.get('england_and_wales', _d_england_and_wales)
        except KeyError:
            return _slow(o)
        self = _new(_cls)
        bad = False
        if not label.__class__ is _t11:
            label = _c_OutcomeTotal_label(label)
            if label.__class__ is _I: bad = True
        if not (value is None or (value.__class__ is float and value - value == 0.0)):
            value = _c_OutcomeTotal_value(value)
            if value.__class__ is _I: bad = True
        if not (england_and_wales is None or (england_and_wales.__class__ is float and england_and_wales - england_and_wales == 0.0)):
            england_and_wales = _c_OutcomeTotal_england_and_wales(england_and_wales)
            if england_and_wales.__class__ is _I: bad = True
        _s_OutcomeTotal_label(self, label)
        _s_OutcomeTotal_value(self, value)
        _s_OutcomeTotal_england_and_wales(self, england_and_wales)
        if bad: return _slow(o)
        if value is not None and not _k_OutcomeTotal_value[0].test(value): return _slow(o)
        if england_and_wales is not None and not _k_OutcomeTotal_england_and_wales[0].test(england_and_wales): return _slow(o)
        return self
    return build


def _read_OutcomeTypeRow_8662993e_1623():
    def build(o):
        if o.__class__ is not _dict or not _keys.issuperset(o):
            return _slow(o)
        try:
            outcome = o['outcome']
            label = o['label']
            value = o.get('value', _d_value)
            england_and_wales = o.get('england_and_wales', _d_england_and_wales)
        except KeyError:
            return _slow(o)
        self = _new(_cls)
        bad = False
        if not outcome.__class__ is _t11:
            outcome = _c_OutcomeTypeRow_outcome(outcome)
            if outcome.__class__ is _I: bad = True
        if not label.__class__ is _t15:
            label = _c_OutcomeTypeRow_label(label)
            if label.__class__ is _I: bad = True
        if not (value is None or (value.__class__ is float and value - value == 0.0)):
            value = _c_OutcomeTypeRow_value(value)
            if value.__class__ is _I: bad = True
        if not (england_and_wales is None or (england_and_wales.__class__ is float and england_and_wales - england_and_wales == 0.0)):
            england_and_wales = _c_OutcomeTypeRow_england_and_wales(england_and_wales)
            if england_and_wales.__class__ is _I: bad = True
        _s_OutcomeTypeRow_outcome(self, outcome)
        _s_OutcomeTypeRow_label(self, label)
        _s_OutcomeTypeRow_value(self, value)
        _s_OutcomeTypeRow_england_and_wales(self, england_and_wales)
        if bad: return _slow(o)
        if outcome is not None and not _k_OutcomeTypeRow_outcome[0].test(outcome): return _slow(o)
        if value is not None and not _k_OutcomeTypeRow_value[0].test(value): return _slow(o)
        if england_and_wales is not None and not _k_OutcomeTypeRow_england_and_wales[0].test(england_and_wales): return _slow(o)
        return self
    return build


def _read_Period_9f08251e_628():
    def build(o):
        if o.__class__ is not _dict or not _keys.issuperset(o):
            return _slow(o)
        try:
            start = o['start']
            end = o['end']
        except KeyError:
            return _slow(o)
        self = _new(_cls)
        bad = False
        if not start.__class__ is _t9:
            start = _c_Period_start(start)
            if start.__class__ is _I: bad = True
        if not end.__class__ is _t12:
            end = _c_Period_end(end)
            if end.__class__ is _I: bad = True
        _s_Period_start(self, start)
        _s_Period_end(self, end)
        if bad: return _slow(o)
        if _rules_Period[0].check(self): return _slow(o)
        return self
    return build


def _read_Provenance_414c8957_1817():
    def build(o):
        if o.__class__ is not _dict or not _keys.issuperset(o):
            return _slow(o)
        try:
            title = o['title']
            publisher = o['publisher']
            published = o.get('published', _d_published)
            isbn = o.get('isbn', _d_isbn)
            url = o.get('url', _d_url)
            document = o.get('document', _d_document)
            licence = o.get('licence', _d_licence)
        except KeyError:
            return _slow(o)
        self = _new(_cls)
        bad = False
        if not title.__class__ is _t14:
            title = _c_Provenance_title(title)
            if title.__class__ is _I: bad = True
        if not publisher.__class__ is _t17:
            publisher = _c_Provenance_publisher(publisher)
            if publisher.__class__ is _I: bad = True
        if not (published is None or published.__class__ is _t20):
            published = _c_Provenance_published(published)
            if published.__class__ is _I: bad = True
        if not (isbn is None or isbn.__class__ is _t23):
            isbn = _c_Provenance_isbn(isbn)
            if isbn.__class__ is _I: bad = True
        if not (url is None or url.__class__ is _t26):
            url = _c_Provenance_url(url)
            if url.__class__ is _I: bad = True
        if not (document is None or document.__class__ is _t29):
            document = _c_Provenance_document(document)
            if document.__class__ is _I: bad = True
        if not (licence is None or licence.__class__ is _t32):
            licence = _c_Provenance_licence(licence)
            if licence.__class__ is _I: bad = True
        _s_Provenance_title(self, title)
        _s_Provenance_publisher(self, publisher)
        _s_Provenance_published(self, published)
        _s_Provenance_isbn(self, isbn)
        _s_Provenance_url(self, url)
        _s_Provenance_document(self, document)
        _s_Provenance_licence(self, licence)
        if bad: return _slow(o)
        return self
    return build
