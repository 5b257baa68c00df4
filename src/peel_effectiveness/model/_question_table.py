"""The core questions of the PEEL pillars, cycle by cycle, as HMIC worded them.

One row per question: cycle, pillar, number, key, wording, whether it was
graded, and other wordings sources use. Sources:

* 2014, 2015, 2016 effectiveness: HMIC's published question lists and the
  2016 reports.
* 2016, 2017 and 2018/19 effectiveness (the same five questions; question 5
  ungraded), 2018/19 efficiency and legitimacy, and 2017 legitimacy (the same
  three as 2018/19): the 2018/19 grade wheel,
  https://www.justiceinspectorates.gov.uk/hmicfrs/peel-assessments/peel-2018/?view=wheel&sort=alpha&data=question&group_by_region=off
  (one 2018/19 page words question 2 "... and catching criminals").

* 2021/22 areas: the PEEL assessment framework 2021/22,
  https://hmicfrs.justiceinspectorates.gov.uk/publication-html/peel-assessment-framework-2021-22/
  and the force reports; the short names of the later reports, the longer
  ones as aliases. Victim service was graded for the first eight forces
  only (the original framework); the strategic policing requirement and
  armed threats were assessed without a grade.
* 2023-25 areas: the PEEL assessment framework 2023-25,
  https://hmicfrs.justiceinspectorates.gov.uk/publication-html/peel-assessment-framework-2023-25/
  ("We don't make a graded judgment" for victim service).
* 2025-27: the framework of 11 April 2025, whose first core question is
  leadership and force management; the others are not verified.

The keys are the registry of which questions carry on from one cycle to the
next: the same key in two cycles names the same question or area (whether
its grades can be compared is the cycles' business, see
:func:`~peel_effectiveness.model.why_not_comparable`). 2014's questions are keyed apart
from 2015's, which HMIC asked in a new framework. Areas of the integrated
cycles (2021/22 on) have no pillar and no number.

Cycles and pillars whose questions no source here states (2014 and 2015
efficiency and legitimacy, 2016 and 2017 efficiency, most of 2025-27) are
listed as incomplete in ``INCOMPLETE``: a report naming a question the
registry lacks there loads, with a warning.
"""

from __future__ import annotations

Row = tuple[str, str | None, int | None, str, str, bool, tuple[str, ...]]

_E, _F, _L = "effectiveness", "efficiency", "legitimacy"

_EFFECTIVENESS_2016 = (
    (
        "q1_prevent",
        "How effective is the force at preventing crime, tackling anti-social behaviour and keeping people safe?",
        True,
        (),
    ),
    (
        "q2_investigate",
        "How effective is the force at investigating crime and reducing re-offending?",
        True,
        (),
    ),
    (
        "q3_vulnerable",
        "How effective is the force at protecting those who are vulnerable from harm, and supporting victims?",
        True,
        (),
    ),
    ("q4_soc", "How effective is the force at tackling serious and organised crime?", True, ()),
    ("q5_specialist", "How effective are the force's specialist capabilities?", False, ()),
)

_LEGITIMACY_2017 = (
    (
        "q1_fair_public",
        "To what extent does the force treat all of the people it serves with fairness and respect?",
        True,
        (),
    ),
    (
        "q2_ethical_workforce",
        "How well does the force ensure that its workforce behaves ethically and lawfully?",
        True,
        (),
    ),
    (
        "q3_fair_workforce",
        "To what extent does the force treat its workforce with fairness and respect?",
        True,
        (),
    ),
)


def _numbered(cycle: str, pillar: str, rows: tuple[tuple[str, str, bool, tuple[str, ...]], ...]) -> list[Row]:
    return [
        (cycle, pillar, i, key, text, graded, aliases)
        for i, (key, text, graded, aliases) in enumerate(rows, 1)
    ]


