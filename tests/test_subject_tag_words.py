"""A subject tag the tag lists lack that names its matter in words the topic packs weigh whole is a known tag
of that mailbox (issue 12, fixtures/voices6 en/094 "[Speaking Invitation]", zh/045 "[个人信息]", en/078
"[Appeal]"): the guide asks for a tag saying which kind of problem it is, and such a tag does. Generated from
the topic packs' own whole-weight words, in both languages; tags that name no kind stay unknown (TG102)."""

from __future__ import annotations

import random
import tomllib
from pathlib import Path

import pytest
from lintkit import lint

from tglint.packs import load_packs
from tglint.topic import read_tag, score_topics

RULES = Path(__file__).resolve().parent.parent / "rules"
PACKS = load_packs(())
HEADER = {
    "en": "To: {box}@telegram.org\nSubject: [{tag}] - {words}\n\n",
    "zh": "收件人：{box}@telegram.org\n主题：[{tag}] - {words}\n\n",
}


_LISTED = {
    tag.casefold()
    for language in ("en", "zh")
    for table in [tomllib.loads((RULES / language / "subject.toml").read_text(encoding="utf-8"))]
    for tag in [*table.get("tags", {}), *table.get("open_tags", [])]
}


def _whole_words(language: str) -> list[tuple[str, str]]:
    """(word, topic) of the language's topic pack, weighed 1.0 or more for one mailbox, not a listed tag."""
    table = tomllib.loads((RULES / language / "topics.toml").read_text(encoding="utf-8"))
    found = []
    for topic, words in table.items():
        if not isinstance(words, dict) or topic not in ("support", "security", "abuse", "press", "legal"):
            continue
        for word, weight in words.items():
            if not isinstance(weight, (int, float)) or weight < 1.0 or len(word) > 24 or not word.strip():
                continue
            if any(tag in word.casefold() for tag in _LISTED):
                continue  # a listed tag, or one inside it: known already
            scores = score_topics(word, PACKS)
            if max(scores, key=lambda t: scores[t]) == topic and sorted(scores.values())[-2] < scores[topic]:
                found.append((word, topic))
    return sorted(found)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_tag_in_a_mailboxs_whole_words_is_known_and_of_that_mailbox(language: str) -> None:
    words = _whole_words(language)
    assert len(words) >= 40, words
    for word, topic in random.Random(12).sample(words, 40):
        assert read_tag(word, PACKS) == (True, topic), word
        draft = HEADER[language].format(box=topic, tag=word, words="x") + "Hello.\n"
        assert "TG102" not in {f.rule for f in lint(draft).findings}, word


@pytest.mark.parametrize(
    ("language", "tag"),
    [
        ("en", "Help"),
        ("en", "Urgent"),
        ("en", "Question"),
        ("en", "Request"),
        ("en", "Account"),
        ("zh", "问题"),
        ("zh", "求助"),
        ("zh", "紧急"),
        ("zh", "投诉"),
        ("zh", "账号"),
    ],
)
def test_a_tag_naming_no_kind_stays_unknown(language: str, tag: str) -> None:
    draft = HEADER[language].format(box="support", tag=tag, words="x") + "Hello.\n"
    assert "TG102" in {f.rule for f in lint(draft).findings}
