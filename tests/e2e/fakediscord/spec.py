"""Validation of request bodies against Discord's OpenAPI spec, plus the rules it cannot state.

The spec (`shared/discord-api/openapi.json`, a sibling of the repository) describes each body at
`paths[PATH][METHOD].requestBody.content["application/json"].schema`. Each schema is validated with
jsonschema (Draft 2020-12) after `components` is attached, so its `$ref`s resolve. Errors inside a
union (`anyOf`/`oneOf`) are reported from the branch whose `type` discriminator matched the body,
which is the branch Discord would have used.

On top of the spec: all text of all embeds of one message ≤ 6000 characters, chat-input command and
option names `^[-_\\p{L}\\p{N}]{1,32}$` in lower case, and their descriptions 1–100 characters.
"""

from __future__ import annotations

import copy
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match

EMBEDS_TOTAL = 6000
COMMAND_NAME_MAX = 32
DESCRIPTION_MIN, DESCRIPTION_MAX = 1, 100
CHAT_INPUT = 1
SUB_COMMAND, SUB_COMMAND_GROUP = 1, 2


def shared_dir() -> Path:
    """`shared/`, the sibling of the repository root (never copied into the repository)."""
    return Path(__file__).resolve().parents[4] / "shared"


def spec_path() -> Path:
    """Where Discord's OpenAPI spec is expected."""
    return shared_dir() / "discord-api" / "openapi.json"


@dataclass(frozen=True)
class Violation:
    """One broken rule in one request: where it was sent and why it is wrong."""

    method: str
    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.method} {self.path}: {self.reason}"


@dataclass(frozen=True)
class RouteTemplate:
    """A spec path such as `/interactions/{interaction_id}/{interaction_token}/callback`."""

    template: str
    pattern: re.Pattern[str]
    literal_segments: int

    @classmethod
    def compile(cls, template: str) -> RouteTemplate:
        parts = template.strip("/").split("/")
        regex = "/".join(
            "[^/]+" if part.startswith("{") and part.endswith("}") else re.escape(part)
            for part in parts
        )
        literals = sum(not part.startswith("{") for part in parts)
        return cls(template, re.compile(f"^/{regex}/?$"), literals)


class OpenAPISpec:
    """Discord's OpenAPI description: route matching and request-body validation."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        self.components = _lenient_components(document["components"])
        # Most literal segments first, so `/messages/@original` wins over `/messages/{id}`.
        self.routes = sorted(
            (RouteTemplate.compile(path) for path in document["paths"]),
            key=lambda route: (-route.literal_segments, route.template),
        )
        self._validators: dict[tuple[str, str], Draft202012Validator | None] = {}

    @classmethod
    def load(cls, path: Path | None = None) -> OpenAPISpec:
        """Read the spec from `path` (default: the shared copy)."""
        with (path or spec_path()).open(encoding="utf-8") as handle:
            return cls(json.load(handle))

    def match(self, method: str, path: str) -> str | None:
        """The spec template that `path` is an instance of and that supports `method`."""
        for route in self.routes:
            if (
                route.pattern.match(path)
                and method.lower() in self.document["paths"][route.template]
            ):
                return route.template
        return None

    def validator(self, template: str, method: str) -> Draft202012Validator | None:
        """A validator for the JSON body of `method template`, or None if it takes no body."""
        key = (template, method.lower())
        if key not in self._validators:
            operation = self.document["paths"][template].get(method.lower(), {})
            content = operation.get("requestBody", {}).get("content", {})
            schema = content.get("application/json", {}).get("schema")
            self._validators[key] = (
                None
                if schema is None
                else Draft202012Validator({**schema, "components": self.components})
            )
        return self._validators[key]

    def validate(self, method: str, path: str, body: Any) -> list[str]:
        """Reasons `body`, sent as `method path`, breaks the spec or Discord's unstated rules."""
        template = self.match(method, path)
        if template is None:
            return [f"no route {method} {path} in Discord's API"]
        reasons: list[str] = []
        validator = self.validator(template, method)
        if validator is not None and body is not None:
            errors = sorted(validator.iter_errors(body), key=lambda e: list(e.absolute_path))
            for error in errors:
                reasons.extend(explain(error))
        reasons.extend(extra_rules(template, method, body))
        return reasons

    @cached_property
    def templates(self) -> frozenset[str]:
        """Every path template of the spec."""
        return frozenset(self.document["paths"])


def _lenient_components(components: dict[str, Any]) -> dict[str, Any]:
    """`components`, except that a snowflake may also be an integer.

    Discord accepts integer snowflakes and discord.py sends some (message references, allowed
    mentions); the spec types them as strings only.
    """
    lenient = copy.deepcopy(components)
    snowflake = lenient["schemas"]["SnowflakeType"]
    lenient["schemas"]["SnowflakeType"] = {
        "anyOf": [snowflake, {"type": "integer", "minimum": 0}],
    }
    return lenient


def _json_path(error: ValidationError) -> str:
    path = "$"
    for part in error.absolute_path:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path


def _branch_name(schema: dict[str, Any], index: int, keyword: str) -> str:
    branch = schema.get(keyword, [])[index] if index < len(schema.get(keyword, [])) else {}
    ref = branch.get("$ref", "") if isinstance(branch, dict) else ""
    return ref.rsplit("/", 1)[-1] or f"{keyword}[{index}]"


