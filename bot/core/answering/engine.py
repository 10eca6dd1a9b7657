"""The answering engine: a command or a free-text question in, one structured `Answer` out.

It reads a validated `KnowledgeBase` through a `NameIndex`, never the files; it knows nothing of
Discord or consoles. A command names its answer; a free-text question is read by `Reader` into
a `Route` first. Everything it says comes from claims in the knowledge, numbered by source.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from bot.core.answering.answer import Answer, Confidence, Fact, Language, Match, SourceRef, Topic
from bot.core.answering.confidence import (
    answer_confidence,
    caveat,
    claim_confidence,
    facts_confidence,
)
from bot.core.answering.intents import stem
from bot.core.answering.reading import (
    AskClaims,
    AskEntities,
    AskEntity,
    AskEpisode,
    AskName,
    AskTopic,
    Blank,
    Decline,
    Reader,
    Route,
    Unsure,
)
from bot.core.i18n import month_name, number_word, t
from bot.core.knowledge.loader import collector_paused
from bot.core.knowledge.models import CastMember, Claim, Episode, KnowledgeBase, Person, Source
from bot.core.matching.episodes import EpisodeRef, episode_number, parse_episode_reference
from bot.core.matching.index import MAX_SUGGESTIONS, NameIndex, Resolution
from bot.core.text import fold

MAX_QUERY_CHARS = 300
"""Longer questions are cut to this many characters, with a notice, before any work is done."""

MAX_ECHO_CHARS = 80
"""How much of a fan's own words an answer quotes back."""

PREFIX_SUGGEST_SCORE = 85.0
"""An autocomplete score this high makes a begun name ("Mer") worth a "did you mean"."""

COMMANDS = {
    "cast": Topic.CAST, "reparto": Topic.CAST,
    "episode": Topic.EPISODE, "episodes": Topic.EPISODE, "episodio": Topic.EPISODE,
    "creators": Topic.CREATORS, "creadores": Topic.CREATORS, "crew": Topic.CREATORS,
    "season2": Topic.SEASON2, "temporada2": Topic.SEASON2,
    "about": Topic.SHOW, "show": Topic.SHOW, "sobre": Topic.SHOW,
    "sources": Topic.SOURCES, "fuentes": Topic.SOURCES,
    "help": Topic.HELP, "ayuda": Topic.HELP,
}  # fmt: skip


