"""The matters of a draft: the guide's "不要混合多个不同的问题" (one mail per problem), for the mixed-issue rule
(TG701) and for the draft's topic (`addressed_matter`).

Topic evidence is weighed per unit, with the same lexicons that classify the
whole draft (`tglint.topic.score_topics`, the terms found once in the body:
`TopicTerms`): a unit is a paragraph, or an item of a numbered list ("1.",
"一、", "①"); a unit that itself mixes topics is weighed per sentence. Two ways
make a mail mixed: two units with strong, unmixed evidence for different
mailboxes; or a unit that starts a new matter (opened by "Separately:" /
"另外还有一个问题", an item of a numbered list, a paragraph after "Several
things, sorry for one mail") and is about another mailbox than the mail so far
(or is a payment matter after a technical one). Several symptoms of one problem
stay one topic, and a press inquiry or a legal letter stays one request
whatever its questions or background are about.

Paragraphs, sentences and questions are the text model's (`analysis.text_model()`).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterator, Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Any

from tglint.analysis import Analysis
from tglint.language import has_cjk
from tglint.lexicon import PARTS_PASS
from tglint.models import TOPICS
from tglint.packs import PackError, strings, weighted
from tglint.patterns import compile_patterns, compiled, copy_of, lexicon_of, pack_pattern
from tglint.recognizers.accounts import identifier_pattern
from tglint.recognizers.malfunctions import MALFUNCTIONS
from tglint.recognizers.tone import HOSTILE_TERMS
from tglint.topic import TopicTerms

if TYPE_CHECKING:
    from tglint.anchors import AnchoredPattern
    from tglint.text import TextModel

# Patterns are compiled on first use (`compiled`), not on import: `tglint rules` and `explain` need none.
# List bullets and quotes a unit may open with before its first word.
_NOISE = "-*•·>#"
_LEADING_NOISE = rf"[\s{re.escape(_NOISE)}]*"
_SPACES = r"[ \t\u3000]*"
# A marker ending in a Latin letter or digit must end a word there ("also" is not in "almost").
_WORD_END = r"(?![A-Za-z0-9_])"
_EXCERPT = 24
# Topics whose mails are one request about a subject: a press inquiry, a legal letter.
_REQUEST_TOPICS = frozenset({"press", "legal"})
_BILLING = "billing"
# Where each topic stands in TOPICS: ties are ranked so, and ranked for every unit.
_TOPIC_RANK = {topic: rank for rank, topic in enumerate(TOPICS)}
# A question on how to use the app (the pack's cue of this name), a matter of its own after a report of a fault.
_USAGE = "usage"
_USAGE_CUE = "usage_question"
# The longest a heading line of a numbered section may be: characters in Chinese, words in Latin script.
_HEADING_CJK = 12
_HEADING_WORDS = 5
# How many sentences of its block a sentence that opens a new matter takes along: a new matter said in a few
# sentences, and linear work on a page of markers.
_REST_SENTENCES = 4
# What joins the matters a subject lists: a plus sign, and a part needs a word (two letters or a Han character).
_SUBJECT_JOINER = r"[+＋]"
_WORDY = r"[^\W\d_]{2}|[\u4e00-\u9fff]"
# What may stand between markers written one after another ("Also, separately,", "另外，顺便"), and how many
# are read.
_MARKER_GAP = r"[ \t\u3000,，、:：;；]*"
_CHAINED_MARKERS = 3
# What a sum of cue weights may be off by in floating point: a topic is given up only when short by more.
_SLACK = 1e-9
# How many characters a cue's regex list is searched whole before its anchors are checked: about what checking them
# costs (1 to 4 ms a list), so that a one-draft run checks none and a batch soon searches only where anchors stand.
_CHECK_ANCHORS_AFTER = 30_000

# The records below are plain classes: a frozen dataclass takes about half a millisecond to create on import.


class Segment:
    """A piece of the body: [start, end) and its text. A body is cut into a hundred of them."""

    __slots__ = ("end", "start", "text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start = start
        self.end = end
        self.text = text


class Evidence:
    __slots__ = ("score", "segment", "topic")

    def __init__(self, topic: str, score: float, segment: Segment) -> None:
        self.topic = topic
        self.score = score
        self.segment = segment


class _Settings:
    """The `[settings]` of the mixed pack, with `pair_strong` and the `intertwined` pairs."""

    __slots__ = (
        "announced",
        "billing_quiet",
        "billing_strong",
        "enumerated",
        "explicit",
        "fault_report",
        "intertwined",
        "margin",
        "pair_strong",
        "plain_marker",
        "settled",
        "strong",
    )

    def __init__(self, table: Mapping[str, Any]) -> None:
        raw = table.get("settings", {})
        self.strong = float(raw.get("strong", 3.0))
        self.margin = float(raw.get("margin", 2.0))
        self.announced = float(raw.get("announced", 1.5))
        self.plain_marker = float(raw.get("plain_marker", 2.0))
        self.enumerated = float(raw.get("enumerated", 2.0))
        self.explicit = float(raw.get("explicit", 1.5))
        self.settled = float(raw.get("settled", 1.25))
        self.billing_strong = float(raw.get("billing_strong", 3.0))
        self.billing_quiet = float(raw.get("billing_quiet", 1.0))
        self.fault_report = float(raw.get("fault_report", 1.0))
        self.pair_strong = {
            str(k): float(v) for k, v in table.get("pair_strong", {}).items() if isinstance(v, int | float)
        }
        self.intertwined = frozenset(str(p) for p in table.get("intertwined", {}).get("pairs", []))


class _CueRegex:
    """A cue's regex list (`patterns` or `with`), joined: searched whole, or only where one of the anchors the pack
    declares beside it stands (`anchors.patterns`, `anchors.with`; `tglint.anchors`) once they are checked.

    The pack loader checks the anchors of no mixed pack (a user's cues need declare none), so they are checked here:
    every regex of the list must begin with one (`anchor_problem`), or the list stays searched whole. Checked once
    its whole searches have cost about what the check does: a one-draft run checks none."""

    __slots__ = ("_anchored", "_anchors", "_entries", "_owed", "regex")

    def __init__(self, regex: re.Pattern[str], entries: list[str], anchors: list[str] | None) -> None:
        self.regex = regex
        self._entries = entries
        self._anchors = anchors  # None once checked, or when the pack declares none
        self._anchored: AnchoredPattern | None = None
        self._owed = 0  # characters searched whole so far

    def searches(self, text: str, copy: Callable[[], str]) -> bool:
        """Whether the list matches in `text`; `copy` gives its search copy (`tglint.anchors.search_copy`)."""
        anchored = self._anchored
        if anchored is not None:
            return anchored.searches(text, copy())
        if self._anchors is not None:
            self._owed += len(text)
            if self._owed >= _CHECK_ANCHORS_AFTER:
                self.check_anchors()
        return self.regex.search(text) is not None

    @property
    def anchored(self) -> bool:
        """Whether the list is searched only where its anchors stand."""
        return self._anchored is not None

    def check_anchors(self, *, checked: bool = False) -> None:
        """Search the list through its anchors from now on, if every regex of it begins with one (`checked`: known
        to, the loader having checked them)."""
        from tglint.anchors import AnchoredPattern, anchor_problem

        anchors, self._anchors = self._anchors, None
        if anchors and (checked or all(anchor_problem(entry, anchors) is None for entry in self._entries)):
            self._anchored = AnchoredPattern(self.regex, anchors)


def _cue_regex(name: str, cue: Mapping[str, Any], key: str) -> _CueRegex | None:
    from tglint.anchors import anchored_entries, anchors_at

    value = cue.get(key, [])
    regex = compile_patterns(value, f"mixed: `cues.{name}.{key}`")
    if regex is None:
        return None
    entries = [value] if isinstance(value, str) else list(value)
    found = _CueRegex(regex, entries, anchors_at(cue, key))
    # A list whose anchors the pack loader checks (`tglint.anchors.ANCHORED`), as the tests check the built-in ones,
    # needs no check of its own.
    if any(True for _ in anchored_entries("mixed", {"cues": {name: {key: entries}}})):
        found.check_anchors(checked=True)
    return found


class _Cue:
    """A way of saying a matter that its topic words alone do not weigh enough (see `cues` in the pack)."""

    __slots__ = ("also", "identifiers", "name", "pattern", "topic", "weight")

    def __init__(
        self,
        name: str,
        topic: str,
        weight: float,
        pattern: _CueRegex,
        also: _CueRegex | None,
        identifiers: bool,
    ) -> None:
        self.name = name
        self.topic = topic
        self.weight = weight
        self.pattern = pattern
        self.also = also  # must be in the unit too, when given
        self.identifiers = identifiers  # a @username or t.me link in the unit will do for `also`


class _Opening:
    """A unit that may start a new matter, and the evidence it needs for another topic."""

    __slots__ = ("explicit", "listed", "marked", "needed", "segment")

    def __init__(self, segment: Segment, needed: float, marked: bool, explicit: bool, listed: bool = False) -> None:
        self.segment = segment
        self.needed = needed
        # Opened by a new-matter word, not merely a number or its place after an announcement.
        self.marked = marked
        # Opened by a word that says outright that another matter starts ("Separately").
        self.explicit = explicit
        # An item of a list ("2. ……"); with a marker ("2. 另外，……") it numbers matters as an announcement would.
        self.listed = listed


def _settings(analysis: Analysis) -> _Settings:
    packs, language = analysis.packs, analysis.language
    return packs.derived(("mixed", "settings", language), lambda: _Settings(packs.get("mixed", language)))


def _pair(first: str, second: str) -> str:
    return "+".join(sorted((first, second)))


def _ranked(scores: Mapping[str, float]) -> list[tuple[str, float]]:
    return sorted(scores.items(), key=lambda item: (-item[1], _TOPIC_RANK[item[0]]))


class _ListMarks:
    __slots__ = ("bullets", "numbers", "steps")

    def __init__(
        self, numbers: re.Pattern[str] | None, bullets: re.Pattern[str] | None, steps: re.Pattern[str] | None
    ) -> None:
        self.numbers = numbers  # "1.", "一、", "①" at the start of a line
        self.bullets = bullets  # "-", "•" at the start of a line
        self.steps = steps  # an item's first words when it is a step to follow ("Open", "点击")


def _list_marks(analysis: Analysis) -> _ListMarks:
    """How lists are written, from both languages' packs (a Chinese mail numbers "1." too)."""
    packs = analysis.packs
    return packs.derived(("mixed", "lists"), lambda: _build_list_marks(packs.get("mixed").get("lists", {})))


def _build_list_marks(table: Mapping[str, Any]) -> _ListMarks:
    def at_line_start(key: str) -> re.Pattern[str] | None:
        inner = compile_patterns(table.get(key, []), f"mixed: `lists.{key}`")
        return re.compile(rf"^[ \t\u3000]*(?:{inner.pattern})", re.MULTILINE | re.IGNORECASE) if inner else None

    return _ListMarks(
        at_line_start("numbers"),
        at_line_start("bullets"),
        compile_patterns(table.get("steps", []), "mixed: `lists.steps`"),
    )


def _cues(analysis: Analysis) -> tuple[_Cue, ...]:
    packs = analysis.packs
    return packs.derived(("mixed", "cues"), lambda: _build_cues(packs.get("mixed").get("cues", {})))


def _cue_bounds(analysis: Analysis) -> dict[str, tuple[float, float]]:
    """The least and the most the cues may add to each topic in a unit: all of its cues of negative weight found,
    all of its cues of positive weight found."""
    cues = _cues(analysis)
    return analysis.packs.derived(
        ("mixed", "cue bounds"),
        lambda: {
            t: (
                sum(cue.weight for cue in cues if cue.topic == t and cue.weight < 0),
                sum(cue.weight for cue in cues if cue.topic == t and cue.weight > 0),
            )
            for t in TOPICS
        },
    )


def _build_cues(table: Mapping[str, Any]) -> tuple[_Cue, ...]:
    cues = []
    for name, cue in table.items():
        topic = cue.get("topic")
        if topic not in TOPICS or not isinstance(cue.get("weight"), int | float):
            raise PackError(f"rule pack mixed: cue `{name}` needs a known `topic` and a numeric `weight`")
        pattern = _cue_regex(str(name), cue, "patterns")
        if pattern is not None:
            also = _cue_regex(str(name), cue, "with")
            cues.append(
                _Cue(str(name), str(topic), float(cue["weight"]), pattern, also, bool(cue.get("identifiers", False)))
            )
    return tuple(cues)


class _CueScores:
    """What the cues add to each topic in a unit, looked for topic by topic when asked: a topic that could not
    reach the evidence needed even with all of its cues needs none of them looked for."""

    def __init__(self, analysis: Analysis, place: Segment) -> None:
        self._analysis = analysis
        self._text = place.text
        self._place = place
        self._copy: str | None = None
        self._cues = _cues(analysis)
        self._bounds = _cue_bounds(analysis)
        self._added: dict[str, float] = {}

    def least(self, topic: str) -> float:
        """The least the cues may add to `topic` (nothing, unless some cue weighs against it)."""
        return self._bounds[topic][0]

    def most(self, topic: str) -> float:
        """The most the cues may add to `topic`."""
        return self._bounds[topic][1]

    def added(self, topic: str) -> float:
        found = self._added.get(topic)
        if found is None:
            found = self._added[topic] = self._total(topic, self._found(topic) or [])
        return found

    def reaching(self, topic: str, words: float, floor: float) -> float | None:
        """`words` and what the cues add to `topic`, or None when that is certainly less than `floor`: the cues
        are looked for heaviest first, and no more of them once those left could not lift the topic to `floor`."""
        found = self._added.get(topic)
        if found is None:
            cues = self._found(topic, floor - words)
            if cues is None:
                return None
            found = self._added[topic] = self._total(topic, cues)
        return words + found

    def _found(self, topic: str, reach: float | None = None) -> list[_Cue] | None:
        """The cues of `topic` found in the unit; None when given `reach` and their weights certainly add up to
        less."""
        analysis, text = self._analysis, self._text
        found = []
        got, ahead = 0.0, self.most(topic)  # the weights found so far; the positive ones not looked for yet
        for cue in _cue_order(analysis)[topic]:
            if reach is not None and got + ahead < reach - _SLACK:
                return None
            ahead -= max(cue.weight, 0.0)
            # What must be in the unit too is rarer than the cue's own words: looked for first.
            needs_more = cue.also is not None and not cue.also.searches(text, self.copy)
            if needs_more and not (cue.identifiers and _names_someone(analysis, self._place)):
                continue
            if cue.pattern.searches(text, self.copy):
                found.append(cue)
                got += cue.weight
        return found

    def copy(self) -> str:
        """The unit's search copy: the body's, cut as the unit is (it is made character by character)."""
        if self._copy is None:
            self._copy = _copy_of_place(self._analysis, self._place)
        return self._copy

    def _total(self, topic: str, found: list[_Cue]) -> float:
        """The weights of the cues found, added in the pack's order, as ever (a sum of floats depends on it)."""
        added = 0.0
        for cue in self._cues:
            if cue.topic == topic and cue in found:
                added += cue.weight
        return added


def _cue_order(analysis: Analysis) -> dict[str, tuple[_Cue, ...]]:
    """Each topic's cues in the order they are looked for: heaviest first, so that a topic out of reach is seen
    to be so after the fewest searches, and of equal weights the shorter regex (mostly the quicker search)."""
    cues = _cues(analysis)
    return analysis.packs.derived(
        ("mixed", "cue order"),
        lambda: {t: tuple(sorted((c for c in cues if c.topic == t), key=_search_order)) for t in TOPICS},
    )


def _search_order(cue: _Cue) -> tuple[float, int]:
    return -cue.weight, len(cue.pattern.regex.pattern) + (len(cue.also.regex.pattern) if cue.also is not None else 0)


def _copy_of_place(analysis: Analysis, place: Segment) -> str:
    """The search copy of a piece of the body (`tglint.anchors.search_copy`): the body's, cut as the piece is, since
    it is made character by character."""
    return copy_of(analysis, analysis.body_text)[place.start : place.end]


def _names_someone(analysis: Analysis, place: Segment) -> bool:
    """Whether `place`, a piece of the body, holds a @username or a t.me link: the formats are tried where their
    anchors stand in it, and only those with an anchor somewhere in the body."""
    keys = _identifiers_in_body(analysis)
    if not keys:
        return False
    copy = _copy_of_place(analysis, place)
    formats = _identifier_formats(analysis)
    return any(found.searches(place.text, copy) for key in keys if (found := formats[key]) is not None)


def _identifier_formats(analysis: Analysis) -> dict[str, AnchoredPattern | None]:
    """The identifier formats (`identifier_pattern`), each tried where its anchors stand."""
    packs = analysis.packs

    def build() -> dict[str, AnchoredPattern | None]:
        return {
            key: pack_pattern(packs, "requirements", f"identifiers.{key}")
            if identifier_pattern(analysis, key) is not None
            else None
            for key in ("handle", "link")
        }

    return packs.derived(("mixed", "identifier formats"), build)


def _identifiers_in_body(analysis: Analysis) -> tuple[str, ...]:
    """The identifier formats ("handle", "link") one of whose anchors ("@", "t.me") stands somewhere in the body.
    Every match of a format begins with one of its anchors (the pack's anchors are checked), and a piece's search
    copy is a piece of the body's: a format none of whose anchors is in the body is in no piece of it. Most
    bodies have none of them."""
    return analysis.memo(_identifiers_in_body, lambda: _anchored_in_body(analysis))


def _anchored_in_body(analysis: Analysis) -> tuple[str, ...]:
    from tglint.anchors import anchors_at, search_copy  # as `tglint.patterns` does: not on import

    table = analysis.pack("requirements")
    copy = copy_of(analysis, analysis.body_text)
    found = []
    for key in ("handle", "link"):
        anchors = anchors_at(table, f"identifiers.{key}")
        if anchors is None or any(search_copy(anchor) in copy for anchor in anchors):
            found.append(key)
    return tuple(found)


def _billing_score(analysis: Analysis, text: str) -> float:
    """Evidence of a payment matter: each billing word once."""
    found = {match.term: match.weight for match in lexicon_of(analysis, "mixed", _BILLING).finditer(text)}
    return sum(found.values())


class _Unit:
    __slots__ = ("block", "scores", "segment")

    def __init__(self, segment: Segment, scores: dict[str, float], block: int) -> None:
        self.segment = segment
        self.scores = scores
        self.block = block  # index of the block (paragraph or list item) it is part of


class _Body:
    """The body's paragraphs, its blocks (paragraphs cut where list items start), its units (blocks, or the
    sentences of a block strong for two topics) with their topic scores, and what the mail is (announced
    matters, a press or legal request), each worked out only when a way of finding a mixed mail needs it."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self._sentences_seen: dict[int, tuple[list[int], list[dict[str, float]]]] = {}
        self._strongest_seen: dict[str, tuple[list[int], list[Segment]]] = {}
        self._sentences_of: dict[int, list[Segment]] = {}
        self._sentence_starts: dict[int, list[int]] = {}
        self._noise_run = (0, 0)  # the last run of bullets, quotes and spaces read: [start, end)
        self._block_scores_seen: list[dict[str, float]] = []
        self._totals = [dict.fromkeys(TOPICS, 0.0)]

    @cached_property
    def model(self) -> TextModel:
        return self.analysis.text_model("body")

    @cached_property
    def paragraphs(self) -> list[Segment]:
        """The writer's own paragraphs (the text model's)."""
        text = self.analysis.body_text
        return [Segment(p.start, p.end, text[p.start : p.end]) for p in self.model.paragraphs if p.own]

    @cached_property
    def item_starts(self) -> dict[int, int]:
        """Where each list item starts -> where its words start (after the number or bullet): items of a list
        numbered two items or more, and, with several matters announced, of a bulleted one."""
        marks = _list_marks(self.analysis)
        found = self.numbered | (self._starts(marks.bullets) if self.announced else {})
        return dict(sorted(found.items()))

    @cached_property
    def numbered(self) -> dict[int, int]:
        return self._starts(_list_marks(self.analysis).numbers)

    def _starts(self, marks: re.Pattern[str] | None) -> dict[int, int]:
        if marks is None:
            return {}
        text = self.analysis.body_text
        found = {}
        for match in marks.finditer(text):
            start = match.end() - len(match.group().lstrip(" \t\u3000"))
            spaces = compiled(_SPACES).match(text, match.end())
            found[start] = spaces.end() if spaces else match.end()
        return found if len(found) >= 2 else {}

    @cached_property
    def blocks(self) -> list[Segment]:
        text = self.analysis.body_text
        blocks = []
        items = list(self.item_starts)  # in order
        for paragraph in self.paragraphs:
            cuts = items[bisect.bisect_right(items, paragraph.start) : bisect.bisect_left(items, paragraph.end)]
            bounds = [paragraph.start, *cuts, paragraph.end]
            for start, end in itertools.pairwise(bounds):
                if text[start:end].strip():
                    blocks.append(Segment(start, end, text[start:end]))
        return blocks

    @cached_property
    def sections(self) -> frozenset[int]:
        """Numbered items that open with a heading line ("二、详细信息", "3. Steps taken:"): sections of one
        structured mail, as the guide's template lays it out, rather than separate matters."""
        text = self.analysis.body_text
        found = set()
        for block in self.blocks:
            words_start = self.numbered.get(block.start)
            if words_start is None:
                continue
            first, _, rest = text[words_start : block.end].partition("\n")
            if rest.strip() and _is_heading(first.strip()):
                found.add(block.start)
        return frozenset(found)

    @cached_property
    def list_leads(self) -> dict[int, str]:
        """Where each numbered item starts -> the last line before its list ("I tried:", "有几件事："), which
        says what the items are."""
        leads = {}
        lead = ""
        for block in self.blocks:
            if block.start in self.item_starts:
                leads[block.start] = lead
            else:
                lines = block.text.strip().splitlines()
                lead = lines[-1] if lines else ""
        return leads

    @cached_property
    def topic_terms(self) -> TopicTerms:
        """The body's topic terms, found once by the topic classifier: every unit is scored from them."""
        analysis = self.analysis
        found = analysis.topic_verdict.body_terms
        if found is not None and found.text is analysis.body_text:
            return found
        return TopicTerms(analysis.body_text, analysis.packs)

    def scores(self, segment: Segment) -> dict[str, float]:
        """A unit's topic scores, as `score_topics` finds them in its text."""
        return self.topic_terms.scores(segment.start, segment.end)

    def past_noise(self, position: int) -> int:
        """Where a unit at `position` has its first word: after the bullets, quotes and spaces standing there.

        Units are asked in order, and the sentences of a run of bullets and line ends ("-\\n-\\n...") all end
        where it ends: the run is read once, not once per sentence."""
        text = self.analysis.body_text
        if position >= len(text) or not (text[position].isspace() or text[position] in _NOISE):
            return position
        start, end = self._noise_run
        if not start <= position < end:
            lead = compiled(_LEADING_NOISE).match(text, position)
            end = lead.end() if lead else position
            self._noise_run = (position, end)
        return end

    def sentences(self, block: Segment) -> list[Segment]:
        """The block's sentences (the text model's, cut at the block's edges)."""
        found = self._sentences_of.get(block.start)
        if found is None:
            text = self.analysis.body_text
            model = self.model
            first = model.sentence_at(block.start)
            inside = list(model.sentences_in(block.start, block.end))
            if first is not None and first.start < block.start:
                inside.insert(0, first)  # a block opening inside a sentence (a wrapped line's item)
            found = self._sentences_of[block.start] = []
            for sentence in inside:
                start, end = max(sentence.start, block.start), min(sentence.end, block.end)
                if text[start:end].strip():
                    found.append(Segment(start, end, text[start:end]))
        return found

    def sentence_starts(self, block: Segment) -> list[int]:
        found = self._sentence_starts.get(block.start)
        if found is None:
            found = self._sentence_starts[block.start] = [sentence.start for sentence in self.sentences(block)]
        return found

    def asks(self, segment: Segment) -> bool:
        """Whether a unit asks something: one of its sentences is a question (the text model's)."""
        model = self.model
        return model.is_question(segment.start) or any(
            sentence.question for sentence in model.sentences_in(segment.start, segment.end)
        )

    @cached_property
    def block_scores(self) -> list[dict[str, float]]:
        return [self.block_score(index) for index in range(len(self.blocks))]

    def block_score(self, index: int) -> dict[str, float]:
        """The topic scores of block `index`, weighed once (units and the totals before blocks both ask)."""
        found = self._block_scores_seen
        while len(found) <= index:
            found.append(self.scores(self.blocks[len(found)]))
        return found[index]

    def _total_before(self, index: int) -> dict[str, float]:
        """The topic scores of the blocks before block `index` (of all blocks, past the last), added up. Added only
        as far as asked: the openings are weighed in order, and the blocks after the last one seldom need it."""
        totals = self._totals
        while len(totals) <= index:
            last, scores = totals[-1], self.block_score(len(totals) - 1)
            totals.append({t: last[t] + scores[t] for t in TOPICS})
        return totals[index]

    def earlier(self, position: int) -> dict[str, float]:
        """What the mail says before `position`: the scores of its blocks, and of the sentences of the block it is
        in, added up. Linear in the mail, however many units ask."""
        index = bisect.bisect_right(self._block_starts, position) - 1
        if index < 0:
            return dict.fromkeys(TOPICS, 0.0)
        if position >= self.blocks[index].end:
            return self._total_before(index + 1)
        if position == self.blocks[index].start:
            return self._total_before(index)  # none of its sentences ends before its start
        ends, totals = self._sentence_totals(index)
        return totals[bisect.bisect_right(ends, position)]

    def _sentence_totals(self, index: int) -> tuple[list[int], list[dict[str, float]]]:
        """For a block: where its sentences end, and the scores of the blocks before it plus its sentences
        before each end, added up."""
        found = self._sentences_seen.get(index)
        if found is None:
            block = self.blocks[index]
            ends, totals = [], [self._total_before(index)]
            for sentence in self.sentences(block):
                scores = self.scores(sentence)
                ends.append(sentence.end)
                totals.append({t: totals[-1][t] + scores[t] for t in TOPICS})
            found = self._sentences_seen[index] = (ends, totals)
        return found

    @cached_property
    def _block_starts(self) -> list[int]:
        return [block.start for block in self.blocks]

    @cached_property
    def _attempts(self) -> tuple[list[int], list[int]]:
        """Where the body's troubleshooting words stand, as the word list finds them in it (leftmost, then longest,
        not overlapping): their starts and their ends, both in order. Found in the body's shared pass."""
        found = lexicon_of(self.analysis, "mixed", "troubleshooting", PARTS_PASS).finditer(self.analysis.body_text)
        starts, ends = [], []
        for match in found:
            starts.append(match.start)
            ends.append(match.end)
        return starts, ends

    def tells_attempts(self, segment: Segment) -> bool:
        """Whether a piece of the body holds a troubleshooting word ("I tried", "reinstalled"): what searching its
        text for one says, read from the body's words.

        A word the body has inside the piece is one the piece has. A word of the piece is one of the body, unless
        it touches the piece's edge where the body has a letter or digit on the other side (the body does not take
        "install" out of "reinstall"), and it shares a place with one the body has (the body's leftmost-longest
        words leave none out without overlapping it): so a piece none of whose edges cuts a word, and which no word
        of the body crosses, holds one exactly when the body has one inside it. Otherwise the piece is searched."""
        starts, ends = self._attempts
        start, end = segment.start, segment.end
        index = bisect.bisect_right(ends, start)  # the first word ending after the piece starts
        if index < len(starts) and starts[index] < end:
            if starts[index] >= start and ends[index] <= end:
                return True
        elif not (_cuts_a_word(self.analysis.body_text, start) or _cuts_a_word(self.analysis.body_text, end)):
            return False
        return lexicon_of(self.analysis, "mixed", "troubleshooting").search(segment.text) is not None

    @cached_property
    def _billing_terms(self) -> dict[str, tuple[int, float]]:
        """Each billing word of the body: where it first appears, and its weight."""
        first: dict[str, tuple[int, float]] = {}
        for match in lexicon_of(self.analysis, "mixed", _BILLING).finditer(self.analysis.body_text):
            first.setdefault(match.term, (match.start, match.weight))
        return first

    def billing_before(self, position: int) -> float:
        return sum(weight for start, weight in self._billing_terms.values() if start < position)

    @cached_property
    def units(self) -> list[_Unit]:
        analysis = self.analysis
        strong = _settings(analysis).strong
        units: list[_Unit] = []
        for index, (block, scores) in enumerate(zip(self.blocks, self.block_scores, strict=True)):
            if sum(1 for t in TOPICS if scores[t] >= strong) >= 2:
                units.extend(_Unit(s, self.scores(s), index) for s in self.sentences(block))
            else:
                units.append(_Unit(block, scores, index))
        return units

    def strongest_so_far(self, topic: str) -> tuple[list[int], list[Segment]]:
        """Units in the order they end, and for each the unit with the most evidence for `topic` so far."""
        found = self._strongest_seen.get(topic)
        if found is None:
            ends: list[int] = []
            best: list[Segment] = []
            top = 0.0
            for unit in sorted(self.units, key=lambda u: u.segment.end):
                if unit.scores[topic] > top:
                    top = unit.scores[topic]
                    ends.append(unit.segment.end)
                    best.append(unit.segment)
            found = self._strongest_seen[topic] = (ends, best)
        return found

    @cached_property
    def head(self) -> dict[str, float]:
        """What the subject and its tag add to each topic: what the writer says the mail is about."""
        analysis = self.analysis
        body = self.topic_terms.scores()
        return {t: analysis.topic_verdict.scores[t] - body[t] for t in TOPICS}

    @cached_property
    def announced(self) -> bool:
        """The writer says there are several matters ("Two things, sorry for one mail", "两个问题一起处理")."""
        return self.announced_from is not None

    @cached_property
    def announced_from(self) -> int | None:
        """Where the body's matters are announced to be several: 0 when the subject says so, the end of the
        body's first announcement otherwise, None when nothing says so."""
        announcements = lexicon_of(self.analysis, "mixed", "announcements", PARTS_PASS)
        subject = self.analysis.subject_text
        if _lists_matters(subject) or announcements.search(subject):
            return 0
        found = announcements.search(self.analysis.body_text)
        return found.end if found is not None else None

    @cached_property
    def request_topics(self) -> frozenset[str]:
        """press and/or legal when the mail is a press inquiry or a legal letter: its tag, its topic, or its
        first unit with evidence (where "a journalist writing about scams" is as much press as abuse) says so."""
        analysis = self.analysis
        named = {topic for topic in (analysis.tag_topic, analysis.topic_verdict.topic) if topic is not None}
        return frozenset((named | self.first_topics) & _REQUEST_TOPICS)

    @cached_property
    def framed(self) -> bool:
        """A press inquiry or a legal letter says so ("for comment", "以下几个问题", "our client", "委托人")."""
        subject_matter = lexicon_of(self.analysis, "mixed", "subject_matter")
        return bool(self.request_topics) and subject_matter.search(self.analysis.body_text) is not None

    def own_matter_opened(self, opening: _Opening) -> bool:
        """A unit a marker opens ("Also, …", "另外，…") that tells of the writer's own things (`own_matter`: "my", "I
        was"), in a letter framed as a request (a data-access request, a press inquiry): the writer's own second
        problem, not the letter's subject or background."""
        return (
            opening.marked
            and bool(self.request_topics)
            and lexicon_of(self.analysis, "mixed", "own_matter").search(opening.segment.text) is not None
        )

    def subject_matter(self, topic: str, segment: Segment) -> bool:
        """In a press inquiry or a legal letter, another mailbox's words that are what the writer asks about or
        the background of the matter, not a problem of their own: anywhere once the letter is framed so, else
        in a question put to Telegram that says nothing of the writer's own things ("How many scam channels did
        you close?", "平台如何处理诈骗频道？")."""
        if not self.request_topics or topic in self.request_topics:
            return False
        if self.framed:
            return True
        if not self.asks(segment):
            return False
        text = segment.text
        analysis = self.analysis
        addressed = lexicon_of(analysis, "mixed", "addressee").search(text) is not None
        return addressed and lexicon_of(analysis, "mixed", "own_matter").search(text) is None

    @cached_property
    def first_topics(self) -> set[str]:
        """The best topics (and those close to it) of the first unit with some evidence: what the writer came about."""
        settings = _settings(self.analysis)
        for unit in self.units:
            top = max(unit.scores.values())
            if top >= settings.announced:
                return {t for t, score in unit.scores.items() if score * settings.settled >= top}
        return set()


