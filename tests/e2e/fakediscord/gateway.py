"""The gateway: a websocket speaking Discord's JSON protocol, zlib-stream compressed when the
client asks for it (as discord.py does), with large messages split over two frames as Discord may.

HELLO, heartbeats and ACKs, IDENTIFY → READY + GUILD_CREATE, RESUME → replay + RESUMED, and the
faults a real gateway produces: a dropped connection (1006), a close code, RECONNECT and
INVALID_SESSION. Sessions outlive connections, so a resumed client gets what it missed.
"""

from __future__ import annotations

import asyncio
import json
import logging
import secrets
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from aiohttp import WSMsgType, web

_log = logging.getLogger(__name__)

# Opcodes
DISPATCH, HEARTBEAT, IDENTIFY, PRESENCE_UPDATE = 0, 1, 2, 3
RESUME, RECONNECT, REQUEST_GUILD_MEMBERS, INVALID_SESSION, HELLO, HEARTBEAT_ACK = 6, 7, 8, 9, 10, 11

SPLIT_ABOVE = 256
"""Compressed messages longer than this (bytes) are sent in two binary frames."""

# Close codes
AUTHENTICATION_FAILED = 4004
INVALID_SHARD = 4010
DISALLOWED_INTENTS = 4014
PRIVILEGED_INTENTS = (1 << 1) | (1 << 8) | (1 << 15)  # members, presences, message content


@dataclass
class Frame:
    """One frame on the wire, in either direction."""

    at: float
    direction: str  # "recv" (from the client) or "send"
    payload: dict[str, Any]
    connection: int

    @property
    def op(self) -> int:
        return int(self.payload.get("op", -1))


@dataclass
class Session:
    """A gateway session: what it was sent, so a RESUME can replay what the client missed."""

    id: str
    seq: int = 0
    sent: list[dict[str, Any]] = field(default_factory=list)
    connection: GatewayConnection | None = None
    intents: int = 0
    shard: tuple[int, int] = (0, 1)
    """`[shard_id, num_shards]` from IDENTIFY: guild events go to `(id >> 22) % num_shards`."""

    def owns(self, guild_id: int) -> bool:
        """Whether this session's shard receives the events of `guild_id`."""
        shard_id, count = self.shard
        return (guild_id >> 22) % count == shard_id

    def next_dispatch(self, event: str, data: Any) -> dict[str, Any]:
        self.seq += 1
        frame = {"op": DISPATCH, "t": event, "s": self.seq, "d": data}
        self.sent.append(frame)
        return frame


