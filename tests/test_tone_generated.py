"""Tone as people really write it (issue 12, "Tone"), tested with generated variety rather than one fixture:
ultimatums built from conditions x deadlines x consequences x escalations in both languages, masked and
abbreviated profanity, and hard negatives (polite urgency, reports about someone else, acronym-heavy
technical text, kernel logs, encoded data, link titles, undecodable "???", advertising intensifiers)."""

from __future__ import annotations

import binascii
import random
from itertools import product

import pytest
from lintkit import lint

from tglint.models import Finding

SEED = 12
EN = "To: support@telegram.org\nSubject: [Technical Issue] - Messages not sending\n\n"
ZH = "To: support@telegram.org\nSubject: [技术问题] - 消息发送失败\n\n"
SECURITY_EN = "To: security@telegram.org\nSubject: [Account Security] - Account banned\n\n"
ABUSE_EN = "To: abuse@telegram.org\nSubject: [Abuse Report] - Harassment\n\n"
ABUSE_ZH = "To: abuse@telegram.org\nSubject: [滥用举报] - 骚扰\n\n"


def tone(draft: str) -> list[Finding]:
    return list(lint(draft, select=("TG6",)).findings)


def warned(draft: str) -> list[Finding]:
    return [f for f in tone(draft) if f.severity.value != "info"]


def is_threat(draft: str) -> bool:
    return any(f.rule == "TG601" and ("threat" in f.message or "威胁" in f.message) for f in tone(draft))


def _sample(items: list[tuple[str, ...]], count: int) -> list[tuple[str, ...]]:
    return random.Random(SEED).sample(items, min(count, len(items)))


# -- ultimatums, English ----------------------------------------------------------------------

EN_CONDITIONS = [
    "If I don't hear back {deadline}, ",
    "If my account is not restored {deadline}, ",
    "If this isn't fixed {deadline} ",
    "Unless you unban me {deadline}, ",
    "If you keep ignoring me {deadline}, ",
    "If nobody answers {deadline}, ",
]
EN_DEADLINES = ["by Friday", "by tomorrow", "within 48 hours", "within 3 days", "by the end of the week", "today"]
EN_CONSEQUENCES = ["I will", "I'll", "I am going to", "I'm going to", "we will", "I will have to", "I'll be forced to"]
EN_ESCALATIONS = [
    "report you",
    "sue you",
    "go to the press",
    "go to the regulators",
    "complain to the FTC",
    "take this to the media",
    "write to the consumer protection agency",
    "contact my lawyer",
    "post about this on Twitter",
    "take legal action",
    "file a complaint",
    "report Telegram to the authorities",
]
EN_ULTIMATUMS = [
    condition.format(deadline=deadline) + f"{consequence} {escalation}."
    for condition, deadline, consequence, escalation in _sample(
        list(product(EN_CONDITIONS, EN_DEADLINES, EN_CONSEQUENCES, EN_ESCALATIONS)), 90
    )
]
# The condition after the consequence, or an alternative before it.
EN_ULTIMATUMS += [
    f"{consequence} {escalation} {tail}"
    for consequence, escalation, tail in _sample(
        list(
            product(
                EN_CONSEQUENCES,
                EN_ESCALATIONS,
                ["if this is not solved by Monday.", "unless my account is back today.", "if you do not reply."],
            )
        ),
        30,
    )
]
EN_ULTIMATUMS += [
    f"{demand} or {consequence.lower() if consequence.startswith('We') else consequence} {escalation}."
    for demand, consequence, escalation in _sample(
        list(product(["Restore my account", "Fix this", "Unban me by Friday"], EN_CONSEQUENCES, EN_ESCALATIONS)), 30
    )
]


@pytest.mark.parametrize("sentence", EN_ULTIMATUMS)
def test_english_ultimatums_in_any_wording_are_threats(sentence: str) -> None:
    draft = EN + f"My messages have not been delivered since Monday. {sentence}\n"
    assert is_threat(draft), (sentence, [f.message for f in tone(draft)])