QUESTIONS: tuple[Row, ...] = tuple(
    _numbered(
        "2014",
        _E,
        (
            (
                "q1_reduce_crime",
                "How effective is the force at reducing crime and preventing offending?",
                True,
                (),
            ),
            (
                "q2_investigating_offending",
                "How effective is the force at investigating offending?",
                True,
                (),
            ),
            ("q3_asb", "How effective is the force at tackling anti-social behaviour?", True, ()),
            (
                "q4_protect",
                "How effective is the force at protecting those at greatest risk of harm?",
                False,
                (),
            ),
            (
                "q5_soc",
                "How effective is the force at tackling serious, organised and complex crime?",
                False,
                (),
            ),
            (
                "q6_spr",
                "How effective is the force at meeting its commitments under the Strategic Policing Requirement?",
                False,
                (),
            ),
        ),
    )
    + _numbered(
        "2015",
        _E,
        (
            (
                "q1_prevent",
                "How effective is the force at preventing crime and anti-social behaviour, and keeping people safe?",
                True,
                (),
            ),
            (
                "q2_investigate",
                "How effective is the force at investigating crime and managing offenders?",
                True,
                (),
            ),
            (
                "q3_vulnerable",
                "How effective is the force at protecting from harm those who are vulnerable, and supporting victims?",
                True,
                (),
            ),
            (
                "q4_soc",
                "How effective is the force at tackling serious and organised crime, including its arrangement "
                "for fulfilling its national policing responsibilities?",
                True,
                (),
            ),
        ),
    )
    + _numbered("2016", _E, _EFFECTIVENESS_2016)
    + _numbered("2017", _E, _EFFECTIVENESS_2016)
    + _numbered("2017", _L, _LEGITIMACY_2017)
    + _numbered(
        "2018/19",
        _E,
        (
            _EFFECTIVENESS_2016[0],
            (
                *_EFFECTIVENESS_2016[1][:3],
                ("How effective is the force at investigating crime and catching criminals?",),
            ),
            *_EFFECTIVENESS_2016[2:],
        ),
    )
    + _numbered(
        "2018/19",
        _F,
        (
            (
                "q1_demand",
                "How well does the force use its resources to meet the demand it faces?",
                True,
                (),
            ),
            ("q2_future", "How well does the force plan for the future?", True, ()),
        ),
    )
    + _numbered("2018/19", _L, _LEGITIMACY_2017)
)


def _areas(cycle: str, rows: tuple[tuple[str, str, bool, tuple[str, ...]], ...]) -> list[Row]:
    return [(cycle, None, None, key, text, graded, aliases) for key, text, graded, aliases in rows]


AREAS: tuple[Row, ...] = tuple(
    _areas(
        "2021/22",
        (
            (
                "victim_service",
                "Providing a service to victims of crime",
                True,
                ("victim service", "service for victims of crime", "service to victims of crime"),
            ),
            (
                "public_treatment",
                "Treatment of the public",
                True,
                ("engaging with and treating the public with fairness and respect",),
            ),
            ("preventing_crime", "Preventing crime and anti-social behaviour", True, ("preventing crime",)),
            ("responding", "Responding to the public", True, ()),
            ("investigating", "Investigating crime", True, ()),
            ("vulnerable_people", "Protecting vulnerable people", True, ()),
            ("managing_offenders", "Managing offenders and suspects", True, ("managing offenders",)),
            ("serious_organised_crime", "Disrupting serious organised crime", True, ()),
            ("strategic_policing_requirement", "Meeting the strategic policing requirement", False, ()),
            ("armed_threats", "Protecting the public from armed threats", False, ()),
            (
                "positive_workplace",
                "Developing a positive workplace",
                True,
                ("building, supporting and protecting the workforce",),
            ),
            (
                "use_of_resources",
                "Good use of resources",
                True,
                ("strategic planning, organisational management and value for money",),
            ),
            ("crime_recording", "Recording data about crime", True, ("crime data integrity",)),
        ),
    )
    + _areas(
        "2023-25",
        (
            (
                "victim_service",
                "Providing a service to victims of crime",
                False,
                ("How good is the force's service for victims of crime?",),
            ),
            (
                "police_powers",
                "Police powers and public treatment",
                True,
                ("treating the public fairly, appropriately and respectfully",),
            ),
            (
                "preventing_crime",
                "Preventing crime",
                True,
                ("preventing and deterring crime and anti-social behaviour, and reducing vulnerability",),
            ),
            ("responding", "Responding to the public", True, ()),
            ("investigating", "Investigating crime", True, ()),
            ("vulnerable_people", "Protecting vulnerable people", True, ()),
            ("managing_offenders", "Managing offenders", True, ("managing offenders and suspects",)),
            (
                "positive_workplace",
                "Developing a positive workplace",
                True,
                ("building, supporting and protecting the workforce",),
            ),
            ("leadership", "Leadership and force management", True, ()),
            ("crime_recording", "Recording data about crime", True, ("crime data integrity",)),
        ),
    )
    + [
        (
            "2025-27",
            None,
            1,
            "leadership",
            "How good is the force at leadership and force management?",
            True,
            ("Leadership and force management",),
        )
    ]
)

