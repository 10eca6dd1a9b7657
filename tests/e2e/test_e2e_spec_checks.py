"""The fake Discord's own rule checks, on hand-made bodies (no bot, no sockets)."""

from __future__ import annotations

import aiohttp
import pytest
from fakediscord import FakeDiscord, OpenAPISpec
from fakediscord.rest import RestApi
from fakediscord.spec import embeds_text_length, explain, is_valid_command_name, response_validator
from somos import RunningSomos

pytestmark = pytest.mark.e2e

CALLBACK = "/interactions/1/token/callback"


def test_every_route_the_double_serves_is_in_the_spec(openapi_spec: OpenAPISpec) -> None:
    served = {key for key in RestApi(FakeDiscord(spec=openapi_spec)).handlers}
    for method, template in served:
        assert template in openapi_spec.templates, template
        assert method.lower() in openapi_spec.document["paths"][template], (method, template)


def test_literal_segments_win_over_parameters(openapi_spec: OpenAPISpec) -> None:
    assert (
        openapi_spec.match("PATCH", "/webhooks/1/tok/messages/@original")
        == "/webhooks/{webhook_id}/{webhook_token}/messages/@original"
    )
    assert (
        openapi_spec.match("PATCH", "/webhooks/1/tok/messages/2")
        == "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}"
    )
    assert openapi_spec.match("GET", "/users/@me") == "/users/@me"


def test_union_errors_name_the_branch_the_type_chose(openapi_spec: OpenAPISpec) -> None:
    [reason] = openapi_spec.validate(
        "POST", CALLBACK, {"type": 4, "data": {"content": "x", "embeds": [{"title": "t" * 300}]}}
    )
    assert reason == (
        "$.data.embeds[0].title: 300 characters, more than 256 "
        "(as CreateMessageInteractionCallbackRequest > IncomingWebhookInteractionRequest)"
    )


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ({"type": 8, "data": {"choices": [{"name": "a", "value": "a"}] * 26}}, "26 items"),
        ({"type": 8, "data": {"choices": [{"name": "", "value": "a"}]}}, "0 characters"),
        ({"type": 4, "data": {"content": "x" * 2001}}, "2001 characters, more than 2000"),
        ({"type": 4, "data": {"embeds": [{}] * 11}}, "11 items, more than 10"),
        ({"type": 9, "data": {"custom_id": "m", "title": "t" * 46, "components": []}}, "46"),
    ],
)
def test_spec_limits(openapi_spec: OpenAPISpec, body: dict[str, object], expected: str) -> None:
    reasons = openapi_spec.validate("POST", CALLBACK, body)
    assert any(expected in reason for reason in reasons), reasons


def test_integer_snowflakes_are_accepted(openapi_spec: OpenAPISpec) -> None:
    body = {"content": "hi", "message_reference": {"message_id": 12, "channel_id": 3}}
    assert openapi_spec.validate("POST", "/channels/1/messages", body) == []


def test_embed_total_counts_every_text_field(openapi_spec: OpenAPISpec) -> None:
    embed = {
        "title": "a" * 256,
        "description": "b" * 4096,
        "fields": [{"name": "c" * 256, "value": "d" * 1024}] * 1,
        "footer": {"text": "e" * 368},
        "author": {"name": "f"},
    }
    assert embeds_text_length([embed]) == 6001
    [reason] = openapi_spec.validate(
        "PATCH", "/webhooks/1/t/messages/@original", {"embeds": [embed]}
    )
    assert "6001 characters of text, more than Discord's 6000" in reason


@pytest.mark.parametrize("name", ["cast", "season2", "kb", "canción", "名前", "a-b_c", "x" * 32])
def test_valid_command_names(name: str) -> None:
    assert is_valid_command_name(name)


@pytest.mark.parametrize("name", ["Cast", "a b", "", "x" * 33, "¿qué?", "emoji🌵", "dot.name"])
def test_invalid_command_names(name: str) -> None:
    assert not is_valid_command_name(name)


def test_command_sync_checks_names_and_descriptions(openapi_spec: OpenAPISpec) -> None:
    body = [
        {
            "name": "Cast",
            "description": "",
            "type": 1,
            "options": [{"type": 3, "name": "a b", "description": "x" * 101}],
        },
        {"name": "Report Message", "type": 3},  # context menus may have spaces and capitals
    ]
    reasons = openapi_spec.validate("PUT", "/applications/1/commands", body)
    assert any(r.startswith("$[0].name: 'Cast'") for r in reasons)
    assert any(r.startswith("$[0].description: must be 1-100") for r in reasons)
    assert any(r.startswith("$[0].options[0].name: 'a b'") for r in reasons)
    assert not any(r.startswith("$[1]") for r in reasons)


async def test_raw_requests_that_break_the_rules(fake_discord: FakeDiscord) -> None:
    """Requests by hand: a bad User-Agent, a form body, an unknown route, a wrong token."""
    api = fake_discord.api_base
    good = {"Authorization": f"Bot {fake_discord.token}", "User-Agent": "DiscordBot (x, 1)"}
    async with aiohttp.ClientSession() as session:
        async with session.get(f"{api}/users/@me", headers=good) as response:
            assert response.status == 200
            assert response.headers["Content-Type"] == "application/json"
        bad_agent = {**good, "User-Agent": "curl/8"}
        async with session.get(f"{api}/users/@me", headers=bad_agent) as response:
            assert response.status == 400
        channel = fake_discord.guild.channel.id
        async with session.post(
            f"{api}/channels/{channel}/messages",
            data="content=hi",
            headers={**good, "Content-Type": "application/x-www-form-urlencoded"},
        ) as response:
            assert response.status == 400
        async with session.get(f"{api}/guilds/1/bans", headers=good) as response:
            assert response.status == 404
        async with session.get(
            f"{api}/users/@me", headers={**good, "Authorization": "Bot nope"}
        ) as response:
            assert response.status == 401
    reasons = [v.reason for v in fake_discord.take_violations()]
    assert "User-Agent 'curl/8' is not DiscordBot (…)" in reasons
    assert "a body sent as 'application/x-www-form-urlencoded'" in reasons
    assert "a route the fake Discord does not implement" in reasons


async def test_the_double_answers_as_the_spec_describes(
    fake_discord: FakeDiscord, somos: RunningSomos
) -> None:
    """The double's own responses, across every route a scenario uses, match the spec's
    response schemas, so discord.py parses what it would parse from Discord."""
    answer = await fake_discord.command("cast", {"name": "Chayo"})
    click = await answer.click("Report a mistake")
    await (await click.submit_modal({"somos:report:text": "typo"})).reply()
    await (await fake_discord.autocomplete("cast", "name", "a")).response()
    await (await fake_discord.command("kb reload", moderator=True)).reply()
    await fake_discord.channel_reply(await fake_discord.mention("who plays Chayo?"))

    checked = set()
    for record in fake_discord.requests:
        assert record.template is not None
        if record.template.endswith("/callback") and record.body["type"] in (5, 6, 8, 9):
            continue  # the spec documents resources of types 4, 7 and 12 only
        validator = response_validator(
            openapi_spec(fake_discord), record.template, record.method, record.status
        )
        assert validator is not None, (record.method, record.template, record.status)
        problems = [p for error in validator.iter_errors(record.response) for p in explain(error)]
        assert not problems, (record.method, record.path, problems)
        checked.add((record.method, record.template))
    assert len(checked) == 6, checked


def openapi_spec(fake: FakeDiscord) -> OpenAPISpec:
    assert fake.spec is not None
    return fake.spec
