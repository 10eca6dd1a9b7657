"""The answering engine: a command or a free-text question in, one structured `Answer` out.

It reads a validated `KnowledgeBase` through a `NameIndex`, never the files; it knows nothing of
Discord or consoles. Everything it says comes from claims in the knowledge, numbered by source.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.core.answering.answer import Answer, Confidence, Fact, Language, Match, SourceRef, Topic
from bot.core.answering.confidence import (
    answer_confidence,
    caveat,
    claim_confidence,
    facts_confidence,
)
from bot.core.answering.intents import (
    CHIT_CHAT,
    CUES,
    FILLER_WORDS,
    FUNCTION_WORDS,
    JUDGEMENT_WORDS,
    KIN_WORDS,
    MIN_STEM,
    OTHER_FACT_CUES,
    OWN,
    SEASON2_NAMES,
    detect_language,
    phrase_hits,
    stem,
    strip_phrases,
    topic_cues,
)
from bot.core.i18n import month_name, t
from bot.core.knowledge.models import CastMember, Claim, Episode, KnowledgeBase, Person, Source
from bot.core.matching.claims import ClaimIndex, Document, Retrieval
from bot.core.matching.episodes import EpisodeRef, parse_episode_reference
from bot.core.matching.index import MAX_SUGGESTIONS, NameIndex, Resolution
from bot.core.text import fold

_QUOTED = re.compile(r"[“«\"]([^”»\"]+)[”»\"]")
"""A title quoted in a claim's prose: “The Lazy Herd”, «Crouching Tiger, Hidden Dragon»."""

_CHATTER = FILLER_WORDS - JUDGEMENT_WORDS
"""Filler that says nothing of a name it stands beside (`asked`, `encuentro`)."""

SOURCE_TITLE_WORDS = 2
"""How many words of a source's title in a row, beside a word for an article, name that source
(see `_source_titles_in`): "the latest updates article"."""

MAX_QUERY_CHARS = 300
"""Longer questions are cut to this many characters, with a notice, before any work is done."""

MAX_ECHO_CHARS = 80
"""How much of a fan's own words an answer quotes back."""

PREFIX_SUGGEST_SCORE = 85.0
"""An autocomplete score this high makes a begun name ("Mer") worth a "did you mean"."""

CORRECTION_EDITS = ((5, 1), (8, 2))
"""How many typing slips (a letter missed, added, changed, or two letters swapped) a word of at
least so many letters may have and still be read as a word the bot knows. Shorter words are
never corrected. More slips than this make another word (`called` is not `cancelled`,
`person` is not `personaje`)."""

NAME_CORRECTION_MIN_CHARS = 6
"""A word shorter than this is never corrected into a name: `chapo` is another man, not
`Chayo`, and a short name has too few letters to tell a typo from another name."""

WORK_WORDS = frozenset(
    {"serie", "series", "show", "movie", "film", "pelicula", "novela", "telenovela"}
)
"""Words that introduce the title of a work (`la serie de el chapo`): a word that follows one
names that work, and is never corrected into one of this show's names."""

OF_WORDS = frozenset({"of", "de", "del"})
ARTICLES = frozenset({"the", "a", "el", "la", "los", "las"})
WHOSE_WORDS = WORK_WORDS | frozenset(
    {"season", "seasons", "temporada", "temporadas", "new", "next", "nueva", "nuevo", "proxima"}
)
"""`la nueva de elite`, `season 2 of elite`, `la serie de el chapo`: an unknown word after one of
these and `of`/`de` (an article aside) is the title of the work they belong to."""

WH_DETERMINERS = ("which", "what", "whats", "cual", "cuales", "how many", "cuantos", "cuantas")
"""`which outlet`, `cuántas vistas`: the word after one of these is the kind of thing asked for.
Unless a cue, a keyword or a name knows it (words met only in a claim's prose don't), no claim
answers the question."""

NAME_SLIP_SCORE = 75.0
"""A word this close to a name or part of one (`NameIndex.search`) is read as a slip in it."""

PROSE_ONLY_SHARE = 0.5
"""How unknown a word counts that no cue, keyword or name knows but some claim's prose has: it
may be the claim's paraphrase (`hero`) or a chance likeness (`piece` in `one piece`)."""

RETRIEVAL_MIN_SCORE = 3.0
"""A claim must score this much (BM25) for its topic to count as a sign of what is asked; about
one rare word of the claim, or two common ones."""

