"""Hypothesis strategies for fuzzing the loaders: random documents, and the
bundled Cumbria file mutated line by line."""

from __future__ import annotations

import datetime as dt

import yaml
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

import peel_effectiveness as pe
import peel_effectiveness.io.bundled

FIELDS = [
    "force", "cycle", "pillar", "grade", "basis", "previous_grade", "summary", "assessments", "question",
    "measurements", "metric", "label", "unit", "value", "england_and_wales", "period", "start", "end",
    "outcome_tables", "key", "title", "measure", "rows", "outcome", "group", "outcomes", "members",
    "provenance", "published", "publisher", "areas_for_improvement", "causes_of_concern",
]  # fmt: skip
SCALAR_WORDS = [
    "cumbria", "kent", "2016", "good", "ungraded", "RI", "adequate", "count", "percent", "per_100",
    "12 months to 30 June 2016", "as at 1 July 2016", "share_of_offences", "effectiveness", "stated",
]  # fmt: skip

FUZZ = settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
REPORTS = settings(FUZZ, max_examples=100)  # whole reports are slow to draw

scalars = (
    st.none()
    | st.booleans()
    | st.integers(-(10**6), 10**6)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.sampled_from(SCALAR_WORDS)
    | st.text(max_size=20)
    | st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 1, 1))
)
keys = st.sampled_from(FIELDS) | st.text(max_size=10)
documents = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(keys, children, max_size=6),
    max_leaves=30,
)


SEED = (pe.io.bundled._bundled_dir() / "cumbria-2016.yaml").read_text(encoding="utf-8")


class Mutated(str):
    """A mutated seed text that shows as the mutations, not as its thousands
    of characters, when hypothesis reports a failing example."""

    ops: tuple[str, ...] = ()

    def __repr__(self) -> str:
        return f"Mutated({', '.join(self.ops)})"


@st.composite
def mutations(draw: st.DrawFn, seed: str = SEED) -> Mutated:
    lines = seed.split("\n")
    ops = []
    for _ in range(draw(st.integers(1, 3))):
        op = draw(
            st.sampled_from(
                ["delete", "duplicate", "swap", "truncate", "insert", "replace", "indent", "shuffle"]
            )
        )
        i = draw(st.integers(0, len(lines) - 1))
        j = draw(st.integers(0, len(lines) - 1))
        ops.append(f"{op} {i} {j}")
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "truncate":
            text = "\n".join(lines)
            at = draw(st.integers(0, len(text)))
            ops[-1] = f"truncate at {at}"
            lines = text[:at].split("\n")
        elif op == "insert":
            inserted = draw(st.text(max_size=30))
            ops[-1] = f"insert {inserted!r} at {i}"
            lines.insert(i, inserted)
        elif op == "replace" and ":" in lines[i]:
            key = lines[i].split(":", 1)[0]
            value = draw(
                scalars.map(lambda v: yaml.safe_dump(v, default_flow_style=True).split("\n...")[0].strip())
            )
            lines[i] = f"{key}: {value}"
            ops[-1] = f"line {i} = {lines[i]!r}"
        elif op == "indent":
            lines[i] = " " * draw(st.integers(0, 6)) + lines[i].lstrip()
            ops[-1] = f"line {i} = {lines[i]!r}"
        elif op == "shuffle":
            block = lines[min(i, j) : max(i, j) + 1]
            lines[min(i, j) : max(i, j) + 1] = draw(st.permutations(block))
        if not lines:
            lines = [""]
    text = Mutated("\n".join(lines))
    text.ops = tuple(ops)
    return text
