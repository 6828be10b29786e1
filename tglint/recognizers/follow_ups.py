"""Follow-ups: what a draft says of the mails it follows (the guide, 五、合理期望的重要性).

A follow-up shows itself by a reply subject ("Re:", "回复："), by its words ("still no reply", "第二次
发邮件", "还没回"), by the count of mails it says it is ("this is my 5th email", "第五次发邮件"), by a
ticket number, or by the earlier mail quoted below it. What it refers the team to (a ticket number,
the quoted mail, the date of the first mail), how long it says the wait has been ("I wrote
yesterday", "两天了还没回") and whether it presses ("赶紧回复", "why don't you answer") are found
here; the words and patterns are the `follow_up` packs (rules/*/follow_up.toml). Only the writer's
own words count: support's quoted answer is not the writer's follow-up.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tglint.anchors import AnchoredPattern, anchors_at
from tglint.draft import RegionKind
from tglint.lexicon import PARTS_PASS
from tglint.packs import PackError
from tglint.patterns import compile_patterns, compiled, copy_of
from tglint.recognizers import Span
from tglint.recognizers.times import TIMES

if TYPE_CHECKING:
    from tglint.analysis import Analysis
    from tglint.packs import Packs
    from tglint.text import Segment, TextModel

PACK = "follow_up"
REPLY_SUBJECT = "reply-subject"
PHRASE = "follow-up-phrase"
TICKET = "ticket"
QUOTED_MAIL = "quoted-mail"
CHASING = "chasing-count"
PRESSING = "pressing"
ELAPSED = "elapsed"
EARLIER_DATE = "earlier-date"


class FollowUp:
    """What one draft says of the mails before it.

    Whether the draft is a follow-up (a reply subject, its words, a count of mails) and the quoted mail are
    found with it; what only a follow-up's rules read (ticket numbers, pressing words, the time waited, the
    date of the first mail) is found when first asked (`spans`, `referenced`, `elapsed`, `of` those kinds),
    once per draft: most drafts are no follow-up, and their rules never ask. A view made per call of
    `follow_up`; what is found is kept in the draft's memo, which holds no reference to the draft."""

    __slots__ = ("_analysis", "_found")

    def __init__(self, analysis: Analysis, found: _Found) -> None:
        self._analysis = analysis
        self._found = found

    @property
    def spans(self) -> tuple[Span, ...]:
        return self._found.all_spans(self._analysis)

    def of(self, kind: str) -> list[Span]:
        spans = self._found.deciding if kind in _DECIDING else self.spans
        return [span for span in spans if span.kind == kind]

    @property
    def is_follow_up(self) -> bool:
        return any(span.kind in (REPLY_SUBJECT, PHRASE, CHASING) for span in self._found.deciding)

    @property
    def referenced(self) -> bool:
        """Whether the team can find the first mail: a ticket number, the mail quoted, or its date."""
        return any(span.kind in (TICKET, QUOTED_MAIL, EARLIER_DATE) for span in self.spans)

    @property
    def elapsed(self) -> Span | None:
        found = self.of(ELAPSED)
        return found[0] if found else None

    @property
    def count(self) -> Span | None:
        """The highest count of mails the draft says it is."""
        found = self.of(CHASING)
        return max(found, key=lambda span: int(span.facts["count"])) if found else None


# The kinds found with the draft: whether it is a follow-up, and the quoted mail.
_DECIDING = frozenset({REPLY_SUBJECT, PHRASE, CHASING, QUOTED_MAIL})


class _Part:
    """What the writer's own words of one part say, the details (`_Found.all_spans`) left to find."""

    __slots__ = ("chasing", "first", "model", "part", "phrases", "text", "waits")

    def __init__(self, part: str, model: TextModel, text: str, first: int | None) -> None:
        self.part = part
        self.model = model
        self.text = text
        self.first = first  # where a ticket number or a count of mails may first stand (None: nowhere)
        self.phrases: list[Span] = []
        self.chasing: list[Span] = []
        self.waits: list[int] = []  # where the writer speaks of the earlier mail or the wait, as far as found


