"""The topic-term recognizer: terms with their topics and weights, denied as the text model says."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from lintkit import _PACKS, draft_of, lint

from tglint.analysis import Analysis
from tglint.config import Settings
from tglint.packs import PackError, load_packs
from tglint.recognizers import Span
from tglint.recognizers.topics import KIND, TOPIC_TERMS, TopicTerm
from tglint.topic import classify_topic, score_topics, topic_terms


def _analysis(text: str) -> Analysis:
    return Analysis(draft_of(text), Settings(), _PACKS)


def _terms(text: str, part: str = "body") -> dict[str, TopicTerm]:
    return {found.term: found for found in TOPIC_TERMS.terms(_analysis(text), part)}


def test_spans_carry_the_topics_the_weights_and_the_evidence() -> None:
    text = "Subject: [Technical Issue] - help\n\nMy account was not hacked. Someone sends spam from it.\n"
    analysis = _analysis(text)
    spans = {analysis.body_text[s.start : s.end]: s for s in analysis.spans(TOPIC_TERMS)}
    hacked, spam = spans["hacked"], spans["spam"]
    assert hacked.kind == spam.kind == KIND and hacked.part == "body"
    assert hacked.facts["topics"]["security"] > 0 and spam.facts["topics"]["abuse"] > 0
    assert hacked.evidence == ("term:hacked", "denied:was not")
    assert hacked.facts["denial"] == analysis.body_text.index("was not hacked")
    assert spam.evidence == ("term:spam",) and spam.facts["denial"] is None


def test_found_once_per_draft_and_shared() -> None:
    analysis = _analysis("Subject: x\n\nThe app crashes.\n")
    assert analysis.spans(TOPIC_TERMS) is analysis.spans(TOPIC_TERMS)
    assert TOPIC_TERMS.terms(analysis) is TOPIC_TERMS.terms(analysis)
    assert topic_terms(analysis) is analysis.topic_verdict.body_terms


@pytest.mark.parametrize(
    ("body", "term", "denied"),
    [
        ("我的账号没有被盗，只是找不到归档。", "被盗", True),
        ("I have no idea why my account was hacked.", "hacked", False),  # "no idea" denies nothing
        # A clause opened by "but" / "但是" is a statement of its own: the denial before it stays there.
        ("My account was not stolen but it was hacked.", "hacked", False),
        ("账号没有被冻结，但是被盗了。", "被盗", False),
        # The reach: three characters between cue and word; a relative clause's head is not denied.
        ("最近多次收到我没有请求过的登录验证码。", "登录验证码", False),
        ("有别人登录了我的账号，还发了诈骗链接。", "诈骗", False),
        ("请勿点击诈骗链接。", "诈骗", False),  # a prohibition: the scam exists
    ],
)
def test_a_term_is_denied_as_the_text_model_says(body: str, term: str, denied: bool) -> None:
    found = _terms(f"Subject: x\n\n{body}\n")[term]
    assert found.denied() is denied


def test_a_support_symptom_written_negated_is_not_denied() -> None:
    # "not syncing" says what "syncing fails" says: support terms are not deniable, and nothing is looked up.
    analysis = _analysis("Subject: x\n\nMessages are not syncing between my phone and laptop.\n")
    (syncing,) = TOPIC_TERMS.terms(analysis)
    assert syncing.term == "syncing" and not syncing.denied()
    assert "_negation" not in vars(analysis.text_model("body"))  # the cues were never searched for
    assert analysis.text_model("body").negated(analysis.body_text.index("syncing"))  # though a cue stands there


def test_a_denial_in_a_quoted_reply_does_not_reach_the_writers_words() -> None:
    text = "Subject: Re: x\n\n> Your account was not\nhacked, I am sure now: someone logged in from Brazil.\n"
    assert not _terms(text)["hacked"].denied()


def test_the_subject_words_start_after_the_tag() -> None:
    # "Not" belongs to the tag: it denies no word of the description.
    text = "Subject: [Not spam] - Hacked account sends spam\n\nHello.\n"
    analysis = _analysis(text)
    found = TOPIC_TERMS.terms(analysis, "subject")
    words = analysis.subject_text[analysis.subject_words_start :]
    assert [f.term for f in found] == ["hacked", "spam"] and all(not f.denied() for f in found)
    assert all(f.start >= analysis.subject_words_start for f in found) and words == " - Hacked account sends spam"


def test_the_verdict_is_the_same_from_the_recognizer_and_from_the_text() -> None:
    subject = "[Account Security] - Account hacked"
    body = "Someone logged into my account from an unknown device. It was not a scam message."
    analysis = _analysis(f"Subject: {subject}\n\n{body}\n")
    standalone = classify_topic(subject, body, None, _PACKS)
    verdict = analysis.topic_verdict
    assert (verdict.topic, verdict.scores, verdict.confident) == (
        standalone.topic,
        standalone.scores,
        standalone.confident,
    )


def test_score_topics_reads_negation_from_the_text_model() -> None:
    assert score_topics("My account was not stolen but it was hacked", _PACKS)["security"] > 0
    assert score_topics("有别人登录了我的账号", _PACKS)["security"] > 0


@pytest.mark.parametrize(
    ("pack", "named"),
    [
        ('[negation]\ncues = ["nope"]\n', "[negation]"),
        ("[settings]\nlatin_window = 40\n", "[settings] latin_window"),
    ],
)
def test_negation_set_in_the_topics_pack_is_refused_by_name(tmp_path: Path, pack: str, named: str) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "topics.toml").write_text(pack, encoding="utf-8")
    # Refused when the packs load (an unknown top-level key) or when the topics are read.
    with pytest.raises(PackError) as raised:
        score_topics("spam", load_packs([tmp_path]))
    said = str(raised.value)
    assert ("moved to the text packs" in said and named in said) or "unknown key `negation`" in said


def test_rules_read_the_terms_without_the_spans_made(monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[str] = []
    original = type(TOPIC_TERMS).recognize

    def spy(self: object, analysis: Analysis) -> Iterator[Span]:
        made.append(analysis.body_text)
        yield from original(TOPIC_TERMS, analysis)

    monkeypatch.setattr(type(TOPIC_TERMS), "recognize", spy)
    result = lint(
        "To: support@telegram.org\nSubject: [Technical Issue] - crash\n\nMy account was hacked. The app crashes.\n"
    )
    assert result.topic is not None and made == []


def test_the_terms_are_what_the_spans_say() -> None:
    rng = random.Random(8)
    words = ["hacked", "not hacked", "spam", "scam", "crashes", "没有被盗", "被盗了", "闪退", "copyright", "interview"]
    subjects = ["[Technical Issue] - crash", "Re: account hacked", "【账户安全】被盗", ""]
    seen = 0
    for _ in range(300):
        body = rng.choice([" ", ". ", "，", "\n"]).join(rng.choice(words) for _ in range(rng.randint(0, 8)))
        analysis = _analysis(f"Subject: {rng.choice(subjects)}\n\n{body}\n")
        spans = analysis.spans(TOPIC_TERMS)
        for part in ("subject", "body", "attachments"):
            expected = [TopicTerm(s.start, s.end, s.facts["term"], s.facts["denial"]) for s in spans if s.part == part]
            assert list(TOPIC_TERMS.terms(analysis, part)) == expected, (part, body)
            seen += len(expected)
    assert seen > 500
