"""Which official mailbox a draft belongs to, from its subject tag and its words.

The words are the topic terms the recognizer finds (`tglint.recognizers.topics`: each
term with its topics, weights, and whether the text model says it is denied); a known
subject tag counts for its topic too. Evidence is weighed, not counted: a term counts
once with a small bonus for repeats, and a denied term ("not hacked", "没有被盗") does
not count for the topics a denial cancels (`negatable`).
A draft with no evidence belongs to the general mailbox (support); evidence split
evenly gives no topic rather than a coin toss. `confident` is the stricter bar
(strong evidence, a wide lead) rules use before they tell a writer to change mailbox.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from tglint.language import has_cjk
from tglint.lexicon import TermSet
from tglint.models import TOPICS
from tglint.packs import LANGUAGES, Packs, strings
from tglint.patterns import compiled
from tglint.recognizers.topics import TOPIC_TERMS, TopicTerm, find_topic_terms, topic_lexicon, words_start

if TYPE_CHECKING:
    from tglint.analysis import Analysis
    from tglint.text import TextModel

# Patterns are kept as their sources and compiled on first use (`compiled`), not on import.
# "Re:", "Fwd:", "回复：", "转发：" (repeated, any case) before the subject proper, and the ticket
# number a reply carries ("[#48213]", "[Ticket 48213]", "[工单 48213]"): neither is the writer's tag.
_REPLY_PREFIX = (
    r"^\s*(?:(?:re|fw|fwd|aw|wg|tr|sv|vs|答复|回复|转发)\s*(?:\[\d+\]\s*)?[:：]\s*"
    r"|[\[【](?:ticket|case|request|工单|编号)?\s*(?:[#＃:：]\s*)?[a-z]{0,4}[-_]?\d{3,}[\]】]\s*)+"
)
# A leading tag in ASCII, full-width square or lenticular brackets.
_TAG = r"\[(?P<a>[^\[\]]*)\]|［(?P<b>[^［］]*)］|【(?P<c>[^【】]*)】"
_NOT_ALNUM = r"[\W_]+"
_LATIN_WORDS = r"[a-z0-9]+"
# What the term pattern's word-boundary checks look for on either side of a term (see tglint.lexicon).
_ASCII_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")


# The records below are plain classes: a frozen dataclass takes about half a millisecond to create on import.


class SubjectTag:
    """The bracketed tag at the start of a subject (after any Re:/Fwd: prefixes)."""

    __slots__ = ("end", "full_width", "start", "text")

    def __init__(self, text: str, start: int, end: int, full_width: bool) -> None:
        self.text = text  # the tag as written, without brackets
        self.start = start  # offset of the opening bracket in the subject
        self.end = end  # offset just after the closing bracket
        self.full_width = full_width  # written with 【】 or ［］


def reply_prefix_end(subject: str) -> int:
    """Where the subject proper starts, after "Re:" / "Fwd:" / "回复：" prefixes and spaces."""
    match = compiled(_REPLY_PREFIX, re.IGNORECASE).match(subject)
    end = match.end() if match else 0
    return end + len(subject[end:]) - len(subject[end:].lstrip())


def leading_tag(subject: str) -> SubjectTag | None:
    start = reply_prefix_end(subject)
    match = compiled(_TAG).match(subject, start)
    if not match:
        return None
    text = next(group for group in match.groups() if group is not None)
    return SubjectTag(text.strip(), match.start(), match.end(), match.group("a") is None)


def tag_key(tag: str) -> str:
    """A tag reduced to what matters: width, case, spaces and punctuation do not."""
    return compiled(_NOT_ALNUM).sub("", unicodedata.normalize("NFKC", tag).casefold())


def _latin_words(text: str) -> str:
    return f" {' '.join(compiled(_LATIN_WORDS).findall(text.casefold()))} "


def _known_tags(packs: Packs) -> dict[str, tuple[str, str | None]]:
    return packs.derived(("topics", "known tags"), lambda: _build_known_tags(packs))


def _build_known_tags(packs: Packs) -> dict[str, tuple[str, str | None]]:
    """tag key -> (how the tag reads inside a longer one, topic): the key for Chinese, " words " else. An open
    tag ("[Account Issue]", `open_tags` of the subject pack) is known and names no one mailbox."""
    table = packs.get("subject")
    # A list is one language's: the languages' lists are not merged into one.
    tags: dict[str, str | None] = {
        tag: None
        for language in LANGUAGES
        for tag in strings(packs.get("subject", language), "open_tags", source="subject")
    }
    tags.update(
        (tag, topic) for tag, topic in table.get("tags", {}).items() if isinstance(topic, str) and topic in TOPICS
    )
    return {
        tag_key(tag): (tag_key(tag) if has_cjk(tag) else _latin_words(tag), topic)
        for tag, topic in tags.items()
        if len(tag_key(tag)) >= 2
    }


def read_tag(tag: str, packs: Packs) -> tuple[bool, str | None]:
    """Whether a subject tag is known, and the mailbox it belongs to. A known tag with words around
    it counts too ("账户安全问题", "Technical Issue Report"): the longest known tag inside decides,
    and a tie between topics ("Report a bug") leaves the topic open."""
    known = _known_tags(packs)
    key = tag_key(tag)
    if key in known:
        return True, known[key][1]
    words = _latin_words(tag)
    inside = [
        (len(known_key), topic)
        for known_key, (needle, topic) in known.items()
        if needle in (key if has_cjk(needle) else words)
    ]
    if not inside:
        return _read_by_terms(tag, packs)
    longest = max(length for length, _ in inside)
    topics = {topic for length, topic in inside if length == longest}
    return True, topics.pop() if len(topics) == 1 else None


def _read_by_terms(tag: str, packs: Packs) -> tuple[bool, str | None]:
    """A tag the lists lack that names its matter in words the topic packs weigh whole ("[Speaking
    Invitation]", "[个人信息]", "[Appeal]"): the guide asks for a tag that says the kind of problem, and
    these do; known, of the one mailbox those words point to. Words that point nowhere or half-way
    ("[Help]", "[问题]", "[投诉]") leave the tag unknown."""
    scores = score_topics(tag, packs)
    best = max(scores.values())
    leaders = [topic for topic, score in scores.items() if score == best]
    return (True, leaders[0]) if best >= 1.0 and len(leaders) == 1 else (False, None)


def topic_of_tag(tag: str, packs: Packs) -> str | None:
    """The mailbox a known subject tag belongs to; None for an unknown (or ambiguous) tag."""
    return read_tag(tag, packs)[1]


def is_known_tag(tag: str, packs: Packs, *, exact: bool = False) -> bool:
    """A known tag; `exact`: the tag itself, not a known tag with words around it."""
    return tag_key(tag) in _known_tags(packs) if exact else read_tag(tag, packs)[0]


def names_shared_matter(packs: Packs, first: str, second: str, *texts: str) -> bool:
    """Whether any of `texts` names a matter the guide lists under both mailboxes (the routing packs'
    `[overlap]`: harassment is security's and abuse's, privacy security's and legal's)."""
    table = packs.get("routing").get("overlap", {})
    terms = [*table.get(f"{first}+{second}", []), *table.get(f"{second}+{first}", [])]
    if not terms:
        return False
    found = packs.derived(("routing", "overlap", first, second), lambda: TermSet(terms))
    return any(found.search(text) for text in texts)


def topic_name(packs: Packs, topic: str, language: str) -> str:
    """How messages name a topic's kind of matter ("an account-security matter", "账户安全问题")."""
    names = packs.get("routing", language).get("topic_names", {})
    return str(names.get(topic, topic))


