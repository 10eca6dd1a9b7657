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
