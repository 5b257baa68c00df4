"""The core questions of every PEEL cycle: the registry.

Up to 2018/19 a core question belongs to a pillar and has a number; from
2021/22 the assessment is integrated and its core questions are *areas*
("Investigating crime") with no pillar and, until 2025-27, no number.
Every question has a short stable key: the same key in two cycles names the
same question or area. Where the registry does not list a cycle's questions
in full (2025-27 today), users can add them with :func:`register_question`,
and a report naming a question the registry lacks still loads, with a
:class:`~peel_effectiveness.PeelWarning`.
"""

from __future__ import annotations

import attrs

from ..errors import NotFoundError, PeelDataError, Problem
from ._field_limits import MOST_IN_NAME, NAME_WORDS, NAME_WORDS_SAID, Between, Matches
from ._messages import shown, suggest
from ._question_table import AREAS, ASKED_OF_SOME, INCOMPLETE, QUESTIONS, SHORT
from ._question_words import folded, joined, read_question, unlisted_ident
from ._sealed import Sealed
from ._validators import valid
from ._values import boolean, optional, text, texts, to_texts, whole
from .cycles import CYCLE, PILLAR, Cycle, Pillar, to_cycle, to_pillar

__all__ = [
    "CoreQuestion",
    "core_question",
    "core_questions",
    "headline_graded",
    "register_question",
    "registry_complete",
]

# A question's key and words name a column of the tables and a row of the
# charts: no longer than a report's question may give them (see NAME_WORDS).
# Not "overall" (a report's own judgment) nor "q" and a number (a question's
# number, as tables label it), which a report's question is read as.
QUESTION_KEY = Matches(
    f"(?!overall$)(?!q[0-9]+$)[a-z][a-z0-9_]{{0,{MOST_IN_NAME - 1}}}",
    f"a question key (lower case, digits, _; at most {MOST_IN_NAME}; not 'overall', nor q and a number)",
)
QUESTION_NUMBER = Between(1, 99, "a question number (1 to 99)", whole=True)
_WORDS = f"a question's wording ({NAME_WORDS_SAID})"
_TEXT = valid(
    text, Matches(f"(?:{NAME_WORDS})?", _WORDS)
)  # named before CoreQuestion, whose field "text" hides the rule
_WORDING = valid(text, Matches(NAME_WORDS, _WORDS))


@attrs.frozen
class CoreQuestion(Sealed):
    """A core question of one cycle: a pillar's question, or an area of an
    integrated cycle.

    Attributes:
        cycle: The cycle.
        pillar: The pillar, or ``None`` for an area of an integrated cycle.
        number: The question's number in the report, from 1, where it has one.
        key: A short stable name, e.g. ``"q3_vulnerable"`` or ``"investigating"``.
        text: The question or area as HMIC/HMICFRS worded it.
        graded: Whether the question received a grade in that cycle.
        aliases: Other wordings sources use for the same question.
        short: A short name for tables (``"preventing crime"``); an area's
            wording where empty.

    Examples:
        >>> q = core_question("2016", "effectiveness", 5)
        >>> q.key, q.graded
        ('q5_specialist', False)
        >>> core_question("2023-25", None, "investigating").text
        'Investigating crime'
    """

    cycle: Cycle = attrs.field(converter=to_cycle, validator=valid(CYCLE))
    pillar: Pillar | None = attrs.field(converter=to_pillar, validator=valid(optional(PILLAR)))
    number: int | None = attrs.field(validator=valid(optional(whole), QUESTION_NUMBER))
    key: str = attrs.field(validator=valid(text, QUESTION_KEY))
    text: str = attrs.field(validator=_WORDING)
    graded: bool = attrs.field(default=True, validator=valid(boolean))
    aliases: tuple[str, ...] = attrs.field(default=(), converter=to_texts, validator=valid(texts))
    short: str = attrs.field(default="", validator=_TEXT)

    def __attrs_post_init__(self) -> None:
        if self.cycle.integrated and self.pillar is not None:
            why = f"{self.cycle} is integrated: its questions have no pillar"
        elif not self.cycle.integrated and self.pillar is None:
            why = f"a question of {self.cycle} belongs to a pillar"
        else:
            return
        raise PeelDataError([Problem(why, path="pillar")])

    @property
    def written(self) -> int | str:
        """How a report holds it, and data files write it: its number where
        it has one, else its key.

        Examples:
            >>> core_question("2016", "effectiveness", "q3_vulnerable").written
            3
            >>> core_question("2023-25", None, "Investigating crime").written
            'investigating'
        """
        return self.key if self.number is None else self.number

    @property
    def label(self) -> str:
        """How tables name it: ``"Q3"`` for a pillar's question, else its wording."""
        return self.text if self.number is None or self.cycle.integrated else f"Q{self.number}"

    @property
    def name(self) -> str:
        """A short name: ``"preventing crime"``, ``"Investigating crime"``."""
        return self.short or self.text

    @property
    def ungraded_for_all(self) -> bool:
        """Whether the cycle grades no force on it and asks it of every
        force, so that every force's report of the cycle stands ungraded on
        it, whether the data hold that judgment or not (not so of 2021/22's
        strategic policing requirement and armed threats, asked under its
        first framework only).

        Examples:
            >>> core_question("2016", "effectiveness", 5).ungraded_for_all
            True
            >>> core_question("2021/22", None, "armed_threats").ungraded_for_all
            False
        """
        return not self.graded and self.asked_of is None

    @property
    def asked_of(self) -> str | None:
        """Of which forces the cycle asked it, where not of every force, in
        words; else ``None``.

        Examples:
            >>> core_question("2021/22", None, "armed_threats").asked_of
            "under its first framework only, which was revised in March 2022 after the first 8 forces' reports"
        """
        return ASKED_OF_SOME.get((self.cycle._value_, self.key))


