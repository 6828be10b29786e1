"""The tglint benchmark: whole processes, medians, peak memory, one Markdown table.

    .venv/bin/python bench/run.py            # the full benchmark (several minutes)
    .venv/bin/python bench/run.py --smoke    # every case, tiny sizes, one run (seconds)

Every measurement is a fresh process started with `subprocess.Popen` and reaped with
`os.wait4`, which returns that process's own resource usage: wall time is taken around
start and reap, peak memory is its `ru_maxrss` (on Linux the largest resident set of the
process or of any child it waited for, e.g. `--jobs` workers; not their sum). Children run
with a bytecode cache of their own (PYTHONPYCACHEPREFIX under the data directory), as an
installed tglint has, whatever PYTHONDONTWRITEBYTECODE says in the caller's environment.

Writes RESULTS.md and results.json into --out (default: bench/); generated drafts go to
--data (default: bench/out/data, git-ignored) and are reused while the generator and the
sizes are unchanged. Nothing here asserts a timing: targets are reported, not enforced.
See bench/README.md for the cases and how to read the table.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import math
import os
import platform
import pstats
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))

import generate  # noqa: E402

MIB = 1024 * 1024

# One id per row of the table, in order; the smoke test checks that each one is there.
ROW_IDS = (
    "a1",
    "a2",
    "a3",
    "b1",
    "b2",
    "b3",
    "b4",
    "c1",
    "c2",
    "c3",
    "c4",
    "d1",
    "d2",
    "d3",
    "d4",
    "d5",
    "d6",
    "d7",
    "d8",
    "e1",
    "e2",
    "e3",
    "e4",
    "e5",
    "e6",
    "f1",
    "f2",
    "f3",
    "f4",
    "f5",
    "f6",
)

# Run a tglint console script in-process, then report which heavy modules it imported.
_IMPORT_PROBE = """\
import json, sys
from importlib.metadata import entry_points
out, sys.argv = sys.argv[1], ["tglint", *sys.argv[2:]]
main = entry_points(group="console_scripts", name="tglint")[0].load()
try:
    main()
finally:
    heavy = ("spacy", "langdetect", "phonenumbers", "stdnum", "rich", "pydantic", "typer", "multiprocessing")
    report = {"modules": len(sys.modules), "imported": {m: m in sys.modules for m in heavy}}
    with open(out, "w") as handle:
        json.dump(report, handle)
"""
# Runs one command and reports its wall time, peak RSS, exit code and whether it was killed.
# It exists because ru_maxrss survives exec: a child forked from this (large) benchmark
# process would report at least this process's size. Forked from this small wrapper
# (`python -S`, a few MiB), the command's own peak is what is reported.
_WRAPPER = """\
import os, signal, sys, time
out, timeout, command = sys.argv[1], float(sys.argv[2]), sys.argv[3:]
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    os.setpgid(0, 0)
    try:
        os.execvp(command[0], command)
    finally:
        os._exit(127)
killed = []
def kill(signum, frame):
    killed.append(1)
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
signal.signal(signal.SIGALRM, kill)
signal.setitimer(signal.ITIMER_REAL, timeout)
_, status, usage = os.wait4(pid, 0)
wall = time.perf_counter() - start
signal.setitimer(signal.ITIMER_REAL, 0)
with open(out, "w") as handle:
    handle.write(f"{wall} {usage.ru_maxrss} {os.waitstatus_to_exitcode(status)} {int(bool(killed))}")
