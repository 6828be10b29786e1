"""The text model: tokens, sentences, clauses, negation, questions and quotes in both languages."""

from __future__ import annotations

import random
import re

import pytest

from tglint.draft import ReadError
from tglint.packs import load_packs
from tglint.quoting import find_regions
from tglint.text import CueKind, Cues, TextModel, TokenKind
from tglint.text.scripts import VALUE_END, VALUE_START

CUES = Cues.from_packs(load_packs())


def model(text: str) -> TextModel:
    return TextModel(text, find_regions(text), CUES)


def sentences(text: str) -> list[str]:
    m = model(text)
    return [text[s.start : s.end] for s in m.sentences]


def clauses(text: str) -> list[str]:
    m = model(text)
    return [text[c.start : c.end] for c in m.clauses]


# -- tokens and value boundaries ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("身份证号是510723199001011234。", "510723199001011234"),
        ("手机号13812345678，谢谢", "13812345678"),
        ("护照号码E12345678", "E12345678"),
        ("my code is 48213.", "48213"),
    ],
)
def test_a_value_glued_to_chinese_is_a_token_of_its_own(text: str, value: str) -> None:
    m = model(text)
    start = text.index(value)
    token = m.token_at(start)
    assert token is not None and token.kind is TokenKind.WORD
    assert text[token.start : token.end] == value


def test_value_boundaries_let_a_value_touch_chinese_but_not_letters_or_digits() -> None:
    pattern = re.compile(f"{VALUE_START}\\d{{6}}{VALUE_END}")
    assert pattern.search("验证码是123456，请查收")
    assert pattern.search("code: 123456")
    assert not pattern.search("AB123456")
    assert not pattern.search("1234567")
    # `\b` would miss the first one: this is the difference the fragments make.
    assert not re.search(r"\b\d{6}\b", "验证码是123456，请查收")


def test_tokens_cover_the_text_without_gaps() -> None:
    text = "Telegram 10.2 在 iPhone15 上闪退!!! 🙁\n> quoted"
    m = model(text)
    assert "".join(text[t.start : t.end] for t in m.tokens) == text
    assert [text[t.start : t.end] for t in m.tokens_in(9, 20) if t.kind is not TokenKind.SPACE] == [
        "10",
        ".",
        "2",
        "在",
        "iPhone15",
    ]


# -- sentences and clauses ------------------------------------------------------------------------


def test_sentences_end_at_marks_of_both_languages() -> None:
    assert sentences("It crashes. Please help! 我的账号被盗了。能恢复吗？好的") == [
        "It crashes.",
        "Please help!",
        "我的账号被盗了。",
        "能恢复吗？",
        "好的",
    ]


def test_a_full_stop_inside_a_version_an_address_or_after_an_abbreviation_ends_nothing() -> None:
    assert sentences("Telegram 10.2 on support@telegram.org, e.g. on my phone. Done.") == [
        "Telegram 10.2 on support@telegram.org, e.g. on my phone.",
        "Done.",
    ]


def test_a_line_break_ends_a_sentence_unless_the_line_was_hard_wrapped() -> None:
    listed = "Phone: +44 7583 220914\nUsername: @ellie\nDevice: iPhone 15"
    assert sentences(listed) == ["Phone: +44 7583 220914", "Username: @ellie", "Device: iPhone 15"]
    wrapped = "When I open the app on my phone it shows a spinner for a long time\nand then it closes."
    assert sentences(wrapped) == [wrapped]


def test_quoted_lines_and_signatures_are_sentences_of_their_own_and_marked() -> None:
    text = "Still broken\nOn Mon, 3 Jun 2024, Support <support@telegram.org> wrote:\n> Please update.\n"
    m = model(text)
    found = [(text[s.start : s.end], s.quoted) for s in m.sentences]
    assert found[0] == ("Still broken", False)
    assert ("> Please update.", True) in found
    assert all(s.own for s in m.sentences[:1]) and not any(s.own for s in m.sentences[1:])