FOCUS_RATIO = 0.75
"""Claims retrieved within this share of the best score are shown beside it."""

KIND_TOPIC = {
    "cast": Topic.CAST,
    "episode": Topic.EPISODE,
    "person": Topic.CREATORS,
    "show": Topic.SHOW,
}
COMMANDS = {
    "cast": Topic.CAST, "reparto": Topic.CAST,
    "episode": Topic.EPISODE, "episodes": Topic.EPISODE, "episodio": Topic.EPISODE,
    "creators": Topic.CREATORS, "creadores": Topic.CREATORS, "crew": Topic.CREATORS,
    "season2": Topic.SEASON2, "temporada2": Topic.SEASON2,
    "about": Topic.SHOW, "show": Topic.SHOW, "sobre": Topic.SHOW,
    "sources": Topic.SOURCES, "fuentes": Topic.SOURCES,
    "help": Topic.HELP, "ayuda": Topic.HELP,
}  # fmt: skip
TOPIC_PRIORITY = [
    Topic.SEASON2, Topic.EPISODE, Topic.CAST, Topic.CREATORS, Topic.SHOW, Topic.SOURCES, Topic.HELP,
]  # fmt: skip
_SECTION_TOPIC = {"show": Topic.SHOW, "cast": Topic.CAST, "episodes": Topic.EPISODE,
                  "people": Topic.CREATORS, "season2": Topic.SEASON2}  # fmt: skip


@dataclass(frozen=True)
class _KeywordHit:
    topic: Topic
    owner: str | None
    claim: Claim