def _from_rows() -> list[CoreQuestion]:
    return [
        CoreQuestion(
            Cycle(c), None if p is None else Pillar(p), n, key, text, graded, aliases, SHORT.get(key, "")
        )
        for c, p, n, key, text, graded, aliases in (*QUESTIONS, *AREAS)
    ]


_REGISTRY: list[CoreQuestion] = []
_INCOMPLETE: set[tuple[str, str | None]] = set(INCOMPLETE)
# Bumped whenever the registry changes, so that lookups made from it can be
# cached (see reports.py).
generation = [0]


def _registry() -> list[CoreQuestion]:
    if not _REGISTRY:
        _REGISTRY.extend(_from_rows())
    return _REGISTRY


def _pillar(pillar: str | Pillar | None) -> Pillar | None:
    # A member as it is: every report's checks ask with one.
    return pillar if pillar is None or pillar.__class__ is Pillar else Pillar(pillar)


def core_questions(
    cycle: str | int | Cycle | None = None, pillar: str | Pillar | None = None
) -> tuple[CoreQuestion, ...]:
    """The known core questions, optionally of one cycle and pillar (the
    areas, for an integrated cycle).

    Examples:
        >>> [q.number for q in core_questions(2015)]
        [1, 2, 3, 4]
        >>> len(core_questions("2023-25"))
        10
    """
    c = None if cycle is None else Cycle(cycle)
    p = _pillar(pillar)
    if c is not None and c.integrated:
        p = None
    return tuple(q for q in _registry() if (c is None or q.cycle is c) and (p is None or q.pillar is p))


def core_question(
    cycle: str | int | Cycle, pillar: str | Pillar | None, number_or_key: int | str
) -> CoreQuestion:
    """One core question, by cycle, pillar (``None`` for an integrated cycle)
    and number, key or wording (HMIC's, or another a source uses; case does
    not matter).

    Raises:
        NotFoundError: The registry has no such question.

    Examples:
        >>> core_question("2018/19", "effectiveness", "How effective is the force at investigating crime and catching criminals?").number
        2
        >>> core_question("2021/22", None, "crime data integrity").key
        'crime_recording'
    """
    c = Cycle(cycle)
    q = question_or_none(c, pillar, number_or_key)
    if q is not None:
        return q
    found = core_questions(c, pillar)
    known = ", ".join(q.key if q.number is None else f"{q.number} ({q.key})" for q in found) or "none known"
    where = str(c) if c.integrated or pillar is None else f"{pillar} in {c}"
    hint = suggest(number_or_key, [q.key for q in found]) if isinstance(number_or_key, str) else ""
    raise NotFoundError(f"no core question {shown(number_or_key)} for {where}{hint} (known: {known})")


