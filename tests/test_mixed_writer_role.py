"""A phishing or scam report telling what the scam does to accounts ("two members lost their accounts") is one
abuse report, though the writer says who they are in it ("where I am a moderator", "我是群主"): "I am" and "我是"
say an account is the writer's only right before its handle (issue 12, fixtures/voices6 en/067). Generated
over reports x roles, both languages; a report followed by a takeover of the writer's own account ("my
account") stays two matters."""

from __future__ import annotations

from itertools import product

import pytest
from lintkit import lint

EN_REPORT = (
    "I want to report a phishing site that copies the Telegram Web login page: hxxps://web-telegram-login[.]org "
    "(defanged). The channel @TON_Airdrop_Fake_2026 promotes it with 'claim 50 TON' posts."
)
EN_ROLES = ["where I am a moderator", "where I'm an admin", "which I am the owner of"]
EN_STEPS = [
    "- First seen: 2 December 2026, 18:20 CET, in the group @ton_traders_de, {role}\n"
    "- The site asks for the phone number, then the login code, then the 2FA password\n"
    "- Two members lost their accounts on 3 December after using it; the hijacked accounts then posted the link",
    "On 2 December at 18:20 it appeared in our group @ton_traders_de, {role}. It asks for the login code and the "
    "two-step password, and three members had their accounts stolen the next day.",
]
ZH_REPORT = (
    "我要举报一个仿冒 Telegram 网页版登录页的钓鱼网站：hxxps://web-telegram-login[.]org（已处理）。"
    "频道 @TON_Airdrop_Fake_2026 在推广它。"
)
ZH_ROLES = ["我是群主", "我是这个群的管理员", "本人是群管理员"]
ZH_STEPS = [
    "- 首次出现：2026年12月2日 18:20，在群 @ton_traders_cn 里，{role}\n"
    "- 网站先要手机号，再要登录验证码，最后要两步验证密码\n"
    "- 12月3日有两名群成员的账号被盗，被盗的账号又发了同样的链接",
]


def _mixed(draft: str) -> bool:
    return any(f.rule == "TG701" for f in lint(draft, select=("TG701",)).findings)


@pytest.mark.parametrize(("steps", "role"), list(product(EN_STEPS, EN_ROLES)))
def test_en_a_phishing_report_with_the_writers_role_is_one_matter(steps: str, role: str) -> None:
    body = f"{EN_REPORT}\n\n{steps.format(role=role)}\n\nRegards,\nTobias Brandt\n"
    assert not _mixed(f"To: abuse@telegram.org\nSubject: [Abuse Report] - Phishing site\n\nHello,\n\n{body}")


@pytest.mark.parametrize(("steps", "role"), list(product(ZH_STEPS, ZH_ROLES)))
def test_zh_a_phishing_report_with_the_writers_role_is_one_matter(steps: str, role: str) -> None:
    body = f"{ZH_REPORT}\n\n{steps.format(role=role)}\n\n谢谢\n张伟\n"
    assert not _mixed(f"收件人：abuse@telegram.org\n主题：[滥用举报] - 钓鱼网站\n\n你好，\n\n{body}")


@pytest.mark.parametrize(
    "draft",
    [
        f"To: abuse@telegram.org\nSubject: [Abuse Report] - Phishing site\n\n{EN_REPORT}\n\n"
        "Also, my account was hacked yesterday at 21:00: someone logged in from Lagos and changed my 2FA password.\n",
        f"收件人：abuse@telegram.org\n主题：[滥用举报] - 钓鱼网站\n\n{ZH_REPORT}\n\n"
        "另外，我的账号昨天晚上 9 点被盗了，有人从拉各斯登录并改了我的两步验证密码。\n",
    ],
)
def test_a_takeover_of_the_writers_own_account_is_still_a_second_matter(draft: str) -> None:
    assert _mixed(draft)
