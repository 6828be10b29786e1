"""Mixed-issue rule: the guide's "不要混合多个不同的问题" (one mail per problem).

Topic evidence is weighed per paragraph with the same lexicons that classify
the whole draft (`tglint.topic.score_topics`); a paragraph that itself mixes
topics is weighed per sentence. Two ways make a mail mixed: two places with
strong, unmixed evidence for different mailboxes; or a paragraph that opens a
new matter ("Separately:", "另外还有一个问题") and is about another mailbox than
the mail so far. Several symptoms of one problem stay one topic.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from tglint.analysis import Analysis
from tglint.checks.account import identifier_pattern, lexicon_of, searches
from tglint.models import TOPICS, Hit, Severity
from tglint.packs import Packs, weighted
from tglint.rule import Rule, RuleDoc
from tglint.topic import score_topics

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\u3000]*\n")
_SENTENCE_END = re.compile(r"[。！？!?；;\n]+|(?<=[A-Za-z0-9)\"”])\.\s+")
# List bullets and quotes a paragraph may open with before its first word.
_LEADING_NOISE = re.compile(r"^[\s\-*•·>#]*")
# A marker ending in a Latin letter or digit must end a word there ("also" is not in "almost").
_WORD_END = r"(?![A-Za-z0-9_])"
_EXCERPT = 24


@dataclass(frozen=True, slots=True)
class Segment:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Evidence:
    topic: str
    score: float
    segment: Segment


@dataclass(frozen=True, slots=True)
class _Settings:
    strong: float
    margin: float
    announced: float
    plain_marker: float
    pair_strong: dict[str, float]
    intertwined: frozenset[str]


def _split(text: str, start: int, end: int, separator: re.Pattern[str]) -> list[Segment]:
    segments = []
    position = start
    for match in separator.finditer(text, start, end):
        if text[position : match.start()].strip():
            segments.append(Segment(position, match.start(), text[position : match.start()]))
        position = match.end()
    if text[position:end].strip():
        segments.append(Segment(position, end, text[position:end]))
    return segments


def _settings(analysis: Analysis) -> _Settings:
    table = analysis.pack("mixed", analysis.language)
    raw = table.get("settings", {})
    pairs = {str(k): float(v) for k, v in table.get("pair_strong", {}).items() if isinstance(v, int | float)}
    return _Settings(
        float(raw.get("strong", 3.0)),
        float(raw.get("margin", 2.0)),
        float(raw.get("announced", 1.5)),
        float(raw.get("plain_marker", 2.0)),
        pairs,
        frozenset(str(p) for p in table.get("intertwined", {}).get("pairs", [])),
    )


def _pair(first: str, second: str) -> str:
    return "+".join(sorted((first, second)))


def _ranked(scores: dict[str, float]) -> list[tuple[str, float]]:
    return sorted(scores.items(), key=lambda item: (-item[1], TOPICS.index(item[0])))


Scored = list[tuple[Segment, dict[str, float]]]


class _Places:
    """The body's paragraphs, and its units (paragraphs, or the sentences of a paragraph strong for two
    topics) with their topic scores, worked out only when a way of finding a mixed mail needs them."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis

    @cached_property
    def paragraphs(self) -> list[Segment]:
        text = self.analysis.body_text
        return _split(text, 0, len(text), _PARAGRAPH_BREAK)

    @cached_property
    def units(self) -> Scored:
        analysis = self.analysis
        strong = _settings(analysis).strong
        units: Scored = []
        for paragraph in self.paragraphs:
            scores = score_topics(paragraph.text, analysis.packs)
            if sum(1 for t in TOPICS if scores[t] >= strong) >= 2:
                sentences = _split(analysis.body_text, paragraph.start, paragraph.end, _SENTENCE_END)
                units.extend((s, score_topics(s.text, analysis.packs)) for s in sentences)
            else:
                units.append((paragraph, scores))
        return units


def _could_be_strong(analysis: Analysis, strong: float) -> bool:
    """A place never scores more than the whole mail (whose scores add the subject and tag to the body's):
    with fewer than two strong topics there, no two places can have them."""
    return sum(1 for score in analysis.topic_verdict.scores.values() if score >= strong) >= 2


def strong_evidence(analysis: Analysis, places: _Places) -> list[Evidence]:
    """Way 1: the first place of each topic with strong, unmixed evidence for it."""
    settings = _settings(analysis)
    if not _could_be_strong(analysis, settings.strong):
        return []
    found: dict[str, Evidence] = {}
    for segment, scores in places.units:
        (best, best_score), (_, second) = _ranked(scores)[:2]
        if best_score >= settings.strong and best_score >= settings.margin * second and best not in found:
            found[best] = Evidence(best, best_score, segment)
    evidence = sorted(found.values(), key=lambda e: e.segment.start)
    return _without_own_account_abuse(analysis, _pairs_apart(settings, evidence))