class Engine:
    """Answers questions from one loaded knowledge base. Cheap to query, immutable once built."""

    def __init__(
        self, knowledge: KnowledgeBase, *, today: Callable[[], dt.date] = dt.date.today
    ) -> None:
        self.knowledge = knowledge
        self._today = today
        with collector_paused():  # the indexes are many new objects, none of them garbage
            self.index = NameIndex(knowledge)
            self.reader = Reader(knowledge, self.index)
            # `/creators directors`: each word of each role, in the form every inflection shares.
            self._people_by_role: dict[str, list[str]] = {}
            for person in knowledge.people:
                for word in {stem(w) for role in person.roles for w in fold(role).split()}:
                    self._people_by_role.setdefault(word, []).append(person.id)

    # ----------------------------------------------------------------------------- entry points

    def ask(self, text: str, language: Language | None = None) -> Answer:
        """Answer a free-text question, or a command written as `/cast doña chayo`.

        A slash before no command's name is read as the words after it: `/creator` asks what
        `creator` asks, and the reply echoes what was typed.
        """
        query, cut = _bounded(text)
        language = language or self.reader.language(query)
        notice = _shortened(language) if cut else None
        stripped = query.strip()
        if stripped.startswith("/"):
            name, _, argument = stripped[1:].partition(" ")
            if fold(name) == "ask":
                answer = self.ask(argument, language)
                # The argument was already cut: keep the notice that says so.
                return answer.model_copy(update={"notice": answer.notice or notice})
            topic = COMMANDS.get(fold(name))
            if topic is None:
                # `/creator`, `/ep 3`: a slash before no command's name is read as the words.
                return self._free_text(query, language, notice, text=stripped[1:])
            return self.command(topic, argument, language, query=query, notice=notice)
        return self._free_text(query, language, notice)

    def command(
        self,
        topic: Topic,
        argument: str | None = None,
        language: Language = Language.EN,
        *,
        query: str | None = None,
        notice: str | None = None,
    ) -> Answer:
        """Answer a slash command: `topic` with an optional argument (a name, an episode)."""
        argument, cut = _bounded(argument or "")
        notice = notice or (_shortened(language) if cut else None)
        query = query if query is not None else f"/{topic.value} {argument}".strip()
        folded = fold(argument)
        if topic in {Topic.CAST, Topic.CREATORS} and self.reader.names_the_show(folded):
            folded = ""  # `/creators somos`: the show's people, all of them
        if topic is Topic.CAST:
            if not folded:
                return self._cast_list(query, language, notice)
            return self._named(query, topic, argument, {"cast"}, language, notice)
        if topic is Topic.EPISODE:
            if not folded:
                return self._episode_list(query, language, notice)
            if self.reader.points_beside(folded):  # `/episode after the finale`: as free text
                route = self.reader.read(f"episode {argument}")
                return self._answer(route, query, language, notice)
            reference = parse_episode_reference(folded, bare=True)
            if reference is not None:
                return self._episode_by_reference(query, reference, language, notice)
            return self._named(query, topic, argument, {"episode"}, language, notice)
        if topic is Topic.CREATORS:
            if not folded:
                return self._people(query, language, notice)
            if holders := self._with_role(folded):  # `/creators directors`
                return self._entities_answer(query, topic, holders, language, notice)
            return self._named(query, topic, argument, {"person"}, language, notice)
        if topic is Topic.SEASON2:
            return self._season2(query, language, notice)
        if topic is Topic.SHOW:
            return self._show(query, language, notice)
        if topic is Topic.SOURCES:
            return self._sources(query, language, notice)
        if topic is Topic.HELP:
            return self._help(query, language, notice)
        return self._free_text(argument, language, notice)

    def complete(self, topic: Topic, partial: str, limit: int = 25) -> list[Match]:
        """Autocomplete candidates for `/cast` or `/episode`, best first."""
        partial = partial[:MAX_QUERY_CHARS]
        if topic is Topic.EPISODE:
            reference = parse_episode_reference(fold(partial), bare=True)
            if reference is not None and (episode := self._episode(reference)):
                return [Match(id=episode.id, name=episode.title, kind="episode", score=100.0)]
        kind = {Topic.CAST: "cast", Topic.EPISODE: "episode", Topic.CREATORS: "person"}.get(topic)
        return self.index.complete(kind, partial, limit) if kind else []

    # ------------------------------------------------------------------------------ free text

    def _free_text(
        self, query: str, language: Language, notice: str | None, *, text: str | None = None
    ) -> Answer:
        """The answer to `text` (by default the query itself), echoing `query`."""
        route = self.reader.read(query if text is None else text)
        return self._answer(route, query, language, notice)

    def _answer(self, route: Route, query: str, language: Language, notice: str | None) -> Answer:
        """The answer a question's route asks for."""
        match route:
            case Blank():
                return self._help(query, language, notice, empty=True)
            case Decline():
                return self._unknown(query, language, notice=notice)
            case Unsure(resolution):
                return self._unsure_or_unknown(query, resolution, language, notice)
            case AskEpisode(reference):
                return self._episode_by_reference(query, reference, language, notice)
            case AskEntity(entity_id, resolution):
                return self._entity_answer(query, entity_id, resolution, language, notice)
            case AskEntities(topic, entity_ids):
                return self._entities_answer(query, topic, entity_ids, language, notice)
            case AskName(kind, name):
                return self._entity_or_unsure(query, name, {kind}, language, notice)
            case AskClaims(topic, claims):
                return self._focused(query, topic, claims, language, notice)
            case AskTopic(topic):
                return self.command(topic, None, language, query=query, notice=notice)

    # ------------------------------------------------------------------------- entity answers

    def _named(
        self,
        query: str,
        topic: Topic,
        argument: str,
        kinds: set[str],
        language: Language,
        notice: str | None,
    ) -> Answer:
        """A command's argument: a name of `kinds`, or else a question after the command's name.

        `/creators ginger thompson article title` and `/cast who plays chayo` say more than a
        name; read as `creators ginger thompson article title`, they get what that asks, and a
        fact no claim holds is declined (`/cast is chayo still alive`). An argument that
        neither names nor asks gets the "did you mean".
        """
        resolution = self.index.resolve(argument, kinds)
        if resolution.best is not None:
            return self._entity_answer(query, resolution.best.id, resolution, language, notice)
        route = self.reader.read(f"{topic.value} {argument}")
        # `/cast is chayo still alive` asks what no claim holds: no "did you mean" either.
        if isinstance(route, AskEntity | AskEntities | AskClaims | AskEpisode | Decline):
            return self._answer(route, query, language, notice)
        return self._entity_or_unsure(query, argument, kinds, language, notice)

    def _entity_or_unsure(
        self, query: str, name: str, kinds: set[str], language: Language, notice: str | None
    ) -> Answer:
        resolution = self.index.resolve(name, kinds)
        if resolution.best is None and not resolution.candidates:
            # A name only begun ("Mer") resembles no whole name: offer what it starts.
            begun = [
                match
                for kind in kinds
                for match in self.index.complete(kind, name, MAX_SUGGESTIONS)
                if match.score >= PREFIX_SUGGEST_SCORE
            ]
            resolution = Resolution(name, None, begun)
        if resolution.best is None:
            return self._unsure_or_unknown(query, resolution, language, notice, name=name)
        return self._entity_answer(query, resolution.best.id, resolution, language, notice)

    def _entity_answer(
        self,
        query: str,
        entity_id: str,
        resolution: Resolution | None,
        language: Language,
        notice: str | None,
    ) -> Answer:
        entity = self.knowledge.entity(entity_id)
        matches = resolution.candidates[:1] if resolution else []
        if not matches:
            entry = self.index.entries_by_id[entity_id]
            matches = [Match(id=entry.id, name=entry.name, kind=entry.kind, score=100.0)]
        if isinstance(entity, CastMember):
            title = (
                t("text.plays", language, actor=entity.actor, character=entity.character)
                if entity.character
                else entity.actor
            )
            return self._compose(
                query, Topic.CAST, title, _claim_facts(entity.claims), matches, language, notice
            )
        if isinstance(entity, Episode):
            title = t("title.episode", language, number=entity.number, title=entity.title)
            return self._compose(
                query, Topic.EPISODE, title, _claim_facts(entity.claims), matches, language, notice
            )
        if isinstance(entity, Person):
            return self._compose(
                query,
                Topic.CREATORS,
                entity.person,
                _claim_facts(entity.claims),
                matches,
                language,
                notice,
            )
        return self._show(query, language, notice)

    def _entities_answer(
        self,
        query: str,
        topic: Topic,
        entity_ids: Sequence[str],
        language: Language,
        notice: str | None,
    ) -> Answer:
        """Several entities of one kind at once, each with its claims, in the order named."""
        claims = [
            claim
            for entity_id in entity_ids
            if (entity := self.knowledge.entity(entity_id)) is not None
            for claim in entity.claims
        ]
        matches = [
            Match(id=entry.id, name=entry.name, kind=entry.kind, score=100.0)
            for entity_id in entity_ids
            if (entry := self.index.entries_by_id[entity_id])
        ]
        title_keys = {Topic.CAST: "title.cast", Topic.EPISODE: "title.episodes"}
        title = t(title_keys.get(topic, "title.creators"), language)
        return self._compose(query, topic, title, _claim_facts(claims), matches, language, notice)

    def _with_role(self, folded: str) -> list[str]:
        """The people whose role is the one word asked (`director`, `directors`, `writer`)."""
        if len(folded.split()) != 1:
            return []
        return self._people_by_role.get(stem(folded), [])

    def _episode(self, reference: EpisodeRef) -> Episode | None:
        number = episode_number(reference, self.knowledge.episodes_by_number)
        return None if number is None else self.knowledge.episodes_by_number.get(number)

    def _episode_by_reference(
        self, query: str, reference: EpisodeRef, language: Language, notice: str | None
    ) -> Answer:
        episode = self._episode(reference)
        if episode is None:
            count = number_word(len(self.knowledge.episodes), language)
            text = t("text.no_episode", language, count=count, number=reference)
            listing = self._episode_list(query, language, notice)
            return listing.model_copy(
                update={"text": f"{text}\n{listing.text}", "topic": Topic.EPISODE}
            )
        return self._entity_answer(query, episode.id, None, language, notice)

    # --------------------------------------------------------------------------- list answers

    def _cast_list(self, query: str, language: Language, notice: str | None) -> Answer:
        facts = [
            _grouped_fact(
                t("text.plays", language, actor=m.actor, character=m.character)
                if m.character
                else m.actor,
                m.claims,
            )
            for m in self.knowledge.cast
        ]
        return self._compose(
            query, Topic.CAST, t("title.cast", language), facts, [], language, notice
        )

    def _episode_list(self, query: str, language: Language, notice: str | None) -> Answer:
        episodes = sorted(self.knowledge.episodes, key=lambda e: e.number)
        facts = [
            _grouped_fact(
                t("text.episode_line", language, number=e.number, title=e.title), e.claims
            )
            for e in episodes
        ]
        return self._compose(
            query, Topic.EPISODE, t("title.episodes", language), facts, [], language, notice
        )

    def _people(self, query: str, language: Language, notice: str | None) -> Answer:
        facts = [
            _grouped_fact(f"{p.person}: {', '.join(p.roles)}", p.claims)
            for p in self.knowledge.people
        ]
        return self._compose(
            query, Topic.CREATORS, t("title.creators", language), facts, [], language, notice
        )

    def _show(self, query: str, language: Language, notice: str | None) -> Answer:
        show = self.knowledge.show
        title = t("title.show", language, title=show.title)
        return self._compose(
            query, Topic.SHOW, title, _claim_facts(show.claims), [], language, notice
        )

    def _season2(self, query: str, language: Language, notice: str | None) -> Answer:
        facts = _claim_facts(self.knowledge.season2.claims)
        return self._compose(
            query, Topic.SEASON2, t("title.season2", language), facts, [], language, notice
        )

    def _focused(
        self,
        query: str,
        topic: Topic,
        claims: Sequence[Claim],
        language: Language,
        notice: str | None,
    ) -> Answer:
        """Only the claims the question points at (`who directed it`)."""
        facts = sorted(_claim_facts(claims), key=lambda f: -f.confidence.rank)
        titles = {
            Topic.SHOW: t("title.show", language, title=self.knowledge.show.title),
            Topic.CREATORS: t("title.creators", language),
            Topic.CAST: t("title.cast", language),
        }
        return self._compose(query, topic, titles[topic], facts, [], language, notice)

    # --------------------------------------------------------------------------- meta answers

    def _sources(self, query: str, language: Language, notice: str | None) -> Answer:
        refs = [self._source_ref(i, s, language) for i, s in enumerate(self.knowledge.sources, 1)]
        lines = []
        for ref, source in zip(refs, self.knowledge.sources, strict=True):
            lines.append(
                t(
                    "text.source_line",
                    language,
                    number=ref.number,
                    title=ref.title,
                    kind=_localized(language, source.kind, source.kind_es),
                    date=ref.date_text,
                )
            )
            spanish = language is Language.ES and source.known_errors_es
            if errors := (source.known_errors_es if spanish else source.known_errors):
                lines.append("  " + t("text.known_errors", language, errors=" ".join(errors)))
        return _reply(
            query, Topic.SOURCES, language, notice,
            title="title.sources", text="\n".join(lines), caveat="caveat.meta", sources=refs,
        )  # fmt: skip

    def _help(
        self, query: str, language: Language, notice: str | None, *, empty: bool = False
    ) -> Answer:
        text = t("help.body", language)
        if empty:
            # Nothing to answer ("", "????"): an honest `unknown` that still shows what to ask.
            return _reply(
                query, Topic.UNKNOWN, language, notice,
                title="title.help", text=f"{t('text.empty', language)}\n\n{text}",
                caveat="caveat.none",
            )  # fmt: skip
        return _reply(
            query, Topic.HELP, language, notice,
            title="title.help", text=text, caveat="caveat.meta",
        )  # fmt: skip

    def _unsure_or_unknown(
        self,
        query: str,
        resolution: Resolution | None,
        language: Language,
        notice: str | None,
        *,
        name: str | None = None,
    ) -> Answer:
        if resolution is None or not resolution.candidates:
            return self._unknown(query, language, notice=notice, name=name)
        lines = [t("text.did_you_mean", language, query=_echo(name or query))]
        lines += [f"• {m.name}" for m in resolution.candidates]
        return _reply(
            query, Topic.UNKNOWN, language, notice,
            title="title.did_you_mean", text="\n".join(lines), caveat="caveat.unsure",
            suggestions=resolution.candidates,
        )  # fmt: skip

    def _unknown(
        self,
        query: str,
        language: Language,
        *,
        notice: str | None,
        name: str | None = None,
    ) -> Answer:
        """The same honest answer, whatever made the question unanswerable."""
        first = (
            t("text.unknown_name", language, query=_echo(name))
            if name
            else t("text.unknown", language, query=_echo(query))
        )
        return _reply(
            query, Topic.UNKNOWN, language, notice,
            title="title.unknown", text=f"{first}\n{t('text.can_answer', language)}",
            caveat="caveat.none",
        )  # fmt: skip

    # ------------------------------------------------------------------------------- assembly

    def _compose(
        self,
        query: str,
        topic: Topic,
        title: str,
        raw_facts: Sequence[_RawFact],
        matches: list[Match],
        language: Language,
        notice: str | None,
    ) -> Answer:
        numbering: dict[str, int] = {}
        for raw in raw_facts:
            for source_id in (*raw.sources, *(d[0] for d in raw.disputes)):
                numbering.setdefault(source_id, len(numbering) + 1)
        facts = [raw.resolve(numbering, language) for raw in raw_facts]
        sources = self.knowledge.sources_by_id
        refs = [self._source_ref(n, sources[sid], language) for sid, n in numbering.items()]
        newest_source = max(
            (sources[sid] for sid in numbering), key=lambda s: s.published.newest_day, default=None
        )
        newest = (
            (_date_text(newest_source, language), newest_source.published.newest_day)
            if newest_source
            else None
        )
        lines = []
        for fact in facts:
            marker = "".join(f"[{n}]" for n in fact.sources)
            prefix = t("text.speculation_prefix", language) if fact.speculation else ""
            lines.append(f"{prefix}{fact.text} {marker}".rstrip())
            lines += [f"  ↳ {d}" for d in fact.disputes]
            if fact.doubt:
                lines.append(f"  ↳ {t('label.doubt', language)}: {fact.doubt}")
        if not facts:
            return self._unknown(query, language, notice=notice)
        return Answer(
            query=query,
            topic=topic,
            language=language,
            title=title,
            text="\n".join(lines),
            facts=facts,
            matches=matches,
            sources=refs,
            confidence=answer_confidence(facts),
            caveat=caveat(facts, newest, self._today(), language),
            notice=notice,
        )

    def _source_ref(self, number: int, source: Source, language: Language) -> SourceRef:
        return SourceRef(
            number=number,
            id=source.id,
            title=source.title,
            date=source.published.iso(),
            date_text=_date_text(source, language),
            kind=source.kind,
        )


