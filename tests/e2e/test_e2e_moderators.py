"""The `/kb` moderator commands, from a member with and without Manage Server."""

from __future__ import annotations

import pytest
from fakediscord import FakeDiscord
from somos import RunningSomos

pytestmark = pytest.mark.e2e

EPHEMERAL = 1 << 6
DEFERRED = 5
SUBCOMMANDS = ["kb reload", "kb status", "kb gaps", "kb reports"]


async def test_members_without_manage_server_are_refused_privately(
    fake_discord: FakeDiscord, somos: RunningSomos
) -> None:
    """`default_permissions` hides /kb, but a server admin can override it: the bot checks too."""
    for path in SUBCOMMANDS:
        reply = await (await fake_discord.command(path, user=fake_discord.new_member())).reply()
        assert reply["flags"] & EPHEMERAL
        assert "Manage Server" in reply["content"], path
    assert not somos.storage.latest_reports()
    somos.assert_alive()


async def test_status_for_a_moderator(fake_discord: FakeDiscord, somos: RunningSomos) -> None:
    status = await fake_discord.command("kb status", moderator=True)
    deferral = await status.response()
    assert deferral["type"] == DEFERRED, "acknowledged before the database is asked"
    reply = await status.reply()
    assert reply["flags"] & EPHEMERAL
    [embed] = reply["embeds"]
    assert len(embed["fields"]) == 4
    [sent] = [
        r for r in fake_discord.requests if r.template == "/webhooks/{webhook_id}/{webhook_token}"
    ]
    assert sent.body["allowed_mentions"] == {"parse": []}


async def test_reload_defers_then_reports_success_and_failure(
    fake_discord: FakeDiscord, somos: RunningSomos
) -> None:
    good = await fake_discord.command("kb reload", moderator=True)
    deferral = await good.response()
    assert deferral["type"] == DEFERRED and deferral["data"]["flags"] & EPHEMERAL
    assert (await good.reply())["content"].startswith("Knowledge reloaded")

    broken = somos.knowledge_dir / "cast.yaml"
    broken.write_text(
        broken.read_text(encoding="utf-8") + "\n  - id: Not An Id `x`\n", encoding="utf-8"
    )
    bad = await fake_discord.command("kb reload", moderator=True)
    text = (await bad.reply())["content"]
    assert "error" in text and "cast.yaml" in text
    assert text.count("```") == 2, "the error list must stay inside one code block"
    assert len(text) <= 2000
    still = await (await fake_discord.command("cast", {"name": "Chayo"})).reply()
    assert "Chayo" in still["embeds"][0]["title"], "the last good knowledge is still served"
    somos.assert_alive()


async def test_gaps_and_reports_list_what_fans_left(
    fake_discord: FakeDiscord, somos: RunningSomos
) -> None:
    empty = await (await fake_discord.command("kb gaps", moderator=True)).reply()
    assert "No unanswered questions" in empty["content"]

    question = "what is the name of **the dog** @everyone"
    for _ in range(2):
        await (
            await fake_discord.command(
                "ask", {"question": question}, user=fake_discord.new_member()
            )
        ).reply()
    # The gap is recorded after the answer is sent: wait for the second one to be stored.
    await fake_discord.wait_until(
        lambda: [g for g in somos.storage.top_gaps() if g.count == 2], 5, "two recorded gaps"
    )
    gaps = await (await fake_discord.command("kb gaps", moderator=True)).reply()
    assert "2×" in gaps["content"] and "the dog" in gaps["content"]
    assert "@everyone" not in gaps["content"] and "**the dog**" not in gaps["content"]

    answer = await fake_discord.command("about", user=fake_discord.new_member())
    click = await answer.click("Report a mistake")
    await (await click.submit_modal({"somos:report:text": "typo in the year"})).reply()
    reports = await (await fake_discord.command("kb reports", moderator=True)).reply()
    assert "typo in the year" in reports["content"]
    assert reports["flags"] & EPHEMERAL
    somos.assert_alive()
