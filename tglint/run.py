"""One `tglint check` run: settings, rules, drafts in, a report and an exit code out."""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING

from tglint.config import ConfigError, Settings, parse_severity
from tglint.models import ExitCode, Severity
from tglint.packs import PackError

if TYPE_CHECKING:
    from tglint.api import Checker
    from tglint.engine import Linter
    from tglint.models import FileResult


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
    from tglint.reporters import open_report

    try:
        checker = Checker(resolve_settings(request))
    except (ConfigError, PackError) as exc:
        return _error(str(exc))
    for warning in checker.warnings:
        print(f"tglint: warning: {warning}", file=sys.stderr)

    settings, linter = checker.settings, checker.linter
    if request.fix or request.diff:
        return _run_fixes(checker, request)
    report = open_report(request.output_format, checker.rules, color=request.color)
    unreadable = failing = False
    try:
        with _report_sink(request.output) as write, _progress(request.progress) as advance:
            write(report.start())
            # Each result is written and dropped: memory stays flat however many drafts.
            for result in checker.lint_paths(request.paths, jobs=request.jobs):
                _print_notes(result)
                unreadable = unreadable or result.error is not None
                failing = failing or fails((result,), settings.fail_level)
                write(report.add(result))
                advance()
            write(report.end())
    except OSError as exc:
        return _error(f"{request.output}: cannot write the report: {exc.strerror}")
    for problem in linter.problems:
        print(f"tglint: warning: {problem}", file=sys.stderr)
    if unreadable:
        return ExitCode.ERROR
    if not request.exit_zero and failing:
        return ExitCode.FINDINGS
    return ExitCode.OK


_MAX_FIX_PASSES = 5


def _run_fixes(checker: Checker, request: CheckRequest) -> ExitCode:
    """--fix writes the fixed drafts then reports what is left; --diff only shows the changes."""
    from tglint.engine import fails
    from tglint.reading import discover
    from tglint.reporters import render

    linter, settings = checker.linter, checker.settings
    results: list[FileResult] = []
    changed = fixed_count = 0
    for path in discover(request.paths, settings.include, settings.exclude):
        file_results, fixes = _fix_one(linter, path, request)
        results.extend(file_results)
        if fixes:
            changed += 1
            fixed_count += fixes
    for problem in linter.problems:
        print(f"tglint: warning: {problem}", file=sys.stderr)
    if request.diff:
        verb = "Would fix"
        print(f"{verb} {fixed_count} finding(s) in {changed} file(s).", file=sys.stderr)
        if any(r.error for r in results):
            return ExitCode.ERROR
        return ExitCode.FINDINGS if changed else ExitCode.OK
    print(f"Fixed {fixed_count} finding(s) in {changed} file(s).", file=sys.stderr)
    try:
        _write(render(request.output_format, results, checker.rules, color=request.color), request.output)
    except OSError as exc:
        return _error(f"{request.output}: cannot write the report: {exc.strerror}")
    if any(r.error for r in results):
        return ExitCode.ERROR
    if not request.exit_zero and fails(results, settings.fail_level):
        return ExitCode.FINDINGS
    return ExitCode.OK