def _cuts_a_word(text: str, position: int) -> bool:
    """Whether `position` falls between two ASCII letters, digits or "_" (what a word list's term may not touch)."""
    return 0 < position < len(text) and _is_word_char(text[position - 1]) and _is_word_char(text[position])


def _is_word_char(char: str) -> bool:
    return char.isascii() and (char.isalnum() or char == "_")


def _lists_matters(subject: str) -> bool:
    """A subject that joins matters with plus signs ("Account banned + refund + report", "封号＋退款"): each
    part has words of its own ("C++ crash" joins none)."""
    parts = compiled(_SUBJECT_JOINER).split(subject)
    return len(parts) >= 2 and all(compiled(_WORDY).search(part) for part in parts)


def _is_heading(line: str) -> bool:
    """A short line that is not a sentence: a few words (Latin) or characters (Chinese), no full stop."""
    if not line or line[-1] in "。．.!?！？;；,，":
        return False
    return len(line) <= _HEADING_CJK if has_cjk(line) else len(line.split()) <= _HEADING_WORDS


def _could_be_strong(analysis: Analysis, strong: float) -> bool:
    """A unit never scores more than the whole mail (whose scores add the subject and tag to the body's):
    with fewer than two strong topics there, no two units can have them."""
    return sum(1 for score in analysis.topic_verdict.scores.values() if score >= strong) >= 2


