"""Follow-up rules: the guide's 合理期望的重要性 (五): wait for the reply time of the matter's kind, then
send one polite follow-up that points to the first mail, and do not press (避免频繁催促).

What a draft says of its earlier mails is the follow-ups recognizer's (`tglint.recognizers.follow_ups`);
the reply time of its kind of matter is `tglint.reply_time`'s.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from tglint.models import Hit
from tglint.recognizers.follow_ups import PHRASE, PRESSING, REPLY_SUBJECT, follow_up
from tglint.reply_time import reply_class, reply_time
from tglint.rule import Rule

if TYPE_CHECKING:
    from tglint.analysis import Analysis


class FollowUpWithoutReference(Rule):
    code = "TG1101"

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        found = follow_up(analysis)
        if not found.is_follow_up or found.referenced:
            return
        evidence = found.of(PHRASE) or found.of(REPLY_SUBJECT) or ([found.count] if found.count else [])
        if not evidence:
            return
        where = evidence[0]
        yield Hit(where.part, where.start, where.end, self.message(analysis, "refer"))


class FollowUpBeforeReplyTime(Rule):
    code = "TG1102"

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        found = follow_up(analysis)
        if not found.is_follow_up:
            return  # the time waited is looked for only in a follow-up
        elapsed = found.elapsed
        matter = reply_class(analysis)
        if elapsed is None or matter is None:
            return
        if int(elapsed.facts["days"]) >= matter.days:
            return
        shown = reply_time(analysis)
        if shown is None:
            return
        yield Hit(
            elapsed.part,
            elapsed.start,
            elapsed.end,
            self.message(analysis, "wait", window=shown.window_text or shown.window, reason=shown.reason),
        )


class RepeatedChasing(Rule):
    code = "TG1103"

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        found = follow_up(analysis)
        count = found.count
        if count is not None and count.facts["chasing"]:
            yield Hit(count.part, count.start, count.end, self.message(analysis, "count", count=count.facts["count"]))
            return
        pressing = found.of(PRESSING) if found.is_follow_up else []
        if pressing:
            span = pressing[0]
            yield Hit(span.part, span.start, span.end, self.message(analysis, "press"))
