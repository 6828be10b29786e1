"""Helpers for tests that look at a report in a real browser (headless Chromium)."""
