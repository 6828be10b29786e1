"""One `tglint check` run: settings, rules, drafts in, a report and an exit code out."""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tglint.config import ConfigError, Settings, parse_severity
from tglint.draft import ReadError
from tglint.escaping import printable
from tglint.models import ExitCode, Severity
from tglint.packs import PackError

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.process import BaseProcess

    from tglint.api import Checker
    from tglint.draft import Draft
    from tglint.engine import Linter
    from tglint.models import FileResult
    from tglint.reading import WalkCount


@dataclass(frozen=True)
class CheckRequest:
    paths: tuple[str, ...]
    output_format: str = "text"
    output: Path | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] | None = None
    severity: tuple[str, ...] = ()
    fail_level: str | None = None
    exit_zero: bool = False
    region: str | None = None
    language: str | None = None
    message_language: str | None = None
    rule_packs: tuple[Path, ...] = ()
    ignore_file: Path | None = None
    config: Path | None = None
    isolated: bool = False
    color: bool = False
    fix: bool = False
    diff: bool = False
    unsafe_fixes: bool = False
    jobs: int | None = None  # None: one process for few files, every core for many
    progress: bool = False  # a progress bar on stderr (the CLI decides when it is wanted)


def resolve_settings(request: CheckRequest) -> Settings:
    """Config file first (explicit, or found walking up from the first path), then flags."""
    from tglint.api import apply_overrides, config_settings

    first = next((p for p in request.paths if p != "-"), ".")
    settings = config_settings(first, config=request.config, isolated=request.isolated)
    severity: dict[str, Severity | str] = {}
    for item in request.severity:
        selector, sep, level = item.partition("=")
        if not sep:
            raise ConfigError(f"--severity {item!r}: write SELECTOR=error|warning|info")
        severity[selector.strip()] = parse_severity(level.strip(), f"--severity {selector}")
    return apply_overrides(
        settings,
        select=request.select,
        ignore=request.ignore,
        extend_select=request.extend_select,
        severity=severity,
        fail_level=parse_severity(request.fail_level, "--fail-level") if request.fail_level else None,
        region=request.region,
        language=request.language,
        message_language=request.message_language,
        rule_packs=request.rule_packs,
        ignore_file=request.ignore_file,
    )


def run_check(request: CheckRequest) -> ExitCode:
    from tglint.api import Checker
    from tglint.engine import fails
    from tglint.reading import WalkCount
    from tglint.reporters import open_report

    try:
        checker = Checker(resolve_settings(request))
    except (ConfigError, PackError) as exc:
        return _error(str(exc))
    for warning in checker.warnings:
        _say("warning", warning)

    if request.output is not None:
        clash = _input_at(request.output, request.paths)
        if clash is not None:
            return _error(f"{request.output}: the report would overwrite the input {clash}; write it elsewhere")
    settings = checker.settings
    walked = WalkCount()
    if request.fix or request.diff:
        code = _run_fixes(checker, request, walked)
        _say_walked(walked)
        return code
    report = open_report(request.output_format, checker.rules, color=request.color)
    unreadable = failing = False
    try:
        with _report_sink(request.output) as write, _progress(request.progress) as advance:
            write(report.start())
            # Each result is written and dropped: memory stays flat however many drafts.
            # Lazy: a directory is walked once the report is open, so the walk knows the report's file.
            for result in checker.lint_paths(request.paths, jobs=request.jobs, count=walked, skip=request.output):
                _print_notes(result, with_error=_errors_on_stderr(request))
                unreadable = unreadable or result.error is not None
                failing = failing or fails((result,), settings.fail_level)
                write(report.add(result))
                advance()
            write(report.end())
    except BrokenPipeError:
        raise  # the reader stopped reading: the CLI exits quietly
    except OSError as exc:
        return _error(f"{request.output}: cannot write the report: {exc.strerror}")
    for problem in checker.problems:
        _say("warning", problem)
    _say_walked(walked)
    if unreadable:
        return ExitCode.ERROR
    if not request.exit_zero and failing:
        return ExitCode.FINDINGS
    return ExitCode.OK


def _say_walked(walked: WalkCount) -> None:
    """One line for what walking directories passed over, so that no rule leaves files out silently."""
    details = walked.details()
    if details:
        _say("note", "walked directories" + details)