class TopicVerdict:
    __slots__ = ("body_terms", "confident", "scores", "topic", "word_scores")

    def __init__(
        self,
        topic: str | None,
        scores: dict[str, float],
        word_scores: dict[str, float] | None = None,
        confident: bool = False,
        body_terms: TopicTerms | None = None,
    ) -> None:
        self.topic = topic
        self.scores = scores
        # The words alone, subject and body, without the tag's vote: what the mail says, to check the tag against.
        self.word_scores = {} if word_scores is None else word_scores
        # Strong evidence and a clear lead: safe to tell the writer to change mailbox.
        self.confident = confident
        # The topic terms of the body, found once: rules weighing parts of the body score them from these.
        self.body_terms = body_terms

    def ranked(self) -> list[tuple[str, float]]:
        return sorted(self.scores.items(), key=lambda item: (-item[1], TOPICS.index(item[0])))


class _Settings:
    """The `[settings]` of the topics pack: how the classifier weighs the terms."""

    __slots__ = (
        "confident_lead",
        "confident_margin",
        "confident_score",
        "default_topic",
        "frame_discount",
        "min_margin",
        "min_score",
        "repeat_bonus",
        "subject_weight",
        "tag_weight",
    )

    def __init__(self, raw: dict[str, Any]) -> None:
        self.subject_weight = float(raw.get("subject_weight", 1.5))
        self.tag_weight = float(raw.get("tag_weight", 3.0))
        self.repeat_bonus = float(raw.get("repeat_bonus", 0.25))
        self.min_score = float(raw.get("min_score", 1.5))
        self.default_topic = str(raw["default_topic"]) if raw.get("default_topic") in TOPICS else None
        self.min_margin = float(raw.get("min_margin", 0.5))
        self.confident_score = float(raw.get("confident_score", 4.0))
        self.confident_margin = float(raw.get("confident_margin", 2.5))
        self.confident_lead = float(raw.get("confident_lead", 1.8))  # best must be this many times the runner-up
        self.frame_discount = float(raw.get("frame_discount", 0.5))