class _Found:
    """What a draft says of the mails before it: the spans that decide, then all (`all_spans`), in order."""

    __slots__ = ("_all", "deciding", "parts", "quoted", "reply")

    def __init__(self, reply: list[Span], parts: list[_Part], quoted: list[Span]) -> None:
        self.reply = reply
        self.parts = parts
        self.quoted = quoted
        self.deciding = (*reply, *(span for part in parts for span in (*part.phrases, *part.chasing)), *quoted)
        self._all: tuple[Span, ...] | None = None

    def all_spans(self, analysis: Analysis) -> tuple[Span, ...]:
        if self._all is None:
            found = patterns(analysis.packs)
            spans = list(self.reply)
            for part in self.parts:
                spans.extend(_details(analysis, found, part))
            self._all = (*spans, *self.quoted)
        return self._all


class _Patterns:
    """The follow_up pack compiled once per set of packs."""

    def __init__(self, packs: Packs) -> None:
        table = packs.get(PACK)
        self.reply_subject = compile_patterns(table.get("reply_subject", []), f"{PACK}.reply_subject")
        self.tickets = compile_patterns(table.get("tickets", []), f"{PACK}.tickets")
        # One by one: each names its number `n`, and a group name may not repeat in one pattern.
        self.chasing = _each(table.get("chasing", []), f"{PACK}.chasing")
        either = _either(table.get("tickets", []), table.get("chasing", []))
        # Tried only where a ticket or count regex may begin (the anchors the pack declares for them): the joined
        # regex begins with a look-behind, so `re` would otherwise try it at every position of every text.
        anchors = [*(anchors_at(table, "tickets") or ()), *(anchors_at(table, "chasing") or ())]
        self.either = None if either is None else AnchoredPattern(either, anchors)
        self.elapsed: list[tuple[re.Pattern[str], int | None, int | None]] = []
        for name, entry in table.get("elapsed", {}).items():
            if not isinstance(entry, Mapping):
                continue
            days, per = entry.get("days"), entry.get("per")
            for pattern in _each(entry.get("patterns", []), f"{PACK}.elapsed.{name}.patterns"):
                self.elapsed.append((pattern, None if days is None else int(days), None if per is None else int(per)))
        self.numbers: dict[str, int] = {
            " ".join(str(k).lower().split()): int(v) for k, v in table.get("numbers", {}).items()
        }
        self.chasing_count = int(table.get("settings", {}).get("chasing_count", 3))

    def number(self, written: str | None) -> int | None:
        if written is None:
            return 1
        words = " ".join(written.lower().split())
        digits = re.match(r"\d+", words)
        return int(digits.group()) if digits else self.numbers.get(words)


def _each(value: object, source: str) -> list[re.Pattern[str]]:
    items = value if isinstance(value, list) else [value]
    compiled = (
        compile_patterns([item], source) if isinstance(item, str) else compile_patterns(item, source) for item in items
    )
    return [pattern for pattern in compiled if pattern is not None]


def _either(*lists: object) -> re.Pattern[str] | None:
    """One regex matching wherever one of the lists' regexes matches, searched once where each of them would
    be: the leftmost place any of them may match, or nowhere (most drafts). Their group names are dropped,
    since two may not share a name in one pattern; None when a regex refers back to a group (then each is
    searched whole)."""
    items: list[str] = []
    for value in lists:
        for item in value if isinstance(value, list) else [value]:
            for regex in [item] if isinstance(item, str) else item if isinstance(item, list) else []:
                plain = _without_group_names(regex) if isinstance(regex, str) else None
                if plain is None:
                    return None
                items.append(plain)
    try:
        return compile_patterns(items, PACK) if items else None
    except PackError:
        return None  # an inline flag in a middle alternative, say: each regex alone is valid


