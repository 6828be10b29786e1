"""Running the rules: one draft to one FileResult, paths to a stream of them.

Pure functions a script can call; the CLI only wires arguments to them.
"""

from __future__ import annotations

import hashlib
import os
import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from itertools import islice
from pathlib import Path

from tglint.analysis import Analysis
from tglint.config import MAX_IGNORE_FILE_BYTES, Settings, read_small_text
from tglint.draft import ALTERNATIVE_PART, Draft, Part, ReadError
from tglint.models import Edit, FileResult, Finding, Fix, Hit, Location, PartView, Severity, Span
from tglint.packs import PackError, Packs
from tglint.reply_time import reply_time
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
        language = analysis.rule_language
        hits: list[tuple[RuleLike, Severity, Hit]] = []
        ran: set[str] = set()
        reading, not_reading = self._rules_reading(language)
        # The rules that do not read the draft's language.
        other_language = [rule.code for rule in not_reading if not (skipped and any(matches(s, rule) for s in skipped))]
        alternative = self._alternative_analysis(draft, analysis)
        for rule, severity in reading:
            if skipped and any(matches(s, rule) for s in skipped):
                continue
            ran.add(rule.code)
            try:
                rule_hits = _rule_hits(rule, analysis, alternative)
            except PackError as exc:  # a user's pack entry the rule could not use: said once per run
                self._problem(f"rule {rule.code} skipped: {exc}")
                continue
            except Exception as exc:  # a broken (plugin) rule must not stop the others
                self._problem(f"{draft.path}: rule {rule.code} failed ({type(exc).__name__}); skipped")
                continue
            hits.extend((rule, severity, hit) for hit in rule_hits)
        masking = _masking_hits(analysis, alternative, self._masking_rules, ran)
        hidden = _Hidden(draft, [hit for _, _, hit in hits] + masking)
        findings = [_finding(rule, severity, hit, draft, hidden) for rule, severity, hit in hits]
        findings = _with_fingerprints(findings)
        kept = tuple(sorted((f for f in findings if f.fingerprint not in self.accepted), key=lambda f: f.sort_key))
        return FileResult(
            path=draft.path,
            language=analysis.detected_language,
            topic=analysis.topic,
            recipients=tuple(r.address for r in draft.recipients),
            findings=kept,
            part_texts=_excerpts(draft, [*kept, *hidden.spans]),
            error=draft.error,
            notes=draft.notes,
            hidden=hidden.spans,
            message_number=draft.message_number,
            skipped_rules=tuple(sorted(other_language)),
            reply_time=reply_time(analysis),
        )

    def _alternative_analysis(self, draft: Draft, analysis: Analysis) -> Analysis | None:
        """An analysis whose body is the draft's other alternatives' text, in the draft's language."""
        other = draft.parts.get(ALTERNATIVE_PART)
        if other is None:
            return None
        parts = {name: part for name, part in draft.parts.items() if name not in ("body", ALTERNATIVE_PART)}
        parts["body"] = replace(other, name="body")
        settings = replace(self.settings, language=analysis.language)
        return Analysis(replace(draft, parts=parts), settings, self.packs)

    def _problem(self, message: str) -> None:
        if message not in self.problems:
            self.problems.append(message)

    @cached_property
    def _masking_rules(self) -> tuple[RuleLike, ...]:
        """The built-in rules that find secrets and personal data. They run on every draft, selected
        or not, so that what they find is masked wherever a report shows draft text."""
        from tglint.catalog import builtin_catalog

        return tuple(rule.implementation() for rule in builtin_catalog() if rule.category in _SENSITIVE_CATEGORIES)

    @cached_property
    def _globs_base(self) -> Path:
        """Where per-path-ignores globs start: the config file's directory (else the working one)."""
        source = self.settings.source
        return Path(os.path.realpath(source.parent if source is not None else os.getcwd()))

    def _rules_reading(self, language: str) -> tuple[tuple[tuple[RuleLike, Severity], ...], tuple[RuleLike, ...]]:
        """The rules (with their severity) that read drafts in `language`, in order, and those that do not: the
        same for every draft in it, sorted out once (a rule's languages are read through its catalogue entry)."""
        chosen = self._by_language.get(language)
        if chosen is None:
            reading: list[tuple[RuleLike, Severity]] = []
            others: list[RuleLike] = []
            for rule, severity in self._rules_with_severity:
                if language in rule.languages or "*" in rule.languages:
                    reading.append((rule, severity))
                else:
                    others.append(rule)
            chosen = self._by_language[language] = (tuple(reading), tuple(others))
        return chosen

    @cached_property
    def _by_language(self) -> dict[str, tuple[tuple[tuple[RuleLike, Severity], ...], tuple[RuleLike, ...]]]:
        return {}

    @cached_property
    def _rules_with_severity(self) -> tuple[tuple[RuleLike, Severity], ...]:
        """Each rule's logic with the severity the settings give it: the same for every draft."""
        from tglint.registry import implementation

        return tuple((implementation(rule), severity_for(rule, self.settings.severity)) for rule in self.rules)

    def lint(self, items: Iterable[Draft | ReadError]) -> Iterator[FileResult]:
        for item in items:
            if isinstance(item, ReadError):
                yield FileResult(path=item.path, error=item.message, message_number=item.message_number)
            else:
                yield self.lint_draft(item)


