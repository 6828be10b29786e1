"""Quoted replies and signatures: what is marked, and what must not be."""

from __future__ import annotations

import pytest

from tglint.draft import RegionKind
from tglint.quoting import find_regions, own_quoted_text, writer_names

QUOTED = RegionKind.QUOTED
SIGNATURE = RegionKind.SIGNATURE


def marked(text: str) -> list[tuple[RegionKind, str]]:
    return [(region.kind, text[region.start : region.end]) for region in find_regions(text)]


# --------------------------------------------------------------------------- quoted text


def test_quote_lines_with_nesting() -> None:
    text = "Thanks.\n\n> Your code is invalid.\n> > Please send it again.\n>\n> Support\n\nMy reply."
    assert marked(text) == [(QUOTED, "> Your code is invalid.\n> > Please send it again.\n>\n> Support")]


def test_attribution_on_one_line() -> None:
    text = "Hello\n\nOn Mon, Apr 2, 2012 at 6:26 PM, Megan <m@example.com> wrote:\n\n> Hi\n> there"
    assert marked(text) == [(QUOTED, "On Mon, Apr 2, 2012 at 6:26 PM, Megan <m@example.com> wrote:\n\n> Hi\n> there")]


def test_attribution_wrapped_over_two_lines() -> None:
    text = "Hello\n\nOn Mon, Apr 2, 2012 at 6:26 PM, Telegram Support\n<support@telegram.org> wrote:\n> Hi"
    [(kind, quoted)] = marked(text)
    assert kind is QUOTED
    assert quoted.startswith("On Mon, Apr 2, 2012")
    assert quoted.endswith("> Hi")


def test_chinese_attribution() -> None:
    text = "好的，谢谢。\n\n在 2024年4月1日 10:00，Telegram Support <support@telegram.org> 写道：\n> 请提供更多信息。"
    assert marked(text) == [
        (QUOTED, "在 2024年4月1日 10:00，Telegram Support <support@telegram.org> 写道：\n> 请提供更多信息。")
    ]


def test_gmail_chinese_attribution() -> None:
    text = "收到。\n\nSupport <support@telegram.org> 于2024年4月1日周一 10:00写道：\n\n> 你好"
    assert marked(text)[0][1].startswith("Support <support@telegram.org> 于")


@pytest.mark.parametrize(
    "separator",
    [
        "-----Original Message-----",
        "----- Original Message -----",
        "-----原始邮件-----",
        "------------------ 原始邮件 ------------------",
        "---------- Forwarded message ---------",
        "-------- Forwarded Message --------",
        "---------- 转发的邮件 ----------",
        "Begin forwarded message:",
    ],
)
def test_original_or_forwarded_message_runs_to_the_end(separator: str) -> None:
    text = f"My text.\n\n{separator}\nFrom: a@example.com\nSubject: old\n\nold text\nmore old text\n"
    [(kind, quoted)] = marked(text)
    assert kind is QUOTED
    assert quoted == f"{separator}\nFrom: a@example.com\nSubject: old\n\nold text\nmore old text\n"


def test_outlook_header_block_with_ruler() -> None:
    text = (
        "Please see below.\n\n________________________________\n"
        "From: Support <support@telegram.org>\nSent: Monday, April 1, 2024 10:00 AM\n"
        "To: me@example.com\nSubject: Your request\n\nOld text."
    )
    [(kind, quoted)] = marked(text)
    assert kind is QUOTED
    assert quoted.startswith("________________")
    assert quoted.endswith("Old text.")


def test_chinese_outlook_header_block() -> None:
    text = (
        "见下文。\n\n发件人: Support <support@telegram.org>\n发送时间: 2024年4月1日 10:00\n"
        "收件人: 我\n主题: 回复\n\n旧内容"
    )
    [(kind, quoted)] = marked(text)
    assert kind is QUOTED
    assert quoted.startswith("发件人: Support")


def test_attribution_above_a_forwarded_header_block() -> None:
    text = "Hi.\n\n--- On Wed, 4/4/12, x@example.com wrote:\n\nFrom: x@example.com\nSubject: s\nDate: today\n\nold"
    assert marked(text)[0][1].startswith("--- On Wed")


# --------------------------------------------------------------------------- signatures


@pytest.mark.parametrize("delimiter", ["-- ", "--"])
def test_signature_delimiter_to_the_end(delimiter: str) -> None:
    text = f"Thanks for your help.\n{delimiter}\nZhang San\n+86 138 0000 0000\n"
    assert marked(text) == [(SIGNATURE, f"{delimiter}\nZhang San\n+86 138 0000 0000")]