# Verbose mode, where "#" starts a comment.
_VERBOSE = r"\(\?[aiLmsux-]*x"


def _without_group_names(regex: str) -> str | None:
    """`regex` with its named groups made plain groups (the same matches); None when it refers back to a
    group or tests one, which a plain group could not serve, or has comments, where a group is only text."""
    if "(?#" in regex or compiled(_VERBOSE).search(regex):
        return None
    out: list[str] = []
    at, in_class = 0, False
    while at < len(regex):
        char = regex[at]
        if char == "\\":
            following = regex[at + 1 : at + 2]
            if not in_class and following.isdigit() and following != "0":
                return None
            out.append(regex[at : at + 2])
            at += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            opening = 2 if regex[at + 1 : at + 2] == "^" else 1
            # A "]" right after the opening bracket is one of the class's characters.
            if regex[at + opening : at + opening + 1] == "]":
                out.append(regex[at : at + opening + 1])
                at += opening + 1
                continue
        elif regex.startswith(("(?P=", "(?("), at):
            return None
        elif regex.startswith("(?P<", at):
            close = regex.find(">", at)
            if close < 0:
                return None
            out.append("(?:")
            at = close + 1
            continue
        out.append(char)
        at += 1
    return "".join(out)


def patterns(packs: Packs) -> _Patterns:
    return packs.derived(("follow-ups", "patterns"), lambda: _Patterns(packs))


def follow_up(analysis: Analysis) -> FollowUp:
    """What the draft says of the mails before it, found once per draft."""
    return FollowUp(analysis, analysis.memo(follow_up, lambda: _find(analysis)))


@dataclass(slots=True)
class FollowUps:
    name: str = "follow-ups"

    def recognize(self, analysis: Analysis) -> Iterator[Span]:
        yield from follow_up(analysis).spans


FOLLOW_UPS = FollowUps()


def _find(analysis: Analysis) -> _Found:
    found = patterns(analysis.packs)
    subject = analysis.subject_text
    reply: list[Span] = []
    if found.reply_subject is not None:
        match = found.reply_subject.search(subject)
        if match:
            reply.append(
                Span(REPLY_SUBJECT, "subject", match.start(), match.end(), 0.9, ("pattern:follow_up.reply_subject",))
            )
    parts = []
    for part in ("subject", "body"):
        model = analysis.text_model(part)
        text = model.writer_text.replace("\u2019", "'")
        parts.append(_in_own_words(analysis, found, part, model, text))
    quoted: list[Span] = []
    for region in analysis.body.regions:
        if region.kind is RegionKind.QUOTED and analysis.body.text[region.start : region.end].strip():
            quoted.append(Span(QUOTED_MAIL, "body", region.start, region.end, 0.8, ("region:quoted",)))
            break
    return _Found(reply, parts, quoted)


def _in_own_words(analysis: Analysis, found: _Patterns, part: str, model: TextModel, text: str) -> _Part:
    """The spans that tell a follow-up in the writer's words of a part: its words and counts of mails."""
    # Where a ticket number or a count of mails may first stand: none of them matches before (a match there
    # would be one of `either`), so each is searched from there; None when none matches at all.
    first: int | None = 0
    if found.either is not None:
        # The search copy other regex lists of the draft read too (the writer's words are the body's text).
        either = found.either.search(text, copy_of(analysis, text))
        first = either.start() if either is not None else None
    own = _Part(part, model, text, first)
    for match in analysis.lexicon(PACK, "phrases", together=PARTS_PASS).finditer(text):
        own.waits.append(match.start)
        own.phrases.append(Span(PHRASE, part, match.start, match.end, 0.9, (f"word:{match.term}",)))
    replying = found.reply_subject is not None and found.reply_subject.search(analysis.subject_text) is not None
    mail_words = analysis.lexicon(PACK, "mail_words")
    for match in analysis.lexicon(PACK, "no_reply", together=PARTS_PASS).finditer(text):
        sentence = model.sentence_at(match.start)
        about_mail = sentence is not None and mail_words.search(text[sentence.start : sentence.end]) is not None
        if replying or about_mail:
            own.waits.append(match.start)
            own.phrases.append(Span(PHRASE, part, match.start, match.end, 0.8, (f"word:{match.term}",)))
    for chasing in found.chasing:
        for chase in chasing.finditer(text, first) if first is not None else ():
            count = found.number(_group(chase, "n"))
            if count is not None and count >= 2:
                facts = {"count": count, "chasing": count >= found.chasing_count}
                own.chasing.append(
                    Span(CHASING, part, chase.start(), chase.end(), 0.9, ("pattern:follow_up.chasing",), facts)
                )
    return own


