"""A mail whose words say nothing for the mailbox it is sent to, and whose writer's tag names its topic with
some words backing the tag, is wrongly addressed though the words alone do not reach the bar (fixtures/voices5
en/093: a "[Data Protection]" complaint citing the GDPR, about a privacy setting, sent to press@). Generated
over tags x backing words x the rest of the matter x wrong mailboxes, both languages; the tag alone, or a
mailbox the words speak for, is left alone."""

from __future__ import annotations

import random
from itertools import product

import pytest
from lintkit import lint

SEED = 93
EN_TAGS = ["Data Protection", "Legal Matter", "Legal"]
EN_BACKING = [
    "under the GDPR, within one month",
    "as a data subject under Article 15 GDPR",
    "and I reserve my rights under data protection law",
]
EN_MATTER = [
    "Although my privacy setting for my phone number has been 'Nobody' since 2023, members of a group could see my "
    "number on 2 March.",
    "On 4 March a stranger in a public group showed me my own phone number, which my privacy setting hides.",
]
ZH_TAGS = ["法律事务", "法律问题"]
ZH_BACKING = ["根据《个人信息保护法》，请在 15 个工作日内答复", "依据个人信息保护法第四十五条"]
ZH_MATTER = [
    "我的隐私设置里手机号一直是“所有人都不可见”，但 3 月 2 日群里的人看到了我的号码。",
    "我把隐私设置改成了不显示最后上线时间，3 月 4 日联系人仍然看到了。",
]
WRONG = ["press@telegram.org", "abuse@telegram.org"]


def _wrong_mailbox(draft: str) -> list[str]:
    return [f.message for f in lint(draft, select=("TG201",)).findings]


EN_CASES = random.Random(SEED).sample(list(product(EN_TAGS, EN_BACKING, EN_MATTER, WRONG)), 12)
# "投诉" (a complaint) speaks a little for abuse@: only press@ has no word for it here.
ZH_CASES = list(product(ZH_TAGS, ZH_BACKING, ZH_MATTER, ["press@telegram.org"]))


def _en(tag: str, backing: str, matter: str, to: str) -> str:
    return (
        f"To: {to}\nSubject: [{tag}] - Complaint: my data shown despite my privacy setting\n\nDear Telegram,\n\n"
        f"{matter}\n\nAccount: +46 70 123 45 67, @erik_lund\n\n"
        f"I ask Telegram to explain how this happened, {backing}.\n"
    )


def _zh(tag: str, backing: str, matter: str, to: str) -> str:
    return (
        f"收件人：{to}\n主题：[{tag}] - 隐私设置失效的投诉\n\n{matter}\n\n账号：+86 139 1234 5678，@li_ming\n\n"
        f"请说明原因和处理结果，{backing}。\n"
    )


@pytest.mark.parametrize(("tag", "backing", "matter", "to"), EN_CASES)
def test_en_tag_backed_by_words_names_legal(tag: str, backing: str, matter: str, to: str) -> None:
    found = _wrong_mailbox(_en(tag, backing, matter, to))
    assert found and "legal@telegram.org" in found[0], found


@pytest.mark.parametrize(("tag", "backing", "matter", "to"), ZH_CASES)
def test_zh_tag_backed_by_words_names_legal(tag: str, backing: str, matter: str, to: str) -> None:
    found = _wrong_mailbox(_zh(tag, backing, matter, to))
    assert found and "legal@telegram.org" in found[0], found


@pytest.mark.parametrize("to", WRONG)
def test_the_tag_alone_does_not_overrule_the_mailbox(to: str) -> None:
    draft = f"To: {to}\nSubject: [Legal Matter] - Question\n\nHello, I have a question about my channel's settings.\n"
    assert not _wrong_mailbox(draft)


@pytest.mark.parametrize("matter", EN_MATTER)
def test_a_mailbox_the_words_speak_for_is_left_alone(matter: str) -> None:
    draft = _en("Data Protection", EN_BACKING[0], matter, "security@telegram.org")
    assert not _wrong_mailbox(draft)
