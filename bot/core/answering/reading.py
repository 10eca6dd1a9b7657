"""How a free-text question is read: which answer it asks for, never the answer itself.

`Reader.read` turns a fan's words into a `Route` (a name, an episode, the claims its keywords
point at, a topic, "did you mean", or a polite decline); `Engine` turns the route into an
`Answer`. The reader holds everything the reading needs, built once from the knowledge: the
keywords of every claim, a BM25 index of their prose, the words of every name and title, and
the known slips of each source. Cue and filler words live in `intents`, as data.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from itertools import pairwise

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from bot.core.answering.answer import Language, Match, Topic
from bot.core.answering.intents import (
    ALIVE_CUES,
    BASIS_PHRASES,
    CHAT_SPELLINGS,
    CHIT_CHAT,
    CUES,
    DATE_CUES,
    ENDING_CUES,
    FAN_POLLS,
    FATE_CUES,
    FILLER_WORDS,
    FILMING_CUES,
    FUNCTION_WORDS,
    HEARSAY_VERBS,
    JUDGEMENT_WORDS,
    KIN_WORDS,
    MIN_STEM,
    OTHER_FACT_CUES,
    OWN,
    PERSON_NOUNS,
    PLATFORMS,
    POLL_REPLIES,
    PRAISE,
    REACTIONS,
    RELATIVE_YEARS,
    SEASON2_NAMES,
    detect_language,
    phrase_hits,
    stem,
    strip_phrases,
    topic_cues,
)
from bot.core.knowledge.models import Claim, KnowledgeBase
from bot.core.matching.claims import ClaimIndex, Document, Retrieval
from bot.core.matching.episodes import (
    DESCRIBING_WORDS,
    EPISODE_WORDS,
    EpisodeRef,
    episode_number,
    parse_episode_reference,
    parse_episode_references,
)
from bot.core.matching.index import NameIndex, Resolution
from bot.core.text import fold

_QUOTED = re.compile(r"[“«\"]([^”»\"]+)[”»\"]")
"""A title quoted in a claim's prose: “The Lazy Herd”, «Crouching Tiger, Hidden Dragon»."""

_CLOCK = re.compile(r"^\d{1,2}(?:am|pm|hs|hrs)$")
"""A time of day (`finished it at 3am`): an everyday word, however it is written."""
_YEAR = re.compile(r"^(?:19|20)\d\d$")
"""A year. Of a second season (`somos season 2 2024??`) or with a date asked, it is the date
the question asks about, which the answer's dates speak to; no other subject."""
_RANGE_DASH = re.compile(r"(\d)\s*[-–—]\s*(?=\d)")
"""`eps 1-3`: a dash between numbers is a range, which folding would make two numbers."""
_SENTENCE_END = re.compile(r"[.!?;:…]+(?:\s+|$)|(?<!\d),\s+|,\s+(?!(?:el |la |the )?\d)")
"""Where a sentence of a message ends: `loved it. who plays chema?`, `quick question: who…`; not
at a comma between numbers (`caps 4, 5 y 6`, `del 1, el 3 y el 4`)."""

_ADDRESSEE = re.compile(r"(?<![\w@])@[\w.]+")
"""A fan addressed by name in the chat (`@maria`): someone spoken to, never a subject."""

_THANKED_FOR = re.compile(
    r"\b(?:thanks|thank you|thx|ty|gracias)(?: so much| a lot| mil)? (?:for|por)"
    r"(?: (?:the|your|all|la|el|tu|tus|los|las|toda|todo))? \w+"
)
"""What a fan thanks the bot for: `thanks for the info`, `gracias por la ayuda`."""

_ELONGATED = re.compile(r"([^\W\d_])\1{2,}")
"""A letter typed three times or more (`hiii`, `sooo`, `pleaseee`): no word of either language
has one, so the fan stretched the word."""
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
"""A year in a claim's text: the claim gives a date."""

_CHATTER = FILLER_WORDS - JUDGEMENT_WORDS
"""Filler that says nothing of a name it stands beside (`asked`, `encuentro`)."""

SOURCE_TITLE_WORDS = 2
"""How many words of a source's title in a row, beside a word for an article, name that source
(see `_source_titles_in`): "the latest updates article"."""

CORRECTION_EDITS = ((5, 1), (8, 2))
"""How many typing slips (a letter missed, added, changed, or two letters swapped) a word of at
least so many letters may have and still be read as a word the bot knows. Shorter words are
never corrected. More slips than this make another word (`called` is not `cancelled`,
`person` is not `personaje`)."""

NAME_CORRECTION_MIN_CHARS = 6
"""A word shorter than this is never corrected into a name: `chapo` is another man, not
`Chayo`, and a short name has too few letters to tell a typo from another name."""

WORK_WORDS = frozenset({
    "serie", "series", "show", "movie", "film", "pelicula", "novela", "telenovela", "peli",
    "pelis", "movies", "films", "peliculas",
})  # fmt: skip
"""Words that introduce the title of a work (`la serie de el chapo`): a word that follows one
names that work, and is never corrected into one of this show's names."""

OF_WORDS = frozenset({"of", "de", "del"})
ARTICLES = frozenset({"the", "a", "el", "la", "los", "las"})
SEASON_WORDS = frozenset({"season", "seasons", "temporada", "temporadas", "szn"})
"""`elite season 2`: an unknown word right before one of these is the title of another show."""

WHOSE_WORDS = WORK_WORDS | SEASON_WORDS | {"new", "next", "nueva", "nuevo", "proxima"}
"""`la nueva de elite`, `season 2 of elite`, `la serie de el chapo`: an unknown word after one of
these and `of`/`de` (an article aside) is the title of the work they belong to."""

TAG_WORDS = frozenset({"verdad", "right", "cierto", "correct", "eh", "no"})
"""`everardo arzate es chema, verdad?`: a last word that only asks to be confirmed."""

CAST_NOUNS = frozenset({"cast", "reparto", "elenco"})
CAST_WORDS = CUES[Topic.CAST] | CAST_NOUNS
"""`crouching tiger cast`: one of these right after another work's title asks who is in it."""

WORTH_CUES = frozenset({
    "worth it", "worth watching", "worth a watch", "any good", "should i watch", "vale la pena",
    "la recomiendas", "is it good",
})  # fmt: skip
"""Phrases that ask whether something is worth watching: beside a word the knowledge does not
know, that word is what is judged, another work."""

EXCEPT_PHRASES = frozenset({
    "besides", "apart from", "aside from", "other than", "except", "aparte de", "ademas de",
    "excepto", "who else", "quien mas", "quienes mas",
})  # fmt: skip
"""`who's in it besides the two leads`: the rest of a list, not what is named."""

LISTED = frozenset({Topic.CAST, Topic.EPISODE})
"""Topics whose answer lists entities, where `besides` leaves some out. Said of the people behind
the show it more often leaves out other work (`what did schamus do besides crouching tiger`)."""

WHICH_SOURCE = frozenset({
    "which article", "what article", "which source", "what source", "which sources",
    "que articulo", "cual articulo", "que fuente", "cual fuente",
})  # fmt: skip
"""`which article says schamus directed it`: asks which source gives a claim."""

SOURCES_ASKED = frozenset({
    "te basas", "which articles", "what articles", "que articulos", "en que articulos",
    "what sources", "your sources", "tus fuentes", "que fuentes", "que tan actualizada",
    "can i trust", "you re quoting", "up to date", "que tan actualizado", "how recent",
    "de donde sacas", "de donde te sacas", "articles you use", "articulos que usas",
    "your articles", "tus articulos", "your answers", "fuentes del bot", "the bots sources",
    "articles you", "de donde sacaste", "info coming from", "esos articulos",
    "estos articulos", "those articles", "these articles",
    "de que pagina", "de que paginas", "knowledge coming from", "articulos que citas",
    "fuentes que citas", "you cite",
    "you quote", "you re citing",
})  # fmt: skip
"""Words that ask which sources the bot uses, whatever else the question names."""
_THE_BOTS_OWN = frozenset({
    "your answers", "tus respuestas", "your sources", "tus fuentes", "you use", "usas",
    "te basas", "your info", "tu info",
})  # fmt: skip
"""Words that make the sources asked the bot's own, not those of one claim."""

FOCUSABLE = frozenset({Topic.SHOW, Topic.CREATORS, Topic.CAST})
"""Topics whose answer can be just the claims a question points at."""

DERIVED_ENDINGS = frozenset({"er", "ers", "or", "ors", "ist", "ists"})
"""Endings that make another word from a stem (`murder` → `murderer`), never a typing slip."""

PEOPLE_OF = CAST_NOUNS | {"actors", "actores", "creators", "creadores"}
THIS_SHOW = frozenset({
    "the show", "the series", "this show", "this series", "it", "this", "la serie", "esta serie",
    "the netflix show", "the netflix series", "la serie de netflix",
})  # fmt: skip
"""`the cast of the show`: words after `cast of` that mean this show."""

PERSON_WORDS = frozenset(
    {"guy", "dude", "man", "woman", "person", "tipo", "senor", "make", "makes", "hizo", "hace"}
)
"""Words beside another work's title that make it a description of a person of this show."""

RELATIVES = frozenset({"who", "that", "que", "quien"})
"""`the kid who plays benjamin`: a family word before one of these describes the actor."""

WH_DETERMINERS = ("which", "what", "whats", "cual", "cuales", "how many", "cuantos", "cuantas")
"""`which outlet`, `cuántas vistas`: the word after one of these is the kind of thing asked for.
Unless a cue, a keyword or a name knows it (words met only in a claim's prose don't), no claim
answers the question."""

SHORT_FORM_MIN_CHARS = 4
"""A word of at least this many letters that begins exactly one word of the names, a longer one
of at least `NAME_CORRECTION_MIN_CHARS` letters, is read as that name's short form: `benja` is
`Benjamín`. Shorter beginnings (`ben`, `fer`) begin too many names to say which."""

NAME_SLIP_SCORE = 75.0
"""A word this close to a name or part of one (`NameIndex.search`) is read as a slip in it."""

NAME_SLIP_MIN_CHARS = 5
"""A shorter word beside a name is too short to read as a slip in it (`zero` for `jero`)."""

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
TOPIC_PRIORITY = [
    Topic.SEASON2, Topic.EPISODE, Topic.CAST, Topic.CREATORS, Topic.SHOW, Topic.SOURCES, Topic.HELP,
]  # fmt: skip
_SECTION_TOPIC = {"show": Topic.SHOW, "cast": Topic.CAST, "episodes": Topic.EPISODE,
                  "people": Topic.CREATORS, "season2": Topic.SEASON2}  # fmt: skip


