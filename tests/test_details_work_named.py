"""A copyright or trademark complaint says what was infringed (issue 12: "a trademark or copyright complaint that names
no mark, work, channel or link" needs the details finding, TG712). Where the copy is does not say it: "the channel
t.me/x is stealing our content" names no work (fixtures voices16 zh/029, voices21 en/097, voices23 en/098 and
zh/048); the kind of work copied with where it is does ("15 of my illustrations at t.me/x"), as a title, a mark's
registration number or a case's number do alone. A kind inside the link ("t.me/free_movies_hd") or in a firm's name
("Northlight Pictures") is not the writer's. Generated over places, kinds and generic words, both languages."""

from __future__ import annotations

from itertools import product

import pytest
from lintkit import lint

EN_PLACES = ["the channel https://t.me/daily_vault_2025", "the channel @daily_vault_2025"]
ZH_PLACES = ["频道 https://t.me/ziyuan_vault_2025", "频道 @ziyuan_vault_2025"]
EN_GENERIC = ["keeps stealing my content", "is infringing our copyrights", "reposts our material without permission"]
ZH_GENERIC = ["盗用了我们公司的内容", "盗用了我们公司的东西，严重侵犯了我们的版权", "侵犯了我方的著作权"]
EN_KINDS = ["has posted 15 of my illustrations", "reposts our audiobooks", "uploads my photographs"]
ZH_KINDS = ["发布了本人拍摄的 12 张照片", "上传了我们的有声书", "转载了我们公司的电影"]


def _en(sentence: str, signature: str = "Jake Turner") -> str:
    return (
        "To: legal@telegram.org\nSubject: [Copyright Complaint] - Infringing channel\n\nHello,\n\n"
        f"{sentence} without permission. Please remove it.\n\nThank you,\n{signature}\n"
    )


def _zh(sentence: str) -> str:
    return (
        "收件人：legal@telegram.org\n主题：[版权投诉] - 频道侵权\n\n您好，\n\n"
        f"{sentence}，请尽快删除。\n\n某某文化传媒有限公司 法务部\n"
    )


def _vague(text: str) -> bool:
    return "TG712" in {f.rule for f in lint(text).findings}


@pytest.mark.parametrize(("place", "generic"), list(product(EN_PLACES, EN_GENERIC)))
def test_en_a_place_with_no_work_is_vague(place: str, generic: str) -> None:
    assert _vague(_en(f"{place.capitalize()} {generic}"))


@pytest.mark.parametrize(("place", "generic"), list(product(ZH_PLACES, ZH_GENERIC)))
def test_zh_a_place_with_no_work_is_vague(place: str, generic: str) -> None:
    assert _vague(_zh(f"{place}{generic}"))


@pytest.mark.parametrize(("place", "kind"), list(product(EN_PLACES, EN_KINDS)))
def test_en_the_kind_of_work_and_its_place_name_it(place: str, kind: str) -> None:
    assert not _vague(_en(f"{place.capitalize()} {kind}"))


@pytest.mark.parametrize(("place", "kind"), list(product(ZH_PLACES, ZH_KINDS)))
def test_zh_the_kind_of_work_and_its_place_name_it(place: str, kind: str) -> None:
    assert not _vague(_zh(f"{place}{kind}"))


@pytest.mark.parametrize("kind", EN_KINDS)
def test_en_a_kind_with_no_place_is_vague(kind: str) -> None:
    assert _vague(_en(f"Someone on Telegram {kind}"))


@pytest.mark.parametrize("kind", ZH_KINDS)
def test_zh_a_kind_with_no_place_is_vague(kind: str) -> None:
    assert _vague(_zh(f"有人在 Telegram 上{kind}"))


def test_a_kind_in_the_link_or_a_firms_name_is_not_the_writers() -> None:
    text = _en("The channel https://t.me/free_movies_hd_2025 is infringing our copyrights", "Northlight Pictures")
    assert _vague(text)


@pytest.mark.parametrize(
    "named",
    [
        "The channel @lumiere_shop sells fakes under EU trade mark registration no. 018734562",
        "The channel @lumiere_shop sells fakes under our mark, see Case No. LGL-90421",
        "频道 @lumiere_shop 冒用我们的注册商标，商标注册号：30567812",
        "频道 @gossip_daily_sh 发布侵权内容，案号（2026）沪0104民初12345号",
    ],
)
def test_a_registration_or_case_number_names_it(named: str) -> None:
    assert not _vague(_zh(named) if "频道" in named else _en(named))
