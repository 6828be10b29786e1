"""Self-help rule: the guide's 六、常见问题和解决方案 and 七 (优先自助解决): for a symptom one can often
solve alone, try the guide's steps before writing, and say which were tried.

Symptoms and attempts are the symptoms recognizer's (`tglint.recognizers.symptoms`); the steps are
data (rules/*/self_help.toml).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from tglint.models import Hit
from tglint.recognizers.symptoms import ATTEMPT, PACK, SYMPTOM, SYMPTOMS
from tglint.rule import Rule

if TYPE_CHECKING:
    from tglint.analysis import Analysis

# Mail for these mailboxes is about someone else's conduct or a formal matter: no self-help applies.
_OTHER_MATTERS = frozenset({"abuse", "press", "legal"})


class SelfHelpFirst(Rule):
    code = "TG1111"

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        if analysis.topic in _OTHER_MATTERS:
            return
        spans = analysis.spans(SYMPTOMS)
        if any(span.kind == ATTEMPT for span in spans):
            return
        symptom = next((span for span in spans if span.kind == SYMPTOM), None)
        if symptom is None:
            return
        words = analysis.pack(PACK, analysis.message_language)
        entry = words.get("symptoms", {}).get(symptom.facts["symptom"], {})
        separator = str(words.get("settings", {}).get("separator", "; "))
        steps = separator.join(str(step) for step in entry.get("steps", []))
        if not steps:
            return
        label = str(entry.get("label", symptom.facts["symptom"]))
        yield Hit(symptom.part, symptom.start, symptom.end, self.message(analysis, "steps", symptom=label, steps=steps))
