"""One `tglint check` run: settings, rules, drafts in, a report and an exit code out."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from tglint.config import ConfigError, Settings, find_config, load_config, parse_severity, with_overrides
from tglint.models import ExitCode
from tglint.packs import PackError


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


def resolve_settings(request: CheckRequest) -> Settings:
    """Config file first (explicit, or found walking up from the first path), then flags."""
    if request.isolated:
        settings = Settings()
    elif request.config is not None:
        settings = load_config(request.config)
    else:
        first = next((p for p in request.paths if p != "-"), ".")
        found = find_config(Path(first).resolve())
        settings = load_config(found) if found else Settings()
    severity = dict(settings.severity)
    for item in request.severity:
        selector, sep, level = item.partition("=")
        if not sep:
            raise ConfigError(f"--severity {item!r}: write SELECTOR=error|warning|info")
        severity[selector.strip()] = parse_severity(level.strip(), f"--severity {selector}")
    return with_overrides(
        settings,
        select=request.select,
        ignore=request.ignore,
        extend_select=request.extend_select,
        severity=severity,
        fail_level=parse_severity(request.fail_level, "--fail-level") if request.fail_level else None,
        region=request.region,
        language=request.language,
        message_language=request.message_language,
        rule_packs=(*settings.rule_packs, *request.rule_packs) if request.rule_packs else None,
        ignore_file=request.ignore_file,
    )


def run_check(request: CheckRequest) -> ExitCode:
    from tglint.engine import Linter, fails, read_ignore_file
    from tglint.packs import load_packs
    from tglint.reading import discover, read_path
    from tglint.registry import load_registry
    from tglint.reporters import render
    from tglint.selection import check_selectors, select_rules

    try:
        settings = resolve_settings(request)
        packs = load_packs(settings.rule_packs)
        registry = load_registry()
        rules = select_rules(registry.rules, settings.select, settings.ignore, settings.extend_select)
        check_selectors(settings.severity, registry.rules, "severity")
        for selectors in settings.per_path_ignores.values():
            check_selectors(selectors, registry.rules, "per-path-ignores")
        accepted = read_ignore_file(settings.ignore_file) if settings.ignore_file else frozenset()
    except (ConfigError, PackError) as exc:
        return _error(str(exc))
    except OSError as exc:
        return _error(f"{exc.filename}: cannot read: {exc.strerror}")
    for warning in registry.warnings:
        print(f"tglint: warning: {warning}", file=sys.stderr)

    linter = Linter(tuple(rules), settings, packs, accepted)
    drafts = (item for path in discover(request.paths, settings.include, settings.exclude) for item in read_path(path))
    results = list(linter.lint(drafts))
    for problem in linter.problems:
        print(f"tglint: warning: {problem}", file=sys.stderr)
    report = render(request.output_format, results, registry.rules, color=request.color)
    try:
        _write(report, request.output)
    except OSError as exc:
        return _error(f"{request.output}: cannot write the report: {exc.strerror}")
    if any(r.error for r in results):
        return ExitCode.ERROR
    if not request.exit_zero and fails(results, settings.fail_level):
        return ExitCode.FINDINGS
    return ExitCode.OK


def _write(report: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(report)
        sys.stdout.flush()
    else:
        output.write_text(report, encoding="utf-8")


def _error(message: str) -> ExitCode:
    print(f"tglint: error: {message}", file=sys.stderr)
    return ExitCode.ERROR
