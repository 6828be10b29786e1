"""Record every finding tglint reports on the labelled sets and the bench drafts, and compare.

    python scripts/snapshot.py record OUT.jsonl [--sets corpus,holdout,voices,voices2,voices3,voices4,voices5,voices6,voices7,voices8,voices9,voices10,voices11,voices12,voices13,voices14,voices15,voices16,voices17,voices18,voices19,voices20,voices21,voices22,voices23,voices24,voices25,rules,bench]
    python scripts/snapshot.py compare BEFORE.jsonl AFTER.jsonl

A refactor must not change what tglint says. `record` runs tglint once per set (JSON
report, `--isolated`, one process) and writes one line per draft: its path, language,
topic, and every finding (rule, part, position, message, fix), without fingerprints,
which are hashes and change by design. `compare` prints every draft whose line differs
and exits 1 when any does, so a step that should change nothing can be checked at once,
and a step that fixes a defect shows exactly which drafts it changed.

The bench drafts are generated with `bench/generate.py` (2,000 drafts, the default seed)
into `bench/out/snapshot-drafts` the first time.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BENCH_DRAFTS = ROOT / "bench" / "out" / "snapshot-drafts"
SETS = {
    "corpus": ROOT / "fixtures" / "corpus",
    "holdout": ROOT / "fixtures" / "holdout",
    "voices": ROOT / "fixtures" / "voices",
    "voices2": ROOT / "fixtures" / "voices2",
    "voices3": ROOT / "fixtures" / "voices3",
    "voices4": ROOT / "fixtures" / "voices4",
    "voices5": ROOT / "fixtures" / "voices5",
    "voices6": ROOT / "fixtures" / "voices6",
    "voices7": ROOT / "fixtures" / "voices7",
    "voices8": ROOT / "fixtures" / "voices8",
    "voices9": ROOT / "fixtures" / "voices9",
    "voices10": ROOT / "fixtures" / "voices10",
    "voices11": ROOT / "fixtures" / "voices11",
    "voices12": ROOT / "fixtures" / "voices12",
    "voices13": ROOT / "fixtures" / "voices13",
    "voices14": ROOT / "fixtures" / "voices14",
    "voices15": ROOT / "fixtures" / "voices15",
    "voices16": ROOT / "fixtures" / "voices16",
    "voices17": ROOT / "fixtures" / "voices17",
    "voices18": ROOT / "fixtures" / "voices18",
    "voices19": ROOT / "fixtures" / "voices19",
    "voices20": ROOT / "fixtures" / "voices20",
    "voices21": ROOT / "fixtures" / "voices21",
    "voices22": ROOT / "fixtures" / "voices22",
    "voices23": ROOT / "fixtures" / "voices23",
    "voices24": ROOT / "fixtures" / "voices24",
    "voices25": ROOT / "fixtures" / "voices25",
    # The rules' own pass-/fail- fixtures (fixtures/<category>/), which tests/test_fixtures.py checks one by one.
    "rules": ROOT / "fixtures",
    "bench": BENCH_DRAFTS,
}
BENCH_COUNT = 2000


def ensure_bench_drafts() -> None:
    if (BENCH_DRAFTS / "manifest.json").exists():
        return
    command = [sys.executable, str(ROOT / "bench" / "generate.py"), "drafts", str(BENCH_COUNT), str(BENCH_DRAFTS)]
    subprocess.run(command, check=True, capture_output=True)


def draft_paths(folder: Path) -> list[str]:
    suffixes = {".txt", ".eml"}
    return sorted(str(p) for p in folder.rglob("*") if p.is_file() and p.suffix in suffixes)


def rule_fixture_paths(folder: Path) -> list[str]:
    """The drafts named pass-* or fail-* one level below `folder` (fixtures/<category>/)."""
    suffixes = {".txt", ".eml"}
    return sorted(
        str(p)
        for p in folder.glob("*/*")
        if p.is_file() and p.suffix in suffixes and p.name.startswith(("pass-", "fail-"))
    )


def lint(paths: Sequence[str]) -> dict[str, Any]:
    command = [sys.executable, "-m", "tglint", "--format", "json", "--exit-zero", "--isolated", "--jobs", "1", *paths]
    completed = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", check=False)
    if completed.returncode not in (0, 2):
        raise SystemExit(f"tglint exited {completed.returncode}:\n{completed.stderr.strip()}")
    report: dict[str, Any] = json.loads(completed.stdout)
    return report


def records(name: str, folder: Path) -> Iterator[dict[str, Any]]:
    if name == "bench":
        ensure_bench_drafts()
    if not folder.exists():
        return
    paths = rule_fixture_paths(folder) if name == "rules" else draft_paths(folder)
    for start in range(0, len(paths), 500):
        for entry in lint(paths[start : start + 500])["files"]:
            findings = [{k: v for k, v in f.items() if k != "fingerprint"} for f in entry.get("findings", [])]
            yield {
                "path": str(Path(entry["path"]).resolve().relative_to(ROOT)),
                "language": entry.get("language"),
                "topic": entry.get("topic"),
                "error": entry.get("error"),
                "findings": findings,
            }


def record(out: Path, chosen: Sequence[str]) -> int:
    with out.open("w", encoding="utf-8") as handle:
        for name in chosen:
            for item in records(name, SETS[name]):
                handle.write(json.dumps(item, ensure_ascii=False, sort_keys=True) + "\n")
    return 0


def load(path: Path) -> dict[str, str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return {json.loads(line)["path"]: line for line in lines if line}


def compare(before_path: Path, after_path: Path) -> int:
    before, after = load(before_path), load(after_path)
    changed = 0
    for key in sorted(set(before) | set(after)):
        old, new = before.get(key), after.get(key)
        if old == new:
            continue
        changed += 1
        print(f"== {key}")
        old_findings = {
            json.dumps(f, ensure_ascii=False, sort_keys=True) for f in json.loads(old or "{}").get("findings", [])
        }
        new_findings = {
            json.dumps(f, ensure_ascii=False, sort_keys=True) for f in json.loads(new or "{}").get("findings", [])
        }
        for finding in sorted(old_findings - new_findings):
            print(f"  - {finding}")
        for finding in sorted(new_findings - old_findings):
            print(f"  + {finding}")
        old_meta = {k: v for k, v in json.loads(old or "{}").items() if k != "findings"}
        new_meta = {k: v for k, v in json.loads(new or "{}").items() if k != "findings"}
        if old_meta != new_meta:
            print(f"  meta: {old_meta} -> {new_meta}")
    print(f"{changed} of {len(set(before) | set(after))} drafts differ", file=sys.stderr)
    return 1 if changed else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    rec = sub.add_parser("record")
    rec.add_argument("out", type=Path)
    rec.add_argument(
        "--sets",
        default="corpus,holdout,voices,voices2,voices3,voices4,voices5,voices6,voices7,voices8,voices9,voices10,voices11,voices12,voices13,voices14,voices15,voices16,voices17,voices18,voices19,voices20,voices21,voices22,voices23,voices24,voices25,rules,bench",
    )
    cmp_ = sub.add_parser("compare")
    cmp_.add_argument("before", type=Path)
    cmp_.add_argument("after", type=Path)
    args = parser.parse_args(argv)
    if args.command == "record":
        chosen = [s.strip() for s in args.sets.split(",") if s.strip()]
        unknown = [s for s in chosen if s not in SETS]
        if unknown:
            parser.error(f"unknown set(s): {', '.join(unknown)}")
        return record(args.out, chosen)
    return compare(args.before, args.after)


if __name__ == "__main__":
    raise SystemExit(main())