# (cycle, pillar) whose questions the registry does not list in full.
INCOMPLETE: frozenset[tuple[str, str | None]] = frozenset(
    {
        ("2014", _F),
        ("2014", _L),
        ("2015", _F),
        ("2015", _L),
        ("2015", "leadership"),
        ("2016", _F),
        ("2016", _L),
        ("2016", "leadership"),
        ("2017", _F),
        ("2025-27", None),
    }
)

# Questions a cycle grades for no force and asks of only some, with of
# whom: 2021/22's first framework, which its first eight forces were judged
# under, had these two ungraded areas; the revised one (March 2022) has
# neither (cycles.md). Every other ungraded question is asked of every
# force of its cycle, so a force's report of the cycle stands ungraded on
# it, in the data or not.
_FIRST_2021 = (
    "under its first framework only, which was revised in March 2022 after the first 8 forces' reports"
)
ASKED_OF_SOME: dict[tuple[str, str], str] = {
    ("2021/22", "strategic_policing_requirement"): _FIRST_2021,
    ("2021/22", "armed_threats"): _FIRST_2021,
}

# Where each cycle's framework says which questions are graded: the source
# of a judgment the framework gives (ungraded) where the data hold none.
FRAMEWORKS: dict[str, str] = {
    "2016": "https://www.justiceinspectorates.gov.uk/hmicfrs/peel-assessments/peel-2018/?view=wheel&sort=alpha&data=question&group_by_region=off",
    "2017": "https://www.justiceinspectorates.gov.uk/hmicfrs/peel-assessments/peel-2018/?view=wheel&sort=alpha&data=question&group_by_region=off",
    "2018/19": "https://www.justiceinspectorates.gov.uk/hmicfrs/peel-assessments/peel-2018/?view=wheel&sort=alpha&data=question&group_by_region=off",
    "2021/22": "https://hmicfrs.justiceinspectorates.gov.uk/publication-html/peel-assessment-framework-2021-22/",
    "2023-25": "https://hmicfrs.justiceinspectorates.gov.uk/publication-html/peel-assessment-framework-2023-25/",
}

# Cycles whose framework the registry reads from a later cycle's page (the
# 2018/19 grade wheel, which lists the same questions): no page of theirs
# prints "ungraded", so the judgment it gives is inferred, and how, with the
# cycle's own page that grades the other questions where there is one.
INFERRED_FRAMEWORKS: dict[str, tuple[str, tuple[str, ...]]] = {
    "2016": (
        "its force press releases grade questions 1 to 4 only, and the 2018/19 grade wheel, "
        "which lists the same five questions, marks question 5 ungraded",
        (
            "https://hmicfrs.justiceinspectorates.gov.uk/publications/peel-police-effectiveness-2016-force-press-releases/",
        ),
    ),
    "2017": ("the 2018/19 grade wheel, which lists the same five questions, marks question 5 ungraded", ()),
}

# Short names of the pillars' questions, for tables (an area's name is short already).
SHORT: dict[str, str] = {
    "q1_reduce_crime": "reducing crime",
    "q2_investigate": "investigating crime",
    "q2_investigating_offending": "investigating offending",
    "q3_asb": "anti-social behaviour",
    "q4_protect": "protecting those at risk",
    "q5_soc": "serious, organised and complex crime",
    "q6_spr": "strategic policing requirement",
    "q1_prevent": "preventing crime",
    "q3_vulnerable": "protecting vulnerable people",
    "q4_soc": "serious and organised crime",
    "q5_specialist": "specialist capabilities",
    "q1_fair_public": "treating the public fairly",
    "q2_ethical_workforce": "ethical and lawful workforce",
    "q3_fair_workforce": "treating the workforce fairly",
    "q1_demand": "meeting demand",
    "q2_future": "planning for the future",
}