def _fix_one(linter: Linter, path: str, request: CheckRequest) -> tuple[list[FileResult], int]:
    """The result after fixing one file (or the result as it is, when it cannot be fixed)."""
    from tglint.draft import Draft
    from tglint.fixing import chosen_edits, fix_bytes, write_atomically
    from tglint.models import FileResult
    from tglint.reading import is_partial, read_bytes, read_path

    items = read_path(path, limits=linter.settings.limits)
    first = items[0] if len(items) == 1 else None
    if path == "-" or not isinstance(first, Draft) or first.path != path:
        # stdin and mbox files are reported, not rewritten.
        if len(items) > 1:
            print(f"tglint: warning: {path}: an mbox is reported, not rewritten, by --fix", file=sys.stderr)
        return list(linter.lint(items)), 0
    if is_partial(first):
        # Writing back what a limit cut would lose the rest of the draft.
        print(f"tglint: warning: {path}: not read whole, so not rewritten by --fix", file=sys.stderr)
        return [linter.lint_draft(first)], 0
    original = data = Path(path).read_bytes()
    draft = first
    result = linter.lint_draft(draft)
    applied = 0
    for _ in range(_MAX_FIX_PASSES):
        edits = chosen_edits(result, unsafe=request.unsafe_fixes)
        outcome = fix_bytes(data, draft, edits)
        for reason in outcome.skipped:
            print(f"tglint: warning: {path}: fix skipped: {reason}", file=sys.stderr)
        if outcome.fixed == data:
            break
        applied += outcome.applied
        data = outcome.fixed
        reread = read_bytes(data, path, limits=linter.settings.limits)
        if len(reread) != 1 or not isinstance(reread[0], Draft):
            return [result], 0  # never write what tglint itself could not read back
        draft = reread[0]
        new_result = linter.lint_draft(draft)
        if request.diff:
            _print_diff(path, original, data, result)
        result = new_result
        if request.diff:
            break
    if data != original and request.fix and not request.diff:
        try:
            write_atomically(Path(path), data)
        except OSError as exc:
            return [FileResult(path, error=f"cannot write the fixed draft: {exc.strerror}")], 0
    return [result], applied if data != original else 0


def _print_diff(path: str, before: bytes, after: bytes, result: FileResult) -> None:
    """A unified diff with every secret the original contained masked."""
    import difflib

    from tglint.reporters._masking import scrub, secrets

    old = before.decode("utf-8", "replace").splitlines(keepends=True)
    new = after.decode("utf-8", "replace").splitlines(keepends=True)
    diff = "".join(difflib.unified_diff(old, new, fromfile=path, tofile=path))
    sys.stdout.write(scrub(diff, secrets(result)))


# Below this many files, starting worker processes (each loads its own pipelines)
# costs more than it saves.
PARALLEL_THRESHOLD = 200
_CHUNK = 16

_worker_linter: Linter | None = None
_worker_said: set[str] = set()  # problems a worker has printed: each is said once


def lint_paths(linter: Linter, paths: Iterable[str], jobs: int | None = None) -> Iterator[FileResult]:
    """Results in the order of `paths`, whatever the number of worker processes."""
    from tglint.reading import read_path

    paths = iter(paths)
    head = list(islice(paths, PARALLEL_THRESHOLD))
    if jobs is None:
        jobs = usable_cores() if len(head) >= PARALLEL_THRESHOLD else 1
    if jobs <= 1:
        for path in chain(head, paths):
            yield from linter.lint(read_path(path, limits=linter.settings.limits))
        return
    # The first draft is checked here, so that the lexicons, models and compiled
    # patterns it builds are inherited by every forked worker instead of rebuilt.
    yield from linter.lint(read_path(head[0], limits=linter.settings.limits))
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    with context.Pool(jobs, initializer=_init_worker, initargs=(linter,)) as pool:
        for batch in pool.imap(_lint_one_path, chain(head[1:], paths), chunksize=_CHUNK):
            yield from batch


def usable_cores() -> int:
    """The cores this process may run on (a container or `taskset` may allow fewer than exist)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def _init_worker(linter: Linter) -> None:
    global _worker_linter
    _worker_linter = linter
    _worker_said.clear()


def _lint_one_path(path: str) -> list[FileResult]:
    from tglint.reading import read_path

    assert _worker_linter is not None
    results = list(_worker_linter.lint(read_path(path, limits=_worker_linter.settings.limits)))
    for problem in _worker_linter.problems:
        if problem not in _worker_said:
            _worker_said.add(problem)
            print(f"tglint: warning: {problem}", file=sys.stderr)
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


def _print_notes(result: FileResult) -> None:
    """A draft not read whole is said on stderr; charset guesses and MIME defects are routine."""
    from tglint.reading import PARTIAL_NOTE

    for note in result.notes:
        if note.startswith(PARTIAL_NOTE):
            print(f"tglint: note: {result.path}: {note}", file=sys.stderr)


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


def _error(message: str) -> ExitCode:
    print(f"tglint: error: {message}", file=sys.stderr)
    return ExitCode.ERROR
