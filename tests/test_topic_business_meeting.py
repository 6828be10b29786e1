"""A business proposal says so in how it proposes and asks for a meeting ("We would like to propose an
integration … Could we set up a call?", "想提议……希望能约个时间电话沟通"): with a press tag, sent to support@,
it is wrongly addressed (TG201; issue 12, fixtures/voices7 en/074). Generated over companies x proposals x
meeting asks, both languages."""

from __future__ import annotations

from itertools import product

import pytest
from lintkit import analysis_of, lint

EN_COMPANIES = ["PaySetu is a payment aggregator in India.", "We run a ticketing startup in Lagos."]
EN_PROPOSALS = ["We would like to propose an integration for Mini App merchants.", "We would like to propose a pilot."]
EN_ASKS = ["Could we set up a call in December?", "Could we schedule a call next week?", "Happy to arrange a call."]
ZH_COMPANIES = ["我们是一家做跨境支付的公司。", "我们是成都的一家票务创业公司。"]
ZH_PROPOSALS = ["想提议为小程序商家接入本地支付。", "想提议做一次试点。"]
ZH_ASKS = ["希望能约个时间电话沟通。", "方便的话可以安排线上会议。"]


@pytest.mark.parametrize(("company", "proposal", "ask"), list(product(EN_COMPANIES, EN_PROPOSALS, EN_ASKS)))
def test_en_a_business_proposal_sent_to_support_is_misaddressed(company: str, proposal: str, ask: str) -> None:
    text = (
        "To: support@telegram.org\nSubject: [Business Cooperation] - Local payments for Mini Apps\n\n"
        f"Dear Telegram Team,\n\n{company} {proposal}\n\n{ask}\n\nWarm regards,\nRahul Mehta\n"
    )
    assert analysis_of(text).topic == "press"
    assert "TG201" in {f.rule for f in lint(text).findings}


@pytest.mark.parametrize(("company", "proposal", "ask"), list(product(ZH_COMPANIES, ZH_PROPOSALS, ZH_ASKS)))
def test_zh_a_business_proposal_sent_to_support_is_misaddressed(company: str, proposal: str, ask: str) -> None:
    text = (
        "收件人：support@telegram.org\n主题：[商务合作] - 小程序本地支付\n\n"
        f"Telegram 团队您好：\n\n{company}{proposal}\n\n{ask}\n\n此致\n周凯\n"
    )
    assert analysis_of(text).topic == "press"
    assert "TG201" in {f.rule for f in lint(text).findings}
