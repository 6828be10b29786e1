"""`tglint serve` speaks LanguageTool's HTTP API: `/v2/languages` and `/v2/check`.

Requests go over HTTP to a real `tglint serve` process; what a LanguageTool client makes
of the answers is in tests/test_serve_clients.py.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from serving import Server

from tglint.serve.languagetool import AnnotatedText, Utf16

PASSWORD = "Zq7mallow88"
EN = (
    "To: support@telegram.org\nSubject: [Account Security] - Someone logged into my account\n\n"
    f"Hello, someone logged into my account yesterday. My password is {PASSWORD}! and my phone is 13812345678.\n"
)
ZH = (
    "收件人：support@telegram.org\n主题：[账户安全] - 账号被他人登录\n\n"
    f"您好，昨天有人登录了我的账号。我的密码是 {PASSWORD}!，手机号 13812345678。\n"
)


@pytest.fixture(scope="module")
def client() -> Iterator[Server]:
    with Server() as server:
        yield server


def check(client: Server, **fields: str) -> dict[str, Any]:
    response = client.post_form("/v2/check", fields)
    assert response.status == 200, response.text
    assert response.headers["content-type"] == "application/json"
    answer: dict[str, Any] = response.json()
    return answer


def by_rule(answer: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {match["rule"]["id"]: match for match in answer["matches"]}


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def test_languages_lists_english_and_chinese_as_languagetool_does(client: Server) -> None:
    answer = client.get("/v2/languages").json()
    assert {"name": "English (US)", "code": "en", "longCode": "en-US"} in answer
    assert {"name": "Chinese", "code": "zh", "longCode": "zh-CN"} in answer
    assert all(set(entry) == {"name", "code", "longCode"} for entry in answer)


@pytest.mark.parametrize(("text", "language"), [(EN, "en-US"), (ZH, "zh-CN"), (EN, "auto"), (ZH, "auto")])
def test_check_answers_in_languagetool_shape_with_tglints_findings(client: Server, text: str, language: str) -> None:
    answer = check(client, text=text, language=language, motherTongue="de-DE", level="picky")
    assert answer["software"]["name"] == "tglint" and answer["software"]["apiVersion"] == 1
    expected = "zh-CN" if text is ZH else ("en" if language == "auto" else "en-US")
    assert answer["language"]["code"] == expected
    assert answer["language"]["detectedLanguage"]["code"] == ("zh-CN" if text is ZH else "en")
    found = by_rule(answer)
    # A wrong mailbox, a password and a number without its country code, each where it is.
    for rule, written in (("TG201", "support@telegram.org"), ("TG501", PASSWORD), ("TG401", "13812345678")):
        match = found[rule]
        assert text[match["offset"] : match["offset"] + match["length"]] == written
        context = match["context"]
        assert context["length"] == match["length"]
    assert found["TG401"]["replacements"][0]["value"] == "+86 138 1234 5678"
    assert found["TG501"]["rule"]["category"] == {"id": "secret", "name": "Secret" if text is EN else "密码与验证码"}
    assert found["TG501"]["rule"]["issueType"] == "legal"
    assert found["TG201"]["rule"]["issueType"] == "inconsistency"
    for match in answer["matches"]:
        assert set(match) >= {"message", "shortMessage", "replacements", "offset", "length", "context", "sentence"}
        assert set(match["rule"]) >= {"id", "description", "issueType", "category"}
        assert match["message"] and match["rule"]["description"]
    offsets = [(m["offset"], m["length"]) for m in answer["matches"]]
    assert offsets == sorted(offsets)


def test_context_and_sentence_quote_the_draft_around_the_match(client: Server) -> None:
    match = by_rule(check(client, text=EN, language="en-US"))["TG401"]
    context = match["context"]
    assert context["text"][context["offset"] : context["offset"] + context["length"]] == "13812345678"
    assert context["text"].startswith("...") and "\n" not in context["text"]
    assert match["sentence"].endswith("my phone is 13812345678.")


def test_no_secret_in_any_field_of_the_answer(client: Server) -> None:
    """The password is masked in every text that quotes the draft: context, sentence,
    replacements, messages; also where it is repeated and where a match's context ends
    inside it."""
    text = EN.replace("yesterday.", f"yesterday, it was {PASSWORD} before.") + f"Again: {PASSWORD}\n"
    response = client.post_form("/v2/check", {"text": text, "language": "en-US"})
    assert PASSWORD[1:] not in response.text and PASSWORD[:-1] not in response.text
    answer = response.json()
    secret = by_rule(answer)["TG501"]
    shown = secret["context"]["text"][secret["context"]["offset"] :][: secret["length"]]
    assert shown == "Z**********"  # masked in place: the client's offsets still point at it
    assert any("Z**********" in m["sentence"] for m in answer["matches"])


def test_offsets_count_utf16_units_after_an_emoji(client: Server) -> None:
    """Java strings (and so LanguageTool's offsets) count a character outside the BMP as 2."""
    text = EN.replace("Hello,", "Hello 😀🙂,")
    found = by_rule(check(client, text=text, language="en-US"))
    start = text.index("13812345678")
    assert found["TG401"]["offset"] == utf16(text[:start]) == start + 2
    assert found["TG401"]["length"] == 11
    assert found["TG201"]["offset"] == text.index("support@")  # before the emoji: unchanged


def test_a_text_without_header_block_is_a_body_no_missing_recipient_or_subject(client: Server) -> None:
    body = "My password is Zq7mallow88! and my phone is 13812345678."
    bare = {m["rule"]["id"] for m in check(client, text=body, language="en-US")["matches"]}
    assert {"TG501", "TG401"} <= bare
    assert not any(rule.startswith(("TG10", "TG20")) for rule in bare)
    headed = {
        m["rule"]["id"] for m in check(client, text="To: support@telegram.org\n\n" + body, language="en")["matches"]
    }
    assert "TG100" in headed  # the header block is there and names no subject


def test_a_finding_about_something_missing_covers_its_line(client: Server) -> None:
    text = "To: support@telegram.org\nSubject: \n\nMy app crashes when I open it on my phone.\n"
    match = by_rule(check(client, text=text, language="en-US"))["TG100"]
    assert text[match["offset"] : match["offset"] + match["length"]] == "Subject:"


def test_annotated_data_positions_include_the_markup(client: Server) -> None:
    annotation = [
        {"markup": "<p>"},
        {"text": "My phone is "},
        {"markup": "<b>"},
        {"text": "13812345678"},
        {"markup": "</b>"},
        {"markup": "<br>", "interpretAs": "\n"},
        {"text": "Thanks."},
        {"markup": "</p>"},
    ]
    original = "".join(item.get("text", item.get("markup", "")) for item in annotation)
    answer = check(client, data=json.dumps({"annotation": annotation}), language="en-US")
    match = by_rule(answer)["TG401"]
    assert original[match["offset"] : match["offset"] + match["length"]] == "13812345678"
    assert match["replacements"][0]["value"] == "+86 138 1234 5678"
    plain = check(client, data=json.dumps({"text": "My phone is 13812345678."}), language="en-US")
    assert by_rule(plain)["TG401"]["offset"] == 12


def test_annotated_text_maps_plain_offsets_to_the_original() -> None:
    text = AnnotatedText([("<p>", "", False), ("ab", "ab", True), ("<br/>", "\n", False), ("cd", "cd", True)])
    assert text.plain == "ab\ncd" and text.original == "<p>ab<br/>cd"
    assert [text.original_offset(i) for i in range(6)] == [3, 4, 5, 10, 11, 12]
    assert text.original_offset(2, end=True) == 5 and text.original_offset(3, end=True) == 10
    assert text.written_as_is(0, 2) and not text.written_as_is(1, 4)
    assert Utf16("a😀b").units(2) == 3 and Utf16("abc").units(3) == 3


def test_rule_choices_take_tglint_ids_and_ignore_languagetools(client: Server) -> None:
    rules = lambda **fields: {m["rule"]["id"] for m in check(client, text=EN, language="en-US", **fields)["matches"]}  # noqa: E731
    everything = rules()
    assert "TG401" not in rules(disabledRules="TG401,WHITESPACE_RULE")
    assert rules(enabledOnly="true", enabledRules="TG401,UPPERCASE_SENTENCE_START") == {"TG401"}
    assert rules(enabledOnly="true", enabledCategories="SECRET") == {"TG501"}
    assert not rules(disabledCategories="SECRET,TYPOS") & {"TG501"}
    assert rules(disabledRules="MORFOLOGIK_RULE_EN_US") == everything


@pytest.mark.parametrize(
    ("fields", "said"),
    [
        ({"text": "hi"}, "Missing 'language' parameter"),
        ({"language": "en-US"}, "Missing 'text' or 'data' parameter"),
        ({"text": "hi", "data": "{}", "language": "en-US"}, "Set only 'text' or 'data' parameter, not both"),
        ({"text": "hi", "language": "de-DE"}, "'de-DE' is not a language code known to tglint"),
        ({"data": "{not json", "language": "en-US"}, "Could not parse JSON from 'data' parameter"),
        ({"data": "{}", "language": "en-US"}, "'data' key in JSON requires 'text' or 'annotation' key"),
        ({"data": '{"annotation": [{"bold": 1}]}', "language": "en"}, "each entry of 'annotation' needs"),
        ({"text": "hi", "language": "en", "enabledOnly": "true"}, "'enabledOnly=true' but no 'enabledRules'"),
        ({"text": "hi", "language": "en", "enabled": "TG401"}, "now called 'enabledRules'"),
    ],
)
def test_bad_requests_are_refused_as_languagetool_refuses_them(
    client: Server, fields: dict[str, str], said: str
) -> None:
    response = client.post_form("/v2/check", fields)
    assert response.status == 400
    assert response.headers["content-type"].startswith("text/plain")
    assert response.text.startswith("Error: ") and said in response.text


def test_get_with_query_parameters_checks_too(client: Server) -> None:
    answer = client.get("/v2/check", params={"text": EN, "language": "en-US"}).json()
    assert "TG401" in by_rule(answer)


def test_empty_text_has_no_matches(client: Server) -> None:
    answer = check(client, text="", language="auto")
    assert answer["matches"] == [] and answer["warnings"] == {"incompleteResults": False}


def test_requests_beyond_the_size_limit_are_refused(client: Server) -> None:
    limit = 2 * 1024 * 1024
    declared = (
        b"POST /v2/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
        b"Content-Length: %d\r\n\r\n" % (limit + 1)
    )
    assert client.raw(declared) == b"HTTP/1.1 413 Request Entity Too Large"

    def chunked() -> Iterator[bytes]:  # no Content-Length: the body is counted as it arrives
        yield b"11\r\nlanguage=en&text=\r\n"
        for _ in range(40):
            yield b"10000\r\n" + b"x" * 0x10000 + b"\r\n"
        yield b"0\r\n\r\n"

    head = declared.replace(b"Content-Length: %d" % (limit + 1), b"Transfer-Encoding: chunked")
    assert client.raw(head, chunked()) == b"HTTP/1.1 413 Request Entity Too Large"
    assert client.post_form("/v2/check", {"language": "en", "text": "x" * 100_000}).status == 200


@pytest.mark.parametrize("host", ["127.0.0.1:8081", "localhost:8081", "[::1]:8081", "localhost"])
def test_requests_to_this_machine_are_answered(client: Server, host: str) -> None:
    assert client.get("/v2/languages", headers={"Host": host}).status == 200


def test_a_host_naming_another_machine_is_refused(client: Server) -> None:
    """A page that rebinds its own name to 127.0.0.1 still sends its name as Host."""
    assert client.get("/v2/languages", headers={"Host": "attacker.example:8081"}).status == 400


def test_answers_are_never_cached_nor_readable_by_other_origins_unless_allowed(client: Server) -> None:
    origin = {"Origin": "https://mail.example.com"}
    response = client.post_form("/v2/check", {"text": EN, "language": "en"}, headers=origin)
    assert response.headers["cache-control"] == "no-store"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "access-control-allow-origin" not in response.headers

    addon = "chrome-extension://oldceeleldhonbafppcapldpdifcinji"
    with Server("--allow-origin", addon) as allowing:
        response = allowing.post_form("/v2/check", {"text": EN, "language": "en"}, headers={"Origin": addon})
        assert response.headers["access-control-allow-origin"] == addon
        preflight = allowing.request(
            "OPTIONS", "/v2/check", headers={"Origin": addon, "Access-Control-Request-Method": "POST"}
        )
        assert preflight.status == 200
        other = allowing.post_form("/v2/check", {"text": EN, "language": "en"}, headers=origin)
        assert "access-control-allow-origin" not in other.headers
