"""The command line: wires arguments to the pure core and nothing more.

`tglint draft.eml` is `tglint check draft.eml`: a small group class routes a
first argument that is not a subcommand to `check`.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from tglint import __version__
from tglint.models import ExitCode

if TYPE_CHECKING:
    from tglint.registry import Registry
    from tglint.templates import Field

_GROUP_OPTIONS = {"--help", "-h", "--version", "-V", "--install-completion", "--show-completion"}


class DefaultCheckGroup(TyperGroup):
    """Routes `tglint FILE ...` and `tglint --format json FILE` to the `check` command."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in _GROUP_OPTIONS:
            args = ["check", *args]
        return super().parse_args(ctx, args)

    def invoke(self, ctx: Any) -> Any:
        """A bad option or argument is one line in tglint's style, exit 2 (not Click's usage block)."""
        try:
            return super().invoke(ctx)
        except typer.TyperException as exc:  # Click's usage errors (and its other errors) derive from it
            raise fail(" ".join(exc.format_message().split())) from None


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
    from tglint.escaping import printable

    typer.echo(f"tglint: error: {printable(message, one_line=True)}", err=True)
    return typer.Exit(int(ExitCode.ERROR))


@app.command()
def check(
    paths: Annotated[list[str] | None, typer.Argument(help="Drafts, mbox files or directories; - reads stdin.")] = None,
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Report format.")] = OutputFormat.text,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the report to this file.")] = None,
    select: Annotated[
        list[str] | None,
        typer.Option(help="Rules to run: codes, prefixes (TG1), names or categories, comma-separated or repeated."),
    ] = None,
    ignore: Annotated[
        list[str] | None, typer.Option(help="Rules not to run: codes, prefixes, names or categories (a,b).")
    ] = None,
    extend_select: Annotated[
        list[str] | None, typer.Option(help="Rules to run in addition to those selected (a,b).")
    ] = None,
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
        int | None,
        typer.Option("--jobs", "-j", min=1, help="Processes that check drafts (default: all cores for many files)."),
    ] = None,
) -> None:
    """Check drafts and report what to fix (the default command)."""
    from tglint.run import CheckRequest, run_check

    request = CheckRequest(
        paths=tuple(paths or ["."]),
        output_format=output_format.value,
        output=output,
        select=_selectors(select, "--select"),
        ignore=_selectors(ignore, "--ignore"),
        extend_select=_selectors(extend_select, "--extend-select"),
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
    with _stopped_cleanly():
        code = run_check(request)
    raise typer.Exit(int(code))


# What a shell reports for a process killed by SIGPIPE (128 + 13), as for git, cat or grep.
EXIT_BROKEN_PIPE = 141
EXIT_INTERRUPTED = 130  # 128 + SIGINT


@contextmanager
def _stopped_cleanly() -> Iterator[None]:
    """Ctrl-C and a reader that stops reading end the run with one line at most, never a traceback.

    A closed pipe (`tglint drafts/ | head -1`) exits quietly with 141, the status the shell
    gives git or cat killed by SIGPIPE: `set -o pipefail` scripts see that the report was
    not read to the end, which neither 0 (clean) nor 1 (findings) would say. ruff exits 0
    there, following ripgrep; for a checker, 0 would claim a clean run nobody saw.
    """
    try:
        yield
    except KeyboardInterrupt:
        typer.echo("tglint: interrupted", err=True)
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except BrokenPipeError:
        # Python flushes stdout at exit: pointed at /dev/null, that flush cannot fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        raise typer.Exit(EXIT_BROKEN_PIPE) from None


def _selectors(values: list[str] | None, option: str) -> tuple[str, ...] | None:
    """`--select secret,phone --select TG1` as ruff takes it: repeated, comma-separated, or both."""
    if not values:
        return None
    selectors = tuple(item.strip() for value in values for item in value.split(",") if item.strip())
    if not selectors:
        raise fail(f"{option} needs rule codes, prefixes, names or categories")
    return selectors


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
    from tglint.templates import fields, fill_interactively, prompt_texts, render_template, write_draft

    try:
        packs = load_packs()
        values = None
        if interactive:
            texts = prompt_texts(lang.value, packs)
            sys.stderr.write(texts.intro + "\n")
            values = fill_interactively(fields(topic.value, lang.value, packs), lambda f: _ask(f, texts.optional))
        template = render_template(topic.value, lang.value, packs, values)
        data = write_draft(template, output, force=force)
    except FileExistsError:
        raise fail(f"{output} already exists: use --force to overwrite it") from None
    except (OSError, PackError) as error:
        raise fail(str(error)) from None
    if data is not None:
        typer.echo(data.decode("utf-8"), nl=False)
        return
    left = len(template.placeholders())
    todo = f"{left} placeholder{'s' if left != 1 else ''} left to fill in" if left else "no placeholder left"
    typer.echo(f"Wrote {output} ({todo}); `tglint {output}` checks it.", err=True)


def _ask(field: Field, optional_note: str) -> str | None:
    """One question on stderr (stdout carries only the draft); None when the input has ended.

    Not typer.prompt: Click's prompt hands input() a space that lands on stdout, before the draft.
    """
    note = f" ({optional_note})" if field.optional else ""
    sys.stderr.write(f"{field.label}{note} [{field.hint}]: ")
    sys.stderr.flush()
    line = sys.stdin.readline()
    return line.rstrip("\r\n") if line else None


RulePacks = Annotated[list[Path] | None, typer.Option("--rule-pack", help="An extra rule pack directory.")]
ConfigFile = Annotated[Path | None, typer.Option("--config", help="Use this config file (for its rule-packs).")]
Isolated = Annotated[bool, typer.Option("--isolated", help="Ignore all config files.")]
DocLanguage = Annotated[DraftLanguage, typer.Option("--lang", "-l", help="Language of the summaries and docs.")]


@app.command("rules")
def list_rules(
    output_format: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    rule_pack: RulePacks = None,
    config: ConfigFile = None,
    isolated: Isolated = False,
    lang: DocLanguage = DraftLanguage.en,
) -> None:
    """List every rule: code, name, category, severity, languages (with those of your rule packs)."""
    from tglint.explain import render_rule_list

    if output_format not in ("table", "json"):
        raise fail(f"unknown format `{output_format}` (table or json)")
    registry = _registry(rule_pack, config, isolated)
    for warning in registry.warnings:
        typer.echo(f"tglint: warning: {warning}", err=True)
    typer.echo(render_rule_list(registry.rules, output_format, lang.value), nl=False)


@app.command()
def explain(
    code: Annotated[str, typer.Argument(help="A rule code (TG101) or name.")],
    rule_pack: RulePacks = None,
    config: ConfigFile = None,
    isolated: Isolated = False,
    lang: DocLanguage = DraftLanguage.en,
) -> None:
    """Explain a rule: what it does, why, a bad and a good example, the fix."""
    from tglint.explain import render_explanation

    registry = _registry(rule_pack, config, isolated)
    from tglint.selection import RENAMED

    name = RENAMED.get(code, code)
    rule = registry.by_code(code) or next((r for r in registry.rules if r.name == name), None)
    if rule is None:
        raise fail(f"unknown rule `{code}`; `tglint rules` lists them")
    typer.echo(render_explanation(rule, language=lang.value), nl=False)


def _registry(rule_pack: list[Path] | None, config: Path | None, isolated: bool) -> Registry:
    """The rules of the catalogue with the rule packs of the config file (found from the working
    directory, as `check` finds it) and of --rule-pack; plugins too."""
    from tglint.config import ConfigError, config_rule_packs, find_config
    from tglint.packs import PackError
    from tglint.registry import load_registry

    try:
        found = None if isolated else config if config is not None else find_config(Path.cwd())
        packs = (*(config_rule_packs(found) if found is not None else ()), *(rule_pack or ()))
        return load_registry(rule_packs=packs)
    except (ConfigError, PackError) as error:
        raise fail(str(error)) from None


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


@app.command()
def serve(
    host: Annotated[
        str, typer.Option(help="Address to listen on (beyond 127.0.0.1 is said as a warning).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port (LanguageTool's 8081; 0 picks a free one).")] = 8081,
    allow_origin: Annotated[
        list[str] | None,
        typer.Option(help="An origin whose pages may read the answers (a browser add-on); repeatable. Default: none."),
    ] = None,
    config: Annotated[
        Path | None, typer.Option(help="The config file (default: found from the working directory).")
    ] = None,
    isolated: Annotated[bool, typer.Option(help="Use no config file.")] = False,
) -> None:
    """Run a local HTTP server: LanguageTool's API (/v2/check) and a compose page (/)."""
    try:
        from tglint.serve.app import run
    except ImportError as exc:
        missing = (exc.name or "starlette").split(".")[0]
        raise fail(f"the HTTP server needs {missing}: pip install 'tglint[serve]'") from None
    from tglint.api import load_settings
    from tglint.config import ConfigError
    from tglint.packs import PackError

    try:
        settings = load_settings(config=config, isolated=isolated)
        run(settings, host=host, port=port, allow_origins=allow_origin or ())
    except (ConfigError, PackError) as exc:
        raise fail(str(exc)) from None
    except OSError as exc:
        raise fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: never lets a traceback reach the user."""
    try:
        app(args=list(argv) if argv is not None else None, prog_name="tglint", standalone_mode=True)
    except SystemExit as exc:
        code = exc.code
        return code if isinstance(code, int) else (0 if code is None else int(ExitCode.ERROR))
    except KeyboardInterrupt:
        typer.echo("tglint: interrupted", err=True)
        return EXIT_INTERRUPTED
    except Exception as exc:  # last line of defence: one line, no traceback, no locals
        if os.environ.get("TGLINT_DEBUG"):
            raise
        typer.echo(f"tglint: internal error: {type(exc).__name__}; please report it", err=True)
        return int(ExitCode.ERROR)
    return int(ExitCode.OK)
