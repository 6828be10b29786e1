"""Account rules: a support or security mail names the account it is about."""

from __future__ import annotations

import pytest
from lintkit import lint

from tglint.packs import load_packs


def _codes(text: str) -> list[str]:
    return [f.rule for f in lint(text, select=("account-info",)).findings]


SUPPORT = "To: support@telegram.org\nSubject: [Technical Issue] - App crashes on start\n\n"
SECURITY = "To: security@telegram.org\nSubject: [账户安全] - 发现异常登录\n\n"
CRASH = "Since yesterday Telegram 10.5.2 crashes on start on my iPhone 15 (iOS 17.2).\n"


@pytest.mark.parametrize(
    "identity",
    [
        "My number is +86 138 0013 8000.",
        "My account: @lin_xiaoyu",
        "Phone: +86 138****8888",
        "My number: +61 412 345 678 (Australia)",
        "Username: lin_xiaoyu",
        "User ID: 582913374",
    ],
)
def test_any_identifier_is_enough(identity: str) -> None:
    assert "TG301" not in _codes(SUPPORT + CRASH + identity + "\n")


@pytest.mark.parametrize(
    "identity",
    [
        "手机号：+86 138 0013 8000",
        "用户名：@lin_xiaoyu",
        "我的号码是 +86 13800138000",
        "手机号0086 13800138000",
        "用户名：lin_xiaoyu",
        "账户ID：582913374",
    ],
)
def test_any_identifier_is_enough_in_chinese(identity: str) -> None:
    body = "昨天晚上 11 点我收到登录提醒，有一台陌生设备在越南登录了我的账号。\n"
    assert "TG301" not in _codes(SECURITY + body + identity + "\n")


_REGIONS = ("CN", "IN", "DE", "GB", "RU", "BR", "ID", "PH", "US", "AU")
_LABELS_EN = ("My number is {}", "Phone: {}", "my phone number {}", "Registered with {}", "same number as before, {}")
_LABELS_ZH = ("手机号{}", "手机号：{}", "我的号码是 {}", "注册用的是{}", "手机号就是之前那个 {}")


def _numbers() -> list[tuple[str, str]]:
    """(national form, international form) of every region's example mobile, written as people do:
    the national format, run together, or spaced in threes."""
    import phonenumbers
    from phonenumbers import PhoneNumberFormat, PhoneNumberType

    written = []
    for region in _REGIONS:
        number = phonenumbers.example_number_for_type(region, PhoneNumberType.MOBILE)
        assert number is not None
        national = phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
        international = phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)
        digits = "".join(ch for ch in national if ch.isdigit())
        spaced = " ".join(digits[i : i + 3] for i in range(0, len(digits), 3))
        written += [(national, international), (digits, international), (spaced, international)]
    return written


@pytest.mark.parametrize(("national", "international"), _numbers())
def test_a_number_without_its_country_code_does_not_identify_the_account(national: str, international: str) -> None:
    # The guide asks for 完整手机号（包含国家代码）: "13812345678" fits numbers of several countries.
    for label in _LABELS_EN:
        text = SUPPORT + CRASH + label.format(national) + "\n"
        assert "TG301" in _codes(text), text
        assert "TG301" not in _codes(SUPPORT + CRASH + label.format(international) + "\n")
    for label in _LABELS_ZH:
        body = "昨天晚上 11 点我收到登录提醒，有一台陌生设备在越南登录了我的账号。\n"
        text = SECURITY + body + label.format(national) + "\n"
        assert "TG301" in _codes(text), text
        assert "TG301" not in _codes(SECURITY + body + label.format(international) + "\n")


def test_a_number_without_its_country_code_is_named_in_the_message() -> None:
    [finding] = lint(SUPPORT + CRASH + "My number is 98765 43210\n", select=("TG301",)).findings
    assert "no country code" in finding.message


@pytest.mark.parametrize(
    "line",
    [
        "My number is the same as before.",
        "手机号就是之前那个，我一直用的。",
        "Write back to me at lin.xiaoyu@example.com",
    ],
)
def test_no_number_and_an_e_mail_address_identify_nothing(line: str) -> None:
    # The "@" of an e-mail address (the writer's, or support@telegram.org in a quoted reply) is no @username.
    assert "TG301" in _codes(SUPPORT + CRASH + line + "\n")
    quoted = "\n\nOn June 5, Telegram Support <support@telegram.org> wrote:\n> We could not identify your account.\n"
    assert "TG301" in _codes(SUPPORT + CRASH + line + quoted)


