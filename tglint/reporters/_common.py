"""What several reporters need: counts, clamped positions, mbox paths, rule lookup."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from tglint.models import Edit, FileResult, Finding, Severity
from tglint.rule import RuleLike

# Messages of an mbox are reported as "Drafts.mbox#3" (see `tglint.draft.Draft.path`).
_MBOX_SUFFIX = re.compile(r"^(?P<file>.+)#(?P<index>\d+)$")


@dataclass(frozen=True, slots=True)
class Summary:
    files: int
    files_with_findings: int
    unreadable: int
    findings: int
    error: int
    warning: int
    info: int
    fixable: int


@dataclass(frozen=True, slots=True)
class Region:
    """1-based, end column exclusive; always a valid region (start <= end, all >= 1)."""

    line: int
    column: int
    end_line: int
    end_column: int


def summarize(results: Sequence[FileResult]) -> Summary:
    findings = [finding for result in results for finding in result.findings]
    return Summary(
        files=len(results),
        files_with_findings=sum(1 for result in results if result.findings),
        unreadable=sum(1 for result in results if result.error is not None),
        findings=len(findings),
        error=_count(findings, Severity.ERROR),
        warning=_count(findings, Severity.WARNING),
        info=_count(findings, Severity.INFO),
        fixable=sum(1 for finding in findings if finding.fix is not None),
    )


def region_of(span: Finding | Edit) -> Region:
    """The span's position, clamped so that consumers that demand >= 1 accept it.

    Findings about a whole part (a missing subject) may come without a real
    position; they point at the part's start rather than at line 0.
    """
    line = max(1, span.line)
    column = max(1, span.column)
    end_line = max(line, span.end_line)
    end_column = max(1, span.end_column)
    if end_line == line:
        end_column = max(column, end_column)
    return Region(line, column, end_line, end_column)


def has_position(edit: Edit) -> bool:
    """Whether the engine filled in the edit's line and column (0 means unknown)."""
    return edit.line >= 1 and edit.column >= 1


def split_mbox_path(path: str) -> tuple[str, int | None]:
    """`Drafts.mbox#3` -> (`Drafts.mbox`, 3); any other path -> (path, None)."""
    match = _MBOX_SUFFIX.match(path)
    if match is None:
        return path, None
    return match["file"], int(match["index"])


def rules_by_code(rules: Sequence[RuleLike]) -> list[RuleLike]:
    """The rules sorted by code, first one kept when a code is registered twice."""
    seen: dict[str, RuleLike] = {}
    for rule in rules:
        seen.setdefault(rule.code, rule)
    return [seen[code] for code in sorted(seen)]


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    word = singular if count == 1 else (plural_form or singular + "s")
    return f"{count} {word}"


def _count(findings: list[Finding], severity: Severity) -> int:
    return sum(1 for finding in findings if finding.severity == severity)
