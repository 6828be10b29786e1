"""Content findings on real mail: each one judged once, none unjudged, no known false alarm back.

The corpus is ../shared/corpora/real-mail (~1,190 messages from mail projects' test
suites); scripts/real_mail_review.py lists every warning or error of the content
categories, and tests/real_mail_verdicts.toml records a reviewer's verdict on each. A new
finding needs a verdict (run `python scripts/real_mail_review.py --update --unreviewed`
and judge it); a false alarm that had gone must not come back; precision may not fall
below the recorded floor.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

import real_mail_review as rmr


@pytest.fixture(scope="module")
def found() -> list[rmr.Reviewed]:
    if not rmr.CORPUS.is_dir():
        pytest.skip(f"real-mail corpus not found at {rmr.CORPUS}")
    return rmr.collect()


@pytest.fixture(scope="module")
def recorded() -> tuple[dict[str, rmr.Verdict], float]:
    return rmr.read_verdicts()


def _item(key: str, rule: str = "TG603") -> rmr.Reviewed:
    return rmr.Reviewed(key, key.split("|")[0], rule, "tone", "message", "context")


def test_every_finding_has_a_verdict(found: list[rmr.Reviewed], recorded: tuple[dict[str, rmr.Verdict], float]) -> None:
    result = rmr.review(found, recorded[0])
    unjudged = [f"{item.key}: {item.message}" for item in result.unreviewed]
    assert unjudged == [], (
        "findings without a verdict: run `python scripts/real_mail_review.py --update --unreviewed`, "
        "judge each one and record verdict and why in tests/real_mail_verdicts.toml:\n" + "\n".join(unjudged)
    )


def test_no_resolved_false_alarm_comes_back(
    found: list[rmr.Reviewed], recorded: tuple[dict[str, rmr.Verdict], float]
) -> None:
    result = rmr.review(found, recorded[0])
    assert [item.key for item in result.returned] == [], "false alarms that had been fixed are back"


def test_precision_holds_its_floor(found: list[rmr.Reviewed], recorded: tuple[dict[str, rmr.Verdict], float]) -> None:
    verdicts, floor = recorded
    result = rmr.review(found, verdicts)
    assert floor > 0
    assert result.precision >= floor, rmr.summary(result)


def test_the_verdict_file_holds_judgements_with_reasons(recorded: tuple[dict[str, rmr.Verdict], float]) -> None:
    verdicts, _ = recorded
    assert verdicts
    for verdict in verdicts.values():
        assert verdict.verdict in ("true", "false"), verdict.key
        assert verdict.why.strip(), verdict.key


def test_keys_and_contexts_of_secret_and_pii_findings_hide_the_value(found: list[rmr.Reviewed]) -> None:
    for item in found:
        if item.category in rmr.SENSITIVE_CATEGORIES:
            assert item.key.split("|")[3].startswith("#"), item.key
            flagged = item.context.split("[[", 1)[1].split("]]", 1)[0]
            assert set(flagged[1:]) <= {"*"}, item.key


def test_update_adds_new_findings_unreviewed_and_marks_gone_ones_resolved() -> None:
    verdicts = {
        "a|TG603|body|KEPT": rmr.Verdict("a|TG603|body|KEPT", "TG603", "a", "true", "shouting", "..."),
        "a|TG603|body|GONE": rmr.Verdict("a|TG603|body|GONE", "TG603", "a", "false", "a heading", "..."),
    }
    merged = rmr.update([_item("a|TG603|body|KEPT"), _item("b|TG603|body|NEW")], verdicts)
    assert merged["a|TG603|body|KEPT"].verdict == "true" and not merged["a|TG603|body|KEPT"].resolved
    assert merged["a|TG603|body|GONE"].resolved and merged["a|TG603|body|GONE"].verdict == "false"
    assert merged["b|TG603|body|NEW"].verdict == "unreviewed"


def test_review_counts_precision_and_catches_a_returning_false_alarm() -> None:
    verdicts = {
        "a|TG603|body|X": rmr.Verdict("a|TG603|body|X", "TG603", "a", "true", "shouting", ""),
        "a|TG603|body|Y": rmr.Verdict("a|TG603|body|Y", "TG603", "a", "false", "a heading", "", resolved=True),
        "a|TG603|body|Z": rmr.Verdict("a|TG603|body|Z", "TG603", "a", "false", "a heading", ""),
    }
    result = rmr.review([_item("a|TG603|body|X"), _item("a|TG603|body|Y"), _item("c|TG603|body|W")], verdicts)
    assert result.precision == 0.5
    assert [item.key for item in result.returned] == ["a|TG603|body|Y"]
    assert [item.key for item in result.unreviewed] == ["c|TG603|body|W"]
    assert [v.key for v in result.gone] == ["a|TG603|body|Z"]


def test_verdicts_survive_writing_and_reading(tmp_path: Path) -> None:
    tricky = 'a "quoted" \\ path\ttab|TG401|body|(310-532-9811'
    verdicts = {tricky: rmr.Verdict(tricky, "TG401", "a", "true", 'a "phone"', "line\nbreak", resolved=True)}
    path = tmp_path / "verdicts.toml"
    rmr.write_verdicts(verdicts, 0.5, path)
    assert rmr.read_verdicts(path) == (verdicts, 0.5)
