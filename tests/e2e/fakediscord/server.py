"""`FakeDiscord`: one aiohttp server on 127.0.0.1 with REST under `/api/v10` and the gateway at
`/gateway`, plus the controls tests use: send interactions and messages, inject faults, wait for
the bot's answers, and read what broke Discord's rules.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import discord
import yarl
from aiohttp import web

from . import payloads
from .gateway import Gateway, Session
from .interactions import ACKNOWLEDGE_SECONDS, InteractionHandle, InteractionState
from .payloads import (
    APPLICATION_COMMAND,
    AUTOCOMPLETE,
    MEMBER_PERMISSIONS,
    MESSAGE_COMPONENT,
    MODAL_SUBMIT,
    OPTION_SUB_COMMAND,
    OPTION_SUB_COMMAND_GROUP,
    FakeGuild,
    FakeUser,
)
from .rest import API_PREFIX, Faults, RecordedRequest, RestApi
from .spec import OpenAPISpec, Violation

T = TypeVar("T")
MESSAGE_CONTENT_INTENT = 1 << 15
POLL_SECONDS = 0.05
"""`wait_until` re-checks this often even without news from the wire (a process may exit)."""
FAKE_TOKEN = "fake.bot-token.for-tests"  # noqa: S105 - not a secret: the double's only token


class FakeDiscord:
    """A local Discord for one test: start it, point the client at it, drive it, stop it."""

    def __init__(
        self,
        *,
        spec: OpenAPISpec | None,
        token: str = FAKE_TOKEN,
        heartbeat_interval_ms: int = 1000,
        guilds: list[FakeGuild] | None = None,
    ) -> None:
        self.spec = spec
        self.token = token
        self.application_id = payloads.snowflake()
        self.bot_user = FakeUser("Somos Bot", id=self.application_id, bot=True)
        self.owner = FakeUser("operator")
        self.guilds = guilds if guilds is not None else [FakeGuild()]
        self.fan = FakeUser("fan")
        self.moderator = FakeUser("moderator")
        self.acknowledge_seconds = ACKNOWLEDGE_SECONDS
        self.requests: list[RecordedRequest] = []
        self.violations: list[Violation] = []
        self.violation_count = 0
        self.faults = Faults()
        self.interactions: dict[int, InteractionState] = {}
        self.commands: dict[int | None, list[dict[str, Any]]] = {}
        self.channel_messages: list[dict[str, Any]] = []
        self.rest = RestApi(self)
        self.gateway = Gateway(
            token=token,
            heartbeat_interval_ms=heartbeat_interval_ms,
            ready_payload=self.ready_payload,
            guild_payloads=lambda: [g.create_payload(self.bot_user) for g in self.guilds],
            notify=self.notify,
        )
        self._changed = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self.port = 0

    # Lifecycle --------------------------------------------------------------------------------

    async def start(self) -> None:
        """Listen on 127.0.0.1 on a free port."""
        app = web.Application()
        app.router.add_get("/gateway", self.gateway.handle)
        app.router.add_route("*", API_PREFIX + "/{tail:.*}", self.rest.handle)
        self._runner = web.AppRunner(app, shutdown_timeout=1.0, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = int(self._runner.addresses[0][1])

    async def stop(self) -> None:
        """Close every gateway connection and the server."""
        await self.gateway.close_all()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeDiscord:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @property
    def api_base(self) -> str:
        """The REST base URL (`DISCORD_API_BASE`)."""
        return f"http://127.0.0.1:{self.port}{API_PREFIX}"

    @property
    def gateway_url(self) -> str:
        """The gateway URL (`DISCORD_GATEWAY_URL`)."""
        return f"ws://127.0.0.1:{self.port}/gateway"

    @contextlib.contextmanager
    def patch_client(self) -> Iterator[None]:
        """Point discord.py's REST base and default gateway here; restore both afterwards."""
        base, gateway = discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
        discord.http.Route.BASE = self.api_base
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(self.gateway_url)
        try:
            yield
        finally:
            discord.http.Route.BASE = base
            discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = gateway

    # Identity ---------------------------------------------------------------------------------

    @property
    def guild(self) -> FakeGuild:
        """The first guild, where scenarios happen by default."""
        return self.guilds[0]

    def application_payload(self) -> dict[str, Any]:
        """`GET /oauth2/applications/@me`."""
        return {
            "id": str(self.application_id),
            "name": self.bot_user.name,
            "description": "",
            "icon": None,
            "bot_public": True,
            "bot_require_code_grant": False,
            "owner": self.owner.payload(),
            "verify_key": "0" * 64,
            "type": None,
            "flags": 0,
            "flags_new": "0",
            "team": None,
            "summary": "",
            "bot": self.bot_user.payload(),
            "redirect_uris": [],
            "interactions_endpoint_url": None,
            "role_connections_verification_url": None,
            "approximate_guild_count": len(self.guilds),
            "approximate_user_install_count": 0,
            "approximate_user_authorization_count": 0,
            "explicit_content_filter": 0,
            "eligible_oauth2_scopes": ["bot", "applications.commands"],
        }

    def ready_payload(self, session: Session) -> dict[str, Any]:
        """The READY event for a new session."""
        return {
            "v": 10,
            "user": {**self.bot_user.payload(), "verified": True, "mfa_enabled": False, "flags": 0},
            "guilds": [
                {"id": str(g.id), "unavailable": True} for g in self.guilds if session.owns(g.id)
            ],
            "shard": list(session.shard),
            "session_id": session.id,
            "session_type": "normal",
            "resume_gateway_url": self.gateway_url,
            "application": {"id": str(self.application_id), "flags": 0},
            "private_channels": [],
            "relationships": [],
            "presences": [],
            "geo_ordered_rtc_regions": [],
            "_trace": ["fake-discord"],
        }

    def guild_of_channel(self, channel_id: int) -> FakeGuild | None:
        """The guild that has the text channel `channel_id`."""
        for guild in self.guilds:
            if any(channel.id == channel_id for channel in guild.channels):
                return guild
        return None

    # Records and rules ------------------------------------------------------------------------

    def notify(self) -> None:
        """Wake every `wait_until`."""
        self._changed.set()
        self._changed = asyncio.Event()

    def violation(self, record: RecordedRequest, reason: str) -> None:
        """Record that `record` broke one of Discord's rules."""
        record.violations.append(reason)
        self.violations.append(Violation(record.method, record.path, reason))
        self.violation_count += 1

    def take_violations(self, containing: str = "") -> list[Violation]:
        """Remove and return the violations whose reason contains `containing`."""
        taken = [v for v in self.violations if containing in v.reason]
        self.violations = [v for v in self.violations if v not in taken]
        return taken

    def unacknowledged(self, *, final: bool = False) -> list[InteractionState]:
        """Interactions that should have been acknowledged and whose deadline passed without it
        (`final`: whether or not the deadline passed, as the bot has stopped)."""
        now = time.monotonic()
        return [
            state
            for state in self.interactions.values()
            if state.expect_ack
            and not state.expired
            and state.callback is None
            and (final or state.elapsed(now) > self.acknowledge_seconds)
        ]

    def requests_to(self, method: str, template: str) -> list[RecordedRequest]:
        """Recorded requests to one route template."""
        return [r for r in self.requests if r.method == method and r.template == template]

    async def wait_until(
        self,
        predicate: Callable[[], T | None],
        timeout: float,
        what: str,
        *,
        violations_expected: bool = False,
    ) -> T:
        """Wait until `predicate()` is truthy and return it; fail naming `what` on timeout, and
        at once, naming the rule, if the bot breaks one meanwhile (unless `violations_expected`)."""
        deadline = time.monotonic() + timeout
        seen = self.violation_count
        while True:
            changed = self._changed
            result = predicate()
            if result:
                return result
            if self.violation_count > seen and not violations_expected:
                broken = "\n  ".join(
                    str(v) for v in self.violations[-(self.violation_count - seen) :]
                )
                raise AssertionError(f"Discord's rules were broken waiting for {what}:\n  {broken}")
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                recent = "\n  ".join(
                    f"{r.method} {r.path} -> {r.status}" for r in self.requests[-8:]
                )
                raise AssertionError(f"timed out waiting for {what}; last requests:\n  {recent}")
            with contextlib.suppress(TimeoutError):  # also re-check now and then: the
                await asyncio.wait_for(changed.wait(), min(remaining, POLL_SECONDS))  # bot's task

    async def wait_for_violation(self, timeout: float = 5.0) -> list[Violation]:
        """Wait for the bot to break a rule (in a test that makes it); returns the violations."""
        return await self.wait_until(
            lambda: self.violations, timeout, "a violation", violations_expected=True
        )

    async def wait_for_session(
        self, *, identifies: int = 1, resumes: int = 0, timeout: float = 10.0
    ) -> None:
        """Wait until the client has identified (and resumed) that many times and is connected."""
        await self.wait_until(
            lambda: (
                self.gateway.live is not None
                and self.gateway.identify_count >= identifies
                and self.gateway.resume_count >= resumes
            ),
            timeout,
            f"{identifies} IDENTIFY and {resumes} RESUME",
        )

    # Sending events ---------------------------------------------------------------------------

    async def dispatch(self, event: str, data: Any) -> None:
        """Send a gateway DISPATCH event to the bot.

        Like Discord, a message that does not mention the bot arrives without its content
        unless the session asked for the privileged message-content intent.
        """
        session = self.gateway.session
        if (
            event == "MESSAGE_CREATE"
            and session is not None
            and not session.intents & MESSAGE_CONTENT_INTENT
            and str(self.bot_user.id) not in {m["id"] for m in data.get("mentions", [])}
        ):
            data = {**data, "content": "", "embeds": [], "attachments": [], "components": []}
        guild_id = data.get("guild_id") if isinstance(data, dict) else None
        await self.gateway.dispatch(event, data, int(guild_id) if guild_id else None)

    async def send_interaction(
        self,
        payload: dict[str, Any],
        *,
        expect_ack: bool = True,
        expired: bool = False,
        opened_by: InteractionState | None = None,
    ) -> InteractionHandle:
        """Send INTERACTION_CREATE; the 3-second acknowledgement clock starts now.

        `expired=True` makes every callback answer 10062, as for a token Discord already forgot.
        """
        state = InteractionState(
            payload=payload,
            sent_at=time.monotonic(),
            expect_ack=expect_ack,
            expired=expired,
            opened_by=opened_by,
        )
        with contextlib.suppress(KeyError, TypeError, ValueError):
            self.interactions[int(payload["id"])] = state
        await self.dispatch("INTERACTION_CREATE", payload)
        return InteractionHandle(self, state)

    def interaction_by_token(self, token: str) -> InteractionState | None:
        for state in self.interactions.values():
            if state.payload.get("token") == token:
                return state
        return None

    def find_command(self, name: str) -> tuple[dict[str, Any] | None, int | None]:
        """A synced chat-input command by name: guild commands first, then global."""
        for scope in [*(g.id for g in self.guilds), None]:
            for command in self.commands.get(scope, []):
                if command["name"] == name and command.get("type", 1) == 1:
                    return command, scope
        return None, None

    def _invoker(
        self, moderator: bool, permissions: int | None, user: FakeUser | None = None
    ) -> tuple[FakeUser, int]:
        if permissions is None:
            permissions = payloads.MODERATOR_PERMISSIONS if moderator else MEMBER_PERMISSIONS
        return user or (self.moderator if moderator else self.fan), permissions

    def new_member(self, name: str = "fan") -> FakeUser:
        """Another member (each has their own command cooldown)."""
        return FakeUser(name)

    def command_data(
        self,
        path: str,
        values: dict[str, Any],
        focused: str | None = None,
        options: list[dict[str, Any]] | None = None,
    ) -> dict[str, Any]:
        """`data` of an APPLICATION_COMMAND/AUTOCOMPLETE for `path` ("cast", "kb reload")."""
        name, *subpath = path.split()
        command, scope = self.find_command(name)
        definition = command
        chain: list[dict[str, Any]] = []
        for part in subpath:
            found = next(
                (o for o in (definition or {}).get("options") or [] if o["name"] == part), None
            )
            kind = (found or {}).get(
                "type", OPTION_SUB_COMMAND if part == subpath[-1] else OPTION_SUB_COMMAND_GROUP
            )
            chain.append({"name": part, "type": kind})
            definition = found
        leaf = (
            options
            if options is not None
            else payloads.command_options(definition, values, focused)
        )
        for link in reversed(chain):
            leaf = [{**link, "options": leaf}]
        data: dict[str, Any] = {
            "id": command["id"] if command else str(payloads.snowflake()),
            "name": name,
            "type": 1,
            "options": leaf,
        }
        if scope is not None:
            data["guild_id"] = str(scope)
        return data

    async def command(
        self,
        path: str,
        values: dict[str, Any] | None = None,
        *,
        moderator: bool = False,
        permissions: int | None = None,
        user: FakeUser | None = None,
        locale: str = "en-US",
        options: list[dict[str, Any]] | None = None,
        expect_ack: bool = True,
        expired: bool = False,
        direct_message: bool = False,
    ) -> InteractionHandle:
        """A member runs the slash command `path` ("cast", "kb reload") with option `values`
        (typed from the synced command), or exactly the raw `options` given; in the guild's
        channel, or with `direct_message` in their DM with the bot."""
        invoker, perms = self._invoker(moderator, permissions, user)
        payload = payloads.interaction(
            interaction_type=APPLICATION_COMMAND,
            data=self.command_data(path, values or {}, None, options),
            application_id=self.application_id,
            guild=self.guild,
            invoker=invoker,
            permissions=perms,
            locale=locale,
        )
        if direct_message:
            payload = payloads.in_direct_message(payload, invoker.id)
            payload["data"].pop("guild_id", None)
        return await self.send_interaction(payload, expect_ack=expect_ack, expired=expired)

    async def autocomplete(
        self,
        path: str,
        focused: str,
        typed: str,
        *,
        values: dict[str, Any] | None = None,
        moderator: bool = False,
        user: FakeUser | None = None,
    ) -> InteractionHandle:
        """A member has `typed` into option `focused` of `path`; `values`: the other options."""
        invoker, perms = self._invoker(moderator, None, user)
        payload = payloads.interaction(
            interaction_type=AUTOCOMPLETE,
            data=self.command_data(path, {**(values or {}), focused: typed}, focused),
            application_id=self.application_id,
            guild=self.guild,
            invoker=invoker,
            permissions=perms,
        )
        return await self.send_interaction(payload)

    async def click(
        self,
        message: dict[str, Any],
        label_or_id: str,
        *,
        moderator: bool = False,
        user: FakeUser | None = None,
    ) -> InteractionHandle:
        """A member clicks a button of `message` (a message object the bot created)."""
        button = payloads.find_button(message, label_or_id)
        if button is None or "custom_id" not in button:
            raise AssertionError(f"no button {label_or_id!r} in message {message.get('id')}")
        invoker, perms = self._invoker(moderator, None, user)
        payload = payloads.interaction(
            interaction_type=MESSAGE_COMPONENT,
            data={"custom_id": button["custom_id"], "component_type": 2},
            application_id=self.application_id,
            guild=self.guild,
            invoker=invoker,
            permissions=perms,
            extra={"message": message},
        )
        return await self.send_interaction(payload)

    async def submit_modal(
        self,
        modal: dict[str, Any],
        values: dict[str, str],
        *,
        moderator: bool = False,
        user: FakeUser | None = None,
        opened_by: InteractionState | None = None,
    ) -> InteractionHandle:
        """A member submits `modal` (the data of a type 9 callback) filled in with `values`."""
        invoker, perms = self._invoker(moderator, None, user)
        payload = payloads.interaction(
            interaction_type=MODAL_SUBMIT,
            data={
                "custom_id": modal["custom_id"],
                "components": payloads.modal_submit_components(modal, values),
            },
            application_id=self.application_id,
            guild=self.guild,
            invoker=invoker,
            permissions=perms,
        )
        return await self.send_interaction(payload, opened_by=opened_by)

    async def mention(
        self, text: str, *, author: FakeUser | None = None, mention_bot: bool = True
    ) -> dict[str, Any]:
        """A member posts `<@bot> text` (or just `text`) in the guild's channel; returns it."""
        who = author or self.fan
        content = f"<@{self.bot_user.id}> {text}" if mention_bot else text
        message = payloads.message(
            channel_id=self.guild.channel.id,
            guild_id=self.guild.id,
            author=who.payload(),
            body={"content": content},
            extra={
                "mentions": [self.bot_user.payload()] if mention_bot else [],
                "member": {k: v for k, v in payloads.member(who.payload()).items() if k != "user"},
            },
        )
        await self.dispatch("MESSAGE_CREATE", message)
        return message

    async def channel_reply(self, to: dict[str, Any], timeout: float = 5.0) -> dict[str, Any]:
        """The bot's message in reply to message `to`."""

        def found() -> dict[str, Any] | None:
            return next(
                (
                    m
                    for m in self.channel_messages
                    if m.get("message_reference", {}).get("message_id") == to["id"]
                ),
                None,
            )

        return await self.wait_until(found, timeout, f"a reply to message {to['id']}")
