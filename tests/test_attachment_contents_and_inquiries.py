"""Three readings of a careful writer's mail (issue 12, fixtures/voices11 en/078, zh/049, en/090), generated in both
languages: a file whose contents are named after it ("The attached PDF contains screenshots of the last posts",
"附件 PDF 里包含截图") is that file, not a picture missing (TG803); a file said attached to the first mail
("授权委托书已于首封邮件附上", "attached to my first email") is no claim about this one (TG801); and a business
inquiry listing its questions after "we would like to ask" ("我们想咨询以下几点") is one inquiry however many topics
its questions touch (TG701)."""

from __future__ import annotations

import base64

import pytest
from lintkit import lint

PDF = base64.b64encode(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n").decode()


def _mime(to: str, subject: str, body: str, *, pdf: bool) -> str:
    head = f"To: {to}\nSubject: {subject}\nMIME-Version: 1.0\n"
    if not pdf:
        return head + "Content-Type: text/plain; charset=utf-8\n\n" + body
    return (
        head + 'Content-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/plain; charset=utf-8\n\n'
        f'{body}\n--b\nContent-Type: application/pdf\nContent-Disposition: attachment; filename="evidence.pdf"\n'
        f"Content-Transfer-Encoding: base64\n\n{PDF}\n--b--\n"
    )


def _rules(text: str, prefix: str) -> list[str]:
    return [f.rule for f in lint(text, path="draft.eml").findings if f.rule.startswith(prefix)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The attached PDF contains screenshots of the last 10 posts.",
        "The attached PDF file, which contains screenshots of the posts, lists every link.",
        "I attached a PDF including photos of the ads.",
        "随附的 PDF 里包含最近 10 条帖子的截图。",
        "随信附上的 PDF 文件汇总了全部截图。",
    ],
)
def test_a_files_contents_named_after_it_are_inside_it(sentence: str) -> None:
    body = f"Hello,\n\nThe channel @fake_loans_ke posts fake loan ads since 25 November 2025.\n{sentence}\n\nThanks\n"
    text = _mime("abuse@telegram.org", "[Abuse Report] - Fake loan ads", body, pdf=True)
    assert _rules(text, "TG80") == [], sentence
    missing = _mime("abuse@telegram.org", "[Abuse Report] - Fake loan ads", body, pdf=False)
    assert _rules(missing, "TG80") == ["TG801"], sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "授权委托书已于首封邮件附上。",
        "授权委托书已在第一封邮件中附上。",
        "The power of attorney was attached to my first email.",
        "The power of attorney was attached to the original email.",
    ],
)
def test_a_file_attached_to_the_first_mail_is_no_claim_about_this_one(sentence: str) -> None:
    body = f"您好，\n\n关于商标投诉（频道 @fake_brand_shop），跟进一下处理进度。{sentence}\n\n谢谢\n"
    assert _rules(_mime("legal@telegram.org", "Re: [商标投诉] - 频道冒用商标", body, pdf=False), "TG80") == []


@pytest.mark.parametrize(
    "opening,questions",
    [
        (
            "Before we integrate with our CRM via the Bot API in Q2 2026, we would like to ask:",
            [
                "Do you offer an enterprise agreement or SLA for business customers?",
                "Can the Bot API rate limits be raised for verified businesses?",
                "Is there a contact for GDPR/DPA paperwork (we need a Data Processing Agreement)?",
            ],
        ),
        (
            "我们计划 2026 年第二季度通过 Bot API 接入客服系统，想咨询以下几点：",
            [
                "是否提供面向企业客户的服务协议或 SLA？",
                "认证企业的 Bot API 调用频率上限能否提高？",
                "GDPR/DPA 相关文件（数据处理协议）应联系谁？",
            ],
        ),
    ],
)
def test_an_inquiry_listing_its_questions_is_one_request(opening: str, questions: list[str]) -> None:
    listed = "\n".join(f"{n}. {q}" for n, q in enumerate(questions, 1))
    text = (
        "To: press@telegram.org\nSubject: [Enterprise Inquiry] - Telegram Business for a 120-agent team\n\n"
        f"Hello,\n\nWe run customer service for Nordhaven Logistics (Oslo) with 120 agents. {opening}\n\n{listed}\n\n"
        "Ingrid Solberg, Head of Customer Operations\n"
    )
    assert "TG701" not in [f.rule for f in lint(text).findings]