def strong_evidence(analysis: Analysis, body: _Body) -> list[Evidence]:
    """Way 1: units in different blocks (a sentence's neighbours tell one story) with strong, unmixed
    evidence for topics that are not one story, strong enough for their pair (see `pair_strong`)."""
    settings = _settings(analysis)
    if not _could_be_strong(analysis, settings.strong):
        return []
    clear = []
    for unit in body.units:
        scores = unit.scores
        if scores["legal"] > 0 and _holds_threat(analysis, unit.segment):
            scores = {**scores, "legal": 0.0}  # "我就找律师起诉你们": pressure, not a legal matter
        (best, best_score), (_, second) = _ranked(scores)[:2]
        if best_score < settings.strong or best_score < settings.margin * second:
            continue
        if not (_not_a_report(analysis, best, unit.segment) or body.subject_matter(best, unit.segment)):
            clear.append((unit, Evidence(best, best_score, unit.segment)))
    for index, (unit, evidence) in enumerate(clear):
        partner = next(((u, e) for u, e in clear[:index] if _apart(settings, u, e, unit, evidence)), None)
        if partner is None:
            continue
        found = [partner, (unit, evidence)]
        for later, more in clear[index + 1 :]:
            if all(e.topic != more.topic for _, e in found) and any(
                _apart(settings, u, e, later, more) for u, e in found
            ):
                found.append((later, more))
        kept = _without_own_account_abuse(analysis, [e for _, e in found])
        if kept:
            return kept
    return []


