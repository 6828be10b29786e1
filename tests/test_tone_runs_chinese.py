"""Runs of marks in Chinese written without spaces (fixtures/voices5 zh/047): a second run in the same line
("没人理？？？你们到底管不管？？？") is typed, not the "?" a decoder leaves for letters it could not read, which
stand among ASCII letters. Generated over clauses x marks x how many runs share the line, both widths."""

from __future__ import annotations

import random
from itertools import product

import pytest
from lintkit import lint

SEED = 47
HEAD = "收件人：security@telegram.org\n主题：[账户安全] - 账号被封禁申诉\n\n我的账号 @li_trade 3月3日下午被封了。\n"
CLAUSES = ["到现在三天了没人理", "你们到底管不管", "为什么封我的号", "损失谁来赔", "还要等多久", "客服在哪里"]
RUNS = ["？？？", "？？？？", "！！！", "？！？", "???", "!!!", "?!?!"]


def _runs(draft: str) -> list[str]:
    return [f.excerpt or "" for f in lint(draft, select=("TG604",)).findings]


CASES = random.Random(SEED).sample(list(product(CLAUSES, CLAUSES, RUNS, RUNS)), 40)


@pytest.mark.parametrize(("first", "second", "run1", "run2"), CASES)
def test_two_runs_in_one_chinese_line_are_both_reported(first: str, second: str, run1: str, run2: str) -> None:
    draft = HEAD + f"{first}{run1}{second}{run2}\n"
    found = lint(draft, select=("TG604",)).findings
    assert len(found) == 2, (draft, [f.message for f in found])


@pytest.mark.parametrize("run", RUNS)
def test_three_runs_and_a_closing_sentence(run: str) -> None:
    draft = HEAD + f"没人理{run}你们到底管不管{run}赶紧解封{run}我等着。\n"
    assert len(lint(draft, select=("TG604",)).findings) == 3


@pytest.mark.parametrize(
    "garbled",
    [
        "Name: ?&#xFF71;?t?@?C???&#xFF8C;?",
        "?????(charset) : ???t?@?C??",
        "caf???s and cr???pes",
    ],
)
def test_letters_a_decoder_could_not_read_are_still_not_runs(garbled: str) -> None:
    draft = (
        "To: support@telegram.org\nSubject: [Technical Issue] - Names shown wrong\n\nThe chat shows:\n" + garbled + "\n"
    )
    assert not lint(draft, select=("TG604",)).findings
