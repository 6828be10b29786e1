"""Short drafts as people really write them to Telegram, generated from combinations (fixed seed).

Ban and freeze appeals, lost or deleted accounts, login codes that never come, police and data-protection
requests, phishing and fraud reports, business proposals: the classes of issue 12 ("Topic and routing"),
each a handful of ways to say the matter, combined with greetings, context, closings and subjects in the
writer's own manner. Each draft carries the mailbox it belongs to (the guide's 二、官方邮箱地址) and the
mailbox it is addressed to; some are addressed to another official mailbox on purpose.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

SEED = 12
MAILBOX = {t: f"{t}@telegram.org" for t in ("support", "security", "abuse", "press", "legal")}
# Matters the guide lists under two mailboxes (rules/*/routing.toml [overlap]): a draft is not wrongly
# addressed to the other one, so the generator never picks it as the wrong mailbox.
OVERLAPS = {
    frozenset(pair)
    for pair in (("security", "abuse"), ("security", "legal"), ("support", "press"), ("support", "security"))
}


@dataclass(frozen=True, slots=True)
class Case:
    klass: str  # the class of issue 12 the draft stands for
    language: str
    topic: str  # the mailbox it belongs to
    to: str  # the mailbox it is addressed to
    draft: str
    short: bool  # a bare appeal: no time, no account of what happened


# class -> topic, then per language: (subjects, statements); a statement is the matter in one or two sentences.
CLASSES: dict[str, str] = {
    "ban": "security",
    "freeze": "security",
    "limited": "security",
    "lost-account": "security",
    "login-code": "support",
    "police": "legal",
    "data-request": "legal",
    "phishing": "abuse",
    "fraud": "abuse",
    "proposal": "press",
}

EN: dict[str, tuple[list[str], list[str]]] = {
    "ban": (
        ["Account banned", "Please unban my account", "Appeal", "my account got banned", "Ban appeal"],
        [
            "My account was banned and I don't know why.",
            "My Telegram account has been banned for no reason, I never broke any rules.",
            "I got banned today, please review my account and unban it.",
            "My account is suspended and I cannot log in, it says this account is banned.",
            "I am writing to appeal the ban on my account.",
        ],
    ),
    "freeze": (
        ["Account frozen", "My account is frozen", "Frozen account appeal", "please unfreeze"],
        [
            "My account has been frozen and I can't send messages anymore.",
            "Telegram froze my account, it shows that the account is frozen.",
            "My account was frozen after I joined a few groups.",
            "Please unfreeze my account, I use it for work.",
        ],
    ),
    "limited": (
        ["Account limited", "Spam restriction", "Restricted account", "Can't message people"],
        [
            "My account is limited, I can only send messages to mutual contacts.",
            "I was restricted for spam by mistake, I only messaged my classmates.",
            "Spam Bot says my account is limited because users reported me, but I did nothing wrong.",
            "My account has been restricted and I cannot write to people who are not my contacts.",
            "My account was marked as spam and now I can't add members to my group.",
        ],
    ),
    "lost-account": (
        ["Lost access to my account", "Recover my account", "Deleted account", "Lost my number"],
        [
            "I lost my SIM card and my old number no longer works, so I can't log in to my account.",
            "I deleted my account by accident, can it be restored?",
            "My account was deleted and I lost all my chats, please help me get it back.",
            "I no longer have the phone number my account is registered with and cannot get back in.",
            "I changed my number and now I can't access my old account.",
        ],
    ),
    "login-code": (
        ["Login code not received", "Not receiving the code", "Can't log in, no code", "SMS code problem"],
        [
            "I don't receive the login code by SMS, I tried many times.",
            "The verification code never arrives, so I cannot sign in on my new phone.",
            "I'm not getting the login code, neither by SMS nor in the app.",
            "When I try to log in, the code doesn't come and the call option doesn't work either.",
        ],
    ),
    "police": (
        ["Data preservation request", "Law enforcement request", "Request from police", "Preservation request"],
        [
            "We are investigating a criminal case and request that you preserve all data of the account "
            "@darkseller_77 pending a formal request.",
            "This is a request from the police department to preserve the records of the user @fastcash_ru "
            "in connection with an ongoing investigation.",
            "Please preserve the subscriber information and messages of the channel t.me/quickloans_x, the "
            "subject of a criminal investigation; a court order will follow.",
        ],
    ),
    "data-request": (
        ["GDPR request", "Data access request", "Request to delete my personal data", "Subject access request"],
        [
            "Under Article 15 of the GDPR I request a copy of all personal data you hold about me.",
            "I would like to exercise my right to erasure and ask you to delete all my personal data.",
            "Please send me a copy of the data you have stored about my account, as the GDPR allows.",
            "I request access to my personal data and information on how it is processed.",
        ],
    ),
    "phishing": (
        ["Phishing", "Fake Telegram support", "Report phishing link", "Scam message"],
        [
            "I received a message from an account pretending to be Telegram support, asking me to open a link "
            "and enter my code. It is phishing.",
            "Someone sent me a phishing link that looks like the Telegram login page, t.me/tg_verify_bot.",
            "A fake support account @telegram_help_desk is asking users for their login codes.",
        ],
    ),
    "fraud": (
        ["Fraud report", "I was scammed", "Scammer", "Report a fraudster"],
        [
            "I paid a seller @cheap_iphones_shop 300 USD for a phone and he blocked me after the payment.",
            "A person on Telegram promised to double my crypto and took my money, his account is @btc_profit_x.",
            "The channel t.me/easy_invest_pro is a fraud, they collect deposits and then stop answering.",
        ],
    ),
    "proposal": (
        ["Business proposal", "Partnership proposal", "Cooperation offer", "Proposal for Telegram"],
        [
            "We are a payments company and would like to propose a business partnership with Telegram.",
            "I would like to present a proposal for cooperation between our company and Telegram.",
            "Our startup would like to discuss a commercial cooperation on mini apps for retail.",
        ],
    ),
}

ZH: dict[str, tuple[list[str], list[str]]] = {
    "ban": (
        ["账号被封", "申请解封", "封号申诉", "我的账号被封了", "申诉"],
        [
            "我的账号被封了，不知道是什么原因。",
            "我的Telegram账号被封禁了，我没有违反任何规定。",
            "今天账号突然被封号了，请帮我解封。",
            "我想对我的账号封禁提出申诉。",
            "登录时提示这个账号已被封禁。",
        ],
    ),
    "freeze": (
        ["账号被冻结", "账户冻结", "申请解冻", "冻结申诉"],
        [
            "我的账号被冻结了，发不了消息。",
            "账户突然被冻结，提示账号已冻结。",
            "我的账号加了几个群以后就被冻结了。",
            "请帮我解冻账号，工作要用。",
        ],
    ),
    "limited": (
        ["账号受限", "账号被限制", "被标记为垃圾信息", "无法私聊"],
        [
            "我的账号被限制了，只能给双向联系人发消息。",
            "我被误判为发送垃圾信息，账号受限了。",
            "SpamBot 说我的账号因为被举报而受限，但我什么都没做。",
            "账号被限制，不能给不是联系人的人发私信。",
        ],
    ),
    "lost-account": (
        ["账号找回", "找回账号", "账号被注销", "手机号丢了"],
        [
            "我的手机号已经停用了，现在登录不了原来的账号。",
            "我不小心把账号注销了，还能恢复吗？",
            "我的账号被删除了，所有聊天记录都没了，请帮我找回。",
            "原来注册的手机卡丢了，没办法登录账号。",
            "换了手机号以后旧账号登不上了。",
        ],
    ),
    "login-code": (
        ["收不到验证码", "登录验证码收不到", "无法登录，没有验证码", "短信验证码问题"],
        [
            "登录的时候一直收不到短信验证码，试了很多次。",
            "验证码一直收不到，新手机没法登录。",
            "我收不到登录验证码，短信和应用内都没有。",
            "登录时验证码不来，打电话的选项也没用。",
        ],
    ),
    "police": (
        ["调取证据请求", "协助调查函", "公安机关协查", "数据保全请求"],
        [
            "我局正在侦办一起刑事案件，请贵公司保全账号 @darkseller_77 的全部数据，正式调取手续随后提交。",
            "我们是公安局，因案件调查需要，请协助保存用户 @fastcash_ru 的注册信息和聊天记录。",
            "请保全频道 t.me/quickloans_x 的相关数据，该频道涉嫌刑事犯罪，法院的协助执行通知书随后发送。",
        ],
    ),
    "data-request": (
        ["个人信息查阅申请", "请求删除个人信息", "个人信息复制请求", "数据删除请求"],
        [
            "根据《个人信息保护法》，我要求查阅和复制贵公司保存的我的全部个人信息。",
            "我要求删除贵公司保存的我的所有个人信息。",
            "请提供你们存储的与我账号有关的数据副本。",
            "依据个人信息保护法第四十五条，请告知你们如何处理我的个人信息并提供副本。",
        ],
    ),
    "phishing": (
        ["钓鱼网站", "冒充官方客服", "举报钓鱼链接", "诈骗消息"],
        [
            "有人冒充Telegram官方客服给我发消息，让我点链接输入验证码，这是钓鱼。",
            "有人发给我一个钓鱼链接，页面跟Telegram登录页一模一样：t.me/tg_verify_bot。",
            "一个假的客服账号 @telegram_help_desk 在向用户索要登录验证码。",
        ],
    ),
    "fraud": (
        ["诈骗举报", "我被骗了", "举报骗子", "被骗钱"],
        [
            "我在Telegram上向卖家 @cheap_iphones_shop 付了2000元买手机，付款后他把我拉黑了。",
            "有人在Telegram上说能帮我投资翻倍，骗走了我的钱，他的账号是 @btc_profit_x。",
            "频道 t.me/easy_invest_pro 是诈骗，收了押金就不回复了。",
        ],
    ),
    "proposal": (
        ["商务合作提案", "合作建议", "合作意向", "关于合作的提议"],
        [
            "我们是一家支付公司，希望与Telegram开展商务合作。",
            "我想代表我们公司向Telegram提交一份合作方案。",
            "我们的创业团队希望就零售小程序与Telegram洽谈合作。",
        ],
    ),
}

# What a writer adds when they say more than the bare matter: a time and what happened.
EN_CONTEXT = {
    "security": [
        "It happened on March 3 at about 10:30 after I joined two groups.",
        "Since yesterday evening I see the notice every time I open the app.",
    ],
    "support": ["It started on May 2 after I switched phones; I waited 10 minutes between tries."],
    "legal": ["The request concerns messages sent between 1 and 15 April 2026."],
    "abuse": ["This happened on 12 June around 21:00, I have screenshots of the chat."],
    "press": ["We could meet in the first week of July."],
}
ZH_CONTEXT = {
    "security": ["这是3月3日上午10点左右发生的，当时我刚加了两个群。", "从昨天晚上开始每次打开应用都有这个提示。"],
    "support": ["5月2日换手机以后开始的，每次等了10分钟。"],
    "legal": ["涉及2026年4月1日至15日之间的消息。"],
    "abuse": ["事情发生在6月12日晚上9点左右，我有聊天截图。"],
    "press": ["我们可以在7月第一周见面。"],
}
EN_GREETINGS = ["Hello,", "Hi Telegram team,", "Dear Telegram Support,", "Hello Telegram,", ""]
EN_CLOSINGS = ["Please help.", "Thank you.", "Thanks in advance.", "Please help me, thank you.", ""]
EN_SIGNATURES = ["Best regards,\nAlex", "Maria", "-- \nJohn", ""]
ZH_GREETINGS = ["您好，", "你好，", "Telegram团队您好：", ""]
ZH_CLOSINGS = ["请帮帮我。", "谢谢。", "麻烦尽快处理，谢谢！", ""]
ZH_SIGNATURES = ["小王", "此致\n李明", ""]


def _compose(rng: random.Random, language: str, klass: str, detailed: bool, to: str) -> str:
    table = EN if language == "en" else ZH
    subjects, statements = table[klass]
    topic = CLASSES[klass]
    en = language == "en"
    body = [rng.choice(EN_GREETINGS if en else ZH_GREETINGS)]
    matter = rng.choice(statements)
    if detailed:
        matter += (" " if en else "") + rng.choice((EN_CONTEXT if en else ZH_CONTEXT)[topic])
    body.append(matter)
    body.append(rng.choice(EN_CLOSINGS if en else ZH_CLOSINGS))
    body.append(rng.choice(EN_SIGNATURES if en else ZH_SIGNATURES))
    text = "\n\n".join(part for part in body if part)
    return f"To: {to}\nSubject: {rng.choice(subjects)}\n\n{text}\n"


def generate(per_class: int = 12) -> list[Case]:
    """`per_class` drafts per class and language: a third short, a third detailed, a third (detailed)
    addressed to an official mailbox the matter does not belong to."""
    rng = random.Random(SEED)
    cases = []
    for language in ("en", "zh"):
        for klass, topic in CLASSES.items():
            others = [t for t in MAILBOX if t != topic and frozenset((t, topic)) not in OVERLAPS]
            for index in range(per_class):
                kind = index % 3
                to = MAILBOX[topic] if kind < 2 else MAILBOX[rng.choice(others)]
                short = kind == 0
                draft = _compose(rng, language, klass, not short, to)
                cases.append(Case(klass, language, topic, to, draft, short))
    return cases