def _apart(settings: _Settings, first: _Unit, first_evidence: Evidence, second: _Unit, evidence: Evidence) -> bool:
    """Two units that are two problems: other topics, not one story, other blocks, enough evidence each."""
    if first_evidence.topic == evidence.topic or first.block == second.block:
        return False
    pair = _pair(first_evidence.topic, evidence.topic)
    needed = settings.pair_strong.get(pair, settings.strong)
    return pair not in settings.intertwined and first_evidence.score >= needed and evidence.score >= needed


def _without_own_account_abuse(analysis: Analysis, evidence: list[Evidence]) -> list[Evidence]:
    """Spam or scams sent from the writer's hijacked account, and what the intruder did with it (bought Premium,
    charged the card), are part of the security problem."""
    if not any(e.topic == "security" for e in evidence):
        return evidence
    own_abuse = lexicon_of(analysis, "mixed", "own_account_abuse")
    intruder = lexicon_of(analysis, "mixed", "intruder")
    kept = [
        e
        for e in evidence
        if not (e.topic == "abuse" and own_abuse.search(e.segment.text))
        and not (e.topic in ("support", _BILLING) and intruder.search(e.segment.text))
    ]
    return kept if len({e.topic for e in kept}) >= 2 else []


class _Markers:
    """The new-matter markers and their weights, tried only at a unit's start (a lexicon would scan the whole unit
    for every term). A unit's first character picks the few markers worth trying there: one pattern of all of
    them would try each in turn at every unit."""

    def __init__(self, weights: dict[str, float]) -> None:
        self.weights = weights
        # Longest first, so that "another issue" wins over "another".
        self._alternatives = [
            (term[0], r"\s+".join(re.escape(word) for word in term.split()) + (_WORD_END if _ends_a_word(term) else ""))
            for term in sorted(weights, key=len, reverse=True)
        ]
        self._starting_with: dict[str, re.Pattern[str] | None] = {}

    def opening(self, text: str, start: int) -> float | None:
        """The weight of the marker a unit opens with (at `start`, after bullets and spaces); None without one.

        Markers written one after another say it the most outright of them: "Also, separately," and
        "另外顺便说一下" open a new matter as "Separately" and "顺便说一下" do."""
        if start < len(text) and (text[start].isspace() or text[start] in _NOISE):
            lead = compiled(_LEADING_NOISE).match(text, start)
            start = lead.end() if lead else start
        weight = self._weight_and_end(text, start)
        if weight is None:
            return None
        least, end = weight
        for _ in range(_CHAINED_MARKERS):
            gap = compiled(_MARKER_GAP).match(text, end)
            following = self._weight_and_end(text, gap.end() if gap else end)
            if following is None:
                break
            least, end = min(least, following[0]), following[1]
        return least

    def pattern_for(self, first: str) -> re.Pattern[str] | None:
        """The markers that may start with `first`, as one pattern; None when none does."""
        try:
            return self._starting_with[first]
        except KeyError:
            pattern = self._starting_with[first] = self._starting_like(first)
            return pattern

    def weight_at(self, text: str, start: int) -> float | None:
        """The weight of the marker at `start`; None without one."""
        found = self._weight_and_end(text, start)
        return None if found is None else found[0]

    def _weight_and_end(self, text: str, start: int) -> tuple[float, int] | None:
        if start >= len(text):
            return None
        pattern = self.pattern_for(text[start])
        match = pattern.match(text, start) if pattern is not None else None
        weight = self.weight_of(match)
        return None if weight is None or match is None else (weight, match.end())

    def weight_of(self, match: re.Match[str] | None) -> float | None:
        """The weight of the marker a match of `pattern_for` found; None without one."""
        return None if match is None else self.weights.get(" ".join(match.group().lower().split()))

    def _starting_like(self, char: str) -> re.Pattern[str] | None:
        """The markers that may start with `char` (in any case), in their order, as one pattern."""
        alternatives = [
            alternative
            for first, alternative in self._alternatives
            if re.fullmatch(re.escape(first), char, re.IGNORECASE)
        ]
        return re.compile("|".join(f"({a})" for a in alternatives), re.IGNORECASE) if alternatives else None