def test_support_mail_without_account_is_flagged() -> None:
    result = lint(SUPPORT + "Hello,\n\n" + CRASH, select=("TG301",))
    [finding] = result.findings
    assert finding.severity.value == "warning"
    # An English writer may be anywhere: no Chinese example number (issue 10, item 25).
    assert "country code" in finding.message and "+86" not in finding.message and "@username" in finding.message
    assert (finding.line, finding.column) == (4, 1)


def test_message_follows_the_report_language() -> None:
    result = lint(SECURITY + "昨天晚上有陌生设备登录了我的账号。\n", select=("TG301",))
    assert result.findings[0].message.startswith("未提供账户信息")


def test_someone_elses_handle_does_not_identify_the_writer() -> None:
    text = SUPPORT + CRASH + "A scammer @crypto_bonus_vip also keeps writing to me.\n"
    assert "TG301" in _codes(text)


def test_own_marker_closer_than_a_someone_else_marker_wins() -> None:
    text = SUPPORT + CRASH + "I am the admin of a group, my account is @lin_xiaoyu.\n"
    assert "TG301" not in _codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "To: abuse@telegram.org\nSubject: [Abuse Report] - Spam bot\n\n"
        "Since June 6 the bot @vip_signals_bot spams me.\n",
        "To: press@telegram.org\nSubject: [Media] - Interview request\n\n"
        "I am a journalist and would like an interview.\n",
        "To: legal@telegram.org\nSubject: [Copyright] - Infringing channel\n\n"
        "The channel t.me/x_books posts our copyrighted books.\n",
        "Hello, thanks for your help.\n",
    ],
)
def test_abuse_press_legal_and_topicless_mails_need_no_account(text: str) -> None:
    assert _codes(text) == []


def test_extras_hint_names_what_is_missing() -> None:
    text = SECURITY + "昨天 23:10 收到登录提醒。\n手机号：+86 138 0013 8000\n账户ID：582913374\n"
    result = lint(text, select=("TG302",))
    [finding] = result.findings
    assert finding.severity.value == "info"
    assert "注册时间" in finding.message and "数字账户ID" not in finding.message.split("（")[0]


def test_no_extras_hint_when_the_account_is_not_identified() -> None:
    assert _codes(SUPPORT + CRASH) == ["TG301"]


def test_requirements_table_covers_every_topic() -> None:
    table = load_packs().get("requirements")
    for topic in ("support", "security", "abuse", "press", "legal"):
        assert table[topic]["account"] in {"required", "none"}
        assert table[topic]["account_extras"] in {"recommended", "none"}
    assert table["abuse"]["account"] == "none"


_NAMES = ("rahul_kumar", "lin_xiaoyu", "Olena2020", "k_adeyemi_", "mariasilva88")


@pytest.mark.parametrize(
    "frame",
    [
        "My Telegram is t.me/{}",
        "my profile: https://t.me/{}",
        "My account t.me/{}",
        "my tg: {}",
        "My Telegram account: {}",
    ],
)
def test_the_writers_own_link_or_telegram_label_identifies_the_account(frame: str) -> None:
    for name in _NAMES:
        assert "TG301" not in _codes(SUPPORT + CRASH + frame.format(name) + "\n"), frame.format(name)


@pytest.mark.parametrize(
    "line",
    [
        "The scam channel t.me/{} keeps posting my photos.",
        "Someone added me to t.me/{} without asking.",
        "My Telegram is crashing again.",
        "My Telegram is outdated, I know.",
    ],
)
def test_someone_elses_link_and_a_sentence_about_the_app_identify_nothing(line: str) -> None:
    for name in _NAMES:
        assert "TG301" in _codes(SUPPORT + CRASH + line.format(name) + "\n"), line.format(name)


@pytest.mark.parametrize("frame", ["我的账号 t.me/{}", "我的TG：t.me/{}", "我的Telegram主页 https://t.me/{}"])
def test_the_writers_own_link_identifies_the_account_in_chinese(frame: str) -> None:
    body = "昨天晚上 11 点我收到登录提醒，有一台陌生设备在越南登录了我的账号。\n"
    for name in _NAMES:
        assert "TG301" not in _codes(SECURITY + body + frame.format(name) + "\n"), frame.format(name)
    assert "TG301" in _codes(SECURITY + body + "诈骗频道 t.me/" + _NAMES[0] + "\n")
