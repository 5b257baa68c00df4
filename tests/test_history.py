"""A force's history: its judgments in every cycle, in the order tables show them."""

from __future__ import annotations

import json

import peel_effectiveness as pe


def test_a_report_s_questions_are_in_the_registry_s_order_whatever_the_file_s() -> None:
    # The entries came in the file's order, though each said its place.
    grades = {1: "good", 2: "requires improvement", 3: "inadequate", 4: "good", 5: "ungraded"}

    def history_of(order: list[int]) -> list[str]:
        report = {"force": "kent", "cycle": 2016, "pillar": "effectiveness", "grade": "good"}
        report["assessments"] = [{"question": i, "grade": grades[i]} for i in order]  # type: ignore[assignment]
        return [e.question for e in pe.history(pe.loads(json.dumps([report])), "kent")]

    assert history_of([3, 1, 5, 2, 4]) == history_of([1, 2, 3, 4, 5]) == [
        "overall", "q1_prevent", "q2_investigate", "q3_vulnerable", "q4_soc", "q5_specialist"
    ]  # fmt: skip
