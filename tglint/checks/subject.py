"""Subject rules: the guide's "[tag] - specific description" subject line (邮件主题行规范)."""

from __future__ import annotations

from collections.abc import Iterator

from tglint.analysis import Analysis
from tglint.models import Hit, Severity
from tglint.rule import Rule, RuleDoc


def suggested_tag(analysis: Analysis) -> str:
    """The tag that fits the draft's topic, in the draft's language."""
    suggest = analysis.pack("subject", analysis.language).get("suggest", {})
    fallback = "技术问题" if analysis.language == "zh" else "Technical Issue"
    return str(suggest.get(analysis.topic or "support", fallback))


class MissingSubject(Rule):
    code = "TG100"
    name = "missing-subject"
    category = "subject"
    severity = Severity.ERROR
    summary = "The draft has no subject line."
    doc = RuleDoc(
        what="Flags a draft whose subject is missing or empty.",
        why=(
            "Telegram's mail is sorted by mailbox, subject keywords and content; a mail with no "
            "subject is the first to be misfiled or left for later (guide: 主题行模糊不清或过于简单)."
        ),
        bad="To: support@telegram.org\n\nHello, the app crashes on start.\n",
        good="To: support@telegram.org\nSubject: [Technical Issue] - App crashes on start on Android 14\n\nHello.\n",
        more_bad=("To: support@telegram.org\nSubject:\n\n你好，应用启动就闪退。\n",),
        more_good=("To: support@telegram.org\nSubject: [技术问题] - 安卓14启动即闪退\n\n你好。\n",),
    )

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        if analysis.subject_text.strip():
            return
        tag = suggested_tag(analysis)
        yield Hit(
            "subject",
            0,
            len(analysis.subject_text),
            analysis.say(
                en=f"The subject is missing: write one like \"[{tag}] - what happens, where\".",
                zh=f"缺少邮件主题：请写成“[{tag}] - 具体问题描述”的形式。",
            ),
        )


class MissingSubjectTag(Rule):
    code = "TG101"
    name = "missing-subject-tag"
    category = "subject"
    severity = Severity.WARNING
    summary = "The subject does not start with a [tag]."
    doc = RuleDoc(
        what="Flags a subject that does not start with a tag in brackets, `[...]` or `【...】`.",
        why=(
            "The guide's subject form is \"[tag] - specific description\" ([技术问题], [账户安全], "
            "[滥用举报], [功能咨询]): the tag tells the team at a glance which kind of problem it is."
        ),
        bad="To: support@telegram.org\nSubject: App crashes when I open a chat\n\nHello.\n",
        good="To: support@telegram.org\nSubject: [Technical Issue] - App crashes when I open a chat\n\nHello.\n",
        more_bad=("To: support@telegram.org\nSubject: 消息发送失败\n\n你好。\n",),
        more_good=("To: support@telegram.org\nSubject: 【技术问题】 - 消息发送失败\n\n你好。\n",),
    )

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        text = analysis.subject_text
        if not text.strip() or analysis.subject_tag is not None:
            return
        start = len(text) - len(text.lstrip())
        tag = suggested_tag(analysis)
        yield Hit(
            "subject",
            start,
            len(text.rstrip()),
            analysis.say(
                en=f"The subject has no tag: start it with one, e.g. \"[{tag}] - {text.strip()}\".",
                zh=f"主题缺少标签：请以标签开头，例如“[{tag}] - {text.strip()}”。",
            ),
        )


RULES: tuple[type[Rule], ...] = (MissingSubject, MissingSubjectTag)
