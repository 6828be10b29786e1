"""The command line: wires arguments to the pure core and nothing more.

`tglint draft.eml` is `tglint check draft.eml`: a small group class routes a
first argument that is not a subcommand to `check`.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from tglint import __version__
from tglint.models import ExitCode

_GROUP_OPTIONS = {"--help", "-h", "--version", "-V", "--install-completion", "--show-completion"}


class DefaultCheckGroup(TyperGroup):
    """Routes `tglint FILE ...` and `tglint --format json FILE` to the `check` command."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in _GROUP_OPTIONS:
            args = ["check", *args]
        return super().parse_args(ctx, args)


app = typer.Typer(
    cls=DefaultCheckGroup,
    name="tglint",
    help="Check an e-mail draft to Telegram's official mailboxes before you send it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,
    rich_markup_mode=None,
)


class OutputFormat(StrEnum):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"
    html = "html"  # a self-contained page: write it with -o report.html


class MessageLanguage(StrEnum):
    auto = "auto"
    en = "en"
    zh = "zh"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"tglint {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[
        bool, typer.Option("--version", "-V", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Check an e-mail draft to Telegram's official mailboxes before you send it."""


def fail(message: str) -> typer.Exit:
    typer.echo(f"tglint: error: {message}", err=True)
    return typer.Exit(int(ExitCode.ERROR))


@app.command()
def check(
    paths: Annotated[list[str] | None, typer.Argument(help="Drafts, mbox files or directories; - reads stdin.")] = None,
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Report format.")] = OutputFormat.text,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the report to this file.")] = None,
    select: Annotated[
        list[str] | None, typer.Option(help="Rules to run: code, prefix (TG1), name or category.")
    ] = None,
    ignore: Annotated[list[str] | None, typer.Option(help="Rules not to run: code, prefix, name or category.")] = None,
    extend_select: Annotated[list[str] | None, typer.Option(help="Rules to run in addition to those selected.")] = None,
    severity: Annotated[
        list[str] | None, typer.Option(help="Override a rule's severity: SELECTOR=error|warning|info.")
    ] = None,
    fail_level: Annotated[
        str | None, typer.Option(help="Lowest severity that makes the exit code 1 (default: warning).")
    ] = None,
    exit_zero: Annotated[bool, typer.Option("--exit-zero", help="Exit 0 even when findings are reported.")] = False,
    region: Annotated[
        str | None, typer.Option(help="Default region for numbers without country code, e.g. CN.")
    ] = None,
    language: Annotated[str | None, typer.Option(help="Force the draft language: zh or en.")] = None,
    message_language: Annotated[
        MessageLanguage | None, typer.Option(help="Language of the messages: auto (the draft's), en or zh.")
    ] = None,
    rule_pack: Annotated[list[Path] | None, typer.Option(help="An extra rule pack directory.")] = None,
    ignore_file: Annotated[Path | None, typer.Option(help="File of finding fingerprints to accept.")] = None,
    config: Annotated[Path | None, typer.Option(help="Use this config file.")] = None,
    isolated: Annotated[bool, typer.Option("--isolated", help="Ignore all config files.")] = False,
    color: Annotated[bool | None, typer.Option("--color/--no-color", help="Force colour on or off.")] = None,
    fix: Annotated[
        bool, typer.Option("--fix", help="Apply safe fixes to the drafts, then report what is left.")
    ] = False,
    diff: Annotated[bool, typer.Option("--diff", help="Show the fixes as a unified diff; write nothing.")] = False,
    unsafe_fixes: Annotated[
        bool, typer.Option("--unsafe-fixes", help="Also apply unsafe fixes (recipient, inferred subject tag).")
    ] = False,
    jobs: Annotated[
        int | None, typer.Option("--jobs", "-j", min=1, help="Worker processes (default: all cores for many files).")
    ] = None,
) -> None:
    """Check drafts and report what to fix (the default command)."""
    from tglint.run import CheckRequest, run_check

    request = CheckRequest(
        paths=tuple(paths or ["."]),
        output_format=output_format.value,
        output=output,
        select=tuple(select) if select else None,
        ignore=tuple(ignore) if ignore else None,
        extend_select=tuple(extend_select) if extend_select else None,
        severity=tuple(severity or ()),
        fail_level=fail_level,
        exit_zero=exit_zero,
        region=region,
        language=language,
        message_language=message_language.value if message_language else None,
        rule_packs=tuple(rule_pack or ()),
        ignore_file=ignore_file,
        config=config,
        isolated=isolated,
        color=_use_color(color, output),
        fix=fix,
        diff=diff,
        unsafe_fixes=unsafe_fixes,
        jobs=jobs,
        progress=_want_progress(output_format, output),
    )
    raise typer.Exit(int(run_check(request)))