def _with_alternative(hits: list[Hit], alternative_hits: Iterable[Hit], draft: Draft, where: Analysis) -> list[Hit]:
    """A rule's hits on the body, and those on the other alternatives the body's do not cover.

    The HTML version mostly repeats the plain text: a secret in both is one finding, whose
    fix masks it in every alternative; what only the HTML version holds is reported in
    ALTERNATIVE_PART. Hits on other parts (the subject) were found by the first run already.
    """
    body = draft.body.text
    other = draft.parts[ALTERNATIVE_PART].text
    merged = []
    mirrored: list[tuple[int, int]] = []  # spans of the other alternatives the body's fixes change
    same_text: set[str] = set()  # what body hits without such a fix say
    for hit in hits:
        if hit.part == "body" and hit.sensitive and hit.fix is not None:
            fix = _mirrored(hit.fix, body, other)
            mirrored += [(e.start, e.end) for e in fix.edits if e.part == ALTERNATIVE_PART]
            hit = replace(hit, fix=fix)
        elif hit.part == "body":
            same_text.add(body[hit.start : hit.end])
        merged.append(hit)
    label = where.say(en="HTML version: ", zh="HTML 版本：")
    for hit in alternative_hits:
        if hit.part != "body" or other[hit.start : hit.end] in same_text:
            continue
        if any(start < hit.end and hit.start < end for start, end in mirrored):
            continue  # the body's finding covers it, and its fix masks it here too
        moved = None
        if hit.fix is not None:
            edits = tuple(replace(e, part=ALTERNATIVE_PART) for e in hit.fix.edits if e.part == "body")
            moved = replace(hit.fix, edits=edits)
        merged.append(replace(hit, part=ALTERNATIVE_PART, message=label + hit.message, fix=moved))
    return merged


def _mirrored(fix: Fix, body: str, other: str) -> Fix:
    """`fix` with each body edit repeated wherever the other alternatives hold the same text."""
    edits = list(fix.edits)
    for edit in fix.edits:
        written = body[edit.start : edit.end] if edit.part == "body" else ""
        if not written:
            continue
        # Only whole values: a code must not be masked inside a longer number or word.
        pattern = re.compile(rf"(?<![A-Za-z0-9]){re.escape(written)}(?![A-Za-z0-9])")
        for match in pattern.finditer(other):
            if not any(e.part == ALTERNATIVE_PART and e.start < match.end() and match.start() < e.end for e in edits):
                edits.append(Edit(ALTERNATIVE_PART, match.start(), match.end(), edit.content))
    return replace(fix, edits=tuple(edits))


def _excerpts(draft: Draft, findings: Sequence[Finding | Span]) -> dict[str, PartView]:
    """The lines reports show (and those holding text they must mask), and nothing more: results
    of big batches stay small.

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


def _rule_hits(rule: RuleLike, analysis: Analysis, alternative: Analysis | None) -> list[Hit]:
    """A rule's hits on the draft, and on its other alternatives when the rule looks there too."""
    hits = list(rule.check(analysis))
    if alternative is not None and getattr(rule, "checks_alternatives", False):
        hits = _with_alternative(hits, rule.check(alternative), analysis.draft, alternative)
    return hits


def _masking_hits(
    analysis: Analysis, alternative: Analysis | None, rules: Sequence[RuleLike], ran: set[str]
) -> list[Hit]:
    """The sensitive hits of the masking rules that were not run as selected rules."""
    hits: list[Hit] = []
    for rule in rules:
        if rule.code in ran:
            continue
        try:
            hits.extend(hit for hit in _rule_hits(rule, analysis, alternative) if hit.sensitive)
        except Exception:  # only masking is at stake here; a selected rule says its own problems
            continue
    return hits


def _finding(rule: RuleLike, severity: Severity, hit: Hit, draft: Draft, hidden: _Hidden) -> Finding:
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
        fingerprint=hidden.digest(rule.code, hit),
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


# How far around a sensitive finding its fingerprint's context reaches, in characters.
_CONTEXT_REACH = 48


