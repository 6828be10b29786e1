"""Chinese claims with the verb straight before 附件, no 在/到 between: "截图我放附件了", "日志已放入附件",
"录屏加到附件里了" (issue 12, fixtures/voices10 zh/029). Generated from the things, who put them, the verbs and the
endings writers use, in MIME mails (TG801) and text drafts (TG802); offers, questions and the app's own attachment
button stay unflagged."""

from __future__ import annotations

import itertools
import random

import pytest
from lintkit import lint

MIME = (
    "To: security@telegram.org\nSubject: [账号安全] - 账号被盗\n"
    "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n"
)
TEXT = "To: security@telegram.org\nSubject: [账号安全] - 账号被盗\n\n"
OPENING = "我的账号 +86 158 7720 4416 昨晚 23 点被盗，对方改了我的名字。"
THINGS = ["截图", "聊天记录截图", "两张截图", "登录提醒的截图", "录屏", "日志", "照片"]
WHO = ["我", "", "已", "我已经", "都"]
VERBS = ["放附件", "放入附件", "放进附件", "放进了附件", "放到了附件", "加到附件", "加入附件", "添加到附件"]
ENDS = ["了", "里了", "中了", "里", "了，请查看", "。"]
QUIET = [
    "如果需要截图，我可以放附件里发给你们。",
    "截图要不要放附件？",
    "聊天里点附件按钮就闪退，放附件的功能不能用。",
    "我忘了把截图放附件里。",
]


def _rules(text: str) -> list[str]:
    return [f.rule for f in lint(text, path="draft.eml", select=("TG8",)).findings]


def _claims() -> list[str]:
    rng = random.Random(2029)
    combos = list(itertools.product(THINGS, WHO, VERBS, ENDS))
    return [f"{thing}{who}{verb}{end}" for thing, who, verb, end in rng.sample(combos, 48)]


@pytest.mark.parametrize("claim", _claims())
def test_a_verb_straight_before_fujian_claims_an_attachment(claim: str) -> None:
    body = f"{OPENING}\n\n{claim}\n"
    assert _rules(MIME + body) == ["TG801"], claim
    assert _rules(TEXT + body) == ["TG802"], claim


@pytest.mark.parametrize("line", QUIET)
def test_offers_questions_and_the_apps_button_claim_nothing(line: str) -> None:
    body = f"{OPENING}\n\n{line}\n"
    assert _rules(MIME + body) == [], line
