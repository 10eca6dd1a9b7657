"""A soak of mixed traffic through the local Discord: every answer arrives, memory stays flat.

The real bot (`running_somos`, as `somos-bot` starts it) is logged in to the local Discord; each
round many members run fan commands with hostile text, type into autocomplete, mention the bot,
open and submit (or abandon) the report form, and a moderator runs `/kb status`; one member
floods. After each round every interaction must have been answered and every mention replied
to; the bot task must be alive. After the warm-up, `tracemalloc` traces what the bot keeps.

`tests/hardening/test_soak.py` runs a few seconds of it in CI; `bench/soak.py` runs it for as
long as asked and prints the figures.
"""

from __future__ import annotations

import asyncio
import collections
import gc
import random
import statistics
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tests.hardening.fake import FakeDiscord, FakeUser, RunningSomos
from tests.hardening.strategies import NASTY_PIECES

QUESTIONS = [
    "who plays Doña Chayo?", "quién dirigió la serie", "is there a season 2?",
    "what happens in episode 3", "who created Somos.?", "zzqx blorp", "what is the dog's name?",
]  # fmt: skip
NAMES = ["Doña Chayo", "Chayo", "Jero", "Benjamín", "dona", "", "x" * 99]
EPISODES = ["1", "3", "last", "episodio 2", "the one with the fire", ""]
TOPICS = ["creators", "season2", "about", "sources", "help"]
LOCALES = ["en-US", "es-ES", "es-419"]

ACKNOWLEDGE_LIMIT = 30.0
"""Seconds the local Discord waits for an acknowledgement during the soak (Discord: 3)."""

SETTLE = 0.02
"""Seconds to let a round's last callbacks and threads finish before objects are counted."""

MESSAGE_CACHE = 20
"""discord.py keeps the last 1,000 messages; the soak shrinks that cache so it is full after the
warm-up and does not read as growth."""


@dataclass
class SoakResult:
    """What a soak did, and what it saw."""

    rounds: int = 0
    interactions: int = 0
    mentions: int = 0
    kinds: collections.Counter[str] = field(default_factory=collections.Counter)
    lost: list[str] = field(default_factory=list)
    objects: list[int] = field(default_factory=list)
    """Objects the garbage collector tracks after each round (after a full collection)."""
    memory: list[int] = field(default_factory=list)
    """Bytes allocated since tracing started (after the warm-up) and still alive, each round."""
    seconds: float = 0.0
    turn: int = 0

    def growth(self, window: int = 3) -> int:
        """Bytes gained while tracing: from the first `window` rounds traced to the last, by
        medians, so that what happens to be in flight at one count does not read as growth."""
        return int(
            statistics.median(self.memory[-window:]) - statistics.median(self.memory[:window])
        )


def _hostile(rng: random.Random) -> str:
    pieces = rng.choices([*NASTY_PIECES, *QUESTIONS, *NAMES], k=rng.randint(0, 6))
    text = "".join(pieces)
    return text * rng.choice([1, 1, 1, 50]) if text else text


def _kind(reply: dict[str, Any]) -> str:
    if reply.get("embeds"):
        return "answer"
    if "choices" in reply:
        return "choices"
    if "Try again in" in (reply.get("content") or ""):
        return "throttled"
    return "message"