def _want_progress(output_format: OutputFormat, output: Path | None) -> bool:
    """Only for a person watching: stderr is a terminal, and a machine format is not piped."""
    if not sys.stderr.isatty() or os.environ.get("CI"):
        return False
    return output_format is OutputFormat.text or output is not None or sys.stdout.isatty()


def _use_color(flag: bool | None, output: Path | None) -> bool:
    if flag is not None:
        return flag
    if output is not None or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


class Topic(StrEnum):
    support = "support"
    security = "security"
    abuse = "abuse"
    press = "press"
    legal = "legal"


class DraftLanguage(StrEnum):
    zh = "zh"
    en = "en"


@app.command()
def new(
    topic: Annotated[Topic, typer.Option("--topic", "-t", help="The mailbox the draft is for.")] = Topic.support,
    lang: Annotated[DraftLanguage, typer.Option("--lang", "-l", help="The draft's language.")] = DraftLanguage.zh,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            help="Write the draft here: a .eml name gives a MIME message, else plain text; - prints it.",
        ),
    ] = None,
    interactive: Annotated[
        bool, typer.Option("--interactive", "-i", help="Ask for each field and fill it in.")
    ] = False,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> None:
    """Write a new draft in the guide's form, with {{placeholders}} to fill in."""
    from tglint.packs import PackError, load_packs
    from tglint.templates import fields, fill_interactively, render_template, write_draft

    try:
        packs = load_packs()
        values = None
        if interactive:
            values = fill_interactively(
                fields(topic.value, lang.value, packs),
                lambda label, hint: typer.prompt(label, default=hint, err=True),
            )
        data = write_draft(render_template(topic.value, lang.value, packs, values), output, force=force)
    except FileExistsError:
        raise fail(f"{output} already exists: use --force to overwrite it") from None
    except (OSError, PackError) as error:
        raise fail(str(error)) from None
    if data is not None:
        typer.echo(data.decode("utf-8"), nl=False)


@app.command("rules")
def list_rules(
    output_format: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
) -> None:
    """List every rule: code, name, category, severity, languages."""
    from tglint.explain import render_rule_list
    from tglint.registry import load_registry

    registry = load_registry()
    for warning in registry.warnings:
        typer.echo(f"tglint: warning: {warning}", err=True)
    if output_format not in ("table", "json"):
        raise fail(f"unknown format `{output_format}` (table or json)")
    typer.echo(render_rule_list(registry.rules, output_format), nl=False)


@app.command()
def explain(code: Annotated[str, typer.Argument(help="A rule code (TG101) or name.")]) -> None:
    """Explain a rule: what it does, why, a bad and a good example, the fix."""
    from tglint.explain import render_explanation
    from tglint.registry import load_registry

    registry = load_registry()
    rule = registry.by_code(code) or next((r for r in registry.rules if r.name == code), None)
    if rule is None:
        raise fail(f"unknown rule `{code}`; `tglint rules` lists them")
    typer.echo(render_explanation(rule), nl=False)


@app.command()
def lsp(
    debounce: Annotated[
        int, typer.Option(min=0, help="Milliseconds of quiet after a change before the draft is checked.")
    ] = 200,
    stdio: Annotated[bool, typer.Option("--stdio", help="Talk over stdin/stdout (the default and only way).")] = False,
) -> None:
    """Run the language server for editors (LSP over stdin/stdout): diagnostics, fixes, hover."""
    try:
        from tglint.lsp import serve
    except ImportError as exc:
        missing = (exc.name or "pygls").split(".")[0]
        raise fail(f"the language server needs {missing}: pip install 'tglint[lsp]'") from None
    serve(debounce / 1000)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: never lets a traceback reach the user."""
    try:
        app(args=list(argv) if argv is not None else None, prog_name="tglint", standalone_mode=True)
    except SystemExit as exc:
        code = exc.code
        return code if isinstance(code, int) else (0 if code is None else int(ExitCode.ERROR))
    except KeyboardInterrupt:
        typer.echo("tglint: interrupted", err=True)
        return 130
    except Exception as exc:  # last line of defence: one line, no traceback, no locals
        if os.environ.get("TGLINT_DEBUG"):
            raise
        typer.echo(f"tglint: internal error: {type(exc).__name__}; please report it", err=True)
        return int(ExitCode.ERROR)
    return int(ExitCode.OK)
