"""Interactions the fake Discord has sent, and what the bot answered to each.

Discord's rules enforced here: an interaction is acknowledged once, within 3 seconds of its
INTERACTION_CREATE, with a callback type its interaction type allows; followups and edits of the
original need an acknowledged interaction.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .payloads import (
    APPLICATION_COMMAND,
    AUTOCOMPLETE,
    MESSAGE_COMPONENT,
    MODAL_SUBMIT,
    PING,
    FakeUser,
)

if TYPE_CHECKING:
    from .server import FakeDiscord

ACKNOWLEDGE_SECONDS = 3.0

# Interaction callback types
PONG, CHANNEL_MESSAGE, DEFERRED_CHANNEL_MESSAGE, DEFERRED_UPDATE, UPDATE_MESSAGE = 1, 4, 5, 6, 7
AUTOCOMPLETE_RESULT, MODAL = 8, 9

ALLOWED_CALLBACKS: dict[int, frozenset[int]] = {
    PING: frozenset({PONG}),
    APPLICATION_COMMAND: frozenset({CHANNEL_MESSAGE, DEFERRED_CHANNEL_MESSAGE, MODAL}),
    MESSAGE_COMPONENT: frozenset(
        {CHANNEL_MESSAGE, DEFERRED_CHANNEL_MESSAGE, DEFERRED_UPDATE, UPDATE_MESSAGE, MODAL}
    ),
    AUTOCOMPLETE: frozenset({AUTOCOMPLETE_RESULT}),
    MODAL_SUBMIT: frozenset(
        {CHANNEL_MESSAGE, DEFERRED_CHANNEL_MESSAGE, DEFERRED_UPDATE, UPDATE_MESSAGE}
    ),
}


@dataclass
class InteractionState:
    """One interaction as Discord tracks it."""

    payload: dict[str, Any]
    sent_at: float
    expect_ack: bool = True
    expired: bool = False
    acked_at: float | None = None
    callback: dict[str, Any] | None = None
    original: dict[str, Any] | None = None
    followups: list[dict[str, Any]] = field(default_factory=list)
    edits: list[dict[str, Any]] = field(default_factory=list)
    """Bodies of PATCH …/messages/@original, in order."""
    opened_by: InteractionState | None = None
    """For a modal submit: the interaction the modal was the answer to."""

    def metadata(self) -> dict[str, Any]:
        """`interaction_metadata` of a message sent in answer to this interaction."""
        payload = self.payload
        data: dict[str, Any] = {
            "id": str(self.id),
            "type": self.type,
            "user": (payload.get("member") or {}).get("user") or payload.get("user"),
            "authorizing_integration_owners": payload.get("authorizing_integration_owners", {}),
        }
        if self.type == MESSAGE_COMPONENT and payload.get("message"):
            data["interacted_message_id"] = payload["message"]["id"]
        if self.type == MODAL_SUBMIT and self.opened_by is not None:
            data["triggering_interaction_metadata"] = self.opened_by.metadata()
        return data

    @property
    def id(self) -> int:
        return int(self.payload["id"])

    @property
    def token(self) -> str:
        return str(self.payload["token"])

    @property
    def type(self) -> int:
        return int(self.payload["type"])

    def elapsed(self, now: float | None = None) -> float:
        """Seconds since the INTERACTION_CREATE was sent."""
        return (now if now is not None else time.monotonic()) - self.sent_at


class InteractionHandle:
    """What a test holds after sending an interaction: waits for the bot's answers to it."""

    def __init__(self, fake: FakeDiscord, state: InteractionState) -> None:
        self.fake = fake
        self.state = state

    @property
    def id(self) -> int:
        return self.state.id

    @property
    def payload(self) -> dict[str, Any]:
        return self.state.payload

    async def response(self, timeout: float = 5.0) -> dict[str, Any]:
        """The accepted interaction callback body (`{"type": …, "data": …}`)."""
        return await self.fake.wait_until(
            lambda: self.state.callback, timeout, f"a response to interaction {self.id}"
        )

    async def followup(self, index: int = 0, timeout: float = 5.0) -> dict[str, Any]:
        """The body of the `index`-th followup message."""
        return await self.fake.wait_until(
            lambda: self.state.followups[index] if len(self.state.followups) > index else None,
            timeout,
            f"followup #{index} to interaction {self.id}",
        )

    async def reply(self, timeout: float = 5.0) -> dict[str, Any]:
        """What the member sees first: the message of the callback, or for a deferral, the first
        edit of the original or the first followup (whichever comes first)."""
        callback = await self.response(timeout)
        if callback["type"] in (CHANNEL_MESSAGE, UPDATE_MESSAGE, MODAL, AUTOCOMPLETE_RESULT):
            return dict(callback.get("data") or {})

        def first_visible() -> dict[str, Any] | None:
            bodies = [*self.state.edits, *self.state.followups]
            return bodies[0] if bodies else None

        return await self.fake.wait_until(first_visible, timeout, f"a reply to {self.id}")

    async def click(self, label_or_id: str, **kwargs: Any) -> InteractionHandle:
        """Click the button labelled (or with custom_id) `label_or_id` in the bot's reply."""
        await self.reply()
        message = self.state.original or (
            self.state.followups[-1] if self.state.followups else None
        )
        if message is None:
            raise AssertionError(f"interaction {self.id} has no message with buttons")
        return await self.fake.click(message, label_or_id, **kwargs)

    @property
    def user(self) -> FakeUser:
        """Who sent this interaction."""
        data = (self.payload.get("member") or {}).get("user") or self.payload["user"]
        return FakeUser(data["username"], id=int(data["id"]))

    async def submit_modal(self, values: dict[str, str], **kwargs: Any) -> InteractionHandle:
        """The same member fills in and submits the modal the bot answered this with."""
        kwargs.setdefault("user", self.user)
        callback = await self.response()
        if callback["type"] != MODAL:
            raise AssertionError(
                f"interaction {self.id} was answered with {callback['type']}, not a modal"
            )
        return await self.fake.submit_modal(
            callback["data"], values, opened_by=self.state, **kwargs
        )
