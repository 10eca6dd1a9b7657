"""What a free-text question asks for: its topic cues and its language.

Cues are the words of the question itself ("who plays", "quién hace de", "season 2"). Words for
individual facts ("directed", "estreno") live with the facts, as claim `keywords` in the knowledge,
so moderators can teach the bot a new question without touching code.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.core.answering.answer import Language, Topic
from bot.core.text import fold

SEASON2_NAMES = frozenset({
    "season 2", "season two", "second season", "2nd season", "s2", "new season", "next season",
    "another season", "more seasons", "temporada 2", "segunda temporada", "nueva temporada",
    "otra temporada", "proxima temporada", "somos 2",
})  # fmt: skip
"""Phrases that name the second season itself: a question using one is about season 2, even
when it also says "cast", "plot" or "episodes" (`season 2 cast`, `de qué trata la temporada 2`)."""

CUES: dict[Topic, frozenset[str]] = {
    Topic.CAST: frozenset({
        "who plays", "who played", "who is playing", "play", "plays", "played", "playing", "actor",
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
    Topic.SEASON2: SEASON2_NAMES | frozenset({
        "renewed", "renewal", "renew", "cancelled", "canceled", "cancel", "more episodes",
        "come back", "coming back", "return", "returning", "sequel", "renovada", "renovacion",
        "renuevan", "cancelada", "cancelaron", "mas episodios", "mas capitulos", "vuelve",
        "volvera", "regresa", "regresara", "continuacion", "secuela",
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
        "where do you get", "de donde sacas", "information", "informacion",
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
    ese the serie series show somos netflix
    whos whats wheres hows whens im u ur pls plz he she him her his they them their has have had
    am being bot
    esta estas estan estoy estos estas tiene tienen tuvo tenia le les ya muy pero si no o mas
    hace hacen hacer hizo hicieron kien kienes ke""".split()
)
"""Words that carry no subject of their own; everything else in a question must be understood."""

_SPANISH = frozenset(
    """quien quienes que cual cuales cuando donde como hay habra hace interpreta temporada
    temporadas episodio episodios capitulo capitulos serie el la los las es son de del una uno
    dime sobre trata basada reparto elenco estreno segunda nueva otra mas fue sera creo dirigio
    actor actriz personaje papel
    al con por para esta estas estan tiene tienen cuanto cuantos cuantas hola gracias ayuda
    fuentes comandos creadores creador dime dame hizo hicieron tendra saldra sale salio ver
    verla vale pena nota plataforma ocurre historia real noticias""".split()
)
_ENGLISH = frozenset(
    """who what which when where how is are was the there season seasons episode episodes plays
    played cast created directed based about will any more next second series show tell me it
    of does did do can you your whats whos gonna wanna pls name title called list has
    have many much with from for and new""".split()
)
_SPANISH_ENDINGS = ("aron", "ieron", "cion", "ciones")
"""Endings that only Spanish words have among the words fans type here (`renovaron`)."""


def detect_language(text: str) -> Language:
    """Spanish when the question reads as Spanish (`¿`, `ñ` or more Spanish words), else English."""
    if "¿" in text or "¡" in text:
        return Language.ES
    words = fold(text).split()
    spanish = sum(w in _SPANISH or w.endswith(_SPANISH_ENDINGS) for w in words)
    spanish += "ñ" in text.casefold()
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
