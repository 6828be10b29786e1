"""Phrase banks the benchmark generator composes drafts from (Chinese and English).

Templates hold `{slots}` that `generate.py` fills per draft: `{date}` and `{time}` move
forward through a draft's timeline, the others stay fixed within one draft. Every
sentence here is made up for the benchmark; names, numbers and addresses are fictional.
"""

from __future__ import annotations

MAILBOXES = {
    "support": "support@telegram.org",
    "security": "security@telegram.org",
    "abuse": "abuse@telegram.org",
    "press": "press@telegram.org",
    "legal": "legal@telegram.org",
}
TOPICS = tuple(MAILBOXES)

# --------------------------------------------------------------------------- shared values

DEVICES = (
    ("iPhone 15", "iOS 17.2"),
    ("iPhone 13 mini", "iOS 16.7"),
    ("iPad Air 5", "iPadOS 17.4"),
    ("Samsung Galaxy S24", "Android 14"),
    ("Xiaomi 13", "Android 14 (HyperOS 1.0)"),
    ("Redmi Note 12", "Android 13 (MIUI 14)"),
    ("Huawei Mate 40", "HarmonyOS 3.0"),
    ("OPPO Find X6", "Android 13 (ColorOS 13)"),
    ("Google Pixel 8", "Android 14"),
    ("Dell XPS 13", "Windows 11 23H2"),
    ("Lenovo ThinkPad X1", "Windows 10 22H2"),
    ("MacBook Air M2", "macOS 14.3"),
    ("Ubuntu desktop", "Ubuntu 22.04"),
)
APP_VERSIONS = ("10.5.2", "10.6.1", "10.8.0", "10.9.1", "4.14.9", "4.15.2", "10.3.2", "10.7.4")
CITIES_EN = ("Moscow", "Lagos", "Jakarta", "São Paulo", "Frankfurt", "Singapore", "Istanbul", "Hanoi")
CITIES_ZH = ("莫斯科", "拉各斯", "雅加达", "圣保罗", "法兰克福", "新加坡", "伊斯坦布尔", "河内")
ERRORS = ("FILE_REFERENCE_EXPIRED", "FLOOD_WAIT_420", "Connecting...", "PHONE_CODE_EXPIRED", "Upload failed (-1)")
MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

NAMES_ZH = (
    ("林晓雨", "lin.xiaoyu"), ("王建国", "wang.jianguo"), ("陈思远", "chen.siyuan"), ("张敏", "zhangmin88"),
    ("刘洋", "liuyang.dev"), ("赵雪", "zhao_xue"), ("黄志强", "huang.zq"), ("周明远", "zhoumy"),
    ("吴静", "wujing.cn"), ("顾衍青", "gu.yanqing"), ("何佳怡", "hejiayi"), ("孙浩然", "sun.haoran"),
)  # fmt: skip
NAMES_EN = (
    ("Emily Carter", "emily.carter"), ("James O'Neill", "jamesoneill"), ("Priya Nair", "priya.nair"),
    ("Lucas Martin", "lucas.m"), ("Sofia Rossi", "sofia.rossi"), ("Daniel Kim", "dkim.dev"),
    ("Hannah Weber", "hannah.weber"), ("Omar Haddad", "omar.haddad"), ("Grace Liu", "grace.liu"),
    ("Mateo Alvarez", "mateo.alvarez"), ("Chloe Bennett", "chloe.b"), ("Noah Fischer", "noah.fischer"),
)  # fmt: skip
MAIL_DOMAINS = ("example.com", "example.org", "mail.example.net", "outlook.example.com")

# --------------------------------------------------------------------------- Chinese