def test_clauses_cut_at_commas_colons_and_conjunctions_but_not_inside_numbers_or_times() -> None:
    assert clauses("It did not crash, but it freezes at 10:25 with 1,000 messages.") == [
        "It did not crash,",
        "but it freezes at 10:25 with 1,000 messages.",
    ]
    assert clauses("没有闪退，但是一直卡住") == ["没有闪退，", "但是一直卡住"]
    assert clauses("Password: hunter2") == ["Password:", "hunter2"]


def test_questions_in_both_languages() -> None:
    m = model("Can you restore it? 账号能恢复吗。为什么一直闪退\nWhat I tried: reinstalling.")
    flags = [(m.text[s.start : s.end], s.question) for s in m.sentences]
    assert flags == [
        ("Can you restore it?", True),
        ("账号能恢复吗。", True),
        ("为什么一直闪退", True),
        ("What I tried: reinstalling.", False),
    ]


# -- negation ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "word", "negated"),
    [
        ("My account was not hacked.", "hacked", True),
        ("我的账号没有被盗。", "被盗", True),
        ("我的账号并没有被人盗用", "盗用", True),
        ("It was hacked, not frozen.", "hacked", False),
        ("I have no idea why it crashes.", "crashes", False),  # "no idea" denies nothing
        ("不知道为什么闪退", "闪退", False),
        ("It did not crash, but it freezes.", "freezes", False),  # a new clause
        ("没有闪退，但是卡住了", "卡住", False),
        ("I cannot log in.", "log in", False),  # inability is a symptom, not a denial
        ("无法登录", "登录", False),
        # The reach counts from where the cue begins: the code was received, only not requested.
        ("收到我没有请求过的登录验证码", "登录", False),
        ("有别人登录了我的账号", "登录", False),  # 别人 is "someone else", not 别 "don't"
        ("提醒好友不要相信借钱消息", "借钱", False),  # a prohibition: the messages exist
        ("请勿点击诈骗链接", "诈骗", False),
        ("会不会被盗了", "被盗", False),  # a question, as 是不是
    ],
)
def test_denial(text: str, word: str, negated: bool) -> None:
    assert model(text).negated(text.index(word)) is negated


def test_a_negation_reaches_only_so_far_before_the_word() -> None:
    # Three characters may stand between the cue and a Chinese word (common/text.toml): "并没有" reaches
    # over "被任何" to 人, not to 盗用.
    text = "我的账号并没有被任何人盗用"
    m = model(text)
    assert m.negated(text.index("被任何")) and m.negated(text.index("人盗"))
    assert not m.negated(text.index("盗用"))
    assert not m.negated(text.index("人盗"), reach=2)
    latin = "I did not, as far as I can tell from the logs and all the other things, get hacked"
    assert not model(latin).negated(latin.index("hacked"))


@pytest.mark.parametrize(
    ("text", "word", "withheld"),
    [
        ("I cannot give you my password.", "password", True),
        ("我不能提供密码", "密码", True),
        ("I never shared my code.", "code", True),
        ("Here is my password: x", "password", False),
        ("密码没有记错，就是这个", "就是", False),  # a confirmation, not a denial
        ("不要把验证码告诉别人", "验证码", True),  # a prohibition withholds
    ],
)
def test_withheld(text: str, word: str, withheld: bool) -> None:
    assert model(text).withheld(text.index(word)) is withheld


def test_a_confirming_phrase_is_seen_as_one() -> None:
    text = "密码没有记错，就是它"
    m = model(text)
    assert m.confirmed_before(text.index("，"))
    cue = m.negation_before(text.index("，"), kinds=frozenset({CueKind.CONFIRMING}))
    assert cue is not None and text[cue.start : cue.end] == "没有记错"


def test_inline_quotations_are_evidence() -> None:
    text = 'The app says "Password incorrect" every time. 提示「验证码错误」'
    m = model(text)
    assert m.in_quotation(text.index("incorrect"))
    assert m.in_quotation(text.index("错误"))
    assert not m.in_quotation(text.index("every"))


def test_the_writer_text_blanks_quotes_and_keeps_offsets() -> None:
    text = "Mine.\nOn Mon, X wrote:\n> theirs\n"
    m = model(text)
    assert len(m.writer_text) == len(text)
    assert "theirs" not in m.writer_text and m.writer_text.startswith("Mine.")