@dataclass(frozen=True)
class _RawFact:
    """A fact before its sources are numbered."""

    text: str
    text_es: str | None
    sources: tuple[str, ...]
    disputes: tuple[tuple[str, str, str | None], ...]
    """(source, what it says, the same in Spanish) for each source that disputes the fact."""
    doubt: str | None
    doubt_es: str | None
    speculation: bool
    confidence: Confidence

    def resolve(self, numbering: dict[str, int], language: Language) -> Fact:
        return Fact(
            text=_localized(language, self.text, self.text_es),
            sources=[numbering[s] for s in self.sources],
            disputes=[
                t(
                    "text.disputed_by",
                    language,
                    number=numbering[source],
                    says=_localized(language, says, says_es),
                )
                for source, says, says_es in self.disputes
            ],
            doubt=_localized(language, self.doubt, self.doubt_es) if self.doubt else None,
            speculation=self.speculation,
            confidence=self.confidence,
        )


def _claim_facts(claims: Iterable[Claim]) -> list[_RawFact]:
    return [
        _RawFact(
            text=c.text,
            text_es=c.text_es,
            sources=tuple(c.sources),
            disputes=tuple((d.source, d.says, d.says_es) for d in c.disputed_by),
            doubt=c.doubt,
            doubt_es=c.doubt_es,
            speculation=c.speculation,
            confidence=claim_confidence(c),
        )
        for c in claims
    ]


