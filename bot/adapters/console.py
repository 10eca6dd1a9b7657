"""The local console: the same engine as the Discord bot, for anyone without a token."""

from __future__ import annotations

import sys
from typing import TextIO

from bot.adapters.text import render_text
from bot.core.answering.intents import detect_language
from bot.core.live import LiveKnowledge

BANNER = """somos-bot console: ask about the Netflix series Somos. (2021), in English or Spanish.
Try: /cast Doña Chayo · /episode 3 · /season2 · who directed it? · ¿de qué trata?
/reload re-reads the knowledge files, /quit leaves. No DISCORD_TOKEN is set, so this runs locally.
"""


def run_console(
    live: LiveKnowledge,
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    prompt: str = "somos> ",
) -> int:
    """Answer one line at a time until end of input or `/quit`."""
    read = stdin or sys.stdin
    write = stdout or sys.stdout
    interactive = read.isatty()
    print(BANNER, file=write)
    while True:
        if interactive:
            write.write(prompt)
            write.flush()
        line = read.readline()
        if not line:
            return 0
        command = line.strip()
        if not command:
            continue
        if command.casefold() in {"/quit", "/exit", "quit", "exit", "/salir"}:
            return 0
        if command.casefold() == "/reload":
            print(_reload_message(live), file=write)
            continue
        answer = live.engine.ask(command, detect_language(command))
        print(render_text(answer), end="\n\n", file=write)
        write.flush()


def _reload_message(live: LiveKnowledge) -> str:
    result = live.reload()
    if result.ok:
        return f"Reloaded: {result.summary}"
    errors = "\n".join(str(e) for e in result.errors)
    return (
        f"The edit has errors; still serving the last good knowledge ({result.summary}):\n{errors}"
    )
