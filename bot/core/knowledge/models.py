"""The validated shape of the knowledge base: what each source claims about the show.

Every rule about a valid knowledge file lives here, once: the loader, `kb check`, hot reload and
the tests all validate through these models. Facts are stored as claims: a sentence in our own
words, the sources that support it, and any source that says otherwise, so that disagreement is
data the answers can show rather than something a moderator quietly resolved.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from functools import cached_property
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError, ValidationError

from bot.core.knowledge.dates import Published
from bot.core.text import fold

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
"""A non-empty line of text. Numbers are accepted as text; YAML's `No` stays the word "No"."""

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", min_length=1, max_length=64),
]
"""An identifier such as `mercedes-hernandez`: lower-case letters, digits and single hyphens."""


def _foldable(value: str) -> str:
    if not fold(value):
        raise ValueError("must contain at least one letter or digit")
    return value


Name = Annotated[Text, AfterValidator(_foldable)]
"""A name fans can type: it must keep at least one letter or digit after normalisation."""


class _Model(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        coerce_numbers_to_str=True,
        str_strip_whitespace=True,
    )


class Dispute(_Model):
    """Another source that says something different from the claim."""

    source: Id
    says: Text = Field(description="What that source says instead, in our own words.")


class Claim(_Model):
    """One fact as the sources report it."""

    text: Text = Field(description="The fact in our own words (English).")
    text_es: Text | None = Field(default=None, description="The same fact in Spanish.")
    sources: list[Id] = Field(min_length=1, description="Ids of the sources that support it.")
    disputed_by: list[Dispute] = Field(default_factory=list)
    doubt: Text | None = Field(
        default=None, description="Why a moderator doubts it, e.g. a name found nowhere else."
    )
    speculation: bool = Field(default=False, description="A guess by the source, not a fact.")
    keywords: list[Name] = Field(
        default_factory=list, description="Words fans use when they ask for this fact."
    )

    @field_validator("sources")
    @classmethod
    def _distinct_sources(cls, sources: list[str]) -> list[str]:
        repeated = sorted(s for s, n in Counter(sources).items() if n > 1)
        if repeated:
            raise ValueError(f"lists the same source twice: {', '.join(repeated)}")
        return sources

    @model_validator(mode="after")
    def _not_disputed_by_itself(self) -> Claim:
        both = sorted({d.source for d in self.disputed_by} & set(self.sources))
        if both:
            raise ValueError(f"source {', '.join(both)} cannot both support and dispute the claim")
        return self

    @property
    def source_ids(self) -> list[str]:
        """Every source the claim mentions: supporters first, then disputers."""
        return [*self.sources, *(d.source for d in self.disputed_by)]


class Source(_Model):
    """An article the knowledge is built from."""

    id: Id
    title: Text
    kind: Text = Field(description="What sort of publication it is, e.g. `fan site`.")
    published: Published = Field(description="YYYY, YYYY-MM, YYYY-MM-DD or a range a/b.")
    published_note: Text | None = Field(default=None, description="How the date was worked out.")
    known_errors: list[Text] = Field(default_factory=list)

    @field_validator("published", mode="before")
    @classmethod
    def _parse_published(cls, value: Any) -> Published:
        if isinstance(value, Published):
            return value
        if isinstance(value, bool) or not isinstance(value, str | int):
            raise ValueError("must be a date written YYYY, YYYY-MM or YYYY-MM-DD")
        return Published.parse(str(value))


class _Entity(_Model):
    """Something fans ask about by name, with the claims that describe it."""

    id: Id
    aliases: list[Name] = Field(default_factory=list)
    claims: list[Claim] = Field(min_length=1)

    @property
    def name(self) -> str:
        raise NotImplementedError

    @property
    def names(self) -> list[str]:
        """Every name this entity answers to, the display name first."""
        return [self.name, *self.aliases]


class Show(_Entity):
    """The series itself."""

    title: Name

    @property
    def name(self) -> str:
        return self.title


class CastMember(_Entity):
    """An actor and the character they play, as far as the sources say."""

    actor: Name
    character: Name | None = None

    @property
    def name(self) -> str:
        return self.actor

    @property
    def names(self) -> list[str]:
        extra = [self.character] if self.character else []
        return [self.actor, *extra, *self.aliases]


class Episode(_Entity):
    """An episode, by number and title."""

    number: int = Field(ge=1, le=999)
    title: Name

    @property
    def name(self) -> str:
        return self.title