"""
# The same console script as a file, for `python -m cProfile -o OUT script.py ARGS`.
_ENTRY_SCRIPT = """\
import sys
from importlib.metadata import entry_points
sys.argv[0] = "tglint"
sys.exit(entry_points(group="console_scripts", name="tglint")[0].load()())
"""


@dataclass(frozen=True)
class Sizes:
    runs: int
    batch: int  # c: drafts in one invocation
    dir_small: int  # d: directory of few drafts ...
    dir_large: int  # ... and of many
    big: tuple[int, ...]  # d: bytes of the one big draft
    peer_batch: int  # e: English plain-text drafts
    profile_batch: int  # drafts in the cProfile'd batch
    warm_requests: int = 1000  # f: timed requests of one draft through a warm path
    warm_memory: int = 10_000  # f: requests after which memory is read (and at a tenth of it)

    @property
    def big_labels(self) -> tuple[str, ...]:
        return tuple(_size_label(s) for s in self.big)


FULL = Sizes(5, 2000, 100, 10_000, (10 * 1024, 1024 * 1024, 20 * 1024 * 1024), 2000, 200)
SMOKE = Sizes(1, 6, 2, 10, (10 * 1024, 20 * 1024, 40 * 1024), 4, 3, warm_requests=20, warm_memory=60)


def _size_label(size: int) -> str:
    if size >= MIB:
        return f"{size / MIB:g} MB"
    return f"{size / 1024:g} KB"


# --------------------------------------------------------------------------- measuring


@dataclass
class Run:
    wall: float  # seconds
    rss_mib: float  # peak resident set, MiB
    exit_code: int
    timed_out: bool = False


@dataclass
class Measurement:
    runs: list[Run] = field(default_factory=list)
    stopped_early: str = ""  # why fewer runs than asked, if so
    stderr_head: str = ""  # the start of stderr of an abnormal run

    @property
    def walls(self) -> list[float]:
        return [r.wall for r in self.runs]

    @property
    def median(self) -> float:
        return statistics.median(self.walls)

    @property
    def peak_mib(self) -> float:
        return max(r.rss_mib for r in self.runs)

    @property
    def timed_out(self) -> bool:
        return any(r.timed_out for r in self.runs)


class Runner:
    """Starts each command as a fresh process; wall time and its own peak RSS per run."""

    def __init__(self, env: dict[str, str], budget: float, timeout: float, cwd: Path) -> None:
        self.env = env
        self.budget = budget  # seconds per case: stop adding runs past it (at least one run)
        self.timeout = timeout  # seconds per run: kill the process group past it
        self.cwd = cwd

    def once(self, command: Sequence[str]) -> tuple[Run, str]:
        """One run through `_WRAPPER`; a last-resort timer kills the wrapper if it hangs."""
        with tempfile.TemporaryDirectory() as tmp, tempfile.TemporaryFile() as stderr:
            report = Path(tmp) / "run"
            wrapper = [sys.executable, "-S", "-c", _WRAPPER, str(report), str(self.timeout), *command]
            process = subprocess.Popen(
                wrapper,
                stdout=subprocess.DEVNULL,
                stderr=stderr,
                stdin=subprocess.DEVNULL,
                env=self.env,
                cwd=self.cwd,
                start_new_session=True,
            )
            try:
                process.wait(timeout=self.timeout + 60)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait()
            stderr.seek(0)
            err = stderr.read(4096).decode("utf-8", "replace")
            if not report.exists():
                raise RuntimeError(f"the measuring wrapper failed ({process.returncode}): {_first_lines(err)}")
            wall, maxrss, exit_code, killed = report.read_text().split()
        # Linux reports ru_maxrss in KiB, macOS in bytes.
        rss = int(maxrss) / (MIB if sys.platform == "darwin" else 1024)
        return Run(round(float(wall), 4), round(rss, 1), int(exit_code), killed == "1"), err

    def measure(self, command: Sequence[str], runs: int, *, warmup: bool = False) -> Measurement:
        if warmup:
            self.once(command)
        result = Measurement()
        spent = 0.0
        for i in range(runs):
            run, err = self.once(command)
            result.runs.append(run)
            spent += run.wall
            if (run.exit_code not in (0, 1) or run.timed_out) and not result.stderr_head:
                result.stderr_head = _first_lines(err)
            if run.timed_out:
                result.stopped_early = f"killed after {self.timeout:g} s"
                break
            if spent >= self.budget and i + 1 < runs:
                result.stopped_early = f"{i + 1} of {runs} runs: {self.budget:g} s time budget"
                break
        return result


def _first_lines(text: str, n: int = 3) -> str:
    return " | ".join(line.strip() for line in text.strip().splitlines()[:n])[:300]


# --------------------------------------------------------------------------- rows


@dataclass
class Row:
    id: str
    case: str
    command: str
    target: str = "—"
    met: str = "—"
    runs: list[dict[str, Any]] = field(default_factory=list)
    median_s: float | None = None
    min_s: float | None = None
    max_s: float | None = None
    peak_rss_mib: float | None = None
    value: float | None = None  # a derived number: drafts/s, a ratio
    unit: str = ""
    notes: list[str] = field(default_factory=list)
    count: int | None = None  # requests measured in one process (warm paths), shown as n

    @classmethod
    def measured(cls, id: str, case: str, command: str, m: Measurement, **kw: Any) -> Row:
        row = cls(id, case, command, **kw)
        row.runs = [asdict(r) for r in m.runs]
        row.median_s = round(m.median, 4)
        row.min_s = min(m.walls)
        row.max_s = max(m.walls)
        row.peak_rss_mib = m.peak_mib
        if m.stopped_early:
            row.notes.append(m.stopped_early)
        codes = sorted({r.exit_code for r in m.runs if r.exit_code not in (0, 1)})
        if codes and not m.timed_out:
            row.notes.append(f"exit {', '.join(map(str, codes))}: {m.stderr_head}")
        return row

    @classmethod
    def skipped(cls, id: str, case: str, command: str, reason: str, target: str = "—") -> Row:
        return cls(id, case, command, target=target, met=f"skipped: {reason}")


def judge_time_memory(row: Row, max_s: float | None, max_mib: float | None) -> None:
    parts, misses = [], []
    if max_s is not None:
        parts.append(f"≤ {_seconds(max_s)}")
        if row.median_s is not None and row.median_s > max_s:
            misses.append(f"{_seconds(row.median_s)} is {row.median_s / max_s:.1f}x the time")
    if max_mib is not None:
        parts.append(f"≤ {max_mib:g} MiB")
        if row.peak_rss_mib is not None and row.peak_rss_mib > max_mib:
            misses.append(f"{row.peak_rss_mib:.0f} MiB is {row.peak_rss_mib / max_mib:.1f}x the memory")
    row.target = ", ".join(parts)
    if any(r["timed_out"] for r in row.runs):
        misses.insert(0, "killed at the time limit")
    row.met = "yes" if not misses else "no: " + "; ".join(misses)


def judge_at_least(row: Row, value: float, minimum: float, unit: str, *, upper_bound: bool = False) -> None:
    """`upper_bound`: a run was killed, so `value` is at most what was measured."""
    row.value, row.unit = round(value, 2), unit
    space = "" if unit == "x" else " "
    row.target = f"≥ {minimum:g}{space}{unit}"
    shown = f"{'< ' if upper_bound else ''}{value:,.{2 if value < 10 else 1}f}{space}{unit}"
    if value >= minimum and not upper_bound:
        row.met = f"yes: {shown}"
    else:
        row.met = f"no: {shown}, {100 * (1 - value / minimum):.0f}% short"


def judge_at_most(row: Row, value: float, maximum: float, unit: str) -> None:
    row.value, row.unit = round(value, 2), unit
    row.target = f"≤ {maximum:g}{unit}"
    row.met = f"yes: {value:.2f}{unit}" if value <= maximum else f"no: {value:.2f}{unit}"


def _seconds(value: float) -> str:
    if value < 0.01:  # warm-path latencies: a millisecond is a tenth of the target
        return f"{value * 1000:.1f} ms"
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


# --------------------------------------------------------------------------- data


@dataclass(frozen=True)
class Data:
    root: Path
    batch: Path  # directory
    dir_small: Path
    dir_large: Path
    peer: Path  # directory of English plain-text drafts
    big: tuple[Path, ...]
    single_zh: Path
    single_en: Path

    @property
    def peer_files(self) -> list[Path]:
        return sorted(self.peer.iterdir())


def prepare_data(root: Path, sizes: Sizes, seed: int, log: Callable[[str], None]) -> Data:
    """Generate (or reuse) every input; a stamp records what made them."""
    source = b"".join((BENCH / name).read_bytes() for name in ("generate.py", "phrases.py"))
    made = {k: v for k, v in asdict(sizes).items() if k not in ("runs", "profile_batch")}
    stamp = {"generator": hashlib.sha256(source).hexdigest()[:16], "seed": seed, "sizes": made}
    stamp_file = root / "stamp.json"
    data = Data(
        root=root,
        batch=root / f"batch-{sizes.batch}" / "drafts",
        dir_small=root / f"dir-{sizes.dir_small}" / "drafts",
        dir_large=root / f"dir-{sizes.dir_large}" / "drafts",
        peer=root / f"peer-en-{sizes.peer_batch}" / "drafts",
        big=tuple(root / f"big-{size}.txt" for size in sizes.big),
        single_zh=root / "single" / "draft-zh.eml",
        single_en=root / "single" / "draft-en.eml",
    )
    if stamp_file.exists() and json.loads(stamp_file.read_text()) == stamp:
        log(f"reusing the drafts in {root}")
        return data
    for child in ("single", *(p.parent.name for p in (data.batch, data.dir_small, data.dir_large, data.peer))):
        shutil.rmtree(root / child, ignore_errors=True)
    root.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    for directory, n, kwargs in (
        (data.batch, sizes.batch, {}),
        (data.dir_small, sizes.dir_small, {}),
        (data.dir_large, sizes.dir_large, {}),
        (data.peer, sizes.peer_batch, {"language": "en", "text_only": True}),
    ):
        log(f"generating {n} drafts in {directory}")
        generate.generate_drafts(n, directory, seed=seed, manifest=directory.parent / "manifest.json", **kwargs)
    for size, path in zip(sizes.big, data.big, strict=True):
        log(f"generating a {_size_label(size)} draft")
        generate.generate_big_draft(size, path, seed=seed, language="zh")
    # The single drafts: the first multipart .eml of each language (the fullest reading path).
    data.single_zh.parent.mkdir(parents=True, exist_ok=True)
    for language, path in (("zh", data.single_zh), ("en", data.single_en)):
        spec = next(
            s
            for i in range(10_000)
            if (s := generate.compose(i, seed)).language == language and s.form == "eml-multipart"
        )
        path.write_bytes(generate.render(spec))
    stamp_file.write_text(json.dumps(stamp, indent=1))
    log(f"drafts ready in {time.perf_counter() - started:.1f} s")
    return data


# --------------------------------------------------------------------------- the machine


def machine_info(tglint: Path, env: dict[str, str], peer_version: str | None) -> dict[str, Any]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = "unknown"
    try:
        kib = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))  # type: ignore[union-attr]
        memory = f"{kib / MIB:.1f} GiB"
    except (OSError, AttributeError):
        pass
    version = subprocess.run([str(tglint), "--version"], capture_output=True, text=True, env=env).stdout.strip()
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "nproc": os.cpu_count(),
        "usable_cpus": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "cpu": cpu,
        "memory": memory,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "tglint": version or "unknown",
        "commit": _git_describe(),
        "peer": peer_version or "not installed",
        "load_before": _loadavg(),
    }


def _git_describe() -> str:
    """The commit measured, read-only; '+ local changes' when the tree differs from it."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=BENCH)
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"], capture_output=True, text=True, cwd=BENCH
        )
    except OSError:
        return "unknown"
    if head.returncode != 0:
        return "unknown"
    return head.stdout.strip() + (" + local changes" if dirty.stdout.strip() else "")