class Engine:
    """Answers questions from one loaded knowledge base. Cheap to query, immutable once built."""

    def __init__(
        self, knowledge: KnowledgeBase, *, today: Callable[[], dt.date] = dt.date.today
    ) -> None:
        self.knowledge = knowledge
        self.index = NameIndex(knowledge)
        self._today = today
        self._keywords: dict[str, list[_KeywordHit]] = {}
        self._claim_rows: list[_KeywordHit] = []
        documents: list[Document] = []
        for loc, claim in knowledge.claims_with_locations():
            owner = _owner_id(knowledge, loc)
            hit = _KeywordHit(_SECTION_TOPIC[str(loc[0])], owner, claim)
            for keyword in claim.keywords:
                self._keywords.setdefault(fold(keyword), []).append(hit)
            entity = knowledge.entity(owner) if owner else None
            names = entity.names if entity is not None and owner != knowledge.show.id else []
            self._claim_rows.append(hit)
            documents.append(Document([*claim.keywords, *names], [claim.text, claim.text_es or ""]))
        self.claims = ClaimIndex(documents, stem=stem, stopwords=FUNCTION_WORDS)
        self._keyword_rank = {keyword: rank for rank, keyword in enumerate(self._keywords)}
        self._longest_keyword = max((len(k.split()) for k in self._keywords), default=0)
        self._terms = sorted(
            {w for cues in CUES.values() for c in cues for w in c.split()}
            | {w for k in self._keywords for w in k.split()}
            | {w for e in self.index.entries for w in e.key.split()}
            | {w for key in self.index.all_keys() for w in key.split()}
        )
        prose = {
            w
            for _, claim in knowledge.claims_with_locations()
            for text in (claim.text, claim.text_es or "")
            for w in fold(text).split()
        }
        self._name_words = frozenset(w for key in self.index.all_keys() for w in key.split())
        self._show_names = frozenset(fold(name) for name in knowledge.show.names)
        # The words of every name of every entity, folded once here, never per question.
        self._entity_name_words: dict[str, frozenset[str]] = {}
        for e in self.index.entries:
            named = knowledge.entity(e.id)
            names = named.names if named is not None else [e.name]
            self._entity_name_words[e.id] = frozenset(w for n in names for w in fold(n).split())
        source_titles = [fold(source.title).split() for source in knowledge.sources]
        self._source_title_runs = frozenset(
            " ".join(words[start : start + size])
            for words in source_titles
            for size in range(SOURCE_TITLE_WORDS, len(words) + 1)
            for start in range(len(words) - size + 1)
            if sum(w not in FUNCTION_WORDS for w in words[start : start + size]) >= 2
        )
        self._longest_source_title = max(map(len, source_titles), default=0)
        self._source_title_words = frozenset(w for words in source_titles for w in words)
        # Each source's known mistakes: the slip the mistake quotes ("Álvaro", "the creator of
        # Netflix") and the other content words that describe it ("episode", "title", "list").
        # A slip a claim or its dispute quotes too ("six seasons") is that claim's to answer.
        answered = {
            fold(quoted)
            for _, claim in knowledge.claims_with_locations()
            for text in (claim.text, claim.text_es or "", *(d.says for d in claim.disputed_by))
            for quoted in _QUOTED.findall(text)
        }
        self._slips: list[tuple[str, frozenset[str]]] = []
        for source in knowledge.sources:
            for error in source.known_errors:
                described = {
                    w for w in fold(error).split() if w not in FUNCTION_WORDS and not w.isdigit()
                }
                for quoted in _QUOTED.findall(error):
                    if (slip := fold(quoted)) and slip not in answered:
                        self._slips.append((f" {slip} ", frozenset(described - set(slip.split()))))
        # Titles quoted in claims that are neither this show's nor its episodes' nor its
        # sources' name other works (`Crouching Tiger, Hidden Dragon`).
        own_titles = {
            fold(name) for entity in [knowledge.show, *knowledge.episodes] for name in entity.names
        } | {fold(source.title) for source in knowledge.sources}
        # ...and so do the claim's keywords that begin one (`crouching tiger`).
        self._other_works = frozenset(
            name
            for _, claim in knowledge.claims_with_locations()
            for text in (claim.text, claim.text_es or "")
            for quoted in _QUOTED.findall(text)
            if (title := fold(quoted)) and title not in own_titles
            for name in [title, *map(fold, claim.keywords)]
            if f"{title} ".startswith(f"{name} ")
        )
        # Words that ask who made or played in something: cast and creators cues, and the words
        # of those topics' keywords (`directed`).
        self._making_words = frozenset(
            w
            for topic in (Topic.CAST, Topic.CREATORS)
            for phrase in [
                *CUES[topic],
                *(k for k, hits in self._keywords.items() if any(h.topic is topic for h in hits)),
            ]
            for w in phrase.split()
            if w not in FUNCTION_WORDS
        )
        self._titles = frozenset(
            fold(name) for entity in [knowledge.show, *knowledge.episodes] for name in entity.names
        )
        self._longest_title = max((len(title.split()) for title in self._titles), default=0)
        self._terms_by_letter: dict[str, list[str]] = {}
        for term in self._terms:
            self._terms_by_letter.setdefault(term[0], []).append(term)
        # An inflected form is read as a known word of the same stem, cue words first, so
        # `escribieron` asks what `escribió` asks.
        cue_words = sorted({w for cues in CUES.values() for c in cues for w in c.split()})
        self._stems: dict[str, str] = {}
        for term in [*cue_words, *self._terms]:
            if term not in FUNCTION_WORDS:  # `shows` is a subject, not the function word `show`
                self._stems.setdefault(stem(term), term)
        self._filler_stems = frozenset(
            root
            for w in FILLER_WORDS
            if len(root := stem(w)) >= MIN_STEM and root not in self._stems
        )
        self._cue_words = frozenset(cue_words)
        self._askable = FUNCTION_WORDS | self._cue_words | self._name_words
        self._known_words = frozenset(self._terms) | FUNCTION_WORDS
        self._vocabulary = self._known_words | prose

    # ----------------------------------------------------------------------------- entry points

    def ask(self, text: str, language: Language | None = None) -> Answer:
        """Answer a free-text question, or a command written as `/cast doña chayo`."""
        query, cut = _bounded(text)
        language = language or self._language(query)
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
                return self._unknown(query, language, notice=notice)
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
        if topic is Topic.CAST:
            if not folded:
                return self._cast_list(query, language, notice)
            return self._entity_or_unsure(query, argument, {"cast"}, language, notice)
        if topic is Topic.EPISODE:
            if not folded:
                return self._episode_list(query, language, notice)
            reference = parse_episode_reference(folded, bare=True)
            if reference is not None:
                return self._episode_by_reference(query, reference, language, notice)
            return self._entity_or_unsure(query, argument, {"episode"}, language, notice)
        if topic is Topic.CREATORS:
            if not folded:
                return self._people(query, language, notice)
            return self._entity_or_unsure(query, argument, {"person"}, language, notice)
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

    def _free_text(self, query: str, language: Language, notice: str | None) -> Answer:
        folded = self._without_kin(self._corrected(fold(query)))
        if not folded:
            return self._help(query, language, notice, empty=True)
        # A remark is read as typed: correction may make `buen bot` into `buena bot`.
        if self._is_remark(fold(query)) or self._is_remark(folded):
            return self._unknown(query, language, notice=notice)
        cues = topic_cues(folded)
        # A source named by its title ("the latest updates and news article") is what is asked
        # about, as an entity named is: whatever else is asked of it (its age, its mistakes),
        # the sources answer says what the bot knows of it. Without a word for an article, a
        # run of a title is a question's own words ("season 2 release date").
        if Topic.SOURCES in cues and self._source_titles_in(folded):
            return self._sources(query, language, notice)
        # A source's known slip asked about ("why does episode 1 have alvaro after the title",
        # "what does 'the creator of netflix' mean in that article") is answered by the sources
        # answer, which lists every known mistake.
        if self._asks_of_a_slip(folded, cues):
            return self._sources(query, language, notice)
        if self._asks_of_another_work(folded, cues):
            return self._unknown(query, language, notice=notice)
        keyword_hits = self._keyword_hits(folded)
        # "how long is episode 2": a kind of fact no claim's keyword covers is not answered with
        # the episode's card.
        covered = {w for keyword in keyword_hits for w in keyword.split()}
        if any(not set(p.split()) <= covered for p in phrase_hits(folded, OTHER_FACT_CUES)):
            return self._unknown(query, language, notice=notice)
        # "Somos" names the show and, as a title, its last episode: it never picks an episode.
        mentions = [
            m
            for m in self.index.mentioned(folded)
            if m.kind != "show" and self.index.entries_by_id[m.id].key not in self._show_names
        ]
        reference = parse_episode_reference(folded)

        scores: Counter[Topic] = Counter()
        for topic, hits in cues.items():
            scores[topic] += len(hits)
        # A keyword counts once per topic, however many claims share it: "cast" is a keyword of
        # every cast member and must not outweigh "season 2" in "season 2 cast".
        for claim_hits in keyword_hits.values():
            for hit_topic in {h.topic for h in claim_hits}:
                scores[hit_topic] += 2
        for first in mentions[:1]:
            scores[KIND_TOPIC[first.kind]] += 3
        # The claims the question's words point at, keywords or not ("one main hero or an
        # ensemble" is the claim that says "instead of one main hero"). Cue words said the
        # topic; the other words say which fact.
        content = strip_phrases(folded, [p for hits in cues.values() for p in hits])
        retrieval = self.claims.search(content.split())
        # All the words, cue words too, say how much of the question the knowledge holds.
        evidence = self.claims.search(folded.split())
        retrieved = [
            (self._claim_rows[n], score)
            for n, score in retrieval.ranked
            if score >= max(RETRIEVAL_MIN_SCORE, FOCUS_RATIO * retrieval.best)
        ]
        if retrieved:
            # A sign like a keyword's when no cue or keyword speaks, else a tie-breaker.
            scores[retrieved[0][0].topic] += 1 if (cues or keyword_hits) else 2

        explained = [*(p for hits in cues.values() for p in hits), *keyword_hits]
        explained += [self.index.entries_by_id[m.id].key for m in mentions]
        leftover = strip_phrases(folded, explained)
        # A word no cue, keyword or name knows may name another subject ("el chapo").
        unexplained = [w for w in leftover.split() if self._strange(w)]
        if self._asks_the_unknown(folded, keyword_hits):
            return self._unknown(query, language, notice=notice)
        if reference is not None and Topic.SEASON2 not in cues:
            # "how long is episode 2" asks for something no claim of the episode holds.
            if unexplained and self._outweighed(unexplained, evidence):
                return self._unknown(query, language, notice=notice)
            return self._episode_by_reference(query, reference, language, notice)

        if not scores:
            resolution = self.index.resolve(leftover) if leftover else None
            if resolution is not None and resolution.best is not None:
                return self._entity_answer(query, resolution.best.id, resolution, language, notice)
            return self._unsure_or_unknown(query, resolution, language, notice)
        # A question that names the second season is about it, whatever else it asks for.
        topic = (
            Topic.SEASON2
            if phrase_hits(folded, SEASON2_NAMES)
            else max(TOPIC_PRIORITY, key=lambda t_: (scores[t_], -TOPIC_PRIORITY.index(t_)))
        )
        # A common word of an episode's title ("good night everyone") found only by retrieval,
        # with no episode cue, keyword, name or number, does not name the episode.
        if topic is Topic.EPISODE and not (cues or keyword_hits or mentions):
            return self._unknown(query, language, notice=notice)
        mention = next((m for m in mentions if KIND_TOPIC[m.kind] is topic), None)
        # Unknown words are borne when they are slips in the name of the entity the intent is
        # about ("kery ardra character"), or when rarer words meet in one claim ("why did the
        # zetas attack allende"); else they may be the real subject ("how long is episode 2").
        named = (
            mention is not None
            and bool(cues or keyword_hits)
            and all(self._name_slip(w) for w in unexplained)
        )
        if unexplained and not named and self._outweighed(unexplained, evidence):
            # Unknown words that resemble a name ("who plays irine") get a "did you mean".
            candidates = self.index.search(" ".join(unexplained))
            resolution = Resolution(query, None, candidates)
            return self._unsure_or_unknown(query, resolution, language, notice)
        # A name alone asks about that name ("jesus sida"); a name with other words but no cue
        # or keyword asks something the bot has no intent for ("what other shows has X been in").
        if mentions and not (cues or keyword_hits) and self._beyond_names(leftover, mentions):
            return self._unknown(query, language, notice=notice)
        named_ids = list(dict.fromkeys(m.id for m in mentions if KIND_TOPIC[m.kind] is topic))
        if len(named_ids) > 1:
            # "who plays erika and who plays irene": each entity named, one answer.
            return self._entities_answer(query, topic, named_ids, language, notice)
        if mention is not None:
            return self._entity_answer(query, mention.id, None, language, notice)
        focused = [h for hits in keyword_hits.values() for h in hits if h.topic is topic]
        focused += [hit for hit, _ in retrieved if hit.topic is topic and hit not in focused]
        if topic in {Topic.CAST, Topic.EPISODE, Topic.CREATORS} and not focused:
            kind = {Topic.CAST: "cast", Topic.EPISODE: "episode", Topic.CREATORS: "person"}[topic]
            remainder = " ".join(
                w for w in leftover.split() if w not in self._vocabulary and w not in FILLER_WORDS
            )
            if remainder:
                return self._entity_or_unsure(query, remainder, {kind}, language, notice)
            return self.command(topic, None, language, query=query, notice=notice)
        if focused and topic in {Topic.SHOW, Topic.CREATORS, Topic.CAST}:
            return self._focused(query, topic, focused, language, notice)
        return self.command(topic, None, language, query=query, notice=notice)

    def _strange(self, word: str) -> bool:
        """Whether no cue, keyword, name or episode reference (`s01e01`, `3rd`) knows `word`.

        An everyday word is known in any of its forms: `binging` is `binge`.
        """
        return (
            len(word) > 2
            and word not in self._known_words
            and not self._everyday(word)
            and parse_episode_reference(word, bare=True) is None
        )

    def _everyday(self, word: str) -> bool:
        """Whether `word` is a word of everyday conversation (`FILLER_WORDS`) in any form."""
        root = stem(word)
        return word in FILLER_WORDS or root in FILLER_WORDS or root in self._filler_stems

    def _name_slip(self, word: str) -> bool:
        """Whether `word` reads as a misspelt word of some name (`kery` for `Kerry`)."""
        return bool(self.index.search(word, limit=1, cutoff=NAME_SLIP_SCORE))

    def _outweighed(self, unexplained: Sequence[str], retrieval: Retrieval) -> bool:
        """Whether the words the knowledge lacks say more than the words it knows.

        Each unknown word weighs what a word no claim has would weigh in the claim index (more
        than any word the knowledge has), half that when some claim's prose has it (`hero`, but
        also `piece` of "pieces together"); against them stands the claim the question's known
        words point at most (`Retrieval.coverage`). Cue words are no evidence here: they say
        the kind of question, not which fact. So one stray word ("attack", "job") beside rare
        words that meet in one claim ("zetas" and "allende", a full name) is outweighed, while
        another show's title beside a cue (`who created narcos`, `season 2 of elite`) is not.
        The word a `which`/`what` asks for decides alone: `which outlet` asks for a kind of
        fact no claim holds.
        """
        unknown = sum(
            self.claims.unknown_idf * (PROSE_ONLY_SHARE if w in retrieval.weights else 1.0)
            for w in unexplained
        )
        return unknown > retrieval.coverage

    def _asks_the_unknown(self, folded: str, keyword_hits: Iterable[str]) -> bool:
        """Whether the question asks for a kind of thing, or names a work, the bot knows nothing of.

        Two shapes of words say so whatever else the question holds. The word right after a
        `which`/`what`/`how many` is the kind of thing asked for (`which outlet`, `cuántas
        vistas`): unless it is a cue, a name or a word of a keyword the question uses, no claim
        holds it (`vista` is a word of the keyword `más vista`, which asks no number). And two
        or more words in a row that no cue, keyword or name knows read as a title (`narcos mexico`,
        `one piece live action`, `breaking bad`): another work, whatever its words share with
        a claim's prose.
        """
        words = folded.split()
        padded = f" {folded} "
        used = {w for keyword in keyword_hits for w in keyword.split()}
        for determiner in WH_DETERMINERS:
            at = padded.find(f" {determiner} ")
            after = padded[at + len(determiner) + 2 :].split()[:1] if at >= 0 else []
            if after and len(after[0]) > 2 and not (after[0] in self._askable or after[0] in used):
                return True
        # The work a season or a series belongs to (`la nueva de elite`), unless its name is
        # this show's, misspelt (`season 2 of somo`).
        for i, word in enumerate(words):
            before = [w for w in words[max(0, i - 3) : i] if w not in ARTICLES]
            if (
                len(before) >= 2
                and before[-1] in OF_WORDS
                and before[-2] in WHOSE_WORDS
                and self._strange(word)
                and not self._name_slip(word)
            ):
                return True
        # A title may hold everyday words (`breaking bad`): they continue a run, but a run
        # of everyday words alone is chatter (`mom asked`), not a title.
        run, strange = 0, False
        for word in words:
            if self._strange(word) or (self._everyday(word) and word not in self._known_words):
                run, strange = run + 1, strange or self._strange(word)
            else:
                run, strange = 0, False
            if run >= 2 and strange:
                return True
        return False

    def _without_kin(self, folded: str) -> str:
        """Drop family words that say who asks or describe a name (see `KIN_WORDS`).

        `my mom asked me who plays chema` asks what `asked me who plays chema` asks, and `the
        kid paquito` what `the paquito` asks; `who plays the mom` keeps its subject.
        """
        words = folded.split()
        before = ["", *words]
        after = [*words[1:], ""]
        return " ".join(
            word
            for word, previous, following in zip(words, before, after, strict=False)
            if word not in KIN_WORDS or (previous not in OWN and following not in self._name_words)
        )

    def _source_titles_in(self, folded: str) -> list[str]:
        """The runs of a source's title the question quotes (`release date cast and plot`).

        A run of at least `SOURCE_TITLE_WORDS` words of a title, two of them content words,
        names that article; shorter runs (`release date`) are everyday words of a question.
        """
        words = folded.split()
        found: list[str] = []
        end = 0
        for start in range(len(words)):
            if words[start] not in self._source_title_words:
                continue  # most questions quote no title: one set lookup a word
            for size in range(min(len(words) - start, self._longest_source_title), 0, -1):
                run = " ".join(words[start : start + size])
                if start + size > end and run in self._source_title_runs:
                    found.append(run)
                    end = start + size
                    break
        return found

    def _asks_of_a_slip(self, folded: str, cues: dict[Topic, list[str]]) -> bool:
        """Whether the question quotes a source's known slip about that source.

        The slip needs a word for an article beside it, or two other words of that mistake's
        description: a slip alone ("alvaro") is a name.
        """
        padded = f" {folded} "
        words = set(folded.split())
        return any(
            slip in padded and (Topic.SOURCES in cues or len(words & described) >= 2)
            for slip, described in self._slips
        )

    def _is_remark(self, folded: str) -> bool:
        """Whether the message is a social remark (`good bot`, `jajaja que buena serie`).

        It holds a `CHIT_CHAT` phrase and, besides, only filler, function words and the show's
        name: nothing that asks for a fact.
        """
        hits = phrase_hits(folded, CHIT_CHAT)
        if not hits:
            return False
        rest = strip_phrases(folded, [*hits, *self._show_names])
        return all(self._everyday(w) or w in CHIT_CHAT for w in rest.split())

    def _asks_of_another_work(self, folded: str, cues: dict[Topic, list[str]]) -> bool:
        """Whether the question asks who made or played in another work the knowledge names.

        A claim may name another work (`Crouching Tiger, Hidden Dragon`, which James Schamus is
        known for); `who was in crouching tiger` asks about that work, not about Somos, and
        nothing in the knowledge answers it. The title is asked about when a cast or creators
        cue comes right before it (function words aside); used as a description (`the
        crouching tiger writer`), it names a person of this show.
        """
        padded = f" {folded} "
        asking = [c for topic in (Topic.CAST, Topic.CREATORS) for c in cues.get(topic, [])]
        for title in self._other_works:
            at = padded.find(f" {title} ")
            if at < 0:
                continue
            head = padded[:at].rstrip()
            content = [w for w in head.split() if w not in FUNCTION_WORDS]
            if any(head.endswith(f" {c}") for c in asking) or (
                content and content[-1] in self._making_words
            ):
                return True
        return False

    def _corrected(self, folded: str) -> str:
        """Read a misspelt word as the known word it is close to: `dirrected` → `directed`."""
        words = folded.split()
        for i, word in enumerate(words):
            edits = max((n for size, n in CORRECTION_EDITS if len(word) >= size), default=0)
            if word in self._vocabulary:
                continue
            if (known := self._stems.get(stem(word))) is not None:
                if not self._names_other(words, i, known):
                    words[i] = known
                continue
            if not edits or word in FILLER_WORDS:
                continue  # `swears` is no slip for a word of the knowledge
            # Fans rarely get the first letter wrong; a word that differs there is more often
            # another word ("casada" is not "basada", "estas" is not "stars").
            same_start = self._terms_by_letter.get(word[0], [])
            best = process.extractOne(
                word, same_start, scorer=OSA.distance, processor=None, score_cutoff=edits
            )
            if best is not None and not self._names_other(words, i, best[0]):
                words[i] = best[0]
        return " ".join(words)

    def _names_other(self, words: Sequence[str], i: int, known: str) -> bool:
        """Whether `words[i]`, close to `known` (a word of this show's names), is another name.

        A short name (`Chayo`, `Flor`) has too few letters to tell a slip from another name
        (`chapo`, `flores`), and a word in the title of another work (`la serie de el chapo`,
        `breaking bad s cast`) names that work: neither is read as this show's name by its
        spelling alone.
        """
        return known in self._name_words and (
            len(known) < NAME_CORRECTION_MIN_CHARS
            or any(w in WORK_WORDS for w in words[max(0, i - 3) : i])
            or words[i + 1 : i + 2] == ["s"]
        )

    def _language(self, query: str) -> Language:
        """The language of the words around any name or title.

        `en q episodio es tell the moon to come` is Spanish, however English the title. Titles
        (the show's and its episodes', a few hundred at most) are cut out word for word; in
        names of people only an `ñ` (`Larrañaga`, `Doña`) would sway the count, so it is
        counted only in a word that is no name's.
        """
        words = fold(query).split()
        kept = [True] * len(words)
        for size in range(min(len(words), self._longest_title), 0, -1):
            for start in range(len(words) - size + 1):
                if all(kept[start : start + size]) and (
                    " ".join(words[start : start + size]) in self._titles
                ):
                    kept[start : start + size] = [False] * size
        rest = " ".join(w for w, keep in zip(words, kept, strict=True) if keep)
        if not rest:
            return detect_language(query)  # a bare title has no language but its own
        marks = "".join(ch for ch in query if ch in "¿¡")
        if any("ñ" in w and fold(w) not in self._name_words for w in query.casefold().split()):
            marks += "ñ"
        return detect_language(f"{marks} {rest}")

    def _beyond_names(self, leftover: str, mentions: Sequence[Match]) -> list[str]:
        """Words of `leftover` (function words already gone) that no mentioned name contains."""
        names = {word for m in mentions for word in self._entity_name_words.get(m.id, ())}
        # Chatter beside a name asks nothing more (`kerry ardra, no la encuentro`); a
        # judgement of it does (`is chema real`).
        return [w for w in leftover.split() if len(w) > 2 and w not in names and w not in _CHATTER]

    def _keyword_hits(self, folded: str) -> dict[str, list[_KeywordHit]]:
        """The keywords the question uses, in `phrase_hits` order (longest first).

        A keyword whose every occurrence lies inside a longer one's is not asked on its own
        (`director` in `director of photography`). The question's word runs are looked up,
        rather than every keyword searched for in the question, so the cost follows the
        question and not the size of the knowledge.
        """
        words = folded.split()
        spans: dict[str, list[range]] = {}
        for size in range(min(len(words), self._longest_keyword), 0, -1):
            for start in range(len(words) - size + 1):
                phrase = " ".join(words[start : start + size])
                if phrase in self._keywords:
                    spans.setdefault(phrase, []).append(range(start, start + size))
        covered: set[int] = set()
        kept: list[str] = []
        for keyword in sorted(spans, key=lambda k: (-len(k), self._keyword_rank[k])):
            if any(not set(span) <= covered for span in spans[keyword]):
                kept.append(keyword)
                covered.update(i for span in spans[keyword] for i in span)
        return {k: self._keywords[k] for k in kept}

    # ------------------------------------------------------------------------- entity answers

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

    def _episode(self, reference: EpisodeRef) -> Episode | None:
        if reference == "last":
            numbers = sorted(self.knowledge.episodes_by_number)
            return self.knowledge.episodes_by_number[numbers[-1]] if numbers else None
        return self.knowledge.episodes_by_number.get(reference)

    def _episode_by_reference(
        self, query: str, reference: EpisodeRef, language: Language, notice: str | None
    ) -> Answer:
        episode = self._episode(reference)
        if episode is None:
            text = t(
                "text.no_episode", language, count=len(self.knowledge.episodes), number=reference
            )
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
        hits: Sequence[_KeywordHit],
        language: Language,
        notice: str | None,
    ) -> Answer:
        """Only the claims whose keywords the question used (`who directed it`)."""
        claims = list({id(h.claim): h.claim for h in hits}.values())
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
                    kind=source.kind,
                    date=ref.date_text,
                )
            )
            if source.known_errors:
                lines.append(
                    "  " + t("text.known_errors", language, errors=" ".join(source.known_errors))
                )
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
    disputes: tuple[tuple[str, str], ...]
    doubt: str | None
    speculation: bool
    confidence: Confidence

    def resolve(self, numbering: dict[str, int], language: Language) -> Fact:
        text = self.text_es if language is Language.ES and self.text_es else self.text
        return Fact(
            text=text,
            sources=[numbering[s] for s in self.sources],
            disputes=[
                t("text.disputed_by", language, number=numbering[source], says=says)
                for source, says in self.disputes
            ],
            doubt=self.doubt,
            speculation=self.speculation,
            confidence=self.confidence,
        )


