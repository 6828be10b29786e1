"""The JSON report, described by `tglint/schema/report.schema.json`.

Keys are never renamed (scripts read them); new keys may be added. Key order is
fixed by construction, not sorted, so the identity of a record comes first.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict
from typing import Any

import tglint
from tglint.models import Edit, FileResult, Finding, Fix
from tglint.reporters._common import Tally, json_at_depth, part_region_of, region_of
from tglint.reporters._masking import scrub, secrets

REPORT_VERSION = 1

JsonObject = dict[str, Any]


def render_json(results: Iterable[FileResult]) -> str:
    report = JsonReport()
    return report.start() + "".join(report.add(result) for result in results) + report.end()


class JsonReport:
    """The report written file by file, byte-identical to `json.dumps(report, indent=2)`:
    {"version", "tool", "files": [...], "summary"}."""

    def __init__(self) -> None:
        self._tally = Tally()

    def start(self) -> str:
        tool = {"name": "tglint", "version": tglint.__version__}
        return f'{{\n  "version": {REPORT_VERSION},\n  "tool": {json_at_depth(tool, 1)},\n  "files": ['

    def add(self, result: FileResult) -> str:
        separator = ",\n    " if self._tally.files else "\n    "
        self._tally.add(result)
        return separator + json_at_depth(file_record(result), 2)

    def end(self) -> str:
        close = "\n  ]" if self._tally.files else "]"
        summary = json_at_depth(asdict(self._tally.summary()), 1)
        return f'{close},\n  "summary": {summary}\n}}\n'


def file_record(result: FileResult) -> JsonObject:
    """One file's entry of the report: what front ends show of a result (secrets masked)."""
    hidden = secrets(result)
    return {
        "path": result.path,
        "language": result.language,
        "topic": result.topic,
        "recipients": [scrub(recipient, hidden) for recipient in result.recipients],
        "error": result.error,
        "findings": [_finding(finding, hidden) for finding in result.findings],
        "notes": list(result.notes),
        "skipped_rules": list(result.skipped_rules),
        "reply_time": None if result.reply_time is None else result.reply_time.record(),
    }


def _finding(finding: Finding, hidden: tuple[str, ...]) -> JsonObject:
    region = region_of(finding)
    in_part = part_region_of(finding)
    return {
        "rule": finding.rule,
        "name": finding.name,
        "category": finding.category,
        "severity": finding.severity.value,
        "message": scrub(finding.message, hidden),
        "part": finding.part,
        "line": region.line,
        "column": region.column,
        "end_line": region.end_line,
        "end_column": region.end_column,
        "fix": None if finding.fix is None else _fix(finding.fix, hidden),
        "fingerprint": finding.fingerprint,
        "location": finding.location.value,
        "part_line": in_part.line,
        "part_column": in_part.column,
        "part_end_line": in_part.end_line,
        "part_end_column": in_part.end_column,
    }


def _fix(fix: Fix, hidden: tuple[str, ...]) -> JsonObject:
    return {
        "description": scrub(fix.description, hidden),
        "applicability": fix.applicability,
        "edits": [_edit(edit, hidden) for edit in fix.edits],
    }


def _edit(edit: Edit, hidden: tuple[str, ...]) -> JsonObject:
    # Positions stay as the engine gave them: 0 means it did not compute them, and
    # inventing a position would make a script apply the edit in the wrong place.
    return {
        "part": edit.part,
        "line": edit.line,
        "column": edit.column,
        "end_line": edit.end_line,
        "end_column": edit.end_column,
        "content": scrub(edit.content, hidden),
    }
