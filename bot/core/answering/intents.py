"""What a free-text question asks for: its topic cues and its language.

Cues are the words of the question itself ("who plays", "quién hace de", "season 2"). Words for
individual facts ("directed", "estreno") live with the facts, as claim `keywords` in the knowledge,
so moderators can teach the bot a new question without touching code.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.core.answering.answer import Language, Topic
from bot.core.text import fold

CUES: dict[Topic, frozenset[str]] = {
    Topic.CAST: frozenset({
        "who plays", "who played", "who is playing", "plays", "played", "playing", "actor",
        "actors", "actress", "actresses", "cast", "casting", "starring", "stars", "star", "role",
        "roles", "character", "characters", "who is in", "who was in", "portrays", "portrayed",
        "quien hace de", "hace de", "quien interpreta", "interpreta", "interpreto", "actua",
        "actuo", "actriz", "actores", "actrices", "reparto", "elenco", "personaje", "personajes",
        "papel", "protagonista", "protagonistas", "protagoniza",
    }),
    Topic.EPISODE: frozenset({
        "episode", "episodes", "ep", "eps", "episodio", "episodios", "capitulo", "capitulos",
        "episode list", "titles", "titulos",
    }),
    Topic.SEASON2: frozenset({
        "season 2", "season two", "second season", "2nd season", "s2", "renewed", "renewal",
        "renew", "cancelled", "canceled", "cancel", "new season", "next season", "another season",
        "more seasons", "more episodes", "come back", "coming back", "return", "returning",
        "sequel", "temporada 2", "segunda temporada", "nueva temporada", "otra temporada",
        "proxima temporada", "renovada", "renovacion", "renuevan", "cancelada", "cancelaron",
        "mas episodios", "mas capitulos", "vuelve", "volvera", "regresa", "regresara",
        "continuacion", "secuela",
    }),
    Topic.CREATORS: frozenset({
        "created", "creator", "creators", "create", "creado", "creada", "creador", "creadora",
        "creadores", "director", "directors", "directed", "directs", "direct", "dirigida",
        "dirigio", "directora", "directores", "direccion", "writer", "writers", "wrote",
        "written", "write", "escribio", "escrita", "escritor", "escritora", "guion", "guionista",
        "guionistas", "showrunner", "made it", "made", "behind", "cinematography",
        "cinematographer", "fotografia", "crew", "people behind", "quien hizo", "journalist",
        "periodista", "creators and crew",
    }),
    Topic.SHOW: frozenset({
        "about", "plot", "story", "premise", "synopsis", "based", "based on", "true story",
        "release", "released", "release date", "premiere", "premiered", "came out", "come out",
        "where to watch", "watch", "stream", "streaming", "netflix", "rating", "imdb", "seasons",
        "how many seasons", "limited series", "miniseries", "genre", "massacre", "allende",
        "trata", "de que trata", "historia", "basada", "basado", "estreno", "salio",
        "donde ver", "ver", "sinopsis", "argumento", "temporadas", "miniserie", "calificacion",
        "masacre", "what is somos", "que es somos",
    }),
    Topic.SOURCES: frozenset({
        "source", "sources", "fuente", "fuentes", "citations", "references", "articles",
        "where do you get", "de donde sacas",
    }),
    Topic.HELP: frozenset({
        "help", "ayuda", "commands", "comandos", "what can you do", "que puedes hacer",
        "how do i use", "como te uso", "what can i ask", "que puedo preguntar",
    }),
}

FUNCTION_WORDS = frozenset(
    """a an and the of to in on at by for with from us is it its me my i you your who whom what
    which when where why how was were are be been will would can could do does did there this that
    these those tell give show name names please any some one ok so than then about just also
    de del la las el los y en con por para un una al lo su sus se que quien quienes cual cuales
    cuando donde como es son fue era hay habra va van me mi tu dime dame sobre esta este esto eso
    ese the serie series show somos netflix""".split()
)
"""Words that carry no subject of their own; everything else in a question must be understood."""

_SPANISH = frozenset(
    """quien quienes que cual cuales cuando donde como hay habra hace interpreta temporada
    temporadas episodio episodios capitulo capitulos serie el la los las es son de del una uno
    dime sobre trata basada reparto elenco estreno segunda nueva otra mas fue sera creo dirigio
    actor actriz personaje papel""".split()
)
_ENGLISH = frozenset(
    """who what which when where how is are was the there season seasons episode episodes plays
    played cast created directed based about will any more next second series show tell me it
    of does did""".split()
)


def detect_language(text: str) -> Language:
    """Spanish when the question reads as Spanish (`¿`, `ñ` or more Spanish words), else English."""
    if "¿" in text or "¡" in text:
        return Language.ES
    words = fold(text).split()
    spanish = sum(w in _SPANISH for w in words) + ("ñ" in text.casefold())
    english = sum(w in _ENGLISH for w in words)
    return Language.ES if spanish > english else Language.EN


def phrase_hits(folded: str, phrases: Iterable[str]) -> list[str]:
    """The phrases that occur in `folded` as whole words, longest first."""
    padded = f" {folded} "
    return sorted((p for p in phrases if f" {p} " in padded), key=len, reverse=True)


def topic_cues(folded: str) -> dict[Topic, list[str]]:
    """For each topic, the cue phrases found in the question."""
    return {topic: hits for topic, cues in CUES.items() if (hits := phrase_hits(folded, cues))}


def strip_phrases(folded: str, phrases: Iterable[str]) -> str:
    """Remove whole-word occurrences of `phrases` (longest first) and function words."""
    padded = f" {folded} "
    for phrase in sorted(phrases, key=len, reverse=True):
        padded = padded.replace(f" {phrase} ", " ")
    return " ".join(w for w in padded.split() if w not in FUNCTION_WORDS)