@pytest.mark.parametrize("sentence", EN_ULTIMATUMS[::10])
def test_an_ultimatum_in_capitals_is_a_threat_too(sentence: str) -> None:
    assert is_threat(EN + f"My messages have not been delivered since Monday. {sentence.upper()}\n")


# -- ultimatums, Chinese ----------------------------------------------------------------------

ZH_CONDITIONS = [
    "再不处理，",
    "你们再不解决",
    "如果{deadline}还不给我恢复，",
    "如果{deadline}没有回复，",
    "否则",
    "要是还不解封，",
    "不然",
]
ZH_DEADLINES = ["三天内", "24小时内", "今天之内", "一周内"]
ZH_CONSEQUENCES = ["我就", "我会", "我将", "我们就", "就", "我只能"]
ZH_ESCALATIONS = [
    "去投诉",
    "去工信部投诉",
    "向消协投诉",
    "起诉你们",
    "打12315",
    "找媒体曝光",
    "发到微博上",
    "去法院起诉",
    "投诉你们",
    "走法律程序",
]
ZH_ULTIMATUMS = [
    condition.format(deadline=deadline) + consequence + escalation + "。"
    for condition, deadline, consequence, escalation in _sample(
        list(product(ZH_CONDITIONS, ZH_DEADLINES, ZH_CONSEQUENCES, ZH_ESCALATIONS)), 120
    )
]


@pytest.mark.parametrize("sentence", ZH_ULTIMATUMS)
def test_chinese_ultimatums_in_any_wording_are_threats(sentence: str) -> None:
    draft = ZH + f"从周一开始消息一直发不出去。{sentence}\n"
    assert is_threat(draft), (sentence, [f.message for f in tone(draft)])


# -- not ultimatums ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "head, body",
    [
        (EN, "Please reply by Friday, if possible. Thank you!"),
        (EN, "I would appreciate a reply within a week; this blocks my work."),
        (EN, "If I don't hear back by Friday, I will write again with more logs."),
        (EN, "If the update does not help, I will report back by Monday with the crash log."),
        (EN, "I will report this bug if it keeps happening."),
        (EN, "I will go to the store tomorrow and try another SIM card."),
        (EN, "I won't go to the press; I just want my account back."),
        (EN, "If this is not solved by Friday, I will contact you again with more details."),
        (ABUSE_EN, "If he contacts me again I will report him to the police."),
        (ABUSE_EN, "If the harassment continues, I will go to the police."),
        (ABUSE_EN, "Unless the channel is removed, I will report the scammer to the police as well."),
        (SECURITY_EN, "If I can't log in by tomorrow I will have to tell my team to use another app."),
        (ZH, "请尽快处理，谢谢。如果需要更多信息，我会及时补充。"),
        (ZH, "如果三天内没有解决，我会再发一封邮件补充日志。"),
        (ZH, "我会在微博上分享使用体验。"),
        (ABUSE_ZH, "如果骗子再联系我，我就报警。"),
        (ABUSE_ZH, "如果他再骚扰我，我就举报他。"),
        (ABUSE_ZH, "我已经向警方报案，也向你们举报了这个频道。"),
    ],
)
def test_polite_urgency_and_reports_about_someone_else_are_not_threats(head: str, body: str) -> None:
    assert not is_threat(head + body + "\n"), [f.message for f in tone(head + body + "\n")]
    assert not warned(head + body + "\n")


# -- profanity --------------------------------------------------------------------------------

ROOTS = {"fuck": ["", "ing", "ed", "er"], "shit": ["", "ty", "s"], "bitch": ["", "es"], "asshole": ["", "s"]}
MASKS = "*#"
LOOK_ALIKES = {"i": "!1", "s": "$5", "a": "@4", "o": "0", "e": "3"}


def _masked(word: str, rng: random.Random) -> str:
    """The word with some inner letters masked or written as look-alikes, its first letter kept."""
    letters = list(word)
    inner = list(range(1, len(word)))
    for index in rng.sample(inner, rng.randint(1, min(3, len(inner)))):
        if letters[index] in LOOK_ALIKES and rng.random() < 0.4:
            letters[index] = rng.choice(LOOK_ALIKES[letters[index]])
        else:
            letters[index] = rng.choice(MASKS)
    return "".join(letters)


