"""The details finding on the short mails people really send (issue 12): a bare ban or freeze appeal gives no
time and no account of what happened; a copyright or trademark complaint that does not say what was infringed (its
name, or the kind of work and where the copy is) gives nothing to look at. Generated from combinations, not one
fixture per phrase."""

from __future__ import annotations

import itertools

import pytest
import topic_drafts as td
from lintkit import lint

LOUD = frozenset({"warning", "error"})
UNNAMED = {"en": "does not say what was infringed", "zh": "投诉没有说明被侵犯的是什么"}

IP_EN = {
    "subjects": ["Trademark infringement", "Copyright complaint", "[Legal] - Infringement notice", "DMCA"],
    "complaints": [
        "We own a registered trademark and an account on Telegram is infringing it.",
        "Someone is sharing my copyrighted work on Telegram without permission.",
        "A channel keeps posting pirated copies of our films.",
        "Our client's intellectual property is being used on your platform without a licence.",
    ],
    "requests": ["Please remove the infringing content as soon as possible.", "Please take it down.", ""],
    # What was infringed: its name, or the kind of work with where the copy is (a place alone names no work).
    "names": [
        'The channel https://t.me/free_movies_hd_4k posts our film "Winter Sun".',
        "The account @cheap_brand_copies sells fakes under our mark Zentora.",
        'The work is the novel "The Salt Road".',
        "Our mark Zentora is registered under Reg. No. 5123456.",
        "See our photographs posted at t.me/bookshare_pdfs/1182.",
    ],
}
IP_ZH = {
    "subjects": ["商标侵权投诉", "版权投诉", "[法律事务] - 侵权通知", "盗版举报"],
    "complaints": [
        "我公司拥有注册商标，发现Telegram上有人侵犯我们的商标权。",
        "有人在Telegram上未经许可传播我的原创作品，侵犯了我的著作权。",
        "有频道一直在发布我们电影的盗版资源。",
        "我们客户的知识产权在贵平台上被侵权使用。",
    ],
    "requests": ["请尽快删除侵权内容。", "请处理。", ""],
    "names": [
        "频道链接：https://t.me/free_movies_hd_4k，盗播的是我们的电影《冬日》。",
        "侵权账号是 @cheap_brand_copies，冒用的商标是“泽拓”。",
        "被盗版的作品是小说《盐路》。",
        "我们的商标注册号为第 51234567 号。",
        "侵权消息：t.me/bookshare_pdfs/1182，转载的是我们的照片。",
    ],
}


def _ip_drafts(table: dict[str, list[str]], named: bool) -> list[str]:
    drafts = []
    combos = itertools.product(table["subjects"], table["complaints"], table["requests"])
    for index, (subject, complaint, request) in enumerate(combos):
        body = " ".join(piece for piece in (complaint, request) if piece)
        if named:
            body += " " + table["names"][index % len(table["names"])]
        drafts.append(f"To: legal@telegram.org\nSubject: {subject}\n\nHello,\n\n{body}\n\nJane Doe\n")
    return drafts


def _unnamed(draft: str, language: str) -> bool:
    return any(f.rule == "TG712" and UNNAMED[language] in f.message for f in lint(draft).findings)


@pytest.mark.parametrize(("language", "table"), [("en", IP_EN), ("zh", IP_ZH)])
def test_ip_complaint_naming_nothing_needs_details(language: str, table: dict[str, list[str]]) -> None:
    drafts = _ip_drafts(table, named=False)
    missed = [draft for draft in drafts if not _unnamed(draft, language)]
    assert not missed, missed[:3]


@pytest.mark.parametrize(("language", "table"), [("en", IP_EN), ("zh", IP_ZH)])
def test_ip_complaint_naming_its_work_or_place_passes(language: str, table: dict[str, list[str]]) -> None:
    drafts = _ip_drafts(table, named=True)
    flagged = [draft for draft in drafts if _unnamed(draft, language)]
    assert not flagged, flagged[:3]


def test_bare_appeals_need_details() -> None:
    appeals = [case for case in td.generate() if case.short and case.topic == "security"]
    assert len(appeals) >= 30
    missed = [
        case.draft
        for case in appeals
        if not any(f.category == "details" and f.severity.value in LOUD for f in lint(case.draft).findings)
    ]
    assert not missed, missed[:3]


# A firm's signature: its name, address and phone number, the way a rights holder's notice ends (fixtures/voices4
# en/056, zh/017). The phone number is the sender's, not the work's nor where the copy is.
SIGNATURES = {
    "en": [
        "Sincerely,\nBrandt & Kessler LLP\n1250 Avenue of the Americas, New York, NY 10020\n+1 212 555 0187",
        "Regards,\nLegal Department, Nordlicht Media GmbH\nTel. +49 211 4567890",
        "Best,\nMaria Lopez, Counsel\nPhone: +34 912 345 678",
    ],
    "zh": [
        "北京星河映画文化传媒有限公司 法务部\n北京市朝阳区建国路 93 号\n电话：+86 10 5820 3316",
        "此致\n上海某某律师事务所\n联系电话：+86 21 6888 1234",
        "广州云帆科技有限公司\n手机：+86 139 2233 4455",
    ],
}


@pytest.mark.parametrize(("language", "table"), [("en", IP_EN), ("zh", IP_ZH)])
def test_a_signature_phone_does_not_name_the_work(language: str, table: dict[str, list[str]]) -> None:
    drafts = [
        draft.replace("Jane Doe\n", signature + "\n")
        for draft, signature in zip(_ip_drafts(table, named=False), itertools.cycle(SIGNATURES[language]))
    ]
    missed = [draft for draft in drafts if not _unnamed(draft, language)]
    assert not missed, missed[:3]
    named = [
        draft.replace("Jane Doe\n", signature + "\n")
        for draft, signature in zip(_ip_drafts(table, named=True), itertools.cycle(SIGNATURES[language]))
    ]
    flagged = [draft for draft in named if _unnamed(draft, language)]
    assert not flagged, flagged[:3]
