"""Write the corpus of bad (and a few tricky but valid) data files.

Run ``python tests/corpus/generate.py`` to rebuild the files and
``expected.json``, which says for each file the line the first problem is
reported on (``null`` where no line applies) and words its message must
contain, or ``"ok"`` for a file that must load, with the number of reports
it must give.
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).parent

BASE = """\
force: cumbria
cycle: 2016
pillar: effectiveness
grade: good
previous_grade: requires improvement
summary: A short summary.
assessments:
  - question: 1
    grade: good
    summary: Prevention is good.
    areas_for_improvement:
      - Do one thing better.
  - question: 5
    grade: ungraded
measurements:
  - metric: recorded_crime_rate
    label: Recorded crime
    unit: per_1000_population
    period: 12 months to 30 June 2016
    value: 51.7
    england_and_wales: 68.2
outcome_tables:
  - key: figure_4
    title: Outcomes
    measure: share_of_offences
    period: 12 months to 30 June 2016
    rows:
      - outcome: 1
        label: Charged/Summonsed
        value: 17.8
        england_and_wales: 12.1
      - group: Out-of-court (formal)
        outcomes: [2, 3, 6]
        value: 4.1
        members:
          - outcome: 2
            label: Caution - youths
            value: 0.4
provenance:
  title: A report
  publisher: HMIC
  published: 2017-03-02
