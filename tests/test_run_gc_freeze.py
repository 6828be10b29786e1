"""A batch freezes what its first draft built out of the garbage collector's way, once per process
(`tglint.run._freeze_what_is_built`); a run of a few files (a pre-commit hook, an editor's request through the
API) leaves the collector as it was. Run in child processes, so that this test process's collector is untouched."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

CHILD = """
import gc, json, sys
from pathlib import Path
from tglint.api import Checker
paths = sorted(str(p) for p in Path(sys.argv[1]).iterdir())[: int(sys.argv[2])]
results = [r.to_dict() if hasattr(r, "to_dict") else (r.path, [f.rule for f in r.findings])
           for r in Checker().lint_paths(paths)]
print(json.dumps({"frozen": gc.get_freeze_count(), "results": results}, default=str, sort_keys=True))
"""


@pytest.fixture(scope="module")
def drafts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("batch")
    for index in range(200):
        (root / f"{index:03d}.txt").write_text(
            f"To: support@telegram.org\nSubject: help\n\nTelegram crashes, my number is 1381234{index:04d}.\n",
            encoding="utf-8",
        )
    return root


def _run(drafts: Path, count: int) -> dict[str, object]:
    import json

    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(drafts), str(count)], capture_output=True, text=True, check=True, timeout=600
    )
    result: dict[str, object] = json.loads(done.stdout)
    return result


def test_a_batch_freezes_what_its_first_draft_built_and_finds_the_same(drafts: Path) -> None:
    batch = _run(drafts, 200)
    few = _run(drafts, 3)
    assert isinstance(batch["frozen"], int) and batch["frozen"] > 0
    assert few["frozen"] == 0
    assert batch["results"][:3] == few["results"]  # type: ignore[index]
