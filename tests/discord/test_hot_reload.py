"""Editing the knowledge while fans ask: good edits take effect, bad edits never break answers."""

from __future__ import annotations

import asyncio

from tests.support.discord_harness import Harness
from tests.support.discord_payloads import MANAGER, slash
from tests.support.discord_spec import assert_valid_callback


async def _ask_many(harness: Harness, rounds: int) -> list[str]:
    titles = []
    for _ in range(rounds):
        sent = await harness.interact(slash("cast", {"name": "Doña Chayo"}))
        (callback,) = sent
        assert_valid_callback(callback.payload)  # type: ignore[arg-type]
        titles.append(callback.data["embeds"][0]["title"])
    return titles


async def test_valid_and_invalid_edits_under_concurrent_questions(
    editable_harness: Harness,
) -> None:
    harness = editable_harness
    cast = harness.knowledge_dir / "cast.yaml"
    original = cast.read_text(encoding="utf-8")
    assert "Mercedes Hernández" in original

    async def edit_and_reload() -> list[str]:
        replies = []
        cast.write_text(
            original.replace("Mercedes Hernández", "Mercedes Hernandes"), encoding="utf-8"
        )
        sent = await harness.interact(slash("kb", subcommand="reload", permissions=MANAGER))
        replies.append(sent[-1].data["content"])
        cast.write_text(original + "\n  - this is: [not valid\n", encoding="utf-8")
        sent = await harness.interact(slash("kb", subcommand="reload", permissions=MANAGER))
        replies.append(sent[-1].data["content"])
        return replies

    asked, replies = await asyncio.gather(_ask_many(harness, 20), edit_and_reload())

    assert replies[0].startswith("Knowledge reloaded")
    assert "cast.yaml" in replies[1] and "error" in replies[1]
    assert all(("Mercedes Hernández" in t) or ("Mercedes Hernandes" in t) for t in asked)
    # The invalid edit kept the last good version, the corrected spelling.
    (after,) = await harness.interact(slash("cast", {"name": "Doña Chayo"}))
    assert "Mercedes Hernandes" in after.data["embeds"][0]["title"]
    assert harness.knowledge.last_error


async def test_watcher_picks_up_an_edit(editable_harness: Harness) -> None:
    harness = editable_harness
    cast = harness.knowledge_dir / "cast.yaml"
    text = cast.read_text(encoding="utf-8")
    cast.write_text(text.replace("Mercedes Hernández", "M. Hernández"), encoding="utf-8")
    watcher = asyncio.create_task(harness.knowledge.watch(0.01))
    try:
        for _ in range(500):  # a bound, not a timing assertion
            (sent,) = await harness.interact(slash("cast", {"name": "Doña Chayo"}))
            if "M. Hernández" in sent.data["embeds"][0]["title"]:
                break
            await asyncio.sleep(0.01)
        else:
            raise AssertionError("the watcher never reloaded the edit")
    finally:
        watcher.cancel()
