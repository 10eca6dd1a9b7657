"""The validated shape of the knowledge base: what each source claims about the show.

Every rule about a valid knowledge file lives here, once: the loader, `kb check`, hot reload and
the tests all validate through these models. Facts are stored as claims: a sentence in our own
words, the sources that support it, and any source that says otherwise, so that disagreement is
data the answers can show rather than something a moderator quietly resolved.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
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


_ASCII_ALNUM = re.compile(r"[A-Za-z0-9]")
"""A letter or digit `fold` always keeps: where one is found, folding is not needed to know."""


def _foldable(value: str) -> str:
    if not _ASCII_ALNUM.search(value) and not fold(value):
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
    says_es: Text | None = Field(default=None, description="The same in Spanish.")


class Claim(_Model):
    """One fact as the sources report it."""

    text: Text = Field(description="The fact in our own words (English).")
    text_es: Text | None = Field(default=None, description="The same fact in Spanish.")
    sources: list[Id] = Field(min_length=1, description="Ids of the sources that support it.")
    disputed_by: list[Dispute] = Field(default_factory=list)
    doubt: Text | None = Field(
        default=None, description="Why a moderator doubts it, e.g. a name found nowhere else."
    )
    doubt_es: Text | None = Field(default=None, description="The same doubt in Spanish.")
    speculation: bool = Field(default=False, description="A guess by the source, not a fact.")
    keywords: list[Name] = Field(
        default_factory=list, description="Words fans use when they ask for this fact."
    )

    @field_validator("sources")
    @classmethod
    def _distinct_sources(cls, sources: list[str]) -> list[str]:
        if len(set(sources)) == len(sources):
            return sources
        repeated = sorted(s for s, n in Counter(sources).items() if n > 1)
        if repeated:
            raise ValueError(f"lists the same source twice: {', '.join(repeated)}")
        return sources

    @model_validator(mode="after")
    def _not_disputed_by_itself(self) -> Claim:
        if not self.disputed_by:
            return self
        both = sorted({d.source for d in self.disputed_by} & set(self.sources))
        if both:
            raise ValueError(f"source {', '.join(both)} cannot both support and dispute the claim")
        return self

    @model_validator(mode="after")
    def _doubt_before_its_spanish(self) -> Claim:
        if self.doubt_es and not self.doubt:
            raise ValueError("has doubt_es but no doubt: write the doubt in English too")
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
    kind_es: Text | None = Field(default=None, description="The same in Spanish.")
    published: Published = Field(description="YYYY, YYYY-MM, YYYY-MM-DD or a range a/b.")
    published_note: Text | None = Field(default=None, description="How the date was worked out.")
    known_errors: list[Text] = Field(default_factory=list)
    known_errors_es: list[Text] = Field(
        default_factory=list, description="The same mistakes in Spanish, one for each, in order."
    )

    @field_validator("published", mode="before")
    @classmethod
    def _parse_published(cls, value: Any) -> Published:
        if isinstance(value, Published):
            return value
        if isinstance(value, bool) or not isinstance(value, str | int):
            raise ValueError("must be a date written YYYY, YYYY-MM or YYYY-MM-DD")
        return Published.parse(str(value))

    @model_validator(mode="after")
    def _each_error_in_spanish_or_none(self) -> Source:
        if self.known_errors_es and len(self.known_errors_es) != len(self.known_errors):
            raise ValueError(
                f"has {len(self.known_errors_es)} known_errors_es for "
                f"{len(self.known_errors)} known_errors: write one Spanish line for each "
                "English one, in the same order"
            )
        return self


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
        if _resolves(self):
            return self
        problems = list(_integrity_problems(_References.of_model(self)))
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


Loc = tuple[str | int, ...]


def reference_problems(data: Any) -> list[tuple[Loc, str]]:
    """The id and reference problems of knowledge that is not (yet) structurally valid.

    Pydantic runs `KnowledgeBase`'s reference checks only once every field is valid. The loader
    calls this when they are not, so that a moderator sees a wrong field and a dangling source in
    the same round. The rules are the same (`_integrity_problems`), read from the plain data.
    """
    return list(_integrity_problems(_References.of_data(data))) if isinstance(data, dict) else []


@dataclass
class _References:
    """What the reference rules look at, each value with its location."""

    sources: list[tuple[Loc, str]] = field(default_factory=list)
    entities: list[tuple[Loc, str]] = field(default_factory=list)
    episode_numbers: list[tuple[Loc, int]] = field(default_factory=list)
    cited: list[tuple[Loc, str]] = field(default_factory=list)
    """Every source a claim names, in support or in dispute."""
    sources_known: bool = True
    """False when the sources section itself is unreadable: then no citation can be judged."""

    @classmethod
    def of_model(cls, knowledge: KnowledgeBase) -> _References:
        refs = cls(sources=[(("sources", i, "id"), s.id) for i, s in enumerate(knowledge.sources)])
        refs.entities = [(loc, entity.id) for loc, entity in knowledge._entities_with_locations()]
        refs.episode_numbers = [
            (("episodes", i, "number"), e.number) for i, e in enumerate(knowledge.episodes)
        ]
        for loc, claim in knowledge.claims_with_locations():
            refs.cited += [((*loc, "sources", j), s) for j, s in enumerate(claim.sources)]
            refs.cited += [
                ((*loc, "disputed_by", j, "source"), d.source)
                for j, d in enumerate(claim.disputed_by)
            ]
        return refs

    @classmethod
    def of_data(cls, data: dict[str, Any]) -> _References:
        refs = cls(sources_known=isinstance(data.get("sources"), list))
        for i, source in _mappings(data.get("sources")):
            refs.sources += _text_at(("sources", i, "id"), source.get("id"))
        owners: list[tuple[Loc, dict[str, Any]]] = []
        if isinstance(data.get("show"), dict):
            owners.append((("show",), data["show"]))
        for section in ("cast", "episodes", "people"):
            owners += [((section, i), item) for i, item in _mappings(data.get(section))]
        for loc, entity in owners:
            refs.entities += _text_at((*loc, "id"), entity.get("id"))
        for i, episode in _mappings(data.get("episodes")):
            number = episode.get("number")
            if isinstance(number, int) and not isinstance(number, bool):
                refs.episode_numbers.append((("episodes", i, "number"), number))
        if isinstance(data.get("season2"), dict):
            owners.append((("season2",), data["season2"]))
        for loc, owner in owners:
            for i, claim in _mappings(owner.get("claims")):
                at = (*loc, "claims", i)
                sources = claim.get("sources")
                for j, source in enumerate(sources if isinstance(sources, list) else []):
                    refs.cited += _text_at((*at, "sources", j), source)
                for j, dispute in _mappings(claim.get("disputed_by")):
                    refs.cited += _text_at((*at, "disputed_by", j, "source"), dispute.get("source"))
        return refs


def _resolves(knowledge: KnowledgeBase) -> bool:
    """Whether `_integrity_problems` finds nothing, told without locating anything.

    The same rules, on sets: true only when ids and episode numbers are unique and every source
    a claim names is defined. When false, the rules are run again to locate each problem.
    """
    known = {source.id for source in knowledge.sources}
    if len(known) != len(knowledge.sources):
        return False
    entities = [knowledge.show, *knowledge.cast, *knowledge.episodes, *knowledge.people]
    if len({entity.id for entity in entities}) != len(entities):
        return False
    if len({episode.number for episode in knowledge.episodes}) != len(knowledge.episodes):
        return False
    cited: set[str] = set()
    for claims in [*(entity.claims for entity in entities), knowledge.season2.claims]:
        for claim in claims:
            cited.update(claim.sources)
            cited.update(dispute.source for dispute in claim.disputed_by)
    return cited <= known


def _mappings(value: Any) -> list[tuple[int, dict[str, Any]]]:
    """The mappings in a list, with their indices; nothing when `value` is not a list."""
    if not isinstance(value, list):
        return []
    return [(i, item) for i, item in enumerate(value) if isinstance(item, dict)]


def _text_at(loc: Loc, value: Any) -> list[tuple[Loc, str]]:
    """`value` as the models read an id (numbers as text, spaces stripped), or nothing."""
    if isinstance(value, str | int) and not isinstance(value, bool):
        return [(loc, str(value).strip())]
    return []


def _integrity_problems(refs: _References) -> Iterator[tuple[Loc, str]]:
    """Every rule about ids and references, in one place.

    Ids and episode numbers are unique, and every source a claim names is a defined source.
    """
    yield from _duplicates(iter(refs.sources))
    yield from _duplicates(iter(refs.entities))
    yield from _duplicates(iter(refs.episode_numbers))
    if not refs.sources_known:
        return
    known = {source_id for _, source_id in refs.sources}
    for loc, source in refs.cited:
        if source not in known:
            yield loc, _unknown_source(source, known)


def _duplicates(
    items: Iterator[tuple[tuple[str | int, ...], object]],
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    first_seen: dict[object, tuple[str | int, ...]] = {}
    for loc, value in items:
        if value in first_seen:
            first = _dotted(first_seen[value])
            yield loc, f"{value!r} is used twice; it is already used at {first}"
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
