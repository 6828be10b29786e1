"""examples/dask_archive.py on a local Dask cluster of two worker processes.

Over 2,000 generated drafts (bench/generate.py: both languages, plain text and .eml in
every encoding, attachments), the records the workers write are exactly the `files` of
`tglint --format json` on the same directory: same paths, same order, same findings.

The example runs as a user runs it, in its own process (`--workers 2`: a LocalCluster of two
worker processes, one thread each). That also keeps Dask out of this process: importing it
puts finders on `sys.meta_path` (importlib_metadata's) that other tests would see.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from lintkit import ROOT

DRAFTS = 2000
EXAMPLE = ROOT / "examples" / "dask_archive.py"


def _load(path: Path, name: str) -> ModuleType:
    sys.path.insert(0, str(path.parent))
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("archive")
    generate = _load(ROOT / "bench" / "generate.py", "generate")
    generate.generate_drafts(DRAFTS, root / "drafts")
    return root


def test_dask_over_2000_drafts_finds_what_the_cli_finds(archive: Path) -> None:
    drafts = str(archive / "drafts")
    cli = subprocess.run(
        [sys.executable, "-m", "tglint", "--isolated", "--format", "json", "--jobs", "2", drafts],
        capture_output=True,
        text=True,
        cwd=archive,
        timeout=600,
    )
    assert cli.returncode == 1, cli.stderr  # findings
    expected = json.loads(cli.stdout)["files"]
    assert len(expected) == DRAFTS

    out = archive / "out"
    run = subprocess.run(
        [sys.executable, str(EXAMPLE), drafts, "--out", str(out), "--workers", "2", "--partition-size", "250"],
        capture_output=True,
        text=True,
        cwd=archive,  # no config file above it: the CLI's --isolated settings
        timeout=600,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    summary = json.loads(run.stdout)
    assert summary["files"] == DRAFTS and summary["unreadable"] == 0
    assert len(list(out.glob("part-*.jsonl"))) == DRAFTS // 250  # spread over tasks
    records = [json.loads(line) for part in sorted(out.glob("part-*.jsonl")) for line in part.open(encoding="utf-8")]
    assert records == expected