def test_signature_stops_where_the_quote_starts() -> None:
    text = "Thanks.\n-- \nZhang San\n\nOn Mon, 1 Apr 2024, Support wrote:\n> old"
    assert marked(text) == [
        (SIGNATURE, "-- \nZhang San"),
        (QUOTED, "On Mon, 1 Apr 2024, Support wrote:\n> old"),
    ]


@pytest.mark.parametrize(
    "line",
    ["Sent from my iPhone", "发自我的iPhone", "发自我的 iPad", "Sent from Outlook for Android", "Get Outlook for iOS"],
)
def test_mobile_signature_at_the_end(line: str) -> None:
    assert marked(f"My app crashes.\n\n{line}\n\n") == [(SIGNATURE, line)]


def test_mobile_signature_before_a_quote() -> None:
    text = "Hello\n\nSent from my iPhone\n\nOn Apr 3, 2012, at 4:19 PM, bob <bob@example.com> wrote:\n\n> Hi"
    assert [kind for kind, _ in marked(text)] == [SIGNATURE, QUOTED]


def test_regions_are_sorted_character_offsets() -> None:
    text = "> a\nmine\n-- \nsig\n\nOn Mon, X wrote:\n> b"
    regions = find_regions(text)
    assert [region.start for region in regions] == sorted(region.start for region in regions)
    assert [(region.kind, region.start, region.end) for region in regions] == [
        (QUOTED, 0, 3),
        (SIGNATURE, 9, 16),
        (QUOTED, 18, len(text)),
    ]


# --------------------------------------------------------------------------- no false positives


@pytest.mark.parametrize(
    "text",
    [
        "Open the app -> Settings -> Privacy.\nThen tap Delete.",
        "Go to Settings\n-> Privacy and Security\n=> Two-Step Verification",
        "The value must be 5 > 3 and\nnot a quote.",
        "On Monday I wrote:\nmy account was stolen, please help.",
        "From: my phone, I cannot log in.\nI tried again yesterday.",
        "I sent from my iPhone yesterday.\nSent from my iPhone, the messages fail.\nThey never arrive.",
        "The separator is --\nin the config file.",
        "Use the flag --verbose\nto get logs.",
        "",
        "\n\n\n",
    ],
)
def test_writer_text_is_not_marked(text: str) -> None:
    assert find_regions(text) == ()


def test_mobile_signature_line_followed_by_text_is_not_a_signature() -> None:
    assert find_regions("Sent from my iPhone\nbut the app keeps crashing.\n") == ()


def test_many_quote_runs_stay_fast() -> None:
    text = "> quoted\nmine\n" * 50_000
    regions = find_regions(text)
    assert len(regions) == 50_000
    assert all(region.kind is QUOTED for region in regions)


def test_own_quoted_text_keeps_the_writer_s_earlier_mail_only() -> None:
    text = (
        "Any news?\n\nSanne\n\nOn Mon, Telegram <security@telegram.org> wrote:\n> Do not send it.\n"
        "> On Sun, Sanne de Vries <s@example.com> wrote:\n>> it is Hunter2024\n>>> Scam: send 12345\n"
    )
    regions = find_regions(text)
    names = writer_names("", text, regions)
    own = own_quoted_text(text, regions, names)
    assert names == ("Sanne",)
    assert len(own) == len(text) and own.count("\n") == text.count("\n")
    assert own.split() == ["it", "is", "Hunter2024"]
    assert own.index("Hunter2024") == text.index("Hunter2024")


def test_writer_names_come_from_the_from_field_and_the_sign_off() -> None:
    text = "Hello.\n\nKind regards,\n顾衍青\n"
    assert writer_names('"Gu Yanqing" <gu@example.com>', text, find_regions(text)) == (
        "gu@example.com",
        "Gu Yanqing",
        "顾衍青",
    )
    # A last line that is a sentence is no name.
    assert writer_names("", "Thanks for your help.\n", ()) == ()


def test_line_patterns_searched_from_line_breaks_find_the_lines_a_plain_search_finds() -> None:
    import random

    from tglint import quoting

    patterns = [quoting._QUOTE_LINE, quoting._FORWARD_SEPARATOR, quoting._OUTLOOK_FROM]
    patterns += [quoting._SIGNATURE_DELIMITER, quoting._MOBILE_SIGNATURE]
    pieces = ["> ", "＞", "--", "-- ", "----- Original Message -----", "From: ", "发件人：", "Sent from my ", "x"]
    pieces += ["\n", "\n", "\r\n", "\r", " ", "\t", "发自我的", "wrote:", "中"]
    rng = random.Random(8)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        lines = quoting._Lines(text)
        for pattern in patterns:
            plain = [lines.index_at(match.start()) for match in pattern.finditer(text)]
            assert list(lines.indexes(pattern)) == plain, (pattern.pattern, text)