class GatewayConnection:
    """One websocket connection from the client."""

    def __init__(self, gateway: Gateway, ws: web.WebSocketResponse, request: web.Request) -> None:
        self.gateway = gateway
        self.ws = ws
        self.request = request
        self.number = gateway.connection_count
        self.session: Session | None = None
        self._send_lock = asyncio.Lock()
        asked = request.query.get("compress")
        self.compression = asked if asked == "zlib-stream" and gateway.compress else None
        """`zlib-stream`, or None for plain text frames (also for `zstd-stream`)."""
        self._zlib = zlib.compressobj() if self.compression else None
        self.close_code: int | None = None
        """How the connection ended (1000: the client said goodbye; 1006: it was cut)."""

    async def send(self, payload: dict[str, Any]) -> None:
        """Send one JSON text frame (silently dropped once the socket is closed)."""
        async with self._send_lock:
            if self.ws.closed:
                return
            self.gateway.record("send", payload, self.number)
            try:
                await self._send_frames(json.dumps(payload))
            except (ConnectionResetError, RuntimeError):
                _log.debug(
                    "gateway send after close dropped: %s", payload.get("t") or payload["op"]
                )

    async def _send_frames(self, text: str) -> None:
        if self._zlib is None:
            await self.ws.send_str(text)
            return
        data = self._zlib.compress(text.encode()) + self._zlib.flush(zlib.Z_SYNC_FLUSH)
        if len(data) > SPLIT_ABOVE:  # the client must buffer until the Z_SYNC_FLUSH suffix
            await self.ws.send_bytes(data[: len(data) // 2])
            data = data[len(data) // 2 :]
            self.gateway.split_messages += 1
        await self.ws.send_bytes(data)

    async def run(self) -> None:
        """Say HELLO, then answer the client until it or a fault closes the connection."""
        await self.send(
            {"op": HELLO, "d": {"heartbeat_interval": self.gateway.heartbeat_interval_ms}}
        )
        async for message in self.ws:
            if message.type is not WSMsgType.TEXT:
                continue
            payload = json.loads(message.data)
            self.gateway.record("recv", payload, self.number)
            await self.handle(payload)

    async def handle(self, payload: dict[str, Any]) -> None:
        op, data = payload.get("op"), payload.get("d")
        if op == HEARTBEAT:
            if self.gateway.ack_heartbeats:
                await self.send({"op": HEARTBEAT_ACK})
        elif op == IDENTIFY:
            await self.identify(data or {})
        elif op == RESUME:
            await self.resume(data or {})
        elif op in (PRESENCE_UPDATE, REQUEST_GUILD_MEMBERS):
            pass
        else:
            self.gateway.protocol_errors.append(f"unexpected opcode {op} from the client")

    async def refused(self, op: int) -> bool:
        """Answer a queued refusal of this IDENTIFY/RESUME, if there is one."""
        queue = self.gateway.refusals[op]
        if not queue:
            return False
        code = queue.pop(0)
        if code is None:
            self.gateway.invalid_session_count += 1
            await self.send({"op": INVALID_SESSION, "d": False})
        else:
            await self.ws.close(code=code, message=b"refused by the test")
        return True

    async def identify(self, data: dict[str, Any]) -> None:
        if await self.refused(IDENTIFY):
            return
        if data.get("token") != self.gateway.token:
            await self.ws.close(code=AUTHENTICATION_FAILED, message=b"Authentication failed.")
            return
        intents = int(data.get("intents") or 0)
        if intents & PRIVILEGED_INTENTS & ~self.gateway.allowed_privileged_intents:
            await self.ws.close(code=DISALLOWED_INTENTS, message=b"Disallowed intent(s).")
            return
        shard = data.get("shard") or [0, 1]
        if not (isinstance(shard, list) and len(shard) == 2 and 0 <= shard[0] < shard[1]):
            await self.ws.close(code=INVALID_SHARD, message=b"Invalid shard.")
            return
        session = Session(id=secrets.token_hex(16), intents=intents, shard=(shard[0], shard[1]))
        self.gateway.sessions[session.id] = session
        self.gateway.identify_count += 1
        self.attach(session)
        await self.send(session.next_dispatch("READY", self.gateway.ready_payload(session)))
        for guild in self.gateway.guild_payloads():
            if session.owns(int(guild["id"])):
                await self.send(session.next_dispatch("GUILD_CREATE", guild))

    async def resume(self, data: dict[str, Any]) -> None:
        if await self.refused(RESUME):
            return
        session = self.gateway.sessions.get(str(data.get("session_id")))
        if session is None or data.get("token") != self.gateway.token:
            self.gateway.invalid_session_count += 1
            await self.send({"op": INVALID_SESSION, "d": False})
            return
        self.attach(session)
        self.gateway.resume_count += 1
        last_seen = int(data.get("seq") or 0)
        for frame in session.sent:
            if frame["s"] > last_seen:
                await self.send(frame)
        await self.send(session.next_dispatch("RESUMED", {"_trace": ["fake-discord"]}))

    def attach(self, session: Session) -> None:
        """Make this connection the one `session`'s events go to."""
        previous = session.connection
        if previous is not None and previous is not self and not previous.ws.closed:
            self.gateway.protocol_errors.append("a second connection took over a live session")
        session.connection = self
        self.session = session
        self.gateway.session = session
        self.gateway.notify()


class Gateway:
    """All gateway state of one fake Discord."""

    def __init__(
        self,
        *,
        token: str,
        heartbeat_interval_ms: int,
        ready_payload: Callable[[Session], dict[str, Any]],
        guild_payloads: Callable[[], list[dict[str, Any]]],
        notify: Callable[[], None],
        allowed_privileged_intents: int = PRIVILEGED_INTENTS,
    ) -> None:
        self.token = token
        self.heartbeat_interval_ms = heartbeat_interval_ms
        self.ready_payload = ready_payload
        self.guild_payloads = guild_payloads
        self.notify = notify
        self.allowed_privileged_intents = allowed_privileged_intents
        self.sessions: dict[str, Session] = {}
        self.session: Session | None = None
        self.connections: list[GatewayConnection] = []
        self.frames: list[Frame] = []
        self.protocol_errors: list[str] = []
        self.connection_count = 0
        self.identify_count = 0
        self.resume_count = 0
        self.invalid_session_count = 0
        self.ack_heartbeats = True
        self.compress = True
        self.split_messages = 0
        self.refusals: dict[int, list[int | None]] = {IDENTIFY: [], RESUME: []}

    def record(self, direction: str, payload: dict[str, Any], connection: int) -> None:
        self.frames.append(Frame(time.monotonic(), direction, payload, connection))
        self.notify()

    async def handle(self, request: web.Request) -> web.WebSocketResponse:
        """The aiohttp handler for `GET /gateway`."""
        ws = web.WebSocketResponse(autoping=True)
        await ws.prepare(request)
        self.connection_count += 1
        connection = GatewayConnection(self, ws, request)
        self.connections.append(connection)
        self.notify()
        try:
            await connection.run()
            connection.close_code = ws.close_code
        finally:
            if connection.session is not None and connection.session.connection is connection:
                connection.session.connection = None
            self.notify()
        return ws

    @property
    def live(self) -> GatewayConnection | None:
        """The connection of the current session, if it is open."""
        session = self.session
        if session is None or session.connection is None or session.connection.ws.closed:
            return None
        return session.connection

    def _require_live(self) -> GatewayConnection:
        live = self.live
        if live is None:
            raise RuntimeError("no client is connected to the fake gateway")
        return live

    def session_for(self, guild_id: int | None) -> Session | None:
        """The session whose shard gets `guild_id`'s events (the latest one if sharding is off)."""
        if guild_id is not None:
            owners = [s for s in self.sessions.values() if s.owns(guild_id)]
            if owners:
                # The newest session, preferring one that is connected.
                return sorted(owners, key=lambda s: s.connection is not None)[-1]
        return self.session

    async def dispatch(self, event: str, data: Any, guild_id: int | None = None) -> None:
        """Send a DISPATCH event in the session of `guild_id`'s shard (or the current one);
        buffered for RESUME while that session is disconnected."""
        session = self.session_for(guild_id)
        if session is None:
            raise RuntimeError("no gateway session: the client never identified")
        frame = session.next_dispatch(event, data)
        if session.connection is not None:
            await session.connection.send(frame)

    # Faults ---------------------------------------------------------------------------------

    def refuse_next(self, op: Literal["identify", "resume"], close_code: int | None = None) -> None:
        """Answer the next IDENTIFY or RESUME by closing with `close_code` (e.g. 4011 Sharding
        required, 4004 Authentication failed) or, when None, with INVALID_SESSION."""
        self.refusals[IDENTIFY if op == "identify" else RESUME].append(close_code)

    async def drop(self) -> None:
        """Cut the TCP connection without a close frame: the client sees 1006."""
        live = self._require_live()
        transport = live.request.transport
        if transport is not None:
            transport.abort()

    async def close(self, code: int, reason: str = "") -> None:
        """Close the connection with `code` (4000–4003, 4005, 4007–4009 are resumable)."""
        await self._require_live().ws.close(code=code, message=reason.encode())

    async def reconnect(self) -> None:
        """Send RECONNECT (op 7): the client should close and RESUME."""
        await self._require_live().send({"op": RECONNECT, "d": None})

    async def invalidate_session(self, *, resumable: bool = False) -> None:
        """Send INVALID_SESSION (op 9); `resumable=False` forgets the session."""
        live = self._require_live()
        if not resumable and live.session is not None:
            self.sessions.pop(live.session.id, None)
        self.invalid_session_count += 1
        await live.send({"op": INVALID_SESSION, "d": resumable})

    async def close_all(self) -> None:
        """Close every open connection (server shutdown)."""
        for connection in self.connections:
            if not connection.ws.closed:
                await connection.ws.close(code=1001, message=b"fake Discord is stopping")