def _masked_words() -> list[str]:
    rng = random.Random(SEED)
    words = []
    for root, endings in ROOTS.items():
        for ending in endings:
            for _ in range(4):
                word = _masked(root + ending, rng)
                words.append(word.upper() if rng.random() < 0.3 else word)
    return words


@pytest.mark.parametrize("word", [*_masked_words(), "f*ck", "sh!t", "f**k", "s***", "F*CK", "$hit", "f***ing"])
@pytest.mark.parametrize("frame", ["this {} app lost my chats", "What the {} is wrong with you?", "{} this update!"])
def test_masked_obscenity_is_an_insult(word: str, frame: str) -> None:
    findings = warned(EN + frame.format(word) + "\n")
    # The finding shows the word, or the obscenity it starts with ("BITCH" of "BITCH#S").
    assert any(f.rule == "TG601" and f'"{word[:4]}' in f.message for f in findings), (
        word,
        [f.message for f in findings],
    )


ZH_PROFANITY = [
    "傻逼", "傻b", "傻B", "煞笔", "傻屌", "二逼", "sb", "SB", "tmd", "TMD", "nmsl", "cnm", "cnmb", "mlgb",
    "wcnm", "nmb", "shabi", "tamade", "caonima", "草泥马", "妈逼", "操你妈", "他妈的", "脑残", "狗日的",
]  # fmt: skip


@pytest.mark.parametrize("word", ZH_PROFANITY)
@pytest.mark.parametrize("frame", ["你们这群{}，号都封了一个月了", "{}客服，赶紧把号还我", "这个{}软件又闪退了"])
def test_chinese_profanity_pinyin_and_abbreviations_are_insults(word: str, frame: str) -> None:
    findings = warned(ZH + frame.format(word) + "\n")
    assert any(f.rule == "TG601" and word in f.message for f in findings), (word, [f.message for f in findings])


ZH_SICK_INSULTS = ["你们有病吧", "你有病啊", "有病吧你们", "你们是不是脑子有病", "脑子进水了吧", "神经病吧"]


@pytest.mark.parametrize("insult", ZH_SICK_INSULTS)
@pytest.mark.parametrize("frame", ["{}，凭什么封我号？", "号都封了一个月了，{}", "又闪退了，{}！"])
def test_asking_whether_the_reader_is_sick_is_an_insult(insult: str, frame: str) -> None:
    assert any(f.rule == "TG601" for f in warned(ZH + frame.format(insult) + "\n")), insult


@pytest.mark.parametrize(
    "body",
    [
        "我前几天有病，住院了，所以没能及时登录。",
        "你有病毒扫描的结果吗？文件被拦截了。",
        "电脑有病毒吗？下载的文件打不开。",
        "他研究神经病学。",
    ],
)
def test_illness_and_viruses_are_not_insults(body: str) -> None:
    assert not [f for f in tone(ZH + body + "\n") if f.rule == "TG601"]


@pytest.mark.parametrize(
    "body",
    [
        "Cheap Soft at Damn Low Price, order now.",
        "The new version is damn good, thanks for the great work.",
        "Bloody brilliant update, the calls are clear now.",
        "我草拟了一份说明，附在下面。",
        "XFS: SB validate failed on the second disk, and the SB 1386 notice came too.",
        "May 29 12:00:54 ubuntu kernel: [ 210.240777] XFS: SB validate failed",
    ],
)
def test_intensifiers_drafting_and_logs_are_not_insults(body: str) -> None:
    assert not [f for f in tone(EN + body + "\n") if f.rule == "TG601"]


@pytest.mark.parametrize("body", ["this damn app lost my chats", "it's damn hard to reach you", "THIS DAMN APP"])
def test_an_expletive_aimed_at_the_app_is_still_hostile(body: str) -> None:
    assert any(f.rule == "TG601" for f in tone(EN + body + "\n"))


# -- shouting that is not shouting ------------------------------------------------------------


