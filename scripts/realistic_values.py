"""Realistic values nobody here wrote, embedded in natural sentences: the drafts of the value test.

Values come from Faker (pinned in the `test` extra: its seeded output changes between
versions) and from phonenumbers' example numbers, with fixed seeds; nothing reads the clock
or the global random state, so the same seed gives the same drafts. Each value is put in a
minimal draft (To: the right mailbox, a tagged subject, one or two sentences) so that only
the embedding varies: which sentence of the bank, which label, and how the value follows its
label (the *style*):

- zh: `spaced` ("手机号 138…"), `colon` ("手机号：138…"), `copula` ("手机号是138…", also 为),
  `glued` ("手机号138…", straight after a Chinese character);
- en: `spaced` ("phone number 415…"), `colon` ("phone number: 415…"), `copula`
  ("phone number is 415…"), `tight` ("phone number:415…", no space at all).

Positive kinds (the value should be flagged, by the rule in `EXPECTED_RULE`) and hard
negatives (nothing of the secret, pii or phone categories should be flagged on the value)
are listed in `POSITIVE_KINDS` and `NEGATIVE_KINDS`. `scripts/values_report.py` lints
the drafts and scores them; `tests/test_generated_values.py` holds the scores to a floor.

    python scripts/realistic_values.py [--kind phone] [--language zh] [--limit 20]

prints drafts, to read what is generated.
"""

from __future__ import annotations

import argparse
import itertools
import base64
import random
import re
import string
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import phonenumbers as pn
from faker import Faker
from stdnum import luhn, verhoeff
from stdnum.iso7064 import mod_11_10
from stdnum.br import cpf
from stdnum.de import idnr
from stdnum.es import dni, nie
from stdnum.fr import nir
from stdnum.it import codicefiscale
from stdnum.nl import bsn
from stdnum.pl import pesel
from stdnum.cn import ric

SEED = 12
LANGUAGES = ("zh", "en")
STYLES = {
    "zh": {"spaced": " ", "colon": "：", "copula": "是", "glued": ""},
    "en": {"spaced": " ", "colon": ": ", "copula": " is ", "tight": ":"},
}

EXPECTED_RULE = {
    "phone": "TG401",
    "id": "TG551",
    "card": "TG552",
    "passport": "TG553",
    "address": "TG554",
    "bot_token": "TG503",
    "api_hash": "TG504",
    "login_code": "TG502",
    "password": "TG501",
    "session": "TG505",
}
POSITIVE_KINDS = tuple(EXPECTED_RULE)
NEGATIVE_KINDS = (
    "phone_intl",
    "masked",
    "account_id",
    "order",
    "tracking",
    "invoice",
    "ip",
    "version",
    "datetime",
    "amount",
    "uuid",
    "commit",
    "checksum",
    "zip",
    "count",
    "vat",
    "business_address",
)

# Regions of national phone numbers, with the Faker locale whose phone numbers are tried too.
PHONE_REGIONS = {
    "CN": "zh_CN",
    "HK": None,
    "TW": "zh_TW",
    "US": "en_US",
    "GB": "en_GB",
    "DE": "de_DE",
    "FR": "fr_FR",
    "RU": "ru_RU",
    "UA": "uk_UA",
    "BR": "pt_BR",
    "MX": "es_MX",
    "IN": "en_IN",
    "ID": "id_ID",
    "PH": "fil_PH",
    "NG": "en_NG",
    "AU": "en_AU",
    "IR": "fa_IR",
    "TR": "tr_TR",
    "VN": "vi_VN",
    "MY": None,
}


# The countries of PHONE_REGIONS as a writer names them, in English and in Chinese.
COUNTRY_NAMES = {
    "CN": ("China", "中国"),
    "HK": ("Hong Kong", "香港"),
    "TW": ("Taiwan", "台湾"),
    "US": ("the US", "美国"),
    "GB": ("the UK", "英国"),
    "DE": ("Germany", "德国"),
    "FR": ("France", "法国"),
    "RU": ("Russia", "俄罗斯"),
    "UA": ("Ukraine", "乌克兰"),
    "BR": ("Brazil", "巴西"),
    "MX": ("Mexico", "墨西哥"),
    "IN": ("India", "印度"),
    "ID": ("Indonesia", "印度尼西亚"),
    "PH": ("the Philippines", "菲律宾"),
    "NG": ("Nigeria", "尼日利亚"),
    "AU": ("Australia", "澳大利亚"),
    "IR": ("Iran", "伊朗"),
    "TR": ("Turkey", "土耳其"),
    "VN": ("Vietnam", "越南"),
    "MY": ("Malaysia", "马来西亚"),
}


@dataclass(frozen=True, slots=True)
class Value:
    """A generated value before it is put in a sentence."""

    kind: str
    locale: str  # a region, a locale, a card network or a generator family
    text: str
    form: str = ""  # how it is written ("national", "run-together", "e164"...)
    region: str | None = None  # the true region of a phone number
    extra: str = ""  # a value written beside it (an api_id beside its api_hash)
    named: bool = False  # the draft names the phone number's country ("I live in Brazil.")


@dataclass(frozen=True, slots=True)
class Case:
    """One draft of the value test and what it holds."""

    kind: str
    positive: bool
    language: str
    locale: str
    style: str
    form: str
    value: str
    draft: str
    region: str | None = None
    named: bool = False

    @property
    def spacing(self) -> str:
        """`spaced`, or how the value touches what is before it: `after-han` or `after-colon`."""
        if self.style == "spaced" or (self.style in ("colon", "copula") and self.language == "en"):
            return "spaced"
        if self.style in ("glued", "copula"):
            return "after-han"
        return "after-colon"


# -- the sentence bank -------------------------------------------------------------------------
# {label}{sep}{value}: the label names the value, the style's separator joins them. Every
# template must read naturally with every style of its language.

HEADERS = {
    "support": {
        "zh": ("support@telegram.org", "[技术问题] - 收不到登录验证码"),
        "en": ("support@telegram.org", "[Technical Issue] - Login code never arrives"),
    },
    "login": {
        "zh": ("support@telegram.org", "[登录问题] - 验证码一直提示无效"),
        "en": ("support@telegram.org", "[Login Issue] - Code is rejected every time"),
    },
    "account": {
        "zh": ("support@telegram.org", "[账户问题] - 账号被封申请解封"),
        "en": ("support@telegram.org", "[Account Issue] - Banned account, please review"),
    },
    "payment": {
        "zh": ("support@telegram.org", "[支付问题] - Premium 重复扣款"),
        "en": ("support@telegram.org", "[Payment Issue] - Charged twice for Premium"),
    },
    "security": {
        "zh": ("security@telegram.org", "[账户安全] - 账号被盗请求协助"),
        "en": ("security@telegram.org", "[Account Security] - My account was taken over"),
    },
    "api": {
        "zh": ("support@telegram.org", "[API问题] - 机器人收不到更新"),
        "en": ("support@telegram.org", "[API Issue] - Bot stopped receiving updates"),
    },
}