def _pairs_apart(settings: _Settings, evidence: list[Evidence]) -> list[Evidence]:
    """Keep evidence that has a partner of another topic strong enough for their pair (see `pair_strong`)."""
    kept = []
    for item in evidence:
        for other in evidence:
            if other.topic == item.topic or _pair(item.topic, other.topic) in settings.intertwined:
                continue
            needed = settings.pair_strong.get(_pair(item.topic, other.topic), settings.strong)
            if item.score >= needed and other.score >= needed:
                kept.append(item)
                break
    return kept


def _without_own_account_abuse(analysis: Analysis, evidence: list[Evidence]) -> list[Evidence]:
    """Spam or scams sent from the writer's hijacked account are part of the security problem."""
    if not any(e.topic == "security" for e in evidence):
        return evidence
    own_abuse = lexicon_of(analysis, "mixed", "own_account_abuse")
    kept = [e for e in evidence if not (e.topic == "abuse" and own_abuse.search(e.segment.text))]
    return kept if len({e.topic for e in kept}) >= 2 else []


_markers: weakref.WeakKeyDictionary[Packs, tuple[re.Pattern[str] | None, dict[str, float]]] = (
    weakref.WeakKeyDictionary()
)


def _marker_pattern(analysis: Analysis) -> tuple[re.Pattern[str] | None, dict[str, float]]:
    """The new-matter markers as one pattern tried only at a place's start (a lexicon would scan the
    whole place for every term), with each marker's weight."""
    cached = _markers.get(analysis.packs)
    if cached is None:
        weights = {
            " ".join(k.lower().split()): float(v)
            for k, v in weighted(analysis.pack("mixed"), "new_issue_markers").items()
        }
        alternatives = [
            r"\s+".join(re.escape(word) for word in term.split())
            + (_WORD_END if term[-1].isascii() and term[-1].isalnum() else "")
            for term in sorted(weights, key=len, reverse=True)
        ]
        compiled = re.compile("|".join(f"({a})" for a in alternatives), re.IGNORECASE) if alternatives else None
        cached = _markers[analysis.packs] = (compiled, weights)
    return cached


def _opening_marker(analysis: Analysis, segment: Segment) -> float | None:
    """The evidence a place needs when it opens with a new-matter marker; None without one."""
    compiled, weights = _marker_pattern(analysis)
    if compiled is None:
        return None
    lead = _LEADING_NOISE.match(segment.text)
    match = compiled.match(segment.text, lead.end() if lead else 0)
    if match is None:
        return None
    return weights.get(" ".join(match.group().lower().split()))


def _openings(analysis: Analysis, paragraphs: list[Segment]) -> Iterator[tuple[Segment, float]]:
    """Places that open with a new-matter marker, with the evidence they need: a paragraph (not the first),
    or a sentence inside a paragraph (taken to the paragraph's end)."""
    text = analysis.body_text
    for index, paragraph in enumerate(paragraphs):
        if index:
            needed = _opening_marker(analysis, paragraph)
            if needed is not None:
                yield paragraph, needed
        for sentence in _split(text, paragraph.start, paragraph.end, _SENTENCE_END)[1:]:
            rest = Segment(sentence.start, paragraph.end, text[sentence.start : paragraph.end])
            needed = _opening_marker(analysis, rest)
            if needed is not None:
                yield rest, needed


def marked_evidence(analysis: Analysis, places: _Places) -> list[Evidence]:
    """Way 2: a paragraph or sentence opening a new matter that belongs to another mailbox than the mail so far."""
    settings = _settings(analysis)
    troubleshooting = lexicon_of(analysis, "mixed", "troubleshooting")
    announcements = lexicon_of(analysis, "mixed", "announcements")
    for place, needed in _openings(analysis, places.paragraphs):
        # "Also, I tried reinstalling and checked my sessions": more about the same problem.
        if needed >= settings.plain_marker and troubleshooting.search(place.text):
            continue
        earlier_text = analysis.body_text[: place.start]
        if announcements.search(earlier_text):
            needed = min(needed, settings.announced)
        earlier = score_topics(earlier_text, analysis.packs)
        before = _ranked(earlier)
        first_topic = before[0][0] if before[0][1] > before[1][1] else analysis.topic
        if first_topic is None:
            continue
        scores = score_topics(place.text, analysis.packs)
        other = [(t, s) for t, s in _ranked(scores) if t != first_topic and s >= needed and s >= scores[first_topic]]
        if not other:
            continue
        topic, score = other[0]
        if _pair(first_topic, topic) in settings.intertwined and not _separate_side(analysis, topic, place):
            continue
        first_place = _strongest_place(places.units, first_topic, place.start) or places.paragraphs[0]
        evidence = [Evidence(first_topic, earlier[first_topic], first_place), Evidence(topic, score, place)]
        evidence = _without_own_account_abuse(analysis, evidence)
        if evidence:
            return evidence
    return []