def _kernel_log(rng: random.Random) -> str:
    devices = ["PCI: VIA PCI bridge detected", "ATAPI: SONY DVD RW DRU-190A", "ACPI: RSDT BIOSTA AWRDACPI AWRD"]
    lines = []
    for index in range(6):
        uptime = f"{rng.random() * 300:12.6f}"
        lines.append(f"May 29 11:58:{index:02d} ubuntu kernel: [{uptime}] {rng.choice(devices)}")
        lines.append(f"[{uptime}]   #3 TEXT DATA BSS ==> [0000100000 - 000087c52c]")
    return "\n".join(lines)


def _uuencoded(rng: random.Random) -> str:
    data = bytes(rng.randrange(256) for _ in range(45 * 6))
    return "".join(binascii.b2a_uu(data[i : i + 45]).decode("ascii") for i in range(0, len(data), 45)).rstrip()


def _base64(rng: random.Random) -> str:
    data = bytes(rng.randrange(256) for _ in range(57 * 4))
    return "\n".join(binascii.b2a_base64(data[i : i + 57]).decode("ascii").strip() for i in range(0, len(data), 57))


def _garbled(rng: random.Random) -> str:
    """Japanese text whose letters a wrong decoding turned into "?" each."""
    words = ["文字コード", "改行コード", "添付ファイル", "送信者", "エンコード", "件名"]
    picked = " ".join(rng.choice(words) + "(charset) :" for _ in range(4))
    return picked.encode("ascii", errors="replace").decode("ascii")


TECHNICAL = [
    "Evolution also requires Gal (0.7), GtkHTML (0.8.2), OAF (0.6.2), GNOME VFS (1.0), GNOME Print (0.25).",
    "TO VIEW 0.10 RELEASE NOTES\nThe release notes are on the web site.",
    "Main material we use are: Plastic: PP PA PE PPA , for auto parts.",
    "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X",
    "TRANSFER A BALANCE ONLINE <https://bank.example/s/r?l=5903> Consolidate your balances.",
    "KNOW FRAUD(TM) <https://bank.example/s/r?l=5901> Keep your identity safe.",
    "Dear Sir,\n\nUNITED NATIONS PAYMENT NOTIFICATION.\n\nWe wish to inform you of a payment.",
    "The DVD RW drive and the USB HDD both show up in dmesg.",
]


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("make", [_kernel_log, _uuencoded, _base64, _garbled])
def test_logs_encoded_data_and_undecodable_text_are_not_shouting(seed: int, make: object) -> None:
    pasted = make(random.Random(SEED + seed))  # type: ignore[operator]
    draft = EN + f"The app crashes on start. Here is what I see:\n\n{pasted}\n\nThank you.\n"
    assert not warned(draft), [(f.rule, f.message) for f in warned(draft)]


@pytest.mark.parametrize("body", TECHNICAL)
def test_acronyms_product_names_headings_and_link_titles_are_not_shouting(body: str) -> None:
    assert not warned(EN + body + "\n"), [(f.rule, f.message) for f in warned(EN + body + "\n")]


@pytest.mark.parametrize(
    "body",
    [
        "WHY IS THIS STILL NOT FIXED",
        "I WANT MY ACCOUNT BACK.",
        "I NEED MY SMS CODE NOW",
        "FIX THE APP TODAY, PLEASE",
    ],
)
def test_real_shouting_is_still_shouting(body: str) -> None:
    assert any(f.rule == "TG603" for f in tone(EN + "Hello,\n\n" + body + "\n\nThanks\n"))


@pytest.mark.parametrize(
    "body", ["Why is this broken??? I need it now", "What?!?! Really???", "你们的软件还能不能用了？？？我已经等了三天"]
)
def test_real_runs_of_marks_are_still_runs(body: str) -> None:
    assert any(f.rule == "TG604" for f in tone((ZH if "用" in body else EN) + body + "\n"))


# -- clean drafts -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "draft",
    [
        EN + "Since Monday my messages stay in the sending state. Android 14, Telegram 10.9.1, Pixel 7.\n"
        "This blocks my work; I would appreciate a reply within a week.\n\nBest regards,\nAnna\n",
        ZH + "从周一开始消息一直发不出去。设备：小米13，Android 14，Telegram 10.9.1。"
        "这影响了我的工作，希望能在一周内得到回复，谢谢。\n",
        SECURITY_EN + "My account +44 7700 900123 was banned on 3 May. I did not send spam. "
        "If you need more details, I will reply within a day.\n",
    ],
)
def test_no_warning_on_a_clean_draft(draft: str) -> None:
    assert not warned(draft)


