"""Attachment rules: a draft that says a screenshot or a log is enclosed must carry it.

The guide asks for 屏幕截图或错误日志 with technical problems and 违规内容的截图或记录
with abuse reports. A mail that says "见附件" or "I've attached the log" and carries
nothing wastes a round trip: support has to ask for the file first.

The claims are found by `tglint.recognizers.attachments` (offers, denials and reports about
the app's own attachments are not claims); these rules decide what to report: a claim in a
draft that can carry files and carries none (TG801), a claim in a plain-text draft (TG802),
a log claimed when only pictures are attached (TG803).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from tglint.models import Hit
from tglint.recognizers import Span
from tglint.recognizers.attachments import ATTACHMENT_CLAIMS
from tglint.rule import Rule

if TYPE_CHECKING:
    from tglint.analysis import Analysis
    from tglint.draft import Attachment

_SHOWN_LENGTH = 48
_PICTURE_TYPES = ("image/", "video/")


def _quoted(analysis: Analysis, claim: Span) -> tuple[str, int]:
    """What a message quotes of a claim, and where the quote ends in the text.

    The quote is the claim and the rest of its clause ("I've attached the crash log"), kept
    short; the finding's span ends where the quote does, so the underline covers exactly
    the quoted words.
    """
    text = analysis.subject_text if claim.part == "subject" else analysis.body_text
    clause_end: int = claim.facts["clause_end"]
    end = max(claim.end, min(clause_end, claim.start + _SHOWN_LENGTH))
    cut_at = text.rfind(" ", claim.end, end)
    shortened = end < clause_end and cut_at >= 0
    if shortened:
        end = cut_at
    else:
        for opening, closing in ("()", "（）"):
            quote = text[claim.start : end]
            if quote.count(closing) > quote.count(opening):
                end = claim.start + len(quote.rstrip().rstrip(closing))
    end = claim.start + len(text[claim.start : end].rstrip())
    return " ".join(text[claim.start : end].split()) + ("…" if shortened else ""), end


def _only_pictures(attachments: Sequence[Attachment]) -> bool:
    return bool(attachments) and all(a.content_type.lower().startswith(_PICTURE_TYPES) for a in attachments)


# -- rules -----------------------------------------------------------------------------------
# Their messages are in rules/catalog/attachment.toml; `{shown}` quotes the claim (`_quoted`).


class AttachmentMissing(Rule):
    code = "TG801"

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        draft = analysis.draft
        if not draft.can_attach or draft.attachments:
            return
        for claim in analysis.spans(ATTACHMENT_CLAIMS)[:1]:
            shown, end = _quoted(analysis, claim)
            yield Hit(claim.part, claim.start, end, self.message(analysis, "missing", shown=shown))


class AttachmentReminder(Rule):
    code = "TG802"

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        if analysis.draft.can_attach:
            return
        for claim in analysis.spans(ATTACHMENT_CLAIMS)[:1]:
            shown, end = _quoted(analysis, claim)
            yield Hit(claim.part, claim.start, end, self.message(analysis, "reminder", shown=shown))


class LogNotAttached(Rule):
    code = "TG803"

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        if not _only_pictures(analysis.draft.attachments):
            return
        claim = next((c for c in analysis.spans(ATTACHMENT_CLAIMS) if "log" in c.facts["things"]), None)
        if claim is None:
            return
        shown, end = _quoted(analysis, claim)
        yield Hit(claim.part, claim.start, end, self.message(analysis, "log_missing", shown=shown))
