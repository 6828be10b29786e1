"""The placeholders of a `tglint new` draft that are still to be filled in."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from tglint.models import Hit
from tglint.patterns import compiled
from tglint.rule import Rule

if TYPE_CHECKING:
    from tglint.analysis import Analysis

# `code` on one line: a developer quoting a Jinja or Handlebars snippet is not leaving a placeholder.
_CODE_SPAN = r"`[^`\n]+`"


def _placeholders(text: str) -> Iterator[re.Match[str]]:
    if "{{" not in text:  # every placeholder starts so, and most drafts have none
        return
    # Imported here: `tglint rules` need not load the template writer.
    from tglint.templates import PLACEHOLDER

    code = [m.span() for m in compiled(_CODE_SPAN).finditer(text)]
    for match in PLACEHOLDER.finditer(text):
        if not any(start <= match.start() and match.end() <= end for start, end in code):
            yield match


class UnfilledPlaceholder(Rule):
    code = "TG719"

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        for part, text in (("subject", analysis.subject_text), ("body", analysis.body_text)):
            for match in _placeholders(text):
                yield Hit(part, match.start(), match.end(), self.message(analysis, "fill", placeholder=match.group(0)))