def question_or_none(
    cycle: Cycle, pillar: str | Pillar | None, number_or_key: int | str
) -> CoreQuestion | None:
    """:func:`core_question`, or ``None`` where the registry has no such
    question (for the checks of every report, which must not pay for a
    message they do not show)."""
    return find_question(question_index(cycle, pillar), number_or_key)


def question_index(cycle: Cycle, pillar: str | Pillar | None) -> dict[object, CoreQuestion]:
    """The index :func:`find_question` looks in: a cycle's questions (of
    ``pillar`` where the cycle has pillars)."""
    return _index(cycle, None if cycle.integrated else _pillar(pillar))


def find_question(index: dict[object, CoreQuestion], number_or_key: int | str) -> CoreQuestion | None:
    """The question of :func:`question_index`'s ``index`` with this number,
    key or wording (case does not matter), or ``None``."""
    if number_or_key.__class__ is not int and not isinstance(number_or_key, str):
        return None  # True is 1 and 3.0 is 3 to a dict: neither is a question's number
    if number_or_key.__class__ is str:
        found = index.get(number_or_key)  # a key as the registry writes it: most lookups
        if found is not None:
            return found
    number_or_key = read_question(number_or_key)
    if not isinstance(number_or_key, str):
        return index.get(number_or_key)
    # By its wording, else as a key however its words are joined ("q1 prevent").
    return index.get(folded(number_or_key)) or index.get(joined(number_or_key))


def question_ident(index: dict[object, CoreQuestion], number_or_key: int | str) -> int | str:
    """What names one question of :func:`question_index`'s ``index``: its
    key, or, for a question the registry lacks (2025-27), the number or the
    text as given, case folded as the registry's own are looked up."""
    q = find_question(index, number_or_key)
    return unlisted_ident(number_or_key) if q is None else q.key


_INDEXES: dict[tuple[str, str | None], tuple[int, dict[object, CoreQuestion]]] = {}


def _index(cycle: Cycle, pillar: Pillar | None) -> dict[object, CoreQuestion]:
    """A cycle's questions by number, key and every wording (case folded);
    made once per registry state (for a pillared cycle without a pillar, of
    every pillar)."""
    k = (cycle._value_, None if pillar is None else pillar._value_)
    made = _INDEXES.get(k)
    if made is not None and made[0] == generation[0]:
        return made[1]
    index: dict[object, CoreQuestion] = {}
    for q in reversed(core_questions(cycle, pillar)):  # the first listed wins
        if pillar is not None and q.pillar is not pillar:
            continue
        for w in (q.text, *q.aliases, *((q.short,) if q.short else ())):
            index[folded(w)] = q
        if q.number is not None:
            index[q.number] = q
            index[f"q{q.number}"] = q  # its label in the tables: "Q5"
        index[q.key] = index[folded(q.key)] = q
    _INDEXES[k] = (generation[0], index)
    return index


def registry_complete(cycle: str | int | Cycle, pillar: str | Pillar | None = None) -> bool:
    """Whether the registry lists every core question of a cycle's pillar (of
    an integrated cycle: every area). Where it does not, a question it lacks
    is a warning, not an error.

    Examples:
        >>> registry_complete(2016, "effectiveness"), registry_complete("2025-27")
        (True, False)
    """
    c = cycle if cycle.__class__ is Cycle else Cycle(cycle)
    p = None if c.integrated else _pillar(pillar) or Pillar.EFFECTIVENESS
    return (c._value_, None if p is None else p._value_) not in _INCOMPLETE


# The pillars of a cycle with no overall grade (cycles.md): in 2014 only
# efficiency had one; leadership was assessed in words.
_UNGRADED_HEADLINES = frozenset(
    {("2014", "effectiveness"), ("2014", "legitimacy"), ("2015", "leadership"), ("2016", "leadership")}
)


