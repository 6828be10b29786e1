"""The secrets recognizer: what it finds, with which evidence, and that Chinese bounds a value as a space does."""

from __future__ import annotations

import pytest
from lintkit import analysis_of

from tglint.recognizers import Span
from tglint.recognizers.secrets import SECRETS, writer_secrets

ZH = "To: security@telegram.org\nSubject: [账户安全] - 账号被盗\n\n"
EN = "To: security@telegram.org\nSubject: [Account Security] - Account stolen\n\n"
TOKEN = "123456789:AAHk3vQ9pZ2LmN8xR4tY7uW1bC5dE0fGh-s"


def found(body: str, header: str = ZH) -> list[tuple[str, str]]:
    analysis = analysis_of(header + body + "\n")
    text = analysis.draft.body.text
    return [(span.kind, text[span.start : span.end]) for span in analysis.spans(SECRETS) if span.part == "body"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # Straight after a Chinese character, as after a space or a colon.
        (f"令牌是{TOKEN}，机器人不回复。", ("bot token", TOKEN)),
        (f"令牌是 {TOKEN}，机器人不回复。", ("bot token", TOKEN)),
        (f"BotFather 给我的令牌{TOKEN}，请帮忙。", ("bot token", TOKEN)),
        (f"这是我的 bot token：{TOKEN}为证明是本人", ("bot token", TOKEN)),
        ("验证码是58213，输入后无效。", ("code", "58213")),
        ("密码是Tr0ub4dor，登录不了。", ("password", "Tr0ub4dor")),
        ("我设置的两步验证密码Tk#2024sz，现在登录不上了。", ("two-step verification password", "Tk#2024sz")),
        ("我的云密码3B(9Q2Fc，请帮我找回。", ("two-step verification password", "3B(9Q2Fc")),
        ("我的云密码$7m+7fQg，现在登录不上了。", ("two-step verification password", "$7m+7fQg")),
        ("被盗之前密码h)G2uKGq@R+FH，现在登录不上了。", ("password", "h)G2uKGq@R+FH")),
        ("我的 api_hash 值61dffea3f4776805403d066c7d5cb900。", ("api-hash", "61dffea3f4776805403d066c7d5cb900")),
        (
            "api_id是1234567，api_hash是0123456789abcdef0123456789abcdef。",
            ("api-hash", "0123456789abcdef0123456789abcdef"),
        ),
    ],
)
def test_a_value_glued_to_chinese_is_found(body: str, expected: tuple[str, str]) -> None:
    assert found(body) == [expected]


@pytest.mark.parametrize(
    "body",
    [
        "密码错误，请帮忙重置。",  # a word, not a value
        "我的密码已经改过了。",
        "验证码60秒后重发。",
        "忘记密码!请帮忙重置。",  # an exclamation, not a value
        "令牌AB123456789:AAHk3vQ9pZ2LmN8xR4tY7uW1bC5dE0fGh-s是假的",  # part of a longer word
    ],
)
def test_words_and_counts_after_a_chinese_name_are_not_values(body: str) -> None:
    assert found(body) == []


def test_a_span_carries_its_kind_evidence_and_is_sensitive() -> None:
    analysis = analysis_of(ZH + "我的 api_hash 是 a3f9c2e18b7d4f6091c2b3a4d5e6f708，api_id 是 1234567。\n")
    (span,) = analysis.spans(SECRETS)
    assert isinstance(span, Span)
    assert (span.kind, span.part, span.sensitive) == ("api-hash", "body", True)
    assert span.evidence == ("label:api_hash", "separator")
    text = analysis.draft.body.text
    assert [text[s:e] for s, e in span.facts["also"]] == ["1234567"]
    assert span.facts["quoted"] is False
    assert 0 < span.confidence <= 1


def test_a_token_found_by_its_shape_says_so() -> None:
    analysis = analysis_of(EN + f"Here it is {TOKEN} thanks\n")
    (span,) = analysis.spans(SECRETS)
    assert span.evidence == ("shape:bot-token",)
    assert span.confidence > 0.9


def test_a_bridge_names_its_verb() -> None:
    analysis = analysis_of(EN + "Telegram sent me a login code and I typed 38491 into the box\n")
    (span,) = analysis.spans(SECRETS)
    assert span.evidence[0] == "label:login code"
    assert span.evidence[1].startswith(("bridge:", "scan"))


def test_secrets_in_the_subject_and_the_writers_quoted_mail_are_found_apart() -> None:
    draft = (
        "To: security@telegram.org\nFrom: Li Lei <li@example.com>\nSubject: 验证码是58213\n\n"
        "还是不行。\n\nOn Mon, Li Lei <li@example.com> wrote:\n> 我的密码是 Lx@880915\n"
    )
    analysis = analysis_of(draft)
    spans = analysis.spans(SECRETS)
    assert sorted((s.part, s.kind, bool(s.facts["quoted"])) for s in spans) == [
        ("body", "password", True),
        ("subject", "code", False),
    ]
    assert writer_secrets(analysis) == []


def test_a_clause_that_withholds_the_secret_links_no_far_value() -> None:
    # The text model's negation: "never" withholds; a value a few words on is something else.
    assert found("I never typed my password, I used the app Signal2 instead", EN) == []
    assert found("I typed my password, I used Signal2 instead", EN) == [("password", "Signal2")]


def test_a_closing_bracket_ends_a_value_only_where_a_value_would_end() -> None:
    assert found("I have to type my passcode (it's 4417) to get in", EN) == [("password", "4417")]
    assert found("my password is iQIG)^tDC5 and it fails", EN) == [("password", "iQIG)^tDC5")]


def test_a_password_with_a_bang_inside_is_one_token() -> None:
    body = "The 2FA password I set last year — Granite!42x — is rejected"
    assert found(body, EN) == [("two-step verification password", "Granite!42x")]


def test_a_copula_in_another_clause_links_nothing() -> None:
    # The text model's clauses end at a colon: the "https:" of a link is not "password: <value>".
    assert found("Click here to reset your password: https://example.com/reset?token=abc123", EN) == []
    assert found("Click here to reset your password: Maple#2291", EN) == [("password", "Maple#2291")]


def test_the_names_of_secrets_searched_with_other_lists_are_found_as_by_themselves() -> None:
    """The names of secrets are searched in one pass with the lists that read a draft's parts: in the corpus
    drafts' bodies and subjects, the texts the other lists read and those they do not (a quoted reply, a gap
    after a name), they are found where a list of them alone finds them."""
    from lintkit import FIXTURES

    from tglint.recognizers.secrets import SecretWords, secret_words

    alone = SecretWords(analysis_of(EN).packs.get("secrets")).keywords
    checked = 0
    for path in sorted(FIXTURES.glob("corpus/*/*"))[:120]:
        analysis = analysis_of(path.read_bytes(), str(path))
        words = secret_words(analysis.packs)
        assert words.keywords is not alone and words.keywords._terms._pass is not None  # searched in the pass
        list(analysis.spans(SECRETS))  # the other lists of the pass read the draft too
        body = analysis.body_text
        for text in (body, analysis.subject_text, analysis.draft.body.text, body[len(body) // 3 :][:40]):
            assert words.keywords.find(text) == alone.find(text), text[:200]
            checked += bool(alone.find(text))
    assert checked > 20