class _Hidden:
    """The sensitive stretches of a draft: every sensitive hit's span and what its fix masks with it
    (the api_id beside an api_hash)."""

    def __init__(self, draft: Draft, hits: Sequence[Hit]) -> None:
        self._draft = draft
        ranges: dict[str, set[tuple[int, int]]] = {}
        for hit in hits:
            if not hit.sensitive or hit.part not in draft.parts:
                continue
            ranges.setdefault(hit.part, set()).add((hit.start, hit.end))
            for edit in hit.fix.edits if hit.fix else ():
                if edit.part in draft.parts and edit.start < edit.end:
                    ranges.setdefault(edit.part, set()).add((edit.start, edit.end))
        self._ranges = {part: sorted(spans) for part, spans in ranges.items()}
        # A stretch overlapping [start, end) starts after start - (the longest stretch): found by bisection.
        self._longest = {part: max(right - left for left, right in spans) for part, spans in ranges.items()}

    @cached_property
    def spans(self) -> tuple[Span, ...]:
        found = []
        for name, ranges in sorted(self._ranges.items()):
            part = self._draft.parts[name]
            for start, end in ranges:
                where = part.locate(start, end)
                place = (*part.relative(start), *part.relative(end))
                location = Location.FILE if where.exact else Location.PART
                found.append(Span(name, where.line, where.column, where.end_line, where.end_column, location, *place))
        return tuple(found)

    def digest(self, code: str, hit: Hit) -> str:
        """A finding's fingerprint before its occurrence is counted: no sensitive text enters it.

        A secret's own finding hashes where it stands (its part and region) and the words of its
        line(s) without any sensitive text or digit: the same for "code 12345" and "code 54321",
        so no value can be brute-forced back from it. Any other finding hashes its text with the
        sensitive stretches in it blanked.
        """
        part = self._draft.parts.get(hit.part)
        if part is None:
            text = ""
        elif hit.sensitive:
            line_start = part.text.rfind("\n", 0, hit.start) + 1
            line_end = part.text.find("\n", hit.end)
            line_end = len(part.text) if line_end < 0 else line_end
            # The words near it on its line: a line of a pasted log may hold thousands of secrets.
            start = max(line_start, hit.start - _CONTEXT_REACH)
            end = min(line_end, hit.end + _CONTEXT_REACH)
            words = _DIGITS.sub("", self.blanked(part, start, end)).casefold().split()
            # A word the window cut in two is left out, so that the context is whole words.
            words = words[start > line_start : len(words) - (end < line_end)]
            text = f"sensitive\0{_region_kind(part, hit.start)}\0{' '.join(words)}"
        else:
            text = " ".join(self.blanked(part, hit.start, hit.end).split())
        return hashlib.sha256(f"{code}\0{hit.part}\0{text}".encode()).hexdigest()[:16]

    def blanked(self, part: Part, start: int, end: int) -> str:
        """The part's text from `start` to `end`, each sensitive stretch in it replaced by one NUL.

        The whole word around a stretch goes with it: a detector may leave a secret's last
        character out ("Hunter2024!"), and what stays would tell one secret from another.
        """
        text = part.text
        pieces, cursor = [], start
        ranges = self._ranges.get(part.name, [])
        first = bisect_left(ranges, (start - self._longest.get(part.name, 0), 0))
        for left, right in islice(ranges, first, None):
            if left >= end:
                break
            if right <= cursor:
                continue
            word = _WORD_BEFORE.search(text, max(cursor, left - _MAX_WORD), left)
            left = max(cursor, word.start() if word else left)
            word = _WORD_AFTER.match(text, right, min(end, right + _MAX_WORD))
            right = min(end, word.end() if word else right)
            pieces.append(text[cursor:left])
            pieces.append("\0")
            cursor = max(cursor, right)
        pieces.append(text[cursor:end])
        return "".join(pieces)


_DIGITS = re.compile(r"\d")
# Around a secret, a word runs to a space or a CJK character (a secret's value never holds either).
_WORD_BEFORE = re.compile(r"[^\s\u3400-\u9fff]+\Z")
_WORD_AFTER = re.compile(r"[^\s\u3400-\u9fff]+")
_MAX_WORD = 64
_SENSITIVE_CATEGORIES = frozenset({"secret", "pii"})


def _region_kind(part: Part, offset: int) -> str:
    """Where in its part a stretch stands: the writer's own text, quoted text or a signature."""
    return next((str(r.kind) for r in part.regions if r.start <= offset < r.end), "text")


def _with_fingerprints(findings: list[Finding]) -> list[Finding]:
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
    """Fingerprints of accepted findings, one per line; `#` starts a comment.

    Raises ConfigError for a file that cannot be read, is not UTF-8, or is too large.
    """
    lines = read_small_text(path, MAX_IGNORE_FILE_BYTES, "an ignore file of fingerprints").splitlines()
    return frozenset(line.split("#", 1)[0].strip() for line in lines if line.split("#", 1)[0].strip())


def fails(results: Sequence[FileResult], fail_level: Severity) -> bool:
    return any(f.severity.rank >= fail_level.rank for r in results for f in r.findings)