def _grouped_fact(text: str, claims: Sequence[Claim]) -> _RawFact:
    """One line standing for an entity (`Jero Medina as Benjamín`), backed by all its claims."""
    sources = tuple(dict.fromkeys(s for c in claims for s in c.sources))
    disputes = tuple(
        dict.fromkeys((d.source, d.says, d.says_es) for c in claims for d in c.disputed_by)
    )
    doubts = [(c.doubt, c.doubt_es) for c in claims if c.doubt]
    speculation = all(c.speculation for c in claims)
    confidence = facts_confidence(
        supporters=len(sources),
        disputers=len({d[0] for d in disputes}),
        doubted=bool(doubts),
        speculation=speculation,
    )
    doubt, doubt_es = doubts[0] if doubts else (None, None)
    return _RawFact(text, None, sources, disputes, doubt, doubt_es, speculation, confidence)


def _localized(language: Language, english: str, spanish: str | None) -> str:
    """Knowledge text in the fan's language: the Spanish text when there is one."""
    return spanish if language is Language.ES and spanish else english


def _date_text(source: Source, language: Language) -> str:
    published = source.published

    def words(date: object) -> str:
        year, month, day = date.year, date.month, date.day  # type: ignore[attr-defined]
        if month is None:
            return str(year)
        name = month_name(month, language)
        if day is None:
            return t("date.month_year", language, month=name, year=year)
        return t("date.day_month_year", language, day=day, month=name, year=year)

    if published.earliest == published.latest:
        return words(published.earliest)
    start, end = published.earliest, published.latest
    if start.year == end.year and start.month and end.month and not start.day and not end.day:
        first = month_name(start.month, language)
        return t("date.range", language, start=first, end=words(end))
    return t("date.range", language, start=words(start), end=words(end))