_MAX_FIX_PASSES = 5


def _run_fixes(checker: Checker, request: CheckRequest, walked: WalkCount) -> ExitCode:
    """--fix writes the fixed drafts then reports what is left; --diff only shows the changes."""
    from tglint.engine import fails
    from tglint.reading import discover
    from tglint.reporters import render

    linter, settings = checker.linter, checker.settings
    results: list[FileResult] = []
    changed = fixed_count = 0
    paths = discover(
        request.paths,
        settings.include,
        settings.exclude,
        count=walked,
        respect_gitignore=settings.respect_gitignore,
        skip=request.output,
    )
    for path in paths:
        if isinstance(path, ReadError):
            file_results, fixes = list(linter.lint([path])), 0
        else:
            file_results, fixes = _fix_one(linter, path, request)
        for result in file_results:
            _print_notes(result, with_error=_errors_on_stderr(request))
        results.extend(file_results)
        if fixes:
            changed += 1
            fixed_count += fixes
    for problem in linter.problems:
        _say("warning", problem)
    if request.diff:
        from tglint.reporters.text import one_line

        for result in results:  # no report follows a diff: say what could not be read here
            if result.error is not None:
                print(f"tglint: error: {one_line(result.path)}: {one_line(result.error)}", file=sys.stderr)
        print(f"Would fix {fixed_count} finding(s) in {changed} file(s).", file=sys.stderr)
        if any(r.error for r in results):
            return ExitCode.ERROR
        return ExitCode.FINDINGS if changed else ExitCode.OK
    print(f"Fixed {fixed_count} finding(s) in {changed} file(s).", file=sys.stderr)
    try:
        _write(render(request.output_format, results, checker.rules, color=request.color), request.output)
    except BrokenPipeError:
        raise
    except OSError as exc:
        return _error(f"{request.output}: cannot write the report: {exc.strerror}")
    if any(r.error for r in results):
        return ExitCode.ERROR
    if not request.exit_zero and fails(results, settings.fail_level):
        return ExitCode.FINDINGS
    return ExitCode.OK


def _fix_one(linter: Linter, path: str, request: CheckRequest) -> tuple[list[FileResult], int]:
    """The result after fixing one file (or the result as it is, when it cannot be fixed)."""
    from dataclasses import replace

    from tglint.draft import Draft
    from tglint.fixing import FixRefused, chosen_edits, fix_bytes, take_snapshot, write_fixed
    from tglint.models import FileResult
    from tglint.reading import is_partial, read_bytes, read_path

    if path == "-":  # stdin is reported, not rewritten
        return list(linter.lint(read_path(path, limits=linter.settings.limits))), 0
    try:
        # One read, kept: the fix is made from these bytes and written only if the file still holds them.
        snapshot = take_snapshot(path, linter.settings.limits.max_file_size)
    except FixRefused as exc:
        return [FileResult(path, error=str(exc))], 0
    except OSError as exc:
        return [FileResult(path, error=f"cannot read: {exc.strerror or type(exc).__name__}")], 0
    items = read_bytes(snapshot.data, path, limits=linter.settings.limits)
    first = items[0] if len(items) == 1 else None
    if not isinstance(first, Draft) or first.path != path:
        if len(items) > 1:
            _say("warning", f"{path}: an mbox is reported, not rewritten, by --fix")
        return list(linter.lint(items)), 0
    if is_partial(first) or first.error is not None:
        # Writing back what a limit (or a truncated transfer) cut would lose the rest of the draft.
        _say("warning", f"{path}: not read whole, so not rewritten by --fix")
        return [linter.lint_draft(first)], 0
    original = data = snapshot.data
    draft = first
    result = found = linter.lint_draft(draft)
    applied = 0
    for _ in range(_MAX_FIX_PASSES):
        edits = chosen_edits(result, unsafe=request.unsafe_fixes)
        outcome = fix_bytes(data, draft, edits, linter.settings.limits)
        for reason in outcome.skipped:
            _say("warning", f"{path}: fix skipped: {reason}")
        if outcome.fixed == data:
            break
        applied += outcome.applied
        data = outcome.fixed
        reread = read_bytes(data, path, limits=linter.settings.limits)
        if len(reread) != 1 or not isinstance(reread[0], Draft):
            return [found], 0  # never write what tglint itself could not read back
        draft = reread[0]
        new_result = linter.lint_draft(draft)
        if request.diff:
            _print_diff(path, (original, first, found), (data, draft, new_result))
        result = new_result
        if request.diff:
            break
    if data != original and request.fix and not request.diff:
        # The file still holds the draft as it was read: its findings are what is true of it.
        try:
            write_fixed(snapshot, data)
        except FixRefused as exc:
            return [replace(found, error=str(exc))], 0
        except OSError as exc:
            return [replace(found, error=f"cannot write the fixed draft: {exc.strerror or type(exc).__name__}")], 0
    return [result], applied if data != original else 0


