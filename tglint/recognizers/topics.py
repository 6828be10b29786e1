"""Topic terms: the words that tell which official mailbox a draft belongs to.

Each term of the `topics` pack (rules/<lang>/topics.toml, both languages merged, since a
Chinese draft is full of English product terms) found in the subject's words or in the
writer's own words of the body is a span: the topics it speaks for with their weights, and,
for a term of a topic a denial cancels (`negatable`), whether it is denied ("not hacked",
"没有被盗"), as the part's text model says (`Analysis.text_model(part).negation_before`).
The subject's words are those after its tag (or its "Re:" prefixes): the tag is weighed
apart, and a negation before them is not theirs.

What the terms add up to (which topics a denial cancels, repeats, the verdict) is the
classifier's business (`tglint.topic`); rules read the terms through `TOPIC_TERMS.terms(analysis,
part)` or `Analysis.spans(TOPIC_TERMS)`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, NamedTuple

from tglint.lexicon import PARTS_PASS, SharedPass, TermSet, ascii_lower, shared_pass
from tglint.models import TOPICS
from tglint.packs import PackError, Packs, strings, weighted
from tglint.recognizers import Span

if TYPE_CHECKING:
    from tglint.analysis import Analysis
    from tglint.text import TextModel

KIND = "topic-term"
PARTS = ("subject", "body")


class TopicLexicon:
    """The terms of the topics pack and their weights, compiled once per pack set (`topic_lexicon`)."""

    __slots__ = ("deniable", "negatable", "terms", "weights")

    def __init__(self, table: Mapping[str, object], together: SharedPass | None = None) -> None:
        _refuse_moved_keys(table)
        weights: dict[str, dict[str, float]] = {}  # term -> topic -> weight
        for topic in TOPICS:
            for term, weight in weighted(table, topic, source="topics").items():
                weights.setdefault(" ".join(ascii_lower(term).split()), {})[topic] = weight
        self.weights: Mapping[str, Mapping[str, float]] = {
            term: MappingProxyType(by_topic) for term, by_topic in weights.items()
        }
        self.terms = TermSet(weights, together)  # every topic's terms, found in one pass
        settings = table.get("settings")
        # The topics whose terms a denial cancels ("not hacked", "没有被盗"). A support symptom is often
        # written negated ("not syncing", "没有通知") and says the same: its terms are not deniable.
        negatable = strings(settings, "negatable", source="topics") if isinstance(settings, Mapping) else []
        self.negatable = frozenset(negatable)
        self.deniable = frozenset(term for term, by_topic in weights.items() if self.negatable.intersection(by_topic))


def _refuse_moved_keys(table: Mapping[str, object]) -> None:
    """Negation is the text model's now: a pack that still sets it here would be silently ignored."""
    settings = table.get("settings")
    moved = ["[negation]"] if "negation" in table else []
    if isinstance(settings, Mapping):
        moved += [f"[settings] {key}" for key in ("cjk_window", "latin_window") if key in settings]
    if moved:
        raise PackError(
            f"rule pack topics: {', '.join(moved)} moved to the text packs: negation cues go in "
            "<lang>/text.toml [negation], their reach in common/text.toml [settings]"
        )


def topic_lexicon(packs: Packs) -> TopicLexicon:
    return packs.derived(
        ("topics", "lexicon"), lambda: TopicLexicon(packs.get("topics"), shared_pass(packs, PARTS_PASS))
    )


class TopicTerm(NamedTuple):
    """A topic term found at [start, end) of a part's text."""

    start: int
    end: int
    term: str  # as the pack spells it, lower-cased
    # Where the negation cue that denies it starts ("not" of "not hacked"); None when nothing denies it, or
    # when it is not deniable (a support symptom: "not syncing" says what "syncing fails" says).
    denial: int | None

    def denied(self, floor: int = 0) -> bool:
        """Whether it is denied when the text before `floor` is not read (a slice starting there)."""
        return self.denial is not None and self.denial >= floor


def find_topic_terms(
    text: str, model: TextModel, lexicon: TopicLexicon, start: int = 0, end: int | None = None
) -> list[TopicTerm]:
    """The terms of `text[start:end]`, searched as a text of its own, each denied as `model` (the model of
    the whole `text`) says, a cue before `start` excepted."""
    end = len(text) if end is None else end
    piece = text if (start, end) == (0, len(text)) else text[start:end]
    found = []
    for left, right, term in lexicon.terms.finditer(piece):
        cue = model.negation_before(start + left) if term in lexicon.deniable else None
        denial = cue.start if cue is not None and cue.start >= start else None
        found.append(TopicTerm(start + left, start + right, term, denial))
    return found


def words_start(analysis: Analysis, part: str) -> int:
    """Where a part's words start: the subject's after its tag (or its "Re:" prefixes)."""
    return analysis.subject_words_start if part == "subject" else 0


def _part_text(analysis: Analysis, part: str) -> str:
    return analysis.subject_text if part == "subject" else analysis.body_text


class TopicTermRecognizer:
    """Topic terms in the subject's words and in the writer's own words of the body."""

    name = "topic-terms"

    def recognize(self, analysis: Analysis) -> Iterator[Span]:
        lexicon = topic_lexicon(analysis.packs)
        for part in PARTS:
            found_in_part = self.terms(analysis, part)
            if not found_in_part:
                continue
            model = analysis.text_model(part)
            for found in found_in_part:
                evidence: tuple[str, ...] = (f"term:{found.term}",)
                if found.denial is not None:
                    cue = model.negation_before(found.start)
                    evidence += (f"denied:{model.text[cue.start : cue.end]}",) if cue else ()
                yield Span(
                    KIND,
                    part,
                    found.start,
                    found.end,
                    evidence=evidence,
                    facts={"term": found.term, "topics": lexicon.weights[found.term], "denial": found.denial},
                )

    def terms(self, analysis: Analysis, part: str = "body") -> tuple[TopicTerm, ...]:
        """The topic terms of a part ("subject" or "body"), in order, found once per draft: what the spans say,
        typed. The rules read these; the spans are made only for a caller that asks for them."""

        def build() -> tuple[TopicTerm, ...]:
            text = _part_text(analysis, part) if part in PARTS else ""
            if not text:
                return ()
            lexicon = topic_lexicon(analysis.packs)
            return tuple(find_topic_terms(text, analysis.text_model(part), lexicon, words_start(analysis, part)))

        return analysis.memo((self.name, part), build)


TOPIC_TERMS = TopicTermRecognizer()
