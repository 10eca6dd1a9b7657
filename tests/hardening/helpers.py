"""Small helpers shared by the hardening tests."""

from __future__ import annotations

import re
from typing import Any

from hypothesis import HealthCheck, settings

CANARY = "canary.MTIzNDU2Nzg5MDEyMzQ1Njc4.SECRET-do-not-leak-7f3a9c"
"""A token-shaped secret the secrets tests pass through every path and then look for."""

FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
"""Hypothesis settings for tests that drive the whole bot: few examples, no deadline."""

PING = re.compile(r"@(everyone|here)\b|<@[!&]?\d+>")
"""Text Discord would turn into a ping if it were allowed to parse mentions."""


def visible_text(body: dict[str, Any]) -> list[str]:
    """Every piece of text a member sees in a message body: content, embeds, components."""
    out: list[str] = [body.get("content") or ""]
    for embed in body.get("embeds") or []:
        out += [embed.get("title") or "", embed.get("description") or ""]
        out.append((embed.get("footer") or {}).get("text") or "")
        for field in embed.get("fields") or []:
            out += [field.get("name") or "", field.get("value") or ""]
    for row in body.get("components") or []:
        for item in row.get("components") or []:
            out.append(item.get("label") or "")
    return out


def final_message(sent: list[Any]) -> dict[str, Any]:
    """The message a member finally sees for one interaction, every request checked against the
    spec on the way: the callback's message, or after a deferral the followup or the edit."""
    from tests.support.discord_spec import (
        assert_valid,
        assert_valid_callback,
        assert_valid_embeds,
        request_validator,
        snowflakes_as_strings,
    )

    assert sent, "nothing was sent"
    for request in sent:
        body = request.payload
        assert isinstance(body, dict)
        if request.path.endswith("/callback"):
            assert_valid_callback(body)
        else:
            assert_valid(
                request_validator(request.path, request.method), snowflakes_as_strings(body)
            )
            assert_valid_embeds(body.get("embeds") or [])
    last = sent[-1]
    data: dict[str, Any] = last.data
    return data
