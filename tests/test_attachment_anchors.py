"""How the attachment rules decide which claim templates a text can match."""

from __future__ import annotations

from tglint.packs import load_packs
from tglint.recognizers.attachments import _anchor_forest, _anchors_in, knowledge


def test_an_anchor_sits_under_the_longest_anchor_inside_it() -> None:
    forest = _anchor_forest({"附", "附件", "见附件", "如下", "see"})
    assert forest == (("附", (("附件", (("见附件", ()),)),)), ("如下", ()), ("see", ()))


def test_the_anchors_found_are_those_in_the_text() -> None:
    anchors = {"附", "附件", "见附件", "附件里", "如下", "see", "attached", "attach"}
    forest = _anchor_forest(anchors)
    for text in ["截图见附件。", "附件里有日志", "please see attached", "nothing here", "如下所示"]:
        assert _anchors_in(text, forest, set()) == {anchor for anchor in anchors if anchor in text}


def test_every_template_is_reachable_by_its_anchor() -> None:
    known = knowledge(load_packs())
    indices = sorted(index for indices in known.by_anchor.values() for index in indices)
    assert indices == list(range(len(known.templates)))
    for anchor, indices in known.by_anchor.items():
        assert all(known.templates[index].anchor == anchor for index in indices)