@dataclass(frozen=True)
class _KeywordHit:
    """A claim one of the question's keywords points at, with its topic and owner's id."""

    topic: Topic
    owner: str | None
    claim: Claim


# ----------------------------------------------------------------------------------- routes


@dataclass(frozen=True)
class Blank:
    """Nothing to read (`""`, `????`): say so, and show what can be asked."""


@dataclass(frozen=True)
class Decline:
    """Nothing in the knowledge answers it (another show, a kind of fact no claim holds)."""


@dataclass(frozen=True)
class Unsure:
    """Words that resemble names (`who plays irine`): offer them, or decline if there are none."""

    resolution: Resolution | None


@dataclass(frozen=True)
class AskEpisode:
    """An episode by its number (`ep 3`, `the finale`)."""

    reference: EpisodeRef


@dataclass(frozen=True)
class AskEntity:
    """One cast member, person or episode named; `resolution` when it was matched fuzzily."""

    entity_id: str
    resolution: Resolution | None = None


@dataclass(frozen=True)
class AskEntities:
    """Several of one kind, in the order named (`who plays erika and who plays irene`)."""

    topic: Topic
    entity_ids: tuple[str, ...]


@dataclass(frozen=True)
class AskName:
    """A name still to look up among one kind (`cast`, `episode`, `person`)."""

    kind: str
    name: str


@dataclass(frozen=True)
class AskClaims:
    """Only the claims the question points at (`who directed it`)."""

    topic: Topic
    claims: tuple[Claim, ...]


@dataclass(frozen=True)
class AskTopic:
    """A whole topic: the cast, the episodes, the people, season 2, the show, the sources."""

    topic: Topic


Route = (
    Blank | Decline | Unsure | AskEpisode | AskEntity | AskEntities | AskName
    | AskClaims | AskTopic
)  # fmt: skip
"""Every answer a question can ask for."""


