"""The reply time the guide gives for a draft's kind of matter (五、官方回复时间标准).

紧急问题 24-48 hours, 一般问题 3-7 working days, 复杂问题 7-14 working days. A draft's class is
decided by the guide's items (an account taken over, an API question...) whose words it uses,
not denied, in its subject or its writer's own words; a draft no item speaks for gets the class
of its topic. What the items, their words and the windows are is data (rules/*/reply_time.toml).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tglint.lexicon import PARTS_PASS, TermSet, ascii_lower, shared_pass
from tglint.models import TOPICS, ReplyTime
from tglint.packs import PackError

if TYPE_CHECKING:
    from tglint.analysis import Analysis
    from tglint.packs import Packs

PACK = "reply_time"


@dataclass(frozen=True, slots=True)
class ReplyClass:
    """The class a draft falls in, and why: the item found (None: its topic decided)."""

    kind: str
    item: str | None
    topic: str | None
    days: int
    working_days: bool


class _Items:
    """Every item's words, found in one pass; built once per set of packs."""

    def __init__(self, packs: Packs) -> None:
        table = packs.get(PACK)
        items = table.get("items", {})
        classes = table.get("classes", {})
        self.order: list[str] = [str(kind) for kind in table.get("order", [])]
        self.topic_class: dict[str, str] = {str(k): str(v) for k, v in table.get("topic_class", {}).items()}
        self.classes: dict[str, dict[str, Any]] = {str(k): dict(v) for k, v in classes.items()}
        self.item_of: dict[str, list[str]] = {}  # word (lower-cased) -> items
        self.class_of: dict[str, str] = {}
        for name, item in items.items():
            kind = str(item.get("class", ""))
            if kind not in self.classes:
                known = ", ".join(sorted(self.classes))
                raise PackError(f"rule pack {PACK}: item `{name}` has class {kind!r}, not one of {known}")
            self.class_of[name] = kind
            for word in item.get("words", []):
                self.item_of.setdefault(" ".join(ascii_lower(str(word)).split()), []).append(name)
        self.terms = TermSet(self.item_of, shared_pass(packs, PARTS_PASS))


def _items(packs: Packs) -> _Items:
    return packs.derived(("reply-time", "items"), lambda: _Items(packs))


def reply_class(analysis: Analysis) -> ReplyClass | None:
    """The draft's class, once per draft; None when the draft has no words to judge."""
    return analysis.memo(reply_class, lambda: _reply_class(analysis))


def _reply_class(analysis: Analysis) -> ReplyClass | None:
    if not analysis.subject_text.strip() and not analysis.body_text.strip():
        return None
    items = _items(analysis.packs)
    found: dict[str, str] = {}  # class -> the first item of it found
    for part in ("subject", "body"):
        model = analysis.text_model(part)
        text = model.writer_text.replace("\u2019", "'")
        for start, _end, term in items.terms.finditer(text):
            if model.negated(start):
                continue
            for name in items.item_of.get(term, ()):
                found.setdefault(items.class_of[name], name)
    topic = _topic(analysis)
    decided = next((k for k in items.order if k in found), None)
    item = found.get(decided) if decided else None
    kind = decided or items.topic_class.get(topic or "", "normal")
    settings = items.classes.get(kind, {})
    return ReplyClass(kind, item, topic, int(settings.get("days", 3)), bool(settings.get("working_days", True)))


def _topic(analysis: Analysis) -> str | None:
    """The draft's topic when its words or tag decide it; else the official mailbox it is sent to."""
    verdict = analysis.topic_verdict
    if verdict.topic is not None and verdict.scores.get(verdict.topic, 0.0) > 0:
        return verdict.topic
    mailboxes = analysis.pack("mailboxes").get("mailboxes", {})
    sent_to = {r.address.lower() for r in analysis.draft.recipients}
    return next((t for t in TOPICS if str(mailboxes.get(t, "")).lower() in sent_to), verdict.topic)


def reply_time(analysis: Analysis) -> ReplyTime | None:
    """The reply time reports show for the draft, its reason in the report's language."""
    found = reply_class(analysis)
    if found is None:
        return None
    words = analysis.pack(PACK, analysis.message_language)
    if found.item is not None:
        reason = str(words.get("items", {}).get(found.item, {}).get("label", found.item))
    else:
        reason = str(words.get("topic_labels", {}).get(found.topic or "none", found.topic or ""))
    window = str(analysis.pack(PACK).get("classes", {}).get(found.kind, {}).get("window", found.kind))
    name = str(words.get("class_names", {}).get(found.kind, found.kind))
    return ReplyTime(found.kind, window, reason, name, str(words.get("windows", {}).get(found.kind, window)))