HEADER_OF = {
    "phone": "support",
    "phone_intl": "support",
    "masked": "support",
    "account_id": "support",
    "id": "account",
    "passport": "account",
    "address": "account",
    "card": "payment",
    "order": "payment",
    "invoice": "payment",
    "amount": "payment",
    "tracking": "payment",
    "login_code": "login",
    "password": "security",
    "session": "security",
    "ip": "security",
    "datetime": "security",
    "bot_token": "api",
    "api_hash": "api",
    "version": "support",
    "uuid": "support",
    "commit": "api",
    "checksum": "support",
    "zip": "account",
    "count": "api",
    "vat": "payment",
    "business_address": "payment",
}

TEMPLATES: dict[str, dict[str, tuple[str, ...]]] = {
    "phone": {
        "zh": (
            "你好，{label}{sep}{value}，从昨天开始一直收不到登录验证码。",
            "您好！{label}{sep}{value}，换了新手机以后短信验证码就收不到了，麻烦帮忙看一下。",
            "{label}{sep}{value}，现在登录时一直提示发送过于频繁，请帮我查一下。",
            "我在 iPhone 上重装了 Telegram，{label}{sep}{value}，可是验证码始终没有来。",
            "{label}{sep}{value}请帮忙看看为什么收不到短信。",
            "麻烦了，{label}{sep}{value}。我试过重启和换网络都没有用。",
        ),
        "en": (
            "Hello, {label}{sep}{value} and I have not received a login code since yesterday.",
            "Hi! {label}{sep}{value}. The SMS with the code never arrives, even after a reinstall.",
            "{label}{sep}{value}; the app keeps saying too many attempts, please check.",
            "I reinstalled Telegram on my Android phone. {label}{sep}{value}, but no code comes.",
            "Dear support, {label}{sep}{value}. I tried Wi-Fi and mobile data, nothing helps.",
            "Could you look into my account? {label}{sep}{value}, thank you.",
        ),
    },
    "id": {
        "zh": (
            "为了证明账号是我本人的，{label}{sep}{value}，请尽快帮我解封。",
            "我可以提供身份信息：{label}{sep}{value}，账号一直用的是这个名字。",
            "{label}{sep}{value}，如果需要核实可以随时联系我。",
            "账号被误封了，{label}{sep}{value}请帮忙恢复。",
        ),
        "en": (
            "To prove the account is mine, {label}{sep}{value}. Please lift the ban.",
            "I can verify who I am: {label}{sep}{value}, the same name as on the account.",
            "{label}{sep}{value}, in case you need to check my identity.",
            "My account was banned by mistake. {label}{sep}{value}, please restore it.",
        ),
    },
    "card": {
        "zh": (
            "Premium 被扣了两次钱，{label}{sep}{value}，请帮忙退一笔。",
            "{label}{sep}{value}，昨天订阅时显示支付失败但钱已经扣了。",
            "我是用这张卡付款的，{label}{sep}{value}，银行说交易已完成。",
            "续费时扣款异常，{label}{sep}{value}请核实一下。",
        ),
        "en": (
            "I was charged twice for Premium. {label}{sep}{value}, please refund one charge.",
            "{label}{sep}{value}; the payment failed in the app but the money was taken.",
            "I paid with this card, {label}{sep}{value}, and my bank says it went through.",
            "The renewal charged me twice: {label}{sep}{value}. Please check.",
        ),
    },
    "passport": {
        "zh": (
            "为了证明账号是我本人的，{label}{sep}{value}，请尽快帮我解封。",
            "{label}{sep}{value}，如有需要我可以提供照片页。",
            "我出国期间账号被封了，{label}{sep}{value}请帮忙核实身份。",
        ),
        "en": (
            "To prove the account is mine, {label}{sep}{value}. Please lift the ban.",
            "{label}{sep}{value}; I can send a photo of the page if needed.",
            "My account was banned while I was abroad. {label}{sep}{value}, please verify me.",
        ),
    },
    "address": {
        "zh": (
            "如果需要核实身份，{label}{sep}{value}，账号就是在这里注册的。",
            "{label}{sep}{value}，最近没有搬家。",
            "我是这个账号的主人，{label}{sep}{value}，请帮我解封。",
        ),
        "en": (
            "If you need to verify me, {label}{sep}{value}. I registered the account there.",
            "{label}{sep}{value}, and I have not moved recently.",
            "I own this account. {label}{sep}{value}. Please unban it.",
        ),
    },
    "bot_token": {
        "zh": (
            "我的机器人突然收不到更新了，{label}{sep}{value}，请帮忙看看。",
            "{label}{sep}{value}，调用 getUpdates 一直返回空。",
            "webhook 设置后没有任何消息进来，{label}{sep}{value}。",
        ),
        "en": (
            "My bot suddenly stopped receiving updates. {label}{sep}{value}, please take a look.",
            "{label}{sep}{value}; getUpdates always returns an empty list.",
            "After setting the webhook no messages arrive. {label}{sep}{value}.",
        ),
    },
    "api_hash": {
        "zh": (
            "我的应用 api_id {extra} 登录时报错 API_ID_INVALID，{label}{sep}{value}。",
            "api_id 是 {extra}，{label}{sep}{value}，请帮忙看看为什么不能用。",
        ),
        "en": (
            "My app with api_id {extra} fails with API_ID_INVALID. {label}{sep}{value}.",
            "The api_id is {extra} and {label}{sep}{value}; why does it stop working?",
        ),
    },
    "login_code": {
        "zh": (
            "我输入了刚收到的验证码，还是提示无效。{label}{sep}{value}，请帮忙看看。",
            "{label}{sep}{value}，可是输进去一直说 PHONE_CODE_INVALID。",
            "短信到了，{label}{sep}{value}，但是登录失败。",
        ),
        "en": (
            "I typed the code I just got and it says invalid. {label}{sep}{value}, please check.",
            "{label}{sep}{value}, but the app keeps saying PHONE_CODE_INVALID.",
            "The SMS arrived, {label}{sep}{value}, yet the login fails.",
        ),
    },
    "password": {
        "zh": (
            "我的账号被盗了，对方改了设置。{label}{sep}{value}，请帮我找回。",
            "{label}{sep}{value}，我已经在其他网站也用过这个，怀疑是泄露了。",
            "被盗之前{label}{sep}{value}，现在登录不上了。",
        ),
        "en": (
            "My account was stolen and they changed the settings. {label}{sep}{value}, please help.",
            "{label}{sep}{value}; I used it on another site too, so it may have leaked.",
            "Before it was hijacked {label}{sep}{value}, now I cannot log in.",
        ),
    },
    "session": {
        "zh": (
            "我怀疑会话被盗用了，{label}{sep}{value}，请帮我检查。",
            "{label}{sep}{value}，用它登录后账号出现了陌生设备。",
        ),
        "en": (
            "I think my session was stolen. {label}{sep}{value}, please check it.",
            "{label}{sep}{value}; after using it an unknown device appeared in my account.",
        ),
    },
    "account_id": {
        "zh": (
            "我的账号登录不上了，{label}{sep}{value}，请帮忙查一下。",
            "{label}{sep}{value}，注册时间大约是 2021 年。",
        ),
        "en": (
            "I cannot log in to my account. {label}{sep}{value}, please check.",
            "{label}{sep}{value}, registered around 2021.",
        ),
    },
    "negative": {
        "zh": (
            "你好，{label}{sep}{value}，麻烦帮忙核实一下。",
            "{label}{sep}{value}，这个问题从昨天开始出现。",
            "补充一下，{label}{sep}{value}。",
        ),
        "en": (
            "Hello, {label}{sep}{value}, could you please check this.",
            "{label}{sep}{value}; the problem started yesterday.",
            "One more detail: {label}{sep}{value}.",
        ),
    },
}
# Hard negatives of phone shape are written in the phone sentences, with their phone words.
TEMPLATE_OF = {"phone_intl": "phone", "masked": "phone"}