ZH = {
    "networks": ("家里 Wi-Fi", "联通 5G", "移动 4G", "公司有线网络", "电信宽带", "酒店 Wi-Fi"),
    "greetings": ("您好，", "您好，Telegram 团队：", "Telegram 团队，您好：", "尊敬的 Telegram 团队：", "你好，"),
    "closings": ("谢谢！", "谢谢。", "感谢您的帮助！", "期待您的回复，谢谢！", "辛苦了，谢谢！"),
    "account_heading": ("账户信息", "账号信息：", "一、账户信息"),
    "device_heading": ("设备信息", "设备与系统：", "二、设备信息"),
    "timeline_heading": ("问题经过", "事情经过：", "三、时间线"),
    "tried_heading": ("已尝试的方法", "我已经试过：", "四、已尝试的操作"),
    "phone_line": "手机号：{phone}",
    "username_line": "用户名：@{username}",
    "registered_line": "注册时间：大约 {reg_year} 年 {reg_month} 月",
    "device_lines": ("设备：{device}", "系统：{os}", "Telegram 版本：{app_ver}", "网络：{network}"),
    "vague_subjects": ("求助", "急！！！", "有问题", "Telegram 不好用", "请回复"),
    "password_lines": (
        "我的密码是 {password}，方便你们登录查看。",
        "原来的二步验证密码是{password}，现在登录不上了。",
        "为了方便核实，我把密码也写上：{password}",
        "登录密码：{password}",
    ),
    "token_lines": (
        "机器人的 token 是 {token}，可以直接用它测试。",
        "这是我的 bot token：{token}",
    ),
    "id_lines": (
        "我的身份证号是 {resident_id}，可以用来核实身份。",
        "为证明是本人，附上身份证号码：{resident_id}",
    ),
    "angry": (
        "你们到底管不管？！！！",
        "这是什么垃圾软件，简直气死我了！！",
        "再不处理我就去投诉你们！",
        "太离谱了，等了三天都没人理！！！",
        "我真是受够了，赶紧给我解决！！",
    ),
    "quote_header": "在 {date} {time}，Telegram Support <support@telegram.org> 写道：",
    "quoted": (
        "> 您好，",
        "> 请提供您的设备型号、系统版本和 Telegram 版本，以便我们进一步排查。",
        "> 同时请说明问题第一次出现的大致时间。",
        "> Telegram 支持团队",
    ),
    "mixed_intro": ("另外还有一件事想一起反映：", "顺便再问一个别的问题：", "还有，"),
    "log_intro": "下面是客户端日志的一部分：",
    "topics": {
        "support": {
            "tags": ("技术问题", "功能咨询", "使用咨询", "支付问题"),
            "subjects": (
                "安卓版无法发送图片，一直显示“发送中”",
                "iPhone 更新后打开即闪退",
                "桌面版频繁显示“连接中”",
                "群组通知收不到",
                "文件下载速度很慢且经常中断",
                "手机和电脑之间聊天记录不同步",
                "语音消息无法播放",
                "Premium 已扣费但未生效",
            ),
            "overviews": (
                "我在{device}上使用 Telegram 时遇到{problem}，已经持续{days}天，"
                "影响了日常工作沟通，希望技术团队帮忙排查。",
                "最近{days}天，我的 Telegram 一直{problem}，换了网络也一样，想请你们帮忙看看原因。",
                "升级到 {app_ver} 之后出现了{problem}，之前一直正常，希望能得到帮助。",
            ),
            "problems": (
                "图片发送失败",
                "打开应用就闪退",
                "消息延迟几分钟才送达",
                "群组消息没有通知",
                "大文件下载到一半中断",
                "聊天记录在电脑上不同步",
                "语音消息点开没有声音",
            ),
            "timeline": (
                "{date} {time} 左右第一次发现{problem}，当时用的是{network}。",
                "{date} 重启了手机，问题依旧。",
                "{date} 晚上清除了应用缓存，再试仍然失败，提示“{error}”。",
                "{date} 更新到最新版本 {app_ver}，情况没有改善。",
                "{date} {time} 在另一台设备上登录同一账号，同样的操作是正常的。",
                "{date} 又出现了一次，这次持续了大约 {minutes} 分钟。",
            ),
            "tried": (
                "切换 Wi-Fi / 移动数据：无效",
                "重新安装应用：无效",
                "在另一台设备上登录同一账号：正常",
                "检查存储和相册权限：都已允许",
                "关闭代理和 VPN 后再试：问题依旧",
                "退出账号重新登录：没有变化",
            ),
            "requests": (
                "想请技术团队帮忙看一下原因。如需日志或更多信息，我随时配合。",
                "希望能告知是否为已知问题，以及有没有临时的解决办法。",
                "如果需要截图或录屏，我可以马上补充。",
            ),
            "filler": (
                "这个问题在{network}下也会出现，和网络类型似乎没有关系。",
                "出现问题时应用没有弹出任何错误提示，只是一直转圈。",
                "同一个群里的其他成员没有遇到类似情况。",
                "手机剩余存储空间还有 {storage} GB，应该不是空间不足。",
                "我平时主要用 Telegram 和客户沟通，所以这个问题影响比较大。",
                "问题大多出现在晚上 {hour} 点以后，白天偶尔也会出现。",
                "我注意到发送较小的图片有时能成功，超过 {size} MB 的基本都会失败。",
                "系统设置里的后台刷新和通知权限我都检查过，全部是开启状态。",
            ),
        },
        "security": {
            "tags": ("账户安全", "账号安全", "安全问题"),
            "subjects": (
                "发现异常登录活动请求协助",
                "账号被盗，无法登录",
                "二步验证邮箱收不到验证码",
                "收到未请求的登录验证码",
                "恢复邮箱被他人修改",
            ),
            "overviews": (
                "我的账号在{date}出现了异常登录，对方设备位于{city}，我担心账号已被他人控制，希望尽快协助处理。",
                "我的 Telegram 账号从{date}起无法登录，怀疑被盗，请求安全团队协助找回。",
                "最近多次收到我没有请求过的登录验证码，担心有人在尝试登录我的账户。",
            ),
            "timeline": (
                "{date} {time} 收到登录提醒，显示新设备“{device}”在{city}登录，IP 地址 {ip}。",
                "我立即在“设置 - 设备”中终止了该会话。",
                "{date} 发现账户的二步验证邮箱被改成了陌生地址。",
                "最后一次正常使用是{date}晚上，用的是自己的{device}。",
                "{date} {time} 又收到一条验证码短信，但我没有进行任何登录操作。",
                "{date} 朋友告诉我，我的账号在给他们发借钱的消息。",
            ),
            "tried": (
                "终止所有其他会话：已完成",
                "开启二步验证：已开启",
                "检查隐私和安全设置：暂未发现被修改",
                "尝试用短信重新登录：收不到验证码",
                "联系好友提醒不要相信借钱消息：已通知",
            ),
            "requests": (
                "想请安全团队确认这次登录是否读取或导出了我的聊天记录，还需要我做哪些操作来保证账户安全。",
                "希望能协助冻结可疑会话并帮我找回账户，需要核实的信息我可以补充。",
            ),
            "filler": (
                "我没有在任何第三方网站输入过 Telegram 的验证码。",
                "事发前一天我在{city}出差，用过酒店的公共 Wi-Fi。",
                "我的恢复邮箱和手机号目前仍然可以正常使用。",
                "登录提醒里显示的设备型号我从来没有用过。",
                "账户里有几个工作群，我担心对方借我的名义发消息。",
                "我已经提醒家人和同事，暂时不要相信以我的名义发来的转账请求。",
            ),
        },
        "abuse": {
            "tags": ("滥用举报", "举报", "垃圾信息举报"),
            "subjects": (
                "恶意骚扰用户举报",
                "冒充官方的空投诈骗频道",
                "群组大量发送垃圾广告",
                "虚假招聘频道诈骗",
                "恶意机器人群发钓鱼链接",
            ),
            "overviews": (
                "我想举报用户 @{offender}，对方从{date}开始持续给我发送骚扰和威胁信息。",
                "我想举报一个冒充 Telegram 官方的诈骗频道：https://t.me/{channel}，已经有人因此受骗。",
                "群组 https://t.me/{channel} 最近被大量机器人刷屏，发送博彩和贷款广告。",
            ),
            "timeline": (
                "{date} {time} 左右，我被陌生人拉进这个频道。",
                "{date} 对方用 @{offender} 给我发了第一条威胁消息。",
                "{date} 我在应用里点了“举报”，但到现在频道还在。",
                "{date} {time} 群里在 {minutes} 分钟内出现了上百条同样的广告。",
                "{date} 有群成员说点了链接后钱包里的币被转走了。",
            ),
            "tried": (
                "在应用内举报：已提交，暂无结果",
                "拉黑对方账号：对方换了新号继续发",
                "保存聊天截图：已保存，可随时补发",
                "提醒群成员不要点击链接：已置顶提醒",
            ),
            "requests": (
                "希望尽快核实并处理该账号，避免更多人受骗。",
                "请求封禁相关频道和机器人。如需截图或聊天记录，我可以补充。",
            ),
            "filler": (
                "我和对方没有任何关系，之前也没有举报过。",
                "频道目前有 {subscribers} 名订阅者，置顶消息要求用户连接钱包领取空投。",
                "对方每次被拉黑后都会换一个新账号继续骚扰。",
                "广告里的链接指向一个仿冒的登录页面，会要求输入验证码。",
                "相关截图和消息链接我都已经保存好了。",
                "群里有不少老年用户，我担心他们会上当。",
            ),
        },
        "press": {
            "tags": ("媒体合作", "媒体采访", "商务合作", "官方认证"),
            "subjects": (
                "关于 Telegram 在东南亚用户增长的采访邀请",
                "企业版功能开通申请",
                "官方频道认证申请",
                "开发者合作洽谈",
                "品牌合作提案",
            ),
            "overviews": (
                "我是《{outlet}》的科技记者，希望就即时通讯应用的发展邀请 Telegram 相关负责人接受采访。",
                "我们是{company}，希望与 Telegram 洽谈商务合作，特此来信。",
                "我们的官方频道 https://t.me/{channel} 已有 {subscribers} 名订阅者，希望申请官方认证。",
            ),
            "timeline": (
                "专题计划在{date}发布，采访希望安排在此之前。",
                "{date} 我们已通过应用内的认证入口提交过一次申请。",
                "我们计划在{date}举办产品发布会，希望届时能有合作内容公布。",
            ),
            "tried": (
                "通过官方网站提交合作表单：暂无回复",
                "联系频道认证机器人：提示需要邮件申请",
            ),
            "requests": (
                "如蒙同意，我们会提前把问题清单和稿件发给贵方确认。",
                "期待与贵方进一步沟通，如需公司资质材料可以随时提供。",
            ),
            "filler": (
                "采访可以是书面形式，也可以是 30 分钟的视频通话。",
                "我们的读者主要是科技行业从业者和开发者。",
                "合作内容包括联合活动、开发者大赛和技术分享。",
                "我们公司在{city}设有办公室，团队规模约 {team} 人。",
                "如果贵方只方便提供书面回复，我们也完全可以配合。",
            ),
        },
        "legal": {
            "tags": ("法律事务", "版权投诉", "知识产权"),
            "subjects": (
                "频道未经授权传播我社电子书",
                "商标被仿冒的侵权投诉",
                "个人信息保护请求",
                "关于法院文书送达的咨询",
            ),
            "overviews": (
                "我是{company}的版权专员，我司依法享有相关作品的著作权，"
                "但发现频道 https://t.me/{channel} 未经授权传播。",
                "频道 https://t.me/{channel} 使用了与我司注册商标高度相似的名称和标志，误导用户。",
                "我依据个人信息保护相关法律，请求删除他人未经同意发布的我的个人信息。",
            ),
            "timeline": (
                "{date} 我们首次发现该频道上传了完整的电子书文件。",
                "{date} 我们在应用内提交了举报，但内容仍未删除。",
                "截至{date}，侵权消息已被转发超过 {subscribers} 次。",
            ),
            "tried": ("在应用内举报：未处理", "联系频道管理员：没有回应"),
            "requests": (
                "请求贵方删除上述侵权内容，并对该频道采取相应措施。如需权属证明文件，我们可以另行提供。",
                "请告知后续处理流程以及需要补充的材料。",
            ),
            "filler": (
                "本人真诚地相信上述使用未经版权人或法律授权。",
                "本通知中的信息准确无误，本人有权代表权利人提出投诉。",
                "涉及作品的版权登记证书编号可以另行提供。",
                "我们此前没有授权任何第三方在 Telegram 上发布这些内容。",
            ),
        },
    },
}

