"""What `--diff` shows: the text a person reads before and after the fixes, with secrets masked.

A diff of the raw file would show a base64 or quoted-printable body as encoded lines:
unreadable, and a secret the masking cannot recognise there (base64 decodes to it; a
soft line break splits it). So the diff compares decoded text: a plain-text draft's
whole text as the reader numbers its lines, or, for a MIME draft, its header fields and
the text of its body and other alternatives. Every span a finding marks as sensitive is
masked by its position, before and after, and any flagged secret left is scrubbed by its
value; a line says which transfer encodings the rewritten parts keep. The diff is for
reading, not for `patch`: secrets are masked in it.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from tglint.draft import ALTERNATIVE_PART, Draft, line_starts
from tglint.escaping import printable
from tglint.models import FileResult, Finding
from tglint.reporters._masking import scrub, secrets

_HEADER_LABELS = {"from": "From", "to": "To", "cc": "Cc", "bcc": "Bcc", "subject": "Subject"}
_ENCODED = ("base64", "quoted-printable")
# What a terminal could act on or show as a line break inside a line: replaced.


def decoded_diff(
    path: str,
    before: tuple[bytes, Draft, FileResult],
    after: tuple[bytes, Draft, FileResult],
) -> str:
    """A unified diff of the draft's decoded text before and after the fixes; "" when the text is the same."""
    old_text, new_text = _shown(*before), _shown(*after)
    label = path if before[1].kind == "text" else f"{path}\t(decoded text)"
    lines = difflib.unified_diff(old_text.split("\n"), new_text.split("\n"), label, label, lineterm="")
    diff = "".join(line + "\n" for line in lines)
    if not diff:
        return ""
    hidden = tuple(sorted({*secrets(before[2]), *secrets(after[2])}, key=lambda s: (-len(s), s)))
    note = _encodings_note(path, before[0], after[0]) if before[1].kind == "mime" else ""
    # The draft's own text reaches the terminal here: escape what could drive it.
    return printable(note + scrub(diff, hidden))


def _shown(data: bytes, draft: Draft, result: FileResult) -> str:
    """The draft's text as a person reads it, with every sensitive span masked."""
    sensitive = [f for f in result.findings if f.sensitive]
    if draft.kind == "text":
        from tglint.reading import text_draft_text

        return _masked(text_draft_text(data), sensitive)
    lines = []
    for name, label in _HEADER_LABELS.items():
        part = draft.parts.get(name)
        if part is not None:
            lines.append(f"{label}: {_masked(part.text, [f for f in sensitive if f.part == name])}")
    lines.append("")
    lines.append(_masked(draft.body.text, [f for f in sensitive if f.part == "body"]))
    other = draft.parts.get(ALTERNATIVE_PART)
    if other is not None:
        lines += ["", "[HTML version]", _masked(other.text, [f for f in sensitive if f.part == ALTERNATIVE_PART])]
    return "\n".join(lines)


def _masked(text: str, findings: Iterable[Finding]) -> str:
    """`text` with the characters of each finding's span (lines and columns of `text`) replaced by "*"."""
    starts = line_starts(text)
    chars = list(text)

    def offset(line: int, column: int) -> int:
        return min(starts[min(max(line, 1), len(starts)) - 1] + max(column, 1) - 1, len(text))

    for finding in findings:
        for index in range(offset(finding.line, finding.column), offset(finding.end_line, finding.end_column)):
            if chars[index] != "\n":
                chars[index] = "*"
    return "".join(chars)


def _encodings_note(path: str, before: bytes, after: bytes) -> str:
    """Which rewritten text parts keep a base64 or quoted-printable transfer encoding."""
    from tglint.reading import text_sources

    kept = set()
    try:
        old_sources, new_sources = text_sources(before), text_sources(after)
    except Exception:  # the fix already read both; a note is not worth a traceback
        return ""
    for (_, _, old), (_, leaf, new) in zip(old_sources, new_sources, strict=False):
        encoding = str(leaf.get("Content-Transfer-Encoding") or "").strip().lower()
        if old != new and encoding in _ENCODED:
            kept.add(encoding)
    if not kept:
        return ""
    return (
        f"# {path}: decoded text shown; the rewritten part keeps its {' and '.join(sorted(kept))} transfer encoding\n"
    )
