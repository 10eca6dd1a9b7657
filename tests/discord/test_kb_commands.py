"""/kb: refused without Manage Server, private and useful with it."""

from __future__ import annotations

import pytest

from tests.support.discord_harness import Harness
from tests.support.discord_payloads import EVERYONE, MANAGER, slash
from tests.support.discord_spec import assert_valid_callback

SUBCOMMANDS = ["reload", "status", "gaps", "reports"]


@pytest.mark.parametrize("subcommand", SUBCOMMANDS)
async def test_member_without_manage_server_is_refused(harness: Harness, subcommand: str) -> None:
    sent = await harness.interact(slash("kb", subcommand=subcommand, permissions=EVERYONE))
    (callback,) = sent
    assert_valid_callback(callback.payload)  # type: ignore[arg-type]
    assert callback.data["flags"] == 64
    assert "Manage Server" in callback.data["content"]


@pytest.mark.parametrize("subcommand", SUBCOMMANDS)
async def test_moderator_gets_a_private_answer(harness: Harness, subcommand: str) -> None:
    sent = await harness.interact(slash("kb", subcommand=subcommand, permissions=MANAGER))
    assert sent
    for request in sent:
        if request.path.endswith("/callback"):
            assert_valid_callback(request.payload)  # type: ignore[arg-type]
        assert request.data.get("flags") == 64
        assert request.data.get("allowed_mentions") in (None, {"parse": []})
    final = sent[-1].data
    assert final.get("content") or final.get("embeds")


async def test_status_shows_summary_and_database_health(harness: Harness) -> None:
    deferred, sent = await harness.interact(slash("kb", subcommand="status", permissions=MANAGER))
    assert deferred.payload["type"] == 5, "acknowledged before asking the database"  # type: ignore[index]
    fields = {f["name"]: f["value"] for f in sent.data["embeds"][0]["fields"]}
    assert "sources" in fields["Knowledge"]
    assert fields["Database"].startswith("ok")
    assert fields["Last reload error"] == "none"


async def test_status_reports_an_unhealthy_database(harness: Harness) -> None:
    harness.storage.path.write_bytes(b"not a database" * 100)
    _, sent = await harness.interact(slash("kb", subcommand="status", permissions=MANAGER))
    fields = {f["name"]: f["value"] for f in sent.data["embeds"][0]["fields"]}
    assert fields["Database"].startswith("unhealthy")


async def test_gaps_and_reports_list_what_fans_sent(harness: Harness) -> None:
    harness.storage.record_gap("Who does the catering?")
    harness.storage.record_gap("who does the catering")
    harness.storage.add_report(42, "Who plays X?", "Y plays X.", "It is Z, **not** Y @everyone")

    _, gaps = await harness.interact(slash("kb", subcommand="gaps", permissions=MANAGER))
    _, reports = await harness.interact(slash("kb", subcommand="reports", permissions=MANAGER))

    assert "2× who does the catering" in gaps.data["content"]
    content = reports.data["content"]
    assert "\\*\\*not\\*\\*" in content and "@everyone" not in content


async def test_reload_with_errors_lists_them_and_keeps_serving(editable_harness: Harness) -> None:
    harness = editable_harness
    (harness.knowledge_dir / "cast.yaml").write_text("cast:\n  - id: Not An Id\n", encoding="utf-8")
    sent = await harness.interact(slash("kb", subcommand="reload", permissions=MANAGER))
    content = sent[-1].data["content"]
    assert "cast.yaml:" in content
    assert len(content) <= 2000

    (answer,) = await harness.interact(slash("cast", {"name": "Doña Chayo"}))
    assert "Mercedes" in answer.data["embeds"][0]["title"]
