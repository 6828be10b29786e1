"""Rules of this category are being written; see tglint/checks/__init__.py for the registry."""

from __future__ import annotations

from tglint.rule import Rule

RULES: tuple[type[Rule], ...] = ()