# --------------------------------------------------------------------------- English

EN = {
    "networks": ("home Wi-Fi", "mobile data (5G)", "4G LTE", "office Ethernet", "a hotel Wi-Fi", "fibre broadband"),
    "greetings": ("Hello,", "Hello Telegram team,", "Dear Telegram Support,", "Hi,", "Dear Sir or Madam,"),
    "closings": ("Thank you.", "Thanks in advance.", "Kind regards,", "Best regards,", "Many thanks for your help."),
    "account_heading": ("Account details", "Account:", "1. Account information"),
    "device_heading": ("Device details", "Device and system:", "2. Device information"),
    "timeline_heading": ("What happened", "Timeline:", "3. Timeline"),
    "tried_heading": ("What I have tried", "Steps already taken:", "4. What I tried"),
    "phone_line": "Phone number: {phone}",
    "username_line": "Username: @{username}",
    "registered_line": "Registered: around {reg_month_en} {reg_year}",
    "device_lines": ("Device: {device}", "System: {os}", "Telegram version: {app_ver}", "Network: {network}"),
    "vague_subjects": ("Help", "URGENT!!!", "problem", "Telegram not working", "Please reply"),
    "password_lines": (
        "My password is {password} in case you need to log in and check.",
        "The old two-step verification password was {password} and it no longer works.",
        "To make it easier to verify, here is my password: {password}",
        "Password: {password}",
    ),
    "token_lines": (
        "The bot token is {token} if you want to test it directly.",
        "Here is my bot token: {token}",
    ),
    "id_lines": (
        "My card number is {card} so you can verify the payment.",
        "For verification, the card I was charged on is {card}.",
    ),
    "angry": (
        "This is absolutely RIDICULOUS!!!",
        "Your support is useless and I am sick of waiting!!",
        "FIX THIS NOW or I will tell everyone to quit Telegram!",
        "WTF is wrong with your app???",
        "I have had it with this garbage!!",
    ),
    "quote_header": "On {date} at {time}, Telegram Support <support@telegram.org> wrote:",
    "quoted": (
        "> Hello,",
        "> Please tell us your device model, system version and Telegram version so we can look into this.",
        "> Also let us know roughly when the problem first appeared.",
        "> The Telegram Support team",
    ),
    "mixed_intro": ("Also, while I am writing:", "One more, unrelated thing:", "By the way,"),
    "log_intro": "Here is part of the client log:",
    "topics": {
        "support": {
            "tags": ("Technical Issue", "Bug Report", "Feature Inquiry", "Payment Issue"),
            "subjects": (
                "Photos stuck on 'sending' on Android",
                "App crashes on launch after the iOS update",
                "Desktop keeps showing 'Connecting...'",
                "No notifications from group chats",
                "Large file downloads stop halfway",
                "Chats do not sync between phone and desktop",
                "Voice messages play without sound",
                "Premium charged but not activated",
            ),
            "overviews": (
                "Since {date} I have had a problem with Telegram on my {device}: {problem}. "
                "It affects my daily work and I would appreciate your help.",
                "For the last {days} days Telegram has kept failing for me ({problem}), on every network I tried.",
                "After updating to {app_ver}, {problem}; it worked fine before the update.",
            ),
            "problems": (
                "photos never finish sending",
                "the app closes as soon as it opens",
                "messages arrive several minutes late",
                "group messages come without any notification",
                "large downloads stop halfway",
                "chats on the desktop are out of date",
                "voice messages play without sound",
            ),
            "timeline": (
                "On {date} at about {time} I first noticed that {problem}, while on {network}.",
                "On {date} I restarted the phone; nothing changed.",
                'On {date} I cleared the app cache and tried again; it failed with "{error}".',
                "On {date} I updated to the latest version, {app_ver}, with no improvement.",
                "On {date} at {time} I logged in on another device and the same action worked there.",
                "On {date} it happened again and lasted about {minutes} minutes.",
            ),
            "tried": (
                "Switching between Wi-Fi and mobile data: no change",
                "Reinstalling the app: no change",
                "The same account on another device: works",
                "Checking storage and photo permissions: all allowed",
                "Turning off the proxy and VPN: still fails",
                "Logging out and back in: no change",
            ),
            "requests": (
                "Could you please look into the cause? I am happy to send logs or anything else you need.",
                "Please let me know whether this is a known issue and if there is a workaround.",
                "If screenshots or a screen recording would help, I can send them right away.",
            ),
            "filler": (
                "The problem also happens on {network}, so it does not seem to depend on the network.",
                "There is no error message when it happens; the spinner just keeps turning.",
                "Other members of the same group do not see anything similar.",
                "The phone still has {storage} GB of free storage, so space is not the issue.",
                "I mainly use Telegram to talk to clients, so this affects my work quite a lot.",
                "It mostly happens after {hour} in the evening, occasionally during the day too.",
                "Smaller pictures sometimes go through, but anything over {size} MB fails every time.",
                "Background refresh and notification permissions are both enabled in the system settings.",
            ),
        },
        "security": {
            "tags": ("Account Security", "Security Issue", "Security"),
            "subjects": (
                "Unusual login activity on my account",
                "Account stolen, cannot log in",
                "Two-step verification e-mail never arrives",
                "Login codes I did not request",
                "Recovery e-mail changed without my consent",
            ),
            "overviews": (
                "On {date} someone logged in to my account from {city}; I am worried they still have access and "
                "would like your help to secure it.",
                "Since {date} I cannot log in to my Telegram account and I believe it was stolen.",
                "I keep receiving login codes I never asked for and I am worried someone is trying to get in.",
            ),
            "timeline": (
                'On {date} at {time} I got a login alert for a new device, "{device}", in {city}, IP {ip}.',
                "I immediately terminated that session under Settings > Devices.",
                "On {date} I noticed the two-step verification e-mail had been changed to an address I do not know.",
                "The last time everything was normal was the evening of {date}, on my own {device}.",
                "On {date} at {time} another login code arrived although I was not logging in anywhere.",
                "On {date} friends told me my account was sending them requests for money.",
            ),
            "tried": (
                "Terminating all other sessions: done",
                "Turning on two-step verification: done",
                "Checking privacy and security settings: nothing changed that I can see",
                "Logging in again by SMS: the code never arrives",
                "Warning my contacts about the money requests: done",
            ),
            "requests": (
                "Could you confirm whether that session read or exported my chats, and tell me what else I "
                "should do to keep the account safe?",
                "Please help me freeze the suspicious sessions and recover the account; I can provide anything "
                "you need to verify me.",
            ),
            "filler": (
                "I have never entered a Telegram login code on any third-party website.",
                "The day before, I was travelling in {city} and used the hotel's public Wi-Fi.",
                "My recovery e-mail and phone number still work.",
                "I have never owned the device model shown in the login alert.",
                "The account is in several work groups and I am worried they will use my name.",
                "I have asked my family and colleagues to ignore any money requests sent in my name.",
            ),
        },
        "abuse": {
            "tags": ("Abuse Report", "Spam Report", "Report Abuse"),
            "subjects": (
                "Harassment by a user",
                "Scam channel impersonating Telegram",
                "Group flooded with spam ads",
                "Fake job offer channel",
                "Malicious bot sending phishing links",
            ),
            "overviews": (
                "I would like to report the user @{offender}, who has been sending me harassing and threatening "
                "messages since {date}.",
                "I want to report a scam channel impersonating Telegram, https://t.me/{channel}; people have "
                "already lost money to it.",
                "The group https://t.me/{channel} has been flooded by bots posting gambling and loan adverts.",
            ),
            "timeline": (
                "On {date} at about {time} a stranger added me to the channel.",
                "On {date} @{offender} sent me the first threatening message.",
                "On {date} I used the in-app Report button, but the channel is still up.",
                "On {date} at {time} more than a hundred identical adverts appeared within {minutes} minutes.",
                "On {date} a group member said the link emptied their crypto wallet.",
            ),
            "tried": (
                "Reporting in the app: submitted, no result yet",
                "Blocking the account: they came back with a new one",
                "Saving screenshots of the chat: saved, available on request",
                "Warning the group not to click the link: pinned a warning",
            ),
            "requests": (
                "Please review and act on this account quickly before more people are deceived.",
                "I ask you to ban the channel and the bots. I can send screenshots and message links if needed.",
            ),
            "filler": (
                "I have no relationship with this person and have not reported them before.",
                "The channel has {subscribers} subscribers and its pinned post asks people to connect a wallet.",
                "Every time I block the account, they create a new one and continue.",
                "The link in the adverts leads to a fake login page that asks for the login code.",
                "I have kept screenshots and links to the messages.",
                "Many of the group members are elderly and I am worried they will fall for it.",
            ),
        },
        "press": {
            "tags": ("Press Inquiry", "Media Inquiry", "Partnership", "Verification Request"),
            "subjects": (
                "Interview request about Telegram's growth in Southeast Asia",
                "Enterprise features inquiry",
                "Verification request for our official channel",
                "Developer partnership proposal",
                "Brand partnership proposal",
            ),
            "overviews": (
                "I am a technology reporter at {outlet} and would like to invite someone from Telegram for an "
                "interview about the growth of messaging apps.",
                "We are {company} and would like to discuss a business partnership with Telegram.",
                "Our official channel https://t.me/{channel} has {subscribers} subscribers and we would like to "
                "apply for verification.",
            ),
            "timeline": (
                "The feature is planned to run on {date}, so we hope to schedule the interview before then.",
                "On {date} we submitted a verification request through the in-app form.",
                "We are planning a product launch on {date} and hope to announce the partnership there.",
            ),
            "tried": (
                "Partnership form on the website: no reply yet",
                "Verification bot: it asked us to apply by e-mail",
            ),
            "requests": (
                "If you agree, we will send the questions and the draft article for your review in advance.",
                "We look forward to hearing from you and can provide company documents at any time.",
            ),
            "filler": (
                "The interview can be written or a 30-minute video call, whichever suits you.",
                "Our readers are mostly people working in technology and software development.",
                "The partnership could include joint events, a developer contest and technical talks.",
                "We have an office in {city} and a team of about {team} people.",
                "If only written answers are possible, that works for us as well.",
            ),
        },
        "legal": {
            "tags": ("Legal Matter", "Copyright Complaint", "DMCA Notice"),
            "subjects": (
                "Channel distributing our e-books without permission",
                "Trademark infringement by an impersonating channel",
                "Personal data removal request",
                "Question about serving court documents",
            ),
            "overviews": (
                "I am the rights manager at {company}. We hold the copyright in the works listed below, and the "
                "channel https://t.me/{channel} distributes them without authorisation.",
                "The channel https://t.me/{channel} uses a name and logo confusingly similar to our registered "
                "trademark and misleads users.",
                "Under applicable data-protection law, I request the removal of my personal data published "
                "without my consent.",
            ),
            "timeline": (
                "On {date} we first found complete e-book files uploaded to the channel.",
                "On {date} we reported the channel in the app, but the content is still available.",
                "As of {date}, the infringing posts have been forwarded more than {subscribers} times.",
            ),
            "tried": ("Reporting in the app: not handled", "Contacting the channel admin: no response"),
            "requests": (
                "We ask you to remove the infringing content and take appropriate action against the channel. "
                "Proof of ownership can be provided separately.",
                "Please let us know the procedure and which documents you need from us.",
            ),
            "filler": (
                "I have a good faith belief that the use described above is not authorised by the rights holder.",
                "The information in this notice is accurate and I am authorised to act on behalf of the owner.",
                "The registration numbers of the works can be provided separately.",
                "We have never authorised any third party to publish this content on Telegram.",
            ),
        },
    },
}