def not_asked(cycle: Cycle, pillar: str | Pillar | None, number_or_key: int | str) -> bool:
    """Whether the cycle did not ask the question: the registry lists every
    question of its pillar, and not this one (2015 had no question 5).

    Examples:
        >>> not_asked(Cycle("2015"), "effectiveness", "q5_specialist"), not_asked(Cycle("2016"), "efficiency", 9)
        (True, False)
    """
    return registry_complete(cycle, pillar) and question_or_none(cycle, pillar, number_or_key) is None


def headline_graded(cycle: str | int | Cycle, pillar: str | Pillar | None) -> bool:
    """Whether a cycle's pillar has an overall grade (an integrated cycle has none).

    Examples:
        >>> headline_graded(2014, "efficiency"), headline_graded(2014, "effectiveness"), headline_graded("2023-25", None)
        (True, False, False)
    """
    c, p = Cycle(cycle), _pillar(pillar)
    return p is not None and pillar_headline_graded(c, p)


def headline_question(cycle: str | int | Cycle, pillar: str | Pillar | None) -> str | None:
    """A cycle's pillar's overall question as HMIC/HMICFRS worded it, where
    the data know it (``None`` elsewhere, and where a cycle has no pillars).

    Examples:
        >>> headline_question(2016, "effectiveness")
        'How effective is the force at keeping people safe and reducing crime?'
        >>> headline_question("2018/19", "effectiveness")
        'How effective is the force at reducing crime and keeping people safe?'
        >>> headline_question(2014, "effectiveness") is None  # no overall grade that cycle
        True
    """
    c, p = Cycle(cycle), _pillar(pillar)
    if p is None or p not in c.pillars or not pillar_headline_graded(c, p):
        return None  # 2014's effectiveness had no overall grade, and no source words one
    return _CYCLE_HEADLINES.get((c._value_, p._value_)) or _HEADLINES.get(p._value_)


# The overall questions the references word (cycles.md), by pillar, and
# where a cycle worded one otherwise.
_HEADLINES = {"effectiveness": "How effective is the force at keeping people safe and reducing crime?"}
_CYCLE_HEADLINES = {
    ("2018/19", "effectiveness"): "How effective is the force at reducing crime and keeping people safe?"
}


def pillar_headline_graded(cycle: Cycle, pillar: Pillar) -> bool:
    """:func:`headline_graded` of a cycle and pillar as they are (no
    parsing: the readers ask it of every report)."""
    return cycle._value_ in _PILLARED and (cycle._value_, pillar._value_) not in _UNGRADED_HEADLINES


_PILLARED = frozenset(c.value for c in Cycle if not c.integrated)


def register_question(question: CoreQuestion, *, complete: bool = False) -> None:
    """Add a core question to the registry, for a cycle it does not know in
    full (``complete=True``: the cycle's pillar is now complete, and
    questions it lacks are errors).

    Raises:
        TypeError: ``question`` is no :class:`CoreQuestion`, or ``complete``
            not ``True`` or ``False``.
        PeelDataError: The cycle already has a question with that key or
            number, or the registry knows the cycle's pillar in full.

    The registry is the process's: register questions once, when the
    program starts. For example, once HMICFRS has published a 2025-27
    question::

        register_question(CoreQuestion("2025-27", None, 2, "investigating", "Investigating crime"))
    """
    if not isinstance(question, CoreQuestion):
        raise TypeError(f"register_question() takes a CoreQuestion, not {type(question).__name__}")
    if not isinstance(complete, bool):
        from ._arguments import wrong_type

        raise wrong_type("complete", "True or False", complete)
    of = (question.cycle._value_, None if question.pillar is None else question.pillar._value_)
    if of not in _INCOMPLETE:
        # A framework HMICFRS has published in full: a question of its own
        # would change every count of it in the process.
        where = question.cycle if question.pillar is None else f"{question.cycle} {question.pillar}"
        raise PeelDataError([Problem(f"the registry knows every question of {where}: none can be added")])
    for q in core_questions(question.cycle, question.pillar):
        if q.pillar is question.pillar and (
            q.key == question.key or (question.number is not None and q.number == question.number)
        ):
            raise PeelDataError([Problem(f"{question.cycle} already has the question {q.key!r} ({q.text})")])
    _registry().append(question)
    if complete:
        _INCOMPLETE.discard(of)
    generation[0] += 1