def _framed(packs: Packs, body: str) -> str | None:
    """The one topic whose `[frames]` words (rules/<lang>/topics.toml) the body uses: what kind of mail it is, the
    writer's role and request ("request for comment", "on behalf of our client"), whatever it is about. The subject
    is left out: its tag is weighed as a tag ("[Press Inquiry] - Ban appeal" is a press tag on a ban appeal)."""

    def build() -> dict[str, TermSet]:
        table = packs.get("topics").get("frames", {})
        return {topic: TermSet(strings(table, topic, source="topics")) for topic in TOPICS if table.get(topic)}

    frames = packs.derived(("topics", "frames"), build)
    found = [topic for topic, terms in frames.items() if terms.search(body)]
    return found[0] if len(found) == 1 else None


def _settings(packs: Packs) -> _Settings:
    return packs.derived(("topics", "settings"), lambda: _Settings(packs.get("topics").get("settings", {})))


def score_topics(text: str, packs: Packs) -> dict[str, float]:
    """Each topic's evidence in the text: a term counts once, repeats add a little, denials nothing."""
    return TopicTerms(text, packs).scores()


def _weigh(packs: Packs, found: Iterable[TopicTerm], floor: int) -> dict[str, float]:
    """The scores of the terms found; a term denied by a cue at or after `floor` counts for no negatable topic."""
    lexicon = topic_lexicon(packs)
    weights = lexicon.weights
    counts: dict[tuple[str, str], int] = {}
    for term in found:
        denied = term.denied(floor)
        for topic in weights[term.term]:
            if denied and topic in lexicon.negatable:
                continue
            counts[(topic, term.term)] = counts.get((topic, term.term), 0) + 1
    bonus = _settings(packs).repeat_bonus
    scores = dict.fromkeys(TOPICS, 0.0)
    for (topic, spelling), n in counts.items():
        scores[topic] += weights[spelling][topic] * (1 + bonus * min(n - 1, 2))
    return scores


class TopicTerms:
    """The topic terms of a text, found in one pass, and from them the scores of any slice of the text: rules
    weigh the body's paragraphs and sentences without searching each again.

    `scores(start, end)` weighs the terms of `text[start:end]` searched as a text of its own, each denied as
    the whole text's model says (`TextModel.negated`) unless the cue stands before `start`. The terms found in
    the whole text are the slice's own when no term found runs across an edge of the slice and no edge cuts an
    ASCII word (the word-boundary checks of the pattern then see at the edges what they would see in the slice
    alone). Otherwise the slice is searched anew.

    Built on its own (`TopicTerms(text, packs)`) it models `text` itself; `topic_terms(analysis, part)` gives
    the terms of a draft's part, found once by the recognizer (`tglint.recognizers.topics`) and shared.
    """

    def __init__(
        self,
        text: str,
        packs: Packs,
        *,
        model: TextModel | None = None,
        found: Sequence[TopicTerm] | None = None,
        floor: int = 0,
    ) -> None:
        self.text = text
        self._packs = packs
        if model is None:
            from tglint.text import Cues, TextModel

            model = TextModel(text, (), Cues.from_packs(packs))
        self._model = model
        self._floor = floor  # the text before it is not the words weighed (a subject's tag)
        if found is None:
            found = find_topic_terms(text, model, topic_lexicon(packs), floor)
        self._found = list(found)
        self._starts = [term.start for term in self._found]
        self._ends = [term.end for term in self._found]
        self._scores: dict[tuple[int, int], dict[str, float]] = {}

    @property
    def found(self) -> tuple[TopicTerm, ...]:
        return tuple(self._found)

    def scores(self, start: int = 0, end: int | None = None) -> dict[str, float]:
        start = max(start, self._floor)
        end = len(self.text) if end is None else end
        key = (start, end)
        found = self._scores.get(key)
        if found is None:
            found = self._scores[key] = self._score(start, end)
        return dict(found)

    def _score(self, start: int, end: int) -> dict[str, float]:
        first, last = bisect_left(self._starts, start), bisect_left(self._starts, end)
        if not (self._clean_edge(start, first) and self._clean_edge(end, last)):
            lexicon = topic_lexicon(self._packs)
            return _weigh(self._packs, find_topic_terms(self.text, self._model, lexicon, start, end), start)
        if first == last:
            return dict.fromkeys(TOPICS, 0.0)
        return _weigh(self._packs, self._found[first:last], start)

    def _clean_edge(self, at: int, following: int) -> bool:
        """Whether the terms found in the whole text are a slice's own up to an edge at `at`; `following` is the
        index of the first term found at or after it."""
        text = self.text
        if 0 < at < len(text) and text[at - 1] in _ASCII_WORD_CHARS and text[at] in _ASCII_WORD_CHARS:
            return False
        return following == 0 or self._ends[following - 1] <= at


