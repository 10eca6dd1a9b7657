"""The REST routes the bot uses, under `/api/v10`, with fault injection and a record of requests.

Every request is recorded, its body validated against the spec (`spec.py`), and a queued fault
for its route, if any, answered instead. Responses carry `Content-Type: application/json` exactly:
discord.py parses a body as JSON only then.
"""

from __future__ import annotations

import json
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from aiohttp import web

from . import payloads
from .interactions import (
    ALLOWED_CALLBACKS,
    CHANNEL_MESSAGE,
    DEFERRED_CHANNEL_MESSAGE,
    DEFERRED_UPDATE,
    UPDATE_MESSAGE,
    InteractionState,
)
from .spec import RouteTemplate

if TYPE_CHECKING:
    from .server import FakeDiscord

API_PREFIX = "/api/v10"
EPHEMERAL = 1 << 6
LOADING = 1 << 7

# Short names for the routes tests inject faults into.
ROUTES: dict[str, tuple[str, str]] = {
    "users_me": ("GET", "/users/@me"),
    "application": ("GET", "/oauth2/applications/@me"),
    "sync_global": ("PUT", "/applications/{application_id}/commands"),
    "sync_guild": ("PUT", "/applications/{application_id}/guilds/{guild_id}/commands"),
    "callback": ("POST", "/interactions/{interaction_id}/{interaction_token}/callback"),
    "followup": ("POST", "/webhooks/{webhook_id}/{webhook_token}"),
    "edit_original": ("PATCH", "/webhooks/{webhook_id}/{webhook_token}/messages/@original"),
    "channel_message": ("POST", "/channels/{channel_id}/messages"),
}


@dataclass
class RecordedRequest:
    """One REST request and how the fake Discord answered it."""

    at: float
    method: str
    path: str
    template: str | None
    query: dict[str, str]
    headers: dict[str, str]
    body: Any
    status: int = 0
    response: Any = None
    violations: list[str] = field(default_factory=list)

    @property
    def route(self) -> tuple[str, str | None]:
        return (self.method, self.template)


@dataclass
class Fault:
    """A canned error answer for the next `times` requests to one route."""

    method: str
    template: str
    status: int
    body: dict[str, Any]
    headers: dict[str, str] = field(default_factory=dict)
    times: int = 1


class Faults:
    """Queued REST faults, consumed in order by matching requests."""

    def __init__(self) -> None:
        self.queue: list[Fault] = []

    @staticmethod
    def _route(route: str | tuple[str, str]) -> tuple[str, str]:
        return ROUTES[route] if isinstance(route, str) else route

    def add(
        self,
        route: str | tuple[str, str],
        status: int,
        body: dict[str, Any],
        *,
        headers: dict[str, str] | None = None,
        times: int = 1,
    ) -> None:
        """Answer the next `times` requests to `route` with `status` and `body`."""
        method, template = self._route(route)
        self.queue.append(Fault(method, template, status, body, headers or {}, times))

    def rate_limit(
        self,
        route: str | tuple[str, str],
        retry_after: float = 0.1,
        *,
        times: int = 1,
        is_global: bool = False,
    ) -> None:
        """A 429 as Discord sends it (with `Via`, which discord.py needs to trust it)."""
        self.add(
            route,
            429,
            {
                "message": "You are being rate limited.",
                "retry_after": retry_after,
                "global": is_global,
                "code": 0,
            },
            headers={
                "Via": "1.1 google",
                "Retry-After": str(max(1, round(retry_after))),
                "X-RateLimit-Limit": "5",
                "X-RateLimit-Remaining": "0",
                "X-RateLimit-Reset-After": str(retry_after),
                "X-RateLimit-Bucket": "fake-bucket",
                "X-RateLimit-Scope": "global" if is_global else "user",
            },
            times=times,
        )

    def server_error(
        self, route: str | tuple[str, str], status: int = 500, *, times: int = 1
    ) -> None:
        """A 5xx, which discord.py retries after 1, 3, 5… seconds."""
        self.add(route, status, {"message": "500: Internal Server Error", "code": 0}, times=times)

    def take(self, method: str, template: str | None) -> Fault | None:
        for fault in self.queue:
            if fault.method == method and fault.template == template:
                fault.times -= 1
                if fault.times <= 0:
                    self.queue.remove(fault)
                return fault
        return None