"""

CASES: dict[str, tuple[str | bytes, int | str | None, str, int | None]] = {}


def case(
    name: str, content: str | bytes, line: int | str | None, contains: str = "", reports: int = 1
) -> None:
    """A corpus file; ``line`` may be a marker: the first line holding that
    text. A file that must load (``line`` is ``"ok"``) gives ``reports``."""
    assert name not in CASES, name
    if isinstance(line, str) and line not in ("ok", "ok-or-error"):
        text = content.decode("utf-8", "replace") if isinstance(content, bytes) else content
        found = [i for i, x in enumerate(text.split("\n"), start=1) if line in x]
        assert found, (name, line)
        line = found[0]
    CASES[name] = (content, line, contains, reports if line == "ok" else None)


def sub(old: str, new: str, count: int = 1) -> str:
    assert old in BASE, old
    return BASE.replace(old, new, count)


# Valid files: these must load.
case("valid-base.yaml", BASE, "ok")
case(
    "valid-anchors-and-aliases.yaml",
    sub(
        "period: 12 months to 30 June 2016\n    value", "period: &p 12 months to 30 June 2016\n    value"
    ).replace("    period: 12 months to 30 June 2016\n    rows", "    period: *p\n    rows"),
    "ok",
)
case("valid-bom.yaml", "\ufeff" + BASE, "ok")
case("valid-json.json", json.dumps({"force": "kent", "cycle": "2016", "grade": "good"}, indent=1), "ok")
case(
    "valid-list-of-reports.yaml",
    "- force: kent\n  cycle: 2016\n- force: essex\n  cycle: 2016\n",
    "ok",
    reports=2,
)
case("valid-crlf.yaml", BASE.replace("\n", "\r\n"), "ok")

# Wrong types.
case(
    "type-summary-number.yaml",
    sub("summary: A short summary.", "summary: 12"),
    6,
    "expected text, got the number 12",
)
case(
    "type-summary-null.yaml",
    sub("summary: A short summary.", "summary: null"),
    6,
    "expected text, got nothing (null)",
)
case(
    "type-assessments-mapping.yaml",
    sub("assessments:\n  - question: 1", "assessments:\n  x:\n  - question: 1"),
    "assessments:",
    "expected a list, got a mapping",
)
case(
    "type-measurements-text.yaml",
    BASE[: BASE.index("measurements:")] + "measurements: lots\n",
    15,
    "expected a list, got the text 'lots'",
)
case(
    "type-value-text.yaml", sub("value: 51.7", "value: '51.7'"), 20, "expected a number, got the text '51.7'"
)
case(
    "type-question-float.yaml",
    sub("  - question: 1", "  - question: 1.5"),
    8,
    "expected a question's number or key, got the number 1.5",
)
case(
    "type-question-bool.yaml",
    sub("  - question: 1", "  - question: true"),
    8,
    "expected a question's number or key, got the boolean true",
)
case("type-report-text.yaml", "- cumbria\n", 1, "expected a mapping for a report, got the text 'cumbria'")
case(
    "type-top-number.yaml", "42\n", 1, "expected a report (a mapping) or a list of reports, got the number 42"
)
case(
    "type-areas-text.yaml",
    sub(
        "    areas_for_improvement:\n      - Do one thing better.",
        "    areas_for_improvement: Do one thing better.",
    ),
    11,
    "expected a list, got the text",
)
case(
    "type-outcomes-text.yaml",
    sub("outcomes: [2, 3, 6]", "outcomes: two"),
    "outcomes: two",
    "expected a list, got the text 'two'",
)
case(
    "type-published-text.yaml",
    sub("published: 2017-03-02", "published: March 2017"),
    "published:",
    "expected a date (YYYY-MM-DD), got the text 'March 2017'",
)
case(
    "type-published-datetime.yaml",
    sub("published: 2017-03-02", "published: 2017-03-02 10:00:00"),
    "published:",
    "expected a date (YYYY-MM-DD), got the text '2017-03-02 10:00:00'",
)
case(
    "type-label-list.yaml",
    sub("label: Recorded crime", "label: [Recorded, crime]"),
    17,
    "expected text, got a list",
)

# Missing and unknown keys.
case("missing-force.yaml", sub("force: cumbria\n", ""), 1, "missing required field 'force'")
case("missing-cycle.yaml", sub("cycle: 2016\n", ""), 1, "missing required field 'cycle'")
case("missing-label.yaml", sub("    label: Recorded crime\n", ""), 16, "missing required field 'label'")
case(
    "missing-outcome-label.yaml",
    sub("        label: Charged/Summonsed\n", ""),
    "- outcome: 1",
    "missing required field 'label'",
)
case(
    "missing-provenance-title.yaml",
    sub("  title: A report\n", ""),
    "provenance:",
    "missing required field 'title'",
)
case(
    "unknown-key-top.yaml",
    sub("grade: good\nprevious", "grde: good\nprevious"),
    4,
    "unknown field 'grde' in a report; did you mean 'grade'?",
)
case(
    "unknown-key-assessment.yaml",
    sub("    summary: Prevention is good.", "    sumary: Prevention is good."),
    10,
    "did you mean 'summary'?",
)
case(
    "unknown-key-measurement.yaml",
    sub("    unit: per_1000_population", "    units: per_1000_population"),
    "- metric:",
    "did you mean 'unit'?",
)
case(
    "unknown-key-period.yaml",
    sub(
        "period: 12 months to 30 June 2016\n    value",
        "period: {start: 2015-07-01, ends: 2016-06-30}\n    value",
    ),
    19,
    "unknown field 'ends' in a period",
)
case(
    "unknown-key-provenance.yaml",
    sub("  published: 2017-03-02", "  publised: 2017-03-02"),
    "publised",
    "did you mean 'published'?",
)

# Bad values.
case(
    "bad-grade.yaml",
    sub("    grade: good", "    grade: goood"),
    9,
    "'goood' is not a grade (expected one of: outstanding, good",
)
case(
    "bad-grade-number.yaml",
    sub("grade: good\nprevious", "grade: 3\nprevious"),
    4,
    "expected a grade or a reason for no grade, got the number 3",
)
case(
    "bad-grade-scale.yaml",
    sub("    grade: good", "    grade: adequate"),
    9,
    "'adequate' is not on the 2016 grade scale",
)
case(
    "bad-previous-grade.yaml",
    sub("previous_grade: requires improvement", "previous_grade: requires improvment"),
    5,
    "is not a grade",
)
case(
    "bad-basis.yaml",
    sub("    grade: good\n", "    grade: good\n    basis: guessed\n"),
    10,
    "'guessed' is not a basis",
)
case(
    "bad-unit.yaml",
    sub("unit: per_1000_population", "unit: per_thousand"),
    18,
    "'per_thousand' is not a unit",
)
case("bad-unit-null.yaml", sub("unit: per_1000_population", "unit: null"), 18, "expected a unit")
case(
    "bad-negative-count.yaml",
    sub("unit: per_1000_population", "unit: count").replace("value: 51.7", "value: -3"),
    20,
    "-3 is not a count",
)
case("bad-fractional-count.yaml", sub("unit: per_1000_population", "unit: count"), 20, "51.7 is not a count")
case(
    "bad-percent-over-100.yaml",
    sub("unit: per_1000_population", "unit: percent").replace("value: 51.7", "value: 151.7"),
    20,
    "151.7 is not a percentage between 0 and 100",
)
case(
    "bad-percent-negative.yaml",
    sub("unit: per_1000_population", "unit: percent").replace("value: 51.7", "value: -1"),
    20,
    "-1 is not a percentage",
)
case(
    "bad-percent-change.yaml",
    sub("unit: per_1000_population", "unit: percent_change").replace("value: 51.7", "value: -150"),
    20,
    "not a possible percent change",
)
case("bad-negative-rate.yaml", sub("value: 51.7", "value: -51.7"), 20, "negative")
case("bad-comparator.yaml", sub("england_and_wales: 68.2", "england_and_wales: -68.2"), 21, "negative")
case(
    "bad-outcome-share.yaml", sub("value: 17.8", "value: 117.8"), "value: 117.8", "117.8 is not a percentage"
)
case(
    "bad-outcome-negative.yaml",
    sub("value: 17.8", "value: -17.8"),
    "value: -17.8",
    "-17.8 is not a figure of 0 or more",
)
# More outcomes recorded than offences: a rate per 100 offences above 100.
case(
    "valid-rate-per-100-over-100.yaml",
    sub("value: 17.8", "value: 117.8").replace("measure: share_of_offences", "measure: per_100_offences"),
    "ok",
)
case(
    "bad-outcome-number.yaml",
    sub("      - outcome: 1\n", "      - outcome: 23\n"),
    "outcome: 23",
    "23 is not a Home Office outcome type",
)
case(
    "bad-outcome-member.yaml",
    sub("          - outcome: 2\n", "          - outcome: 7\n"),
    36,
    "shown under the group but not in it",
)
case(
    "bad-outcome-row.yaml",
    sub("      - outcome: 1\n", "      - number: 1\n"),
    "number: 1",
    "an outcome row has either 'outcome'",
)
case(
    "bad-outcome-twice.yaml",
    sub("outcomes: [2, 3, 6]", "outcomes: [1, 3, 6]").replace(
        "          - outcome: 2\n", "          - outcome: 3\n"
    ),
    32,
    "appear in more than one row",
)
case(
    "bad-outcome-group-twice.yaml",
    sub(
        "            value: 0.4\n",
        "            value: 0.4\n      - group: Out-of-court (formal)\n        outcomes: [4]\n        value: 0.2\n",
    ),
    39,
    "the group 'Out-of-court (formal)' is also rows[1]",
)
case(
    "bad-period-order.yaml",
    sub(
        "period: 12 months to 30 June 2016\n    value",
        "period: {start: 2016-06-30, end: 2015-07-01}\n    value",
    ),
    19,
    "ends (2015-07-01) before it starts (2016-06-30)",
)
case(
    "bad-period-text.yaml",
    sub("period: 12 months to 30 June 2016\n    value", "period: last year\n    value"),
    19,
    "'last year' is not a period",
)
case(
    "bad-period-month.yaml",
    sub("period: 12 months to 30 June 2016\n    value", "period: 12 months to 30 Juin 2016\n    value"),
    19,
    "'Juin' is not a month",
)
case(
    "bad-date.yaml",
    sub("published: 2017-03-02", "published: 2017-02-30"),
    "published:",
    "'2017-02-30' is not a date: day is out of range for month",
)
case(
    "bad-metric-key.yaml",
    sub("metric: recorded_crime_rate", "metric: Recorded Crime"),
    16,
    "is not a metric key",
)
case(
    "bad-carried-over.yaml",
    sub("    grade: good\n", "    grade: good\n    carried_over_from: 2018/19\n"),
    "carried_over_from: 2018/19",
    "can only be carried over from an earlier cycle",
)
case(
    "unknown-force.yaml",
    sub("force: cumbria", "force: Cumbira"),
    1,
    "no force called 'Cumbira' (did you mean: Cumbria?)",
)
case(
    "unknown-force-btp.yaml",
    sub("force: cumbria", "force: British Transport Police"),
    1,
    "not one of the 43 territorial forces",
)
case("unknown-cycle.yaml", sub("cycle: 2016", "cycle: 2020"), 2, "2020 is not a PEEL cycle")
case(
    "cycle-of-no-span.yaml",
    sub("cycle: 2016", "cycle: 2018/18"),
    2,
    "'2018/18' is not a PEEL cycle (expected one of: 2014, 2015, 2016, 2017, 2018/19",
)
case(
    "stay-left-sources-without-left.yaml",
    "monitoring:\n  - force: kent\n    entered: 2020-01-01\n    left_sources:\n      - https://example.org/out\n",
    4,
    "left_sources goes with left: give left, or leave left_sources out",
)
case(
    "shared-year-cycle.yaml",
    sub("cycle: 2016", "cycle: 2025"),
    2,
    "2025 is in two PEEL cycles: did you mean '2023-25' or '2025-27'?",
)
case(
    "unknown-pillar.yaml",
    sub("pillar: effectiveness", "pillar: efectiveness"),
    3,
    "did you mean 'effectiveness'?",
)
case(
    "question-not-in-cycle.yaml",
    sub("  - question: 5", "  - question: 6"),
    13,
    "2016 effectiveness has no core question 6",
)
case(
    "question-twice.yaml",
    sub("  - question: 5\n    grade: ungraded", "  - question: 1\n    grade: good"),
    13,
    "question 1 is assessed twice",
)
# A question the registry does not list (2025-27) is kept as given, so
# its text names a column of the grid and a label: one line, no controls.
case(
    "question-unlisted-nul.json",
    '{"force": "kent",\n "cycle": "2025-27",\n "assessments": [{"question": "a\\u0000b", "grade": "good"}]}\n',
    3,
    "'a\\x00b' is not a question's number, key or wording (one line of at most 300 characters",
)
case(
    "question-unlisted-line-break.yaml",
    'force: kent\ncycle: 2025-27\nassessments:\n  - question: "foo\\nbar"\n    grade: good\n',
    4,
    "'foo\\nbar' is not a question's number, key or wording",
)
case(
    "question-unlisted-escape.yaml",
    'force: kent\ncycle: 2025-27\nassessments:\n  - question: "esc\\e[2J"\n    grade: good\n',
    4,
    "'esc\\x1b[2J' is not a question's number, key or wording",
)
# Another grade of a judgment is of the same question in the same cycle.
case(
    "other-grade-ungraded.yaml",
    sub(
        "grade: good\nprevious_grade",
        "grade: good\nother_grades:\n  - {grade: ungraded, kind: disputed}\nprevious_grade",
    ),
    6,
    "'ungraded' is not another grade of it: it is graded in 2016",
)
case(
    "other-grade-of-ungraded-question.yaml",
    sub(
        "  - question: 5\n    grade: ungraded",
        "  - question: 5\n    grade: ungraded\n    other_grades:\n      - {grade: good, kind: disputed}",
    ),
    16,
    "it is not graded in 2016: 'good' cannot be another grade of it",
)
case(
    "ungraded-but-graded.yaml",
    sub("  - question: 5\n    grade: ungraded", "  - question: 5\n    grade: good"),
    14,
    "not graded in 2016",
)
case(
    "graded-but-ungraded.yaml",
    sub("    grade: good\n    summary: Prevention", "    grade: ungraded\n    summary: Prevention"),
    9,
    "is graded in 2016",
)
case(
    "headline-ungraded.yaml",
    sub("grade: good\nprevious", "grade: ungraded\nprevious"),
    4,
    "'ungraded' is not its judgment: it is graded in 2016; write 'not graded'",
)
case(
    "duplicate-report.yaml",
    "- force: kent\n  cycle: 2016\n- force: Kent Police\n  cycle: '2016'\n",
    3,
    "a second effectiveness 2016 report on Kent",
)
case(
    "duplicate-metric-period.yaml",
    BASE.replace(
        "outcome_tables:",
        "  - metric: recorded_crime_rate\n    label: Again\n    unit: per_1000_population\n    period: 12 months to 30 June 2016\n    value: 1\noutcome_tables:",
    ),
    22,
    "given twice for the same period",
)

# YAML traps.
case(
    "yaml-duplicate-key.yaml",
    sub("grade: good\nprevious", "grade: good\ngrade: inadequate\nprevious"),
    5,
    "duplicate key 'grade' (first at line 4)",
)
case(
    "yaml-duplicate-key-nested.yaml",
    sub("    value: 51.7\n", "    value: 51.7\n    value: 15.7\n"),
    21,
    "duplicate key 'value' (first at line 20)",
)
# YAML 1.1 readings: files are read as YAML 1.2 (the core schema, as JSON).
# Words YAML 1.1 took for booleans, and dates, are text.
case("yaml11-no.yaml", sub("summary: A short summary.", "summary: no"), "ok")
case("yaml11-on.yaml", sub("label: Recorded crime", "label: on"), "ok")
case("yaml11-date.yaml", sub("summary: A short summary.", "summary: 2016-07-01"), "ok")
# Numbers YAML 1.1 reads otherwise than YAML 1.2 are refused, with what they could mean.
case(
    "yaml11-sexagesimal.yaml",
    sub("label: Recorded crime", "label: 1:30"),
    17,
    "a sexagesimal number in YAML 1.1 (90)",
)
case(
    "yaml11-octal.yaml",
    sub("label: Recorded crime", "label: 0777"),
    17,
    "YAML 1.1 reads it as octal (511), YAML 1.2 as 777",
)
case(
    "yaml11-octal-017.yaml",
    sub("value: 51.7", "value: 017"),
    20,
    "YAML 1.1 reads it as octal (15), YAML 1.2 as 17",
)
case(
    "yaml11-sexagesimal-value.yaml",
    sub("value: 51.7", "value: 1:30"),
    20,
    "sexagesimal number in YAML 1.1 (90)",
)
case("yaml11-hex.yaml", sub("value: 51.7", "value: 0x33"), 20, "a hexadecimal number (51)")
case(
    "yaml11-underscore-cycle.yaml",
    sub("cycle: 2016", "cycle: 20_16"),
    2,
    "a number with underscores in YAML 1.1 (2016)",
)
case("yaml12-octal.yaml", sub("value: 51.7", "value: 0o17"), 20, "an octal number (15)")
# An exponent without a point, or without a sign: text to YAML 1.1.
case(
    "yaml11-exponent.yaml",
    sub("value: 51.7", "value: 5.17e1"),
    20,
    "'5.17e1' is a number in YAML 1.2 (51.7), text in YAML 1.1 (PyYAML's safe_load): write it as 5.17e+1,",
)
case("yaml11-exponent-no-point.yaml", sub("value: 51.7", "value: 2e-3"), 20, "write it as 2.0e-3,")
case("yaml11-signed-point.yaml", sub("value: 51.7", "value: +.5"), 20, "(0.5), text in YAML 1.1")
# A number with no digits but underscores: YAML 1.1's readers fail on it.
case(
    "yaml11-hex-no-digits.yaml",
    sub("summary: A short summary.", "summary: 0x_"),
    "summary",
    "a number with no digits",
)
case("yaml11-exponent-signed.yaml", sub("value: 51.7", "value: 5.17e+1"), "ok")
case("yaml11-binary.yaml", sub("value: 51.7", "value: 0b101"), 20, "a binary number in YAML 1.1 (5)")
case(
    "yaml11-null-tilde.yaml",
    sub("label: Recorded crime", "label: ~"),
    17,
    "expected text, got nothing (null)",
)
case(
    "yaml-tabs.yaml", sub("    value: 51.7", "\tvalue: 51.7"), 20, "not valid YAML: a tab in the indentation"
)
case(
    "yaml-alias-undefined.yaml",
    sub("period: 12 months to 30 June 2016\n    value", "period: *nowhere\n    value"),
    19,
    "the alias *nowhere has no anchor before it",
)
case(
    "yaml-merge-key.yaml",
    sub("  - metric: recorded_crime_rate", "  - <<: {metric: x}\n    metric: recorded_crime_rate"),
    16,
    "merge keys (<<) are not supported",
)
case(
    "yaml-python-tag.yaml",
    sub("summary: A short summary.", "summary: !!python/object/apply:os.system ['echo hacked']"),
    6,
    "is not allowed",
)
case(
    "yaml-python-name.yaml",
    sub("summary: A short summary.", "summary: !!python/name:os.system"),
    6,
    "is not allowed",
)
case(
    "yaml-custom-tag.yaml",
    sub("summary: A short summary.", "summary: !secret text"),
    6,
    "the tag '!secret' is not allowed",
)
case(
    "yaml-binary-tag.yaml",
    sub("summary: A short summary.", "summary: !!binary aGVsbG8="),
    6,
    "is not allowed",
)
case("yaml-set-tag.yaml", sub("summary: A short summary.", "summary: !!set {a, b}"), 6, "is not allowed")
case("yaml-multi-doc.yaml", BASE + "---\n" + BASE, "---", "more than one YAML document")
case(
    "yaml-complex-key.yaml",
    sub("summary: A short summary.", "? [a, b]\n: c\nsummary: A short summary."),
    6,
    "a key must be text",
)
case(
    "yaml-number-key.yaml",
    sub("summary: A short summary.", "2016: x\nsummary: A short summary."),
    6,
    "a key must be text, not 2016",
)
case(
    "yaml-bool-key.yaml",
    sub("summary: A short summary.", "true: x\nsummary: A short summary."),
    6,
    "a key must be text, not true: quote it",  # YAML's word, as the file writes it
)
case(
    "yaml-null-key.yaml",
    sub("summary: A short summary.", "~: x\nsummary: A short summary."),
    6,
    "a key must be text, not null: quote it",  # not Python's None
)
case(
    "yaml-yes-key.yaml",
    sub("summary: A short summary.", "yes: x\nsummary: A short summary."),
    6,
    "unknown field 'yes' in a report",
)
case(
    "yaml-unclosed-quote.yaml",
    sub("summary: A short summary.", "summary: 'A short summary."),
    BASE.count("\n") + 1,
    "that starts at line 6",
)
case(
    "yaml-bad-indent.yaml", sub("    label: Recorded crime", "  label: Recorded crime"), 17, "not valid YAML"
)
case(
    "yaml-control-chars.yaml",
    sub("summary: A short summary.", "summary: bell \x07 here"),
    6,
    "the character #x0007 is not allowed",
)
case("yaml-truncated.yaml", BASE[: BASE.index("  - metric") + 20], "ok-or-error", "")

# Hostile files.
laughs = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
for i in "bcdefghi":
    prev = chr(ord(i) - 1)
    laughs += f"{i}: &{i} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
case("hostile-billion-laughs.yaml", laughs, "f: &f", "the aliases stand for more than 200000 values in all")
# Few values, many bytes: 4096 aliases of a 4 KiB text are 16 MiB, three
# of them more than the 32 MiB a file may be. Each text is checked again
# where it stands, and dump writes it out: 20,000 aliases of one 1 MiB text
# took 30 s, and what dump wrote of a file that loaded could not be read.
texts = "a: &a '" + "x" * 4096 + "'\n"
for i in "bcde":
    prev = chr(ord(i) - 1)
    texts += f"{i}: &{i} [{', '.join([f'*{prev}'] * 8)}]\n"
texts += "f: [*e, *e, *e]\n"
case(
    "hostile-aliased-text.yaml",
    texts,
    "f: [*e",
    "its aliases would make the document more than the limit of 33554432 bytes: alias fewer or shorter values",
)
case(
    "hostile-deep-nesting.yaml",
    "force: " + "[" * 5000 + "]" * 5000 + "\n",
    1,
    "nested more than 64 levels deep",
)
case(
    "hostile-deep-mapping.yaml",
    "".join(" " * i + f"k{i}:\n" for i in range(200)) + " " * 200 + "v\n",
    65,
    "nested more than 64 levels deep",
)
case(
    "hostile-deep-nesting.json",
    '{"force": "kent",\n "cycle": 2016,\n "summary": ' + "[" * 5000 + "]" * 5000 + "}",
    3,
    "nested more than 64 levels deep",
)
case(
    "hostile-nesting-past-the-limit.json",
    '{"force": "kent",\n "cycle": 2016,\n "summary":\n' + "[" * 65 + "]" * 65 + "}",
    4,
    "nested more than 64 levels deep",
)
case(
    "hostile-huge-int.yaml",
    sub("value: 51.7", "value: 1" + "0" * 5000),
    20,
    "a number of 5001 digits is too long",
)
case(
    "hostile-huge-int.json",
    '{"force": "kent", "cycle": 2016,\n "grade": ' + "9" * 5000 + "}",
    2,
    "a number of 5000 digits is too long to be a figure",
)
case(
    "hostile-huge-float.yaml",
    sub("value: 51.7", "value: 1.0e+400"),
    "1.0e+400",
    "'1.0e+400' is too large a number (it would be read as infinity)",
)
case("hostile-nan.yaml", sub("value: 51.7", "value: .nan"), 20, "nan is not a finite number")
case("hostile-inf.yaml", sub("value: 51.7", "value: -.inf"), 20, "-inf is not a finite number")
case(
    "hostile-nan.json",
    '{"force": "kent",\n "cycle": 2016,\n "measurements": [{"metric": "m", "label": "M", "unit": "count", "value": NaN}]}',
    3,
    "NaN is not a number JSON allows",
)
case(
    "hostile-infinity.json",
    '{"force": "kent", "cycle": 2016, "x": -Infinity}',
    1,
    "-Infinity is not a number JSON allows",
)
case(
    "hostile-invalid-utf8.yaml",
    BASE.encode()[:100] + b"\xff\xfe\xfa" + BASE.encode()[100:],
    BASE.encode()[:100].count(b"\n") + 1,
    "not UTF-8",
)
case("hostile-utf16.yaml", BASE.encode("utf-16"), 1, "the file is UTF-16 text, not UTF-8: save it as UTF-8")
case("hostile-utf32.yaml", BASE.encode("utf-32"), 1, "the file is UTF-32 text, not UTF-8: save it as UTF-8")
case("hostile-utf16-be-no-mark.yaml", BASE.encode("utf-16-be"), 1, "the file is UTF-16 text, not UTF-8")
case("hostile-utf32-le-no-mark.yaml", BASE.encode("utf-32-le"), 1, "the file is UTF-32 text, not UTF-8")
case("hostile-utf32-be-no-mark.yaml", BASE.encode("utf-32-be"), 1, "the file is UTF-32 text, not UTF-8")
# As Excel and Notepad save "Unicode", without its byte-order mark: named, not "Expecting property name".
case(
    "hostile-utf16-no-mark.json",
    b'{"force": "kent"}'.decode().encode("utf-16-le"),
    1,
    "the file is UTF-16 text",
)
case("hostile-empty.yaml", "", None, "the document is empty")
case("hostile-whitespace.yaml", "   \n\n  \n", None, "the document is empty")
case("hostile-comments-only.yaml", "# nothing here\n# at all\n", None, "the document is empty")
# Bytes 10 and 13 (LF and a lone CR) end two lines: byte 128 is on line 3.
case("hostile-binary.yaml", bytes(range(256)) * 4, 3, "not UTF-8 text (byte 128)")
# Lines counted as editors count them, whatever came before on the line.
# libyaml's position of a character it refuses counts bytes, and its lines
# LF alone: the character was said 1 or 31 lines out.
case(
    "hostile-control-after-accents.yaml",
    "force: kent\ncycle: 2016\nsummary: " + "\u00e9" * 400 + "\ngrade: good\nnote: a\x07b\n" + "k: v\n" * 50,
    5,
    "the character #x0007 is not allowed",
)
case(
    "hostile-control-cr-endings.yaml",
    "force: kent\rcycle: 2016\rgrade: good\rsummary: x\rnote: a\x01b\r",
    5,
    "#x0001",
)
case(
    "hostile-not-utf8-cr-endings.yaml",
    b"force: kent\rcycle: 2016\rgrade: good\rsummary: x\rnote: a\xffb\r",
    5,
    "not UTF-8 text (byte 54)",
)
# The byte is the file's, its byte-order mark counted (it was said as byte 7).
case("hostile-not-utf8-after-bom.yaml", b"\xef\xbb\xbfforce: \xffkent\n", 1, "not UTF-8 text (byte 10)")
# A YAML 1.1 break elsewhere (in a comment) no longer hides the fault
# libyaml stops at.
case(
    "hostile-nel-hides-no-tab.yaml",
    "force: kent\ncycle: 2016\n# note\x85\ngrade: good\nassessments:\n\t- question: 1\n",
    6,
    "a tab in the indentation",
)
case(
    "hostile-separator-hides-no-quote.yaml",
    'force: kent\ncycle: 2016\nsummary: "a\u2028b"\ngrade: good\nnote: \'unclosed\n',
    6,
    "while scanning a quoted scalar that starts at line 5",
)
case(
    "hostile-nul-bytes.yaml", b"force: kent\x00\x00\ncycle: 2016\n", 1, "the character #x0000 is not allowed"
)
case(
    "hostile-json-duplicate-keys.json",
    '{\n "force": "kent",\n "cycle": 2016,\n "force": "essex"\n}',
    4,
    "duplicate key 'force' (first at line 2)",
)
case("hostile-json-syntax.json", '{"force": "kent",\n "cycle": 2016,,\n}', 2, "not valid JSON")
case("hostile-json-trailing-comma.json", '{"force": "kent", "cycle": 2016,}', 1, "not valid JSON")
case(
    "hostile-json-types.json",
    '{\n  "force": "kent",\n  "cycle": 2016,\n  "summary": false\n}',
    4,
    "expected text, got the boolean false",
)


# Issue 12: every input answered, nothing lost. Valid files that an earlier
# reader gave no reports for, explicit tags good and bad, numbers and dates
# out of reach, text that is not Unicode.
case(
    "valid-explicit-tags.yaml",
    sub("cycle: 2016", "cycle: !!str 2016")
    .replace("value: 51.7", "value: !!float 51.7")
    .replace("  - question: 1", "  - question: !!int 1"),
    "ok",
)
case(
    "valid-anchored-mapping.yaml",
    "- force: kent\n  cycle: 2016\n  provenance: &source\n    title: A report\n    publisher: HMIC\n"
    "- force: essex\n  cycle: 2016\n  provenance: *source\n",
    "ok",
    reports=2,
)
case("valid-non-specific-tag.yaml", sub("summary: A short summary.", "summary: ! 12"), "ok")
case("tag-int-empty.yaml", sub("  - question: 1", '  - question: !!int ""'), 8, "'' cannot be read as !!int")
case("tag-float-empty.yaml", sub("value: 51.7", 'value: !!float ""'), 20, "'' cannot be read as !!float")
case(
    "tag-bool-maybe.yaml",
    sub("summary: A short summary.", "summary: !!bool maybe"),
    6,
    "'maybe' cannot be read as !!bool",
)
case(
    "tag-timestamp.yaml",
    sub("published: 2017-03-02", "published: !!timestamp soon"),
    "published:",
    "the tag '!!timestamp' is not allowed",
)
case(
    "tag-null-text.yaml",
    sub("summary: A short summary.", "summary: !!null nothing"),
    6,
    "'nothing' cannot be read as !!null",
)
case("tag-int-hex.yaml", sub("  - question: 1", "  - question: !!int 0x10"), 8, "cannot be read as !!int")
case("huge-hex.yaml", sub("value: 51.7", "value: 0x" + "f" * 3000), 20, "is too long")
case("huge-binary.yaml", sub("value: 51.7", "value: 0b" + "1" * 3000), 20, "is too long")
case("huge-sexagesimal.yaml", sub("value: 51.7", "value: 1" + ":59" * 1500), 20, "is too long")
case(
    "huge-int-json.json",
    '{"force": "kent",\n "cycle": 2016,\n "summary": ' + "1" * 3000 + "}",
    3,
    "expected text, got a number of 3000 digits",
)
case(
    "tiny-float-json.json",
    '{"force": "kent",\n "cycle": 2016,\n "x": 1e-400}',
    3,
    "1e-400 is too small a number (it would be read as 0)",
)
case("tiny-float.yaml", sub("value: 51.7", "value: 1e-400"), 20, "too small a number (it would be read as 0)")
case(
    "year-9999-period.yaml",
    sub("period: 12 months to 30 June 2016\n    value", "period: 12 months to 30 June 9999\n    value"),
    19,
    "outside the dates the model holds",
)
case(
    "year-9999-date.yaml",
    sub("published: 2017-03-02", "published: 9999-12-31"),
    "published:",
    "9999-12-31 is outside the dates the model holds",
)
case(
    "year-0001-date.yaml",
    sub("published: 2017-03-02", "published: 0001-01-01"),
    "published:",
    "0001-01-01 is outside the dates the model holds",
)
case(
    "period-from-year-1.yaml",
    sub("period: 12 months to 30 June 2016\n    value", "period: 99 months to 31 January 1900\n    value"),
    19,
    "outside",
)
case(
    "lone-surrogate.json",
    '{"force": "kent",\n "cycle": 2016,\n "summary": "a \\ud800 b"}',
    3,
    "not valid Unicode",
)
case("lone-surrogate-key.json", '{"force": "kent",\n "cycle": 2016,\n "\\udfff": 1}', 3, "not valid Unicode")
case(
    "lone-surrogate-then-accent.json",
    '{"force": "kent",\n "cycle": 2016,\n "summary": "\\ud800\u00e9"}',
    3,
    "not valid Unicode",
)
case(
    "stray-surrogate-before-pair.json",
    '{"force": "kent",\n "cycle": 2016,\n "summary": "\\ud83d\\ud83d\\ude00"}',
    3,
    "not valid Unicode",
)
# A key made of aliases to a list of 90,000 values is named by its kind,
# not written out (megabytes of message).
case(
    "yaml-alias-list-key.yaml",
    "a: &a ["
    + ",".join(["x"] * 1000)
    + "]\nb: &b ["
    + ",".join(["*a"] * 90)
    + "]\nforce: kent\ncycle: 2016\n? *b\n: 1\n",
    1,
    "a key must be text, not a list: quote it",
)
case("valid-surrogate-pair.json", '{"force": "kent",\n "cycle": 2016,\n "summary": "\\ud83d\\ude00"}', "ok")
case(
    "huge-grade-word.yaml",
    sub("grade: good\nprevious", "grade: " + "g" * 200_000 + "\nprevious"),
    4,
    "is not a grade",
)


def main() -> None:
    for old in HERE.iterdir():
        if old.name not in ("generate.py", "__pycache__"):
            old.unlink()
    expected = {}
    for name, (content, line, contains, reports) in sorted(CASES.items()):
        path = HERE / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_bytes(content.encode("utf-8", "surrogatepass"))
        expected[name] = {"line": line, "contains": contains}
        if reports is not None:
            expected[name]["reports"] = reports
    (HERE / "expected.json").write_text(
        json.dumps(expected, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(f"{len(CASES)} files")


if __name__ == "__main__":
    main()
