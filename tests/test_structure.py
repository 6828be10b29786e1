"""A focused structure (TG1121-TG1124): paragraphs and lists, the problem first, a request, a greeting."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from lintkit import lint

from tglint.analysis import Analysis
from tglint.recognizers import Span
from tglint.recognizers.malfunctions import Malfunctions

SUPPORT = "To: support@telegram.org\nSubject: [Technical Issue] - Photos fail to send\n\n"
SUPPORT_ZH = "To: support@telegram.org\nSubject: [技术问题] - 图片发送失败\n\n"
PRESS = "To: press@telegram.org\nSubject: [Press Inquiry] - Interview request\n\n"


def _codes(text: str, *codes: str) -> list[str]:
    return [f.rule for f in lint(text, select=codes or ("structure",)).findings]


def _sentences(n: int, zh: bool = False) -> str:
    one = "图片发不出去，文字正常，换了网络也一样。" if zh else "Photos fail to send in every chat while text is fine. "
    return one * n


# -- TG1121 wall-of-text -------------------------------------------------------------------------------


@pytest.mark.parametrize(("body", "zh"), [(_sentences(16), False), (_sentences(9, zh=True), True)])
def test_a_long_paragraph_without_a_list_is_a_wall(body: str, zh: bool) -> None:
    draft = (SUPPORT_ZH if zh else SUPPORT) + ("您好，\n\n" if zh else "Hello,\n\n") + body + "\n"
    result = lint(draft, select=("TG1121",))
    (finding,) = result.findings
    assert finding.severity.value == "info" and finding.line == 6


@pytest.mark.parametrize(
    "body",
    [
        _sentences(6),  # about 60 words: not long
        _sentences(7, zh=True),  # 133 characters
        "Details:\n" + "\n".join(f"- {_sentences(2)}" for _ in range(8)),  # long, but a list
        "详细情况：\n" + "\n".join(f"{i}. {_sentences(2, zh=True)}" for i in range(1, 9)),
        "\n\n".join(_sentences(5) for _ in range(4)),  # long, but in paragraphs
    ],
)
def test_paragraphs_or_lists_are_no_wall(body: str) -> None:
    assert _codes(SUPPORT + "Hello,\n\n" + body + "\n", "TG1121") == []


def test_a_long_quoted_reply_is_not_the_writers_wall() -> None:
    quoted = "> " + _sentences(20) + "\n"
    assert _codes(SUPPORT + "Hello,\n\nPhotos still fail. Could you help?\n\n" + quoted, "TG1121") == []


# -- TG1122 overview-not-first ------------------------------------------------------------------------


BACKGROUND = "I have used Telegram for many years with my family, and I like it a lot."
BACKGROUND_ZH = "我用Telegram很多年了，平时和家人朋友都用它联系，一直很喜欢。"


@pytest.mark.parametrize(
    "draft",
    [
        SUPPORT + f"Hello,\n\n{BACKGROUND}\n\nSince March 3 photos fail to send.\n\nGalaxy S24. Could you help?\n",
        SUPPORT_ZH + f"您好，\n\n{BACKGROUND_ZH}\n\n从3月3日起图片发送失败。\n\n小米13。请帮忙看看。\n",
    ],
)
def test_background_before_the_problem_is_noted(draft: str) -> None:
    assert _codes(draft, "TG1122") == ["TG1122"]


@pytest.mark.parametrize(
    "draft",
    [
        SUPPORT + f"Hello,\n\nSince March 3 photos fail to send.\n\n{BACKGROUND}\n\nGalaxy S24. Could you help?\n",
        SUPPORT_ZH + f"您好，\n\n从3月3日起图片发送失败。\n\n{BACKGROUND_ZH}\n\n小米13。请帮忙看看。\n",
        # Two paragraphs: a short mail is its own overview.
        SUPPORT + f"Hello,\n\n{BACKGROUND}\n\nSince March 3 photos fail to send. Could you help?\n",
        # A press request opens by saying who asks.
        PRESS + "Hello,\n\nI am a reporter at Daily Tech.\n\nWe would like an interview.\n\nThank you.\n",
        # A reply: the problem was stated in the first mail.
        "To: support@telegram.org\nSubject: Re: [Technical Issue] - Photos fail to send\n\n"
        f"Hello,\n\nThank you for your answer.\n\n{BACKGROUND}\n\nPhotos still fail to send.\n",
    ],
)
def test_the_problem_first_or_no_overview_needed_passes(draft: str) -> None:
    assert _codes(draft, "TG1122") == []


# -- TG1123 missing-request ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "draft",
    [
        SUPPORT + "Hello,\n\nSince March 3 photos fail to send. Galaxy S24, Android 14.\n",
        SUPPORT_ZH + "您好，\n\n从3月3日起图片发送失败。小米13，Android 14。\n",
    ],
)
def test_no_request_is_noted(draft: str) -> None:
    assert _codes(draft, "TG1123") == ["TG1123"]


@pytest.mark.parametrize(
    "draft",
    [
        SUPPORT + "Hello,\n\nSince March 3 photos fail to send. Could you help?\n",
        SUPPORT + "Hello,\n\nSince March 3 photos fail to send. What causes this?\n",
        SUPPORT + "Hello,\n\nSince March 3 photos fail to send. I would like to know the cause.\n",
        SUPPORT_ZH + "您好，\n\n从3月3日起图片发送失败，希望能协助分析原因。\n",
        SUPPORT_ZH + "您好，\n\n从3月3日起图片发送失败，这是什么原因？\n",
        SUPPORT_ZH + "您好，\n\n从3月3日起图片发送失败，麻烦看一下。\n",
    ],
)
def test_a_request_or_a_question_passes(draft: str) -> None:
    assert _codes(draft, "TG1123") == []


def test_a_question_in_the_quoted_reply_is_not_the_writers() -> None:
    draft = SUPPORT + "Hello,\n\nPhotos fail to send on Android 14.\n\n> Which app version do you use?\n"
    assert _codes(draft, "TG1123") == ["TG1123"]


# -- TG1124 missing-greeting --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "draft",
    [
        SUPPORT + "Since March 3 photos fail to send. Could you help?\n",
        SUPPORT_ZH + "从3月3日起图片发送失败，请帮忙看看。\n",
    ],
)
def test_no_greeting_is_noted(draft: str) -> None:
    result = lint(draft, select=("TG1124",))
    (finding,) = result.findings
    assert (finding.line, finding.column, finding.severity.value) == (4, 1, "info")


@pytest.mark.parametrize(
    "opening",
    [
        "Hello,",
        "Hi Telegram team,",
        "Dear Telegram Support,",
        "Good morning,",
        "To whom it may concern,",
        "Hello, since March 3 photos fail to send in every chat of mine, whatever I do with the app or phone.",
        "您好，",
        "你好！",
        "尊敬的 Telegram 客服：",
        "Telegram 媒体团队，您好：",
        "Telegram法务团队：",
    ],
)
def test_a_greeting_or_salutation_passes(opening: str) -> None:
    assert _codes(SUPPORT + opening + "\n\nSince March 3 photos fail to send. Could you help?\n", "TG1124") == []


# -- the guide's own template stays clean ---------------------------------------------------------------


@pytest.mark.parametrize("name", ["pass-guide-template-en.txt", "pass-guide-template-zh.txt"])
def test_the_guides_template_is_clean(name: str) -> None:
    from lintkit import FIXTURES

    path = FIXTURES / "structure" / name
    new = ("follow-up", "self-help", "structure", "TG1103")
    assert [f.rule for f in lint(path.read_bytes(), name, select=new).findings] == []


# -- `tglint new` drafts, filled in, pass every advice of the guide's later sections -------------------

GUIDE_RULES = ("follow-up", "self-help", "structure", "TG1103")


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("topic", ["support", "security", "abuse", "press", "legal"])
def test_filled_new_drafts_pass_the_guide_rules(topic: str, lang: str) -> None:
    from test_templates import SAMPLES

    from tglint.packs import load_packs
    from tglint.templates import render_template, to_text

    text = to_text(render_template(topic, lang, load_packs(), SAMPLES[(topic, lang)]))
    result = lint(text, select=GUIDE_RULES)
    assert [(f.rule, f.message) for f in result.findings] == []
    assert result.reply_time is not None


def test_malfunctions_are_looked_for_only_when_the_first_paragraph_names_no_problem(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    searched: list[str] = []
    original = Malfunctions.recognize

    def spy(self: Malfunctions, analysis: Analysis) -> Iterator[Span]:
        searched.append(analysis.body_text)
        yield from original(self, analysis)

    monkeypatch.setattr(Malfunctions, "recognize", spy)
    first = SUPPORT + f"Hello,\n\nSince March 3 photos fail to send.\n\n{BACKGROUND}\n\nGalaxy S24. Could you help?\n"
    assert _codes(first, "TG1122") == [] and searched == []
    later = SUPPORT + f"Hello,\n\n{BACKGROUND}\n\nSince March 3 my phone keeps freezing.\n\nGalaxy S24.\n"
    assert _codes(later, "TG1122") == ["TG1122"] and len(searched) == 1
