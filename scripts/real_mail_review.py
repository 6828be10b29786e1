"""Review tglint's content findings on real mail: every one judged once, recorded as a verdict.

    python scripts/real_mail_review.py               # precision, and every finding with its verdict
    python scripts/real_mail_review.py --unreviewed  # only findings without a verdict, with context
    python scripts/real_mail_review.py --update      # add new findings to the verdict file as unreviewed

The corpus is ../shared/corpora/real-mail beside the checkout (~1,190 messages from mail
projects' test suites). They are not Telegram drafts, so a content finding there must stand
on its own: a real secret, personal datum, phone number without country code, hostile tone,
missing attachment or mixed mail in a message someone would send. Every warning or error of
the content categories (secret, pii, phone, tone, attachment, mixed-issues) is listed with
a key that survives unrelated changes: the file, the rule, the part and a short normalised
excerpt of the flagged text (for secret and pii findings a hash of rule, file, part and the
finding's place among that rule's findings in the part, never the value), and a masked
excerpt of its context for the reviewer.

`tests/real_mail_verdicts.toml` holds one verdict per key: "true", "false" or "unreviewed",
with a one-line `why`. A finding whose verdict is gone from the corpus is marked
`resolved = true` by `--update` and kept; `tests/test_real_mail_precision.py` fails when a
resolved false alarm comes back, when a finding has no verdict, or when precision falls
below `precision_floor`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
import tomllib
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from tglint.config import Settings
from tglint.draft import Draft, Part
from tglint.engine import Linter
from tglint.masking import mask_text
from tglint.models import Finding, Severity
from tglint.packs import load_packs
from tglint.reading import discover, read_path
from tglint.registry import load_registry
from tglint.selection import select_rules

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "real-mail"
VERDICTS = ROOT / "tests" / "real_mail_verdicts.toml"
CONTENT_CATEGORIES = ("secret", "pii", "phone", "tone", "attachment", "mixed-issues")
# Findings of these categories flag a value that must not be printed, nor kept in the verdict file.
SENSITIVE_CATEGORIES = frozenset({"secret", "pii"})
LOUD = frozenset({Severity.WARNING, Severity.ERROR})
VERDICT_VALUES = ("true", "false", "unreviewed")
EXCERPT_CHARS = 40
CONTEXT_CHARS = 160


@dataclass(frozen=True, slots=True)
class Reviewed:
    """A content finding on the corpus, as the reviewer sees it."""

    key: str
    file: str
    rule: str
    category: str
    message: str
    context: str  # the flagged span in [[ ]] with text around it, secrets masked


@dataclass(frozen=True, slots=True)
class Verdict:
    key: str
    rule: str
    file: str
    verdict: str
    why: str
    context: str
    resolved: bool = False


def make_linter() -> Linter:
    settings = Settings(select=CONTENT_CATEGORIES)
    registry = load_registry(plugins=False).rules
    rules = tuple(select_rules(registry, settings.select, settings.ignore, settings.extend_select))
    return Linter(rules, settings, load_packs())


def _offset(part: Part, line: int, column: int) -> int:
    """The character offset of a 1-based (line, column) of the part's own text (`Part.relative`)."""
    lines = part.text.split("\n")
    index = max(0, min(line - 1, len(lines) - 1))
    return min(len(part.text), sum(len(text) + 1 for text in lines[:index]) + max(0, column - 1))


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _relative(path: str) -> str:
    try:
        return Path(path).relative_to(CORPUS).as_posix()
    except ValueError:
        return path


