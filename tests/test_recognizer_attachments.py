"""The attachment-claim recognizer: words saying a file goes with this mail, and what kind of file."""

from __future__ import annotations

import pytest
from lintkit import _PACKS, draft_of

from tglint.analysis import Analysis
from tglint.config import Settings
from tglint.recognizers import Span
from tglint.recognizers.attachments import ATTACHMENT_CLAIMS

EN = "To: support@telegram.org\nSubject: [Technical Issue] - Desktop app crashes\n\n"
ZH = "To: support@telegram.org\nSubject: [技术问题] - 桌面版闪退\n\n"


def claims(body: str, head: str = "") -> tuple[Analysis, tuple[Span, ...]]:
    head = head or (ZH if any("\u4e00" <= c <= "\u9fff" for c in body) else EN)
    analysis = Analysis(draft_of(head + body + "\n"), Settings(), _PACKS)
    return analysis, analysis.spans(ATTACHMENT_CLAIMS)


def claimed(body: str) -> list[str]:
    analysis, found = claims(body)
    return [analysis.body_text[s.start : s.end] for s in found]


@pytest.mark.parametrize(
    ("body", "things"),
    [
        ("The app crashes on start. I've attached the crash log.", ("log",)),
        ("Please find attached two screenshots and the log file.", ("picture", "log")),
        ("截图见附件。", ("picture",)),
        ("授权书和营业执照见附件。", ("document",)),
        ("See attached.", ()),
    ],
)
def test_a_claim_says_which_kinds_of_file_its_clause_names(body: str, things: tuple[str, ...]) -> None:
    _, found = claims(body)
    [claim] = found
    assert (claim.kind, claim.part) == ("attachment-claim", "body")
    assert claim.facts["things"] == things
    assert claim.evidence[0].startswith("template:")


def test_the_kinds_of_file_are_read_in_the_claims_clause_only() -> None:
    _, found = claims("I've attached a screenshot, and the log is on its way.")
    assert found[0].facts["things"] == ("picture",)


@pytest.mark.parametrize(
    "body",
    [
        "I can send the crash log if needed.",
        "No screenshot attached, sorry.",
        "I forgot to attach the log.",
        "I cannot attach the log, the file is too big.",
        "我没有附上截图。",
        "如需截图我可以提供。",
        "附件无法上传。",
        "I attached a photo in the chat and it failed to send.",
        "The log was attached to my previous email.",
    ],
)
def test_offers_denials_and_the_apps_own_attachments_are_not_claims(body: str) -> None:
    assert claimed(body) == []


def test_a_denial_in_another_clause_does_not_deny_the_claim() -> None:
    assert claimed("I could not fix it, but I've attached the crash log.") == ["I've attached"]


def test_the_clause_of_a_claim_ends_before_a_labelled_value() -> None:
    analysis, found = claims("我附上截图和身份证号码：110105199001011234，请核实。")
    [claim] = found
    assert analysis.body_text[claim.start : claim.facts["clause_end"]] == "附上截图和身份证号码"


def test_a_value_written_out_after_the_verb_is_no_claim() -> None:
    # "附上身份证号码：110…": what is enclosed is written out on its line.
    assert claimed("我附上身份证号码：110105199001011234，请核实。") == []


def test_claims_in_the_subject_are_found_too() -> None:
    head = "To: support@telegram.org\nSubject: Crash log attached\n\n"
    _, found = claims("The app crashes on start.", head)
    assert [(s.part, s.facts["things"]) for s in found] == [("subject", ("log",))]


@pytest.mark.parametrize(
    "body",
    [
        'The scammer wrote "please find attached the invoice" and asked me to open it.',
        "对方发来消息说“截图见附件”，让我点开链接。",
    ],
)
def test_a_claim_quoted_as_someone_elses_words_is_not_this_mails(body: str) -> None:
    assert claimed(body) == []
