"""The corpus scorer (scripts/score.py) and the labelled corpus it reads."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

import score

from tglint.catalog import builtin_catalog
from tglint.models import CATEGORIES, TOPICS, Severity

CORPUS = score.DEFAULT_CORPUS
LANGUAGES = ("zh", "en")
MIN_POSITIVES = 6
_SCORED = {rule.category for rule in builtin_catalog() if rule.severity is not Severity.INFO}


def _finding(category: str, severity: str = "warning") -> dict[str, Any]:
    return {"rule": "TG000", "name": "made-up", "category": category, "severity": severity}


LABELS = score.parse_labels(
    {
        "zh/001-clean.txt": {"topic": "support", "expect": [], "note": "clean"},
        "zh/002-tone.txt": {"topic": "support", "expect": ["tone"], "note": "shouting"},
        "zh/003-two.txt": {"topic": "abuse", "expect": ["phone", "details"], "note": "two problems"},
        "en/001-clean.eml": {"topic": "press", "expect": [], "note": "clean"},
        "en/002-secret.txt": {"topic": "security", "expect": ["secret"], "note": "password"},
    }
)

REPORT: dict[str, Any] = {
    "version": 1,
    "files": [
        # A clean draft with only an info finding stays clean.
        {"path": "c/zh/001-clean.txt", "topic": "support", "error": None, "findings": [_finding("pii", "info")]},
        {"path": "c/zh/002-tone.txt", "topic": "support", "error": None, "findings": [_finding("tone", "error")]},
        # Finds phone (TP) and subject (FP), misses details (FN), wrong topic.
        {
            "path": "c/zh/003-two.txt",
            "topic": "security",
            "error": None,
            "findings": [_finding("phone"), _finding("subject"), _finding("details", "info")],
        },
        # A clean draft with a warning: an FP and a noisy clean draft.
        {"path": "c/en/001-clean.eml", "topic": "press", "error": None, "findings": [_finding("routing")]},
        # en/002-secret.txt is missing from the report: its secret is a false negative.
    ],
    "summary": {},
}

KEYS = {f"c/{path}": path for path in LABELS}


def _scores() -> dict[str, score.Score]:
    predictions = score.predictions_from_report(REPORT, KEYS)
    return {s.scope: s for s in score.score_all(LABELS, predictions)}


def _category(s: score.Score, name: str) -> score.CategoryScore:
    return next(c for c in s.categories if c.category == name)


def test_predictions_keep_only_loud_findings() -> None:
    predictions = score.predictions_from_report(REPORT, KEYS)
    assert predictions["zh/001-clean.txt"].categories == frozenset()
    assert predictions["zh/003-two.txt"].categories == {"phone", "subject"}
    assert predictions["zh/003-two.txt"].topic == "security"
    assert "en/002-secret.txt" not in predictions


def test_counts_per_language() -> None:
    zh = _scores()["zh"]
    assert zh.drafts == 3 and zh.clean == 1
    assert (_category(zh, "tone").tp, _category(zh, "tone").fp, _category(zh, "tone").fn) == (1, 0, 0)
    assert (_category(zh, "phone").tp, _category(zh, "phone").fp, _category(zh, "phone").fn) == (1, 0, 0)
    assert (_category(zh, "subject").tp, _category(zh, "subject").fp) == (0, 1)
    assert _category(zh, "subject").precision == 0.0
    assert _category(zh, "details").fn == 1 and _category(zh, "details").recall == 0.0
    assert [(m.path, m.category, m.note) for m in zh.false_positives] == [("zh/003-two.txt", "subject", "two problems")]
    assert [(m.path, m.category) for m in zh.false_negatives] == [("zh/003-two.txt", "details")]
    assert zh.topic_correct == 2 and zh.topic_accuracy == pytest.approx(2 / 3)
    assert [(m.path, m.expected, m.predicted) for m in zh.topic_misses] == [("zh/003-two.txt", "abuse", "security")]
    assert zh.noisy_clean == ()


def test_empty_denominators_count_as_perfect() -> None:
    zh = _scores()["zh"]
    attachment = _category(zh, "attachment")
    assert (attachment.tp, attachment.fp, attachment.fn) == (0, 0, 0)
    assert attachment.precision == 1.0 and attachment.recall == 1.0


def test_missing_draft_and_noisy_clean() -> None:
    en = _scores()["en"]
    assert en.noisy_clean == ("en/001-clean.eml",)
    assert _category(en, "routing").fp == 1 and _category(en, "routing").precision == 0.0
    assert _category(en, "secret").fn == 1
    assert [m.path for m in en.errors] == ["en/002-secret.txt"]
    assert en.topic_correct == 1


def test_overall_adds_the_languages() -> None:
    scores = _scores()
    overall = scores[score.OVERALL]
    assert overall.drafts == 5 and overall.clean == 2
    for category in CATEGORIES:
        total = _category(overall, category)
        parts = [_category(scores[lang], category) for lang in ("zh", "en")]
        assert total.tp == sum(p.tp for p in parts)
        assert total.fp == sum(p.fp for p in parts)
        assert total.fn == sum(p.fn for p in parts)


def test_failures_name_every_missed_threshold() -> None:
    missed = score.failures(_scores().values())
    assert "zh: subject precision 0.000 < 0.9" in missed
    assert "zh: details recall 0.000 < 0.85" in missed
    assert "en: 1 clean draft(s) with a warning or error" in missed
    assert any(line.startswith("zh: topic accuracy") for line in missed)
    assert not any("attachment" in line for line in missed)


def test_a_perfect_report_passes() -> None:
    files = [
        {
            "path": path,
            "topic": label.topic,
            "error": None,
            "findings": [_finding(c) for c in sorted(label.expect)],
        }
        for path, label in LABELS.items()
    ]
    predictions = score.predictions_from_report({"files": files}, {})
    assert score.failures(score.score_all(LABELS, predictions)) == []


def test_markdown_and_json_carry_the_numbers() -> None:
    scores = score.score_all(LABELS, score.predictions_from_report(REPORT, KEYS))
    text = score.render_markdown(scores)
    assert "| phone | 1 | 0 | 0 | 1.000 | 1.000 |" in text
    assert "- zh/003-two.txt: subject (two problems)" in text
    assert "- zh/003-two.txt: details (two problems)" in text
    data = score.as_json(scores)
    assert data["passed"] is False
    assert data["scopes"]["zh"]["categories"]["subject"]["fp"] == 1
    assert data["scopes"]["all"]["drafts"] == 5


def test_malformed_labels_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown topic"):
        score.parse_labels({"zh/x.txt": {"topic": "sales", "expect": [], "note": "n"}})
    with pytest.raises(ValueError, match="unknown categories"):
        score.parse_labels({"zh/x.txt": {"topic": "support", "expect": ["grammar"], "note": "n"}})


def test_coverage_problems() -> None:
    labels = score.parse_labels({"zh/a.txt": {"topic": "support", "expect": [], "note": "n"}})
    assert score.coverage_problems(labels, ["zh/a.txt"]) == []
    assert score.coverage_problems(labels, ["zh/b.txt"]) == [
        "zh/b.txt: draft has no label",
        "zh/a.txt: label for a draft that does not exist",
    ]


# --- the corpus itself -----------------------------------------------------------------

CORPUS_LABELS = score.load_labels(CORPUS)


def test_every_draft_is_labelled_and_every_label_has_a_draft() -> None:
    assert score.coverage_problems(CORPUS_LABELS, score.corpus_drafts(CORPUS)) == []


def test_corpus_labels_use_known_topics_and_categories() -> None:
    for path, label in CORPUS_LABELS.items():
        assert label.topic in TOPICS, path
        assert label.expect <= set(CATEGORIES), path
        assert score.language_of(path) in LANGUAGES, path


@pytest.mark.parametrize("language", LANGUAGES)
def test_corpus_balance(language: str) -> None:
    labels = [label for path, label in CORPUS_LABELS.items() if score.language_of(path) == language]
    assert len(labels) >= 66
    clean = sum(1 for label in labels if not label.expect)
    assert 3 * clean >= len(labels), f"{clean} clean of {len(labels)}"
    positives = Counter(category for label in labels for category in label.expect)
    # A category whose rules all give advice (info) is never predicted: it has no positives to label.
    thin = {c: positives[c] for c in _SCORED if positives[c] < MIN_POSITIVES}
    assert not thin, f"categories with fewer than {MIN_POSITIVES} positives: {thin}"
    assert set(TOPICS) <= {label.topic for label in labels}


def test_attachment_positives_are_eml() -> None:
    for path, label in CORPUS_LABELS.items():
        if "attachment" in label.expect:
            assert path.endswith(".eml"), path
