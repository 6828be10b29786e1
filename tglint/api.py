"""The Python API: check drafts from a script, an editor or a server, with everything loaded once.

    import tglint

    results = tglint.lint_text(draft)            # config found from the working directory
    for finding in results[0].findings:
        print(finding.rule, finding.line, finding.message)
    print(tglint.report_json(results))          # exactly what `tglint --format json` prints

    checker = tglint.Checker(tglint.load_settings("drafts/", region="CN"))
    checker.lint_path("drafts/a.eml")           # rules, packs and pipelines stay loaded

A `Checker` is built once from `Settings` (the rules they select, the rule packs, the
ignore file) and checks any number of drafts. `load_settings` finds the configuration as
the CLI does (walking up from a path) and applies overrides as the CLI's flags do. The
module-level `lint_*` functions use a cached `Checker` per distinct settings.

Every call returns one `FileResult` per message read: one for a draft, several for an
mbox, and a result with `error` set for what could not be read (reading never raises).
The CLI, the language server and the HTTP server are thin layers over this module.
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict, Unpack

from tglint.config import ConfigError, Settings, find_config, load_config, parse_severity, with_overrides
from tglint.draft import ReadError
from tglint.models import Edit, FileResult, Finding, Fix, Severity
from tglint.packs import PackError

if TYPE_CHECKING:
    from tglint.document import CheckedText
    from tglint.draft import Draft
    from tglint.engine import Linter
    from tglint.reading import WalkCount
    from tglint.rule import RuleLike

__all__ = [
    "Checker",
    "ConfigError",
    "Edit",
    "FileResult",
    "Finding",
    "Fix",
    "Overrides",
    "PackError",
    "Settings",
    "Severity",
    "apply_overrides",
    "config_settings",
    "get_checker",
    "lint_bytes",
    "lint_path",
    "lint_text",
    "load_settings",
    "report_dict",
    "report_json",
]

PathLike = str | Path


class Overrides(TypedDict, total=False):
    """Settings to put over the config file's, as the CLI's flags do (None: keep the file's)."""

    select: Sequence[str] | None
    ignore: Sequence[str] | None
    extend_select: Sequence[str] | None
    severity: Mapping[str, Severity | str] | None  # merged into the file's table
    fail_level: Severity | str | None
    region: str | None
    language: str | None
    message_language: str | None
    rule_packs: Sequence[PathLike]  # added to the file's packs
    ignore_file: PathLike | None


def load_settings(
    start: PathLike | None = None,
    *,
    config: PathLike | None = None,
    isolated: bool = False,
    **overrides: Unpack[Overrides],
) -> Settings:
    """Settings as the CLI resolves them: a config file, then `overrides` on top.

    The config file is `config` if given, else the nearest `.tglint.toml` (or
    `pyproject.toml` with `[tool.tglint]`) walking up from `start` (default: the
    working directory); `isolated` uses none. Raises `ConfigError` naming what is wrong.
    """
    return apply_overrides(config_settings(start, config=config, isolated=isolated), **overrides)


def config_settings(
    start: PathLike | None = None, *, config: PathLike | None = None, isolated: bool = False
) -> Settings:
    """The config file's settings alone (see `load_settings`)."""
    if isolated:
        return Settings()
    if config is not None:
        return load_config(Path(config))
    first = "." if start is None or str(start) == "-" else str(start)
    found = find_config(Path(first).resolve())
    return load_config(found) if found else Settings()


def apply_overrides(settings: Settings, **overrides: Unpack[Overrides]) -> Settings:
    """`settings` with `overrides` applied: each replaces the value, except `severity`,
    merged into the table, and `rule_packs`, added to the packs."""
    levels = dict(settings.severity)
    for selector, level in (overrides.get("severity") or {}).items():
        levels[selector.strip()] = parse_severity(level, f"severity {selector}")
    fail_level = overrides.get("fail_level")
    packs = overrides.get("rule_packs", ())
    ignore_file = overrides.get("ignore_file")
    return with_overrides(
        settings,
        select=_strings(overrides.get("select")),
        ignore=_strings(overrides.get("ignore")),
        extend_select=_strings(overrides.get("extend_select")),
        severity=levels,
        fail_level=parse_severity(fail_level, "fail_level") if fail_level is not None else None,
        region=overrides.get("region"),
        language=overrides.get("language"),
        message_language=overrides.get("message_language"),
        rule_packs=(*settings.rule_packs, *map(Path, packs)) if packs else None,
        ignore_file=Path(ignore_file) if ignore_file is not None else None,
    )


def _strings(value: Sequence[str] | None) -> tuple[str, ...] | None:
    return tuple(value) if value is not None else None


class Checker:
    """The selected rules with their settings and rule packs, loaded once, ready for any
    number of drafts. Building one checks the configuration (unknown selectors, a bad rule
    pack, an unreadable ignore file raise `ConfigError` or `PackError`).

    One draft at a time is checked (calls from several threads wait for each other):
    the rules share compiled patterns and caches that are not meant for concurrent use.
    """

    def __init__(self, settings: Settings | None = None) -> None:
        from tglint.engine import Linter, read_ignore_file
        from tglint.packs import load_packs
        from tglint.registry import implementation, load_registry
        from tglint.selection import check_selectors, select_rules

        settings = settings if settings is not None else Settings()
        try:
            packs = load_packs(settings.rule_packs)
            registry = load_registry(rule_packs=settings.rule_packs)
            selected = select_rules(registry.rules, settings.select, settings.ignore, settings.extend_select)
            # The logic of the selected rules, loaded now: a catalogue entry whose logic cannot be loaded is
            # a configuration error, said before any draft is read.
            chosen = [implementation(rule) for rule in selected]
            check_selectors(settings.severity, registry.rules, "severity")
            for selectors in settings.per_path_ignores.values():
                check_selectors(selectors, registry.rules, "per-path-ignores")
            accepted = read_ignore_file(settings.ignore_file) if settings.ignore_file else frozenset()
        except OSError as exc:
            raise ConfigError(f"{exc.filename}: cannot read: {exc.strerror}") from None
        self.settings = settings
        self.rules: tuple[RuleLike, ...] = registry.rules  # every rule known, selected or not
        self.warnings: tuple[str, ...] = registry.warnings  # plugins that could not be loaded
        self.linter: Linter = Linter(tuple(chosen), settings, packs, accepted)
        self._lock = threading.Lock()

    @classmethod
    def discover(cls, start: PathLike | None = None) -> Checker:
        """A checker with the configuration found from `start` as the CLI finds it."""
        return cls(load_settings(start))

    @property
    def problems(self) -> tuple[str, ...]:
        """Rules that raised or could not use a pack entry so far (each said once)."""
        return tuple(self.linter.problems)

    def rule(self, code: str) -> RuleLike | None:
        """A rule by its code (TG101) or name (missing-subject-tag), selected or not."""
        wanted = code.strip()
        return next((r for r in self.rules if r.code == wanted.upper() or r.name == wanted), None)

    def read_bytes(self, data: bytes, path: PathLike = "-") -> list[Draft | ReadError]:
        """The drafts in `data` as tglint reads a file's bytes (never raises)."""
        from tglint.reading import read_bytes

        return read_bytes(data, str(path), limits=self.settings.limits)

    def lint_draft(self, draft: Draft) -> FileResult:
        with self._lock:
            return self.linter.lint_draft(draft)

    def lint_items(self, items: Iterable[Draft | ReadError]) -> list[FileResult]:
        from tglint.draft import ReadError

        return [
            FileResult(path=item.path, error=item.message) if isinstance(item, ReadError) else self.lint_draft(item)
            for item in items
        ]

    def lint_bytes(self, data: bytes, path: PathLike = "-") -> list[FileResult]:
        """Check a file's content; `path` names it in the results (and for per-path-ignores)."""
        return self.lint_items(self.read_bytes(data, path))

    def lint_text(self, text: str, path: PathLike = "-") -> list[FileResult]:
        """Check a draft's text: read as its UTF-8 bytes would be read from a file."""
        return self.lint_bytes(encode_text(text), path)

    def check_text(self, text: str, path: PathLike = "-") -> CheckedText:
        """`lint_text`, with each finding placed in `text` (character offsets) and its fix
        as a replacement of `text`: what an editor or a server holding the text needs."""
        from tglint.document import check_text

        return check_text(self, text, str(path))

    def lint_path(self, path: PathLike) -> list[FileResult]:
        """Check a file, or every draft the settings include in a directory ("-" is stdin)."""
        return list(self.lint_paths([path], jobs=1))

    def walk(self, paths: Iterable[PathLike], *, count: WalkCount | None = None) -> Iterator[str | FileResult]:
        """What `lint_paths` would check, unchecked: each file to read (directories walked as
        the CLI walks them), or a result with `error` for what could not be walked. For
        spreading an archive over workers (a Dask bag, a queue): each checks its files with
        `lint_path`, and the results are the CLI's."""
        for item in self._discover(paths, count, None):
            yield FileResult(path=item.path, error=item.message) if isinstance(item, ReadError) else item

    def lint_paths(
        self,
        paths: Iterable[PathLike],
        *,
        jobs: int | None = None,
        count: WalkCount | None = None,
        skip: PathLike | None = None,
    ) -> Iterator[FileResult]:
        """Results in order as the CLI checks them: directories walked as `discover` walks them
        (include and exclude globs, .gitignore, never the file `skip`, what was passed over added
        to `count`), worker processes for many files unless `jobs` is 1."""
        from tglint.run import lint_paths

        found = self._discover(paths, count, skip)
        if jobs == 1:
            from tglint.reading import read_path

            for path in found:
                items = [path] if isinstance(path, ReadError) else read_path(path, limits=self.settings.limits)
                yield from self.lint_items(items)
            return
        yield from lint_paths(self.linter, found, jobs)

    def _discover(
        self, paths: Iterable[PathLike], count: WalkCount | None, skip: PathLike | None
    ) -> Iterator[str | ReadError]:
        from tglint.reading import discover

        return discover(
            [str(p) for p in paths],
            self.settings.include,
            self.settings.exclude,
            count=count,
            respect_gitignore=self.settings.respect_gitignore,
            skip=skip,
        )


# --------------------------------------------------------------------------- module level

_CACHE_SIZE = 8
_checkers: OrderedDict[str, Checker] = OrderedDict()
_checkers_lock = threading.Lock()


def get_checker(settings: Settings | None = None, *, start: PathLike | None = None) -> Checker:
    """A warm checker for `settings` (default: those found from `start`, as the CLI finds
    them), built once and kept: the last few distinct settings each keep theirs."""
    if settings is None:
        settings = load_settings(start)
    key = repr(settings)  # settings are plain frozen data: equal settings, equal repr
    with _checkers_lock:
        found = _checkers.get(key)
        if found is not None:
            _checkers.move_to_end(key)
            return found
    checker = Checker(settings)
    with _checkers_lock:
        checker = _checkers.setdefault(key, checker)
        while len(_checkers) > _CACHE_SIZE:
            _checkers.popitem(last=False)
    return checker


def lint_text(text: str, path: PathLike = "-", *, settings: Settings | None = None) -> list[FileResult]:
    """Check a draft's text; without `settings`, the config is found from `path`'s
    directory (the working directory for "-"), as the CLI finds it."""
    return get_checker(settings, start=path).lint_text(text, path)


def lint_bytes(data: bytes, path: PathLike = "-", *, settings: Settings | None = None) -> list[FileResult]:
    """Check a file's bytes (charsets, MIME and mbox are read as from disk)."""
    return get_checker(settings, start=path).lint_bytes(data, path)


def lint_path(path: PathLike, *, settings: Settings | None = None) -> list[FileResult]:
    """Check a file or a directory of drafts, as `tglint PATH` does."""
    return get_checker(settings, start=path).lint_path(path)


def report_json(results: Iterable[FileResult]) -> str:
    """The JSON report for these results, byte for byte what `tglint --format json` writes."""
    from tglint.reporters import render

    return render("json", results, ())


def report_dict(results: Iterable[FileResult]) -> dict[str, Any]:
    """The JSON report as a dict (`version`, `tool`, `files`, `summary`)."""
    report: dict[str, Any] = json.loads(report_json(results))
    return report


def encode_text(text: str) -> bytes:
    """A draft's text as the UTF-8 file holding it: what `lint_text` reads.

    Text decoded with errors="surrogateescape" gets its original bytes back; any other
    lone surrogate cannot be encoded and becomes "?", as a file's bad bytes would be
    replaced when read."""
    try:
        return text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return text.encode("utf-8", "replace")
