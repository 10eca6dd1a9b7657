"""A test double of Discord (gateway + REST) on 127.0.0.1 for the unmodified discord.py."""

from .interactions import InteractionHandle
from .payloads import FakeChannel, FakeGuild, FakeUser
from .rest import ROUTES, RecordedRequest
from .server import FAKE_TOKEN, FakeDiscord
from .spec import OpenAPISpec, Violation, spec_path

__all__ = [
    "FAKE_TOKEN",
    "ROUTES",
    "FakeChannel",
    "FakeDiscord",
    "FakeGuild",
    "FakeUser",
    "InteractionHandle",
    "OpenAPISpec",
    "RecordedRequest",
    "Violation",
    "spec_path",
]
