"""One text model per part of a draft, shared by every rule and recognizer.

- `scripts`: characters by script and the boundaries of a value in mixed Chinese/Latin text
  (a value may touch a Chinese character: `身份证号是510723…`).
- `cues`: the words structure is read from (conjunctions, negations, questions), as data in
  `rules/*/text.toml`.
- `model`: `TextModel`: the writer's own text, mixed-script tokens, sentences and clauses in
  both languages, and per position: negated or not, a question or not, quoted or not.
"""

from __future__ import annotations

from tglint.text.cues import Cue, CueKind, Cues
from tglint.text.model import Segment, TextModel, Token, TokenKind

__all__ = ["Cue", "CueKind", "Cues", "Segment", "TextModel", "Token", "TokenKind"]