def explain(error: ValidationError, via: tuple[str, ...] = ()) -> list[str]:
    """Readable reasons for one error; for a union, from the branch the body was meant for."""
    if error.validator not in ("anyOf", "oneOf") or not error.context:
        branch = f" (as {' > '.join(via)})" if via else ""
        return [f"{_json_path(error)}: {_describe(error)}{branch}"]
    by_branch: dict[int, list[ValidationError]] = {}
    for sub in error.context:
        by_branch.setdefault(int(sub.schema_path[0]), []).append(sub)
    keyword = str(error.validator)
    # A branch whose errors do not touch `type` is the one the discriminator chose.
    chosen = [
        index
        for index, subs in sorted(by_branch.items())
        if not any(list(sub.relative_path) == ["type"] for sub in subs)
        and not any(sub.validator == "type" and not sub.relative_path for sub in subs)
    ]
    if len(chosen) == 1:
        name = _branch_name(error.schema, chosen[0], keyword)
        return [reason for sub in by_branch[chosen[0]] for reason in explain(sub, (*via, name))]
    nearest = best_match(error.context)
    return explain(nearest, via) if nearest is not None else [f"{_json_path(error)}: union"]


def _describe(error: ValidationError) -> str:
    """The reason in words, without echoing a long value back."""
    limit, value = error.validator_value, error.instance
    if error.validator in ("maxLength", "minLength") and isinstance(value, str):
        side = "more" if error.validator == "maxLength" else "fewer"
        return f"{len(value)} characters, {side} than {limit}"
    if error.validator in ("maxItems", "minItems") and isinstance(value, list):
        side = "more" if error.validator == "maxItems" else "fewer"
        return f"{len(value)} items, {side} than {limit}"
    message = str(error.message)
    return message if len(message) <= 200 else message[:199] + "…"


def extra_rules(template: str, method: str, body: Any) -> list[str]:
    """Discord's rules that the spec does not state."""
    reasons: list[str] = []
    for message in _messages_in(template, body):
        total = embeds_text_length(message.get("embeds") or [])
        if total > EMBEDS_TOTAL:
            reasons.append(
                f"$.embeds: all embeds together have {total} characters of text, "
                f"more than Discord's {EMBEDS_TOTAL}"
            )
    if template.endswith("/commands") and method.lower() in ("put", "post"):
        commands = body if isinstance(body, list) else [body]
        for index, command in enumerate(commands):
            if isinstance(command, dict) and command.get("type", CHAT_INPUT) == CHAT_INPUT:
                prefix = f"$[{index}]" if isinstance(body, list) else "$"
                reasons.extend(_check_command(command, prefix))
    return reasons


def _messages_in(template: str, body: Any) -> Iterator[dict[str, Any]]:
    """The message objects a body carries (an interaction callback nests it under `data`)."""
    if not isinstance(body, dict):
        return
    if template.endswith("/callback"):
        data = body.get("data")
        if isinstance(data, dict) and body.get("type") in (4, 7):
            yield data
    elif "/messages" in template or template.startswith("/webhooks/"):
        yield body


def embeds_text_length(embeds: Iterable[Any]) -> int:
    """Characters counted toward the 6000 total: title, description, fields, footer, author."""
    total = 0
    for embed in embeds:
        if not isinstance(embed, dict):
            continue
        total += len(embed.get("title") or "") + len(embed.get("description") or "")
        for field in embed.get("fields") or []:
            total += len(field.get("name") or "") + len(field.get("value") or "")
        total += len((embed.get("footer") or {}).get("text") or "")
        total += len((embed.get("author") or {}).get("name") or "")
    return total


def is_valid_command_name(name: str) -> bool:
    """`^[-_\\p{L}\\p{N}]{1,32}$`, and lower case where the letter has a lower case."""
    return (
        1 <= len(name) <= COMMAND_NAME_MAX
        and all(char in "-_" or unicodedata.category(char)[0] in "LN" for char in name)
        and name == name.lower()
    )


def _check_command(command: dict[str, Any], where: str) -> list[str]:
    reasons = _check_named(command, where)
    for index, option in enumerate(command.get("options") or []):
        if isinstance(option, dict):
            reasons.extend(_check_command(option, f"{where}.options[{index}]"))
    return reasons


def _check_named(item: dict[str, Any], where: str) -> list[str]:
    reasons: list[str] = []
    names = [("name", item.get("name"))] + [
        (f"name_localizations.{locale}", value)
        for locale, value in (item.get("name_localizations") or {}).items()
    ]
    for key, name in names:
        if not isinstance(name, str) or not is_valid_command_name(name):
            reasons.append(
                f"{where}.{key}: {name!r} is not a valid chat-input name "
                r"(^[-_\p{L}\p{N}]{1,32}$, lower case)"
            )
    description = item.get("description")
    if not isinstance(description, str) or not (
        DESCRIPTION_MIN <= len(description) <= DESCRIPTION_MAX
    ):
        reasons.append(
            f"{where}.description: must be {DESCRIPTION_MIN}-{DESCRIPTION_MAX} characters, "
            f"got {description!r:.60}"
        )
    return reasons


def response_validator(spec: OpenAPISpec, template: str, method: str, status: int) -> Any:
    """A validator for the JSON body the spec documents for `status` of `method template`."""
    operation = spec.document["paths"][template].get(method.lower(), {})
    response = operation.get("responses", {}).get(str(status), {})
    schema = response.get("content", {}).get("application/json", {}).get("schema")
    if schema is None:
        return None
    return Draft202012Validator({**schema, "components": spec.components})
