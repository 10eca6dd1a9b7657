"""Operator configuration: environment variables and `.env`, validated once at start-up."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

_PACKAGE = Path(__file__).resolve().parent


def shipped_knowledge_dir() -> Path:
    """The knowledge that ships with the bot.

    Inside the package when installed from a wheel; the repository's `knowledge/` in a checkout
    or an editable install.
    """
    installed = _PACKAGE / "_knowledge"
    return installed if installed.is_dir() else _PACKAGE.parent / "knowledge"


class Settings(BaseSettings):
    """Every setting, read from the environment and `.env` (see `.env.example`)."""

    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", hide_input_in_errors=True
    )

    discord_token: SecretStr | None = Field(
        default=None, description="Bot token. Without one, `somos-bot` starts the local console."
    )
    knowledge_dir: Path = Field(
        default_factory=shipped_knowledge_dir, description="Directory of knowledge YAML files."
    )
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"] = "INFO"
    database_path: Path = Field(
        default=Path("somos-bot.sqlite3"),
        description="SQLite file for fans' mistake reports and unanswered questions.",
    )
    dev_guild_id: int | None = Field(
        default=None, description="Guild to sync commands to at start-up, for development."
    )
    shard_count: int | None = Field(default=None, ge=1)
    shard_ids: list[int] | None = None
    discord_api_base: str = Field(
        default="https://discord.com/api/v10",
        description="REST base URL; point it at a REST proxy such as nirn-proxy.",
    )
    discord_gateway_url: str | None = Field(
        default=None, description="Gateway URL override, for a gateway proxy. Default: Discord's."
    )
    reload_interval: float = Field(
        default=2.0, gt=0, description="Seconds between checks of KNOWLEDGE_DIR for edits."
    )
    message_content: bool = Field(
        default=False,
        description="Ask for the privileged message-content intent (answers to @mentions "
        "then read the whole message; without it the bot still answers when mentioned).",
    )

    @field_validator("discord_token", mode="before")
    @classmethod
    def _blank_token_is_none(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("dev_guild_id", "shard_count", mode="before")
    @classmethod
    def _blank_is_none(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value
