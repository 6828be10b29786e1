"""Worker processes started by "spawn" (the default on macOS and Windows) receive the linter pickled.

The parent checks the first draft itself before the pool starts, so the linter it sends has built
its lexicons, automata and read-only tables by then: all of that must pickle (or be rebuilt), and
the results must be those of a single process.
"""

from __future__ import annotations

import multiprocessing
import pickle
from pathlib import Path

import pytest

from tglint import api, run

DRAFTS = [
    "To: support@telegram.org\nSubject: [技术问题] - 收不到验证码\n\n"
    "我的手机号是 13812345678，密码是 abc12345，昨天开始收不到验证码。\n",
    "To: abuse@telegram.org\nSubject: help!!!\n\n"
    "Someone is harassing me, my number 212-555-0187. FIX THIS NOW OR ELSE!!!\n",
    "To: security@telegram.org\nSubject: [Account Security] - hijacked\n\n"
    "My account @someone was taken over yesterday.\n",
]


def _paths(tmp_path: Path) -> list[str]:
    paths = []
    for index in range(run.PARALLEL_THRESHOLD + 2):
        path = tmp_path / f"d{index:02}.txt"
        path.write_text(DRAFTS[index % len(DRAFTS)], encoding="utf-8")
        paths.append(str(path))
    return paths


def test_a_used_linter_pickles_and_gives_the_same_findings(tmp_path: Path) -> None:
    checker = api.Checker()
    paths = _paths(tmp_path)
    before = [checker.lint_path(path) for path in paths]  # builds every derived table
    copy = pickle.loads(pickle.dumps(checker.linter))
    after = [list(copy.lint(run._read(path, copy))) for path in paths]
    assert api.report_json(r for rs in after for r in rs) == api.report_json(r for rs in before for r in rs)


@pytest.mark.skipif("spawn" not in multiprocessing.get_all_start_methods(), reason="no spawn here")
def test_jobs_under_spawn_equal_one_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    checker = api.Checker()
    paths = _paths(tmp_path)
    single = list(run.lint_paths(checker.linter, paths, jobs=1))
    monkeypatch.setattr(run.multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    spawned = list(run.lint_paths(checker.linter, paths, jobs=2))
    assert api.report_json(spawned) == api.report_json(single)
    assert any(result.findings for result in spawned)


def test_results_cross_processes_unchanged(tmp_path: Path) -> None:
    """Results are pickled as calls of their classes with their fields (fast): every field comes back."""
    import copy

    from tglint.models import Edit, FileResult, Finding, Fix, PartView, ReplyTime, Span

    checker = api.Checker()
    results = [result for path in _paths(tmp_path)[:3] for result in checker.lint_path(path)]
    # Findings with fixes and edits, hidden spans, part views and reply times all travel.
    assert any(f.fix is not None for r in results for f in r.findings)
    assert any(r.hidden for r in results) and all(r.part_texts and r.reply_time is not None for r in results)
    for result in results:
        back = pickle.loads(pickle.dumps(result))
        assert back == result
        assert [type(f) for f in back.findings] == [Finding] * len(result.findings)
        assert copy.deepcopy(result) == result
    for record in (
        Edit("body", 1, 2, "x", 3, 4, 5, 6),
        Fix("d", "safe", (Edit("body", 0, 1, "*"),)),
        Span("body", 1, 2, 3, 4),
        PartView("text", 2, 3, {1: "a"}, {2: "b"}),
        ReplyTime("urgent", "24-48h", "why"),
        FileResult("p", error="e", message_number=3, skipped_rules=("TG101",)),
    ):
        back = pickle.loads(pickle.dumps(record))
        assert back == record and type(back) is type(record)