def _ends_a_word(term: str) -> bool:
    return term[-1].isascii() and term[-1].isalnum()


def _markers(analysis: Analysis) -> _Markers:
    packs = analysis.packs
    return packs.derived(("mixed", "markers"), lambda: _build_markers(packs.get("mixed")))


def _build_markers(table: Mapping[str, Any]) -> _Markers:
    weights = weighted(table, "new_issue_markers", source="mixed")
    return _Markers({" ".join(k.lower().split()): v for k, v in weights.items()})


def _openings(analysis: Analysis, body: _Body) -> Iterator[_Opening]:
    """Units that may start a new matter, in order: a block (not the first) opening with a marker, an item of
    a list, a paragraph after an announcement of several matters, or a sentence opening with a marker inside a
    block (with the next few sentences of the block)."""
    settings = _settings(analysis)
    attempts = lexicon_of(analysis, "mixed", "troubleshooting")
    steps = _list_marks(analysis).steps
    text = analysis.body_text
    paragraph_starts = {p.start for p in body.paragraphs}
    markers = _markers(analysis)
    pattern_for = markers.pattern_for
    lead_attempts: dict[str, bool] = {}  # the items of a list share their lead

    def attempted(lead: str) -> bool:
        found = lead_attempts.get(lead)
        if found is None:
            found = lead_attempts[lead] = attempts.search(lead) is not None
        return found

    def opening(
        segment: Segment, needed: float, *, marked: bool, lead: str = "", step: bool = False, listed: bool = False
    ) -> _Opening:
        explicit = marked and needed <= settings.explicit
        # "Also, I tried reinstalling", "I tried: 1. ... 2. ...", "1. Open a group 2. Tap Report": more about the
        # same problem, unless clearly not.
        if needed >= settings.plain_marker and (step or body.tells_attempts(segment) or attempted(lead)):
            needed = max(needed, settings.strong)
        elif body.announced:
            needed = min(needed, settings.announced)
        return _Opening(segment, needed, marked, explicit, listed)

    for index, block in enumerate(body.blocks):
        item = body.item_starts.get(block.start)
        marker = markers.opening(text, body.past_noise(item if item is not None else block.start))
        if marker is not None and (index or item is not None):
            yield opening(block, marker, marked=True, listed=item is not None)
        elif item is not None and block.start not in body.sections:
            step = steps is not None and steps.match(text, item) is not None
            lead = body.list_leads.get(block.start, "")
            yield opening(block, settings.enumerated, marked=False, lead=lead, step=step, listed=True)
        elif index and body.announced and block.start in paragraph_starts:
            yield _Opening(block, settings.plain_marker, marked=False, explicit=False)
        # The sentences of the block but its first, read as the text model cuts them; the block's own list of
        # sentences is made only when one of them opens with a marker.
        for opener in body.model.sentences_in(block.start + 1, block.end):
            # What `markers.opening` finds at the sentence, in the fewest steps: it runs for every sentence.
            start = opener.start
            char = text[start]
            if char.isspace() or char in _NOISE:
                needed = markers.weight_at(text, body.past_noise(start))
            else:
                pattern = pattern_for(char)
                if pattern is None:
                    continue  # most sentences: no marker begins with their first character
                needed = markers.weight_of(pattern.match(text, start))
            if needed is not None:
                # Markers written one after another ("Also, separately,"): the rare sentence with one reads them all.
                needed = markers.opening(text, body.past_noise(start)) or needed
                sentences = body.sentences(block)
                number = bisect.bisect_left(body.sentence_starts(block), opener.start)
                # To the block's end: a new matter said in a few sentences (and not a whole page of them).
                last = sentences[min(number + _REST_SENTENCES, len(sentences)) - 1]
                end = block.end if last is sentences[-1] else last.end
                yield opening(Segment(opener.start, end, text[opener.start : end]), needed, marked=True)


