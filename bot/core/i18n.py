"""Every user-facing sentence the bot writes, in English and Spanish, in one place.

Knowledge text (names, titles, claims) is not translated here: a claim carries its own `text_es`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from bot.core.answering.answer import Language

_NUMBERS = {
    Language.EN: "zero one two three four five six seven eight nine ten eleven twelve".split(),
    Language.ES: "cero uno dos tres cuatro cinco seis siete ocho nueve diez once doce".split(),
}

_MONTHS = {
    Language.EN: [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ],
    Language.ES: [
        "enero", "febrero", "marzo", "abril", "mayo", "junio",
        "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
    ],
}

MESSAGES: dict[str, dict[Language, str]] = {
    # Labels
    "label.sources": {Language.EN: "Sources", Language.ES: "Fuentes"},
    "label.did_you_mean": {Language.EN: "Did you mean", Language.ES: "¿Quisiste decir"},
    "label.did_you_mean_end": {Language.EN: "?", Language.ES: "?"},
    "label.speculation": {Language.EN: "Speculation", Language.ES: "Especulación"},
    "label.disputed": {Language.EN: "Disputed", Language.ES: "En disputa"},
    "label.doubt": {Language.EN: "Doubtful", Language.ES: "Dudoso"},
    "label.report": {Language.EN: "Report a mistake", Language.ES: "Reportar un error"},
    "confidence.high": {Language.EN: "high", Language.ES: "alta"},
    "confidence.medium": {Language.EN: "medium", Language.ES: "media"},
    "confidence.low": {Language.EN: "low", Language.ES: "baja"},
    "confidence.none": {Language.EN: "none", Language.ES: "ninguna"},
    # Titles
    "title.cast": {Language.EN: "Cast of Somos.", Language.ES: "Reparto de Somos."},
    "title.episodes": {Language.EN: "Episodes of Somos.", Language.ES: "Episodios de Somos."},
    "title.episode": {
        Language.EN: "Episode {number}: {title}",
        Language.ES: "Episodio {number}: {title}",
    },
    "title.creators": {
        Language.EN: "The people behind Somos.",
        Language.ES: "Las personas detrás de Somos.",
    },
    "title.season2": {Language.EN: "A second season?", Language.ES: "¿Una segunda temporada?"},
    "title.show": {Language.EN: "About {title}", Language.ES: "Sobre {title}"},
    "title.sources": {
        Language.EN: "Where the answers come from",
        Language.ES: "De dónde salen las respuestas",
    },
    "title.help": {Language.EN: "What you can ask", Language.ES: "Qué puedes preguntar"},
    "title.unknown": {Language.EN: "I don't know that", Language.ES: "No lo sé"},
    "title.did_you_mean": {Language.EN: "Did you mean…?", Language.ES: "¿Quisiste decir…?"},
    # Caveats
    "caveat.agree": {
        Language.EN: "{count} sources agree",
        Language.ES: "{count} fuentes coinciden",
    },
    "caveat.single": {
        Language.EN: "only one source reports this",
        Language.ES: "solo una fuente lo dice",
    },
    "caveat.reason_speculation": {
        Language.EN: "it is the articles' speculation",
        Language.ES: "es especulación de los artículos",
    },
    "caveat.reason_doubt": {
        Language.EN: "the moderators doubt part of it",
        Language.ES: "los moderadores dudan de una parte",
    },
    "caveat.reason_disputed": {
        Language.EN: "the sources disagree",
        Language.ES: "las fuentes no coinciden",
    },
    "caveat.reason_outnumbered": {
        Language.EN: "most sources agree, but one disagrees",
        Language.ES: "la mayoría de las fuentes coinciden, pero una no",
    },
    "caveat.level": {
        Language.EN: "Confidence {level}: {reason}.",
        Language.ES: "Confianza {level}: {reason}.",
    },
    "caveat.disagree": {
        Language.EN: "Sources disagree: {details}.",
        Language.ES: "Las fuentes no coinciden: {details}.",
    },
    "caveat.doubt": {Language.EN: "Doubtful: {details}.", Language.ES: "Dudoso: {details}."},
    "caveat.speculation": {
        Language.EN: "Parts marked speculation are guesses by the articles, not announcements.",
        Language.ES: "Lo marcado como especulación son conjeturas de los artículos, no anuncios.",
    },
    "caveat.age": {
        Language.EN: "The newest information is from {date}, {ago}.",
        Language.ES: "La información más reciente es de {date}, {ago}.",
    },
    "caveat.none": {
        Language.EN: "Nothing in the knowledge base answers this, so I won't guess.",
        Language.ES: "Nada en la base de conocimiento responde a esto, así que no voy a adivinar.",
    },
    "caveat.unsure": {
        Language.EN: "I am not sure which one you mean, so I won't guess.",
        Language.ES: "No estoy seguro de a cuál te refieres, así que no voy a adivinar.",
    },
    "caveat.meta": {
        Language.EN: "This is about the bot itself, not a claim about the show.",
        Language.ES: "Esto trata del bot, no es una afirmación sobre la serie.",
    },
    # Ages
    "age.month": {Language.EN: "less than a month ago", Language.ES: "hace menos de un mes"},
    "age.months": {Language.EN: "{n} months ago", Language.ES: "hace {n} meses"},
    "age.one_month": {Language.EN: "one month ago", Language.ES: "hace un mes"},
    "age.years": {Language.EN: "{n} years ago", Language.ES: "hace {n} años"},
    "age.one_year": {Language.EN: "one year ago", Language.ES: "hace un año"},
    "age.more_years": {
        Language.EN: "more than {n} years ago",
        Language.ES: "hace más de {n} años",
    },
    "age.more_one_year": {
        Language.EN: "more than a year ago",
        Language.ES: "hace más de un año",
    },
    "age.future": {Language.EN: "a date still to come", Language.ES: "una fecha aún por llegar"},
    "date.month_year": {Language.EN: "{month} {year}", Language.ES: "{month} de {year}"},
    "date.day_month_year": {
        Language.EN: "{day} {month} {year}",
        Language.ES: "{day} de {month} de {year}",
    },
    "date.range": {Language.EN: "{start}–{end}", Language.ES: "{start}–{end}"},
    # Bodies
    "text.unknown": {
        Language.EN: "I can't answer “{query}” from what I know.",
        Language.ES: "No puedo responder a «{query}» con lo que sé.",
    },
    "text.unknown_name": {
        Language.EN: "“{query}” is not a name I know from Somos.",
        Language.ES: "«{query}» no es un nombre que conozca de Somos.",
    },
    "text.no_episode": {
        Language.EN: "Somos. has {count} episodes; there is no episode {number}.",
        Language.ES: "Somos. tiene {count} episodios; no existe el episodio {number}.",
    },
    "text.did_you_mean": {
        Language.EN: "I'm not sure what “{query}” refers to. Did you mean one of these?",
        Language.ES: (
            "No estoy seguro de a qué se refiere «{query}». ¿Quisiste decir alguno de estos?"
        ),
    },
    "text.can_answer": {
        Language.EN: "I can answer about the cast, the episodes, the people behind the show, "
        "the show itself and a possible second season. Try /help.",
        Language.ES: "Puedo responder sobre el reparto, los episodios, las personas detrás de la "
        "serie, la serie misma y una posible segunda temporada. Prueba /help.",
    },
    "text.plays": {
        Language.EN: "{actor} as {character}",
        Language.ES: "{actor} como {character}",
    },
    "text.episode_line": {
        Language.EN: "Episode {number}: “{title}”",
        Language.ES: "Episodio {number}: «{title}»",
    },
    "text.source_line": {
        Language.EN: "[{number}] “{title}”, {kind}, published {date}.",
        Language.ES: "[{number}] «{title}», {kind}, publicado en {date}.",
    },
    "text.known_errors": {
        Language.EN: "Known mistakes: {errors}",
        Language.ES: "Errores conocidos: {errors}",
    },
    "text.speculation_prefix": {Language.EN: "Speculation: ", Language.ES: "Especulación: "},
    "text.disputed_by": {
        Language.EN: "[{number}] says otherwise: {says}",
        Language.ES: "[{number}] dice otra cosa: {says}",
    },
    "text.shortened": {
        Language.EN: "Your question was very long; I read only its first {limit} characters.",
        Language.ES: "Tu pregunta era muy larga; solo leí sus primeros {limit} caracteres.",
    },
    "text.empty": {
        Language.EN: "Ask me something about Somos., or try /help.",
        Language.ES: "Pregúntame algo sobre Somos., o prueba /help.",
    },
    "help.body": {
        Language.EN: (
            "/cast [name]: who plays whom (try /cast Doña Chayo)\n"
            "/episode [which]: an episode by number or title (try /episode 3)\n"
            "/creators: the people behind the show\n"
            "/season2: is a second season coming?\n"
            "/about: the show itself\n"
            "/sources: the articles the answers come from\n"
            "/ask [question]: anything else, in English or Spanish\n"
            "Every answer lists its numbered sources and says how far to trust it."
        ),
        Language.ES: (
            "/cast [nombre]: quién interpreta a quién (prueba /cast Doña Chayo)\n"
            "/episode [cuál]: un episodio por número o título (prueba /episode 3)\n"
            "/creators: las personas detrás de la serie\n"
            "/season2: ¿habrá segunda temporada?\n"
            "/about: la serie\n"
            "/sources: los artículos de los que salen las respuestas\n"
            "/ask [pregunta]: cualquier otra cosa, en español o inglés\n"
            "Cada respuesta cita sus fuentes numeradas y dice cuánto fiarse de ella."
        ),
    },
    # Discord adapter: errors, reports, moderators, command descriptions (each ≤ 100 chars)
    "discord.error.generic": {
        Language.EN: "Something went wrong on my side; it has been logged. Please try again.",
        Language.ES: "Algo falló de mi lado; quedó registrado. Inténtalo de nuevo, por favor.",
    },
    "discord.error.cooldown": {
        Language.EN: "Easy there! Try again in {seconds}s.",
        Language.ES: "¡Con calma! Vuelve a intentarlo en {seconds} s.",
    },
    "discord.error.no_permission": {
        Language.EN: "Only members with the Manage Server permission can do this.",
        Language.ES: "Solo quienes tienen el permiso Gestionar servidor pueden hacer esto.",
    },
    "discord.error.guild_only": {
        Language.EN: "This only works inside a server.",
        Language.ES: "Esto solo funciona dentro de un servidor.",
    },
    "discord.report.title": {Language.EN: "Report a mistake", Language.ES: "Reportar un error"},
    "discord.report.label": {Language.EN: "What is wrong?", Language.ES: "¿Qué está mal?"},
    "discord.report.placeholder": {
        Language.EN: "E.g. the actor's name is misspelled; the right one is…",
        Language.ES: "P. ej., el nombre del actor está mal escrito; el correcto es…",
    },
    "discord.report.thanks": {
        Language.EN: "Thank you! The moderators will look at your report.",
        Language.ES: "¡Gracias! Los moderadores revisarán tu reporte.",
    },
    "discord.report.failed": {
        Language.EN: "Sorry, I could not save your report right now. Please try again later.",
        Language.ES: "Lo siento, ahora no pude guardar tu reporte. Inténtalo más tarde.",
    },
    "discord.kb.reload_ok": {
        Language.EN: "Knowledge reloaded: {summary}.",
        Language.ES: "Conocimiento recargado: {summary}.",
    },
    "discord.kb.reload_failed": {
        Language.EN: "The knowledge has {count} error(s); I keep answering from the last good "
        "version. Fix these and run /kb reload again:",
        Language.ES: "El conocimiento tiene {count} error(es); sigo respondiendo con la última "
        "versión buena. Corrígelos y vuelve a usar /kb reload:",
    },
    "discord.kb.status_title": {
        Language.EN: "Knowledge status",
        Language.ES: "Estado del conocimiento",
    },
    "discord.kb.loaded_at": {Language.EN: "Loaded", Language.ES: "Cargado"},
    "discord.kb.summary": {Language.EN: "Knowledge", Language.ES: "Conocimiento"},
    "discord.kb.last_error": {Language.EN: "Last reload error", Language.ES: "Último error"},
    "discord.kb.database": {Language.EN: "Database", Language.ES: "Base de datos"},
    "discord.kb.none": {Language.EN: "none", Language.ES: "ninguno"},
    "discord.kb.gaps_title": {
        Language.EN: "Most asked unanswered questions",
        Language.ES: "Preguntas sin respuesta más frecuentes",
    },
    "discord.kb.no_gaps": {
        Language.EN: "No unanswered questions recorded.",
        Language.ES: "No hay preguntas sin respuesta registradas.",
    },
    "discord.kb.gap_line": {Language.EN: "{count}× {question}", Language.ES: "{count}× {question}"},
    "discord.kb.reports_title": {Language.EN: "Latest reports", Language.ES: "Últimos reportes"},
    "discord.kb.no_reports": {
        Language.EN: "No reports yet.",
        Language.ES: "Todavía no hay reportes.",
    },
    "discord.kb.report_line": {
        Language.EN: "#{id} {when} by <@{user}> on “{question}”: {report}",
        Language.ES: "#{id} {when} de <@{user}> sobre «{question}»: {report}",
    },
    "cmd.cast": {
        Language.EN: "Who plays whom in Somos.",
        Language.ES: "Quién interpreta a quién en Somos.",
    },
    "cmd.cast.name": {
        Language.EN: "An actor or a character, e.g. Doña Chayo",
        Language.ES: "Un actor o un personaje, p. ej. Doña Chayo",
    },
    "cmd.episode": {
        Language.EN: "An episode by number or title",
        Language.ES: "Un episodio por número o título",
    },
    "cmd.episode.which": {
        Language.EN: "Episode number or title",
        Language.ES: "Número o título del episodio",
    },
    "cmd.creators": {
        Language.EN: "The people behind the show",
        Language.ES: "Las personas detrás de la serie",
    },
    "cmd.season2": {
        Language.EN: "Is a second season coming?",
        Language.ES: "¿Habrá una segunda temporada?",
    },
    "cmd.about": {Language.EN: "About the show itself", Language.ES: "Sobre la serie"},
    "cmd.ask": {
        Language.EN: "Ask anything about Somos., in English or Spanish",
        Language.ES: "Pregunta lo que sea sobre Somos., en español o inglés",
    },
    "cmd.ask.question": {Language.EN: "Your question", Language.ES: "Tu pregunta"},
    "cmd.sources": {
        Language.EN: "The articles the answers come from",
        Language.ES: "Los artículos de los que salen las respuestas",
    },
    "cmd.help": {Language.EN: "What you can ask", Language.ES: "Qué puedes preguntar"},
    "cmd.kb": {
        Language.EN: "Manage the knowledge base",
        Language.ES: "Gestionar la base de conocimiento",
    },
    "cmd.kb.reload": {
        Language.EN: "Check and reload the knowledge files",
        Language.ES: "Comprobar y recargar los archivos de conocimiento",
    },
    "cmd.kb.status": {
        Language.EN: "What is loaded, and the health of the database",
        Language.ES: "Qué está cargado y el estado de la base de datos",
    },
    "cmd.kb.gaps": {
        Language.EN: "The most asked questions I could not answer",
        Language.ES: "Las preguntas más frecuentes que no pude responder",
    },
    "cmd.kb.reports": {
        Language.EN: "The latest mistake reports from fans",
        Language.ES: "Los últimos reportes de errores de los fans",
    },
}


def t(key: str, language: Language = Language.EN, /, **values: Any) -> str:
    """The message `key` in `language`, with `values` filled in."""
    return MESSAGES[key][language].format(**values)


def number_word(n: int, language: Language) -> str:
    """`4` → `four` / `cuatro`; larger numbers stay digits."""
    words = _NUMBERS[language]
    return words[n] if 0 <= n < len(words) else str(n)


def month_name(month: int, language: Language) -> str:
    """`6` → `June` / `junio`."""
    return _MONTHS[language][month - 1]


def age_in_words(then: dt.date, today: dt.date, language: Language) -> str:
    """How long ago `then` was, e.g. `more than four years ago`, computed from `today`."""
    if then > today:
        return t("age.future", language)
    months = (today.year - then.year) * 12 + today.month - then.month
    if today.day < then.day:
        months -= 1
    if months < 1:
        return t("age.month", language)
    if months == 1:
        return t("age.one_month", language)
    if months < 12:
        return t("age.months", language, n=number_word(months, language))
    years, rest = divmod(months, 12)
    if rest == 0:
        key = "age.one_year" if years == 1 else "age.years"
    else:
        key = "age.more_one_year" if years == 1 else "age.more_years"
    return t(key, language, n=number_word(years, language))
