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

Cycles and pillars whose questions no source here states (2014 and 2015
efficiency and legitimacy, 2016 and 2017 efficiency) have none listed: their
reports load with headline grades only.
"""

from __future__ import annotations

Row = tuple[str, str, int, str, str, bool, tuple[str, ...]]

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
            ("q2_investigate", "How effective is the force at investigating offending?", True, ()),
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
