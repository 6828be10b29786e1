"""Two readings from fixtures/voices22-23 (issue 12). "my business account @x was frozen" after a payment matter is
the writer's own account, a security matter of its own ("my" and a kind of account, as "my account"; TG701, voices23
en/074). And the overlap of two mailboxes is read in the matter's words, not in the subject's tag: "[隐私请求]" on a
deletion request under the 个人信息保护法 sent to security@ is legal@'s (TG201, voices22 zh/025), where "隐私" in the
body's words still lets both fit. Generated over kinds of account and laws."""

from __future__ import annotations

import pytest
from lintkit import lint


def _rules(text: str) -> set[str]:
    return {f.rule for f in lint(text).findings}


@pytest.mark.parametrize("kind", ["business", "personal", "main", "new", "company"])
def test_my_kind_of_account_frozen_after_a_payment_is_a_second_matter(kind: str) -> None:
    text = (
        "To: support@telegram.org\nSubject: [Payment Issue] - Card payment to shop bot fails\n\nHello,\n\n"
        '1. Card payments in the shop bot @TeeStoreBot fail with "Payment provider error" since 10 April. Account '
        "+44 7911 123456, @amira_h, iPhone 15, iOS 18.3, Telegram 11.8.1.\n\n"
        f"2. Also my {kind} account @amira_prints was frozen on 8 April without any explanation, can you unfreeze it?"
        "\n\nThanks,\nAmira\n"
    )
    assert "TG701" in _rules(text), kind


LAWS = ["《中华人民共和国个人信息保护法》第四十七条", "GDPR 第17条", "《个人信息保护法》"]


@pytest.mark.parametrize("law", LAWS)
def test_a_privacy_tag_on_a_deletion_request_is_no_overlap(law: str) -> None:
    text = (
        "收件人：security@telegram.org\n主题：[隐私请求] - 依据个人信息保护法请求删除个人数据\n\n您好：\n\n"
        f"本人依据{law}，请求删除贵平台存储的与本人账号相关的全部个人信息，包括联系人同步数据。\n\n"
        "- 手机号：+86 139 0246 1357\n- 用户名：@zhao_privacy\n\n请在法定期限内回复处理结果。谢谢。\n"
    )
    assert "TG201" in _rules(text), law


def test_privacy_in_the_matters_words_still_fits_both() -> None:
    text = (
        "收件人：security@telegram.org\n主题：[隐私请求] - 担心隐私泄露\n\n您好：\n\n"
        "我担心我的隐私数据泄露了，本人依据《个人信息保护法》请求查询贵平台存储的与本人账号相关的个人信息。\n\n"
        "- 手机号：+86 139 0246 1357\n- 用户名：@zhao_privacy\n\n谢谢。\n"
    )
    assert "TG201" not in _rules(text)
