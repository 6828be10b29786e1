"""Running the rules: one draft to one FileResult, paths to a stream of them.

Pure functions a script can call; the CLI only wires arguments to them.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

from tglint.analysis import Analysis
from tglint.config import Settings
from tglint.draft import Draft, ReadError
from tglint.models import FileResult, Finding, Fix, Hit, Location, PartView, Severity
from tglint.packs import PackError, Packs
from tglint.rule import RuleLike
from tglint.selection import ignored_for_path, matches, severity_for


@dataclass(frozen=True)
class Linter:
    """The chosen rules with their settings, ready to check any number of drafts."""

    rules: tuple[RuleLike, ...]
    settings: Settings
    packs: Packs
    accepted: frozenset[str] = frozenset()  # fingerprints from the ignore file
    # Rules that raised: reported as warnings, their findings skipped, the other rules still run.
    problems: list[str] = field(default_factory=list)

    def lint_draft(self, draft: Draft) -> FileResult:
        analysis = Analysis(draft, self.settings, self.packs)
        skipped = ignored_for_path(draft.file, self.settings.per_path_ignores, self._globs_base)
        language = analysis.language
        findings: list[Finding] = []
        for rule, severity in self._rules_with_severity:
            if skipped and any(matches(s, rule) for s in skipped):
                continue
            if language not in rule.languages and "*" not in rule.languages:
                continue
            try:
                hits = list(rule.check(analysis))
            except PackError as exc:  # a user's pack entry the rule could not use: said once per run
                self._problem(f"rule {rule.code} skipped: {exc}")
                continue
            except Exception as exc:  # a broken (plugin) rule must not stop the others
                self._problem(f"{draft.path}: rule {rule.code} failed ({type(exc).__name__}); skipped")
                continue
            findings.extend(_finding(rule, severity, hit, draft) for hit in hits)
        findings = _with_fingerprints(findings, draft)
        kept = tuple(sorted((f for f in findings if f.fingerprint not in self.accepted), key=lambda f: f.sort_key))
        return FileResult(
            path=draft.path,
            language=analysis.detected_language,
            topic=analysis.topic,
            recipients=tuple(r.address for r in draft.recipients),
            findings=kept,
            part_texts=_excerpts(draft, kept),
            notes=draft.notes,
        )

    def _problem(self, message: str) -> None:
        if message not in self.problems:
            self.problems.append(message)

    @cached_property
    def _globs_base(self) -> Path:
        """Where per-path-ignores globs start: the config file's directory (else the working one)."""
        source = self.settings.source
        return Path(os.path.realpath(source.parent if source is not None else os.getcwd()))

    @cached_property
    def _rules_with_severity(self) -> tuple[tuple[RuleLike, Severity], ...]:
        """Each rule with the severity the settings give it: the same for every draft."""
        return tuple((rule, severity_for(rule, self.settings.severity)) for rule in self.rules)

    def lint(self, items: Iterable[Draft | ReadError]) -> Iterator[FileResult]:
        for item in items:
            if isinstance(item, ReadError):
                yield FileResult(path=item.path, error=item.message)
            else:
                yield self.lint_draft(item)


def _excerpts(draft: Draft, findings: Sequence[Finding]) -> dict[str, PartView]:
    """The lines reports show, and nothing more: results of big batches stay small.

    A finding whose text is in the file is shown on the file's lines as written (a
    header's line with its name); one whose text is not (decoded), or whose line holds
    encoded words, on the part's lines.
    """
    in_file: dict[str, set[int]] = {}
    in_part: dict[str, set[int]] = {}
    for finding in findings:
        part = draft.parts.get(finding.part)
        # A header line holding encoded words is not shown as written: it is shown decoded.
        shown_in_file = finding.in_file and part is not None and part.file_line(finding.line) is not None
        if shown_in_file:
            in_file.setdefault(finding.part, set()).update(range(finding.line, finding.end_line + 1))
        # A secret's decoded lines are kept too, so that reports can hide it wherever it appears.
        if not shown_in_file or finding.sensitive:
            in_part.setdefault(finding.part, set()).update(range(finding.part_line, finding.part_end_line + 1))
    views = {}
    for name, part in draft.parts.items():
        if name not in in_file and name not in in_part:
            continue
        lines = {n: text for n in in_file.get(name, ()) if (text := part.file_line(n)) is not None}
        part_lines = {n: text for n in in_part.get(name, ()) if (text := part.text_line(n)) is not None}
        views[name] = PartView("", lines=lines, part_lines=part_lines)
    return views