def _reply(
    query: str,
    topic: Topic,
    language: Language,
    notice: str | None,
    *,
    title: str,
    text: str,
    caveat: str,
    sources: list[SourceRef] | None = None,
    suggestions: list[Match] | None = None,
) -> Answer:
    """An answer that states no fact about the show: help, sources, "did you mean", "I don't know".

    Its confidence follows from its topic: `unknown` is `none`; the rest is about the bot itself.
    `title` and `caveat` are message keys.
    """
    return Answer(
        query=query,
        topic=topic,
        language=language,
        title=t(title, language),
        text=text,
        sources=sources or [],
        suggestions=suggestions or [],
        confidence=Confidence.NONE if topic is Topic.UNKNOWN else Confidence.HIGH,
        caveat=t(caveat, language),
        notice=notice,
    )


def _bounded(text: str) -> tuple[str, bool]:
    """Cut over-long input before any work is done; say whether it was cut.

    Lone surrogates (possible from a terminal, never valid text) are dropped here, the one place
    fans' words enter the engine, so that every answer can be encoded as UTF-8 and JSON.
    """
    cut = "".join(ch for ch in text[:MAX_QUERY_CHARS] if not "\ud800" <= ch <= "\udfff")
    return cut, len(text) > MAX_QUERY_CHARS


def _shortened(language: Language) -> str:
    return t("text.shortened", language, limit=MAX_QUERY_CHARS)


def _echo(text: str) -> str:
    """A fan's own words, safe to quote back: no control characters, short, on one line."""
    visible = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in text)
    one_line = " ".join(visible.split())
    return one_line if len(one_line) <= MAX_ECHO_CHARS else one_line[: MAX_ECHO_CHARS - 1] + "…"
