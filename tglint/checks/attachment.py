"""Attachment rules: a draft that says a screenshot or a log is enclosed must carry it.

The guide asks for 屏幕截图或错误日志 with technical problems and 违规内容的截图或记录
with abuse reports. A mail that says "见附件" or "I've attached the log" and carries
nothing wastes a round trip: support has to ask for the file first.

The claims are found by `tglint.recognizers.attachments` (offers, denials and reports about
the app's own attachments are not claims); these rules decide what to report: a claim in a
draft that can carry files and carries none (TG801), a claim in a plain-text draft (TG802),
a kind of file claimed (a log, a video, a PDF, a screenshot) that none of the attached files
can be (TG803). Outlook's winmail.dat (application/ms-tnef) is no attachment a recipient can open:
a claim in a draft whose only file is one gets TG801, saying how to send the file as itself.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from tglint.models import Hit
from tglint.recognizers import Span
from tglint.recognizers.attachments import ATTACHMENT_CLAIMS, file_kinds, is_outlook_wrapper, is_signature_part
from tglint.rule import Rule

if TYPE_CHECKING:
    from tglint.analysis import Analysis
    from tglint.draft import Attachment

_SHOWN_LENGTH = 48
# The kinds of file a claim names that an attachment must be; "a document" or "the file" may be any.
_CHECKED_KINDS = ("log", "video", "pdf", "picture")


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


def _kinds_not_attached(claim: Span, attachments: Sequence[Attachment]) -> list[str]:
    """The kinds of file the claim's clause names that none of the attachments can be. A clause that
    also names a document or a PDF ("the images listed in the attached file", "截图见附件 PDF", "screenshots
    are in the attached PDF") may be about that one, which holds the rest: only a format it names ("the
    notice as a PDF") is then checked."""
    things = claim.facts["things"]
    checked = ("pdf",) if "document" in things or "pdf" in things else _CHECKED_KINDS
    attached = frozenset().union(*(file_kinds(a.filename, a.content_type) for a in attachments))
    return [kind for kind in checked if kind in things and kind not in attached]


# -- rules -----------------------------------------------------------------------------------
# Their messages are in rules/catalog/attachment.toml; `{shown}` quotes the claim (`_quoted`).


def _openable(analysis: Analysis, attachments: Sequence[Attachment]) -> list[Attachment]:
    """The attachments a recipient can open as what the writer enclosed: not Outlook's winmail.dat, which
    wraps the real files where only Outlook finds them, nor a part the mail program added (a signature's
    logo, "image001.png", a contact card)."""
    return [
        a
        for a in attachments
        if not is_outlook_wrapper(a.filename, a.content_type)
        and not is_signature_part(analysis.packs, a.filename, a.content_type)
    ]


class AttachmentMissing(Rule):
    code = "TG801"

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        draft = analysis.draft
        if not draft.can_attach or _openable(analysis, draft.attachments):
            return
        for claim in analysis.spans(ATTACHMENT_CLAIMS)[:1]:
            shown, end = _quoted(analysis, claim)
            wrappers = [a for a in draft.attachments if is_outlook_wrapper(a.filename, a.content_type)]
            if wrappers:
                message = self.message(analysis, "outlook_wrapper", shown=shown)
            elif draft.attachments:
                name = draft.attachments[0].filename or ""
                message = self.message(analysis, "signature_part", shown=shown, name=name)
            else:
                message = self.message(analysis, "missing", shown=shown)
            yield Hit(claim.part, claim.start, end, message)


class AttachmentReminder(Rule):
    code = "TG802"

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        if analysis.draft.can_attach or analysis.draft.attachments:
            return  # a MIME draft is TG801's; files named on an "Attachments:" line are TG803's
        for claim in analysis.spans(ATTACHMENT_CLAIMS)[:1]:
            shown, end = _quoted(analysis, claim)
            yield Hit(claim.part, claim.start, end, self.message(analysis, "reminder", shown=shown))


class FileKindNotAttached(Rule):
    code = "TG803"

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        attachments = _openable(analysis, analysis.draft.attachments)
        if not attachments:
            return  # TG801's business
        for claim in analysis.spans(ATTACHMENT_CLAIMS):
            wanted = _kinds_not_attached(claim, attachments)
            if wanted:
                shown, end = _quoted(analysis, claim)
                names = {
                    "log": self.message(analysis, "kind_log"),
                    "video": self.message(analysis, "kind_video"),
                    "pdf": self.message(analysis, "kind_pdf"),
                    "picture": self.message(analysis, "kind_picture"),
                }
                kinds = [names[kind] for kind in wanted]
                joiner = self.message(analysis, "and")
                yield Hit(
                    claim.part,
                    claim.start,
                    end,
                    self.message(analysis, "kind_missing", shown=shown, kinds=joiner.join(kinds)),
                )
                return