def _details(analysis: Analysis, found: _Patterns, own: _Part) -> Iterator[Span]:
    """All the spans of a part, in order: its ticket numbers, words, pressing words, counts of mails, the time
    waited, and (in the body) the date of the first mail."""
    part, model, text, first = own.part, own.model, own.text, own.first
    if found.tickets is not None and first is not None:
        for ticket in found.tickets.finditer(text, first):
            yield Span(TICKET, part, ticket.start(), ticket.end(), 0.9, ("pattern:follow_up.tickets",))
    yield from own.phrases
    waits = own.waits + [match.start for match in analysis.lexicon(PACK, "sent_words").finditer(text)]
    for match in analysis.lexicon(PACK, "pressing").finditer(text):
        if not model.negated(match.start):
            yield Span(PRESSING, part, match.start, match.end, 0.9, (f"word:{match.term}",))
    yield from own.chasing
    sentences = _sentences_at(model, waits)
    yield from _elapsed(found, part, text, sentences)
    if part == "body":
        date = _first_date(analysis, sentences)
        if date is not None:
            yield Span(EARLIER_DATE, "body", date.start, date.end, 0.7, ("time:date",))


def _first_date(analysis: Analysis, sentences: list[Segment]) -> Span | None:
    """The first date or clock time of the body in one of `sentences` (in order). Times are found for this
    alone, and only as far as the last of them: most drafts have no such sentence, and the others say when
    they first wrote early on. The body's times come in order, after the subject's."""
    if not sentences:
        return None
    end = sentences[-1].end
    for span in TIMES.recognize(analysis):
        if span.part != "body":
            continue
        if span.start >= end:
            return None
        if span.facts.get("form") != "relative" and _inside(span.start, sentences):
            return span
    return None


def _sentences_at(model: TextModel, offsets: list[int]) -> list[Segment]:
    found: dict[int, Segment] = {}
    for offset in offsets:
        sentence = model.sentence_at(offset)
        if sentence is not None and not sentence.quoted:
            found[sentence.start] = sentence
    return [found[start] for start in sorted(found)]


def _inside(offset: int, sentences: list[Segment]) -> bool:
    return any(s.start <= offset < s.end for s in sentences)


def _elapsed(found: _Patterns, part: str, text: str, sentences: list[Segment]) -> Iterator[Span]:
    """The first time said to have passed, in each sentence about the earlier mail or the wait."""
    for sentence in sentences:
        best: tuple[int, int, int] | None = None  # start, end, days
        for pattern, days, per in found.elapsed:
            for match in pattern.finditer(text, sentence.start, sentence.end):
                amount = days
                if amount is None:
                    count = found.number(_group(match, "n"))
                    amount = None if count is None or per is None else count * per
                if amount is not None and (best is None or match.start() < best[0]):
                    best = (match.start(), match.end(), amount)
                break
        if best is not None:
            facts: dict[str, Any] = {"days": best[2]}
            yield Span(ELAPSED, part, best[0], best[1], 0.8, ("pattern:follow_up.elapsed",), facts)


def _group(match: re.Match[str], name: str) -> str | None:
    return match.group(name) if name in match.re.groupindex else None
