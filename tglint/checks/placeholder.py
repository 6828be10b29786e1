"""The placeholders of a `tglint new` draft that are still to be filled in."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from tglint.models import Hit, Severity
from tglint.patterns import compiled
from tglint.rule import Rule, RuleDoc

if TYPE_CHECKING:
    from tglint.analysis import Analysis

# `code` on one line: a developer quoting a Jinja or Handlebars snippet is not leaving a placeholder.
_CODE_SPAN = r"`[^`\n]+`"


def _placeholders(text: str) -> Iterator[re.Match[str]]:
    if "{{" not in text:  # every placeholder starts so, and most drafts have none
        return
    # Imported here: `tglint rules` need not load the template writer.
    from tglint.templates import PLACEHOLDER

    code = [m.span() for m in compiled(_CODE_SPAN).finditer(text)]
    for match in PLACEHOLDER.finditer(text):
        if not any(start <= match.start() and match.end() <= end for start, end in code):
            yield match


class UnfilledPlaceholder(Rule):
    code = "TG719"
    languages = frozenset({"*"})  # a draft in any language
    name = "unfilled-placeholder"
    category = "details"
    severity = Severity.ERROR
    summary = "A {{placeholder}} of the draft template is still there."
    doc = RuleDoc(
        what=(
            "Flags each `{{...}}` placeholder (one line, at most 80 characters between the braces) left in the "
            "subject or the body, as `tglint new` writes them: `{{your phone number with country code}}`. "
            "Placeholders inside `backticks` (a template snippet quoted in a developer's question) are not flagged."
        ),
        why=(
            "A draft sent with its placeholders reaches support without the facts the guide asks for "
            "(信息不完整或遗漏关键细节) and reads as careless; the guide's template is there to be filled in."
        ),
        bad=(
            "To: support@telegram.org\nSubject: [Technical Issue] - Photos fail to send\n\n"
            "Hello,\n\n- Phone number: {{your phone number with country code, e.g. +1 415 555 0132}}\n"
        ),
        good=(
            "To: support@telegram.org\nSubject: [Technical Issue] - Photos fail to send\n\n"
            "Hello,\n\n- Phone number: +1 415 555 0132\n"
            "My bot's message template `Hello {{ user.first_name }}` is sent without the name.\n"
        ),
        fix="No automatic fix: replace each placeholder with your own information, or delete lines that do not apply.",
        more_bad=(
            "To: security@telegram.org\nSubject: [账户安全] - {{一句话描述问题，如：发现异常登录活动请求协助}}\n\n"
            "您好，\n\n- 手机号：+86 138 0013 8000\n",
        ),
        more_good=(
            "To: security@telegram.org\nSubject: [账户安全] - 发现异常登录活动请求协助\n\n"
            "您好，\n\n- 手机号：+86 138 0013 8000\n",
        ),
    )

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        for part, text in (("subject", analysis.subject_text), ("body", analysis.body_text)):
            for match in _placeholders(text):
                placeholder = match.group(0)
                yield Hit(
                    part,
                    match.start(),
                    match.end(),
                    analysis.say(
                        en=(
                            f"Fill in the placeholder {placeholder}: replace it with your own information, "
                            "or delete the line if it does not apply."
                        ),
                        zh=f"请填写占位符 {placeholder}：换成您自己的信息；不适用的行请删除。",
                    ),
                )


RULES: tuple[type[Rule], ...] = (UnfilledPlaceholder,)
