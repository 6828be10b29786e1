"""The mixed-issue rule's shortcuts give what the plain ways give: cues looked for only while a topic can still
reach the evidence needed, and a body without "@" or a link's start holding no @username or t.me link."""

from __future__ import annotations

import random
import re
from typing import Any, cast

from lintkit import analysis_of

from tglint.analysis import Analysis
from tglint.models import TOPICS
from tglint.recognizers.accounts import identifier_pattern
from tglint.recognizers.matters import Segment, _Body, _Cue, _CueRegex, _CueScores, _markers, _names_someone, _openings

_TOPICS = ("support", "abuse", "legal")
_WORDS = ("crash", "scam", "photo", "refund", "hello")
_WEIGHTS = (2.0, 1.5, 2.5, 0.1, 0.2, 0.7, 0.0, -0.1, -0.5, -1.0, -0.3, 3.3)


class _Packs:
    """Just what `_CueScores` asks of the packs: the cues, and what it derives from them."""

    def __init__(self, cues: tuple[_Cue, ...]) -> None:
        self._derived: dict[Any, Any] = {("mixed", "cues"): cues}

    def derived(self, key: Any, build: Any) -> Any:
        if key not in self._derived:
            self._derived[key] = build()
        return self._derived[key]


class _Draft:
    def __init__(self, cues: tuple[_Cue, ...]) -> None:
        self.packs = _Packs(cues)


def _plain_added(cues: tuple[_Cue, ...], topic: str, text: str) -> float:
    added = 0.0
    for cue in cues:
        if cue.topic == topic and (cue.also is None or cue.also.regex.search(text)) and cue.pattern.regex.search(text):
            added += cue.weight
    return added


def _whole(regex: str) -> _CueRegex:
    """A cue's regex list without anchors: searched whole."""
    return _CueRegex(re.compile(regex), [regex], None)


def test_cues_looked_for_until_out_of_reach_give_the_plain_sum() -> None:
    rng = random.Random(11)
    given_up = 0
    for case in range(3000):
        cues = tuple(
            _Cue(
                f"cue{n}",
                rng.choice(_TOPICS),
                rng.choice(_WEIGHTS),
                _whole(rng.choice(_WORDS)),
                _whole(rng.choice(_WORDS)) if rng.random() < 0.3 else None,
                False,
            )
            for n in range(rng.randint(1, 6))
        )
        text = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(0, 4)))
        topic = rng.choice(_TOPICS)
        words = rng.choice((0.0, 0.5, 1.9, 2.0, 3.1))
        floor = rng.choice((1.5, 2.0, 2.2, 3.0, 4.0, 5.5))
        plain = words + _plain_added(cues, topic, text)
        scores = _CueScores(cast(Analysis, _Draft(cues)), Segment(0, len(text), text))
        reached = scores.reaching(topic, words, floor)
        if reached is None:
            given_up += 1
            assert plain < floor, (case, text, topic, words, floor)
        else:
            assert reached == plain, (case, text, topic, words, floor)
        # Asked again in full, as for the first topic: the plain sum, whatever was looked for before.
        assert words + scores.added(topic) == plain
    assert given_up > 50  # the shortcut is taken, not only the plain way


_PIECES = (
    "Contact @scammer_bot now. ",
    "see t.me/abcdef please. ",
    "mail me: user@example.com ",
    "＠someone_x is rude. ",
    "HTTPS://T.ME/xyz12 ",
    "telegram.me/joinchat/abcd ",
    "Nothing here at all. ",
    "@ab ",
    "我的账号是 @lin_xiaoyu 。",
    "What about the \u212a thing? ",
)


def test_a_body_without_an_identifiers_anchor_names_no_one_in_any_piece() -> None:
    rng = random.Random(5)
    patterns = [identifier_pattern(analysis_of("Subject: x\n\nx"), key) for key in ("handle", "link")]
    for _ in range(60):
        body = "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 4)))
        analysis = analysis_of("To: support@telegram.org\nSubject: x\n\n" + body)
        text = analysis.body_text
        for _ in range(12):
            start = rng.randrange(len(text) + 1)
            end = rng.randrange(start, len(text) + 1)
            piece = text[start:end]
            plain = any(p is not None and p.search(piece) for p in patterns)
            assert _names_someone(analysis, Segment(start, end, piece)) == plain, (text, start, end)