def _separate_side(analysis: Analysis, topic: str, paragraph: Segment) -> bool:
    """For topics that are usually one story: a security paragraph about the writer's own account, or an
    abuse paragraph that names a third party, is a matter of its own."""
    if topic == "security":
        return lexicon_of(analysis, "account", "own_context").search(paragraph.text) is not None
    if topic == "abuse":
        return any(searches(identifier_pattern(analysis, key), paragraph.text) for key in ("handle", "link"))
    return True


def _strongest_place(units: Scored, topic: str, before: int) -> Segment | None:
    candidates = [(scores[topic], segment) for segment, scores in units if segment.end <= before and scores[topic] > 0]
    return max(candidates, key=lambda item: item[0])[1] if candidates else None


class MixedIssues(Rule):
    code = "TG701"
    name = "mixed-issues"
    category = "mixed-issues"
    severity = Severity.WARNING
    summary = "The mail raises several unrelated problems that belong in separate mails."
    doc = RuleDoc(
        what=(
            "Flags a draft whose paragraphs (or sentences) are about different kinds of problem (a technical "
            "fault, an abuse report, a copyright complaint...), either because each carries strong evidence of "
            'its own mailbox, or because a paragraph or sentence opens a new matter ("Separately:", '
            '"另外还有一个问题") that belongs to another mailbox; the message names the parts found. '
            "Several symptoms of one problem (a crash and a sync failure; a hijacked account that now sends "
            "spam) are one problem."
        ),
        why=(
            "Each mailbox handles one kind of problem, and a mail is routed and answered as one case: the "
            "guide's 避免常见错误 says 不要混合多个不同的问题, and its response-time notes say 多个问题：分别处理."
        ),
        bad=(
            "To: support@telegram.org\nSubject: [Technical Issue] - Crash and a scam account\n\n"
            "Hello,\n\nSince yesterday the app crashes on start and messages fail to send; "
            "I reinstalled it, still crashing.\n\n"
            "Also, a scammer @crypto_bonus_vip keeps sending me spam and phishing links. "
            "Please ban this scam account.\n"
        ),
        good=(
            "To: support@telegram.org\nSubject: [Technical Issue] - App crashes on start\n\n"
            "Hello,\n\nSince yesterday the app crashes on start and messages fail to send; "
            "I reinstalled it, still crashing.\n\n"
            "Also, chats stopped syncing with the desktop app since then.\n"
        ),
        fix="Split the draft: one mail per problem, each to its mailbox.",
        more_bad=(
            "To: legal@telegram.org\nSubject: [版权投诉] - 频道盗播课程\n\n"
            "您好，\n\n频道 https://t.me/kecheng_free 未经授权上传我司课程，侵犯我司版权，请删除侵权内容。\n\n"
            "另外还有一个问题：我们的 iPhone 上打开统计页面 App 会闪退，崩溃好几次了，重装也没用。\n",
        ),
        more_good=(
            "To: legal@telegram.org\nSubject: [版权投诉] - 频道盗播课程\n\n"
            "您好，\n\n频道 https://t.me/kecheng_free 未经授权上传我司课程，侵犯我司版权，请删除侵权内容。\n\n"
            "另外，我司是上述课程的著作权人，版权证明可另行提供。\n",
        ),
    )

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        places = _Places(analysis)
        evidence = strong_evidence(analysis, places) or marked_evidence(analysis, places)
        if len(evidence) < 2:
            return
        labels = analysis.pack("mixed", analysis.message_language).get("labels", {})
        mailboxes = analysis.pack("mailboxes").get("mailboxes", {})
        parts = [
            (str(labels.get(e.topic, e.topic)), _excerpt(e.segment.text), str(mailboxes.get(e.topic, "")))
            for e in evidence
        ]
        second = evidence[1].segment
        lead = _LEADING_NOISE.match(second.text)
        yield Hit(
            "body",
            second.start + (lead.end() if lead else 0),
            second.end,
            analysis.say(
                en="This mail mixes unrelated problems: "
                + "; ".join(f'{label} ("{excerpt}", for {box})' for label, excerpt, box in parts)
                + ". Send one mail per problem, each to its mailbox.",
                zh="这封邮件混合了多个不相关的问题："
                + "；".join(f"{label}（“{excerpt}”，应发往 {box}）" for label, excerpt, box in parts)
                + "。请每个问题单独写一封邮件，发往对应的邮箱。",
            ),
        )


def _excerpt(text: str) -> str:
    words = " ".join(text.split())
    return words if len(words) <= _EXCERPT else words[:_EXCERPT].rstrip() + "…"


RULES: tuple[type[Rule], ...] = (MixedIssues,)
