"""Score tglint against the labelled corpus.

    python scripts/score.py [--corpus fixtures/corpus] [--check] [--json]

tglint runs once, as a subprocess, on every draft of the corpus; its JSON report
is compared with `labels.toml` in the corpus folder. A draft is predicted
positive for a category when it has a finding of that category at warning or
error level. Numbers are given per language (the corpus's first-level folders)
and overall. `--check` exits 1 when a threshold is missed, 2 when the corpus
and its labels disagree or tglint cannot be run.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tglint.models import CATEGORIES, TOPICS

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "corpus"
LABELS_FILE = "labels.toml"
DRAFT_SUFFIXES = (".txt", ".eml")
LOUD_SEVERITIES = frozenset({"warning", "error"})
OVERALL = "all"

MIN_PRECISION = 0.9
MIN_RECALL = 0.85
MIN_TOPIC_ACCURACY = 0.9


@dataclass(frozen=True, slots=True)
class Label:
    topic: str
    expect: frozenset[str]
    note: str


@dataclass(frozen=True, slots=True)
class Prediction:
    topic: str | None
    # Categories with at least one finding at warning or error level.
    categories: frozenset[str]
    error: str | None = None


@dataclass(frozen=True, slots=True)
class CategoryScore:
    category: str
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return 1.0 if self.tp + self.fp == 0 else self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        return 1.0 if self.tp + self.fn == 0 else self.tp / (self.tp + self.fn)


@dataclass(frozen=True, slots=True)
class Miss:
    """One false positive or false negative."""

    path: str
    category: str
    note: str


@dataclass(frozen=True, slots=True)
class TopicMiss:
    path: str
    expected: str
    predicted: str | None


@dataclass(frozen=True, slots=True)
class Score:
    scope: str
    drafts: int
    categories: tuple[CategoryScore, ...]
    topic_correct: int
    clean: int
    noisy_clean: tuple[str, ...]
    false_positives: tuple[Miss, ...]
    false_negatives: tuple[Miss, ...]
    topic_misses: tuple[TopicMiss, ...]
    errors: tuple[Miss, ...]

    @property
    def topic_accuracy(self) -> float:
        return 1.0 if self.drafts == 0 else self.topic_correct / self.drafts


# --- labels and corpus -----------------------------------------------------------------


def parse_labels(data: Mapping[str, Any]) -> dict[str, Label]:
    """Labels from the parsed TOML; a ValueError names every malformed entry."""
    labels: dict[str, Label] = {}
    problems: list[str] = []
    for path, entry in data.items():
        if not isinstance(entry, Mapping):
            problems.append(f"{path}: not a table")
            continue
        topic = entry.get("topic")
        expect = entry.get("expect")
        note = entry.get("note", "")
        if topic not in TOPICS:
            problems.append(f"{path}: unknown topic {topic!r}")
        if not isinstance(expect, list) or not all(isinstance(c, str) for c in expect):
            problems.append(f"{path}: expect must be a list of category names")
            continue
        unknown = sorted(set(expect) - set(CATEGORIES))
        if unknown:
            problems.append(f"{path}: unknown categories {unknown}")
        if len(set(expect)) != len(expect):
            problems.append(f"{path}: a category is listed twice")
        if not isinstance(note, str) or not note:
            problems.append(f"{path}: note must be a non-empty string")
        labels[path] = Label(topic=str(topic), expect=frozenset(expect), note=str(note))
    if problems:
        raise ValueError("malformed labels:\n  " + "\n  ".join(problems))
    return labels


def load_labels(corpus: Path) -> dict[str, Label]:
    with (corpus / LABELS_FILE).open("rb") as handle:
        return parse_labels(tomllib.load(handle))


def corpus_drafts(corpus: Path) -> list[str]:
    """Every draft of the corpus, as a POSIX path relative to the corpus folder."""
    return sorted(
        path.relative_to(corpus).as_posix()
        for path in corpus.rglob("*")
        if path.is_file() and path.suffix in DRAFT_SUFFIXES
    )


def coverage_problems(labels: Mapping[str, Label], drafts: Iterable[str]) -> list[str]:
    drafts = set(drafts)
    return [f"{path}: draft has no label" for path in sorted(drafts - labels.keys())] + [
        f"{path}: label for a draft that does not exist" for path in sorted(labels.keys() - drafts)
    ]


def language_of(path: str) -> str:
    return path.split("/", 1)[0]


# --- the report ------------------------------------------------------------------------


def predictions_from_report(report: Mapping[str, Any], keys: Mapping[str, str]) -> dict[str, Prediction]:
    """Predictions per draft; `keys` maps each path given to tglint to its corpus path."""
    predictions: dict[str, Prediction] = {}
    for entry in report.get("files", []):
        key = keys.get(entry["path"], entry["path"])
        loud = frozenset(
            finding["category"] for finding in entry.get("findings", []) if finding.get("severity") in LOUD_SEVERITIES
        )
        predictions[key] = Prediction(topic=entry.get("topic"), categories=loud, error=entry.get("error"))
    return predictions


def run_tglint(corpus: Path, drafts: Sequence[str]) -> dict[str, Prediction]:
    given = {str(corpus / draft): draft for draft in drafts}
    command = [sys.executable, "-m", "tglint", "--format", "json", "--exit-zero", *given]
    completed = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", check=False)
    if completed.returncode != 0:
        raise RuntimeError(f"tglint exited {completed.returncode}:\n{completed.stderr.strip()}")
    try:
        report = json.loads(completed.stdout)
    except json.JSONDecodeError as error:
        raise RuntimeError(f"tglint did not print a JSON report ({error}):\n{completed.stderr.strip()}") from error
    return predictions_from_report(report, given)


# --- scoring ---------------------------------------------------------------------------

_NOTHING = Prediction(topic=None, categories=frozenset(), error="missing from the report")


def score(labels: Mapping[str, Label], predictions: Mapping[str, Prediction], scope: str = OVERALL) -> Score:
    """Compare predictions with the labels of every draft in `scope` (a language, or all)."""
    paths = sorted(p for p in labels if scope == OVERALL or language_of(p) == scope)
    counts = {category: [0, 0, 0] for category in CATEGORIES}
    false_positives: list[Miss] = []
    false_negatives: list[Miss] = []
    topic_misses: list[TopicMiss] = []
    errors: list[Miss] = []
    noisy_clean: list[str] = []
    for path in paths:
        label = labels[path]
        predicted = predictions.get(path, _NOTHING)
        if predicted.error is not None:
            errors.append(Miss(path, "error", predicted.error))
        for category in CATEGORIES:
            expected, got = category in label.expect, category in predicted.categories
            if expected and got:
                counts[category][0] += 1
            elif got:
                counts[category][1] += 1
                false_positives.append(Miss(path, category, label.note))
            elif expected:
                counts[category][2] += 1
                false_negatives.append(Miss(path, category, label.note))
        if predicted.topic != label.topic:
            topic_misses.append(TopicMiss(path, label.topic, predicted.topic))
        if not label.expect and predicted.categories:
            noisy_clean.append(path)
    return Score(
        scope=scope,
        drafts=len(paths),
        categories=tuple(CategoryScore(c, *counts[c]) for c in CATEGORIES),
        topic_correct=len(paths) - len(topic_misses),
        clean=sum(1 for p in paths if not labels[p].expect),
        noisy_clean=tuple(noisy_clean),
        false_positives=tuple(false_positives),
        false_negatives=tuple(false_negatives),
        topic_misses=tuple(topic_misses),
        errors=tuple(errors),
    )


def score_all(labels: Mapping[str, Label], predictions: Mapping[str, Prediction]) -> list[Score]:
    """One score per language, then the overall one."""
    languages = sorted({language_of(p) for p in labels})
    return [score(labels, predictions, language) for language in languages] + [score(labels, predictions)]


def failures(scores: Iterable[Score]) -> list[str]:
    """Every threshold a score misses, as readable lines; empty when all pass."""
    found: list[str] = []
    for s in scores:
        for c in s.categories:
            if c.precision < MIN_PRECISION:
                found.append(f"{s.scope}: {c.category} precision {c.precision:.3f} < {MIN_PRECISION}")
            if c.recall < MIN_RECALL:
                found.append(f"{s.scope}: {c.category} recall {c.recall:.3f} < {MIN_RECALL}")
        if s.topic_accuracy < MIN_TOPIC_ACCURACY:
            found.append(f"{s.scope}: topic accuracy {s.topic_accuracy:.3f} < {MIN_TOPIC_ACCURACY}")
        if s.noisy_clean:
            found.append(f"{s.scope}: {len(s.noisy_clean)} clean draft(s) with a warning or error")
    return found


# --- output ----------------------------------------------------------------------------


def render_markdown(scores: Sequence[Score]) -> str:
    lines: list[str] = []
    for s in scores:
        title = "Overall" if s.scope == OVERALL else f"Language: {s.scope}"
        lines += [f"## {title} ({s.drafts} drafts, {s.clean} clean)", ""]
        lines += ["| category | TP | FP | FN | precision | recall |", "|---|---:|---:|---:|---:|---:|"]
        lines += [
            f"| {c.category} | {c.tp} | {c.fp} | {c.fn} | {c.precision:.3f} | {c.recall:.3f} |" for c in s.categories
        ]
        lines += [
            "",
            f"Topic accuracy: {s.topic_accuracy:.3f} ({s.topic_correct}/{s.drafts})",
            f"Clean drafts with a warning or error: {len(s.noisy_clean)} of {s.clean}",
        ]
        if s.scope == OVERALL:
            lines.append("")
            continue  # the misses are listed once, under their language
        sections: list[tuple[str, list[str]]] = [
            ("False positives", [f"- {m.path}: {m.category} ({m.note})" for m in s.false_positives]),
            ("False negatives", [f"- {m.path}: {m.category} ({m.note})" for m in s.false_negatives]),
            ("Topic misses", [f"- {m.path}: {m.predicted} instead of {m.expected}" for m in s.topic_misses]),
            ("Clean drafts with a warning or error", [f"- {p}" for p in s.noisy_clean]),
            ("Unreadable or missing", [f"- {m.path}: {m.note}" for m in s.errors]),
        ]
        for heading, items in sections:
            if items:
                lines += ["", f"### {heading}", "", *items]
        lines.append("")
    return "\n".join(lines)


def as_json(scores: Sequence[Score]) -> dict[str, Any]:
    def one(s: Score) -> dict[str, Any]:
        return {
            "drafts": s.drafts,
            "clean": s.clean,
            "categories": {
                c.category: {"tp": c.tp, "fp": c.fp, "fn": c.fn, "precision": c.precision, "recall": c.recall}
                for c in s.categories
            },
            "topic_accuracy": s.topic_accuracy,
            "noisy_clean": list(s.noisy_clean),
            "false_positives": [[m.path, m.category] for m in s.false_positives],
            "false_negatives": [[m.path, m.category] for m in s.false_negatives],
            "topic_misses": [[m.path, m.expected, m.predicted] for m in s.topic_misses],
            "errors": [[m.path, m.note] for m in s.errors],
        }

    problems = failures(scores)
    return {"scopes": {s.scope: one(s) for s in scores}, "passed": not problems, "failures": problems}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="the labelled corpus folder")
    parser.add_argument("--check", action="store_true", help="exit 1 when a threshold is missed")
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")
    args = parser.parse_args(argv)

    corpus: Path = args.corpus
    try:
        labels = load_labels(corpus)
    except (OSError, ValueError, tomllib.TOMLDecodeError) as error:
        print(f"score: cannot read the labels: {error}", file=sys.stderr)
        return 2
    drafts = corpus_drafts(corpus)
    problems = coverage_problems(labels, drafts)
    if problems:
        print("score: corpus and labels disagree:\n  " + "\n  ".join(problems), file=sys.stderr)
        return 2
    try:
        predictions = run_tglint(corpus, drafts)
    except (OSError, RuntimeError) as error:
        print(f"score: {error}", file=sys.stderr)
        return 2

    scores = score_all(labels, predictions)
    if args.json:
        print(json.dumps(as_json(scores), ensure_ascii=False, indent=2))
    else:
        print(render_markdown(scores))
    missed = failures(scores)
    if args.check and missed:
        if not args.json:
            print("Thresholds missed:\n  " + "\n  ".join(missed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
