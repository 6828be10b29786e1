"""Which official mailbox a draft belongs to, from its subject tag and its words.

Weights live in the `topics` pack (per language); a known subject tag counts
for its topic too. The topic with the highest score wins when it scores at
least `min_score`; a draft with no signal has no topic.
"""

from __future__ import annotations

from dataclasses import dataclass

from tglint.lexicon import lexicon
from tglint.models import TOPICS
from tglint.packs import Packs, weighted


@dataclass(frozen=True, slots=True)
class TopicVerdict:
    topic: str | None
    scores: dict[str, float]

    def ranked(self) -> list[tuple[str, float]]:
        return sorted(self.scores.items(), key=lambda item: (-item[1], TOPICS.index(item[0])))


def score_topics(text: str, packs: Packs) -> dict[str, float]:
    table = packs.get("topics")
    return {topic: lexicon(weighted(table, topic, source="topics")).score(text) for topic in TOPICS}


def classify_topic(subject: str, body: str, tag_topic: str | None, packs: Packs) -> TopicVerdict:
    table = packs.get("topics")
    settings = table.get("settings", {})
    subject_weight = float(settings.get("subject_weight", 2.0))
    tag_weight = float(settings.get("tag_weight", 3.0))
    min_score = float(settings.get("min_score", 1.0))
    body_scores = score_topics(body, packs)
    subject_scores = score_topics(subject, packs)
    scores = {t: body_scores[t] + subject_weight * subject_scores[t] for t in TOPICS}
    if tag_topic in scores:
        scores[tag_topic] += tag_weight
    best, best_score = max(scores.items(), key=lambda item: (item[1], -TOPICS.index(item[0])))
    return TopicVerdict(best if best_score >= min_score else None, scores)