def marked_evidence(analysis: Analysis, body: _Body) -> list[Evidence]:
    """Way 2: units starting a new matter that belongs to another mailbox than the mail so far (or is a
    payment matter after a technical one). In a press inquiry or a legal letter, only a unit that says
    outright that another matter starts."""
    settings = _settings(analysis)
    found: list[Evidence] = []
    for opening in _openings(analysis, body):
        if found and opening.segment.start < found[-1].segment.end:
            continue
        evidence = _new_matter(analysis, body, settings, opening)
        if (
            evidence
            and not opening.explicit
            and not body.own_matter_opened(opening)
            and any(body.subject_matter(e.topic, e.segment) for e in evidence)
        ):
            continue
        if not found:
            found = evidence
        elif evidence and all(e.topic != evidence[1].topic for e in found):
            found.append(evidence[1])
    return found


def _topic_so_far(body: _Body, settings: _Settings, earlier: dict[str, float]) -> str | None:
    """What the mail is about before a unit: its words' best topic, or, when another comes close (a scam
    report that quotes the scammer's "refund" story), the close one the subject and its tag name."""
    (best, top), (_, second) = _ranked(earlier)[:2]
    if top <= 0:
        return None
    if top >= settings.settled * second:
        return best
    close = {t: score + body.head[t] for t, score in earlier.items() if score * settings.settled >= top}
    return _ranked(close)[0][0]


