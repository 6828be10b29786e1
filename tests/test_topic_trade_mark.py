"""A trademark complaint is a legal matter however the mark is spelt: "EU trade mark", "EUTM No. …", "our
registered mark" (fixtures/voices4 en/084, read as abuse for its counterfeit sellers). Generated over
spellings, goods and channels."""

from __future__ import annotations

import itertools

from lintkit import analysis_of

OWNS = [
    "{company} owns the European Union trade mark {mark} (EUTM No. 018774215).",
    "{company} is the owner of the UK trade mark {mark}, registered in classes 25 and 28.",
    "We hold the registered mark {mark} for sportswear.",
    "{company} owns the EUTM {mark} and the national trade marks based on it.",
]
USE = [
    "Since 12 November the channels https://t.me/{slug}_outlet and https://t.me/{slug}_factory use our mark and "
    "logo to sell counterfeit products.",
    "The channel https://t.me/{slug}_store sells counterfeit goods under our mark.",
]
MARKS = [("SOLARIS", "Solaris Sportswear S.p.A.", "solaris"), ("NORDWIND", "Nordwind GmbH", "nordwind")]


def test_a_trade_mark_complaint_about_counterfeits_is_legal() -> None:
    for own, use, (mark, company, slug) in itertools.product(OWNS, USE, MARKS):
        draft = (
            "To: legal@telegram.org\nSubject: Complaint\n\nDear Telegram Legal Team,\n\n"
            + own.format(company=company, mark=mark)
            + " "
            + use.format(slug=slug)
            + " Neither channel is authorized by us. Please take appropriate action.\n\nBest regards,\nGiulia Romano\n"
        )
        assert analysis_of(draft).topic_verdict.topic == "legal", draft