def test_a_bang_or_question_mark_inside_a_token_ends_no_sentence() -> None:
    assert sentences("The password I set — Granite!42x — is rejected! 为什么？Help!") == [
        "The password I set — Granite!42x — is rejected!",
        "为什么？",
        "Help!",
    ]


def test_confirmations_in_a_stretch_are_listed_in_order() -> None:
    text = "密码没有记错，就是这个；I didn't forget it, I never changed it."
    m = model(text)
    found = [text[c.start : c.end] for c in m.confirmations_in(0, len(text))]
    assert found == ["没有记错", "didn't forget", "never changed"]
    assert [text[c.start : c.end] for c in m.confirmations_in(7, len(text))] == ["didn't forget", "never changed"]


# -- paragraphs, sentence ends, words between a denial and a word -------------------------------


def test_paragraphs_end_at_blank_lines_and_at_quoted_text() -> None:
    text = "First line\nsecond line.\n \t\nNext one.\n\u3000\nLast.\nOn Mon, X wrote:\n> theirs\n"
    m = model(text)
    found = [(text[p.start : p.end], p.own) for p in m.paragraphs]
    assert found[:3] == [("First line\nsecond line.", True), ("Next one.", True), ("Last.", True)]
    assert all(not own for _, own in found[3:])
    assert m.paragraph_at(text.index("second")) == m.paragraphs[0]
    assert m.paragraph_at(text.index("\n \t\n") + 2) is None


def test_the_words_of_a_sentence_end_before_its_marks() -> None:
    text = "It crashes!!! 见附件。 I use Telegram (v10)\nHe said “go away.” Fine"
    m = model(text)
    assert [text[s.start : m.words_end(s)] for s in m.sentences] == [
        "It crashes",
        "见附件",
        "I use Telegram (v10)",
        "He said “go away",
        "Fine",
    ]


def test_sentences_in_a_span() -> None:
    text = "One. Two. Three. Four."
    m = model(text)
    assert [text[s.start : s.end] for s in m.sentences_in(text.index("Two"), text.index("Four"))] == [
        "Two.",
        "Three.",
    ]


def test_a_denial_reaches_only_so_many_words_when_asked() -> None:
    text = "If you don't ban him today I will report it. This is not a scam company."
    m = model(text)
    assert m.negated(text.index("report"))  # within the reach in characters
    assert not m.negated(text.index("report"), words=2)
    assert m.negated(text.index("scam"), words=2)
    assert model("我不是说你们是骗子").negated(len("我不是说你们是"), words=2)  # a run of Han is one word


@pytest.mark.parametrize(
    ("text", "word", "negated"),
    [
        ("这个更新特别差劲", "差劲", False),  # 别 inside 特别
        ("别人盗了我的账号", "盗", False),
        ("未来三天都能登录", "登录", False),
        ("我不想提供密码", "提供", True),
        ("I wouldn't call it hacked", "hacked", True),
        ("I won't hesitate to report it", "report", False),
        ("I had no choice but to reset it", "reset", False),
    ],
)
def test_ordinary_words_holding_a_denial_and_phrases_that_assert(text: str, word: str, negated: bool) -> None:
    assert model(text).negated(text.index(word)) is negated


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("It says 'ACCESS DENIED' on start", "ACCESS DENIED"),
        ("He wrote “pay now\nor else” to me", "pay now\nor else"),
        ("The channel 《免费课程》 posts ads", "免费课程"),
        ("‘it’s gone’ he said", "it’s gone"),
    ],
)
def test_quotations_of_both_languages(text: str, quoted: str) -> None:
    m = model(text)
    assert [text[start:end] for start, end in m.quotations] == [quoted]


def test_an_apostrophe_or_a_blank_line_opens_no_quotation() -> None:
    assert model("I can't log in and don't know why").quotations == ()
    assert model("He wrote “pay now\n\nor else” to me").quotations == ()


def test_a_quotation_never_reaches_into_quoted_text() -> None:
    text = "He wrote “pay now\nOn Mon, X wrote:\n> or else” ok\n"
    m = model(text)
    assert m.regions and m.quotations == ()