def _claim_facts(claims: Iterable[Claim]) -> list[_RawFact]:
    return [
        _RawFact(
            text=c.text,
            text_es=c.text_es,
            sources=tuple(c.sources),
            disputes=tuple((d.source, d.says) for d in c.disputed_by),
            doubt=c.doubt,
            speculation=c.speculation,
            confidence=claim_confidence(c),
        )
        for c in claims
    ]


def _grouped_fact(text: str, claims: Sequence[Claim]) -> _RawFact:
    """One line standing for an entity (`Jero Medina as Benjamín`), backed by all its claims."""
    sources = tuple(dict.fromkeys(s for c in claims for s in c.sources))
    disputes = tuple(dict.fromkeys((d.source, d.says) for c in claims for d in c.disputed_by))
    doubts = [c.doubt for c in claims if c.doubt]
    speculation = all(c.speculation for c in claims)
    confidence = facts_confidence(
        supporters=len(sources),
        disputers=len({d[0] for d in disputes}),
        doubted=bool(doubts),
        speculation=speculation,
    )
    return _RawFact(
        text, None, sources, disputes, doubts[0] if doubts else None, speculation, confidence
    )


def _owner_id(knowledge: KnowledgeBase, loc: tuple[str | int, ...]) -> str | None:
    section = loc[0]
    if section == "show":
        return knowledge.show.id
    if section in {"cast", "episodes", "people"} and isinstance(loc[1], int):
        entity = getattr(knowledge, str(section))[loc[1]]
        return str(entity.id)
    return None


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
