"""The tone recognizers: hostile terms with their weight and kind, runs of capitals, runs of marks,
all in the writer's own voice as the text model draws it (quotations, sentences, negation)."""

from __future__ import annotations

import random
import re

import pytest
from lintkit import _PACKS, draft_of

from tglint.analysis import Analysis
from tglint.config import Settings
from tglint.lexicon import TermMatch, ascii_lower
from tglint.recognizers import Span, tone
from tglint.recognizers.tone import HOSTILE_TERMS, PUNCTUATION_RUNS, SHOUTING, Censored

EN = "To: support@telegram.org\nSubject: [Technical Issue] - Messages not sending\n\n"
ZH = "To: support@telegram.org\nSubject: [技术问题] - 消息发送失败\n\n"


def _spans(body: str, recognizer: object, head: str = "") -> tuple[Analysis, tuple[Span, ...]]:
    head = head or (ZH if any("\u4e00" <= c <= "\u9fff" for c in body) else EN)
    analysis = Analysis(draft_of(head + body + "\n"), Settings(), _PACKS)
    return analysis, analysis.spans(recognizer)  # type: ignore[arg-type]


def terms(body: str) -> list[str]:
    analysis, found = _spans(body, HOSTILE_TERMS)
    return [analysis.body_text[s.start : s.end] for s in found if s.part == "body"]


def test_a_hostile_term_carries_its_kind_weight_and_evidence() -> None:
    analysis, found = _spans("Your garbage app lost my chats, which is ridiculous.", HOSTILE_TERMS)
    first, second = found
    assert (first.kind, first.part, analysis.body_text[first.start : first.end]) == (
        "hostile-term",
        "body",
        "garbage app",
    )
    assert first.facts == {"kind": "insult", "weight": 3.0, "term": "garbage app"}
    assert first.evidence == ("lexicon:insult", "term:garbage app") and first.confidence == 1.0
    assert second.facts["kind"] == "complaint" and second.confidence < first.confidence


def test_terms_in_the_subject_are_found_after_its_tag() -> None:
    head = "To: support@telegram.org\nSubject: [Technical Issue] - Your useless app again\n\n"
    _, found = _spans("The app crashes on start.", HOSTILE_TERMS, head)
    assert [(s.part, s.facts["term"]) for s in found] == [("subject", "useless app")]


@pytest.mark.parametrize(
    ("body", "found"),
    [
        # A denial close before a term: the text model's denials, at most two words before it.
        ("This is not a scam company, it is my employer.", []),
        ("我没有说你们是垃圾软件。", []),
        ("我不想投诉你们，但是问题一直没解决。", []),
        # Too far to deny it: "don't" five words before "report ... to".
        ("If you people don't ban him TODAY I will report Telegram to the FTC.", ["you people", "report Telegram to"]),
        # A phrase that holds a denial but asserts.
        ("I won't hesitate to sue you.", ["sue you"]),
        # 别 inside 特别 or 别人 denies nothing.
        ("这个更新特别恶心，特别差劲。", ["恶心", "差劲"]),
        ("别人的账号也这样，真的无语。", ["无语"]),
    ],
)
def test_denied_terms_are_not_said(body: str, found: list[str]) -> None:
    assert terms(body) == found


@pytest.mark.parametrize(
    "body",
    [
        'He wrote: "you are a useless idiot, pay me or else".',
        "The bot replies with 'send money now, you idiot'.",
        "He keeps calling me an idiot and a moron in private messages.",
        "Examples of his messages, copied exactly:\nyou stupid idiot\nget lost\n\nPlease ban him.",
        "群名叫「傻逼交流群」。",
        "频道《垃圾软件合集》一直发广告。",
    ],
)
def test_quoted_and_reported_words_are_someone_elses(body: str) -> None:
    assert terms(body) == []


def test_reported_words_end_with_their_sentence() -> None:
    assert terms("He called me an idiot. You useless idiots never answer.") == ["useless idiots"]


def test_a_shouting_run_says_how_many_words_it_has() -> None:
    analysis, found = _spans("Every voice message vanishes. I NEED THIS FIXED NOW, please.", SHOUTING)
    [run] = found
    assert analysis.body_text[run.start : run.end] == "NEED THIS FIXED NOW"
    assert (run.kind, run.facts["words"]) == ("shouting", 4)


@pytest.mark.parametrize(
    "body",
    [
        "The login screen says 'ACCESS DENIED FOR YOU' every time.",  # quoted as evidence
        "Since the update the app shows ACCOUNT TEMPORARILY RESTRICTED on start.",  # a screen's text
        "My name is written ZHANG WEI MING in the passport.",  # pinyin
        "DEVICE INFO: iPhone 15, iOS 17.2",  # a label
    ],
)
def test_capitals_that_are_not_shouting(body: str) -> None:
    assert _spans(body, SHOUTING)[1] == ()