def _new_matter(analysis: Analysis, body: _Body, settings: _Settings, opening: _Opening) -> list[Evidence]:
    place, needed = opening.segment, opening.needed
    words = _weighed(analysis, body, settings, opening)
    cues = _CueScores(analysis, place)
    # The topics that may be the new matter: a topic its words and all of its cues leave short of `needed` is not.
    possible = [t for t in TOPICS if words[t] + cues.most(t) >= needed]
    if not possible and _billing_score(analysis, place.text) < max(needed, settings.billing_strong):
        # Too little evidence for any matter, unless the writer says outright it is another question.
        return _asked_apart(analysis, body, settings, opening, words)
    earlier = body.earlier(place.start)
    # A new matter only after some first one that the writer's words (not only the subject) are about.
    first_topic = _topic_so_far(body, settings, earlier)
    if first_topic is None:
        # A fault told without topic words ("messages I read on my laptop still show as unread") is support's.
        return _usage_matter(analysis, body, settings, "support", opening)
    # The other topics that may be the new matter: one that all of its cues leave short of the first topic's words
    # and its fewest cues is not. The first topic's cues are looked for only once another topic reaches `needed`.
    first_at_least = words[first_topic] + cues.least(first_topic)
    # A topic short of `needed` or of the first topic's words and fewest cues is not the new matter: its cues are
    # looked for only until it is seen not to reach them.
    floor = max(needed, first_at_least)
    reached = {
        t: cues.reaching(t, words[t], floor)
        for t in possible
        if t != first_topic and words[t] + cues.most(t) >= first_at_least
    }
    scores = {t: score for t, score in reached.items() if score is not None}
    other = [
        (t, s)
        for t, s in _ranked(scores)
        if s >= needed and s >= words[first_topic] + cues.added(first_topic) and not _not_a_report(analysis, t, place)
    ]
    if not other:
        return (
            _billing_matter(analysis, body, settings, first_topic, place, needed, explicit=opening.explicit)
            or _fault_after_billing(analysis, body, settings, first_topic, opening)
            or _usage_matter(analysis, body, settings, first_topic, opening)
            or _asked_apart(analysis, body, settings, opening, words)
        )
    topic, score = other[0]
    pair = _pair(first_topic, topic)
    # Two sides of one problem (a channel that pirates and scams) need the topic's own words, not cues, unless
    # the writer says outright that this is another matter ("P.S.").
    own_words = words[topic] >= needed and words[topic] >= words[first_topic]
    if pair in settings.pair_strong and not (own_words or opening.explicit):
        return []
    if pair in settings.intertwined and not (
        (opening.marked or body.announced) and _separate_side(analysis, topic, place)
    ):
        return []
    first_place = _strongest_place(body, first_topic, place.start) or body.paragraphs[0]
    # A support matter told in payment's words is named as the payment matter it is ("支付问题", not "技术问题").
    if topic == "support" and _billing_score(analysis, place.text) >= settings.billing_strong:
        topic = _BILLING
    evidence = [Evidence(first_topic, earlier[first_topic], first_place), Evidence(topic, score, place)]
    return _without_own_account_abuse(analysis, evidence)


def _weighed(analysis: Analysis, body: _Body, settings: _Settings, opening: _Opening) -> dict[str, float]:
    """A unit's topic scores, with what its words alone do not weigh: a fault it reports ("发语音总是失败",
    "I get 'An error occurred'") after a new-matter word, or once several matters were announced, is a
    technical problem; legal words in a threat
    ("我就找律师起诉你们", "I'll see you in court") are pressure, not a legal matter."""
    place = opening.segment
    words = body.scores(place)
    threatened = words["legal"] > 0 and _holds_threat(analysis, place)
    # Not a unit that reports what was tried ("尝试用短信重新登录：收不到验证码"), nor one before the words that
    # announce several matters.
    announced = body.announced_from is not None and body.announced_from <= place.start
    # A payment gone wrong ("扣了两次款") is named as the payment matter it is (`_billing_matter`).
    fault = (
        (opening.marked or announced)
        and opening.needed < settings.strong
        and _reports_fault(analysis, place)
        and _billing_score(analysis, place.text) < settings.billing_strong
    )
    if not (threatened or fault):
        return words
    words = dict(words)
    if threatened:
        words["legal"] = 0.0
    if fault:
        words["support"] += settings.fault_report
        if opening.explicit:
            # "On a separate note, my account stopped receiving login codes": the writer says outright that another
            # matter starts, and it is a fault, so the technical matter it needs no more words to be.
            words["support"] = max(words["support"], opening.needed)
    return words


def _reports_fault(analysis: Analysis, place: Segment) -> bool:
    """Whether the writer reports a fault inside `place` (the malfunction recognizer's, not a subject tag)."""
    return any(
        span.part == "body" and place.start <= span.start < place.end and not span.evidence[0].startswith("tag:")
        for span in analysis.spans(MALFUNCTIONS)
    )


def _holds_threat(analysis: Analysis, place: Segment) -> bool:
    """Whether a threat or an ultimatum of the writer's stands inside `place`."""
    return any(
        span.part == "body" and place.start <= span.start < place.end and span.facts.get("kind") == "threat"
        for span in analysis.spans(HOSTILE_TERMS)
    )


def _billing_matter(
    analysis: Analysis,
    body: _Body,
    settings: _Settings,
    first_topic: str,
    place: Segment,
    needed: float,
    *,
    explicit: bool = False,
) -> list[Evidence]:
    """A payment matter (a double charge, a refund) appended to a technical one: both for support@, but two
    problems. Only when the mail so far said nothing of payment. After an account-security matter, only when the
    writer says outright that another matter starts ("另外还有一件事", "One more thing:") and it is not what the
    intruder did with the account ("the hacker bought Premium with my card")."""
    if first_topic == "security":
        if not (explicit or body.announced) or lexicon_of(analysis, "mixed", "intruder").search(place.text) is not None:
            return []
    elif first_topic != "support":
        return []
    billing = _billing_score(analysis, place.text)
    if billing < max(needed, settings.billing_strong) or body.billing_before(place.start) > settings.billing_quiet:
        return []
    earlier = body.earlier(place.start)
    first_place = _strongest_place(body, first_topic, place.start) or body.paragraphs[0]
    return [Evidence(first_topic, earlier[first_topic], first_place), Evidence(_BILLING, billing, place)]


def _fault_after_billing(
    analysis: Analysis, body: _Body, settings: _Settings, first_topic: str, opening: _Opening
) -> list[Evidence]:
    """A fault told after a payment matter, in a mail that announced several matters ("Two things: 1) I was charged
    twice for Premium … 2) Also, the desktop app crashes when I open a video", "有两个问题：1. 购买 Premium 扣款成功但
    没有生效 2. 另外，动态表情一直显示成黑块"), in a listed item a marker opens ("1. 误购了 Premium，想退款 2. 另外，
    贴纸显示不出来"), or in a unit a marker that says so outright opens: both for support@, but two problems, as a
    payment after a fault is (`_billing_matter`). Not a fault that is the payment's own (its unit speaks of
    paying)."""
    place = opening.segment
    if first_topic != "support" or not (opening.explicit or (opening.marked and (body.announced or opening.listed))):
        return []
    billing = body.billing_before(place.start)
    if billing < settings.billing_strong or not _reports_fault(analysis, place):
        return []
    if _billing_score(analysis, place.text) > 0:
        return []  # "2) Also, Premium still does not work": the payment's own fault
    billing_place = next(
        (p for p in body.paragraphs if p.start < place.start and _billing_score(analysis, p.text) > 0), None
    )
    if billing_place is None:
        return []
    return [Evidence(_BILLING, billing, billing_place), Evidence(first_topic, opening.needed, place)]


def _asked_apart(
    analysis: Analysis, body: _Body, settings: _Settings, opening: _Opening, words: Mapping[str, float]
) -> list[Evidence]:
    """A question asked after a marker that says outright it is another matter (`question_markers` of the mixed
    packs: "Unrelated, but is there a way to…", "另外还有一个问题：……能不能释放给我？"): a second problem however few
    topic words it has (the issue: "顺便问一下", "另外还想" introducing an unrelated request). Not a question on how
    to fix the first (`remedies`), and only after a first matter the writer's words are about."""
    place = opening.segment
    if not opening.marked or not body.asks(place):
        return []
    start = leading_noise_end(place.text)
    marker = lexicon_of(analysis, "mixed", "question_markers").search(place.text[start : start + _MARKER_REACH])
    # At the unit's start, or after the few words that lead to it ("另外还想顺便问一下", "Also, one more question").
    if marker is None or not compiled(_MARKER_LEAD).fullmatch(place.text, start, start + marker.start):
        return []
    if lexicon_of(analysis, "mixed", "remedies").search(place.text) is not None:
        return []
    earlier = body.earlier(place.start)
    first_topic = _topic_so_far(body, settings, earlier)
    first_place = _strongest_place(body, first_topic, place.start) if first_topic else None
    if first_topic is None or first_place is None:
        return []
    best = max(words, key=lambda t: words[t])
    topic = best if words[best] > 0 and best != first_topic else _USAGE
    return [Evidence(first_topic, earlier[first_topic], first_place), Evidence(topic, opening.needed, place)]


