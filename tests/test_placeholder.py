"""TG719 unfilled-placeholder: the {{placeholders}} of a `tglint new` draft still to be filled in.

The templates that write them are tested in test_templates.py.
"""

from __future__ import annotations

import pytest
from lintkit import draft_of

from tglint.checks.placeholder import UnfilledPlaceholder
from tglint.config import Settings
from tglint.engine import Linter
from tglint.models import Severity
from tglint.packs import load_packs

PACKS = load_packs()


def _tg719(text: str) -> list[tuple[str, int, int, int]]:
    linter = Linter((UnfilledPlaceholder(),), Settings(select=("TG719",)), PACKS)
    result = linter.lint_draft(draft_of(text))
    return [(f.part, f.line, f.column, f.end_column) for f in result.findings]


def test_rule_doc_examples() -> None:
    doc = UnfilledPlaceholder().doc  # from its catalogue entry
    for example in (doc.bad, *doc.more_bad):
        assert _tg719(example), example
    for example in (doc.good, *doc.more_good):
        assert _tg719(example) == [], example


def test_one_finding_per_placeholder_located() -> None:
    text = "To: support@telegram.org\nSubject: [Technical Issue] - {{one line}}\n\nHi,\n- Phone: {{phone}} / {{ id }}\n"
    assert _tg719(text) == [("subject", 2, 30, 42), ("body", 5, 10, 19), ("body", 5, 22, 30)]


@pytest.mark.parametrize(
    "body",
    [
        "My bot sends `Hello {{ user.first_name }}` without the name.",
        "The template {{{raw_html}}} is Handlebars.",
        "Braces {{}} and {{ }} say nothing.",
        "A set literal {{1, 2}, {3}} in Python.",
        "{{" + "x" * 81 + "}}",
        "An opened {{ and a line\nbreak }} are not a placeholder.",
        "> {{quoted from an earlier mail}}",
    ],
)
def test_not_a_placeholder(body: str) -> None:
    quoted = "On Mon, 4 Mar 2024, Support wrote:\n" if body.startswith(">") else ""
    assert _tg719(f"To: support@telegram.org\nSubject: [Technical Issue] - Bot template\n\n{quoted}{body}\n") == []


def test_messages_in_chinese() -> None:
    linter = Linter((UnfilledPlaceholder(),), Settings(select=("TG719",)), PACKS)
    text = "To: security@telegram.org\nSubject: [账户安全] - 发现异常登录\n\n您好，\n- 手机号：{{手机号，含国家代码}}\n"
    (finding,) = linter.lint_draft(draft_of(text)).findings
    assert finding.message.startswith("请填写占位符 {{手机号，含国家代码}}")
    assert finding.severity is Severity.ERROR and finding.category == "details"
    assert finding.name == "unfilled-placeholder"