_SENTENCES = (
    "The app crashes.",
    "Also, a scam channel!",
    "also the refund?",
    "- Also: my card.",
    "> 另外还有一个问题。",
    "  Second thing: spam.",
    "Almost done.",
    "P.S. one more thing.",
    "\u212aelvin sign here.",
    "ALSO\nloud.",
    "另外，退款。",
    "Secondly, nothing.",
    "* * besides that, stickers.",
)


def test_the_sentences_opening_a_new_matter_are_those_a_marker_opens() -> None:
    rng = random.Random(7)
    for _ in range(80):
        paragraphs = [" ".join(rng.choice(_SENTENCES) for _ in range(rng.randint(1, 5))) for _ in range(3)]
        analysis = analysis_of("To: support@telegram.org\nSubject: x\n\n" + "\n\n".join(paragraphs))
        body = _Body(analysis)
        text, markers = analysis.body_text, _markers(analysis)
        expected = [
            (sentence.start, weight)
            for block in body.blocks
            for sentence in body.model.sentences_in(block.start + 1, block.end)
            if (weight := markers.opening(text, sentence.start)) is not None
        ]
        block_starts = {block.start for block in body.blocks}
        found = [opening.segment.start for opening in _openings(analysis, body)]
        found = [start for start in found if start not in block_starts]
        assert found == [start for start, _ in expected], text


_PARAGRAPHS = (
    "My account was hacked and someone logged in from a new device.",
    "Also, a spam channel scams people with a fake crypto giveaway. Please ban it.",
    "I was charged twice for Premium and want a refund.",
    "1. The app crashes on start.\n2. Voice messages do not play.",
    "我的账号被盗了。另外，有人冒充我诈骗。",
    "Thanks.",
)


def _plain_earlier(body: _Body, position: int) -> dict[str, float]:
    total = dict.fromkeys(TOPICS, 0.0)
    for block in body.blocks:
        if block.start > position:
            break
        if position >= block.end or position == block.start:
            parts = [block] if position >= block.end else []
        else:
            parts = [s for s in body.sentences(block) if s.end <= position]
        for part in parts:
            scores = body.scores(part)
            total = {t: total[t] + scores[t] for t in TOPICS}
    return total


def test_what_the_mail_says_before_a_place_is_added_up_as_far_as_asked() -> None:
    rng = random.Random(3)
    for _ in range(40):
        text = "\n\n".join(rng.choice(_PARAGRAPHS) for _ in range(rng.randint(1, 6)))
        body = _Body(analysis_of("To: support@telegram.org\nSubject: x\n\n" + text))
        positions = [rng.randrange(len(body.analysis.body_text) + 1) for _ in range(8)]
        positions += [block.start for block in body.blocks] + [block.end for block in body.blocks]
        rng.shuffle(positions)  # asked in any order, later blocks first too
        for position in positions:
            assert body.earlier(position) == _plain_earlier(body, position), (text, position)


_ATTEMPT_PIECES = (
    "I tried",
    "i  TRIED",
    "have\ntried",
    "tried",
    "re",
    "reinstalled",
    "re-installed",
    "cleared the   cache",
    "cleared cache",
    "didn't help",
    "no change",
    "still the same",
    "试过",
    "尝试",
    "没有用",
    "没用",
    "重新安装",
    "一切正常",
    "x",
    "untried",
    "the",
    "cache",
    "1",
    "_",
)
_GLUE = ("", " ", "  ", "\n", "\n\n", "\t", "，", ". ", "-", "a")


def test_a_piece_holds_a_troubleshooting_word_as_searching_it_says() -> None:
    rng = random.Random(17)
    found = 0
    for _ in range(150):
        body_text = "".join(rng.choice(_ATTEMPT_PIECES) + rng.choice(_GLUE) for _ in range(rng.randint(1, 12)))
        analysis = analysis_of("To: support@telegram.org\nSubject: x\n\n" + body_text)
        body = _Body(analysis)
        text = analysis.body_text
        attempts = analysis.lexicon("mixed", "troubleshooting")
        for _ in range(25):
            start = rng.randrange(len(text) + 1)
            end = rng.randrange(start, len(text) + 1)
            piece = text[start:end]
            plain = attempts.search(piece) is not None
            assert body.tells_attempts(Segment(start, end, piece)) == plain, (text, start, end)
            found += plain
    assert found > 300