def _print_diff(path: str, before: tuple[bytes, Draft, FileResult], after: tuple[bytes, Draft, FileResult]) -> None:
    """The fixes as a diff of the decoded text, secrets masked (see `tglint.diffing`)."""
    from tglint.diffing import decoded_diff

    sys.stdout.write(decoded_diff(path, before, after))


# Below this many files, starting worker processes (each loads its own pipelines)
# costs more than it saves.
PARALLEL_THRESHOLD = 200
_CHUNK = 16

_worker_linter: Linter | None = None
_worker_said: set[str] = set()  # problems a worker has printed: each is said once


def lint_paths(linter: Linter, paths: Iterable[str | ReadError], jobs: int | None = None) -> Iterator[FileResult]:
    """Results in the order of `paths`, whatever the number of worker processes.

    A `ReadError` among the paths (a directory `discover` could not walk) is reported as it is.
    """
    paths = iter(paths)
    head = list(islice(paths, PARALLEL_THRESHOLD))
    many = len(head) >= PARALLEL_THRESHOLD
    if jobs is None:
        jobs = usable_cores() if many else 1
    if jobs <= 1:
        for index, path in enumerate(chain(head, paths)):
            yield from linter.lint(_read(path, linter))
            if index == 0 and many:
                _freeze_what_is_built()
        return
    # The first draft is checked here, so that the lexicons, models and compiled
    # patterns it builds are inherited by every forked worker instead of rebuilt.
    yield from linter.lint(_read(head[0], linter))
    _freeze_what_is_built()
    yield from _in_workers(linter, chain(head[1:], paths), jobs)


# Chunks a worker holds at once: it starts the next one as soon as it has sent the last one's results, and has
# work while this process checks a chunk of its own and writes results (with 2, a worker waited 0.1-0.4 s in
# 2,000 drafts, measured).
_IN_FLIGHT = 4
# Paths read ahead of the chunks: once the walk has ended, the last chunks shrink, so that no process is left
# checking a whole chunk while the others have finished.
_LOOKAHEAD = 8 * _CHUNK
# How far (in chunks) the workers may run ahead of the result written next, so that results finished
# while one draft is slow to check never pile up without bound.
_AHEAD = 64


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection
    chunks: deque[tuple[int, list[str | ReadError]]]  # sent, not yet answered, in the order sent


