"""tglint: a linter and pre-send checker for e-mails to Telegram's official mailboxes.

The Python API (`lint_text`, `lint_bytes`, `lint_path`, `Checker`, ...) lives in
`tglint.api` and is importable from here; it is loaded on first use, so that
`import tglint` and `tglint --version` stay as quick as they were.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from tglint.api import (
        Checker,
        ConfigError,
        Edit,
        FileResult,
        Finding,
        Fix,
        Overrides,
        PackError,
        Settings,
        Severity,
        apply_overrides,
        config_settings,
        get_checker,
        lint_bytes,
        lint_path,
        lint_text,
        load_settings,
        report_dict,
        report_json,
    )

__all__ = [
    "Checker",
    "ConfigError",
    "Edit",
    "FileResult",
    "Finding",
    "Fix",
    "Overrides",
    "PackError",
    "Settings",
    "Severity",
    "__version__",
    "apply_overrides",
    "config_settings",
    "get_checker",
    "lint_bytes",
    "lint_path",
    "lint_text",
    "load_settings",
    "report_dict",
    "report_json",
]


def __getattr__(name: str) -> object:
    if name in __all__:
        from tglint import api

        return getattr(api, name)
    raise AttributeError(f"module 'tglint' has no attribute {name!r}")