@pytest.mark.parametrize(
    ("body", "runs"),
    [
        ("Why does the login code never arrive???", ["???"]),
        ("为什么一直收不到验证码？！？", ["？！？"]),
        ("Since the update contact names are displayed as ??? in the list.", []),
        ("Name: ???", []),
        ('He wrote "PAY NOW!!!" to me.', []),
    ],
)
def test_runs_of_marks(body: str, runs: list[str]) -> None:
    analysis, found = _spans(body, PUNCTUATION_RUNS)
    assert [analysis.body_text[s.start : s.end] for s in found] == runs
    assert all(s.kind == "punctuation-run" for s in found)


def test_each_recognizer_runs_once_per_draft() -> None:
    analysis, first = _spans("You useless idiots!!!", HOSTILE_TERMS)
    assert analysis.spans(HOSTILE_TERMS) is first


def _censored_reference(roots: dict[str, float], suffixes: list[str], text: str) -> list[TermMatch]:
    """Masked obscenities as first written: every word a mask may hide in, tried one by one."""
    words = [(ascii_lower(root + suffix), weight) for root, weight in roots.items() for suffix in ("", *suffixes)]
    looks = {"!": "i", "1": "i", "$": "s", "5": "s", "@": "a", "4": "a", "0": "o", "3": "e"}
    found = []
    for token in re.finditer(r"(?<![\w*#%!$@])[A-Za-z$@][A-Za-z0-9*#%!$@]+", text):
        word = token.group().rstrip("!@$")
        if not word or all(c.isalpha() for c in word):
            continue
        lower = ascii_lower(word)
        if len(word) > 4 and all(c in "*#%" for c in word[1:]):
            continue
        for candidate, weight in words:
            if len(candidate) != len(word) or lower[0] not in (candidate[0], *looks):
                continue
            if all(c == w or c in "*#%" or looks.get(c) == w for c, w in zip(lower, candidate, strict=True)):
                found.append(TermMatch(token.start(), token.start() + len(word), lower, weight))
                break
    return found


def _masked(word: str, rng: random.Random) -> str:
    """The word with some letters masked or written as look-alikes, in some case, with marks after it."""
    marks = {"i": "!1", "s": "$5", "a": "@4", "o": "0", "e": "3"}
    letters = [rng.choice([c, c.upper(), rng.choice("*#%"), rng.choice(marks.get(c, c))]) for c in word]
    return "".join(letters) + rng.choice(["", "", "!", "!!", "@", "$"])


def test_masked_obscenities_are_the_words_a_mask_may_hide_in() -> None:
    # Only the words holding a mark or digit are tried: the same finds as trying every word.
    roots = {"fuck": 3.0, "shit": 3.0, "ass": 2.0, "bitch": 3.0}
    suffixes = ["s", "ing", "ed", "y", "head"]
    censored = Censored(roots, suffixes)
    words = [*(root + suffix for root in roots for suffix in ("", *suffixes)), "word", "as", "i", "a1", "x9y", "_"]
    gaps = ["", " ", "  ", "\n", ",", ".", "-", "_", "é", "中", "*", "$", "@", "1"]
    rng = random.Random(11)
    texts = ["f*ck sh!t $hit @ss f**king b!tch s*** c****n@orange.fr shit!! a1 F*CK", "word " * 40]
    for _ in range(3000):
        count = rng.randint(1, 12)
        texts.append("".join(_masked(rng.choice(words), rng) + rng.choice(gaps) for _ in range(count)))
    found_any = 0
    for text in texts:
        expected = _censored_reference(roots, suffixes, text)
        assert list(censored.finditer(text)) == expected, text
        found_any += bool(expected)
    assert found_any > 300


def test_masked_words_are_searched_in_the_runs_that_may_hold_them() -> None:
    # Every character the word regex treats apart: its own, the marks, "\w" beyond ASCII, "_", and the rest.
    pieces = ["a", "Z", "f", "1", "0", "*", "#", "%", "!", "$", "@", " ", "\n", "_", "é", "中", ".", "-", "ck", "sh"]
    rng = random.Random(5)
    words = re.compile(tone._MARKED_WORD)
    found = 0
    for _ in range(4000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        expected = [m.span() for m in words.finditer(text)]
        assert [m.span() for m in tone.marked_words(text)] == expected, text
        found += len(expected)
    assert found > 2000