class Person(_Entity):
    """Someone behind the show: creators, writers, directors, crew, the journalist."""

    person: Name = Field(description="The person's name as it should be shown.")
    roles: list[Text] = Field(min_length=1)

    @property
    def name(self) -> str:
        return self.person


class Season2(_Model):
    """What is known, and guessed, about a second season."""

    claims: list[Claim] = Field(min_length=1)


class KnowledgeBase(_Model):
    """Everything the bot knows, validated as a whole: ids unique, every reference resolved."""

    sources: list[Source] = Field(min_length=1)
    show: Show
    cast: list[CastMember] = Field(default_factory=list)
    episodes: list[Episode] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)
    season2: Season2

    @model_validator(mode="after")
    def _references_resolve(self) -> KnowledgeBase:
        problems = list(self._integrity_problems())
        if problems:
            raise ValidationError.from_exception_data(
                "KnowledgeBase",
                [
                    InitErrorDetails(
                        type=PydanticCustomError("knowledge_reference", message),
                        loc=loc,
                        input=None,
                    )
                    for loc, message in problems
                ],
            )
        return self

    def _integrity_problems(self) -> Iterator[tuple[tuple[str | int, ...], str]]:
        yield from _duplicates(
            (("sources", i, "id"), s.id) for i, s in enumerate(self.sources)
        )
        yield from _duplicates(
            (loc, entity.id) for loc, entity in self._entities_with_locations()
        )
        yield from _duplicates(
            (("episodes", i, "number"), e.number) for i, e in enumerate(self.episodes)
        )
        known = {s.id for s in self.sources}
        for loc, claim in self.claims_with_locations():
            for j, source in enumerate(claim.sources):
                if source not in known:
                    yield (*loc, "sources", j), _unknown_source(source, known)
            for j, dispute in enumerate(claim.disputed_by):
                if dispute.source not in known:
                    yield (*loc, "disputed_by", j, "source"), _unknown_source(dispute.source, known)

    def _entities_with_locations(self) -> Iterator[tuple[tuple[str | int, ...], _Entity]]:
        yield ("show", "id"), self.show
        for section in ("cast", "episodes", "people"):
            for i, entity in enumerate(getattr(self, section)):
                yield (section, i, "id"), entity

    def claims_with_locations(self) -> Iterator[tuple[tuple[str | int, ...], Claim]]:
        """Every claim in the knowledge base with the path it sits at."""
        for loc, entity in self._entities_with_locations():
            for i, claim in enumerate(entity.claims):
                yield (*loc[:-1], "claims", i), claim
        for i, claim in enumerate(self.season2.claims):
            yield ("season2", "claims", i), claim

    @cached_property
    def sources_by_id(self) -> dict[str, Source]:
        return {source.id: source for source in self.sources}

    @cached_property
    def episodes_by_number(self) -> dict[int, Episode]:
        return {episode.number: episode for episode in self.episodes}

    def entity(self, entity_id: str) -> Show | CastMember | Episode | Person | None:
        """Look an entity up by id."""
        return self._entities_by_id.get(entity_id)

    @cached_property
    def _entities_by_id(self) -> dict[str, Show | CastMember | Episode | Person]:
        entities: list[Show | CastMember | Episode | Person] = [
            self.show,
            *self.cast,
            *self.episodes,
            *self.people,
        ]
        return {entity.id: entity for entity in entities}

    def summary(self) -> str:
        """A one-line count of what is loaded, for `kb check` and `/kb status`."""
        claims = sum(1 for _ in self.claims_with_locations())
        return (
            f"{len(self.sources)} sources, {len(self.cast)} cast members, "
            f"{len(self.people)} people, {len(self.episodes)} episodes, {claims} claims"
        )


def _duplicates(
    items: Iterator[tuple[tuple[str | int, ...], object]],
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    first_seen: dict[object, tuple[str | int, ...]] = {}
    for loc, value in items:
        if value in first_seen:
            yield loc, f"{value!r} is used twice; it is already used at {_dotted(first_seen[value])}"
        else:
            first_seen[value] = loc


def _unknown_source(source: str, known: set[str]) -> str:
    return f"unknown source {source!r}; the sources section defines: {', '.join(sorted(known))}"


def _dotted(loc: tuple[str | int, ...]) -> str:
    """Render a location as a moderator reads it: `cast[3].character`."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out