LABELS: dict[str, dict[str, tuple[str, ...]]] = {
    "phone": {
        "zh": (
            "我的手机号",
            "我的手机号码",
            "注册用的手机号",
            "绑定的电话号码",
            "我的 Telegram 号码",
            "账号绑定的手机",
        ),
        "en": ("my phone number", "my number", "the number on my account", "my Telegram number", "my mobile"),
    },
    "id/zh_CN": {
        "zh": ("我的身份证号", "身份证号码", "我的身份证"),
        "en": ("my Chinese ID number", "my resident ID card number", "my ID card no."),
    },
    "id/it_IT": {
        "zh": ("我的意大利税号", "意大利税号"),
        "en": ("my codice fiscale", "my Italian tax code", "codice fiscale"),
    },
    "id/es_ES": {"zh": ("我的西班牙身份证号", "我的 DNI 号码"), "en": ("my DNI", "my DNI number", "DNI/NIE")},
    "id/fr_FR": {
        "zh": ("我的法国社保号", "法国社会保障号"),
        "en": ("my numéro de sécurité sociale", "my French social security number", "NIR"),
    },
    "id/de_DE": {"zh": ("我的德国税号", "Steuer-ID"), "en": ("my Steuer-ID", "my German tax ID", "Steuer-ID")},
    "id/pl_PL": {"zh": ("我的 PESEL", "PESEL 号码"), "en": ("my PESEL", "my PESEL number", "PESEL")},
    "id/nl_NL": {"zh": ("我的 BSN", "荷兰公民服务号"), "en": ("my BSN", "my burgerservicenummer", "BSN")},
    "id/en_US": {
        "zh": ("我的社会安全号码", "我的美国社保号"),
        "en": ("my SSN", "my Social Security number"),
    },
    "id/pt_BR": {
        "zh": ("我的巴西税号", "我的 CPF 号码"),
        "en": ("my CPF", "my CPF number"),
    },
    "id/en_GB": {
        "zh": ("我的英国国民保险号", "国民保险号码"),
        "en": ("my National Insurance number", "my NI number", "National Insurance no."),
    },
    "id/en_IN": {
        "zh": ("我的 Aadhaar 号码", "我的印度身份证号"),
        "en": ("my Aadhaar number", "my Aadhaar"),
    },
    "card": {
        "zh": ("银行卡号", "我的信用卡号", "扣款的卡号", "卡号"),
        "en": ("my card number", "the card number", "my credit card number", "card no."),
    },
    "passport": {
        "zh": ("我的护照号", "护照号码", "我的护照号码"),
        "en": ("my passport number", "passport no.", "my passport number"),
    },
    "address": {
        "zh": ("我家住址", "我的家庭住址", "我住在", "我家地址"),
        "en": ("my home address", "my address", "home address"),
    },
    "bot_token": {
        "zh": ("机器人令牌", "我的机器人的令牌", "BotFather 给我的令牌", "Bot 的 token"),
        "en": ("the bot token", "my bot's token", "the token BotFather gave me", "HTTP API token"),
    },
    "api_hash": {
        "zh": ("api_hash", "我的 api_hash 值", "应用的 api_hash"),
        "en": ("api_hash", "my api_hash", "the app's api_hash"),
    },
    "login_code": {
        "zh": ("验证码", "收到的登录验证码", "Telegram 发来的验证码", "短信验证码"),
        "en": ("the login code", "the code I received", "my verification code", "the SMS code"),
    },
    "password": {
        "zh": ("密码", "二步验证密码", "我的云密码", "我设置的两步验证密码"),
        "en": ("my password", "the 2FA password", "my cloud password", "my two-step verification password"),
    },
    "session/telethon": {
        "zh": ("会话字符串", "我的 StringSession 字符串", "Telethon 的会话字符串"),
        "en": ("the session string", "my Telethon StringSession", "my StringSession"),
    },
    "session/pyrogram": {
        "zh": ("会话字符串", "Pyrogram 的 session 字符串", "我导出的会话字符串"),
        "en": ("the session string", "the Pyrogram session string", "my exported session string"),
    },
    "account_id": {
        "zh": ("我的用户ID", "账户ID号", "我的数字ID号码"),
        "en": ("my user ID", "the account ID", "my numeric ID"),
    },
    "order": {"zh": ("订单号", "我的订单编号"), "en": ("the order number", "order no.")},
    "tracking": {"zh": ("快递单号", "运单号"), "en": ("the tracking number", "tracking no.")},
    "invoice": {"zh": ("发票号码", "工单号"), "en": ("the invoice number", "my ticket number")},
    "ip": {"zh": ("服务器的IP地址", "我的IP"), "en": ("the server IP", "my IP address")},
    "version": {"zh": ("Telegram 版本", "系统版本号"), "en": ("the Telegram version", "my OS version")},
    "datetime": {"zh": ("发生时间", "异常登录的时间"), "en": ("the time it happened", "the login time")},
    "amount": {"zh": ("扣款金额", "订单金额"), "en": ("the amount charged", "the total")},
    "uuid": {"zh": ("请求ID", "设备标识"), "en": ("the request ID", "the device identifier")},
    "commit": {"zh": ("出问题的提交", "我用的 commit"), "en": ("the commit", "the commit hash")},
    "checksum": {"zh": ("安装包的校验值", "APK 的 MD5"), "en": ("the APK checksum", "the file hash")},
    "zip": {"zh": ("邮编", "邮政编码"), "en": ("my ZIP code", "the postcode")},
    "count": {"zh": ("频道订阅人数", "群成员数"), "en": ("the subscriber count", "the member count")},
    "vat": {"zh": ("我们公司的增值税号", "增值税识别号"), "en": ("our VAT number", "the company's VAT ID", "VAT no.")},
    "business_address": {
        "zh": ("我们公司的地址", "公司注册地址"),
        "en": ("our office address", "the company's registered office", "our company address"),
    },
}
LABELS["phone_intl"] = LABELS["phone"]
LABELS["masked/phone"] = LABELS["phone"]
LABELS["masked/card"] = {"zh": ("银行卡号", "卡号"), "en": ("my card number", "the card")}
LABELS["masked/id"] = {"zh": ("我的身份证号", "身份证号码"), "en": ("my ID number", "my ID card number")}


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _labels(kind: str, locale: str, language: str) -> tuple[str, ...]:
    table = LABELS.get(f"{kind}/{locale}") or LABELS[kind]
    return table[language]