def _in_workers(linter: Linter, paths: Iterable[str | ReadError], jobs: int) -> Iterator[FileResult]:
    """Results in the order of `paths`, checked by this process and `jobs - 1` workers forked from it, each
    worker fed chunk by chunk as it finishes, this process checking the next chunk whenever it has nothing
    to write yet.

    This process has checked drafts already, so it checks on without building again what they built (patterns
    compiled, caches): a worker forked after the first draft spends about 0.36 s of CPU more on its first 300
    drafts than a warm process (measured). It runs no helper thread: `multiprocessing.Pool`'s thread that keeps
    its workers alive also wakes whenever a result waits to be read, and spins until another thread has read
    it (0.12-0.2 s of CPU in 2,000 drafts, measured), taken from the cores and from the report.
    """
    from multiprocessing.connection import wait

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context("fork") if method == "fork" else multiprocessing.get_context("spawn")
    paths = iter(paths)
    ahead: deque[str | ReadError] = deque()
    walked = False
    workers: list[_Worker] = []
    done: dict[int, list[FileResult]] = {}
    sent = written = 0

    def start() -> _Worker:
        ours, theirs = context.Pipe()
        # A forked worker closes the parent's ends of the pipes it inherits, so that it sees the end of
        # its own (and stops) even if the parent dies without a word.
        inherited = [ours, *(worker.conn for worker in workers)] if method == "fork" else []
        process = context.Process(target=_work, args=(theirs, linter, inherited), daemon=True)
        with _sigint_held():
            process.start()
        theirs.close()
        return _Worker(process, ours, deque())

    def size() -> int:
        """How many paths the next chunk takes: a whole chunk, but a share of the last paths once they are known."""
        nonlocal walked
        while not walked and len(ahead) < _LOOKAHEAD:
            path = next(paths, None)
            if path is None:
                walked = True
            else:
                ahead.append(path)
        return _CHUNK if not walked else max(1, min(_CHUNK, len(ahead) // (2 * jobs)))

    def take() -> tuple[int, list[str | ReadError]] | None:
        """The next chunk, unless the results finished would run too far ahead of those written."""
        nonlocal sent
        if sent - written >= _AHEAD:
            return None
        chunk = [ahead.popleft() for _ in range(min(size(), len(ahead)))]
        if not chunk:
            return None
        sent += 1
        return sent - 1, chunk

    def feed(worker: _Worker) -> None:
        # Paths, not chunks, held: as the last chunks shrink, so does what a worker holds.
        while sum(len(c) for _, c in worker.chunks) < _IN_FLIGHT * size() and (chunk := take()) is not None:
            worker.chunks.append(chunk)
            try:
                worker.conn.send(chunk[1])
            except OSError:  # it has died: the chunk is reported with the others it held, below
                return

    def receive(ready: list[Any]) -> None:
        for conn in ready:
            at = next(at for at, worker in enumerate(workers) if worker.conn is conn)
            worker = workers[at]
            try:
                ok, reply = worker.conn.recv()
            except (EOFError, OSError):  # the worker died (killed, out of memory): say so for what it held
                worker.process.join()
                worker.conn.close()
                for index, chunk in worker.chunks:
                    done[index] = _lost(linter, chunk, worker.process.exitcode)
                workers[at] = start()
                continue
            index, _ = worker.chunks.popleft()
            if not ok:
                raise reply
            done[index] = reply

    try:
        for _ in range(jobs - 1):
            workers.append(start())
        while True:
            receive(wait([worker.conn for worker in workers if worker.chunks], timeout=0))
            while written in done:
                yield from done.pop(written)
                written += 1
            for worker in workers:
                feed(worker)
            own = take()
            if own is not None:
                index, chunk = own
                done[index] = [result for path in chunk for result in linter.lint(_read(path, linter))]
                continue
            if not any(worker.chunks for worker in workers):
                if written == sent:
                    break  # every chunk written
                continue  # only chunks checked here are left to write
            receive(wait([worker.conn for worker in workers if worker.chunks]))
        for worker in workers:
            with suppress(OSError):
                worker.conn.send(None)
        for worker in workers:
            worker.process.join()
    finally:
        for worker in workers:  # stopped early (the reader went away, Ctrl-C, an error): at once
            if worker.process.exitcode is None:
                worker.process.terminate()
                worker.process.join()
            worker.conn.close()


def _lost(linter: Linter, chunk: list[str | ReadError], exitcode: int | None) -> list[FileResult]:
    """Results for a chunk whose worker died before answering."""
    from tglint.models import FileResult

    why = f"not checked: the worker process checking it stopped (exit code {exitcode})"
    results: list[FileResult] = []
    for item in chunk:
        results.extend(linter.lint([item]) if isinstance(item, ReadError) else [FileResult(item, error=why)])
    return results


def _work(conn: Connection, linter: Linter, inherited: list[Connection]) -> None:
    """A worker process: chunks of paths in, their results out, until told to stop."""
    for other in inherited:
        other.close()
    _init_worker(linter)
    while True:
        try:
            chunk = conn.recv()
        except EOFError:  # the parent has gone
            return
        if chunk is None:
            return
        try:
            reply: tuple[bool, object] = (True, [result for path in chunk for result in _lint_one_path(path)])
        except Exception as exc:  # raised again in the parent, as a pool would
            reply = (False, exc)
        try:
            conn.send(reply)
        except Exception as exc:  # an exception that does not pickle
            conn.send((False, RuntimeError(f"{type(exc).__name__}: {exc}")))


_frozen = False


def _freeze_what_is_built() -> None:
    """Once per process, in a batch: what the first draft built (packs, automata, compiled patterns, tens of
    thousands of objects that live as long as the process) leaves the garbage collector's generations, which
    otherwise walks them again and again (about 0.2 ms a draft, 4-5 %, measured), and forked workers share their
    pages instead of copying them when the collector touches them (the use `gc.freeze` is documented for)."""
    global _frozen
    if not _frozen:
        gc.freeze()
        _frozen = True


def usable_cores() -> int:
    """The cores this process may run on (a container or `taskset` may allow fewer than exist)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


@contextmanager
def _sigint_held() -> Iterator[None]:
    """SIGINT held back while worker processes start.

    Ctrl-C reaches every process of the terminal's group. A worker ignores it (see
    `_init_worker`) and the parent stops, terminating the workers on its way out. Workers
    start with SIGINT blocked (a child inherits the signal mask, across exec too), so
    that not even one still starting prints a traceback; a Ctrl-C pressed meanwhile
    stays pending for the parent and is delivered when this block ends, never lost.
    """
    if not hasattr(signal, "pthread_sigmask"):  # Windows
        yield
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def _init_worker(linter: Linter) -> None:
    global _worker_linter
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    _worker_linter = linter
    _worker_said.clear()
    # What the parent had met before the worker started, the parent says at the end of the run.
    _worker_said.update(linter.problems)


def _read(path: str | ReadError, linter: Linter) -> list[Draft | ReadError]:
    from tglint.reading import read_path

    return [path] if isinstance(path, ReadError) else read_path(path, limits=linter.settings.limits)


def _lint_one_path(path: str | ReadError) -> list[FileResult]:
    assert _worker_linter is not None
    results = list(_worker_linter.lint(_read(path, _worker_linter)))
    for problem in _worker_linter.problems:
        if problem not in _worker_said:
            _worker_said.add(problem)
            _say("warning", problem)
    _worker_linter.problems.clear()
    return results


@contextmanager
def _progress(enabled: bool) -> Iterator[Callable[[], None]]:
    """A progress bar on stderr for batch runs; a no-op when not wanted."""
    if not enabled:
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn

    columns = (SpinnerColumn(), TextColumn("checking drafts"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("check", total=None)
        yield lambda: progress.advance(task)


def _errors_on_stderr(request: CheckRequest) -> bool:
    """Whether a file's error must be said on stderr too.

    A text or GitHub report on stdout shows each error to the person watching; a document
    (JSON, SARIF, HTML), a report written to a file, or a --diff does not.
    """
    return request.diff or request.output is not None or request.output_format not in ("text", "github")


def _print_notes(result: FileResult, *, with_error: bool) -> None:
    """What reading had to do (a part cut at a limit, a charset guessed, a MIME defect),
    one line each on stderr, and the file's error when the report does not show it there."""
    from tglint.reporters._masking import scrub, secrets

    if with_error and result.error is not None:
        _say("error", f"{result.path}: {result.error}")
    for note in result.notes:
        _say("note", f"{result.path}: {scrub(note, secrets(result))}")


def _write(report: str, output: Path | None) -> None:
    with _report_sink(output) as write:
        write(report)


@contextmanager
def _report_sink(output: Path | None) -> Iterator[Callable[[str], None]]:
    """Where the report goes, piece by piece: stdout or the --output file."""
    if output is None:

        def to_stdout(text: str) -> None:
            if text:
                sys.stdout.write(text)
                sys.stdout.flush()

        yield to_stdout
        return
    with output.open("w", encoding="utf-8") as file:

        def to_file(text: str) -> None:
            file.write(text)

        yield to_file


def _input_at(output: Path, paths: Sequence[str]) -> str | None:
    """The input named on the command line that is the file `output` names (a link or not), if any."""
    target = os.path.realpath(output)
    for path in paths:
        if path == "-":
            continue
        if os.path.realpath(path) == target:
            return path
        try:
            if os.path.samefile(path, output):  # hard links and bind mounts
                return path
        except OSError:
            continue  # one of them does not exist yet
    return None


def _error(message: str) -> ExitCode:
    _say("error", message)
    return ExitCode.ERROR


def _say(kind: str, message: str) -> None:
    """One line on stderr, `tglint: KIND: message`; paths and draft text in it are escaped."""
    print(f"tglint: {kind}: {printable(message, one_line=True)}", file=sys.stderr)