def _loadavg() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


# --------------------------------------------------------------------------- the peer


def peer_command(venv: Path) -> list[str] | None:
    """How the installed proselint checks files: `proselint check FILE...` (0.14+) or `proselint FILE...`."""
    exe = venv / "bin" / "proselint"
    if not exe.exists():
        return None
    help_text = subprocess.run([str(exe), "--help"], capture_output=True, text=True).stdout
    return [str(exe), "check"] if re.search(r"^\s+check\b", help_text, re.MULTILINE) else [str(exe)]


def peer_version(venv: Path) -> str | None:
    python = venv / "bin" / "python"
    if not python.exists():
        return None
    probe = "from importlib.metadata import version; print(version('proselint'))"
    result = subprocess.run([str(python), "-c", probe], capture_output=True, text=True)
    return f"proselint {result.stdout.strip()}" if result.returncode == 0 else None


def setup_peer(venv: Path, log: Callable[[str], None]) -> bool:
    log(f"installing proselint into {venv}")
    try:
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "proselint"], check=True)
    except (OSError, subprocess.CalledProcessError) as error:
        log(f"could not install proselint: {error}")
        return False
    return True


# --------------------------------------------------------------------------- the cases


@dataclass
class Bench:
    tglint: Path
    python: Path
    runner: Runner
    sizes: Sizes
    data: Data
    peer: list[str] | None
    log: Callable[[str], None]
    rows: list[Row] = field(default_factory=list)
    checks: dict[str, Any] = field(default_factory=dict)
    has_jobs: bool = False
    smoke: bool = False

    def tg(self, *args: str | Path) -> list[str]:
        return [str(self.tglint), *map(str, args)]

    def measure(self, command: Sequence[str], *, warmup: bool = False) -> Measurement:
        """`warmup`: one unmeasured run first (never in a smoke run, where speed is not the point)."""
        self.log(f"  {_short(command)}")
        return self.runner.measure(command, self.sizes.runs, warmup=warmup and not self.smoke)

    # a. one draft, cold process
    def case_a(self) -> None:
        self.log("a. one draft, cold process")
        zh, en = self.data.single_zh, self.data.single_en
        for id, title, command in (
            ("a1", "one draft (zh .eml), text report", self.tg(zh)),
            ("a2", "one draft (zh .eml), JSON report", self.tg("--format", "json", zh)),
            ("a3", "one draft (en .eml), text report", self.tg(en)),
        ):
            row = Row.measured(id, title, _short(command), self.measure(command, warmup=True))
            judge_time_memory(row, 0.8, 200)
            self.rows.append(row)
        self.checks["imports_one_draft"] = self.probe_imports([str(zh)])

    # b. metadata commands, no linting
    def case_b(self) -> None:
        self.log("b. metadata commands")
        probes: dict[str, Any] = {}
        for id, args in (("b1", ["--version"]), ("b2", ["rules"]), ("b3", ["explain", "TG101"]), ("b4", ["--help"])):
            command = self.tg(*args)
            row = Row.measured(id, "metadata, no linting", _short(command), self.measure(command, warmup=True))
            judge_time_memory(row, 0.150, None)
            probe = self.probe_imports(args)
            probes[" ".join(args)] = probe
            row.target += ", no spaCy"
            if probe.get("imported", {}).get("spacy"):
                row.met = "no: imports spaCy" if row.met == "yes" else f"{row.met}; imports spaCy"
            elif "error" in probe:
                row.notes.append(f"import check failed: {probe['error']}")
            else:
                row.notes.append("spaCy not imported")
            self.rows.append(row)
        self.checks["imports_metadata"] = probes

    def body_read(self, path: Path) -> tuple[int, int] | None:
        """(characters of body text tglint reads, characters of body in the file), or None.

        Best effort through tglint's reader (`tglint.reading.read_path`): a big draft may be
        cut to a length limit, which makes its time say little about the checks' growth.
        """
        probe = (
            "import sys\nfrom tglint.reading import read_path\n"
            "draft = read_path(sys.argv[1])[0]\n"
            "text = open(sys.argv[1], encoding='utf-8').read().replace('\\r\\n', '\\n')\n"
            "print(len(draft.body.text), len(text.split('\\n\\n', 1)[1]))\n"
        )
        try:
            result = subprocess.run(
                [str(self.python), "-c", probe, str(path)],
                capture_output=True,
                text=True,
                env=self.runner.env,
                timeout=600,
            )
            read, total = map(int, result.stdout.split())
        except (OSError, ValueError, subprocess.TimeoutExpired):
            return None
        return read, total

    def probe_imports(self, args: Sequence[str]) -> dict[str, Any]:
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "probe.json"
            result = subprocess.run(
                [str(self.python), "-c", _IMPORT_PROBE, str(out), *args],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
                env=self.runner.env,
            )
            if not out.exists():
                return {"error": _first_lines(result.stderr)}
            report: dict[str, Any] = json.loads(out.read_text())
            return report

    # c. a batch in one invocation
    def case_c(self) -> None:
        n = self.sizes.batch
        self.log(f"c. batch of {n} drafts")
        variants = (("c1", "default", ()), ("c2", "--jobs 1", ("--jobs", "1")), ("c3", "--jobs 2", ("--jobs", "2")))
        for id, label, extra in variants:
            command = self.tg(*extra, self.data.batch)
            shown = _short(command).replace(str(self.data.batch), f"DIR({n})")
            if extra and not self.has_jobs:
                self.rows.append(Row.skipped(id, f"batch of {n}, {label}", shown, "no --jobs in `tglint check --help`"))
                continue
            row = Row.measured(id, f"batch of {n}, {label}", shown, self.measure(command))
            judge_at_least(row, n / row.median_s, 600, "drafts/s", upper_bound=_killed(row))  # type: ignore[operator]
            self.rows.append(row)
        self.rows.append(self.dask_row(n))

    def dask_row(self, n: int) -> Row:
        """The same batch through the API on a local Dask cluster of two worker processes
        (examples/dask_archive.py, a whole process: the cluster's start is in the time)."""
        title = f"batch of {n}, Dask (2 worker processes)"
        shown = f"dask_archive.py DIR({n}) --workers 2"
        probe = subprocess.run(
            [str(self.python), "-c", "import dask.bag, distributed"], capture_output=True, env=self.runner.env
        )
        if probe.returncode != 0:
            return Row.skipped("c4", title, shown, "dask not installed (pip install 'tglint[dask]')", "≥ 600 drafts/s")
        out = self.data.root / "dask-out"
        command = [str(self.python), str(ROOT / "examples" / "dask_archive.py"), str(self.data.batch)]
        command += ["--out", str(out), "--workers", "2"]
        row = Row.measured("c4", title, shown, self.measure(command))
        judge_at_least(row, n / row.median_s, 600, "drafts/s", upper_bound=_killed(row))  # type: ignore[operator]
        row.notes.append("beside c3: the same drafts and workers; the time includes starting the cluster")
        return row

    # d. growth: one big draft; many drafts in a directory
    def case_d(self) -> None:
        self.log("d. growth")
        big_rows = []
        for id, size, path, label in zip(
            ("d1", "d2", "d3"), self.sizes.big, self.data.big, self.sizes.big_labels, strict=True
        ):
            command = self.tg(path)
            row = Row.measured(id, f"one draft of {label}", f"tglint BIG({label})", self.measure(command))
            if size == max(self.sizes.big):
                judge_time_memory(row, 10.0, 1024)
            row.value, row.unit = size, "bytes"
            read = self.body_read(path)
            if read and read[0] < read[1]:
                row.notes.append(f"tglint checked {read[0]:,} of {read[1]:,} body characters")
            big_rows.append(row)
            self.rows.append(row)
        for id, title, attr, unit in (("d4", "growth of time", "median_s", " s"),
                                      ("d5", "growth of memory", "peak_rss_mib", " MiB")):  # fmt: skip
            row = _linearity(id, title, big_rows, attr, unit)
            if any("body characters" in note for r in big_rows for note in r.notes):
                row.notes.append("tglint cut the body (see d1–d3): growth of the reading, not of the checks")
            self.rows.append(row)
        dir_rows = []
        for id, n, directory in (
            ("d6", self.sizes.dir_small, self.data.dir_small),
            ("d7", self.sizes.dir_large, self.data.dir_large),
        ):
            command = self.tg(directory)
            row = Row.measured(id, f"directory of {n:,} drafts", f"tglint DIR({n})", self.measure(command))
            row.notes.append(f"{n / row.median_s:,.0f} drafts/s")  # type: ignore[operator]
            dir_rows.append(row)
            self.rows.append(row)
        ratio = Row("d8", f"memory, {self.sizes.dir_large:,} vs {self.sizes.dir_small:,} drafts", "d7 / d6 peak RSS")
        small, large = dir_rows
        judge_at_most(ratio, large.peak_rss_mib / small.peak_rss_mib, 1.5, "x")  # type: ignore[operator]
        self.rows.append(ratio)

    # e. the peer, side by side
    def case_e(self) -> None:
        files = self.data.peer_files
        n = len(files)
        self.log(f"e. peer: proselint vs tglint, 1 and {n} English drafts")
        one = files[:1]
        cases = (
            ("e1", "e2", "e3", "one English draft", one, "FILE"),
            ("e4", "e5", "e6", f"batch of {n} English drafts", files, f"FILES({n})"),
        )
        for peer_id, tg_id, ratio_id, title, paths, shown in cases:
            tg_command = self.tg(*paths)
            tg_row = Row.measured(
                tg_id, f"tglint, {title}", f"tglint {shown}", self.measure(tg_command, warmup=len(paths) == 1)
            )
            if self.peer is None:
                self.rows.append(
                    Row.skipped(
                        peer_id,
                        f"proselint, {title}",
                        f"proselint check {shown}",
                        "proselint not installed (run.py --setup-peer)",
                    )
                )
                self.rows.append(tg_row)
                target = "≥ 2x" if len(paths) > 1 else "—"
                self.rows.append(
                    Row.skipped(ratio_id, f"files/s, tglint / proselint ({title})", "e. ratio", "no peer", target)
                )
                continue
            peer_command_ = [*self.peer, *map(str, paths)]
            peer_row = Row.measured(
                peer_id, f"proselint, {title}", f"proselint check {shown}", self.measure(peer_command_, warmup=True)
            )
            self.rows += [peer_row, tg_row]
            ratio = Row(ratio_id, f"files/s, tglint / proselint ({title})", f"{peer_id} wall / {tg_id} wall")
            value = peer_row.median_s / tg_row.median_s  # type: ignore[operator]
            if len(paths) == 1:
                # The 2x is for the batch; one file is mostly each tool's start-up.
                ratio.value, ratio.unit = round(value, 2), "x"
                ratio.met = f"— ({value:.2f}x; start-up, see a1 and b1)"
            else:
                judge_at_least(ratio, value, 2, "x", upper_bound=_killed(tg_row))
            self.rows.append(ratio)

    # f. warm paths: rules, packs and pipelines stay loaded in one process
    def case_f(self) -> None:
        n, total = self.sizes.warm_requests, self.sizes.warm_memory
        draft = self.data.single_zh
        self.log(f"f. warm paths: {n:,} requests of one draft, memory over {total:,}")
        cold = next((r.median_s for r in self.rows if r.id == "a1" and r.median_s), None)
        peer = next((r.median_s for r in self.rows if r.id == "e1" and r.median_s), None)
        api = ["api", str(draft), str(n), "--memory", str(self.data.batch), str(total)]
        lsp = ["lsp", str(draft), str(n), "--memory", str(total)]
        http = ["http", str(draft), str(n), "--memory", str(self.data.batch), str(total)]
        paths = (
            ("f1", "f2", "API in-process (tglint.lint_text)", api),
            ("f3", "f4", "language server, didChange → diagnostics", lsp),
            ("f5", "f6", "HTTP server, POST /v2/check → answer", http),
        )
        for latency_id, memory_id, title, args in paths:
            command = [str(self.python), str(BENCH / "warm.py"), *args, "--tglint", str(self.tglint)]
            shown = f"warm.py {args[0]} DRAFT(zh .eml) {n}"
            self.log(f"  {shown}")
            outcome = self.warm(command)
            if "error" in outcome:
                self.rows.append(Row.skipped(latency_id, f"{title}, one draft", shown, outcome["error"]))
                self.rows.append(Row.skipped(memory_id, f"{title}, memory", shown, outcome["error"]))
                continue
            self.rows.append(_latency_row(latency_id, f"{title}, one draft", shown, outcome, cold, peer))
            self.rows.append(_memory_row(memory_id, f"{title}, memory", shown, outcome["memory"]))

    def warm(self, command: Sequence[str]) -> dict[str, Any]:
        """One warm-path process (`bench/warm.py`): its JSON, or {"error": why}."""
        try:
            result = subprocess.run(
                command, capture_output=True, text=True, env=self.runner.env, timeout=self.runner.timeout
            )
        except subprocess.TimeoutExpired:
            return {"error": f"killed after {self.runner.timeout:g} s"}
        if result.returncode != 0:
            return {"error": f"exit {result.returncode}: {_first_lines(result.stderr)}"}
        outcome: dict[str, Any] = json.loads(result.stdout)
        return outcome

    # where the time goes
    def profile(self, out_dir: Path) -> dict[str, Any]:
        self.log("profile: -X importtime and cProfile")
        env = self.runner.env
        result: dict[str, Any] = {}
        imports = subprocess.run(
            [str(self.python), "-X", "importtime", "-c", _ENTRY_SCRIPT, str(self.data.single_zh)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        result["importtime"] = summarize_importtime(imports.stderr)
        entry = self.data.root / "tglint_entry.py"
        entry.write_text(_ENTRY_SCRIPT)
        batch = sorted(self.data.batch.iterdir())[: self.sizes.profile_batch]
        jobs = ["--jobs", "1"] if self.has_jobs else []
        for key, args in (("one_draft", [self.data.single_zh]), ("batch", [*jobs, *batch])):
            stats_file = out_dir / f"profile-{key}.pstats"
            started = time.perf_counter()
            subprocess.run(
                [str(self.python), "-m", "cProfile", "-o", str(stats_file), str(entry), *map(str, args)],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                env=env,
            )
            wall = time.perf_counter() - started
            if stats_file.exists():
                result[key] = {
                    "drafts": len(args) - len(jobs) if key == "batch" else 1,
                    "wall_s": round(wall, 2),
                    **summarize_pstats(stats_file),
                }
                stats_file.unlink()
        return result


def _percentile(values: Sequence[float], fraction: float) -> float:
    """The nearest-rank percentile: the smallest value with `fraction` of them at or below it."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def _latency_row(
    id: str, case: str, command: str, outcome: dict[str, Any], cold: float | None, peer: float | None
) -> Row:
    """p50 as the median, p99 as the value; target p50 ≤ 10 ms and p99 ≤ 50 ms."""
    latencies = outcome["latencies"]
    p50, p99 = _percentile(latencies, 0.50), _percentile(latencies, 0.99)
    row = Row(id, case, command, count=len(latencies), unit="s")
    row.median_s, row.min_s, row.max_s = round(p50, 5), round(min(latencies), 5), round(max(latencies), 5)
    row.value = round(p99, 5)
    row.peak_rss_mib = outcome["memory"]["rss_end_mib"] if outcome.get("memory") else None
    row.target = "p50 ≤ 10 ms, p99 ≤ 50 ms"
    met = p50 <= 0.010 and p99 <= 0.050
    row.met = f"{'yes' if met else 'no'}: p50 {p50 * 1000:.1f} ms, p99 {p99 * 1000:.1f} ms"
    row.notes.append(f"first request {outcome['first_request_s'] * 1000:.0f} ms (start-up and loading)")
    if cold:
        row.notes.append(f"{cold / p50:.0f}x faster than the cold run a1 ({_seconds(cold)})")
    if peer:
        row.notes.append(f"proselint's CLI on one file (e1): {_seconds(peer)}")
    return row


def _memory_row(id: str, case: str, command: str, memory: dict[str, Any]) -> Row:
    """Growth of the resident set from request `early` to the last; target < 10 %."""
    early, end = memory["rss_early_mib"], memory["rss_end_mib"]
    growth = (end - early) / early * 100 if early else 0.0
    row = Row(id, case, f"{command} then {memory['requests']:,} requests", count=memory["requests"])
    row.peak_rss_mib, row.value, row.unit = end, round(growth, 2), "%"
    row.target = f"< 10 % growth from request {memory['early']:,} to {memory['requests']:,}"
    row.met = f"{'yes' if growth < 10 else 'no'}: {early:.1f} → {end:.1f} MiB ({growth:+.1f} %)"
    if "distinct_drafts" in memory:
        latencies = memory["latencies"]
        p50, p99 = _percentile(latencies, 0.5) * 1000, _percentile(latencies, 0.99) * 1000
        distinct = memory["distinct_drafts"]
        row.notes.append(f"cycling through {distinct:,} different drafts: p50 {p50:.1f} ms, p99 {p99:.1f} ms")
    return row


def _killed(row: Row) -> bool:
    return any(r["timed_out"] for r in row.runs)


def _linearity(id: str, title: str, rows: list[Row], attr: str, unit: str) -> Row:
    """Cost per extra byte from the largest step over that of the step before it."""
    row = Row(id, title, "slope d2→d3 / slope d1→d2")
    sizes = [r.value for r in rows]
    values = [getattr(r, attr) for r in rows]
    if None in values or None in sizes:
        row.met = "n/a"
        return row
    slope_low = (values[1] - values[0]) / (sizes[1] - sizes[0])  # type: ignore[operator]
    slope_high = (values[2] - values[1]) / (sizes[2] - sizes[1])  # type: ignore[operator]
    per_mib = f"{slope_low * MIB:.3g}{unit}/MB then {slope_high * MIB:.3g}{unit}/MB"
    if slope_low <= 0:
        row.target, row.met = "≤ 1.5x (linear)", f"n/a: no growth over the first step ({per_mib})"
        return row
    judge_at_most(row, slope_high / slope_low, 1.5, "x")
    row.target += " (linear)"
    row.notes.append(per_mib)
    if any(_killed(r) for r in rows):
        row.notes.append("a run was killed: a lower bound")
    return row


def summarize_importtime(stderr: str, top: int = 12) -> dict[str, Any]:
    """Total import time, and the top-level packages that cost most (self time summed)."""
    by_package: dict[str, int] = {}
    total = 0
    count = 0
    for line in stderr.splitlines():
        match = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|(\s*)(\S+)", line)
        if not match:
            continue
        self_us, name = int(match.group(1)), match.group(4)
        total += self_us
        count += 1
        root = name.split(".")[0]
        by_package[root] = by_package.get(root, 0) + self_us
    ranked = sorted(by_package.items(), key=lambda kv: -kv[1])[:top]
    return {
        "total_ms": round(total / 1000, 1),
        "modules": count,
        "top_packages_ms": [[name, round(us / 1000, 1)] for name, us in ranked],
    }


def summarize_pstats(path: Path, top: int = 15) -> dict[str, Any]:
    """Own time by area (regex compilation, imports, a package, a tglint module), the top
    functions by own time, tglint's functions by cumulative time, and each rule's check()."""
    stats = pstats.Stats(str(path))
    entries = []
    areas: dict[str, float] = {}
    for (filename, line, function), (_cc, ncalls, tottime, cumtime, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        where = _where(filename, line, function)
        entries.append((where, ncalls, tottime, cumtime))
        area = _area(filename, function)
        areas[area] = areas.get(area, 0.0) + tottime

    def ranked(index: int, keep: Callable[[str], bool] = lambda _: True) -> list[list[Any]]:
        chosen = sorted((e for e in entries if keep(e[0])), key=lambda e: -e[index])[:top]
        return [[w, n, round(t, 3), round(c, 3)] for w, n, t, c in chosen]

    def tglint_work(where: str) -> bool:  # tglint's own code, without the call chain around every draft
        return where.startswith("tglint/") and not re.match(r"tglint/(cli|run|engine|__main__)\.py", where)

    return {
        "total_s": round(stats.total_tt, 3),  # type: ignore[attr-defined]
        "by_area": [[a, round(t, 3)] for a, t in sorted(areas.items(), key=lambda kv: -kv[1])[:top]],
        "by_tottime": ranked(2),
        "tglint_by_cumtime": ranked(3, tglint_work),
        "rules_by_cumtime": ranked(3, lambda w: w.startswith("tglint/checks/") and w.endswith("(check)")),
    }


_IMPORT_BUILTINS = {"marshal.loads", "compile", "exec", "__build_class__", "create_dynamic", "exec_dynamic"}


def _area(filename: str, function: str) -> str:
    """Where own time is spent, coarsely, for a 'where the time goes' table."""
    if filename == "~":
        name = re.sub(r"^<(built-in method |method )?|>$", "", function)
        name = re.sub(r" of '?([\w.]+)'? objects", r" (\1)", name)
        if "re.Pattern" in name or "_sre" in name:
            return "regex matching (C)"
        if any(name.startswith(b) or name.endswith(b) for b in _IMPORT_BUILTINS):
            return "imports (unmarshal, exec)"
        return f"builtin {name}"
    if "importlib" in filename and filename.startswith("<frozen"):
        return "imports (importlib)"
    parts = Path(filename).parts
    if "site-packages" in parts:
        return parts[parts.index("site-packages") + 1].split(".")[0]
    if "tglint" in parts:
        i = len(parts) - 1 - parts[::-1].index("tglint")
        return "/".join(parts[i:])
    if len(parts) >= 2 and parts[-2] == "re":
        return "regex compilation (re._parser, re._compiler)"
    package = parts[-2] if len(parts) >= 2 and not parts[-2].startswith("python3") else Path(filename).stem
    return f"stdlib {package}"


def _where(filename: str, line: int, function: str) -> str:
    if filename == "~":
        return function
    parts = Path(filename).parts
    for anchor in ("tglint", "site-packages"):
        if anchor in parts:
            i = len(parts) - 1 - parts[::-1].index(anchor)
            shown = "/".join(parts[i + (anchor == "site-packages") :])
            return f"{shown}:{line}({function})"
    return f"{Path(filename).name}:{line}({function})"


def _short(command: Sequence[str]) -> str:
    shown = []
    for arg in command:
        path = Path(arg)
        shown.append(path.name if path.is_absolute() else arg)
    if len(shown) > 6:
        shown = [*shown[:4], f"... ({len(shown) - 4} more)"]
    return " ".join(shown)


# --------------------------------------------------------------------------- the report


def render_markdown(results: dict[str, Any]) -> str:
    m = results["machine"]
    s = results["settings"]
    lines = ["# tglint benchmark results", ""]
    if s["smoke"]:
        lines += ["**Smoke run**: tiny sizes and one run each; the numbers only show that every case runs.", ""]
    lines += [
        f"Recorded {m['date']} by `bench/run.py{' --smoke' if s['smoke'] else ''}`"
        f" ({s['runs']} runs per case unless noted; median, min and max of wall time; peak RSS is the"
        " largest of the runs). See `bench/README.md`.",
        "",
        "| machine | |",
        "|---|---|",
        f"| CPUs (nproc) | {m['nproc']} ({m['usable_cpus']} usable) |",
        f"| CPU | {m['cpu']} |",
        f"| memory | {m['memory']} |",
        f"| OS | {m['os']} |",
        f"| Python | {m['python']} |",
        f"| tglint | {m['tglint']} (commit {m['commit']}) |",
        f"| peer | {m['peer']} |",
        f"| load average before / after | {m['load_before']} / {m.get('load_after', '?')} |",
        "",
        "| case | what | command | n | median wall | min – max | peak RSS MiB | target | met? |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for row in results["rows"]:
        n = row.get("count") or len(row["runs"]) or "—"
        median = _seconds(row["median_s"]) if row["median_s"] is not None else "—"
        spread = f"{_seconds(row['min_s'])} – {_seconds(row['max_s'])}" if row["min_s"] is not None else "—"
        rss = f"{row['peak_rss_mib']:.0f}" if row["peak_rss_mib"] is not None else "—"
        met = row["met"] + (f" ({'; '.join(row['notes'])})" if row["notes"] else "")
        cells = [row["id"], row["case"], f"`{row['command']}`", str(n), median, spread, rss, row["target"], met]
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    lines += [
        "",
        "Why a target is missed, and what was tried, is written up in the README's Speed section"
        " (it changes with the code; this table is only measured).",
        "",
        *_render_imports(results["checks"]),
        *_render_profile(results.get("profile", {})),
    ]
    return "\n".join(lines).rstrip() + "\n"


def _render_imports(checks: dict[str, Any]) -> list[str]:
    probes = {**checks.get("imports_metadata", {})}
    if "imports_one_draft" in checks:
        probes["DRAFT (lint one draft)"] = checks["imports_one_draft"]
    if not probes:
        return []
    names = next((list(p["imported"]) for p in probes.values() if "imported" in p), [])
    lines = [
        "## Heavy imports per command",
        "",
        "Checked in a fresh process (`-c`: run the console script, then look in `sys.modules`).",
        "",
        "| `tglint ...` | modules | " + " | ".join(names) + " |",
        "|---|---|" + "---|" * len(names),
    ]
    for args, probe in probes.items():
        if "error" in probe:
            lines.append(f"| `{args}` | error: {probe['error']} |" + " |" * len(names))
            continue
        marks = ["yes" if probe["imported"][n] else "no" for n in names]
        lines.append(f"| `{args}` | {probe['modules']} | " + " | ".join(marks) + " |")
    return [*lines, ""]


def _render_profile(profile: dict[str, Any]) -> list[str]:
    if not profile:
        return []
    lines = ["## Where the time goes", ""]
    imports = profile.get("importtime")
    if imports:
        lines += [
            f"`python -X importtime`, one draft: {imports['modules']} modules imported in "
            f"{imports['total_ms']:.0f} ms (self time summed). Top packages:",
            "",
            "| package | ms |",
            "|---|---|",
            *(f"| {name} | {ms:.0f} |" for name, ms in imports["top_packages_ms"]),
            "",
        ]
    for key, title in (("one_draft", "one draft"), ("batch", "a batch")):
        data = profile.get(key)
        if not data:
            continue
        lines += [
            f"cProfile, {title} ({data['drafts']} drafts, {data['wall_s']:.1f} s under the profiler, "
            f"{data['total_s']:.1f} s profiled). Own time by area:",
            "",
            "| area | own s |",
            "|---|---|",
            *(f"| {a} | {t:.3f} |" for a, t in data["by_area"]),
            "",
            "Top functions by own time:",
            "",
            "| function | calls | own s | cumulative s |",
            "|---|---|---|---|",
            *(f"| `{w}` | {n} | {t:.3f} | {c:.3f} |" for w, n, t, c in data["by_tottime"]),
            "",
            "Rules (`check()` of each module in tglint/checks/) by cumulative time:",
            "",
            "| function | calls | own s | cumulative s |",
            "|---|---|---|---|",
            *(f"| `{w}` | {n} | {t:.3f} | {c:.3f} |" for w, n, t, c in data["rules_by_cumtime"]),
            "",
            "tglint functions by cumulative time (without cli, run and engine):",
            "",
            "| function | calls | own s | cumulative s |",
            "|---|---|---|---|",
            *(f"| `{w}` | {n} | {t:.3f} | {c:.3f} |" for w, n, t, c in data["tglint_by_cumtime"]),
            "",
        ]
    return lines


# --------------------------------------------------------------------------- main


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Benchmark tglint: whole processes, medians, peak memory.")
    parser.add_argument("--smoke", action="store_true", help="every case with tiny sizes, one run (seconds)")
    parser.add_argument("--runs", type=int, help="runs per case (default 5; smoke: 1)")
    parser.add_argument("--out", type=Path, default=BENCH, help="where RESULTS.md and results.json go (default bench/)")
    parser.add_argument("--data", type=Path, help="generated drafts (default bench/out/data, smoke: under --out)")
    parser.add_argument("--seed", type=int, default=generate.DEFAULT_SEED)
    parser.add_argument("--cases", default="abcdef", help="which cases to run, e.g. 'ab' (default all)")
    parser.add_argument("--tglint", type=Path, help="the tglint executable (default: beside this Python)")
    parser.add_argument("--peer-venv", type=Path, default=BENCH / ".peer-venv", help="proselint's virtualenv")
    peer = parser.add_mutually_exclusive_group()
    peer.add_argument("--setup-peer", action="store_true", help="install proselint into --peer-venv first")
    peer.add_argument("--no-peer", action="store_true", help="skip proselint even if it is installed")
    parser.add_argument("--budget", type=float, default=240, help="seconds per case before fewer runs are taken")
    parser.add_argument("--timeout", type=float, default=900, help="seconds before one run is killed")
    parser.add_argument("--no-profile", action="store_true", help="skip the importtime and cProfile section")
    parser.add_argument("--quiet", action="store_true")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    log: Callable[[str], None] = (lambda _: None) if args.quiet else (lambda msg: print(msg, file=sys.stderr))
    sizes = SMOKE if args.smoke else FULL
    if args.runs:
        sizes = replace(sizes, runs=args.runs)
    tglint = args.tglint or Path(sys.executable).parent / "tglint"
    if not tglint.exists():
        found = shutil.which("tglint")
        if not found:
            print("run.py: no tglint executable; pass --tglint", file=sys.stderr)
            return 2
        tglint = Path(found)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    data_root = args.data or ((out / "data") if args.smoke else BENCH / "out" / "data")

    if args.setup_peer and not setup_peer(args.peer_venv, log):
        return 2
    if not args.no_peer and not args.smoke and "e" in args.cases and peer_command(args.peer_venv) is None:
        setup_peer(args.peer_venv, log)  # the full run installs its peer; smoke uses it only when present
    peer = None if args.no_peer else peer_command(args.peer_venv)

    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str((data_root / "pycache").resolve())
    env.pop("TGLINT_DEBUG", None)
    data = prepare_data(data_root.resolve(), sizes, args.seed, log)
    runner = Runner(env, budget=args.budget if not args.smoke else 60, timeout=args.timeout, cwd=data.root)
    python = tglint.parent / "python"
    bench = Bench(tglint, python if python.exists() else Path(sys.executable), runner, sizes, data, peer, log)
    help_text = subprocess.run([str(tglint), "check", "--help"], capture_output=True, text=True, env=env).stdout
    bench.has_jobs = "--jobs" in help_text
    bench.smoke = args.smoke
    if not args.smoke:  # fill the bytecode cache before anything is measured
        runner.once([str(tglint), "--version"])
        runner.once([str(tglint), str(data.single_zh)])

    machine = machine_info(tglint, env, peer_version(args.peer_venv) if peer else None)
    started = time.perf_counter()
    for letter in "abcdef":
        if letter in args.cases:
            getattr(bench, f"case_{letter}")()
    profile = {} if args.no_profile else bench.profile(out)
    machine["load_after"] = _loadavg()
    results = {
        "machine": machine,
        "settings": {
            "smoke": args.smoke,
            "runs": sizes.runs,
            "seed": args.seed,
            "sizes": asdict(sizes),
            "budget_s": runner.budget,
            "timeout_s": runner.timeout,
            "elapsed_s": round(time.perf_counter() - started, 1),
        },
        "rows": [asdict(r) for r in bench.rows],
        "checks": bench.checks,
        "profile": profile,
    }
    (out / "results.json").write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n")
    (out / "RESULTS.md").write_text(render_markdown(results))
    log(f"wrote {out / 'RESULTS.md'} and {out / 'results.json'} ({results['settings']['elapsed_s']} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
