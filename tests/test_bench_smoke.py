"""The benchmark runs end to end (`bench/run.py --smoke`) and its generator is deterministic.

No timing is asserted here: the benchmark reports its numbers, it does not judge CI by them.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

BENCH = Path(__file__).resolve().parent.parent / "bench"


def _load(name: str) -> ModuleType:
    sys.path.insert(0, str(BENCH))
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_smoke_run_writes_every_case_row(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, str(BENCH / "run.py"), "--smoke", "--quiet", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-2000:]

    table = (out / "RESULTS.md").read_text(encoding="utf-8")
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))
    row_ids = _load("run").ROW_IDS
    assert [row["id"] for row in results["rows"]] == list(row_ids)
    table_ids = [line.split("|")[1].strip() for line in table.splitlines() if line.startswith("| ") and "|" in line[2:]]
    for row_id in row_ids:
        assert row_id in table_ids, f"row {row_id} missing from RESULTS.md"
    for key in ("nproc", "cpu", "memory", "python", "tglint", "date"):
        assert results["machine"][key], key
    measured = [row for row in results["rows"] if row["runs"]]
    assert measured and all(row["peak_rss_mib"] > 0 for row in measured)
    # The metadata commands were checked for a spaCy import in a fresh process.
    assert set(results["checks"]["imports_metadata"]) == {"--version", "rules", "explain TG101", "--help"}


def test_same_seed_and_n_give_byte_identical_drafts(tmp_path: Path) -> None:
    generate = _load("generate")
    first = generate.generate_drafts(40, tmp_path / "one", seed=11)
    second = generate.generate_drafts(40, tmp_path / "two", seed=11)
    assert [p.name for p in first] == [p.name for p in second]
    assert all(a.read_bytes() == b.read_bytes() for a, b in zip(first, second, strict=True))
    other = generate.generate_drafts(40, tmp_path / "three", seed=12)
    assert [p.read_bytes() for p in first] != [p.read_bytes() for p in other]


def test_drafts_cover_both_languages_every_topic_and_both_forms(tmp_path: Path) -> None:
    generate = _load("generate")
    specs = [generate.compose(i, generate.DEFAULT_SEED) for i in range(300)]
    assert {s.language for s in specs} == {"zh", "en"}
    assert {s.topic for s in specs} == {"support", "security", "abuse", "press", "legal"}
    assert {s.form for s in specs} == {form for form, _ in generate.FORMS}
    assert any(not s.faults for s in specs) and {f for s in specs for f in s.faults} == set(generate.FAULTS)
    assert all(generate.MIN_UNITS <= s.units <= generate.MAX_UNITS for s in specs)


def test_big_draft_reaches_its_size(tmp_path: Path) -> None:
    generate = _load("generate")
    path = tmp_path / "big.txt"
    size = generate.generate_big_draft(64 * 1024, path, seed=3)
    assert size == path.stat().st_size >= 64 * 1024
    assert path.read_bytes().startswith(b"To: support@telegram.org\nSubject: ")