def json_response(
    data: Any, status: int = 200, headers: dict[str, str] | None = None
) -> web.Response:
    """A JSON response with the bare `application/json` content type discord.py insists on."""
    return web.Response(
        status=status,
        body=json.dumps(data).encode(),
        headers={"Content-Type": "application/json", **(headers or {})},
    )


def error(status: int, code: int, message: str) -> web.Response:
    """A Discord error body."""
    return json_response({"message": message, "code": code}, status)


Handler = Callable[[RecordedRequest, dict[str, str]], Awaitable[web.Response]]


class RestApi:
    """Route handlers; state lives on the `FakeDiscord`."""

    def __init__(self, fake: FakeDiscord) -> None:
        self.fake = fake
        self.handlers: dict[tuple[str, str], Handler] = {
            ("GET", "/users/@me"): self.get_me,
            ("GET", "/oauth2/applications/@me"): self.get_application,
            ("GET", "/gateway"): self.get_gateway,
            ("GET", "/gateway/bot"): self.get_gateway,
            ("GET", "/applications/{application_id}/commands"): self.get_commands,
            ("PUT", "/applications/{application_id}/commands"): self.put_commands,
            ("GET", "/applications/{application_id}/guilds/{guild_id}/commands"): self.get_commands,
            ("PUT", "/applications/{application_id}/guilds/{guild_id}/commands"): self.put_commands,
            ("POST", "/interactions/{interaction_id}/{interaction_token}/callback"): self.callback,
            ("POST", "/webhooks/{webhook_id}/{webhook_token}"): self.followup,
            ("GET", "/webhooks/{webhook_id}/{webhook_token}/messages/@original"): self.get_original,
            (
                "PATCH",
                "/webhooks/{webhook_id}/{webhook_token}/messages/@original",
            ): self.edit_original,
            (
                "DELETE",
                "/webhooks/{webhook_id}/{webhook_token}/messages/@original",
            ): self.delete_original,
            (
                "PATCH",
                "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}",
            ): self.edit_followup,
            ("POST", "/channels/{channel_id}/messages"): self.create_message,
            ("POST", "/channels/{channel_id}/typing"): self.typing,
        }
        self.routes = sorted(
            {RouteTemplate.compile(template) for _, template in self.handlers},
            key=lambda route: (-route.literal_segments, route.template),
        )

    def match(self, method: str, path: str) -> str | None:
        """The template of an implemented route that `method path` is an instance of."""
        for route in self.routes:
            if route.pattern.match(path) and (method, route.template) in self.handlers:
                return route.template
        return None

    # Plumbing ---------------------------------------------------------------------------------

    async def handle(self, request: web.Request) -> web.Response:
        """The catch-all aiohttp handler for `/api/v10/…`."""
        path = request.path[len(API_PREFIX) :] or "/"
        header_wrongs = header_problems(request)  # before the body is read
        body = await _read_body(request)
        spec = self.fake.spec
        template = self.match(request.method, path)
        if template is None and spec is not None:
            template = spec.match(request.method, path)
        record = RecordedRequest(
            at=time.monotonic(),
            method=request.method,
            path=path,
            template=template,
            query=dict(request.query),
            headers=dict(request.headers),
            body=body,
        )
        self.fake.requests.append(record)
        for reason in header_wrongs:
            self.fake.violation(record, reason)
        if spec is not None and request.method in ("POST", "PUT", "PATCH"):
            for reason in spec.validate(request.method, path, body):
                self.fake.violation(record, reason)
        response = await self._answer(record)
        record.status = response.status
        record.response = json.loads(response.body) if response.body else None  # type: ignore[arg-type]
        self.fake.notify()
        return response

    async def _answer(self, record: RecordedRequest) -> web.Response:
        fault = self.fake.faults.take(record.method, record.template)
        if fault is not None:
            return json_response(fault.body, fault.status, fault.headers)
        if record.violations:
            return json_response(
                {
                    "message": "Invalid Form Body",
                    "code": 50035,
                    "errors": {
                        "_errors": [
                            {"code": "BASE_TYPE_INVALID", "message": v} for v in record.violations
                        ]
                    },
                },
                400,
            )
        handler = self.handlers.get((record.method, record.template or ""))
        if handler is None:
            self.fake.violation(record, "a route the fake Discord does not implement")
            return error(404, 0, "404: Not Found")
        params = _params(record.template or "", record.path)
        needs_auth = not record.template or not record.template.startswith(
            ("/interactions", "/webhooks")
        )
        if needs_auth and record.headers.get("Authorization") != f"Bot {self.fake.token}":
            return error(401, 0, "401: Unauthorized")
        return await handler(record, params)

    # Identity ---------------------------------------------------------------------------------

    async def get_me(self, record: RecordedRequest, params: dict[str, str]) -> web.Response:
        return json_response(
            {
                **self.fake.bot_user.payload(),
                "verified": True,
                "mfa_enabled": False,
                "locale": "en-US",
            }
        )

    async def get_application(
        self, record: RecordedRequest, params: dict[str, str]
    ) -> web.Response:
        return json_response(self.fake.application_payload())

    async def get_gateway(self, record: RecordedRequest, params: dict[str, str]) -> web.Response:
        return json_response(
            {
                "url": self.fake.gateway_url,
                "shards": 1,
                "session_start_limit": {
                    "total": 1000,
                    "remaining": 999,
                    "reset_after": 0,
                    "max_concurrency": 1,
                },
            }
        )

    # Commands ---------------------------------------------------------------------------------

    def _scope(self, params: dict[str, str]) -> int | None:
        return int(params["guild_id"]) if "guild_id" in params else None

    async def get_commands(self, record: RecordedRequest, params: dict[str, str]) -> web.Response:
        return json_response(self.fake.commands.get(self._scope(params), []))

    async def put_commands(self, record: RecordedRequest, params: dict[str, str]) -> web.Response:
        scope = self._scope(params)
        if int(params["application_id"]) != self.fake.application_id:
            return error(403, 50001, "Missing Access")
        previous = {(c["name"], c["type"]): c["id"] for c in self.fake.commands.get(scope, [])}
        stored = []
        for command in record.body or []:
            kind = command.get("type", 1)
            stored.append(
                {
                    "id": previous.get((command["name"], kind)) or str(payloads.snowflake()),
                    "application_id": str(self.fake.application_id),
                    "version": str(payloads.snowflake()),
                    "type": kind,
                    "name": command["name"],
                    "description": command.get("description") or "",
                    "options": command.get("options") or [],
                    "default_member_permissions": _permissions(
                        command.get("default_member_permissions")
                    ),
                    "dm_permission": command.get("dm_permission", True),
                    "nsfw": command.get("nsfw", False),
                    "contexts": command.get("contexts"),
                    "integration_types": command.get("integration_types") or [0],
                    **({"guild_id": str(scope)} if scope is not None else {}),
                    **{k: v for k, v in command.items() if k.endswith("_localizations")},
                }
            )
        self.fake.commands[scope] = stored
        return json_response(stored)

    # Interactions -----------------------------------------------------------------------------

    async def callback(self, record: RecordedRequest, params: dict[str, str]) -> web.Response:
        state = self.fake.interactions.get(int(params["interaction_id"]))
        if state is None or state.token != params["interaction_token"]:
            self.fake.violation(record, "a callback for an interaction Discord never sent")
            return error(404, 10062, "Unknown interaction")
        if state.expired:
            return error(404, 10062, "Unknown interaction")
        if state.callback is not None:
            self.fake.violation(record, "interaction acknowledged twice (40060)")
            return error(400, 40060, "Interaction has already been acknowledged.")
        elapsed = state.elapsed(record.at)
        if elapsed > self.fake.acknowledge_seconds:
            self.fake.violation(
                record,
                f"acknowledged {elapsed:.2f}s after INTERACTION_CREATE, Discord allows "
                f"{self.fake.acknowledge_seconds:g}s (10062 Unknown interaction)",
            )
            state.expired = True
            return error(404, 10062, "Unknown interaction")
        body = record.body if isinstance(record.body, dict) else {}
        kind = body.get("type")
        if kind not in ALLOWED_CALLBACKS.get(state.type, frozenset()):
            self.fake.violation(
                record, f"callback type {kind} is not allowed for interaction type {state.type}"
            )
            return error(400, 50035, "Interaction response type is invalid")
        state.callback = body
        state.acked_at = record.at
        data = body.get("data") or {}
        message: dict[str, Any] | None = None
        if kind in (CHANNEL_MESSAGE, DEFERRED_CHANNEL_MESSAGE):
            flags = int(data.get("flags") or 0) | (
                LOADING if kind == DEFERRED_CHANNEL_MESSAGE else 0
            )
            message = self._interaction_message(state, {**data, "flags": flags}, message_type=20)
            state.original = message
        elif kind in (DEFERRED_UPDATE, UPDATE_MESSAGE):
            source = state.payload.get("message")
            if source is not None:
                message = {
                    **source,
                    **(
                        {k: v for k, v in data.items() if k != "flags"}
                        if kind == UPDATE_MESSAGE
                        else {}
                    ),
                }
                state.original = message
        interaction = {
            "id": str(state.id),
            "type": state.type,
            "response_message_loading": kind == DEFERRED_CHANNEL_MESSAGE,
            "response_message_ephemeral": bool(int(data.get("flags") or 0) & EPHEMERAL),
        }
        resource: dict[str, Any] = {"type": kind}
        if message is not None:
            interaction["response_message_id"] = message["id"]
            resource["message"] = message
        return json_response({"interaction": interaction, "resource": resource})

    def _interaction_message(
        self, state: InteractionState, body: dict[str, Any], message_type: int
    ) -> dict[str, Any]:
        payload = state.payload
        return payloads.message(
            channel_id=int(payload["channel_id"]),
            guild_id=int(payload["guild_id"]) if payload.get("guild_id") else None,
            author=self.fake.bot_user.payload(),
            body=body,
            message_type=message_type,
            extra={
                "webhook_id": str(self.fake.application_id),
                "application_id": str(self.fake.application_id),
                "interaction_metadata": state.metadata(),
            },
        )

    def _webhook_interaction(
        self, record: RecordedRequest, params: dict[str, str]
    ) -> InteractionState | web.Response:
        if int(params["webhook_id"]) != self.fake.application_id:
            self.fake.violation(record, "webhook id is not the application id")
            return error(404, 10015, "Unknown Webhook")
        state = self.fake.interaction_by_token(params["webhook_token"])
        if state is None:
            self.fake.violation(record, "webhook token of no interaction")
            return error(404, 10015, "Unknown Webhook")
        if state.expired and state.callback is None:
            return error(401, 50027, "Invalid Webhook Token")
        if state.callback is None:
            self.fake.violation(record, "followup or edit before the interaction was acknowledged")
            return error(404, 10015, "Unknown Webhook")
        return state

    async def followup(self, record: RecordedRequest, params: dict[str, str]) -> web.Response:
        state = self._webhook_interaction(record, params)
        if isinstance(state, web.Response):
            return state
        message = self._interaction_message(state, record.body or {}, message_type=0)
        state.followups.append(message)
        if record.query.get("wait") not in ("1", "true", "True"):
            return web.Response(status=204)
        return json_response(message)

    async def get_original(self, record: RecordedRequest, params: dict[str, str]) -> web.Response:
        state = self._webhook_interaction(record, params)
        if isinstance(state, web.Response):
            return state
        if state.original is None:
            return error(404, 10008, "Unknown Message")
        return json_response(state.original)

    async def edit_original(self, record: RecordedRequest, params: dict[str, str]) -> web.Response:
        state = self._webhook_interaction(record, params)
        if isinstance(state, web.Response):
            return state
        if state.original is None:
            self.fake.violation(record, "edit of an original response that does not exist")
            return error(404, 10008, "Unknown Message")
        body = dict(record.body or {})
        state.edits.append(body)
        edited = dict(state.original)
        for key in ("content", "embeds", "components"):
            if key in body:
                edited[key] = (
                    body[key] if body[key] is not None else ([] if key != "content" else "")
                )
        edited["flags"] = int(edited.get("flags") or 0) & ~LOADING
        edited["edited_timestamp"] = payloads.iso_now()
        state.original = edited
        return json_response(edited)

    async def delete_original(
        self, record: RecordedRequest, params: dict[str, str]
    ) -> web.Response:
        state = self._webhook_interaction(record, params)
        if isinstance(state, web.Response):
            return state
        state.original = None
        return web.Response(status=204)

    async def edit_followup(self, record: RecordedRequest, params: dict[str, str]) -> web.Response:
        state = self._webhook_interaction(record, params)
        if isinstance(state, web.Response):
            return state
        for index, message in enumerate(state.followups):
            if message["id"] == params["message_id"]:
                state.followups[index] = {**message, **(record.body or {})}
                return json_response(state.followups[index])
        return error(404, 10008, "Unknown Message")

    # Channels ---------------------------------------------------------------------------------

    async def create_message(self, record: RecordedRequest, params: dict[str, str]) -> web.Response:
        channel_id = int(params["channel_id"])
        guild = self.fake.guild_of_channel(channel_id)
        if guild is None:
            return error(404, 10003, "Unknown Channel")
        body = record.body or {}
        message = payloads.message(
            channel_id=channel_id,
            guild_id=guild.id,
            author=self.fake.bot_user.payload(),
            body=body,
            message_type=19 if body.get("message_reference") else 0,
        )
        self.fake.channel_messages.append(message)
        return json_response(message)

    async def typing(self, record: RecordedRequest, params: dict[str, str]) -> web.Response:
        return web.Response(status=204)