LOG_LINES = (
    "[{date_iso} {time}:{second}] MTP Info: connecting to DC{dc} ...",
    "[{date_iso} {time}:{second}] MTP Error: connection timeout, retrying in {minutes} s",
    "[{date_iso} {time}:{second}] Upload Error: FILE_PART_{minutes}_MISSING",
    "[{date_iso} {time}:{second}] Api Info: updates.getDifference returned {subscribers} updates",
)

OUTLETS = {
    "zh": ("数字前沿周刊", "科技观察报", "新媒体评论", "亚太商业日报"),
    "en": ("Digital Frontier Weekly", "The Tech Observer", "Asia Business Daily", "Open Networks Review"),
}
COMPANIES = {
    "zh": ("杭州青岚文化传媒有限公司", "深圳云帆科技有限公司", "北京星河出版社", "上海蓝鲸数据有限公司"),
    "en": ("Bluewhale Data Ltd", "Northwind Publishing", "Harbor Books GmbH", "Kite Labs Inc."),
}
SLUG_WORDS = (
    "free",
    "ebooks",
    "airdrop",
    "official",
    "crypto",
    "news",
    "deals",
    "hub",
    "gift",
    "vip",
    "cn",
    "global",
    "daily",
    "bot",
)

# Evidence lines a long draft keeps adding once its filler runs out: (heading, item templates).
EVIDENCE = {
    "zh": {
        "support": (
            "客户端日志（节选）：",
            (
                "[{date_iso} {time}:{second}] MTP Info: connecting to DC{dc} ...",
                "[{date_iso} {time}:{second}] MTP Error: connection timeout, retrying in {minutes} s",
                "{date} {time} 再次失败，提示“{error}”，持续约 {minutes} 分钟。",
            ),
        ),
        "security": (
            "“设备”页面里的会话记录：",
            ("{device}，{city}，IP {ip}，最后活跃 {date} {time}", "{date} {time} 收到验证码短信，来源不明"),
        ),
        "abuse": (
            "对方发来的消息（原文照录）：",
            (
                "{date} {time}：“你等着，我知道你住哪里。”",
                "{date} {time}：“点这个链接领取 500 USDT：https://t.me/{channel}”",
                "{date} {time}：频道 @{offender} 又转发了同样的广告",
            ),
        ),
        "press": (
            "采访提纲：",
            (
                "{date}之前能否提供 Telegram 在{city}的用户规模数据？",
                "频道和小程序生态对当地创作者有哪些影响？",
                "团队如何看待{city}市场未来 {days} 年的发展？",
            ),
        ),
        "legal": (
            "侵权消息链接：",
            ("https://t.me/{channel}/{minutes}{second}（{date}发布）", "《山海之间》第 {days} 卷完整 PDF，{date} 上传"),
        ),
    },
    "en": {
        "support": (
            "Client log (excerpt):",
            (
                "[{date_iso} {time}:{second}] MTP Info: connecting to DC{dc} ...",
                "[{date_iso} {time}:{second}] MTP Error: connection timeout, retrying in {minutes} s",
                'On {date} at {time} it failed again with "{error}" for about {minutes} minutes.',
            ),
        ),
        "security": (
            "Sessions listed under Devices:",
            (
                "{device}, {city}, IP {ip}, last active {date} at {time}",
                "A login code arrived on {date} at {time} that I did not request",
            ),
        ),
        "abuse": (
            "Messages they sent (verbatim):",
            (
                '{date} {time}: "You will regret this, I know where you live."',
                '{date} {time}: "Claim your 500 USDT here: https://t.me/{channel}"',
                "{date} {time}: @{offender} forwarded the same advert again",
            ),
        ),
        "press": (
            "Proposed questions:",
            (
                "Could you share user numbers for {city} before {date}?",
                "How do channels and mini apps affect local creators?",
                "How does the team see the {city} market over the next {days} years?",
            ),
        ),
        "legal": (
            "Links to the infringing posts:",
            (
                "https://t.me/{channel}/{minutes}{second} (posted {date})",
                "Complete PDF of volume {days} of our title, uploaded {date}",
            ),
        ),
    },
}