def _finding(rule: RuleLike, severity: Severity, hit: Hit, draft: Draft) -> Finding:
    part = draft.parts.get(hit.part)
    if part is None:
        # Nothing to point at (no subject, no recipient): the message's first line.
        line = end_line = draft.first_line
        column = end_column = 1
        place = (1, 1, 1, 1)
        location = Location.MESSAGE
    else:
        where = part.locate(hit.start, hit.end)
        line, column, end_line, end_column = where.line, where.column, where.end_line, where.end_column
        place = (*part.relative(hit.start), *part.relative(hit.end))
        location = Location.FILE if where.exact else Location.PART
    fix = _located_fix(hit.fix, draft) if hit.fix else None
    return Finding(
        rule=rule.code,
        name=rule.name,
        category=rule.category,
        severity=severity,
        # A message quotes draft text (a folded subject): reports promise one line per finding.
        message=" ".join(hit.message.split("\n")).replace("\r", " "),
        part=hit.part,
        line=line,
        column=column,
        end_line=end_line,
        end_column=max(end_column, column) if end_line == line else end_column,
        fix=fix,
        sensitive=hit.sensitive,
        fingerprint=_span_digest(rule.code, hit, draft),
        location=location,
        part_line=place[0],
        part_column=place[1],
        part_end_line=place[2],
        part_end_column=max(place[3], place[1]) if place[2] == place[0] else place[3],
    )


def _located_fix(fix: Fix, draft: Draft) -> Fix:
    """The fix with each edit's position in the file; 0 where the text it replaces is not
    written as such in the file (an encoded part), so that no one applies it there."""
    edits = []
    for edit in fix.edits:
        part = draft.parts.get(edit.part)
        if part is None:
            edits.append(edit)
            continue
        where = part.locate(edit.start, edit.end)
        if where.exact:
            edits.append(
                replace(
                    edit, line=where.line, column=where.column, end_line=where.end_line, end_column=where.end_column
                )
            )
        else:
            edits.append(replace(edit, line=0, column=0, end_line=0, end_column=0))
    return Fix(fix.description, fix.applicability, tuple(edits))


def _span_digest(code: str, hit: Hit, draft: Draft) -> str:
    part = draft.parts.get(hit.part)
    text = part.text[hit.start : hit.end] if part else ""
    return hashlib.sha256(f"{code}\0{hit.part}\0{' '.join(text.split())}".encode()).hexdigest()[:16]


def _with_fingerprints(findings: list[Finding], draft: Draft) -> list[Finding]:
    """Fingerprints stay stable when lines move: the rule, the part, the text, its occurrence."""
    seen: dict[str, int] = {}
    result = []
    for finding in sorted(findings, key=lambda f: f.sort_key):
        count = seen.get(finding.fingerprint, 0)
        seen[finding.fingerprint] = count + 1
        digest = hashlib.sha256(f"{finding.fingerprint}:{count}".encode()).hexdigest()[:16]
        result.append(replace(finding, fingerprint=digest))
    return result


def read_ignore_file(path: Path) -> frozenset[str]:
    """Fingerprints of accepted findings, one per line; `#` starts a comment."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.split("#", 1)[0].strip() for line in lines if line.split("#", 1)[0].strip())


def fails(results: Sequence[FileResult], fail_level: Severity) -> bool:
    return any(f.severity.rank >= fail_level.rank for r in results for f in r.findings)