def header_problems(request: web.Request) -> list[str]:
    """Headers Discord insists on: a `DiscordBot (url, version)` User-Agent on a bot's
    authenticated request (interaction and webhook calls carry none), JSON or multipart bodies."""
    problems = []
    authenticated = "Authorization" in request.headers
    if authenticated and not request.headers.get("User-Agent", "").startswith("DiscordBot ("):
        problems.append(f"User-Agent {request.headers.get('User-Agent')!r} is not DiscordBot (…)")
    if request.can_read_body and request.content_type not in (
        "application/json",
        "multipart/form-data",
    ):
        problems.append(f"a body sent as {request.content_type!r}")
    return problems


async def _read_body(request: web.Request) -> Any:
    """The JSON body, or `payload_json` of a multipart body; None when there is none."""
    if not request.can_read_body:
        return None
    if request.content_type == "multipart/form-data":
        form = await request.post()
        raw = form.get("payload_json")
        return json.loads(raw) if isinstance(raw, str) else None
    text = await request.text()
    try:
        return json.loads(text) if text else None
    except json.JSONDecodeError:
        return text


def _permissions(value: Any) -> str | None:
    """Discord takes permissions as a number or a string and always returns a string."""
    return None if value is None else str(value)


def _params(template: str, path: str) -> dict[str, str]:
    params = {}
    for name, value in zip(
        template.strip("/").split("/"), path.strip("/").split("/"), strict=False
    ):
        if name.startswith("{") and name.endswith("}"):
            params[name[1:-1]] = value
    return params
