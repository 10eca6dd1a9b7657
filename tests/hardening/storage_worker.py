"""A separate process for the storage tests: `python -m tests.hardening.storage_worker MODE DB`.

Modes:
* `report-loop DB`: the real bot (no network) takes fans' reports through the "Report a mistake"
  form, one after another, and prints `ack N` once the fan has been thanked for report N. The
  test kills the process with SIGKILL at any moment and then looks for every thanked report.
* `writer DB COUNT TAG`: add COUNT reports and count COUNT asks of one unanswered question.
"""

from __future__ import annotations

import asyncio
import logging
import sys
import tempfile
from pathlib import Path
from typing import Any

from bot.adapters.discord.client import create_bot
from bot.core.live import LiveKnowledge
from bot.settings import shipped_knowledge_dir
from bot.storage import Storage
from tests.support.discord_capture import CapturingAdapter, capture_http, message_payload
from tests.support.discord_harness import Harness, make_settings, start_bot
from tests.support.discord_payloads import CHANNEL_ID, button_click, modal_submit, slash


async def started(database: Path) -> Harness:
    """A started bot over the shipped knowledge with its database at `database`."""
    knowledge = shipped_knowledge_dir()
    settings = make_settings(Path(tempfile.gettempdir()), knowledge, database_path=database)
    storage = Storage(database, timeout=0.5)
    live = LiveKnowledge(knowledge)
    bot = create_bot(settings, live, storage, serve=False)
    http = capture_http(bot)
    await start_bot(bot)
    return Harness(bot, CapturingAdapter(), http, storage, live, knowledge)


async def report(harness: Harness, user_id: str, text: str) -> dict[str, Any]:
    """Ask, click "Report a mistake", submit `text`; return the message the fan then sees."""
    (asked,) = await harness.interact(slash("ask", {"question": "zzqx blorp?"}, user_id=user_id))
    message = message_payload(CHANNEL_ID, asked.data)
    custom_id = message["components"][0]["components"][0]["custom_id"]
    (form,) = await harness.interact(button_click(custom_id, message, user_id=user_id))
    modal = form.payload
    assert isinstance(modal, dict)
    text_input = modal["data"]["components"][0]["component"]["custom_id"]
    submit = modal_submit(modal["data"]["custom_id"], {text_input: text}, user_id=user_id)
    (thanks,) = await harness.interact(submit)
    return thanks.data


async def report_loop(database: Path) -> None:
    harness = await started(database)
    number = 0
    while True:
        number += 1
        reply = await report(harness, str(10_000 + number), f"report {number}")
        if "Thank you" in reply["content"]:
            print(f"ack {number}", flush=True)


def writer(database: Path, count: int, tag: str) -> None:
    storage = Storage(database, timeout=30.0)
    for number in range(count):
        storage.add_report(1, f"{tag} question", "answer", f"{tag} report {number}")
        storage.record_gap("What is the budget of the catering truck?")
    print("done", flush=True)


def main(argv: list[str]) -> None:
    logging.basicConfig(level=logging.INFO, stream=sys.stderr)
    mode, database = argv[0], Path(argv[1])
    if mode == "report-loop":
        asyncio.run(report_loop(database))
    elif mode == "writer":
        writer(database, int(argv[2]), argv[3])
    else:
        raise SystemExit(f"unknown mode {mode!r}")


if __name__ == "__main__":
    main(sys.argv[1:])