# How far into a unit its marker may end: "Also, unrelated:" after the unit's leading noise.
_MARKER_REACH = 24
# What may come before a question's marker in its unit: a few words, no end of a sentence.
_MARKER_LEAD = r"[^。.!?！？\n]{0,8}"


def _usage_matter(
    analysis: Analysis, body: _Body, settings: _Settings, first_topic: str, opening: _Opening
) -> list[Evidence]:
    """A question on how to use the app ("Also, how do I gift Premium?", "另外想问一下怎么把手机号换成新号码")
    opened by a marker after a report that something is broken: both for support@, but two problems, and the
    fault's report does not answer the question. Not when the question is how to fix the fault ("Also, how do I
    get my chats back?": the pack's `remedies`), when it reports what was tried, or when the mail so far was a
    usage question itself."""
    place = opening.segment
    if first_topic != "support" or not opening.marked or opening.needed >= settings.strong:
        return []
    usage = [cue.pattern for cue in _cues(analysis) if cue.name == _USAGE_CUE]
    if not any(pattern.searches(place.text, lambda: _copy_of_place(analysis, place)) for pattern in usage):
        return []
    if lexicon_of(analysis, "mixed", "remedies").search(place.text) is not None:
        return []
    before = Segment(0, place.start, analysis.body_text[: place.start])
    if any(pattern.searches(before.text, lambda: _copy_of_place(analysis, before)) for pattern in usage):
        return []
    # A fault the writer describes, in the subject or before the question: a tag alone ("[Technical Issue]") is
    # what many usage questions are sent under.
    faults = [
        span
        for span in analysis.spans(MALFUNCTIONS)
        if not span.evidence[0].startswith("tag:") and (span.part == "subject" or span.end <= place.start)
    ]
    if not faults:
        return []
    told = [span.start for span in faults if span.part == "body"]
    first_place = next((p for p in body.paragraphs if told and p.start <= told[0] < p.end), None)
    # Told in the subject only: the body's words about it are those just before the question.
    before_question = [p for p in body.paragraphs if p.start < place.start]
    first_place = first_place or _strongest_place(body, first_topic, place.start)
    first_place = first_place or (before_question or body.paragraphs)[-1]
    if first_place.end > place.start:
        # The fault and the question in one paragraph: the fault is what comes before the question.
        first_place = Segment(first_place.start, place.start, analysis.body_text[first_place.start : place.start])
    earlier = body.earlier(place.start)
    return [Evidence(first_topic, earlier[first_topic], first_place), Evidence(_USAGE, opening.needed, place)]


def _not_a_report(analysis: Analysis, topic: str, place: Segment) -> bool:
    """Spam words about the app's report feature ("the report button does nothing") or the writer's own account
    being limited ("@SpamBot says my account is limited because users reported it") are a support matter."""
    return topic == "abuse" and lexicon_of(analysis, "mixed", "not_a_report").search(place.text) is not None


def _separate_side(analysis: Analysis, topic: str, place: Segment) -> bool:
    """For topics that are usually one story: a security unit about the writer's own account ("my account";
    not "I am", which says so only before a handle: "where I am a moderator") or about someone else's ("my
    friend's account", `other_people` and `other_accounts`), or an abuse unit that names a third party, is a matter
    of its own."""
    if topic == "security":
        if _someone_elses_account(analysis, place.text):
            return True  # another matter than the writer's first one
        label_only = set(map(str.casefold, analysis.pack("account").get("handle_only_context", ())))
        own = lexicon_of(analysis, "account", "own_context").finditer(place.text)
        return any(found.term.casefold() not in label_only for found in own)
    if topic == "abuse":
        return _names_someone(analysis, place) or _names_offender(analysis, place)
    return True


def _someone_elses_account(analysis: Analysis, text: str) -> bool:
    """ "my friend's account", "我老婆的账号", "公司的另一个号": one of the mixed pack's `other_people` followed at once
    by one of its `other_accounts`."""
    accounts = lexicon_of(analysis, "mixed", "other_accounts")
    # What is read after a person's word: as much as the longest account word.
    reach = max(map(len, strings(analysis.pack("mixed"), "other_accounts", source="mixed")), default=0)
    for person in lexicon_of(analysis, "mixed", "other_people").finditer(text):
        found = accounts.search(text[person.end : person.end + reach])
        if found is not None and found.start == 0:
            return True
    return False


def _names_offender(analysis: Analysis, place: Segment) -> bool:
    """Whether `place` names someone by what they are called ("有个叫“USDT 承兑”的人骗了我", "a channel called
    'Free Crypto'"): the details pack's `offender_named`."""
    found = pack_pattern(analysis.packs, "details", "offender_named")
    return found is not None and found.searches(place.text, _copy_of_place(analysis, place))


def _strongest_place(body: _Body, topic: str, before: int) -> Segment | None:
    """The unit with the most evidence for `topic` among those that end before `before`."""
    ends, best = body.strongest_so_far(topic)
    index = bisect.bisect_right(ends, before)
    return best[index - 1] if index else None


def matters(analysis: Analysis) -> list[Evidence]:
    """The draft's separate matters, each topic's first part in the mail's order: two or more make a mixed mail
    (TG701). Found once per draft."""

    def build() -> list[Evidence]:
        body = _Body(analysis)
        return _all_parts(strong_evidence(analysis, body) + marked_evidence(analysis, body))

    return analysis.memo(matters, build)


def mailbox_topic(analysis: Analysis, topic: str) -> str:
    """The mailbox topic of a matter's topic (a payment matter is support@'s)."""
    return str(analysis.pack("mixed").get("facets", {}).get(topic, topic))


def addressed_matter(analysis: Analysis) -> str | None:
    """In a mail of several matters sent to the one official mailbox that handles its first, that matter's topic: the
    writer chose the mailbox of the matter the mail is for, and the others are to be split off (TG701 says so), not
    a reason to send the whole mail elsewhere. Not when the writer's tag names another matter."""
    found = matters(analysis)
    if len(found) < 2:
        return None
    addressed = analysis.addressed_topics
    if len(addressed) != 1:
        return None
    topic = next(iter(addressed))
    if analysis.tag_topic not in (None, topic):
        return None  # the writer's own tag names another matter: two choices disagree, the words decide
    return topic if mailbox_topic(analysis, found[0].topic) == topic else None


def leading_noise_end(text: str) -> int:
    """Where a part's words start, past list marks and spaces."""
    lead = compiled(_LEADING_NOISE).match(text)
    return lead.end() if lead else 0


def excerpt(text: str) -> str:
    """A part's first words, for a message."""
    words = " ".join(text.split())
    return words if len(words) <= _EXCERPT else words[:_EXCERPT].rstrip() + "…"


def _all_parts(evidence: list[Evidence]) -> list[Evidence]:
    """Each topic's first part, in the mail's order: both ways may find parts, and the message names them all."""
    first: dict[str, Evidence] = {}
    starts: set[int] = set()
    for item in sorted(evidence, key=lambda e: e.segment.start):
        # One place is one part, whichever way named it (a payment unit found as support's and as payment's).
        if item.topic not in first and item.segment.start not in starts:
            first[item.topic] = item
            starts.add(item.segment.start)
    return list(first.values())