@pytest.mark.parametrize(
    "body",
    [
        "Telegram said a recovery code had been sent to my email (c****n@orange.fr).",
        "The code went to s***@gmail.com and to b****s@mail.ru, which are both mine.",
        "My card ends in ****1234 and my name shows as C***** M*****.",
    ],
)
def test_masked_addresses_and_names_are_not_obscenities(body: str) -> None:
    assert not [f for f in tone(SECURITY_EN + body + "\n") if f.rule == "TG601"]


BANNERS = [
    "YOUR ACCOUNT IS LIMITED FOR SENDING MESSAGES.",
    "DO NOT SHARE THIS CODE WITH ANYONE, EVEN IF THEY SAY THEY ARE FROM TELEGRAM!",
    "ATTENTION: THIS IS AN AUTOMATED MESSAGE. PLEASE DO NOT REPLY TO THIS EMAIL.",
    "NEW LOGIN. WE DETECTED A LOGIN INTO YOUR ACCOUNT FROM A NEW DEVICE.",
]
ANNOUNCEMENTS = [
    "The app shows a banner: {}",
    "Today I got this SMS: {}",
    "This is the email I got:\n\n{}",
    "I received the following notification:\n\n> {}",
    "今天收到一条短信：{}",
]


@pytest.mark.parametrize("announcement, banner", list(product(ANNOUNCEMENTS, BANNERS)))
def test_banners_the_writer_copies_after_announcing_them_are_not_shouting(announcement: str, banner: str) -> None:
    head = ZH if "短信" in announcement else SECURITY_EN
    draft = head + "Hello,\n\n" + announcement.format(banner) + "\n\nI did not request it. What should I do?\n"
    assert not [f for f in tone(draft) if f.rule == "TG603"], [f.message for f in tone(draft)]


def test_a_token_pasted_in_a_sentence_leaves_the_sentence_the_writers() -> None:
    body = "WTF is wrong with your app??? The bot token is 1898835844:AAT1YH5_NGEXtWJIrEV4oNT3oRHOCLONG1_ if needed."
    assert {"TG601", "TG604"} <= {f.rule for f in tone(EN + body + "\n")}


def _masked_addresses(count: int) -> list[str]:
    """Addresses as notifications show them, a part of the local name masked: "f***@126.com", "j****n@gmail.com"."""
    rng = random.Random(SEED)
    words = ["fuck", "shit", "dick", "bitch", "damn", "crap", "jason", "sarah", "wang", "li", "ass", "dong"]
    domains = ["126.com", "qq.com", "gmail.com", "163.com", "outlook.com", "mail.ru", "orange.fr"]
    found = []
    for _ in range(count):
        word = rng.choice(words)
        keep = rng.randint(1, 2)
        mask = rng.choice("*#") * rng.randint(2, 5)
        tail = word[-1] if rng.random() < 0.4 else ""
        found.append(f"{word[:keep]}{mask}{tail}@{rng.choice(domains)}")
    return found


@pytest.mark.parametrize("address", _masked_addresses(40))
def test_a_masked_mail_address_is_no_obscenity(address: str) -> None:
    """Notifications mask the address they wrote to; its first letters are no masked swear word."""
    assert tone(ZH + f"提示已发送重置链接到 {address}，但是到现在都没收到，垃圾箱也看了。\n") == []
    assert tone(ZH + f"提示已发送重置链接到{address}，但是没收到。\n") == []
    assert tone(EN + f"It said a reset link was sent to {address} but nothing arrived, spam folder too.\n") == []


@pytest.mark.parametrize("written", ["f***", "f**k", "sh*t", "f***ing"])
def test_a_masked_obscenity_beside_an_address_is_still_one(written: str) -> None:
    assert tone(EN + f"What the {written} is this, I wrote to help@example.com twice.\n")