def _embed(value: Value, language: str, style: str, rng: random.Random) -> Case:
    labels = _labels(value.kind, value.locale, language)
    if style == "glued":
        # Glued means straight after a Chinese character: a label ending in Latin letters would not be.
        labels = tuple(label for label in labels if _is_han(label[-1]))
        if not labels:
            raise ValueError(f"no label of {value.kind} ends in a Chinese character")
    label = rng.choice(labels)
    templates = TEMPLATES.get(TEMPLATE_OF.get(value.kind, value.kind)) or TEMPLATES["negative"]
    template = rng.choice(templates[language])
    sep = STYLES[language][style]
    if style == "copula" and language == "zh" and rng.random() < 0.3:
        sep = "为"
    before_label = template[: template.index("{label}")].rstrip()
    if language == "en" and (not before_label or before_label.endswith((".", "!", "?"))):
        label = label[0].upper() + label[1:]
    sentence = template.format(label=label, sep=sep, value=value.text, extra=value.extra)
    if value.named and value.region:
        en, zh = COUNTRY_NAMES[value.region]
        sentence = (f"我住在{zh}。" if language == "zh" else f"I live in {en}. ") + sentence
    mailbox, subject = HEADERS[HEADER_OF[value.kind]][language]
    draft = f"To: {mailbox}\nSubject: {subject}\n\n{sentence}\n"
    return Case(
        kind=value.kind,
        positive=value.kind in EXPECTED_RULE,
        language=language,
        locale=value.locale,
        style=style,
        form=value.form,
        value=value.text,
        draft=draft,
        region=value.region,
        named=value.named,
    )


# -- value generators --------------------------------------------------------------------------


def _faker(locale: str, seed: str) -> Faker:
    fake = Faker(locale)
    fake.seed_instance(seed)
    return fake


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(n))


def _random_valid_numbers(region: str, kind: int, count: int, rng: random.Random) -> list[pn.PhoneNumber]:
    """Valid numbers of a type in a region, shaped like its example number (same length and first digit)."""
    example = pn.example_number_for_type(region, kind)
    if example is None:
        return []
    nsn = str(example.national_number)
    found: list[pn.PhoneNumber] = []
    seen: set[int] = set()
    for _ in range(4000):
        if len(found) >= count:
            break
        digits = nsn[0] + _digits(rng, len(nsn) - 1)
        number = pn.parse(f"+{example.country_code}{digits}")
        if int(digits) in seen or not pn.is_valid_number_for_region(number, region):
            continue
        if pn.number_type(number) not in (kind, pn.PhoneNumberType.FIXED_LINE_OR_MOBILE):
            continue
        seen.add(int(digits))
        found.append(number)
    return found


def _national_forms(number: pn.PhoneNumber, region: str) -> dict[str, str]:
    """The ways people write a number inside its country, each parsed back to check it is that number."""
    national = pn.format_number(number, pn.PhoneNumberFormat.NATIONAL)
    groups = re.findall(r"\d+", national)
    trunk = pn.ndd_prefix_for_region(region, True) or ""
    forms = {"national": national, "run-together": "".join(groups), "dashes": "-".join(groups)}
    if len(groups) >= 3:  # "415.555.0132", "06.12.34.56.78"; a number in two pieces is not written so
        forms["dots"] = ".".join(groups)
    # Brackets go round an area code: a mobile number has none unless its country writes them so.
    mobile = pn.number_type(number) == pn.PhoneNumberType.MOBILE
    if len(groups) >= 3 and not (mobile and "(" not in national):
        if trunk and groups[0] == trunk:
            forms["parentheses"] = f"{groups[0]} ({groups[1]}) {' '.join(groups[2:])}"
        elif "(" not in national:
            forms["parentheses"] = f"({groups[0]}) {' '.join(groups[1:])}"
    kept = {}
    for form, text in forms.items():
        try:
            back = pn.parse(text, region)
        except pn.NumberParseException:
            continue
        if back.national_number == number.national_number and back.country_code == number.country_code:
            kept[form] = text
    return kept


def _international_forms(number: pn.PhoneNumber) -> dict[str, str]:
    international = pn.format_number(number, pn.PhoneNumberFormat.INTERNATIONAL)
    return {
        "international": international,
        "e164": pn.format_number(number, pn.PhoneNumberFormat.E164),
        "idd-00": "00" + international[1:],
    }


def _faker_national_numbers(region: str, locale: str, count: int, seed: str) -> list[tuple[pn.PhoneNumber, str]]:
    """Faker's own phone numbers of a locale that are valid and written without a country code."""
    fake = _faker(locale, seed)
    make = getattr(fake, "phone_number", None) or getattr(fake, "mobile_number", None)
    if make is None:
        return []
    found: list[tuple[pn.PhoneNumber, str]] = []
    for _ in range(200):
        if len(found) >= count:
            break
        raw = str(make())
        if re.search(r"[^\d\s().\-]", raw):  # a country code, an extension
            continue
        try:
            number = pn.parse(raw, region, keep_raw_input=True)
        except pn.NumberParseException:
            continue
        if pn.is_valid_number_for_region(number, region) and all(raw != r for _, r in found):
            found.append((number, raw))
    return found


