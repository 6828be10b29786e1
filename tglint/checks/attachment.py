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

from tglint.models import Hit, Severity
from tglint.recognizers import Span
from tglint.recognizers.attachments import ATTACHMENT_CLAIMS
from tglint.rule import Rule, RuleDoc

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

_MIME = "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n"


def _first_claim(analysis: Analysis, *, en: str, zh: str) -> Iterator[Hit]:
    """One finding at the draft's first claim of an enclosure; `{shown}` in a message quotes it."""
    claims = analysis.spans(ATTACHMENT_CLAIMS)
    if claims:
        claim = claims[0]
        shown, end = _quoted(analysis, claim)
        message = analysis.say(en=en.format(shown=shown), zh=zh.format(shown=shown))
        yield Hit(claim.part, claim.start, end, message)


class AttachmentMissing(Rule):
    code = "TG801"
    name = "attachment-missing"
    category = "attachment"
    severity = Severity.WARNING
    summary = "The draft says a file is attached, but it carries no attachment."
    doc = RuleDoc(
        what=(
            "Flags a draft (a MIME message, which can carry attachments) that says a screenshot, log or "
            'document is enclosed ("见附件", "截图如下", "I\'ve attached the log", "please find attached") '
            'but has no attachment. Offers ("I can send a screenshot if needed"), denials and reports '
            "about the app's own attachments (\"attachments won't upload\") are not claims."
        ),
        why=(
            "The guide asks for 屏幕截图或错误日志 and 违规内容的截图或记录; a mail that promises them and "
            "arrives without them costs a round trip before anyone can look at the problem."
        ),
        bad=(
            f"To: support@telegram.org\nSubject: [Technical Issue] - Desktop app crashes\n{_MIME}\n"
            "Telegram Desktop 5.1 crashes on start. I've attached the crash log.\n"
        ),
        good=(
            f"To: support@telegram.org\nSubject: [Technical Issue] - Desktop app crashes\n{_MIME}\n"
            "Telegram Desktop 5.1 crashes on start. I can send the crash log if needed.\n"
        ),
        fix="No automatic fix: attach the file, or drop the sentence.",
        more_bad=(
            f"To: abuse@telegram.org\nSubject: [滥用举报] - 诈骗频道\n{_MIME}\n"
            "频道 @fake_airdrop 发布虚假空投，截图见附件。\n",
        ),
        more_good=(
            "To: abuse@telegram.org\nSubject: [滥用举报] - 诈骗频道\nMIME-Version: 1.0\n"
            'Content-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/plain; charset=utf-8\n\n'
            "频道 @fake_airdrop 发布虚假空投，截图见附件。\n--b\nContent-Type: image/png\n"
            'Content-Disposition: attachment; filename="airdrop.png"\nContent-Transfer-Encoding: base64\n\n'
            "iVBORw0KGgo=\n--b--\n",
            "To: support@telegram.org\nSubject: [技术问题] - 桌面版启动闪退\nMIME-Version: 1.0\n"
            'Content-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/plain; charset=utf-8\n\n'
            '崩溃日志见附件。\n--b\nContent-Type: text/plain; name="crash.log"\n'
            'Content-Disposition: attachment; filename="crash.log"\n\n[12:00:01] fatal error\n--b--\n',
            f"To: support@telegram.org\nSubject: [技术问题] - 截图功能异常\n{_MIME}\n"
            "截图功能无法使用，附件也无法上传。\n",
        ),
    )

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        draft = analysis.draft
        if not draft.can_attach or draft.attachments:
            return
        yield from _first_claim(
            analysis,
            en='The draft says "{shown}" but carries no attachment: attach the file, or drop the sentence.',
            zh="草稿中写了“{shown}”，但邮件没有附件：请添加附件，或删掉这句话。",
        )


