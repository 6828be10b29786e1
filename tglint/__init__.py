"""tglint: a linter and pre-send checker for e-mails to Telegram's official mailboxes."""

from __future__ import annotations

__version__ = "0.1.0"