def _reviewed(draft: Draft, findings: Sequence[Finding]) -> Iterator[Reviewed]:
    file = _relative(draft.path)
    seen: Counter[str] = Counter()
    for finding in findings:
        part = draft.parts.get(finding.part)
        text = part.text if part else ""
        start = _offset(part, finding.part_line, finding.part_column) if part else 0
        end = _offset(part, finding.part_end_line, finding.part_end_column) if part else 0
        flagged = text[start:end]
        sensitive = finding.sensitive or finding.category in SENSITIVE_CATEGORIES
        place = f"{finding.rule}|{finding.part}"
        seen[place] += 1
        if sensitive:
            digest = hashlib.sha256(f"{finding.rule}|{file}|{finding.part}|{seen[place]}".encode()).hexdigest()[:12]
            excerpt = f"#{digest}"
            shown = mask_text(flagged)
        else:
            excerpt = _one_line(flagged)[:EXCERPT_CHARS].rstrip()
            shown = flagged
        base = f"{file}|{finding.rule}|{finding.part}|{excerpt}"
        seen[base] += 1
        key = base if seen[base] == 1 else f"{base}|{seen[base]}"
        before = _one_line(text[max(0, start - CONTEXT_CHARS // 2) : start])
        after = _one_line(text[end : end + CONTEXT_CHARS // 2])
        context = f"{before} [[{_one_line(shown)[:CONTEXT_CHARS]}]] {after}".strip()
        yield Reviewed(key, file, finding.rule, finding.category, finding.message, context)


def collect(corpus: Path = CORPUS) -> list[Reviewed]:
    """Every warning or error of the content categories on the corpus, in file order."""
    linter = make_linter()
    found: list[Reviewed] = []
    for path in discover([str(corpus)]):
        for item in read_path(path):
            if not isinstance(item, Draft):
                continue
            result = linter.lint_draft(item)
            loud = [f for f in result.findings if f.severity in LOUD and f.category in CONTENT_CATEGORIES]
            found.extend(_reviewed(item, loud))
    return found


def read_verdicts(path: Path = VERDICTS) -> tuple[dict[str, Verdict], float]:
    """The recorded verdicts by key, and the precision floor."""
    if not path.exists():
        return {}, 0.0
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    verdicts = {}
    for entry in data.get("finding", []):
        verdict = Verdict(
            key=entry["key"],
            rule=entry.get("rule", ""),
            file=entry.get("file", ""),
            verdict=entry.get("verdict", "unreviewed"),
            why=entry.get("why", ""),
            context=entry.get("context", ""),
            resolved=bool(entry.get("resolved", False)),
        )
        if verdict.verdict not in VERDICT_VALUES:
            raise SystemExit(f"{path.name}: {verdict.key}: verdict must be one of {', '.join(VERDICT_VALUES)}")
        verdicts[verdict.key] = verdict
    return verdicts, float(data.get("precision_floor", 0.0))


def _quoted(text: str) -> str:
    # A JSON string is a TOML basic string: quotes, backslashes and control characters escaped.
    return json.dumps(text, ensure_ascii=False)


def write_verdicts(verdicts: dict[str, Verdict], floor: float, path: Path = VERDICTS) -> None:
    lines = [
        "# Verdicts on tglint's content findings on ../shared/corpora/real-mail, one per finding.",
        "# Written by scripts/real_mail_review.py --update; verdicts and reasons are written by a reviewer.",
        '# verdict: "true" (a real problem of the category in a mail someone would send), "false" (a false',
        '# alarm) or "unreviewed". resolved = true: the finding is gone; if a false one comes back, the test fails.',
        "# context is masked: secret and pii values never appear here.",
        "",
        f"precision_floor = {floor:.3f}",
    ]
    for verdict in sorted(verdicts.values(), key=lambda v: v.key):
        lines += [
            "",
            "[[finding]]",
            f"key = {_quoted(verdict.key)}",
            f"rule = {_quoted(verdict.rule)}",
            f"file = {_quoted(verdict.file)}",
            f"verdict = {_quoted(verdict.verdict)}",
            f"why = {_quoted(verdict.why)}",
            f"context = {_quoted(verdict.context)}",
        ]
        if verdict.resolved:
            lines.append("resolved = true")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@dataclass(frozen=True, slots=True)
class Review:
    """The findings of today against the recorded verdicts."""

    true: list[Reviewed]
    false: list[Reviewed]
    unreviewed: list[Reviewed]
    # Recorded false alarms that had gone (resolved) and are found again.
    returned: list[Reviewed]
    # Recorded findings no longer found.
    gone: list[Verdict]

    @property
    def precision(self) -> float:
        judged = len(self.true) + len(self.false)
        return len(self.true) / judged if judged else 1.0


def review(found: Sequence[Reviewed], verdicts: dict[str, Verdict]) -> Review:
    true, false, unreviewed, returned = [], [], [], []
    for item in found:
        verdict = verdicts.get(item.key)
        if verdict is None or verdict.verdict == "unreviewed":
            unreviewed.append(item)
        elif verdict.verdict == "true":
            true.append(item)
        else:
            false.append(item)
            if verdict.resolved:
                returned.append(item)
    keys = {item.key for item in found}
    gone = [v for v in verdicts.values() if v.key not in keys]
    return Review(true, false, unreviewed, returned, gone)


def update(found: Sequence[Reviewed], verdicts: dict[str, Verdict]) -> dict[str, Verdict]:
    """New findings added as unreviewed; gone ones marked resolved; the rest kept as judged."""
    keys = {item.key for item in found}
    merged = {}
    for key, verdict in verdicts.items():
        merged[key] = replace(verdict, resolved=verdict.resolved or key not in keys)
    for item in found:
        if item.key not in merged:
            merged[item.key] = Verdict(item.key, item.rule, item.file, "unreviewed", "", item.context)
    return merged


def summary(result: Review) -> str:
    by_rule: dict[str, Counter[str]] = {}
    for label, items in (("true", result.true), ("false", result.false), ("unreviewed", result.unreviewed)):
        for item in items:
            by_rule.setdefault(item.rule, Counter())[label] += 1
    lines = [
        "| rule | true | false | unreviewed | precision |",
        "|---|---:|---:|---:|---:|",
    ]
    for rule in sorted(by_rule):
        c = by_rule[rule]
        judged = c["true"] + c["false"]
        precision = f"{c['true'] / judged:.2f}" if judged else "—"
        lines.append(f"| {rule} | {c['true']} | {c['false']} | {c['unreviewed']} | {precision} |")
    total = len(result.true) + len(result.false) + len(result.unreviewed)
    lines.append(
        f"| **all** | {len(result.true)} | {len(result.false)} | {len(result.unreviewed)} | {result.precision:.2f} |"
    )
    lines.append("")
    lines.append(
        f"{total} content findings (warning/error); precision {result.precision:.3f} "
        f"({len(result.true)} true of {len(result.true) + len(result.false)} judged); "
        f"{len(result.gone)} recorded findings resolved."
    )
    return "\n".join(lines) + "\n"


def _describe(item: Reviewed, verdict: Verdict | None) -> str:
    said = f"{verdict.verdict}: {verdict.why}" if verdict else "no verdict"
    return f"{item.key}\n    {item.message}\n    {item.context}\n    -> {said}\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--update", action="store_true", help=f"merge new findings into {VERDICTS.name}")
    parser.add_argument("--unreviewed", action="store_true", help="list only findings without a verdict")
    parser.add_argument("--rule", help="list only this rule's findings")
    parser.add_argument(
        "--raise-floor", action="store_true", help="record today's precision as the floor (never lowers it)"
    )
    args = parser.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"real_mail_review: error: corpus not found at {CORPUS}", file=sys.stderr)
        return 2
    found = collect()
    verdicts, floor = read_verdicts()
    if args.update:
        merged = update(found, verdicts)
        write_verdicts(merged, floor)
        added = len(merged) - len(verdicts)
        print(f"real_mail_review: {added} new finding(s) added as unreviewed to {VERDICTS.name}", file=sys.stderr)
        verdicts = merged
    result = review(found, verdicts)
    if args.raise_floor:
        if result.unreviewed:
            print("real_mail_review: error: judge the unreviewed findings first", file=sys.stderr)
            return 1
        floor = max(floor, math.floor(result.precision * 1000) / 1000)
        write_verdicts(verdicts, floor)
        print(f"real_mail_review: precision floor {floor:.3f}", file=sys.stderr)
    shown = result.unreviewed if args.unreviewed else found
    for item in shown:
        if not args.rule or item.rule == args.rule:
            sys.stdout.write(_describe(item, verdicts.get(item.key)))
    sys.stdout.write("\n" + summary(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