async def run_soak(
    fake: FakeDiscord,
    somos: RunningSomos,
    *,
    rounds: int | None = None,
    seconds: float | None = None,
    members: int = 60,
    seed: int = 0,
    trace_from: int | None = None,
    on_round: Callable[[SoakResult], None] | None = None,
) -> SoakResult:
    """Send mixed traffic until `rounds` rounds or `seconds` have passed; see the module doc."""
    rng = random.Random(seed)
    people = [FakeUser(f"fan{n}") for n in range(members)]
    flooder = FakeUser("flooder")
    somos.bot._connection._messages = collections.deque(maxlen=MESSAGE_CACHE)
    # Loss and memory are measured here, not latency (`bench.e2e` does that): a loaded CI machine
    # (and tracing memory) may take the bot past Discord's 3 seconds without anything being lost.
    fake.acknowledge_seconds = max(fake.acknowledge_seconds, ACKNOWLEDGE_LIMIT)
    result = SoakResult()
    started = time.monotonic()
    try:
        while (rounds is None or result.rounds < rounds) and (
            seconds is None or time.monotonic() - started < seconds
        ):
            await _round(fake, rng, people, flooder, result)
            somos.assert_alive()
            _forget(fake)
            await asyncio.sleep(SETTLE)  # let the callbacks of the round run before counting
            gc.collect()
            result.objects.append(len(gc.get_objects()))
            if tracemalloc.is_tracing():
                result.memory.append(tracemalloc.get_traced_memory()[0])
            if result.rounds + 1 == trace_from:  # precise, but slows every allocation down
                tracemalloc.start()
            result.rounds += 1
            result.seconds = time.monotonic() - started
            if on_round is not None:
                on_round(result)
    finally:
        tracemalloc.stop()
        result.seconds = time.monotonic() - started
    return result


async def _round(
    fake: FakeDiscord,
    rng: random.Random,
    people: list[Any],
    flooder: Any,
    result: SoakResult,
) -> None:
    def someone() -> Any:  # everyone in turn: all are known to the bot after the warm-up
        result.turn += 1
        return people[result.turn % len(people)]

    handles = [
        await fake.command("ask", {"question": _hostile(rng)}, user=someone()),
        await fake.command("cast", {"name": rng.choice([*NAMES, _hostile(rng)])}, user=someone()),
        await fake.command("episode", {"which": rng.choice(EPISODES)}, user=someone()),
        await fake.command(rng.choice(TOPICS), user=someone(), locale=rng.choice(LOCALES)),
        await fake.autocomplete("cast", "name", _hostile(rng)[:100], user=someone()),
        await fake.autocomplete("episode", "which", rng.choice(EPISODES), user=someone()),
        await fake.command("kb status", moderator=True),
        *[await fake.command("help", user=flooder) for _ in range(3)],
    ]  # fmt: skip
    # Each member mentions the bot once in a pass over everyone: well under the mention throttle
    # (5 in 30 s), which ignores a flood silently and would read as a lost answer here.
    author = people[result.rounds % len(people)]
    mentions = [await fake.mention(_hostile(rng) or "hola", author=author)]

    reporter = someone()
    asked = await fake.command("ask", {"question": rng.choice(QUESTIONS)}, user=reporter)
    handles.append(asked)
    answer = await asked.reply(timeout=10)
    if answer.get("components"):  # not throttled: the answer has its report button
        button = answer["components"][0]["components"][0]["custom_id"]  # labelled in EN or ES
        for _ in range(3):  # fans open the form and often close it without sending
            handles.append(await asked.click(button, user=reporter))
        text = _hostile(rng)[:4000] or "wrong"
        handles.append(await handles[-1].submit_modal({"somos:report:text": text}, user=reporter))
    else:
        result.kinds["report-skipped"] += 1

    for handle in handles:
        try:
            result.kinds[_kind(await handle.reply(timeout=10))] += 1
        except AssertionError as lost:
            result.lost.append(str(lost).splitlines()[0])
    for message in mentions:
        try:
            result.kinds[_kind(await fake.channel_reply(message, timeout=10))] += 1
        except AssertionError as lost:
            result.lost.append(str(lost).splitlines()[0])
    result.interactions += len(handles)
    result.mentions += len(mentions)


def _forget(fake: FakeDiscord) -> None:
    """Drop what the local Discord recorded, so only the bot's memory is measured."""
    fake.requests.clear()
    fake.interactions.clear()
    fake.channel_messages.clear()
    fake.gateway.frames.clear()
    for session in fake.gateway.sessions.values():
        session.sent.clear()  # kept for RESUME replays