# Background sentences any draft may carry, whatever its mailbox.
GENERIC_FILLER = {
    "zh": (
        "我从 {reg_year} 年开始使用 Telegram，之前从来没有遇到过这种情况。",
        "我平时同时在{device}和电脑上使用 Telegram。",
        "为了说明情况，我把经过尽量按时间顺序写在下面。",
        "如果需要我配合做任何测试，请直接告诉我具体步骤。",
        "我也在官方常见问题里查过，没有找到对应的说明。",
        "社区群里也有人提到过类似的情况，但没有找到解决办法。",
        "以上时间均为北京时间。",
        "这封邮件是从我注册时使用的邮箱发出的。",
    ),
    "en": (
        "I have used Telegram since {reg_year} and have never run into anything like this before.",
        "I use Telegram on my {device} and on a laptop, usually both every day.",
        "To make this easier to follow, I have written the events in the order they happened.",
        "If you need me to run any test, please tell me the exact steps and I will do it.",
        "I checked the FAQ in the app first but could not find anything that matches this.",
        "A few people in community groups mention something similar, without a solution.",
        "All times above are in my local time zone (UTC{utc}).",
        "I am writing from the e-mail address I normally use for my accounts.",
        "Please let me know if anything in this message is unclear or if a detail is missing.",
        "I understand you receive many messages, so I have tried to keep the important facts together.",
    ),
}