def test_a_label_colon_before_a_number_ends_a_clause_but_a_time_does_not() -> None:
    assert clauses("附上身份证号码：110105199001011234，谢谢") == ["附上身份证号码：", "110105199001011234，", "谢谢"]
    assert clauses("PIN:4821, at 10:25 with 1,000 messages") == ["PIN:", "4821,", "at 10:25 with 1,000 messages"]


def _plain_sentence_ends(m: TextModel) -> list[int]:
    """Sentence ends the plain way: every mark, then a look at what stands before a full stop and
    around a line break (the model looks for hard-wrapped lines and abbreviations apart)."""
    text, ends = m.text, []
    for match in re.finditer(r"[。！？!?；;…]+[”’」』）)\"']*|\.(?=[\s\"”’)）]|$)[”’\"')）]*|\n", text):
        if match.group() == "\n":
            line = text[text.rfind("\n", 0, match.start()) + 1 : match.start()]
            continues = re.match(r"[ \t]*[a-z](?![.)])", text[match.end() :]) is not None
            if len(line) >= 60 and not line.endswith((":", "：")) and continues:
                continue
        elif match.group()[0] == ".":
            word = re.search(r"([A-Za-z][A-Za-z.]*)$", text[max(0, match.start() - 12) : match.start()])
            if word and CUES.is_abbreviation(word.group(1).lower()):
                continue
        elif match.group()[-1] in "!?" and re.match(r"[A-Za-z0-9]", text[match.end() : match.end() + 1]):
            continue  # inside a token ("Granite!42x")
        ends.append(match.end())
    return sorted({*ends, len(text), *(edge for r in m.regions for edge in (r.start, r.end))})


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_sentence_ends_are_those_of_the_plain_way(seed: int) -> None:
    rng = random.Random(seed)
    pieces = [
        "e.g.",
        "E.G.",
        "i.e.",
        "etc.",
        "etc..",
        "No.",
        "x.i.e.",
        "..e.g.",
        "p.s.",
        "P.S.",
        "vs.",
        "Mr.",
        "word.",
        "crashes.",
        "10.2.",
        "a.",
        "b)",
        " ",
        "  ",
        "\n",
        "\n\n",
        ":\n",
        "：\n",
        "\t",
        "It",
        "and",
        "then",
        "ok",
        "。",
        "！",
        "?!",
        "…",
        "”",
        '"',
        ")",
        "）",
        "x" * 30,
        "a long line of words that goes on " * 2,
        "好的",
    ]
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        m = model(text)
        assert m._sentence_ends == _plain_sentence_ends(m), text


def test_each_part_has_one_text_model_per_draft() -> None:
    from tglint.analysis import Analysis
    from tglint.config import Settings
    from tglint.reading import read_bytes

    draft = read_bytes("Subject: 收不到验证码\n\nHi, my app crashes. 不是我的问题\n".encode(), "x.txt")[0]
    assert not isinstance(draft, ReadError)
    analysis = Analysis(draft, Settings(), load_packs())
    body, subject, missing = (analysis.text_model(part) for part in ("body", "subject", "cc"))
    assert body.text == draft.body.text and body.regions == draft.body.regions
    assert subject.text == "收不到验证码" and missing.text == ""
    assert all(
        analysis.text_model(part) is model for part, model in [("body", body), ("subject", subject), ("cc", missing)]
    )
    assert analysis.subject_text == "收不到验证码"


def test_segments_are_the_stripped_pieces_between_their_ends() -> None:
    from tglint.draft import Region, RegionKind

    rng = random.Random(12)
    pieces = ["a", "我", ".", "。", "?", " ", "\n", "\u3000", "\x0b", "\x1c", "\u2028", "\t", "x y", "吗"]
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        cut = rng.randint(0, len(text))
        model = TextModel(text, (Region(RegionKind.QUOTED, cut, len(text)),) if rng.random() < 0.3 else ())
        ends = sorted({rng.randint(0, len(text)) for _ in range(4)} | {len(text)})
        plain = []
        start = 0
        for end in ends:
            piece = text[start:end]
            start = end
            if piece.strip():
                begin = end - len(piece.lstrip())
                quoted = any(r.start <= begin < r.end for r in model.regions)
                plain.append((begin, begin + len(piece.strip()), quoted))
        assert [(s.start, s.end, s.quoted) for s in model._segments(ends, questions=False)] == plain, text
