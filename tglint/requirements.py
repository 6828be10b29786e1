"""What a draft must carry, by the mailbox its content belongs to, and how a missing item is reported.

The table is data (`rules/common/requirements.toml`): per topic, whether the account, the device,
the network, the time, a clear description, the offender and the guide's checklist are
required, required only for a malfunction (or a problem, or an incident), recommended, or not
checked. Shared by the account, device and details rules, which import no rule module.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tglint.models import Hit
from tglint.patterns import lexicon_of
from tglint.recognizers.malfunctions import reports_malfunction

if TYPE_CHECKING:
    from tglint.analysis import Analysis


def requirement(analysis: Analysis, key: str) -> str:
    """What the draft's topic requires for `key` ("required", "none"...); "none" without a topic."""
    topic = analysis.topic
    if topic is None or not raises_anything(analysis):
        return "none"
    value = analysis.pack("requirements").get(topic, {}).get(key, "none")
    return value if isinstance(value, str) else "none"


def raises_anything(analysis: Analysis) -> bool:
    """Whether the draft has any topic evidence or reports any problem. A draft with none ("Thanks!",
    "Any news?") falls to the general mailbox by default, but there is nothing to check it against."""
    return analysis.memo(raises_anything, lambda: _raises_anything(analysis))


def _raises_anything(analysis: Analysis) -> bool:
    if any(score > 0 for score in analysis.topic_verdict.scores.values()):
        return True
    vague = lexicon_of(analysis, "details", "vague_problem")
    return reports_malfunction(analysis) or vague.search(analysis.body_text) is not None


def applies(analysis: Analysis, key: str) -> bool:
    """Whether the topic's requirement `key` holds for this draft."""
    need = requirement(analysis, key)
    if need == "required":
        return True
    if need == "required-if-malfunction":
        return reports_malfunction(analysis)
    if need == "required-if-problem":
        return reports_malfunction(analysis) or mentions(analysis, "vague_problem")
    if need == "required-if-incident":
        return reports_malfunction(analysis) or mentions(analysis, "incident")
    return False


def mentions(analysis: Analysis, key: str) -> bool:
    """Whether the writer's body or the subject holds a word of the details pack's list `key`."""
    lexicon = lexicon_of(analysis, "details", key)
    return lexicon.search(analysis.body_text) is not None or lexicon.search(analysis.subject_text) is not None


def body_anchor(analysis: Analysis) -> tuple[int, int]:
    """Where a "missing information" finding points: the first line of the writer's body."""
    text = analysis.body_text
    stripped = len(text) - len(text.lstrip())
    if stripped >= len(text):
        return 0, 0
    line_end = text.find("\n", stripped)
    return stripped, (len(text) if line_end < 0 else line_end)


def missing_info(analysis: Analysis, *, en: str, zh: str) -> Hit:
    """A finding about something the draft lacks, at the first line of its body, in the report's language."""
    start, end = body_anchor(analysis)
    return Hit("body", start, end, analysis.say(en=en, zh=zh))
