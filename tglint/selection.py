"""Choosing rules and their severity: by code, code prefix, name or category."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from fnmatch import fnmatch
from pathlib import Path

from tglint.config import ConfigError
from tglint.models import CATEGORIES, Severity
from tglint.rule import RuleLike

# Former rule names, still accepted wherever a name selects rules (as ruff redirects renamed rules), so a
# config written for an earlier release keeps working.
RENAMED = {"log-not-attached": "file-kind-not-attached"}


def matches(selector: str, rule: RuleLike) -> bool:
    selector = selector.strip()
    selector = RENAMED.get(selector, selector)
    if selector.upper() == "ALL":
        return True
    return (
        rule.code.startswith(selector.upper())
        if selector.upper().startswith("TG")
        else selector in (rule.name, rule.category)
    )


def check_selectors(selectors: Iterable[str], rules: Sequence[RuleLike], where: str) -> None:
    for selector in selectors:
        if selector.strip().upper() == "ALL" or any(matches(selector, r) for r in rules):
            continue
        if selector in CATEGORIES:
            continue
        raise ConfigError(f"{where}: unknown rule code, name or category `{selector}`")


def select_rules(
    rules: Sequence[RuleLike],
    select: Sequence[str],
    ignore: Sequence[str],
    extend_select: Sequence[str] = (),
) -> list[RuleLike]:
    for selectors in (select, ignore, extend_select):
        check_selectors(selectors, rules, "selection")
    chosen = [r for r in rules if any(matches(s, r) for s in (*select, *extend_select))]
    return [r for r in chosen if not any(matches(s, r) for s in ignore)]


def severity_for(rule: RuleLike, overrides: Mapping[str, Severity]) -> Severity:
    """The most specific override wins: code, then prefix (longer first), name, category."""
    best: tuple[int, Severity] | None = None
    for selector, severity in overrides.items():
        if not matches(selector, rule):
            continue
        specificity = len(selector) if selector.upper().startswith("TG") else (100 if selector == rule.name else 1)
        if best is None or specificity > best[0]:
            best = (specificity, severity)
    return best[1] if best else rule.severity


def ignored_for_path(path: str, per_path: Mapping[str, Sequence[str]], base: Path | None = None) -> list[str]:
    """Selectors of the per-path-ignores globs that match `path` (or its file name).

    Globs are written relative to `base`, the directory of the config file that declares
    them, so a draft is matched on its path from there however it was typed (`.`,
    `press/`, `../x`, absolute); a file outside `base` is matched on the path as given.
    """
    if not per_path:
        return []
    seen = _relative_to(path, base) if base is not None else path
    selectors: list[str] = []
    for glob, rule_selectors in per_path.items():
        if fnmatch(seen, glob) or fnmatch(seen.rsplit("/", 1)[-1], glob):
            selectors.extend(rule_selectors)
    return selectors


def _relative_to(path: str, base: Path) -> str:
    if path == "-":
        return path
    absolute = os.path.abspath(path)
    # The config was found from the resolved path: links in the directories are resolved
    # alike, but not the file's own name (a link's name is what the user put in press/).
    located = Path(os.path.realpath(os.path.dirname(absolute)), os.path.basename(absolute))
    try:
        return located.relative_to(base).as_posix()
    except ValueError:
        return path