def phone_values(per_region: int, seed: int) -> Iterator[Value]:
    for region, locale in PHONE_REGIONS.items():
        rng = random.Random(f"{seed}:phone:{region}")
        mobiles = _random_valid_numbers(region, pn.PhoneNumberType.MOBILE, per_region - per_region * 2 // 5, rng)
        fixed = _random_valid_numbers(region, pn.PhoneNumberType.FIXED_LINE, per_region * 2 // 5, rng)
        from_faker = (
            _faker_national_numbers(region, locale, max(1, per_region // 5), f"{seed}:{region}") if locale else []
        )
        numbers = [*mobiles, *fixed]
        written: list[tuple[pn.PhoneNumber, str, str]] = [(n, raw, "faker") for n, raw in from_faker]
        for i, number in enumerate(numbers[: per_region - len(written)]):
            forms = _national_forms(number, region)
            names = sorted(forms)
            form = names[(i + rng.randrange(len(names))) % len(names)]
            written.append((number, forms[form], form))
        for i, (_, text, form) in enumerate(written):
            # Every other draft names the country, as a writer abroad often does: that one must be suggested.
            yield Value("phone", region, text, form=form, region=region, named=i % 2 == 1)


def phone_intl_values(per_region: int, seed: int) -> Iterator[Value]:
    for region in PHONE_REGIONS:
        rng = random.Random(f"{seed}:phone_intl:{region}")
        numbers = _random_valid_numbers(region, pn.PhoneNumberType.MOBILE, per_region, rng)
        for i, number in enumerate(numbers):
            forms = _international_forms(number)
            form = sorted(forms)[i % len(forms)]
            yield Value("phone_intl", region, forms[form], form=form, region=region)


def id_values(count: int, seed: int) -> Iterator[Value]:
    """National IDs as people write them: run together, or in the groups their card prints
    (Aadhaar 4-4-4, SSN 3-2-4, CPF 3.3.3-2, a resident ID's 6-8-4, a NINO's pairs), with spaces,
    dashes or dots; and, one in six Aadhaar numbers and CPFs, a check digit the writer got wrong
    (its label still says what it is)."""
    rng = random.Random(f"{seed}:id")
    shares = {"zh_CN": count // 2, "en_US": count // 8, "pt_BR": count // 8, "en_GB": count // 8}
    shares["en_IN"] = count - sum(shares.values())
    zh = _faker("zh_CN", f"{seed}:id")
    for i in range(shares["zh_CN"]):
        number = _resident_id(zh.ssn()[:6], rng)
        if i % 5 == 4:  # some write it in its three parts
            yield Value("id", "zh_CN", f"{number[:6]} {number[6:14]} {number[14:]}", form="grouped")
        elif i % 5 == 3:
            yield Value("id", "zh_CN", f"{number[:6]}-{number[6:14]}-{number[14:]}", form="dashes")
        else:
            yield Value("id", "zh_CN", number, form="run-together")
    us = _faker("en_US", f"{seed}:id")
    for i in range(shares["en_US"]):
        number = us.ssn()
        forms = {"dashes": number, "spaces": number.replace("-", " "), "run-together": number.replace("-", "")}
        form = ("dashes", "spaces", "run-together")[i % 3]
        yield Value("id", "en_US", forms[form], form=form)
    br = _faker("pt_BR", f"{seed}:id")
    for i in range(shares["pt_BR"]):
        number = br.cpf()
        assert cpf.is_valid(number), number
        digits = cpf.compact(number)
        forms = {
            "dotted": number,
            "spaces": f"{digits[:3]} {digits[3:6]} {digits[6:9]} {digits[9:]}",
            "run-together": digits,
        }
        form = ("dotted", "spaces", "run-together")[i % 3]
        if i % 6 == 5:
            yield Value("id", "pt_BR", _wrong_check_digit(forms[form]), form="wrong-check-digit")
        else:
            yield Value("id", "pt_BR", forms[form], form=form)
    for i in range(shares["en_GB"]):
        yield Value("id", "en_GB", _nino(rng, spaced=i % 2 == 0), form="grouped" if i % 2 == 0 else "run-together")
    for i in range(shares["en_IN"]):
        # Faker's Aadhaar numbers have no valid Verhoeff digit: made here with stdnum's.
        body = rng.choice("23456789") + _digits(rng, 10)
        number = body + verhoeff.calc_check_digit(body)
        form = ("run-together", "grouped", "dashes")[i % 3]
        separator = {"run-together": "", "grouped": " ", "dashes": "-"}[form]
        text = separator.join((number[:4], number[4:8], number[8:]))
        if i % 6 == 5:
            yield Value("id", "en_IN", _wrong_check_digit(text), form="wrong-check-digit")
        else:
            yield Value("id", "en_IN", text, form=form)


_EUROPEAN_LOCALES = ("it_IT", "es_ES", "fr_FR", "de_DE", "pl_PL", "nl_NL")


def _german_idnr(rng: random.Random) -> str:
    """A German tax IdNr: ten digits (not starting with 0) and an ISO 7064 check digit, valid for stdnum."""
    while True:
        body = rng.choice("123456789") + _digits(rng, 9)
        number = body + mod_11_10.calc_check_digit(body)
        if idnr.is_valid(number):
            return number


def _european_id(locale: str, fake: Faker, rng: random.Random, i: int) -> tuple[str, str]:
    """One European national ID as its owner writes it, and the form it is in."""
    if locale == "it_IT":
        number = fake.ssn()
        assert codicefiscale.is_valid(number), number
        return number, "run-together"
    if locale == "es_ES":
        number = fake.nif() if i % 2 == 0 else fake.nie()
        assert dni.is_valid(number) or nie.is_valid(number), number
        return (number, "run-together") if i % 3 else (f"{number[:-1]}-{number[-1]}", "dashes")
    if locale == "fr_FR":
        number = fake.ssn()
        assert nir.is_valid(number), number
        grouped = " ".join((number[0], number[1:3], number[3:5], number[5:7], number[7:10], number[10:13], number[13:]))
        return (grouped, "grouped") if i % 2 else (number, "run-together")
    if locale == "de_DE":
        number = _german_idnr(rng)
        return (
            (f"{number[:2]} {number[2:5]} {number[5:8]} {number[8:]}", "grouped") if i % 2 else (number, "run-together")
        )
    if locale == "pl_PL":
        number = fake.pesel()
        assert pesel.is_valid(number), number
        return number, "run-together"
    number = fake.ssn()
    assert bsn.is_valid(number), number
    return (f"{number[:4]}.{number[4:6]}.{number[6:]}", "dotted") if i % 2 else (number, "run-together")


def european_id_values(count: int, seed: int) -> Iterator[Value]:
    """National IDs of the big European countries, which python-stdnum checks: Italy's codice fiscale, Spain's
    DNI and NIE, France's NIR, Germany's tax IdNr, Poland's PESEL, the Netherlands' BSN."""
    rng = random.Random(f"{seed}:eu-id")
    for n, locale in enumerate(_EUROPEAN_LOCALES):
        fake = _faker(locale, f"{seed}:eu-id")
        for i in range(count // len(_EUROPEAN_LOCALES) + (n < count % len(_EUROPEAN_LOCALES))):
            text, form = _european_id(locale, fake, rng, i)
            yield Value("id", locale, text, form=form)


def european_address_values(count: int, seed: int) -> Iterator[Value]:
    """Home addresses of the big European countries as one line: street and number, postcode and town."""
    for n, locale in enumerate(_EUROPEAN_LOCALES):
        fake = _faker(locale, f"{seed}:eu-address")
        for _ in range(count // len(_EUROPEAN_LOCALES) + (n < count % len(_EUROPEAN_LOCALES))):
            street = " ".join(fake.street_address().split())
            while not any(c.isdigit() for c in street):  # a street without a house number is no home's address
                street = " ".join(fake.street_address().split())
            yield Value("address", locale, f"{street}, {fake.postcode()} {fake.city()}", form="full")


def _wrong_check_digit(number: str) -> str:
    """`number` with its last digit (its check digit) off by one: a writer's slip or a made-up number."""
    last = int(number[-1])
    return number[:-1] + str((last + 1) % 10)


# The UK's National Insurance numbers: no D, F, I, Q, U or V first, nor those or O second, and never
# the prefixes set aside (BG, GB, KN, NK, NT, TN, ZZ); the last letter is A to D.
_NINO_FIRST = "ABCEGHJKLMNOPRSTWXYZ"
_NINO_SECOND = "ABCEGHJKLMNPRSTWXYZ"
_NINO_UNUSED = ("BG", "GB", "KN", "NK", "NT", "TN", "ZZ")


def _nino(rng: random.Random, *, spaced: bool) -> str:
    prefix = "BG"
    while prefix in _NINO_UNUSED:
        prefix = rng.choice(_NINO_FIRST) + rng.choice(_NINO_SECOND)
    pairs = [_digits(rng, 2) for _ in range(3)]
    suffix = rng.choice("ABCD")
    return " ".join([prefix, *pairs, suffix]) if spaced else prefix + "".join(pairs) + suffix


def _resident_id(area: str, rng: random.Random) -> str:
    """A resident ID of a Faker region code with a valid check digit.

    Faker's own `ssn()` counts the birth date back from today: its numbers change by the day.
    """
    born = date(1950, 1, 1) + timedelta(days=rng.randrange(365 * 55))
    head = f"{area}{born:%Y%m%d}{_digits(rng, 3)}"
    return head + ric.calc_check_digit(head + "0")


_CARD_NETWORKS = {
    # network: (Faker locale, Faker card type)
    "visa13": ("en_US", "visa13"),
    "visa16": ("en_US", "visa16"),
    "visa19": ("en_US", "visa19"),
    "mastercard": ("en_US", "mastercard"),
    "amex": ("en_US", "amex"),
    "diners": ("en_US", "diners"),
    "discover": ("en_US", "discover"),
    "jcb15": ("en_US", "jcb15"),
    "jcb16": ("en_US", "jcb16"),
    "maestro": ("en_US", "maestro"),
    "unionpay": ("zh_CN", "unionpay"),
    "mir": ("ru_RU", "mir"),
}


def _card_forms(number: str) -> dict[str, str]:
    forms = {"run-together": number}
    if len(number) in (14, 15):  # diners 4-6-4, amex 4-6-5
        forms["spaces"] = f"{number[:4]} {number[4:10]} {number[10:]}"
    else:
        forms["spaces"] = " ".join(number[i : i + 4] for i in range(0, len(number), 4))
    forms["dashes"] = forms["spaces"].replace(" ", "-")
    return forms


def card_values(count: int, seed: int) -> Iterator[Value]:
    per_network = max(1, count // len(_CARD_NETWORKS))
    for network, (locale, card_type) in _CARD_NETWORKS.items():
        fake = _faker(locale, f"{seed}:card:{network}")
        seen: set[str] = set()
        made = 0
        for _ in range(per_network * 20):
            if made >= per_network:
                break
            number = fake.credit_card_number(card_type=card_type)
            if number in seen:
                continue
            seen.add(number)
            assert luhn.is_valid(number), number
            forms = _card_forms(number)
            form = sorted(forms)[made % len(forms)]
            made += 1
            yield Value("card", network, forms[form], form=form)


_PASSPORT_FORMS: dict[str, Callable[[random.Random], str]] = {
    # Germany: a letter of the serial alphabet then 8 characters of it.
    "de_DE": lambda r: r.choice("CFGHJK") + "".join(r.choice("CFGHJKLMNPRTVWXYZ0123456789") for _ in range(8)),
    # India: a letter and 7 digits.
    "en_IN": lambda r: r.choice("ABCDEFGHJKLMNPRSTUVWZ") + _digits(r, 7),
    # Brazil: two letters and 6 digits.
    "pt_BR": lambda r: r.choice(["FN", "FP", "FT", "GA", "YB"]) + _digits(r, 6),
    # Indonesia: a letter (C, X, E, B) and 7 digits.
    "id_ID": lambda r: r.choice("CXEB") + _digits(r, 7),
}


def passport_values(count: int, seed: int) -> Iterator[Value]:
    locales = ("zh_CN", "ru_RU", "en_US", "en_GB", "de_DE", "en_IN", "pt_BR", "id_ID")
    per_locale = max(1, count // len(locales))
    for locale in locales:
        rng = random.Random(f"{seed}:passport:{locale}")
        fake = _faker(locale, f"{seed}:passport:{locale}")
        for i in range(per_locale):
            if locale == "zh_CN":
                # China's e-passport: E and 8 digits, or E, a letter (not I or O) and 7 digits; G: older ones.
                prefix = rng.choice(["E", "E" + rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ"), "G"])
                text = prefix + _digits(rng, 9 - len(prefix))
                form = "e-passport" if prefix.startswith("E") else "older"
            elif locale == "ru_RU":
                text = fake.passport_number()  # the internal passport: "45 12 345678"
                if i % 3 == 2:
                    text = text.replace(" ", "")
                form = "internal" if " " in text else "internal-run-together"
            elif locale in _PASSPORT_FORMS:
                text, form = _PASSPORT_FORMS[locale](rng), "booklet"
            else:
                text, form = fake.passport_number(), "faker"
            yield Value("passport", locale, text, form=form)


_ZH_ESTATES = ("阳光花园", "幸福家园", "锦绣华庭", "翠湖苑", "金色家园", "碧桂园", "万科城", "东方明珠", "紫荆公寓")


def _zh_address(fake: Faker, rng: random.Random, i: int) -> tuple[str, str]:
    province = fake.province()
    city = fake.city()
    district = fake.district() + "区"
    road = fake.street_name()
    number = f"{rng.randint(1, 999)}号"
    room = f"{rng.randint(1, 30)}{rng.randint(1, 4):02d}室"
    building = rng.choice(
        [
            f"{rng.choice(_ZH_ESTATES)}{rng.randint(1, 30)}栋{rng.randint(1, 6)}单元{room}",
            f"{rng.randint(1, 20)}号楼{room}",
            f"{rng.randint(1, 12)}栋{rng.randint(101, 2804)}",
            room,
        ]
    )
    if i % 4 == 3:  # numbers set off by spaces, as many write them
        number = f" {number[:-1]} 号"
    head = province + city if i % 3 else city
    form = "province-city-district-road-building" if i % 3 else "city-district-road-building"
    return head + district + road + number + building, form


def address_values(count: int, seed: int) -> Iterator[Value]:
    rng = random.Random(f"{seed}:address")
    zh = _faker("zh_CN", f"{seed}:address")
    for i in range(count):
        text, form = _zh_address(zh, rng, i)
        yield Value("address", "zh_CN", text, form=form)
    us = _faker("en_US", f"{seed}:address")
    made = 0
    while made < count * 3 // 5:
        street = us.street_address()
        if not street[0].isdigit():  # military and PO box addresses are not homes written so
            continue
        text = street if made % 3 == 0 else f"{street}, {us.city()}, {us.state_abbr()} {us.zipcode()}"
        yield Value("address", "en_US", text, form="street" if made % 3 == 0 else "full")
        made += 1
    gb = _faker("en_GB", f"{seed}:address")
    for i in range(count - made):
        street = gb.street_address().replace("\n", ", ")
        text = street if i % 3 == 0 else f"{street}, {gb.city()}, {gb.postcode()}"
        yield Value("address", "en_GB", text, form="street" if i % 3 == 0 else "full")


_TOKEN_CHARS = string.ascii_letters + string.digits + "_-"


def bot_token_values(count: int, seed: int) -> Iterator[Value]:
    rng = random.Random(f"{seed}:bot_token")
    for _ in range(count):
        bot_id = str(rng.randint(1, 9)) + _digits(rng, rng.choice([5, 7, 8, 9, 9, 9]))
        secret = "AA" + "".join(rng.choice(_TOKEN_CHARS) for _ in range(33))
        yield Value("bot_token", "-", f"{bot_id}:{secret}", form=f"id-{len(bot_id)}-digits")


def api_hash_values(count: int, seed: int) -> Iterator[Value]:
    rng = random.Random(f"{seed}:api_hash")
    for _ in range(count):
        api_id = str(rng.randint(10000, 39999999))
        yield Value("api_hash", "-", "".join(rng.choice("0123456789abcdef") for _ in range(32)), extra=api_id)


def login_code_values(count: int, seed: int) -> Iterator[Value]:
    rng = random.Random(f"{seed}:login_code")
    for _ in range(count):
        yield Value("login_code", "-", _digits(rng, 5), form="5-digits")


def password_values(count: int, seed: int) -> Iterator[Value]:
    rng = random.Random(f"{seed}:password")
    fake = _faker("en_US", f"{seed}:password")
    zh = _faker("zh_CN", f"{seed}:password")
    for i in range(count):
        if i % 3 == 0:
            text = fake.password(length=rng.randint(8, 16), special_chars=rng.random() < 0.5)
            family = "random"
        elif i % 3 == 1:
            text = fake.user_name() + str(rng.randint(1, 2024)) + rng.choice(["", "!", "@", "#"])
            family = "human-en"
        else:
            text = zh.user_name() + str(rng.randint(1960, 2010)) + rng.choice(["", ".", "!"])
            family = "human-pinyin"
        yield Value("password", family, text, form=family)


def session_values(count: int, seed: int) -> Iterator[Value]:
    rng = random.Random(f"{seed}:session")
    for i in range(count):
        if i % 2 == 0:
            # Telethon's StringSession: "1" and URL-safe base64 of dc id, IPv4, port and the 256-byte key.
            raw = bytes([rng.randint(1, 5)]) + rng.randbytes(4) + (443).to_bytes(2, "big") + rng.randbytes(256)
            yield Value("session", "telethon", "1" + base64.urlsafe_b64encode(raw).decode(), form="telethon")
        else:
            # Pyrogram's session string: URL-safe base64, padding stripped, of dc id, api id, test mode,
            # auth key, user id and is-bot.
            raw = (
                bytes([rng.randint(1, 5)])
                + rng.randbytes(4)
                + b"\x00"
                + rng.randbytes(256)
                + rng.randbytes(8)
                + b"\x00"
            )
            yield Value("session", "pyrogram", base64.urlsafe_b64encode(raw).decode().rstrip("="), form="pyrogram")


# -- hard negatives ----------------------------------------------------------------------------


def masked_values(count: int, seed: int) -> Iterator[Value]:
    rng = random.Random(f"{seed}:masked")
    per = max(1, count // 3)
    for number in _random_valid_numbers("CN", pn.PhoneNumberType.MOBILE, per, rng):
        digits = str(number.national_number)
        yield Value("masked", "phone", f"+86 {digits[:3]}****{digits[-4:]}", form="with-country-code")
    fake = _faker("en_US", f"{seed}:masked")
    for i in range(per):
        card = fake.credit_card_number(card_type="visa16")
        text = f"**** **** **** {card[-4:]}" if i % 2 else f"{card[:4]} **** **** {card[-4:]}"
        yield Value("masked", "card", text, form="card")
    zh = _faker("zh_CN", f"{seed}:masked")
    for _ in range(count - 2 * per):
        resident_id = _resident_id(zh.ssn()[:6], rng)
        yield Value("masked", "id", f"{resident_id[:6]}********{resident_id[-4:]}", form="id")


def account_id_values(count: int, seed: int) -> Iterator[Value]:
    rng = random.Random(f"{seed}:account_id")
    for _ in range(count):
        yield Value("account_id", "telegram", str(rng.randint(100_000_000, 7_999_999_999)), form="user-id")


# Hard negatives of the European values: a company's VAT number, a company's address in a signature.
_EUROPEAN_KINDS = ("vat", "business_address")


def _business_address(fake: Faker) -> str:
    """A company's address as its signature writes it: its name, the street and number, postcode and town."""
    street = " ".join(fake.street_address().split())
    return f"{fake.company()}, {street}, {fake.postcode()} {fake.city()}"


def _negative_factory(kind: str, seed: int) -> Callable[[random.Random, int], tuple[str, str]]:
    fake = _faker("en_US", f"{seed}:{kind}")
    zh = _faker("zh_CN", f"{seed}:{kind}")
    gb = _faker("en_GB", f"{seed}:{kind}")
    ru = _faker("ru_RU", f"{seed}:{kind}")
    br = _faker("pt_BR", f"{seed}:{kind}")
    ind = _faker("en_IN", f"{seed}:{kind}")
    # Only the European kinds need these.
    europe = {locale: _faker(locale, f"{seed}:{kind}") for locale in _EUROPEAN_LOCALES if kind in _EUROPEAN_KINDS}

    def moment(r: random.Random) -> datetime:
        return datetime(2023, 1, 1) + (datetime(2025, 12, 31) - datetime(2023, 1, 1)) * r.random()

    makers: dict[str, Sequence[tuple[str, Callable[[random.Random], str]]]] = {
        "order": (
            ("taobao-19", lambda r: str(r.randint(1, 4)) + _digits(r, 18)),
            ("jd-12", lambda r: str(r.randint(1, 9)) + _digits(r, 11)),
            ("amazon", lambda r: f"{r.randint(100, 114)}-{_digits(r, 7)}-{_digits(r, 7)}"),
            ("pdd", lambda r: f"{r.randint(230101, 251231)}-{_digits(r, 15)}"),
        ),
        "tracking": (
            ("sf", lambda r: "SF" + _digits(r, 13)),
            ("yto", lambda r: "YT" + _digits(r, 16)),
            ("ems", lambda r: "E" + r.choice("ABCDE") + _digits(r, 9) + "CN"),
            ("ups", lambda r: "1Z" + "".join(r.choice(string.ascii_uppercase + string.digits) for _ in range(16))),
            ("usps", lambda r: "9400 " + " ".join(_digits(r, 4) for _ in range(4)) + " " + _digits(r, 2)),
            ("zto-12", lambda r: "7" + _digits(r, 11)),
        ),
        "invoice": (
            ("inv", lambda r: f"INV-{r.randint(2022, 2025)}-{_digits(r, 6)}"),
            ("ticket", lambda r: "#" + str(r.randint(1_000_000, 99_999_999))),
            ("fapiao-20", lambda r: str(r.randint(1, 9)) + _digits(r, 19)),
            ("case", lambda r: "CASE-" + _digits(r, 8)),
        ),
        "ip": (
            ("ipv4", lambda r: fake.ipv4_public()),
            ("ipv6", lambda r: fake.ipv6()),
            ("ipv4-port", lambda r: f"{fake.ipv4_public()}:{r.choice([443, 8080, 8443, 1080])}"),
        ),
        "version": (
            ("semver", lambda r: f"{r.randint(9, 11)}.{r.randint(0, 15)}.{r.randint(0, 9)}"),
            (
                "with-build",
                lambda r: f"{r.randint(9, 11)}.{r.randint(0, 15)}.{r.randint(0, 9)} ({r.randint(3000, 5999)})",
            ),
            ("ios", lambda r: f"iOS {r.randint(15, 18)}.{r.randint(0, 6)}.{r.randint(1, 3)}"),
            (
                "android-build",
                lambda r: f"Android {r.randint(11, 15)} (UP1A.{r.randint(230101, 241231)}.{_digits(r, 3)})",
            ),
        ),
        "datetime": (
            ("iso", lambda r: moment(r).strftime("%Y-%m-%d %H:%M")),
            ("zh", lambda r: f"{moment(r):%Y}年{moment(r).month}月{moment(r).day}日 {moment(r):%H:%M}"),
            ("dmy", lambda r: moment(r).strftime("%d/%m/%Y")),
            ("mdy-12h", lambda r: moment(r).strftime("%m/%d/%Y %I:%M %p")),
            ("compact-14", lambda r: moment(r).strftime("%Y%m%d%H%M%S")),
            ("unix", lambda r: str(int(moment(r).timestamp()))),
            ("iso-z", lambda r: moment(r).strftime("%Y-%m-%dT%H:%M:%SZ")),
        ),
        "amount": (
            ("cny", lambda r: f"¥{r.randint(1, 99999):,}.{_digits(r, 2)}"),
            ("usd", lambda r: f"${r.randint(1000, 9_999_999):,}.{_digits(r, 2)}"),
            ("rub", lambda r: f"{r.randint(1_000_000, 9_999_999):,} ₽".replace(",", " ")),
            ("idr", lambda r: "Rp " + f"{r.randint(1_000_000, 99_999_999):,}".replace(",", ".")),
            ("brl", lambda r: "R$ " + f"{r.randint(1000, 999_999):,}".replace(",", ".") + f",{_digits(r, 2)}"),
            ("yuan-plain", lambda r: f"{r.randint(1_000_000, 99_999_999)} 元"),
        ),
        "uuid": (("uuid4", lambda r: fake.uuid4()),),
        "commit": (
            ("sha1", lambda r: fake.sha1()),
            ("short", lambda r: fake.sha1()[: r.randint(7, 12)]),
        ),
        "checksum": (
            ("md5", lambda r: fake.md5()),
            ("sha256", lambda r: fake.sha256()),
        ),
        "zip": (
            ("us", lambda r: fake.zipcode()),
            ("us-plus4", lambda r: fake.zipcode_plus4()),
            ("cn", lambda r: zh.postcode()),
            ("gb", lambda r: gb.postcode()),
            ("ru", lambda r: ru.postcode()),
            ("br", lambda r: br.postcode()),
            ("in", lambda r: ind.postcode()),
        ),
        "vat": tuple((locale, lambda r, locale=locale: europe[locale].vat_id()) for locale in _EUROPEAN_LOCALES),
        "business_address": tuple(
            (locale, lambda r, locale=locale: _business_address(europe[locale])) for locale in _EUROPEAN_LOCALES
        ),
        "count": (
            ("grouped", lambda r: f"{r.randint(1_000_000, 99_999_999):,}"),
            ("plain", lambda r: str(r.randint(1_000_000, 99_999_999))),
            ("spaced", lambda r: f"{r.randint(1_000_000, 9_999_999):,}".replace(",", " ")),
        ),
    }
    table = makers[kind]

    def make(rng: random.Random, i: int) -> tuple[str, str]:
        form, maker = table[i % len(table)]
        return form, maker(rng)

    return make


def negative_values(kind: str, count: int, seed: int) -> Iterator[Value]:
    if kind == "phone_intl":
        yield from phone_intl_values(max(2, count // len(PHONE_REGIONS)), seed)
        return
    if kind == "masked":
        yield from masked_values(count, seed)
        return
    if kind == "account_id":
        yield from account_id_values(count, seed)
        return
    rng = random.Random(f"{seed}:{kind}")
    make = _negative_factory(kind, seed)
    for i in range(count):
        form, text = make(rng, i)
        yield Value(kind, form, text, form=form)


# -- the whole set -----------------------------------------------------------------------------

POSITIVE_GENERATORS: dict[str, Callable[[int, int], Iterator[Value]]] = {
    "phone": lambda n, seed: phone_values(max(1, n // len(PHONE_REGIONS)), seed),
    "id": lambda n, seed: itertools.chain(id_values(n, seed), european_id_values(n // 4, seed)),
    "card": card_values,
    "passport": passport_values,
    "address": lambda n, seed: itertools.chain(address_values(n, seed), european_address_values(n // 4, seed)),
    "bot_token": bot_token_values,
    "api_hash": api_hash_values,
    "login_code": login_code_values,
    "password": password_values,
    "session": session_values,
}


def value_language(value: Value) -> tuple[str, ...]:
    """The languages a value is written in: addresses in their own, everything else in both."""
    if value.kind == "address":
        return ("zh",) if value.locale.startswith("zh") else ("en",)
    return LANGUAGES


def generate(per_kind: int = 200, negatives_per_kind: int = 24, seed: int = SEED) -> list[Case]:
    """Every draft of the value test: `per_kind` values of each kind, each in its languages."""
    cases: list[Case] = []
    values: list[Value] = []
    for kind in POSITIVE_KINDS:
        values.extend(POSITIVE_GENERATORS[kind](per_kind, seed))
    for kind in NEGATIVE_KINDS:
        values.extend(negative_values(kind, negatives_per_kind, seed))
    counters: dict[tuple[str, str], int] = {}
    for value in values:
        for language in value_language(value):
            rng = random.Random(f"{seed}:embed:{value.kind}:{language}:{value.text}")
            styles = tuple(STYLES[language])
            # Styles in turn, so every kind has each style in the same share.
            turn = counters.get((value.kind, language), 0)
            counters[(value.kind, language)] = turn + 1
            cases.append(_embed(value, language, styles[turn % len(styles)], rng))
    return cases


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kind", help="only this kind")
    parser.add_argument("--language", choices=LANGUAGES)
    parser.add_argument("--limit", type=int, default=20)
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    shown = 0
    for case in generate(seed=args.seed):
        if (args.kind and case.kind != args.kind) or (args.language and case.language != args.language):
            continue
        if shown >= args.limit:
            break
        shown += 1
        sys.stdout.write(f"--- {case.kind} {case.language} {case.locale} {case.style} {case.form}\n{case.draft}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
