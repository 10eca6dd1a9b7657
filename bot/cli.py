"""`somos-bot`: run the bot (or the console without a token), ask once, check the knowledge."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TextIO

from pydantic import ValidationError

from bot.adapters.json_output import render_json
from bot.adapters.text import render_text
from bot.core.answering.answer import Language
from bot.core.knowledge.loader import LoadFailed, load_knowledge
from bot.core.live import LiveKnowledge
from bot.settings import Settings

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `somos-bot` command and of `python -m bot`."""
    try:
        return _main(argv)
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader (`| head`) left: stop quietly, as command-line tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


def _main(argv: Sequence[str] | None) -> int:
    args = _parser().parse_args(argv)
    try:
        settings = Settings()
    except ValidationError as exc:
        for error in exc.errors():
            name = ".".join(str(part) for part in error["loc"]).upper()
            print(f"somos-bot: setting {name}: {error['msg']}", file=sys.stderr)
        return EXIT_USAGE
    command = args.command or "run"
    on_discord = command == "sync" or (command == "run" and settings.discord_token is not None)
    if not on_discord:  # the Discord runner sets up discord.py's own logging instead
        logging.basicConfig(level=settings.log_level, format="%(levelname)s %(name)s: %(message)s")
    if command == "kb":
        return _kb_check(Path(args.directory) if args.directory else settings.knowledge_dir)
    if command == "sync":
        from bot.adapters.discord import sync

        return sync(settings, args.guild)
    if command == "eval":
        from bot.evaluation.cli import run_eval

        return run_eval(settings, args)
    live = _load(settings.knowledge_dir)
    if live is None:
        return EXIT_ERROR
    if command == "ask":
        return _ask(live, args)
    if command == "console" or settings.discord_token is None:
        from bot.adapters.console import run_console

        return run_console(live)
    from bot.adapters.discord import run

    return run(settings, live)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="somos-bot",
        description="Answers fans' questions about Somos. (Netflix, 2021) with sources and "
        "caveats. With no command: the Discord bot when DISCORD_TOKEN is set, else the local "
        "console.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("run", help="the Discord bot, or the console without DISCORD_TOKEN")
    commands.add_parser("console", help="the local console, even when a token is set")
    ask = commands.add_parser("ask", help="answer one question, or a file of them")
    ask.add_argument("question", nargs="*", help="the question, e.g. who plays Doña Chayo?")
    ask.add_argument("--json", action="store_true", help="print the answer as JSON")
    ask.add_argument(
        "--batch", metavar="FILE", help="one question a line (- for stdin); JSON lines"
    )
    ask.add_argument("--lang", choices=[lang.value for lang in Language], help="reply language")
    kb = commands.add_parser("kb", help="knowledge tools for moderators")
    kb_commands = kb.add_subparsers(dest="kb_command", metavar="KB_COMMAND", required=True)
    check = kb_commands.add_parser("check", help="validate the knowledge files; exit 1 on errors")
    check.add_argument("directory", nargs="?", help="default: KNOWLEDGE_DIR or the shipped one")
    sync = commands.add_parser("sync", help="register the slash commands with Discord")
    sync.add_argument("--guild", type=int, metavar="ID", help="sync to one guild (instant)")
    evaluate = commands.add_parser("eval", help="measure question understanding")
    evaluate.add_argument("file", nargs="?", help="evaluation set (default: the shipped one)")
    evaluate.add_argument("--json", action="store_true", help="print the report as JSON")
    evaluate.add_argument("--split", choices=["tune", "heldout", "all"], default="all")
    return parser


def _load(directory: Path) -> LiveKnowledge | None:
    try:
        return LiveKnowledge(directory)
    except LoadFailed as failure:
        print(f"somos-bot: the knowledge in {directory} has errors:", file=sys.stderr)
        print(failure, file=sys.stderr)
        print("Fix them, then check with: somos-bot kb check", file=sys.stderr)
        return None


def _kb_check(directory: Path) -> int:
    try:
        knowledge = load_knowledge(directory)
    except LoadFailed as failure:
        print(failure)
        count = len(failure.errors)
        print(f"{count} error{'s' if count != 1 else ''}; nothing was changed.", file=sys.stderr)
        return EXIT_ERROR
    print(f"OK: {knowledge.summary()}")
    return EXIT_OK


def _ask(live: LiveKnowledge, args: argparse.Namespace) -> int:
    language = Language(args.lang) if args.lang else None
    if args.batch:
        if args.question:
            print("somos-bot ask: give a question or --batch, not both", file=sys.stderr)
            return EXIT_USAGE
        try:
            lines = _batch_lines(args.batch)
            for line in lines:
                if line.strip():
                    print(render_json(live.engine.ask(line.rstrip("\n"), language)), flush=True)
        except OSError as exc:
            print(f"somos-bot ask: cannot read {args.batch}: {exc.strerror}", file=sys.stderr)
            return EXIT_ERROR
        except UnicodeDecodeError:
            print(f"somos-bot ask: {args.batch} is not UTF-8 text", file=sys.stderr)
            return EXIT_ERROR
        return EXIT_OK
    question = " ".join(args.question)
    if not question.strip():
        print(
            'somos-bot ask: give a question, e.g. somos-bot ask "who plays Benjamín?"',
            file=sys.stderr,
        )
        return EXIT_USAGE
    answer = live.engine.ask(question, language)
    print(render_json(answer) if args.json else render_text(answer))
    return EXIT_OK


def _batch_lines(name: str) -> Iterable[str]:
    stream: TextIO = sys.stdin if name == "-" else open(name, encoding="utf-8")  # noqa: SIM115
    with stream if name != "-" else _nullcontext(stream) as handle:
        yield from handle


class _nullcontext:
    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def __enter__(self) -> TextIO:
        return self.stream

    def __exit__(self, *exc: object) -> None:
        return None