def topic_terms(analysis: Analysis, part: str = "body") -> TopicTerms:
    """The topic terms of a draft's part ("subject": its words after the tag; "body": the writer's own words),
    found once per draft and shared by the rules that weigh them."""

    def build() -> TopicTerms:
        text = analysis.subject_text if part == "subject" else analysis.body_text
        return TopicTerms(
            text,
            analysis.packs,
            model=analysis.text_model(part),
            found=TOPIC_TERMS.terms(analysis, part),
            floor=words_start(analysis, part),
        )

    return analysis.memo((topic_terms, part), build)


def topic_verdict(analysis: Analysis) -> TopicVerdict:
    """The draft's topic, from its tag and the topic terms of its subject and body."""
    subject, body = topic_terms(analysis, "subject"), topic_terms(analysis, "body")
    return _verdict(subject, body, analysis.tag_topic, analysis.packs)


def classify_topic(subject: str, body: str, tag_topic: str | None, packs: Packs) -> TopicVerdict:
    """The topic of a subject and a body (the writer's own words), each modelled as a text of its own."""
    tag = leading_tag(subject)
    if tag_topic is None and tag is not None:
        tag_topic = topic_of_tag(tag.text, packs)
    # The tag is weighed on its own; its words must not count twice as subject words.
    subject_terms = TopicTerms(subject, packs, floor=subject_words_start(subject))
    return _verdict(subject_terms, TopicTerms(body, packs), tag_topic, packs)


def subject_words_start(subject: str) -> int:
    """Where a subject's words start: after its tag, or after its "Re:" prefixes when it has none."""
    tag = leading_tag(subject)
    return tag.end if tag else reply_prefix_end(subject)


def _verdict(subject_terms: TopicTerms, body_terms: TopicTerms, tag_topic: str | None, packs: Packs) -> TopicVerdict:
    settings = _settings(packs)
    body_scores = body_terms.scores()
    subject_scores = subject_terms.scores()
    words = {t: body_scores[t] + settings.subject_weight * subject_scores[t] for t in TOPICS}
    framed = _framed(packs, body_terms.text)
    if framed is not None:
        # A press inquiry or a legal letter: the other mailboxes' words are what it asks Telegram about (a reporter's
        # questions on scam channels), not the writer's own matter.
        words = {t: score if t == framed else score * settings.frame_discount for t, score in words.items()}
    scores = dict(words)
    if tag_topic in scores:
        scores[tag_topic] += settings.tag_weight
    ranked = sorted(scores.items(), key=lambda item: (-item[1], TOPICS.index(item[0])))
    (best, best_score), (_, second_score) = ranked[0], ranked[1]
    if best_score < settings.min_score:
        # No evidence at all: the general mailbox, "这是最常用的客服邮箱".
        topic = settings.default_topic
    elif best_score - second_score < settings.min_margin:
        topic = None  # evidence split evenly: no topic rather than a coin toss
    else:
        topic = best
    confident = (
        topic == best
        and best_score >= settings.confident_score
        and best_score - second_score >= settings.confident_margin
        and best_score >= settings.confident_lead * second_score
    )
    return TopicVerdict(topic, scores, words, confident, body_terms)
