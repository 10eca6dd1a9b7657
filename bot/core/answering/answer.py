"""The one structured `Answer` every front end renders: Discord embed, console text or JSON."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class Topic(StrEnum):
    """What an answer is about. `unknown` whenever the bot cannot answer."""

    CAST = "cast"
    EPISODE = "episode"
    CREATORS = "creators"
    SEASON2 = "season2"
    SHOW = "show"
    SOURCES = "sources"
    HELP = "help"
    UNKNOWN = "unknown"


class Confidence(StrEnum):
    """How far to trust an answer, from the claims behind it."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    NONE = "none"

    @property
    def rank(self) -> int:
        return _RANKS[self]


_RANKS = {Confidence.NONE: 0, Confidence.LOW: 1, Confidence.MEDIUM: 2, Confidence.HIGH: 3}


class Language(StrEnum):
    """Languages replies are written in. Names and titles stay as in the knowledge."""

    EN = "en"
    ES = "es"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class SourceRef(_Frozen):
    """A numbered source as the answer cites it: `[1] Title (June 2022)`."""

    number: int = Field(ge=1)
    id: str
    title: str
    date: str = Field(description="Publication date as precisely as known, ISO-like: 2022-06.")
    date_text: str = Field(description="The date in words, in the answer's language.")
    kind: str


class Match(_Frozen):
    """A knowledge entry the query matched, with its similarity score (0-100)."""

    id: str
    name: str
    kind: str
    score: float


class Fact(_Frozen):
    """One claim used in the answer, with the numbers of its sources."""

    text: str
    sources: list[int]
    disputes: list[str] = Field(default_factory=list)
    doubt: str | None = None
    speculation: bool = False
    confidence: Confidence


class Answer(_Frozen):
    """Everything a front end needs to show one reply, and nothing platform-specific."""

    query: str
    topic: Topic
    language: Language = Language.EN
    title: str
    text: str = Field(description="The reply as plain text with [n] source markers.")
    facts: list[Fact] = Field(default_factory=list)
    matches: list[Match] = Field(default_factory=list)
    suggestions: list[Match] = Field(
        default_factory=list, description="'Did you mean' candidates when the match was unsure."
    )
    sources: list[SourceRef] = Field(default_factory=list)
    confidence: Confidence
    caveat: str
    notice: str | None = Field(
        default=None, description="Something about the input itself, e.g. that it was shortened."
    )

    @property
    def answered(self) -> bool:
        """Whether the bot could answer: `unknown` topics and `none` confidence cannot."""
        return self.topic is not Topic.UNKNOWN and self.confidence is not Confidence.NONE
