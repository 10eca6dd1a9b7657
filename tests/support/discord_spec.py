"""Validate JSON the bot sends against Discord's official OpenAPI description.

The spec lives in the sibling `shared/` directory of the repository, not in the repository;
`load_spec()` skips the calling test with a clear reason when it is absent.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match

SPEC_PATH = Path(__file__).resolve().parents[2] / ".." / "shared" / "discord-api" / "openapi.json"

EMBEDS_TOTAL = 6000
"""Total characters of all embeds in a message: in Discord's docs, not in the spec."""


@cache
def _spec() -> dict[str, Any] | None:
    if not SPEC_PATH.is_file():
        return None
    return json.loads(SPEC_PATH.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def load_spec() -> dict[str, Any]:
    """The OpenAPI document, or skip the test when the shared spec is not checked out."""
    spec = _spec()
    if spec is None:
        pytest.skip(f"Discord OpenAPI spec not found at {SPEC_PATH} (sibling shared/ directory)")
    return spec


@cache
def _validator(ref: str) -> Draft202012Validator:
    spec = load_spec()
    return Draft202012Validator({"$ref": ref, "components": spec["components"]})


def schema_validator(name: str) -> Draft202012Validator:
    """A validator for `components.schemas[name]`, e.g. `RichEmbed`."""
    return _validator(f"#/components/schemas/{name}")


def request_validator(path: str, method: str) -> Draft202012Validator:
    """A validator for the JSON request body of `METHOD path` (path as written in the spec)."""
    operation = load_spec()["paths"][path][method.lower()]
    schema = operation["requestBody"]["content"]["application/json"]["schema"]
    return Draft202012Validator({**schema, "components": load_spec()["components"]})


CALLBACK_SCHEMAS = {
    4: "CreateMessageInteractionCallbackRequest",
    5: "CreateMessageInteractionCallbackRequest",
    8: "ApplicationCommandAutocompleteCallbackRequest",
    9: "ModalInteractionCallbackRequest",
}
"""Interaction callback type → the branch of the callback union it must match."""


def errors_of(validator: Draft202012Validator, instance: Any) -> list[str]:
    """Readable errors; for unions, the most relevant branch's error (jsonschema's best_match)."""
    errors = list(validator.iter_errors(instance))
    if not errors:
        return []
    best: ValidationError | None = best_match(errors)
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in [best, *errors] if e]


def assert_valid(name_or_validator: str | Draft202012Validator, instance: Any) -> None:
    """Fail with readable errors unless `instance` matches the schema."""
    validator = (
        schema_validator(name_or_validator)
        if isinstance(name_or_validator, str)
        else name_or_validator
    )
    problems = errors_of(validator, instance)
    assert not problems, "\n".join(problems[:10])


def embed_total(embeds: list[dict[str, Any]]) -> int:
    """Characters Discord counts towards the 6000 limit across all embeds of one message."""
    total = 0
    for embed in embeds:
        total += len(embed.get("title") or "") + len(embed.get("description") or "")
        total += len((embed.get("footer") or {}).get("text") or "")
        total += len((embed.get("author") or {}).get("name") or "")
        for field in embed.get("fields") or []:
            total += len(field.get("name") or "") + len(field.get("value") or "")
    return total


def assert_valid_embeds(embeds: list[dict[str, Any]]) -> None:
    """Every embed matches the spec, and together they stay within the 6000-character total."""
    assert len(embeds) <= 10
    for embed in embeds:
        assert_valid("RichEmbed", embed)
    assert embed_total(embeds) <= EMBEDS_TOTAL


def assert_valid_callback(body: dict[str, Any]) -> None:
    """An interaction callback body matches the union branch of its type, embeds included."""
    assert_valid(CALLBACK_SCHEMAS[body["type"]], body)
    assert_valid_embeds((body.get("data") or {}).get("embeds") or [])


_SNOWFLAKE_KEYS = {"id", "message_id", "channel_id", "guild_id", "application_id"}


def snowflakes_as_strings(value: Any) -> Any:
    """discord.py sends some ids as JSON integers, which Discord accepts; the spec types
    snowflakes as strings only, so validate a copy with those ids as strings."""
    if isinstance(value, dict):
        return {
            k: str(v) if k in _SNOWFLAKE_KEYS and isinstance(v, int) else snowflakes_as_strings(v)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [snowflakes_as_strings(v) for v in value]
    return value
