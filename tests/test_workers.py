"""Worker processes for a batch: results in the order of the paths, nothing lost, no helper thread.

The parent only feeds chunks of paths to its workers and writes the report: a helper thread of its own
(`multiprocessing.Pool` runs three, one of which spins while results wait to be read) would take CPU
from the workers and from the report.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from tglint import api, run
from tglint.draft import ReadError
from tglint.models import FileResult

DRAFT = (
    "To: support@telegram.org\nSubject: [技术问题] - 收不到验证码\n\n"
    "我的手机号是 13812345678，昨天开始收不到验证码。{n}\n"
)


def _paths(tmp_path: Path, count: int) -> list[str]:
    paths = []
    for n in range(count):
        path = tmp_path / f"d{n:04}.txt"
        path.write_text(DRAFT.format(n=n), encoding="utf-8")
        paths.append(str(path))
    return paths


@pytest.mark.skipif("fork" not in __import__("multiprocessing").get_all_start_methods(), reason="no fork here")
def test_the_parent_runs_no_helper_thread_while_workers_check(tmp_path: Path) -> None:
    checker = api.Checker()
    before = threading.active_count()  # what other tests of the session may have left running
    threads: list[int] = []
    for result in run.lint_paths(checker.linter, _paths(tmp_path, run.PARALLEL_THRESHOLD + 40), jobs=2):
        threads.append(threading.active_count())
        assert result.error is None
    assert len(threads) == run.PARALLEL_THRESHOLD + 40
    assert max(threads) == before


@pytest.mark.skipif("fork" not in __import__("multiprocessing").get_all_start_methods(), reason="no fork here")
def test_results_keep_the_order_of_the_paths_when_later_chunks_finish_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    checker = api.Checker()
    paths = _paths(tmp_path, run.PARALLEL_THRESHOLD + 60)
    slow = set(paths[1 : 1 + run._CHUNK])  # the first chunk the workers get
    real = run._lint_one_path

    def slow_first(path: str | ReadError) -> list[FileResult]:
        if path in slow:  # a forked worker runs this patched copy
            time.sleep(0.02)
        return real(path)

    monkeypatch.setattr(run, "_lint_one_path", slow_first)
    unreadable = ReadError(str(tmp_path / "gone"), "cannot read: No such file")
    got = list(run.lint_paths(checker.linter, [*paths[:100], unreadable, *paths[100:]], jobs=2))
    assert [r.path for r in got] == [*paths[:100], unreadable.path, *paths[100:]]
    single = [checker.lint_path(path)[0] for path in paths]
    assert api.report_json(r for r in got if r.path != unreadable.path) == api.report_json(single)


def test_a_worker_that_dies_costs_its_drafts_an_error_not_the_run(tmp_path: Path) -> None:
    """A worker killed (out of memory, a signal) while it checks: the drafts it held are reported as not
    checked, every other draft as usual, and the run ends (a pool of `multiprocessing` waits for ever)."""
    paths = _paths(tmp_path, run.PARALLEL_THRESHOLD + 60)
    died = tmp_path / "died"
    script = textwrap.dedent(
        f"""
        import os, sys
        from tglint import api, run
        parent = os.getpid()
        real = run._lint_one_path
        def dying(path):
            # The first worker to reach the 150th draft or a later one dies there, once.
            if os.getpid() != parent and path >= {paths[150]!r}:
                try:
                    os.close(os.open({str(died)!r}, os.O_CREAT | os.O_EXCL))
                except FileExistsError:
                    pass
                else:
                    os._exit(9)
            return real(path)
        run._lint_one_path = dying
        checker = api.Checker()
        for result in run.lint_paths(checker.linter, sys.argv[1:], jobs=2):
            print(result.path, result.error is None, result.error or "", sep="\\t")
        """
    )
    env = {key: value for key, value in os.environ.items() if key != "TGLINT_DEBUG"}
    shown = subprocess.run(
        [sys.executable, "-c", script, *paths], capture_output=True, text=True, timeout=300, env=env, check=False
    )
    assert shown.returncode == 0, shown.stderr
    assert died.exists()
    rows = [line.split("\t") for line in shown.stdout.splitlines()]
    assert [row[0] for row in rows] == paths
    failed = [row for row in rows if row[1] == "False"]
    assert 0 < len(failed) <= run._CHUNK * run._IN_FLIGHT
    assert all("worker process checking it stopped (exit code 9)" in row[2] for row in failed)


@pytest.mark.skipif("fork" not in __import__("multiprocessing").get_all_start_methods(), reason="no fork here")
def test_jobs_processes_check_drafts_this_one_among_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`--jobs N`: N processes check, this one (warm from the drafts it has checked) and N - 1 workers."""
    from tglint.engine import Linter

    checker = api.Checker()
    paths = _paths(tmp_path, run.PARALLEL_THRESHOLD + 200)
    log = tmp_path / "pids"
    real = Linter.lint_draft

    def logged(self: Linter, draft: object) -> FileResult:
        with log.open("a", encoding="ascii") as file:  # a short append: whole lines, whichever process
            file.write(f"{os.getpid()}\n")
        return real(self, draft)  # type: ignore[arg-type]

    monkeypatch.setattr(Linter, "lint_draft", logged)
    results = list(run.lint_paths(checker.linter, paths, jobs=3))
    assert [r.path for r in results] == paths
    pids = log.read_text(encoding="ascii").split()
    assert len(pids) == len(paths)
    assert len(set(pids)) == 3
    assert pids.count(str(os.getpid())) > 1