class AttachmentReminder(Rule):
    code = "TG802"
    name = "attachment-reminder"
    category = "attachment"
    severity = Severity.INFO
    summary = "A plain-text draft mentions an attachment: remember to attach it when sending."
    doc = RuleDoc(
        what=(
            "A reminder for plain-text drafts, which cannot carry attachments themselves: the text says "
            "a screenshot, log or document is enclosed, so the mail client must attach it at sending time."
        ),
        why=(
            "The guide asks for 屏幕截图或错误日志 and 违规内容的截图或记录; the draft file cannot show whether "
            "they will be attached, so this is a hint, never a warning."
        ),
        bad=(
            "To: support@telegram.org\nSubject: [Technical Issue] - Stories fail to upload\n\n"
            "Every story upload stops at 90%. Please find attached a screen recording.\n"
        ),
        good=(
            "To: support@telegram.org\nSubject: [Technical Issue] - Attachments fail to upload\n\n"
            "The attachment won't upload in any chat; I can send a screen recording if needed.\n"
        ),
        more_bad=(
            "To: support@telegram.org\nSubject: [技术问题] - 快拍上传失败\n\n"
            "快拍上传总是停在90%，我附上了录屏和日志。\n",
        ),
        more_good=(
            "To: support@telegram.org\nSubject: [技术问题] - 快拍上传失败\n\n"
            "快拍上传总是停在90%，如需录屏我可以提供。\n",
        ),
    )

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        if analysis.draft.can_attach:
            return
        yield from _first_claim(
            analysis,
            en='This draft mentions an attachment ("{shown}"): remember to attach it when you send the mail.',
            zh="草稿提到了附件（“{shown}”）：发送邮件时请记得把它添加为附件。",
        )


class LogNotAttached(Rule):
    code = "TG803"
    name = "log-not-attached"
    category = "attachment"
    severity = Severity.INFO
    summary = "The draft says a log is attached, but only pictures are."
    doc = RuleDoc(
        what="A hint when the text says a log is enclosed and every attachment is an image or a video.",
        why=(
            "The guide asks for 屏幕截图或错误日志: a screenshot of an error is not the log support asked for, "
            "and the text promises both."
        ),
        bad=(
            "To: support@telegram.org\nSubject: [Technical Issue] - Crash on start\nMIME-Version: 1.0\n"
            'Content-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/plain; charset=utf-8\n\n'
            "The app crashes on start. I've attached the crash log.\n--b\nContent-Type: image/png\n"
            'Content-Disposition: attachment; filename="error.png"\nContent-Transfer-Encoding: base64\n\n'
            "iVBORw0KGgo=\n--b--\n"
        ),
        good=(
            "To: support@telegram.org\nSubject: [Technical Issue] - Crash on start\nMIME-Version: 1.0\n"
            'Content-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/plain; charset=utf-8\n\n'
            "The app crashes on start. I've attached a screenshot of the error.\n--b\nContent-Type: image/png\n"
            'Content-Disposition: attachment; filename="error.png"\nContent-Transfer-Encoding: base64\n\n'
            "iVBORw0KGgo=\n--b--\n"
        ),
        more_bad=(
            "To: support@telegram.org\nSubject: [技术问题] - 启动闪退\nMIME-Version: 1.0\n"
            'Content-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/plain; charset=utf-8\n\n'
            "应用启动就闪退，崩溃日志见附件。\n--b\nContent-Type: image/jpeg\n"
            'Content-Disposition: attachment; filename="a.jpg"\nContent-Transfer-Encoding: base64\n\n'
            "/9j/4AAQ\n--b--\n",
        ),
        more_good=(
            "To: support@telegram.org\nSubject: [技术问题] - 启动闪退\nMIME-Version: 1.0\n"
            'Content-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/plain; charset=utf-8\n\n'
            "应用启动就闪退，报错截图见附件。\n--b\nContent-Type: image/jpeg\n"
            'Content-Disposition: attachment; filename="a.jpg"\nContent-Transfer-Encoding: base64\n\n'
            "/9j/4AAQ\n--b--\n",
        ),
    )

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        if not _only_pictures(analysis.draft.attachments):
            return
        claim = next((c for c in analysis.spans(ATTACHMENT_CLAIMS) if "log" in c.facts["things"]), None)
        if claim is None:
            return
        shown, end = _quoted(analysis, claim)
        yield Hit(
            claim.part,
            claim.start,
            end,
            analysis.say(
                en=f'The draft says "{shown}" about a log, but only pictures are attached: attach the log file '
                "too, or paste its relevant lines into the mail.",
                zh=f"草稿中写了“{shown}”并提到日志，但附件只有图片：请同时添加日志文件，或把相关日志内容贴在正文中。",
            ),
        )


RULES: tuple[type[Rule], ...] = (AttachmentMissing, AttachmentReminder, LogNotAttached)
