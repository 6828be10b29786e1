"""Mixed-issue rule: the guide's "不要混合多个不同的问题" (one mail per problem). The matters a draft holds are the
matters recognizer's (`tglint.recognizers.matters`); this rule names them and where each belongs."""

from __future__ import annotations

from collections.abc import Iterator

from tglint.analysis import Analysis
from tglint.models import Hit
from tglint.recognizers.matters import excerpt, leading_noise_end, mailbox_topic, matters
from tglint.rule import Rule


class MixedIssues(Rule):
    code = "TG701"

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        evidence = matters(analysis)
        if len(evidence) < 2:
            return
        labels = analysis.pack("mixed", analysis.message_language).get("labels", {})
        mailboxes = analysis.pack("mailboxes").get("mailboxes", {})
        parts = [
            (
                str(labels.get(e.topic, e.topic)),
                excerpt(e.segment.text),
                str(mailboxes.get(mailbox_topic(analysis, e.topic), "")),
            )
            for e in evidence
        ]
        second = evidence[1].segment
        yield Hit(
            "body",
            second.start + leading_noise_end(second.text),
            second.end,
            self.message(
                analysis,
                "mixed",
                parts=self.message(analysis, "separator").join(
                    self.message(analysis, "part", label=label, excerpt=shown, mailbox=box)
                    for label, shown, box in parts
                ),
            ),
        )