class Reader:
    """Reads free-text questions about one knowledge base. Immutable once built."""

    def __init__(self, knowledge: KnowledgeBase, index: NameIndex) -> None:
        self.index = index
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
        self._sorted_name_words = sorted(self._name_words)
        self._show_names = frozenset(fold(name) for name in knowledge.show.names)
        # `Somos.`: a name's own full stop ends no sentence when the next word goes on in
        # lower case (`the events of Somos. take place`; `… of Somos. Thank you` is two).
        dotted = sorted((n for n in knowledge.show.names if n.endswith(".")), key=len, reverse=True)
        self._dotted_names = (
            re.compile(
                "|".join(rf"\b(?i:{re.escape(n[:-1])})\.(?=\s+[a-zà-ÿ])" for n in dotted)
            )
            if dotted
            else None
        )
        self._episode_ids = {episode.number: episode.id for episode in knowledge.episodes}
        self._episode_numbers = {id_: number for number, id_ in self._episode_ids.items()}
        self._after_last = max(self._episode_ids, default=0) + 1
        # The years each person's facts hold, and the show's own (its release, its story).
        self._entity_years = {
            entity.id: _years_in(claim.text for claim in entity.claims)
            for entity in [*knowledge.cast, *knowledge.people]
        }
        self._show_years = _years_in(claim.text for claim in knowledge.show.claims)
        # The words of every name of every entity, folded once here, never per question.
        self._entity_name_words: dict[str, frozenset[str]] = {}
        for e in self.index.entries:
            named = knowledge.entity(e.id)
            names = named.names if named is not None else [e.name]
            self._entity_name_words[e.id] = frozenset(w for n in names for w in fold(n).split())
        self._person_name_words = frozenset(
            w
            for e in self.index.entries
            if e.kind in _PERSON_KINDS
            for w in self._entity_name_words[e.id]
            if len(w) >= SHORT_FORM_MIN_CHARS
        )
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
        # sources' name, nor quoted by the show's own claims (the article it adapts), name other
        # works (`Crouching Tiger, Hidden Dragon`).
        own_titles = (
            {fold(n) for entity in [knowledge.show, *knowledge.episodes] for n in entity.names}
            | {fold(source.title) for source in knowledge.sources}
            | {
                fold(quoted)
                for loc, claim in knowledge.claims_with_locations()
                if loc[0] == "show"
                for text in (claim.text, claim.text_es or "")
                for quoted in _QUOTED.findall(text)
            }
        )
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
            if w not in FUNCTION_WORDS and w not in WORK_WORDS  # `pelis` names no maker
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
        # The words of the phrases that ask for a kind of fact no claim holds, or a date.
        self._fact_words = frozenset(
            w for phrase in OTHER_FACT_CUES | DATE_CUES for w in phrase.split()
        )

    def read(self, query: str) -> Route:
        """What the question asks for: the answer to give, not the answer itself."""
        # `@maria did u finish it yet?` is said to another fan; a fan named in passing (`oye
        # @maria, quién hace de chema?`) is no subject.
        if _ADDRESSEE.match(query.strip()):
            return Decline()
        query = _ADDRESSEE.sub(" ", query)
        route = self._route(query)
        held = self._years_held(route)
        if held is not None:
            # "when did…", "what year…" of a person or character whose claims give no date.
            if not held and phrase_hits(fold(query), DATE_CUES):
                return Decline()
            # `quién ganó el pulitzer en 2023`: a year that neither their facts nor the show's
            # own hold dates something else (`who plays chema in somos 2021` is the show's), and
            # so does a year named by its distance from now (`este año`); a year the fan
            # watched in dates nothing asked (`who plays chema? i watched it in 2022`).
            dated = _not_watched_in(fold(query))
            if _years_in([dated]) - held - self._show_years or phrase_hits(dated, RELATIVE_YEARS):
                return Decline()
        return route

    def _claims_asked(self, keyword_hits: dict[str, list[_KeywordHit]]) -> AskClaims | None:
        """The claims the question's keywords point at, of the topic most of them are in."""
        hits = [h for found in keyword_hits.values() for h in found if h.topic in FOCUSABLE]
        if not hits:
            return None
        topic = Counter(h.topic for h in hits).most_common(1)[0][0]
        return AskClaims(
            topic, tuple({id(h.claim): h.claim for h in hits if h.topic is topic}.values())
        )

    def _years_held(self, route: Route) -> frozenset[str] | None:
        """The years held by the facts of the people or characters `route` answers with, if any."""
        match route:
            case AskEntity(entity_id) if entity_id in self._entity_years:
                return self._entity_years[entity_id]
            case AskEntities(_, entity_ids) if all(i in self._entity_years for i in entity_ids):
                return frozenset().union(*(self._entity_years[i] for i in entity_ids))
            case AskClaims(topic, claims) if topic in {Topic.CAST, Topic.CREATORS}:
                return _years_in(claim.text for claim in claims)
        return None

    def _route(self, query: str) -> Route:
        typed = fold(self._asking_sentences(_RANGE_DASH.sub(r"\1 to ", query)))
        folded = self._past_the_episode_watched(
            self._without_kin(self._corrected(_without_asides(_without_tag(typed))))
        )
        if not folded:
            return Blank()
        # A remark is read as typed: correction may make `buen bot` into `buena bot`. What it
        # asks is read corrected too: `hey bot what can u do` asks what `what can you do` asks.
        if self._is_remark(typed, normalised=folded) or self._is_remark(folded):
            return Decline()
        folded = self._without_show_description(folded)
        cues = topic_cues(folded)
        # A source named by its title ("the latest updates and news article") is what is asked
        # about, as an entity named is: whatever else is asked of it (its age, its mistakes),
        # the sources answer says what the bot knows of it. Without a word for an article, a
        # run of a title is a question's own words ("season 2 release date", "plot info for
        # somos season 2").
        if not _ARTICLE_NOUNS.isdisjoint(folded.split()) and self._source_titles_in(folded):
            return AskTopic(Topic.SOURCES)
        # `how old is ur info`, `when were those articles written`: the age of the articles is
        # their dates, which the sources answer gives (and `old`, `written` say nothing else).
        if _asks_the_age_of_sources(folded):
            return AskTopic(Topic.SOURCES)
        # A source's known slip asked about ("why does episode 1 have alvaro after the title",
        # "what does 'the creator of netflix' mean in that article") is answered by the sources
        # answer, which lists every known mistake.
        if self._asks_of_a_slip(folded, cues) and not self._asks_of_the_cast(folded, cues):
            # `is ep 1 really called the lazy herd alvaro?` asks the episode's title, which
            # the episode's answer gives; `why does episode 1 have alvaro after it` asks why.
            reference = parse_episode_reference(folded)
            if (
                reference is not None
                and phrase_hits(folded, _TITLE_ASKED)
                and not phrase_hits(folded, _WHY)
            ):
                return AskEpisode(reference)
            return AskTopic(Topic.SOURCES)
        if (
            self._part_of_another(folded)
            or self._asks_of_another_work(folded, cues)
            or self._names_another_shows_season(typed)
            or self._names_another_works_people(folded)
            or self._asks_of_an_unknown_subject(folded)
        ):
            return Decline()
        keyword_hits = self._keyword_hits(folded)
        cues, keyword_hits = _within_longer_cues(cues, keyword_hits)
        # "Somos" names the show and, as a title, its last episode: it never picks an episode.
        mentions = [
            m
            for m in self.index.mentioned(folded)
            if m.kind != "show" and self.index.entries_by_id[m.id].key not in self._show_names
        ]
        # `who plays the old lady, doña chayo`: a fan's picture of a person named is no subject.
        if any(m.kind in _PERSON_KINDS for m in mentions):
            folded = self._undescribed(folded)
        # "which article says schamus directed it": the claims asked about, each with the
        # sources that give or dispute it.
        # `which sources your answers are based on` asks for the bot's own, all of them.
        if (
            phrase_hits(folded, WHICH_SOURCE)
            and not phrase_hits(folded, _THE_BOTS_OWN)
            and (claimed := self._claims_asked(keyword_hits))
        ):
            return claimed
        # "how long is episode 2": a kind of fact no claim's keyword covers is not answered with
        # the episode's card; with a name or an episode, the keyword must be one of that
        # entity's claims (`what else did schamus write` is covered, `what else did ginger
        # thompson write` not, nor `qué pasa en el capítulo 2` by the story's `qué pasa`).
        reference = parse_episode_reference(folded)
        # `that finale tho 😭`, `el cap 5 me dejó en shock no manches`: a reaction to an
        # episode asks nothing, unless something in it asks.
        names_something = reference is not None or bool(keyword_hits or mentions)
        polls_the_fans = bool(phrase_hits(fold(query), FAN_POLLS))
        # `ese final me dejó llorando una semana 💀` names nothing, and no cue asks either.
        if (names_something or polls_the_fans or not cues) and self._is_reaction(
            query, folded, cues
        ):
            return Decline()
        # "who plays irene in episode 4", "i just finished ep 4. who plays irene?": a person
        # named with their topic's cue is what is asked; the episode is where the fan is.
        if any(m.kind in _PERSON_KINDS and KIND_TOPIC[m.kind] in cues for m in mentions):
            mentions = [m for m in mentions if m.kind != "episode"]
            reference = None
        names_season2 = bool(phrase_hits(folded, SEASON2_NAMES))
        # `where is ginger thompson from` asks what `where is she from` asks: the cue is read
        # with the names taken out too.
        nameless = " ".join(w for w in folded.split() if w not in self._name_words)
        asked = phrase_hits(folded, OTHER_FACT_CUES)
        # `how long does netflix take to renew a show like this`: this show, likened to no other.
        if Topic.SEASON2 in cues:
            asked = [p for p in asked if not _likened_to_itself(folded, p)]
        if names_season2:
            asked = [p for p in asked if p not in FILMING_CUES | FATE_CUES]
        # `y al final netflix nunca dijo nada de la 2?`: beside season 2, the ending is why the
        # fan asks, and no word of it points at a claim (`punto al final`).
        ending = [p for p in asked if p in ENDING_CUES]
        if ending and (names_season2 or Topic.SEASON2 in cues):
            asked = [p for p in asked if p not in ENDING_CUES]
            folded = strip_phrases(folded, ending)
        # `we were both bawling at the end`: the ending is where the fan cried, not what is asked.
        asked = [p for p in asked if not (p in ENDING_CUES and _follows(folded, p, _CRYING))]
        # `el capítulo anterior al final`: the last episode, not how it ends.
        asked = [p for p in asked if not _follows(folded, p, _BESIDE.keys())]
        if mentions:
            asked += phrase_hits(nameless, OTHER_FACT_CUES)
        if any(m.kind in _PERSON_KINDS for m in mentions):
            asked += phrase_hits(folded, ALIVE_CUES)
        # Whose facts may answer it: the people named, or else those named by a word of their
        # own claims that is not the asked fact itself (`la periodista` in `la periodista ganó
        # algún premio?`). A person's keyword covers the fact only for that person: `ganó algún
        # premio la serie` is not answered with the journalist's prize.
        asked_words = {w for phrase in asked for w in phrase.split()}
        owners = {m.id for m in mentions} or {
            h.owner
            for keyword, hits in keyword_hits.items()
            if not set(keyword.split()) & asked_words
            for h in hits
            if h.topic in PERSON_TOPICS and h.owner
        }
        covered = {
            w
            for keyword, hits in keyword_hits.items()
            if any(
                (reference is not None and h.topic is Topic.EPISODE)
                or (owners and h.owner in owners)
                or (not owners and reference is None and h.topic not in PERSON_TOPICS)
                for h in hits
            )
            for w in keyword.split()
        }
        keyworded = {w for keyword in keyword_hits for w in keyword.split()}
        if any(
            not _covered(folded.split(), phrase, covered)
            and not _follows_basis(folded, phrase, keyworded)
            for phrase in asked
        ):
            return Decline()
        # `lmaooo same tbh`: nothing but everyday words names nothing to answer, whatever claim
        # prose shares one of them (`same day`).
        # A number among them counts nothing asked (`ya la vi 3 veces`).
        words = folded.split()
        if (
            not (cues or keyword_hits or mentions or reference is not None)
            and words
            and all(
                self._everyday(w) or w in FUNCTION_WORDS or (w.isdigit() and len(words) > 1)
                for w in words
            )
        ):
            return Decline()

        scores: Counter[Topic] = Counter()
        for topic, hits in cues.items():
            # Cues that all lie inside keywords of other topics' facts are those facts' words:
            # `eps` in the show's keyword `how many eps` asks the count, not for an episode.
            if not all(_inside_another(hit, topic, keyword_hits) for hit in hits):
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
        if names_season2:  # `season two is already filmed`: is it coming
            explained += phrase_hits(folded, FILMING_CUES)
        explained += [self.index.entries_by_id[m.id].key for m in mentions]
        leftover = strip_phrases(folded, explained)
        # A word no cue, keyword or name knows may name another subject ("el chapo").
        unexplained = [w for w in leftover.split() if self._strange(w)]
        if names_season2 or phrase_hits(folded, DATE_CUES):
            unexplained = [w for w in unexplained if not _YEAR.match(w)]
        # `can i ask u stuff in spanish too`: of the help, a language is what the bot takes.
        bearable = (
            _LANGUAGE_NAMES
            if Topic.HELP in cues and not any(m.kind in _PERSON_KINDS for m in mentions)
            else frozenset()
        )
        unexplained = [w for w in unexplained if w not in bearable]
        if self._asks_the_unknown(folded, keyword_hits, bearable) or self._basis_of_another(
            folded
        ):
            return Decline()
        # "is making a murderer worth it": what is judged is what the bot does not know.
        if unexplained and phrase_hits(folded, WORTH_CUES):
            return Decline()
        # `what comes right after 'tell the moon to come'`: the episode beside the one named.
        # Each one asked is answered: `the ep after the lazy herd, and the one before the finale`.
        beside = self._episodes_beside(folded, reference)
        # `any more episodes after the finale?`: none is made yet, which the season-2 answer says.
        if beside and all(n not in self._episode_ids for n in beside):
            return AskTopic(Topic.SEASON2)
        beside = [n for n in beside if n in self._episode_ids]
        if beside and Topic.SEASON2 not in cues and not _asks_of_people(cues, mentions):
            if len(beside) == 1:
                return AskEpisode(beside[0])
            return AskEntities(Topic.EPISODE, tuple(self._episode_ids[n] for n in beside))
        # `eps 5 and 6 titles`, `cap 1 y cap 2 cómo se llaman`: each episode named, one answer.
        numbered = [
            self._episode_ids[n]
            for ref in (parse_episode_references(folded) if reference is not None else ())
            if (n := episode_number(ref, self._episode_ids)) in self._episode_ids
        ]
        if len(numbered) > 1 and Topic.SEASON2 not in cues:
            return AskEntities(Topic.EPISODE, tuple(numbered))
        if reference is not None and Topic.SEASON2 not in cues:
            # "how long is episode 2" asks for something no claim of the episode holds.
            if unexplained and self._outweighed(unexplained, evidence):
                return Decline()
            # `de qué trata el episodio 7`: the story of an episode that was never made. (`is
            # there an episode 7` is answered with the six there are.)
            if episode_number(reference, self._episode_ids) not in self._episode_ids and (
                not _STORY_CUES.isdisjoint(cues.get(Topic.SHOW, ()))
                or not _PLOT_WORDS.isdisjoint(folded.split())
            ):
                return Decline()
            return AskEpisode(reference)

        if not scores:
            resolution = self.index.resolve(leftover) if leftover else None
            if resolution is not None and resolution.best is not None:
                return AskEntity(resolution.best.id, resolution)
            return Unsure(resolution)
        named_topics = {*cues, *(h.topic for hits in keyword_hits.values() for h in hits)}
        # A question that names the second season is about it, whatever else it asks for.
        # ...unless it asks which articles say so (`en qué artículos te basas pa lo de la
        # temporada 2`): the sources answer lists them, with their dates.
        topic = (
            Topic.SOURCES
            if phrase_hits(folded, SOURCES_ASKED)
            else Topic.SEASON2
            if names_season2
            else max(
                TOPIC_PRIORITY,
                # On a tie, a topic a cue or keyword names before one retrieval alone found.
                key=lambda t_: (scores[t_], t_ in named_topics, -TOPIC_PRIORITY.index(t_)),
            )
        )
        # A common word of an episode's title ("good night everyone") found only by retrieval,
        # with no episode cue, keyword, name or number, does not name the episode.
        if topic is Topic.EPISODE and not (cues or keyword_hits or mentions):
            return Decline()
        mention = next((m for m in mentions if KIND_TOPIC[m.kind] is topic), None)
        # Unknown words are borne when they are slips in the name of the entity the intent is
        # about ("kery ardra character"), or when rarer words meet in one claim ("why did the
        # zetas attack allende"); else they may be the real subject ("how long is episode 2").
        named = (
            mention is not None
            and bool(cues or keyword_hits)
            and all(self._name_slip(w) for w in unexplained)
        )
        # `oigan y elite cuándo sale la nueva temporada?`: the word no cue, keyword or name
        # knows right before `when` is what the new season is asked of, another show.
        if topic is Topic.SEASON2 and any(
            _follows(folded, when, unexplained) for when in ("cuando", "when")
        ):
            return Decline()
        if unexplained and not named and self._outweighed(unexplained, evidence):
            # Unknown words that resemble a name ("who plays irine") get a "did you mean".
            candidates = self.index.search(" ".join(unexplained))
            resolution = Resolution(query, None, candidates)
            return Unsure(resolution)
        # A name alone asks about that name ("jesus sida"); a name with other words but no cue
        # or keyword asks something the bot has no intent for ("what other shows has X been in").
        if (
            mentions
            and not (cues or keyword_hits)
            and self._beyond_names(leftover, mentions, folded)
        ):
            return Decline()
        # "who's in it besides the two leads": the rest of the list, not the ones named.
        if topic in LISTED and phrase_hits(folded, EXCEPT_PHRASES):
            return AskTopic(topic)
        named_ids = list(dict.fromkeys(m.id for m in mentions if KIND_TOPIC[m.kind] is topic))
        if len(named_ids) > 1:
            # "who plays erika and who plays irene": each entity named, one answer.
            return AskEntities(topic, tuple(named_ids))
        if mention is not None:
            return AskEntity(mention.id)
        focused = [h for hits in keyword_hits.values() for h in hits if h.topic is topic]
        focused += [hit for hit, _ in retrieved if hit.topic is topic and hit not in focused]
        if topic in {Topic.CAST, Topic.EPISODE, Topic.CREATORS} and not focused:
            kind = {Topic.CAST: "cast", Topic.EPISODE: "episode", Topic.CREATORS: "person"}[topic]
            remainder = " ".join(
                w for w in leftover.split() if w not in self._vocabulary and not self._everyday(w)
            )
            if remainder:
                return AskName(kind, remainder)
            return AskTopic(topic)
        if focused and topic in {Topic.SHOW, Topic.CREATORS, Topic.CAST}:
            return AskClaims(topic, tuple({id(h.claim): h.claim for h in focused}.values()))
        return AskTopic(topic)

    def _part_of_another(self, folded: str) -> bool:
        """Whether a part of a work (its script, its cast) is asked of a work the bot does not know.

        `quién escribió el guion de la casa de papel`: a word no cue, keyword or name knows comes
        right after `el guion de (la)`, where the work is named; `el guion de la serie` names
        this show's.
        """
        words = folded.split()
        for i, word in enumerate(words):
            if word not in _WORK_PARTS:
                continue
            rest = words[i + 1 : i + 4]
            if not rest or rest[0] not in OF_WORDS:
                continue
            rest = rest[1:]
            if rest and rest[0] in ARTICLES:
                rest = rest[1:]
            if rest and self._strange(rest[0]):
                return True
        return False

    def _basis_of_another(self, folded: str) -> bool:
        """Whether what is said to be based on something is a work the bot does not know.

        `is who killed sara based on a true story`: a word no cue, keyword or name knows stands
        just before `based on`, where the work is named; `is somos based on a true story` names
        this show there, and chatter further back (`my abuela got really quiet…`) names nothing.
        """
        padded = f" {folded} "
        at = min((i for b in BASIS_PHRASES if (i := padded.find(f" {b} ")) >= 0), default=-1)
        return at > 0 and any(self._strange(w) for w in padded[:at].split()[-_TITLE_SPAN:])

    def points_beside(self, folded: str) -> bool:
        """Whether `folded` has a word for the episode beside another (`after`, `next`)."""
        return any(w in _BESIDE or w in _NEXT_OR_PREVIOUS for w in folded.split())

    def names_the_show(self, folded: str) -> bool:
        """Whether `folded` is one of the show's own names (`somos`): no person or part."""
        return folded in self._show_names

    def language(self, query: str) -> Language:
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

    def _asking_sentences(self, query: str) -> str:
        """The sentences of a long message that ask something, the rest being chatter.

        `hey guys, huge fan from texas. who plays chema in somos? thanks!` asks what `who plays
        chema in somos` asks: a sentence with no cue, keyword, name or episode number says
        nothing of what is asked, whatever unknown words it holds. A sentence asking for a kind
        of fact no claim may hold (`algo tipo el marginal?`) asks too, and so does one asking
        for the episode beside another (`ep 4, whats the next one called`, `the one after
        that`). The sentences kept must name something of this show (a name, a title, an
        episode), so that in `i just watched narcos. is there a second season?` the sentence
        that names the other show still counts. A sentence that only reacts to a name (`need
        more doña chayo in my life`) is not kept, though it says which show is meant. The full
        stop of the show's name ends no sentence before a word in lower case (`the events of
        Somos. take place`).
        """
        if self._dotted_names:
            query = self._dotted_names.sub(lambda m: m[0][:-1], query)
        sentences = [s for s in _SENTENCE_END.split(query) if s.strip()]
        if len(sentences) < 2:
            return query
        kept: list[str] = []
        named = False
        for sentence in sentences:
            folded = self._corrected(fold(sentence))
            cues = topic_cues(folded)
            mentioned = bool(self.index.mentioned(folded)) or (
                parse_episode_reference(folded) is not None
            )
            if mentioned and self._is_reaction(sentence, folded, cues):
                named = True
                continue
            if (
                mentioned
                or cues
                or phrase_hits(folded, OTHER_FACT_CUES)
                or self._keyword_hits(folded)
                or any(w in _NEXT_OR_PREVIOUS for w in folded.split())
                or any(
                    w in _BESIDE and following in _THAT_ONE
                    for w, following in pairwise(folded.split())
                )
            ):
                kept.append(sentence)
                named = named or mentioned
        if not named or len(kept) in {0, len(sentences)}:
            return query
        return " ".join(kept)

    def _strange(self, word: str) -> bool:
        """Whether no cue, keyword, name or episode reference (`s01e01`, `3rd`) knows `word`.

        An everyday word is known in any of its forms: `binging` is `binge`.
        """
        return (
            len(word) > 2
            and word not in self._known_words
            and not self._everyday(word)
            and parse_episode_reference(word, bare=True) is None
            and not _CLOCK.match(word)
        )

    def _everyday(self, word: str) -> bool:
        """Whether `word` is a word of everyday conversation (`FILLER_WORDS`) in any form."""
        root = stem(word)
        return word in FILLER_WORDS or root in FILLER_WORDS or root in self._filler_stems

    def _name_slip(self, word: str, kinds: Iterable[str] | None = None) -> bool:
        """Whether `word` reads as a misspelt word of some name (`kery` for `Kerry`), of `kinds`."""
        return bool(self.index.search(word, kinds, limit=1, cutoff=NAME_SLIP_SCORE))

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

    def _asks_the_unknown(
        self, folded: str, keyword_hits: Iterable[str], bearable: AbstractSet[str] = frozenset()
    ) -> bool:
        """Whether the question asks for a kind of thing, or names a work, the bot knows nothing of.

        Two shapes of words say so whatever else the question holds. The word right after a
        `which`/`what`/`how many` is the kind of thing asked for (`which outlet`, `cuántas
        vistas`): unless it is a cue, a name or a word of a keyword the question uses, no claim
        holds it (`vista` is a word of the keyword `más vista`, which asks no number). And two
        or more words in a row that no cue, keyword or name knows read as a title (`narcos mexico`,
        `one piece live action`, `breaking bad`): another work, whatever its words share with
        a claim's prose. The `bearable` words are known here (`which languages do u speak`).
        """
        words = [w for w in folded.split() if w not in bearable]
        padded = f" {folded} "
        used = {w for keyword in keyword_hits for w in keyword.split()} | bearable
        for determiner in WH_DETERMINERS:
            at = padded.find(f" {determiner} ")
            after = padded[at + len(determiner) + 2 :].split()[:1] if at >= 0 else []
            # An everyday word after `what` is no kind of thing (`what makes some ppl think`);
            # after `how many` it is (`cuánta gente la vio`).
            if (
                after
                and len(after[0]) > 2
                and not (after[0] in self._askable or after[0] in used)
                and parse_episode_reference(after[0], bare=True) is None  # `whats ep5 called`
                and not (determiner in _WHAT and self._everyday(after[0]))
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

    def _is_reaction(self, query: str, folded: str, cues: dict[Topic, list[str]]) -> bool:
        """Whether a message, or one sentence of it, only reacts to what it names, if anything.

        `that finale tho`, `chayo es la mejor`, `benjamin's storyline hit different`, `ese final
        me dejó llorando una semana 💀`.

        It holds a word of reaction (`tho`, `shock`, `no manches`) and nothing that asks: no
        question mark, no question word, no cue but the episode's own words and no keyword of
        another topic. `episode 3` and `ep 5 title` still ask for the episode.
        """
        words = folded.split()
        whole = fold(query)
        polls = phrase_hits(whole, FAN_POLLS)  # `anyone else rewatching it rn?` is a remark too
        emoji = any(ch in _REACTION_EMOJI for ch in query)  # `irene y chema 😍😍`
        if not (phrase_hits(folded, REACTIONS) or phrase_hits(whole, REACTIONS) or polls or emoji):
            return False
        # `alguien más chillando con el cap 5?` asks the other fans, not the bot.
        # The whole message counts here: `ngl episode five wrecked me, whats it called again`
        # asks in a sentence the chatter rule set aside.
        if not polls and (
            "?" in query
            or "¿" in query
            or any(w in _QUESTION_WORDS for w in (*words, *whole.split()))
        ):
            return False
        # Praise of an actor may name them by their part (`qué buen actor el que hace de chema`),
        # and praise of the show by what it is (`la mejor serie mexicana que ha sacado
        # netflix`): then the cast's and the show's own words ask nothing either.
        named_by = (
            {Topic.EPISODE, Topic.CAST, Topic.SHOW}
            if phrase_hits(whole, PRAISE)
            else {Topic.EPISODE}
        )
        # A keyword inside the reaction (`hit` in `hit different`) or inside the reply a poll
        # asks for (`drop` in `drop a 🙋 if so`) asks nothing.
        said = strip_phrases(folded, [*REACTIONS, *(POLL_REPLIES if polls else ())])
        if any(topic not in named_by for topic in topic_cues(said)) or any(
            h.topic not in named_by for hits in self._keyword_hits(said).values() for h in hits
        ):
            return False
        return not any(c not in EPISODE_WORDS for c in cues.get(Topic.EPISODE, []))

    def _asks_of_an_unknown_subject(self, folded: str) -> bool:
        """Whether a yes-or-no question or `de qué trata` asks of something nobody here is called.

        `is narcos mexico based on a true story too?`, `was tony dalton in it`, `de qué trata
        narcos méxico`: the word right after `is`/`was`/`does` or `de qué trata` (articles
        aside) is what the question is about, and one that no cue, keyword or name knows, and
        that reads as no misspelt name, is another subject, however much the rest of the
        question shares with a claim.
        """
        words = folded.split()
        if len(words) >= 3 and words[0] in _YES_NO_STARTS:
            after = words[1:]
        else:
            padded = f" {folded} "
            start = next((p for p in _ABOUT_ASKED if f" {p} " in padded), None)
            if start is None:
                return False
            after = padded.split(f" {start} ", 1)[1].split()
        subject = next((w for w in after if w not in ARTICLES), "")
        return self._strange(subject) and not self._name_slip(subject)

    def _names_another_works_people(self, folded: str) -> bool:
        """Whether `the cast of X` or `the creators of X` names a work that is not this show.

        `whos in the cast of when they see us`: what follows `of`/`de` holds no word the
        knowledge knows and is not this show (`the show`, `it`, `somos`), so it is another
        work's title, however everyday its words.
        """
        padded = f" {folded} "
        for noun in PEOPLE_OF:
            for of in OF_WORDS:
                at = padded.find(f" {noun} {of} ")
                if at < 0:
                    continue
                rest = padded[at + len(noun) + len(of) + 2 :].strip()
                if (
                    rest
                    and rest not in THIS_SHOW
                    and not any(
                        (w in self._known_words and w not in FUNCTION_WORDS)
                        or w in self._show_names
                        for w in rest.split()
                    )
                ):
                    return True
        return False

    def _names_another_shows_season(self, typed: str) -> bool:
        """Whether the season or series asked about belongs to another work, by its name.

        `la nueva de elite`, `season 2 of elite`, `making a murderer season 3`: an unknown word
        right after `season of` or right before `season` is that work's title, unless it reads
        as this show's name misspelt (`season 2 of somo`): a season is a show's, so a slip of a
        character's name does not count (`la nueva temporada de el chapo` is not Chayo's). The
        words are read as typed, before any correction (`murderer` is no slip for the keyword
        `murders`).
        """
        words = typed.split()
        for i, word in enumerate(words):
            before = [w for w in words[max(0, i - 3) : i] if w not in ARTICLES]
            owned = len(before) >= 2 and before[-1] in OF_WORDS and before[-2] in WHOSE_WORDS
            owner = words[i + 1 : i + 2] != [] and words[i + 1] in SEASON_WORDS
            if (
                (owned or owner)
                and self._strange(word)
                and not self._name_slip(word, ["show"])
            ):
                return True
        return False

    def _without_kin(self, folded: str) -> str:
        """Drop the words that say who told the fan or where (see `KIN_WORDS`, `PLATFORMS`).

        `my mom asked me who plays chema` asks what `asked me who plays chema` asks, and `the
        kid paquito` or `the kid who plays benjamin` what `the paquito` or `the who plays
        benjamin` asks; `who plays the mom` keeps its subject. Whoever said it (`un amigo me
        dijo`, `a friend told me`) and wherever the fan heard it (`lo vi en tiktok`, `saw the
        name on some site`, `someone in general chat said`, `one site listed them`) are no
        subject either, nor where the fan or their family is from (`huge fan from texas`, `my
        abuela is from piedras negras`, `soy de monterrey`), nor whom a message calls (`tío, ¿no
        era una miniserie?`, `caraly sánchez hace de quién tío`, `está de lujo, tío`).
        """
        words = folded.split()
        before = ["", *words]
        after = [*words[1:], ""]
        hearsay = any(w in HEARSAY_VERBS for w in words)
        homes = self._homes(words)
        return " ".join(
            word
            for i, (word, previous, following) in enumerate(
                zip(words, before, after, strict=False)
            )
            if i not in homes
            and not (
                hearsay and word in PLATFORMS and (_heard_at(words, i) or _said_by(words, i))
            )
            and (
                word not in KIN_WORDS
                or (
                    previous not in OWN
                    # `tío, ¿no era una miniserie?`, `hace de quién tío`: calling the other fans
                    and i > 0
                    and not (
                        i == len(words) - 1
                        and (previous in _QUESTION_WORDS or self._everyday(previous))
                    )
                    and following not in self._name_words
                    and following not in RELATIVES
                    and not _said_by(words, i)
                )
            )
        )

    def _homes(self, words: Sequence[str]) -> set[int]:
        """The positions of the unknown words that say where the fan is, or is from.

        `fan from texas`, `i'm from texas`, `soy de monterrey`, `my abuela is from near piedras
        negras`: a place after `from`/`de` that the fan, or someone the fan names as kin, is
        from. `at my cousin's quinceañera`, `en casa de mi tía`: a place the fan owns. `watched
        it in her living room in san antonio`, `rewatched the pilot with my roommates in
        austin`: where the fan watched, in the same clause as the watching. `which actor is from
        narcos` and `i watched somos, is jero medina in narcos too?` keep their words: no one of
        the fan's is from there, and the question begins before the place.
        """
        homes: set[int] = set()
        watched_at = -_WATCH_CLAUSE - 1
        for i, word in enumerate(words):
            if word in _WATCHING:
                watched_at = i
            elif word in _CLAUSE_BREAKS:
                watched_at = -_WATCH_CLAUSE - 1
            j = i + 1
            if word in _FROM and i and (
                words[i - 1] in _FROM_VERBS
                # `my friend from madrid`; not `the kid from narcos`
                or (words[i - 1] in KIN_WORDS and i >= 2 and words[i - 2] in OWN)
            ):
                verb = words[i - 1]
                if verb in _FROM_VERBS_OF_ANYONE and (i < 2 or words[i - 2] not in _FANS):
                    continue
                while j < len(words) and words[j] in _NEAR:
                    j += 1
            elif word in _AT and words[j : j + 1] and words[j] in _POSSESSIVES:
                j += 1  # `at my cousin's party`: what the fan's is, is no subject
                while j < len(words) and (words[j] in KIN_WORDS or words[j] == "s"):
                    j += 1
            elif word in _AT and i - watched_at <= _WATCH_CLAUSE:
                while j < len(words) and words[j] in _NEAR | _POSSESSIVES:
                    j += 1
            else:
                continue
            while j < len(words) and self._strange(words[j]):
                homes.add(j)
                j += 1
        return homes

    def _past_the_episode_watched(self, folded: str) -> str:
        """Drop the episode the fan has just watched when the question asks about something else.

        `acabo de ver el primer cap y quedé en shock, en qué se basaron` asks what the show is
        based on; the first episode is where the fan is, and so it is when the question comes
        first (`is somos over for good? just finished ep 6`). Without another topic's cue or
        keyword beside it the episode stays what is asked (`just watched episode 3, what's it
        called`).
        """
        words = folded.split()
        for i, word in enumerate(words):
            if word not in _WATCHING:
                continue
            for end in range(i + 2, min(len(words), i + 1 + _EPISODE_SPAN) + 1):
                if parse_episode_reference(" ".join(words[i + 1 : end])) is not None:
                    # The rest of the message asks; the words of watching (`ver`) are no cue.
                    rest = [" ".join(words[:i]), " ".join(words[end:])]
                    asked = {
                        topic
                        for part in rest
                        for topic in (
                            *topic_cues(part),
                            *(h.topic for hits in self._keyword_hits(part).values() for h in hits),
                        )
                    }
                    if asked - {Topic.EPISODE}:
                        return " ".join(words[: i + 1] + words[end:])
                    break
        return folded

    def _episodes_beside(self, folded: str, reference: EpisodeRef | None) -> list[int]:
        """The episodes just after or before the ones named, if the question asks for them.

        `what comes right after 'tell the moon to come'` is episode 4, `el capítulo antes del 5`
        episode 4, and `just finished ep 2, whats the next one called` episode 3 (`reference`
        is the episode the question names); `the ep after the lazy herd, and the one before the
        finale` episodes 2 and 5; `after the finale` episode 7, which is not made. Empty when
        nothing names one that way, or when what happens is asked (`what happens after episode
        3` asks the plot).
        """
        words = folded.split()
        if any(w in _PLOT_WORDS for w in words):
            return []
        # `just watched the one with the wolves, whats the next one called`: beside the one named.
        if any(w in _NEXT_OR_PREVIOUS for w in words) and (
            named := self._episode_in(words, reference)
        ):
            for i, word in enumerate(words):
                after = words[i + 1] if i + 1 < len(words) else None
                step = _NEXT_OR_PREVIOUS.get(word)
                # `cómo se llama el siguiente jaja`: a reaction after it asks nothing more.
                if step and (
                    after is None
                    or after in _NEXT_ONE
                    or after in _CRYING
                    or words[i + 1 : i + 3] == ["antes", "de"]  # `… antes de verlo`
                ):
                    return [named + step] if self._beside_known(named + step) else []
        beside: list[int] = []
        for i, word in enumerate(words):
            step = _BESIDE.get(word)
            if step is None:
                continue
            rest = words[i + 1 :]
            # `the episode with the moon in the title, whats the one after that called`: the
            # episode beside the one the message names elsewhere.
            pointer = rest[1:2] if rest[:1] and rest[0] in {"a", "de", "to"} else rest[:1]
            if pointer and pointer[0] in _THAT_ONE:
                named = self._episode_in(words, reference)
                if named is not None and self._beside_known(named + step):
                    beside.append(named + step)
                continue
            while rest and (rest[0] in _BESIDE_LINKERS or rest[0] in EPISODE_WORDS):
                rest = rest[1:]
            # `after the one with the flies`: `one with` points at the episode, as `el de` does.
            if rest[:1] == ["one"] and rest[1:2] and rest[1] in DESCRIBING_WORDS:
                rest = [w for w in rest[2:] if w not in _BESIDE_LINKERS] or rest
            if not rest:
                continue
            number: int | None = None
            if (ref := parse_episode_reference(rest[0], bare=True)) is not None:
                number = episode_number(ref, self._episode_ids)
            else:  # a title, or a word of one episode's own: the shortest run that names it
                for length in range(1, min(len(rest), self._longest_title) + 1):
                    if (found := self._episode_named(" ".join(rest[:length]))) is not None:
                        number = found
                        break
            if number is not None and self._beside_known(number + step):
                beside.append(number + step)
        return list(dict.fromkeys(beside))

    def _beside_known(self, number: int) -> bool:
        """Whether `number` is an episode, or the one after the last, which is not made yet."""
        return number in self._episode_ids or number == self._after_last

    def _episode_in(self, words: Sequence[str], reference: EpisodeRef | None) -> int | None:
        """The one episode a message names, by number, title or a keyword of its own; or None."""
        if reference is not None:
            return episode_number(reference, self._episode_ids)
        text = " ".join(words)
        numbers = {self._episode_numbers[m.id] for m in self._episodes_titled(text)}
        numbers |= {
            number
            for keyword in self._keyword_hits(text)
            if (number := self._episode_of_keyword(keyword)) is not None
        }
        return numbers.pop() if len(numbers) == 1 else None

    def _episodes_titled(self, text: str) -> list[Match]:
        """The episodes `text` names by title or alias, save by the show's own name.

        `Somos.`, the last episode's title, is also the show's: `a dot after somos` names none.
        """
        return [
            m
            for m in self.index.mentioned(text, ["episode"])
            if self.index.entries_by_id[m.id].key not in self._show_names
        ]

    def _episode_named(self, run: str) -> int | None:
        """The number of the episode `run` names, if it names one.

        By its title or alias, or by a keyword of its claims that no other episode shares
        (`flies`, `las moscas`).
        """
        if found := self._episodes_titled(run):
            return self._episode_numbers[found[0].id]
        return self._episode_of_keyword(run)

    def _episode_of_keyword(self, keyword: str) -> int | None:
        """The episode whose claims alone have `keyword` (`flies`; not `title`, which all do)."""
        owners = {h.owner for h in self._keywords.get(keyword, ()) if h.topic is Topic.EPISODE}
        if len(owners) == 1 and (owner := owners.pop()) in self._episode_numbers:
            return self._episode_numbers[owner]
        return None

    def _without_show_description(self, folded: str) -> str:
        """Drop the words that say which show is meant when something else is asked of it.

        `who created the netflix show about the allende massacre` asks who created it:
        `about the allende massacre` names this show by its story, as `somos` would. Only the
        story's own words (words that are keywords of the show's claims alone) are dropped,
        and only when what is left asks about another topic: `what is the show about the
        massacre about` keeps them.
        """
        words = folded.split()
        for i, word in enumerate(words):
            if word not in _SHOW_NOUNS:
                continue
            j = i + 1
            while j < len(words):
                if words[j] in _SHOW_NOUN_TAIL:
                    j += 1
                elif words[j] in _ABOUT and words[j + 1 : j + 2] == ["netflix"]:
                    j += 2  # `la serie de netflix sobre allende`
                else:
                    break
            if j >= len(words) or words[j] not in _ABOUT:
                continue
            end = j + 1
            while end < len(words) and words[end] in ARTICLES:
                end += 1
            story = end
            while story < len(words):
                if self._story_word(words[story]):
                    story += 1
                elif words[story] in _STORY_JOINS and story + 1 < len(words) and (
                    self._story_word(words[story + 1])
                ):
                    story += 2  # `la masacre de allende`, `the massacre in allende`
                else:
                    break
            if story == end:
                continue
            rest = " ".join(words[:j] + words[story:])
            asked = set(topic_cues(rest)) | {
                hit.topic for hits in self._keyword_hits(rest).values() for hit in hits
            }
            if asked - {Topic.SHOW}:
                return rest
        return folded

    def _story_word(self, word: str) -> bool:
        """Whether `word` is a keyword of the show's claims and of nothing else (`allende`)."""
        hits = self._keyword_hits(word).get(word, [])
        return bool(hits) and all(hit.topic is Topic.SHOW for hit in hits)

    def _undescribed(self, folded: str) -> str:
        """Drop unknown words that describe a person noun (`old` in `the old lady`).

        English puts the describing word before the noun (`the old lady`), Spanish mostly after
        it (`el chavo flaco`); a word no cue, keyword or name knows on either side of one of
        `PERSON_NOUNS` is read as the fan's description. Only questions that name a person or
        character get here: without a name, `who plays the police man` asks for a part the
        knowledge may not have.
        """
        words = folded.split()
        nouns = [i for i, w in enumerate(words) if w in PERSON_NOUNS]
        beside = {j for i in nouns for j in (i - 1, i + 1) if 0 <= j < len(words)}
        return " ".join(w for j, w in enumerate(words) if not (j in beside and self._strange(w)))

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
                if (
                    start + size > end
                    and run in self._source_title_runs
                    and run not in SEASON2_NAMES  # `season 2` is a question's own words
                ):
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

    def _asks_of_the_cast(self, folded: str, cues: dict[Topic, list[str]]) -> bool:
        """Whether a slip that is a name (`Kerry Ardra`) is asked about as a cast member.

        `is kerry ardra actually in the cast or is that name a mistake?` is answered by the
        cast member's answer, which gives the claim and the doubt about that name.
        """
        words = set(folded.split())
        return bool(
            (Topic.CAST in cues or words & CAST_NOUNS)
            and any(m.kind == "cast" for m in self.index.mentioned(folded))
        )

    def _is_remark(self, folded: str, *, normalised: str | None = None) -> bool:
        """Whether the message is a social remark (`good bot`, `jajaja que buena serie`).

        It holds a `CHIT_CHAT` phrase and, besides, only filler, function words and the show's
        name: nothing that asks for a fact. The cues that ask are looked for in `normalised`,
        the message as the reader has normalised it (slips corrected, kin words dropped), too
        (`hey bot what can u do`).
        """
        hits = phrase_hits(folded, CHIT_CHAT)
        if not hits:
            return False
        # `gracias por la info` asks for no info.
        texts = {_THANKED_FOR.sub(" ", text) for text in (folded, normalised or folded)}
        folded = _THANKED_FOR.sub(" ", folded)
        # A question in words of its own asks, however it is greeted: `hi bot what are you
        # for`. One cue word does not (`thanks for the help`, `gracias por la info`).
        asked = [
            cue
            for text in texts
            for found in topic_cues(text).values()
            for cue in found
            if " " in cue
        ]
        if any(not any(cue in hit for hit in hits) for cue in asked):
            return False
        rest = strip_phrases(folded, [*hits, *self._show_names])
        return all(self._everyday(w) or w in CHIT_CHAT for w in rest.split())

    def _asks_of_another_work(self, folded: str, cues: dict[Topic, list[str]]) -> bool:
        """Whether the question asks who made or played in another work the knowledge names.

        A claim may name another work (`Crouching Tiger, Hidden Dragon`, which James Schamus is
        known for); `who was in crouching tiger` asks about that work, not about Somos, and
        nothing in the knowledge answers it. The title is asked about when a cast or creators
        cue comes right before it (function words aside), or when nothing else in the question
        speaks of people or of this show (`when did crouching tiger come out`), or when a
        yes-or-no question begins with it (`is crouching tiger hidden dragon worth watching?`);
        used as a description (`the crouching tiger writer`, `el de crouching tiger hizo somos`,
        `the guy behind crouching tiger made this`), or beside a name (`what did schamus do
        besides crouching tiger`), it names a person of this show.
        """
        padded = f" {folded} "
        asking = [c for topic in (Topic.CAST, Topic.CREATORS) for c in cues.get(topic, [])]
        named: list[str] = []
        words = folded.split()
        yes_no = bool(words) and words[0] in _YES_NO_STARTS
        subject_words = words[1:]
        while subject_words and subject_words[0] in ARTICLES:
            subject_words = subject_words[1:]
        # `el tigre y el dragón` begins with an article of its own.
        subjects = (f"{' '.join(words[1:])} ", f"{' '.join(subject_words)} ")
        for title in self._other_works:
            at = padded.find(f" {title} ")
            if at < 0:
                continue
            named.append(title)
            if yes_no and any(_work_is_subject(subject, title) for subject in subjects):
                return True
            head = padded[:at].rstrip()
            # The making word right before the title, or with only `of`/`the` between
            # (`the director of crouching tiger`), takes it as its object; further back
            # (`el creador de la serie … el mismo de el tigre y el dragón`) it does not.
            before = head.split()
            while before and before[-1] in _TITLE_LINKERS:
                before.pop()
            tail = padded[at + len(title) + 2 :].split()[:1]
            # `the guy who wrote crouching tiger made this`, `the guy behind crouching tiger made
            # this`: the making word describes a person.
            described = (
                len(before) >= 3 and before[-2] in RELATIVES and before[-3] in _DESCRIBERS
            ) or (len(before) >= 2 and before[-2] in _DESCRIBED)
            takes_it = any(head.endswith(f" {c}") for c in asking) or (
                before and before[-1] in self._making_words
            )
            if (takes_it and not described) or (tail and tail[0] in CAST_WORDS):
                return True
        # Named with nothing about who made or played in anything, the work is itself the
        # subject (`when did crouching tiger come out`), not a description of a person.
        if not named or asking:
            return False
        rest = f" {folded} "
        for title in sorted(named, key=len, reverse=True):  # the whole title before its head
            rest = rest.replace(f" {title} ", " ")
        # `el de crouching tiger hizo somos`, `did the crouching tiger guy make this`
        people = self._making_words | self._show_names | PERSON_WORDS
        return not any(w in people for w in rest.split()) and not any(
            m.kind in _PERSON_KINDS for m in self.index.mentioned(rest.strip())
        )

    def _corrected(self, folded: str) -> str:
        """Read a misspelt word as the known word it is close to: `dirrected` → `directed`.

        Chat spellings are read as the words they stand for first: `wat` → `what`, and a
        contracted `is` as `is`: `where's` → `where is`.
        """
        typed = folded.split()
        # The `d` of `where'd` is `did`, not the chat spelling of `de`.
        words = " ".join(
            "did" if w == "d" and i and typed[i - 1] in _DID_CONTRACTED else CHAT_SPELLINGS.get(w)
            or w
            for i, w in enumerate(typed)
        ).split()
        # `u` is `you`, except in `u s` (`U.S.`, folded): `how the u s triggered a massacre`.
        words = [
            "you" if w == "u" and words[i + 1 : i + 2] != ["s"] else w for i, w in enumerate(words)
        ]
        # `where's` folds to `where s`: the `s` is `is` there (not in `the show's cast`).
        words = [
            "is" if w == "s" and i and words[i - 1] in _IS_CONTRACTED else w
            for i, w in enumerate(words)
        ]
        for i, word in enumerate(words):
            if _ELONGATED.search(word):
                word = words[i] = self._unstretched(word)
            elif word not in self._vocabulary and word[-1:] * 2 == word[-2:] and (
                word[:-1] in self._name_words
            ):
                word = words[i] = word[:-1]  # `chemaa`: the last letter of a name held
            elif word not in self._vocabulary and (
                word.endswith("s") and word[:-1] in self._person_name_words
            ):
                words[i] = f"{word[:-1]} s"  # `chayos story`: `chayo's story`, typed
                continue
            edits = max((n for size, n in CORRECTION_EDITS if len(word) >= size), default=0)
            if (
                word in self._vocabulary
                or word in KIN_WORDS
                or word in HEARSAY_VERBS
                or word in FILLER_WORDS  # `argument` is no form of `argumento`
                or word in self._fact_words
            ):
                continue  # `primo` is no form of `prime`, `punished` no slip for `published`
            if (known := self._stems.get(stem(word))) is not None:
                if not self._names_other(words, i, known):
                    words[i] = known
                continue
            if self._everyday(word):
                continue  # `swears`, `personas` are no slips for words of the knowledge
            if (whole := self._short_form(word)) is not None:
                if not self._names_other(words, i, whole):
                    words[i] = whole
                continue
            if not edits:
                continue
            # Fans rarely get the first letter wrong; a word that differs there is more often
            # another word ("casada" is not "basada", "estas" is not "stars").
            same_start = self._terms_by_letter.get(word[0], [])
            best = process.extractOne(
                word, same_start, scorer=OSA.distance, processor=None, score_cutoff=edits
            )
            if best is None or self._names_other(words, i, best[0]):
                continue
            # Two slips that make a word from the known word's stem (`murderer` from `murders`)
            # make another word.
            root = stem(best[0])
            if best[1] > 1 and word.startswith(root) and word[len(root) :] in DERIVED_ENDINGS:
                continue
            words[i] = best[0]
        return " ".join(words)

    def _unstretched(self, word: str) -> str:
        """The word a fan stretched: `hiii` → `hi`, `pleaseee` → `please`, `sooo` → `so`.

        The stretched letter is tried twice (`good`, `llama`), then once, whichever makes a
        word the bot knows.
        """
        for size in (r"\1\1", r"\1"):
            candidate = _ELONGATED.sub(size, word)
            if candidate in self._vocabulary or self._everyday(candidate):
                return candidate
        return _ELONGATED.sub(r"\1", word)

    def _short_form(self, word: str) -> str | None:
        """The one word of the names that `word` begins (`benja` → `benjamin`), if just one does.

        The names' words are kept sorted, so the words `word` begins are found by bisection,
        not by a scan of every name.
        """
        if len(word) < SHORT_FORM_MIN_CHARS:
            return None
        names = self._sorted_name_words
        at = bisect_left(names, word)
        begun = [name for name in names[at : at + 2] if name.startswith(word)]
        if len(begun) != 1 or len(begun[0]) < NAME_CORRECTION_MIN_CHARS:
            return None
        return begun[0]

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

    def _beyond_names(self, leftover: str, mentions: Sequence[Match], folded: str) -> list[str]:
        """Words of `leftover` (function words already gone) that no mentioned name contains."""
        names = {word for m in mentions for word in self._entity_name_words.get(m.id, ())}
        # A slip stands for a word of the name the question lacks (`ginger tomson`), not for a
        # word beside a name written whole (`is ignacio prieto a priest`).
        missing = names - set(folded.split())
        episode_named = any(m.kind == "episode" for m in mentions)
        # Chatter beside a name asks nothing more (`kerry ardra, no la encuentro`); a
        # judgement of it does (`is chema real`). A slip in the name is the name (`ginger
        # tomson`), and beside a title, which episode it is asks of it (`… es el penúltimo?`).
        return [
            w
            for w in leftover.split()
            if len(w) > 2
            and w not in names
            and w not in _CHATTER
            and not (
                len(w) >= NAME_SLIP_MIN_CHARS
                and any(fuzz.ratio(w, name) >= NAME_SLIP_SCORE for name in missing)
            )
            and not (episode_named and parse_episode_reference(w, bare=True) is not None)
        ]

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


def _owner_id(knowledge: KnowledgeBase, loc: tuple[str | int, ...]) -> str | None:
    section = loc[0]
    if section == "show":
        return knowledge.show.id
    if section in {"cast", "episodes", "people"} and isinstance(loc[1], int):
        entity = getattr(knowledge, str(section))[loc[1]]
        return str(entity.id)
    return None


def _within_longer_cues(
    cues: dict[Topic, list[str]], keyword_hits: dict[str, list[_KeywordHit]]
) -> tuple[dict[Topic, list[str]], dict[str, list[_KeywordHit]]]:
    """The cues and keywords of a question without those inside a longer cue of another topic.

    `what is this bot based on` asks for the sources: `based` and `based on` (the show's cue
    and keyword) are words of the sources cue `bot based on`, not signs of their own.
    """
    longer = [(topic, f" {cue} ") for topic, hits in cues.items() for cue in hits]

    def inside(phrase: str, topics: AbstractSet[Topic]) -> bool:
        return any(
            topic not in topics and len(cue) > len(phrase) + 2 and f" {phrase} " in cue
            for topic, cue in longer
        )

    return (
        {
            topic: kept
            for topic, hits in cues.items()
            if (kept := [h for h in hits if not inside(h, {topic})])
        },
        {k: hits for k, hits in keyword_hits.items() if not inside(k, {h.topic for h in hits})},
    )


def _inside_another(hit: str, topic: Topic, keyword_hits: dict[str, list[_KeywordHit]]) -> bool:
    """Whether the cue `hit` of `topic` lies inside a keyword of only other topics' facts."""
    words = set(hit.split())
    return any(
        words <= set(keyword.split()) and topic not in {h.topic for h in hits}
        for keyword, hits in keyword_hits.items()
    )


def _follows(folded: str, phrase: str, words_before: Iterable[str]) -> bool:
    """Whether `phrase` comes right after one of `words_before` in `folded`."""
    padded = f" {folded} "
    return any(f" {word} {phrase} " in padded for word in words_before)


def _follows_basis(folded: str, phrase: str, keyworded: AbstractSet[str]) -> bool:
    """Whether `phrase` asks what the show is based on, which the claims' keywords say.

    It comes right after a phrase for what the show is made from, maybe with an article
    between, and its own words are words of the keywords the question uses, `keyworded`:
    `basada en algún libro` (`libro`), but not `based on a real person`.
    """
    if not set(phrase.split()) - FUNCTION_WORDS <= keyworded:
        return False
    with_article = (f"{basis} {article}" for basis in BASIS_PHRASES for article in ARTICLES)
    return _follows(folded, phrase, [*BASIS_PHRASES, *with_article])


def _covered(words: Sequence[str], phrase: str, covered: AbstractSet[str]) -> bool:
    """Whether the keywords' words, `covered`, cover `phrase`, a kind of fact no claim may hold.

    Its function words need no keyword when what it is said of is a keyword's word too:
    `what happened` covers `what happened in allende` but not `what happened to the real
    people`, whose fate no claim gives. A phrase made of function words alone (`what else`,
    `been in`) needs every word.
    """
    parts = phrase.split()
    if set(parts) <= covered:
        return True
    content = set(parts) - FUNCTION_WORDS
    if not content or not content <= covered:
        return False
    for start in range(len(words) - len(parts) + 1):
        if list(words[start : start + len(parts)]) == parts:
            after = [w for w in words[start + len(parts) :] if w not in ARTICLES]
            if after[:1] and after[0] in covered:
                return True
    return False


_HEARD_AT = frozenset({"on", "in", "at", "from", "en", "de", "por", "round", "around"})
"""Words that put a place before it: `on tiktok`, `en el chat`."""
_BEFORE_PLACE = frozenset({
    "a", "an", "the", "some", "this", "that", "un", "una", "el", "la", "los", "las", "algun",
    "alguna", "unos", "unas", "general", "random", "my", "mi", "mis",
})  # fmt: skip
"""Words between a place and what puts it there: `on some site`, `in general chat`."""
_ADVERB_PLACES = frozenset({"online"})
"""Places said without a word before them: `i keep seeing different names online`."""
_CLITICS = frozenset({"me", "le", "nos", "les", "just", "also", "tambien", "ya"})
"""Words between a speaker and the verb of saying: `un amigo me dijo`, `a friend just said`."""


def _heard_at(words: Sequence[str], i: int) -> bool:
    """Whether `words[i]`, a place, is where the fan heard something.

    `on tiktok`, `in general chat`, `online`, or right after a verb of hearing (`saw a tiktok`).
    """
    j = i - 1
    while j >= 0 and (words[j] in _BEFORE_PLACE or words[j] in PLATFORMS):  # `discord server`
        j -= 1
    return words[i] in _ADVERB_PLACES or (
        j >= 0 and (words[j] in _HEARD_AT or words[j] in HEARSAY_VERBS)
    )


def _said_by(words: Sequence[str], i: int) -> bool:
    """Whether `words[i]`, a kin word or a place, says who said it: `un amigo me dijo`."""
    j = i + 1
    while j < len(words) and words[j] in _CLITICS:
        j += 1
    return j < len(words) and words[j] in HEARSAY_VERBS


_FROM = frozenset({"from", "de"})
"""Words that put a fan's home town after them: `from texas`, `soy de monterrey`."""
_FROM_VERBS_OF_ANYONE = frozenset({"is", "are", "m", "am", "es", "son"})
"""Verbs before `from` that need the fan or their kin before them: `my abuela is from`."""
_FROM_VERBS = _FROM_VERBS_OF_ANYONE | {"im", "soy", "fan", "fans", "somos"}
"""Words before `from` that say the fan is from there: `huge fan from texas`, `soy de`."""
_FANS = KIN_WORDS | {"i", "she", "he", "they", "we", "yo", "ella", "el", "ellos", "my", "mi"}
"""Who may be from somewhere for the place to be the fan's (`my abuela`, after the kin word)."""
_NEAR = frozenset({"near", "around", "outside", "cerca", "de", "the", "el", "la"})
"""Words between `from` and a place: `from near piedras negras`."""
_AT = frozenset({"in", "at", "on", "from", "en", "con", "desde", "during", "durante"})
"""Words that put where the fan was after them: `in austin`, `at my cousin's`."""
_POSSESSIVES = frozenset(
    {"my", "her", "his", "our", "their", "mi", "mis", "su", "sus", "a", "un", "una"}
)
"""The fan's own, or someone's they tell of: `in her living room`, `on a plane`."""
_WATCHING = frozenset({
    "watched", "watching", "rewatched", "rewatching", "binged", "binging", "bingeing",
    "finished", "saw", "seen", "started", "starting", "ver", "vi", "vimos", "viendo", "visto",
    "termine", "terminamos", "acabe", "acabamos", "empece", "empezamos",
})  # fmt: skip
"""Verbs of watching: after one, `in`/`at` says where the fan watched, and an episode is where
the fan is (`acabo de ver el primer cap`)."""
_WATCH_CLAUSE = 8
"""How far after the watching verb its place may come: `finished somos last night in …`."""
_CLAUSE_BREAKS = frozenset({
    "is", "are", "was", "were", "who", "what", "which", "where", "when", "how", "es", "son",
    "quien", "que", "cual", "donde", "cuando", "como", "too", "also",
})  # fmt: skip
"""Words that begin the question: a place after one of them may be what is asked."""

_EPISODE_SPAN = 4
"""The most words an episode reference after such a verb takes: `the first episode of`."""

_SHOW_NOUNS = frozenset({"show", "series", "serie", "miniserie", "miniseries", "novela"})
"""Nouns for this show that a fan may describe by its story: `the show about allende`."""
_SHOW_NOUN_TAIL = frozenset({"esa", "that", "netflix", "nueva", "new"})
"""Words between such a noun and what describes it: `la serie esa de`, `the show on netflix`."""
_ABOUT = frozenset({"about", "sobre", "de", "on"})
"""Words that put a show's story after it: `about the massacre`, `sobre allende`."""
_STORY_JOINS = frozenset({"de", "del", "en", "in", "of", "at"})
"""Words that join the story's words: `la masacre de allende`, `the massacre in allende`."""

_WHAT = frozenset({"what", "whats", "which"})
"""The determiners after which a verb may come (`what makes`), unlike `how many`."""

PERSON_TOPICS = frozenset({Topic.CAST, Topic.CREATORS})
"""The topics whose claims are a person's: their keywords answer only of that person."""

_TITLE_ASKED = frozenset({
    "called", "titled", "title", "named", "name", "se llama", "se titula", "titulo", "nombre",
})  # fmt: skip
"""Words that ask an episode's title: `is ep 1 really called …`."""

_WHY = frozenset({"why", "how come", "por que", "porque"})
"""Words that ask why: of a slip in a title, they ask about the slip, not the title."""

_PERSON_KINDS = frozenset({"cast", "person"})
"""The kinds of name that name a person: an actor or character, or one of the crew."""

_BESIDE = {
    "after": 1, "despues": 1, "luego": 1, "siguiente": 1, "sigue": 1, "before": -1, "antes": -1,
    "anterior": -1, "previous": -1,
}  # fmt: skip
"""The words that name the episode beside another: `the one after`, `el de antes del 5`."""
_BESIDE_LINKERS = frozenset({
    "the", "el", "la", "las", "los", "de", "del", "of", "that", "ese", "este", "a", "al", "to",
})  # fmt: skip
"""Words between such a word and the episode it is beside: `el anterior a …`, `after the …`."""
_TITLE_SPAN = 4
"""How many words before `based on` may name the work said to be based on something."""
_THAT_ONE = frozenset({"that", "it", "this", "ese", "eso", "este", "esa", "esto"})
"""A word for an episode named before: `the one after that`, `el que sigue a ese`."""
_LANGUAGE_NAMES = frozenset({
    "english", "spanish", "ingles", "espanol", "castellano", "language", "languages", "idioma",
    "idiomas",
})  # fmt: skip
"""Languages a fan may ask the bot to take: known words beside a help cue alone (`is somos in
english` asks what no claim says)."""
_PLOT_WORDS = frozenset({"happen", "happens", "happened", "pasa", "paso", "sucede", "ocurre"})
"""`what happens after episode 3` asks the plot, which no claim holds."""
_NEXT_OR_PREVIOUS = {"next": 1, "siguiente": 1, "proximo": 1, "previous": -1}
"""`whats the next one called` after the episode named: the one beside it."""
_NEXT_ONE = EPISODE_WORDS | {"one", "uno", "called", "title", "titulo", "se", "es", "is"}
"""What may follow `next` when it means the next episode (`the next one`, not `next season`)."""

def _asks_of_people(cues: dict[Topic, list[str]], mentions: Sequence[Match]) -> bool:
    """Whether a cast or creators cue, or a person named, says the question is about people."""
    return not PERSON_TOPICS.isdisjoint(cues) or any(m.kind in _PERSON_KINDS for m in mentions)


_TITLE_LINKERS = frozenset({"of", "de", "del", "the", "el", "la", "los", "for", "in", "en", "a"})
"""Words between a making word and the title it takes: `director of the`, `creador de`."""

_ITSELF = ("this", "this one", "it", "somos", "esta", "esta serie", "ella")
"""This show, after `a show like`: `will netflix renew a show like this`."""

_ASIDES = (
    "no spoilers please", "no spoilers pls", "no spoilers", "without spoilers", "spoiler free",
    "sin spoilers porfa", "sin spoilers", "sin spoiler", "or something like that",
    "or something", "o algo asi", "o algo por el estilo", "o algo", "deserves awards",
    "deserves an award", "deserves an oscar", "deserves an emmy", "merece un premio",
    "merece un oscar", "merece premios", "merece todos los premios", "deserves every award",
    "deserves all the awards", "o ahi muere", "ahi muere", "ya va siendo hora", "ya es hora",
    "not some other show", "not another show", "not the other show", "no de otra serie",
    "no otra serie", "not my strong suit", "no es mi fuerte", "on the cards", "in the cards",
    "not the song", "no la cancion",
    "not the movie", "no la pelicula",
    "no la peli", "thanks in advance", "thank you in advance", "gracias de antemano",
    "stole every scene", "steals every scene", "carried every scene", "carries every scene",
    "every scene she was in", "every scene he was in", "every scene she s in",
    "every scene he s in", "school project", "class project", "proyecto escolar",
    "hit so hard", "hits so hard", "hit hard", "hits hard", "nos partio el alma",
    "me partio el alma", "partio el alma", "les cuento que", "te cuento que", "les cuento",
    "te cuento", "todo lo que paso", "in bits", "o que pedo", "que vola", "no regrets",
    "estamos peleados",
    "mi socio", "quien tiene razon",
)  # fmt: skip
"""What a fan asks of the reply, not of the show, or says in passing (`ya va siendo hora`)."""
_REACTION_EMOJI = frozenset("😍😭🥺❤💔🔥👏😢😩🤩💕♥😂🤣💀😴")
"""Emoji of a reaction: beside names and nothing that asks, they make a remark."""

_QUESTION_WORDS = frozenset({
    "who", "whose", "what", "whats", "which", "when", "where", "why", "how", "whos", "quien",
    "quienes", "cual", "cuales", "cuando", "donde", "como", "cuantos", "cuantas", "title", "titulo",
    "name", "nombre", "called", "llama", "titula", "named", "same", "mismo", "igual",
})  # fmt: skip
"""Words that ask, in a message that reacts to an episode."""
_ABOUT_ASKED = ("de que trata", "de que se trata", "de que va", "de que es")

_STORY_CUES = frozenset({"about", "trata", "argumento", "whats it about", "tratara"})
"""The show's cues that ask for a story (`de qué trata el episodio 7`), not where it is shown."""
"""What a story is asked with, before the title of the work asked about: `de qué trata narcos`."""
_YES_NO_STARTS = frozenset({"is", "was", "does", "did", "has", "es", "fue"})
"""Words that begin a yes-or-no question about the word after them."""

_IS_CONTRACTED = frozenset({"where", "what", "who", "how", "when", "there", "it", "that", "here"})
"""Words whose `'s` is `is`: `where's the show set`."""

_DID_CONTRACTED = frozenset({"where", "what", "how", "when", "why"})
"""Words whose `'d` is `did`: `where'd you hear that`."""

_WORK_PARTS = frozenset({
    "guion", "guiones", "script", "scripts", "screenplay", "reparto", "elenco", "cast",
    "soundtrack", "creador", "creadora", "creator", "showrunner",
})  # fmt: skip
"""The parts of a work asked of it: `el guion de …`, `the cast of …`."""

_CRYING = frozenset({w for w in REACTIONS if " " not in w})
"""Single words of reaction: right before the ending (`bawling at the end`), they tell it."""

_SOURCE_AGE = (
    "how old", "how recent", "how new", "when were", "when was", "que tan viejo",
    "que tan vieja", "que tan viejos", "que tan viejas", "que tan recientes", "de cuando",
)  # fmt: skip
"""Words that ask how old something is, or when it was written."""
_SOURCE_NOUNS = frozenset({
    "source", "sources", "article", "articles", "info", "information", "data", "fuente",
    "fuentes", "articulo", "articulos", "informacion", "datos", "pages", "paginas", "sites",
    "websites", "sitios",
})  # fmt: skip
"""The bot's sources, by the names fans give them."""
_DESCRIBED = PERSON_WORDS | PERSON_NOUNS
"""Beside another work's title, a word for a person makes the title a description of them:
`the crouching tiger guy`, `the guy behind crouching tiger`."""
_DESCRIBERS = _DESCRIBED | {"el", "la", "one"}
"""Before `who`/`que` and a making word: `the guy who wrote …`, `el que escribió …`."""
_ARTICLE_NOUNS = (_SOURCE_NOUNS - {"info", "information", "data", "informacion", "datos"}) | {
    "page", "pagina", "site", "website", "sitio", "post", "blog", "nota",
}
"""Words for an article, beside which a run of a source's title names that source."""
_SOURCES_BEFORE_AGE = 2
"""How far before the age asked the sources may be named: `tus fuentes de cuándo son`."""
_SOURCE_DETERMINERS = frozenset({
    "is", "are", "was", "were", "your", "the", "those", "these", "this", "that", "es", "son",
    "eran", "fueron", "tu", "tus", "la", "las", "el", "los", "esa", "esas", "esos", "season",
    "2", "temporada",
})  # fmt: skip
"""Words that may stand between the age asked and the sources (`when were those articles`);
any other word makes them someone else's (`when was ginger thompson's article published`)."""


def _asks_the_age_of_sources(folded: str) -> bool:
    """Whether the question asks how old the sources are: `how old is your info`.

    The sources may come first too: `tus fuentes de cuándo son`.
    """
    padded = f" {folded} "
    for cue in _SOURCE_AGE:
        at = padded.find(f" {cue} ")
        if at < 0:
            continue
        if any(w in _SOURCE_NOUNS for w in padded[:at].split()[-_SOURCES_BEFORE_AGE:]):
            return True
        for word in padded[at + len(cue) + 2 :].split():
            if word in _SOURCE_NOUNS:
                return True
            if word not in _SOURCE_DETERMINERS:
                break
    return False


def _work_is_subject(subject: str, title: str) -> bool:
    """Whether a yes-or-no question's subject is the work titled `title`.

    `crouching tiger hidden dragon worth watching`: yes; `the crouching tiger guy the one who
    created somos`: no, a word for a person makes the title a description of them.
    """
    if not subject.startswith(f"{title} "):
        return False
    after = subject[len(title) :].split()
    return not (after and after[0] in _DESCRIBED)


def _likened_to_itself(folded: str, phrase: str) -> bool:
    """Whether `phrase` (`a show like`) is said of this show: `a show like this`, `like somos`."""
    padded = f" {folded} "
    return any(f" {phrase} {itself} " in padded for itself in _ITSELF)


def _not_watched_in(folded: str) -> str:
    """`folded` without the few words after each word of watching (`saw it last year`)."""
    words = folded.split()
    kept = [
        w
        for i, w in enumerate(words)
        if not any(v in _WATCHING for v in words[max(0, i - _WATCH_CLAUSE) : i])
    ]
    return " ".join(kept)


def _years_in(texts: Iterable[str]) -> frozenset[str]:
    """The years written in `texts` (`2011`, `2021`)."""
    return frozenset(year for text in texts for year in _YEAR.findall(text))


def _without_asides(folded: str) -> str:
    """Drop what the fan asks of the reply itself: `what's it about? no spoilers pls`."""
    padded = f" {folded} "
    for aside in sorted(_ASIDES, key=len, reverse=True):  # `no spoilers pls` before `no spoilers`
        padded = padded.replace(f" {aside} ", " ")
    return padded.strip()


def _without_tag(folded: str) -> str:
    """Drop a closing word that only asks to be confirmed (`..., verdad?`, `..., right?`)."""
    words = folded.split()
    if len(words) > 2 and words[-1] in TAG_WORDS:
        return " ".join(words[:-1])
    return folded
