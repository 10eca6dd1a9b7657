"""General rules of question understanding: inflections, typing slips, and facts no claim holds."""

from __future__ import annotations

import pytest

from bot.core.answering.answer import Language, Topic
from bot.core.answering.engine import Engine
from bot.core.answering.intents import CUES, stem, topic_cues
from bot.core.answering.reading import (
    AskClaims,
    AskEntities,
    AskEntity,
    AskEpisode,
    AskTopic,
    Blank,
    Decline,
    Unsure,
)
from bot.core.matching.episodes import parse_episode_reference, parse_episode_references


def test_inflected_forms_share_a_stem() -> None:
    assert stem("escribieron") == stem("escribio") == "escrib"
    assert stem("inspiro") == stem("inspired")
    assert stem("casada") != stem("casting"), "too short a stem says nothing"


@pytest.mark.parametrize(
    "folded",
    [
        "who plays chema",
        "is there going to be a second season of somos",
        "quien escribio y dirigio la serie y cuando sale la segunda temporada",
        "whoplays chema seasons",
        "",
    ],
)
def test_topic_cues_are_every_whole_word_cue_longest_first(folded: str) -> None:
    found = topic_cues(folded)
    padded = f" {folded} "
    expected = {
        topic: {cue for cue in cues if f" {cue} " in padded} for topic, cues in CUES.items()
    }
    assert {topic: set(hits) for topic, hits in found.items()} == {
        topic: hits for topic, hits in expected.items() if hits
    }
    for hits in found.values():
        assert [len(hit) for hit in hits] == sorted((len(hit) for hit in hits), reverse=True)
        assert len(hits) == len(set(hits))


def test_topic_cues_point_one_question_at_several_topics() -> None:
    found = topic_cues("who plays chema and is there a season 2")
    assert {Topic.CAST, Topic.SEASON2} <= found.keys()
    assert topic_cues("whoplays") == {}


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("quienes escribieron el guion", Topic.CREATORS),
        ("dirigieron somos?", Topic.CREATORS),
        ("who dirrected it", Topic.CREATORS),
        ("is there gonna be a sesaon 2", Topic.SEASON2),
    ],
)
def test_inflections_and_typing_slips_are_understood(
    engine: Engine, question: str, topic: Topic
) -> None:
    assert engine.ask(question).topic is topic


def test_a_real_word_is_not_corrected_into_another(engine: Engine) -> None:
    """`called` is not `cancelled`, `person` is not `personaje`."""
    assert engine.ask("why is it called somos. with a period").topic is Topic.SHOW
    assert engine.ask("is benjamin a real person").topic is Topic.UNKNOWN


@pytest.mark.parametrize(
    "question",
    [
        "how long is episode 2",
        "how old is jero medina",
        "where was somos filmed",
        "who composed the music",
        "cuanto dura el capitulo 3",
        "what happened to benjamin at the end",
        "what other shows has caraly sanchez been in",
    ],
)
def test_a_kind_of_fact_no_claim_holds_is_declined(engine: Engine, question: str) -> None:
    assert engine.ask(question).topic is Topic.UNKNOWN


def test_a_keyword_that_covers_the_kind_of_fact_answers_it(engine: Engine) -> None:
    """`nominated` is a claim keyword, so the award question about Schamus is answered."""
    answer = engine.ask("was james schamus nominated for an oscar")
    assert answer.topic is Topic.CREATORS and "Oscar" in answer.text


# ----------------------------------------------------------------- claim retrieval (BM25)


def test_claim_index_weighs_rare_words_over_common_ones(engine: Engine) -> None:
    """`zetas` is in one claim or two, `season` in many: the rare word says more."""
    weights = engine.reader.claims.search(["zetas", "season"]).weights
    assert weights["zetas"] > weights["season"]
    assert engine.reader.claims.unknown_idf > max(weights.values()), "an unknown word weighs most"


def test_claim_index_reads_a_long_misspelt_word_but_not_a_short_one(engine: Engine) -> None:
    assert engine.reader.claims.term_of("cinematografer") is not None
    assert engine.reader.claims.term_of("chapo") is None, "short words are never read as another"


def test_neighbouring_words_are_one_piece_of_evidence(engine: Engine) -> None:
    """A phrase (`worth watching`) counts once; rare words meeting in one claim add up."""
    phrase = engine.reader.claims.search("narcos mexico worth watching".split()).coverage
    spread = engine.reader.claims.search("why did the zetas attack allende".split()).coverage
    assert spread > engine.reader.claims.unknown_idf > phrase


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("why did the zetas attack allende", "DEA"),
        ("does it have one main hero or is it more of an ensemble", "ordinary people"),
        ("when does netflix usually decide on another season", "three months"),
    ],
)
def test_a_paraphrase_with_one_unknown_word_is_answered_from_its_claim(
    engine: Engine, question: str, fact: str
) -> None:
    answer = engine.ask(question)
    assert answer.topic is not Topic.UNKNOWN and fact in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "is narcos mexico worth watching",
        "one piece live action",
        "breaking bad's cast",
        "which outlet published ginger thompsons article",
        "cuantas vistas tuvo en netflix",
        "season 2 of elite",
        "who directed roma",
        "how many views did it get",
    ],
)
def test_another_work_or_an_unknown_kind_of_fact_is_declined(engine: Engine, question: str) -> None:
    assert engine.ask(question).topic is Topic.UNKNOWN


# ------------------------------------------------------------------------------ near names


@pytest.mark.parametrize(
    "question",
    ["reparto de la serie de el chapo", "who plays chapo", "de que trata la casa de las flores"],
)
def test_a_different_proper_noun_is_not_read_as_a_short_name(engine: Engine, question: str) -> None:
    """`chapo` is not `Chayo`, `flores` is not `Flor`: at most a "did you mean"."""
    answer = engine.ask(question)
    assert answer.topic is Topic.UNKNOWN and not answer.facts


def test_a_slip_in_a_name_still_finds_it(engine: Engine) -> None:
    assert "Jero Medina" in engine.ask("who plays benjamn").text
    assert "Kerry Ardra" in engine.ask("kery ardra character").text


# --------------------------------------------------------------------------------- language


def test_the_reply_language_ignores_the_words_of_a_title(engine: Engine) -> None:
    assert engine.ask("en q episodio es tell the moon to come").language is Language.ES
    assert engine.ask("which episode is tell the moon to come").language is Language.EN


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("erika = areli gonzalez verdad?", Language.ES),
        ("ya me voy a dormir, bye", Language.ES),
        ("eres un robot?", Language.ES),
        ("que otras series ha dirigido mariana chenillo", Language.ES),
        ("what other series has mariana chenillo directed", Language.EN),
    ],
)
def test_everyday_spanish_words_make_a_question_spanish(
    engine: Engine, question: str, language: Language
) -> None:
    assert engine.ask(question).language is language


# ------------------------------------------------------------------- filler and named things


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        (
            "my mom asked me who the guy playing chema is, she swears she knows his face",
            "Everardo Arzate",
        ),
        ("the kid paquito, whos that", "Jesús Sida"),
        ("so is it a true story?? my sister says its made up", "Ginger Thompson"),
        ("who plays erika and who plays irene", "Iliana Donatlán"),
    ],
)
def test_everyday_words_around_a_question_do_not_hide_it(
    engine: Engine, question: str, fact: str
) -> None:
    """Filler ("mom", "swears", "face") weighs nothing against the words that meet in a claim."""
    assert fact in engine.ask(question).text


@pytest.mark.parametrize(
    "question",
    [
        "my mom asked how old jero medina is",
        "what was the budget, my dad wants to know",
        "is breaking bad worth watching",
        "who plays walter white, my brother swears he knows",
    ],
)
def test_a_subject_word_among_filler_is_still_declined(engine: Engine, question: str) -> None:
    """Filler is no evidence either way: `old`, `budget` or another title still decide."""
    assert engine.ask(question).topic is Topic.UNKNOWN


@pytest.mark.parametrize("question", ["good bot", "thanks bot", "jajaja que buena serie", "lol"])
def test_a_remark_is_not_a_question(engine: Engine, question: str) -> None:
    assert engine.ask(question).topic is Topic.UNKNOWN


def test_a_question_with_a_remarks_words_is_still_answered(engine: Engine) -> None:
    assert engine.ask("is it good").topic is Topic.SHOW


def test_another_work_a_claim_names_is_not_this_show(engine: Engine) -> None:
    """Schamus is known for Crouching Tiger: asked about that film, the bot knows nothing."""
    assert engine.ask("who was in crouching tiger hidden dragon").topic is Topic.UNKNOWN
    assert "James Schamus" in engine.ask("el de crouching tiger hizo somos??").text


@pytest.mark.parametrize(
    ("question", "title"),
    [
        ("1x02", "A Mouth Full of Flies"),
        ("S1E6", "Somos."),
        ("a walk with wolves is what number", "Episode 4"),
    ],
)
def test_episode_codes_and_numbers(engine: Engine, question: str, title: str) -> None:
    assert title in engine.ask(question).title


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("que fuentes usas", Topic.SOURCES),
        ("en que articulos te basas", Topic.SOURCES),
        ("do your sources have mistakes in them", Topic.SOURCES),
        ("how old is the latest updates and news article", Topic.SOURCES),
        ("season 2 release date", Topic.SEASON2),
        ("comandos disponibles?", Topic.HELP),
        ("necesito ayuda, como funciona esto", Topic.HELP),
    ],
)
def test_questions_about_the_bot_and_its_articles(
    engine: Engine, question: str, topic: Topic
) -> None:
    """A source's title names that source only beside a word for an article."""
    assert engine.ask(question).topic is topic


@pytest.mark.parametrize(
    ("question", "answered"),
    [
        ("my sister says chema is played by someone famous, who is it", True),
        ("the kid paquito, whos that", True),
        ("who plays the mom in somos", False),
        ("who plays chema's dad", False),
        ("does mercedes hernandez have kids", False),
        ("quien dirigio y tu mama tambien", False),
    ],
)
def test_family_words_are_filler_only_as_who_asks_or_beside_a_name(
    engine: Engine, question: str, answered: bool
) -> None:
    """`my mom` is who asks; `the mom` or `chema's dad` is what is asked."""
    assert (engine.ask(question).topic is not Topic.UNKNOWN) is answered


@pytest.mark.parametrize(
    "question",
    [
        "do you like somos",
        "what did you think of the ending",
        "recommend me a show like somos",
        "who made you",
        "good job bot",
    ],
)
def test_the_bots_opinion_and_other_shows_are_declined(engine: Engine, question: str) -> None:
    assert engine.ask(question).topic is Topic.UNKNOWN


@pytest.mark.parametrize(
    "question",
    [
        "is chema real",
        "is benjamin a good guy",
        "was jero medina good in it",
        "is dona chayo based on a real woman",
    ],
)
def test_a_judgement_of_a_name_with_no_intent_is_declined(engine: Engine, question: str) -> None:
    """Words of judgement are filler around a question, but said of a name they ask a trait."""
    assert engine.ask(question).topic is Topic.UNKNOWN


def test_chatter_beside_a_name_still_asks_about_it(engine: Engine) -> None:
    assert "Kerry Ardra" in engine.ask("que es eso de kerry ardra, no la encuentro").text


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("why does episode 1 have alvaro after the title", "Álvaro"),
        ("what does 'the creator of netflix' mean in that article", "creator of Netflix"),
        ("when was the latest updates article published", "Latest Updates And News For You"),
        ("fecha del articulo latest updates", "Latest Updates And News For You"),
    ],
)
def test_a_sources_known_slip_or_title_is_answered_by_the_sources(
    engine: Engine, question: str, fact: str
) -> None:
    answer = engine.ask(question)
    assert answer.topic is Topic.SOURCES
    assert fact.casefold() in answer.text.casefold()


@pytest.mark.parametrize(
    "question", ["who is alvaro", "does somos have six seasons?? some site said so"]
)
def test_a_slip_alone_or_one_a_claim_answers_is_not_sent_to_the_sources(
    engine: Engine, question: str
) -> None:
    assert engine.ask(question).topic is not Topic.SOURCES


@pytest.mark.parametrize(
    "question",
    [
        "what happens in episode 3",
        "qué pasa en el capítulo 2",
        "how does it end",
        "what happens to benjamin",
        "good night everyone",
        "night",
    ],
)
def test_plots_and_a_common_word_of_a_title_are_declined(engine: Engine, question: str) -> None:
    assert engine.ask(question).topic is Topic.UNKNOWN


def test_a_cardinal_before_an_episode_word_names_no_episode(engine: Engine) -> None:
    """`the moon one episode` is not episode 1 (nor is `six episodes` episode 6)."""
    assert "Episode 1 is titled" not in engine.ask("the moon one episode").text
    assert "Episode 6 is titled" not in engine.ask("are there six episodes").text


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("the lady who plays chayo was incredible, who is she?", "Mercedes Hernández"),
        ("any word on whether netflix is making another season??", "renewed"),
        ("where is somos from", "Mexican"),
        ("in what order do the episodes go?", "A Walk with Wolves"),
    ],
)
def test_chatty_questions_with_a_clear_subject_are_answered(
    engine: Engine, question: str, fact: str
) -> None:
    assert fact in engine.ask(question).text


@pytest.mark.parametrize(
    "question",
    [
        "cuando sale la nueva de elite",
        "when is the new season of lupin out",
        "la proxima temporada de dark cuando",
        "season 3 of the witcher?",
    ],
)
def test_the_work_a_season_belongs_to_is_another_show(engine: Engine, question: str) -> None:
    assert engine.ask(question).topic is Topic.UNKNOWN


@pytest.mark.parametrize("question", ["la nueva temporada de somos", "season 2 of somos"])
def test_this_shows_own_season_is_still_season_2(engine: Engine, question: str) -> None:
    assert engine.ask(question).topic is Topic.SEASON2


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("was bingeing it last night, who plays chema again", "Everardo Arzate"),
        ("no mames que final, va a haber otra temporada?", "renovado"),
        ("algunos creen que quizas haya temporada 2, aunque no se", "renovado"),
        ("perhaps somebody knows who created somos, somehow", "James Schamus"),
    ],
)
def test_everyday_words_in_any_form_do_not_hide_a_question(
    engine: Engine, question: str, fact: str
) -> None:
    assert fact in engine.ask(question).text


@pytest.mark.parametrize("question", ["buenas noches", "buenos dias a todos"])
def test_a_greeting_in_any_form_is_a_remark(engine: Engine, question: str) -> None:
    assert engine.ask(question).topic is Topic.UNKNOWN


def test_a_question_is_read_into_the_answer_it_asks_for(engine: Engine) -> None:
    """The reader names the answer; the engine composes it. Each kind of route, once."""
    reader = engine.reader
    assert isinstance(reader.read("????"), Blank)
    assert isinstance(reader.read("who plays walter white in breaking bad"), Decline)
    assert reader.read("why does episode 1 have alvaro after the title") == AskTopic(Topic.SOURCES)
    assert reader.read("ep 3 name") == AskEpisode(3)
    chayo = reader.read("who plays doña chayo")
    assert isinstance(chayo, AskEntity)
    assert engine.knowledge.entity(chayo.entity_id).actor == "Mercedes Hernández"  # type: ignore[union-attr]
    both = reader.read("who plays erika and who plays irene")
    assert isinstance(both, AskEntities) and len(both.entity_ids) == 2
    directed = reader.read("who directed it")
    assert isinstance(directed, AskClaims) and directed.topic is Topic.CREATORS
    assert all("direct" in claim.text for claim in directed.claims)
    assert reader.read("is there a season 2") == AskTopic(Topic.SEASON2)
    unsure = reader.read("who plays irine")
    assert isinstance(unsure, Unsure) and unsure.resolution is not None
    assert unsure.resolution.candidates[0].name == "Iliana Donatlán"  # who plays Irene


@pytest.mark.parametrize(
    "question",
    [
        "elite season 2 when",
        "making a murderer season 3??",
        "narcos temporada 4 cuando sale",
        "when did crouching tiger hidden dragon come out",
        "is crouching tiger any good",
    ],
)
def test_another_work_named_as_the_subject_is_declined(engine: Engine, question: str) -> None:
    assert engine.ask(question).topic is Topic.UNKNOWN


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("somos season 2 when", "renewed"),
        ("the crouching tiger writer made this?", "James Schamus"),
        ("what did schamus do besides crouching tiger", "Crouching Tiger"),
        ("the kid who plays paquito, what's his name", "Jesús Sida"),
        ("jero medina is benjamin, right?", "Benjamín"),
        ("everardo arzate es chema, verdad?", "Chema"),
    ],
)
def test_descriptions_and_tag_questions_still_ask_about_this_show(
    engine: Engine, question: str, fact: str
) -> None:
    assert fact in engine.ask(question).text


@pytest.mark.parametrize(
    "question",
    [
        "what year did ginger thompson win her pulitzer",
        "when did jero medina start acting",
        "crouching tiger hidden dragon cast",
        "whos in the cast of when they see us",
        "is making a murderer worth it",
        "el reparto de la casa de las flores",
    ],
)
def test_facts_of_other_works_and_undated_people_are_declined(
    engine: Engine, question: str
) -> None:
    assert engine.ask(question).topic is Topic.UNKNOWN


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("when did somos come out", "30 June 2021"),
        ("did the crouching tiger guy make this", "James Schamus"),
        ("who is in the cast of the show", "Mercedes Hernández"),
        ("is somos worth it", "well received"),
        ("is it likely we get more somos", "limited series"),
    ],
)
def test_the_same_shapes_about_this_show_are_answered(
    engine: Engine, question: str, fact: str
) -> None:
    assert fact in engine.ask(question).text


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("/creators directors", "Mariana Chenillo"),
        ("/creators writer", "Monika Revilla"),
        ("whats the name of the second to last episode", "The Night Belongs to Us"),
        ("el penultimo capitulo como se llama", "The Night Belongs to Us"),
        ("what else did schamus write", "Crouching Tiger"),
        ("is somos on prime video?", "Netflix"),
        ("quien produjo somos", "Netflix"),
    ],
)
def test_roles_the_episode_before_last_and_where_to_watch(
    engine: Engine, question: str, fact: str
) -> None:
    assert fact in engine.ask(question).text


def test_what_else_is_answered_only_for_a_name_whose_claims_say(engine: Engine) -> None:
    assert engine.ask("what else did ginger thompson write").topic is Topic.UNKNOWN
    assert engine.ask("what other shows did curiel direct").topic is Topic.UNKNOWN
    assert engine.ask("que otras peliculas tiene mercedes hernandez").topic is Topic.UNKNOWN
    assert "Crouching Tiger" in engine.ask("what other movies did schamus write").text


def test_a_kind_of_fact_is_covered_by_a_keyword_whatever_its_function_words(
    engine: Engine,
) -> None:
    # `what happened` is a keyword of the story's claim: `in` needs none.
    assert "Allende" in engine.ask("what happened in allende").text
    assert "Allende" in engine.ask("que paso en allende").text
    assert engine.ask("what happens in episode 3").topic is Topic.UNKNOWN


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("whos in somos besides the two leads", "Arelí González"),
        ("whos in the cast besides chema", "Mercedes Hernández"),
        ("which article says schamus directed it", "calls James Schamus the director"),
        ("what article is the show based on", "How the U.S. Triggered a Massacre in Mexico"),
        ("why did the zetas go after the people of allende", "DEA"),
        ("whos the mastermind behind somos", "James Schamus"),
    ],
)
def test_the_rest_of_a_list_which_source_says_it_and_why(
    engine: Engine, question: str, fact: str
) -> None:
    assert fact in engine.ask(question).text


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("benja actor?", "Jero Medina"),
        ("quien hace de benja", "Jero Medina"),
        ("who plays the old lady doña chayo", "Mercedes Hernández"),
        ("el chavo flaco que hace de chema como se llama", "Everardo Arzate"),
        ("donatlan sale como quien", "Irene"),
        ("dp on somos?", "Ignacio Prieto"),
        ("wey el capitulo 3 como se llamaba", "Tell the Moon to Come"),
        ("s2 somos netflix renewal status pls", "2022"),
    ],
)
def test_short_forms_descriptions_and_more_cue_words_are_understood(
    engine: Engine, question: str, fact: str
) -> None:
    assert fact in engine.ask(question).text


def test_a_beginning_shared_by_two_names_is_neither(engine: Engine) -> None:
    # `mari` begins both `María` (Flor María) and `Mariana` (Chenillo).
    assert not isinstance(engine.reader.read("quien interpreta a mari"), AskEntity)
    assert engine.reader.read("quien interpreta a benja") == AskEntity("jero-medina")


@pytest.mark.parametrize(
    "question",
    ["how old is doña chayo", "how old is the old lady doña chayo", "who plays the police man"],
)
def test_a_description_is_borne_only_beside_a_person_noun_and_a_name(
    engine: Engine, question: str
) -> None:
    assert engine.ask(question).topic is Topic.UNKNOWN


def test_chatter_sentences_of_a_long_message_are_set_aside(engine: Engine) -> None:
    answer = engine.ask("hey guys, huge fan from texas. who plays chema in somos? thanks!")
    assert "Everardo Arzate" in answer.text
    # The sentence that names another show still counts when the question names nothing of this.
    assert engine.ask("i just watched narcos. is there a second season?").topic is Topic.UNKNOWN


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("wat is somos abt", "Allende"),
        ("who r the creators", "James Schamus"),
        ("cuz i wanna know who plays irene", "Iliana Donatlán"),
        ("tmb quiero saber quien hace de irene", "Iliana Donatlán"),
        ("wats the 3rd ep called", "Tell the Moon to Come"),
    ],
)
def test_chat_spellings_are_read_as_the_words_they_stand_for(
    engine: Engine, question: str, fact: str
) -> None:
    assert fact in engine.ask(question).text


@pytest.mark.parametrize(
    "question",
    [
        "what happened to the real people the characters are based on after the massacre",
        "que le paso a la gente de allende",
        "what happened to benjamin",
        "cuantas personas murieron en la masacre de allende",
        "ya termine somos, ahora q me recomiendan? algo tipo el marginal",
        "recomiendame algo parecido a somos",
        "que paso en allende despues de la masacre",
        "who was killed after the massacre",
    ],
)
def test_fates_tolls_and_shows_like_this_one_are_declined(engine: Engine, question: str) -> None:
    assert engine.ask(question).topic is Topic.UNKNOWN


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("what happened in allende", Topic.SHOW),
        ("what happened to allende", Topic.SHOW),
        ("que paso en allende", Topic.SHOW),
        ("las personas detras de somos", Topic.CREATORS),
    ],
)
def test_what_a_keyword_is_said_of_decides_whether_it_covers_the_question(
    engine: Engine, question: str, topic: Topic
) -> None:
    assert engine.ask(question).topic is topic


@pytest.mark.parametrize(
    "question",
    [
        "who plays irene in episode 4",
        "episode 4 who plays irene",
        "ok so i just finished ep 4 and im wrecked. the woman who plays irene, whats her name?",
    ],
)
def test_a_person_asked_about_beside_an_episode_is_the_subject(
    engine: Engine, question: str
) -> None:
    assert "Iliana Donatlán" in engine.ask(question).text


def test_an_episode_without_a_person_asked_about_is_still_the_subject(engine: Engine) -> None:
    assert engine.ask("who directed episode 3").topic is Topic.EPISODE


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("what is this bot based on", Topic.SOURCES),
        ("which articles is this bot based on, are they reliable", Topic.SOURCES),
        ("en que se basa el bot", Topic.SOURCES),
        ("what sites do u pull from", Topic.SOURCES),
        ("what is somos based on", Topic.SHOW),
        ("en que se basa la serie", Topic.SHOW),
    ],
)
def test_a_cue_inside_a_longer_cue_of_another_topic_is_part_of_it(
    engine: Engine, question: str, topic: Topic
) -> None:
    assert engine.ask(question).topic is topic


@pytest.mark.parametrize(
    "question",
    [
        "my gf thinks its a spanish show but im pretty sure its from mexico, which is it",
        "es de mexico o de españa?",
    ],
)
def test_where_the_show_is_from_is_answered_by_its_claim(engine: Engine, question: str) -> None:
    assert "Mexican" in engine.ask(question, language=Language.EN).text


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("fernando larrañaga a quien le da vida", Topic.CAST),
        ("james schamus dirigio somos o nomas la escribio?", Topic.CREATORS),
        ("the ending was so open, surely theyll make another season?", Topic.SEASON2),
        ("is season 2 confirmed", Topic.SEASON2),
        ("should i watch it? my feed keeps recommending it", Topic.SHOW),
        ("no nos ponemos de acuerdo, quien hace de chema? dice q es famoso", Topic.CAST),
        ("whooo plays chemaaa", Topic.CAST),
        ("sooo is there a season 2???", Topic.SEASON2),
        ("mi primo pregunta quien hace de chema", Topic.CAST),
    ],
)
def test_everyday_words_idioms_and_stretched_letters_are_read(
    engine: Engine, question: str, topic: Topic
) -> None:
    assert engine.ask(question).topic is topic


@pytest.mark.parametrize(
    "question", ["jero medina instagram?", "does jero medina have tiktok", "cast of 2000"]
)
def test_social_accounts_and_numbers_still_ask_something_else(
    engine: Engine, question: str
) -> None:
    assert engine.ask(question).topic is Topic.UNKNOWN


# ------------------------------------------------------------------------------- round 12


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("my cousin saw on tiktok that season 2 is confirmed, true?", Topic.SEASON2),
        ("lo lei en reddit: ya renovaron somos?", Topic.SEASON2),
        ("someone in the discord server said season 2 is out", Topic.SEASON2),
        ("mi hermana vio en instagram que viene la temporada 2", Topic.SEASON2),
        ("kerry ardra is in the cast? i saw it on a website", Topic.CAST),
    ],
)
def test_where_and_from_whom_a_fan_heard_something_is_no_subject(
    engine: Engine, question: str, topic: Topic
) -> None:
    assert engine.ask(question).topic is topic


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("which websites do you use", Topic.SOURCES),  # no one heard anything there
        ("does jero medina have tiktok", Topic.UNKNOWN),
    ],
)
def test_a_place_nobody_heard_anything_at_is_still_read(
    engine: Engine, question: str, topic: Topic
) -> None:
    assert engine.ask(question).topic is topic


def test_a_friend_who_told_the_fan_is_who_said_it(engine: Engine) -> None:
    answer = engine.ask("a friend told me somos has six seasons", language=Language.EN)
    assert answer.topic is not Topic.UNKNOWN
    assert "only one season" in answer.text


def test_a_colon_ends_the_chatter_before_a_question(engine: Engine) -> None:
    answer = engine.ask("duda existencial que tengo desde ayer: quien hace de erika?")
    assert answer.topic is Topic.CAST
    assert "Arelí González" in answer.text


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("hey bot what can i ask you", Topic.HELP),
        ("hello, what are you for", Topic.HELP),
        ("thanks for the help", Topic.UNKNOWN),  # one cue word in a remark asks nothing
    ],
)
def test_a_greeting_does_not_make_a_question_a_remark(
    engine: Engine, question: str, topic: Topic
) -> None:
    assert engine.ask(question).topic is topic


@pytest.mark.parametrize(
    "question",
    [
        "was anyone punished for the massacre",  # not `published`, a sources cue
        "hubo juicio por la masacre de allende?",
        "were the killers sent to prison",
    ],
)
def test_justice_after_the_massacre_is_a_fact_no_claim_holds(
    engine: Engine, question: str
) -> None:
    assert engine.ask(question).topic is Topic.UNKNOWN


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("ok that finale destroyed me, will there be a season 2", Topic.SEASON2),
        ("is the show over?", Topic.SEASON2),
        ("which novelist co-wrote it", Topic.CREATORS),
    ],
)
def test_more_everyday_words_and_cues_are_read(
    engine: Engine, question: str, topic: Topic
) -> None:
    assert engine.ask(question).topic is topic


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("gracias por la info", Topic.UNKNOWN),
        ("thank you for the information", Topic.UNKNOWN),
        ("muchas gracias por la ayuda", Topic.UNKNOWN),
        ("gracias por la info, y quien hace de chema?", Topic.CAST),
    ],
)
def test_what_a_fan_thanks_the_bot_for_is_not_asked_for(
    engine: Engine, question: str, topic: Topic
) -> None:
    assert engine.ask(question).topic is topic


# ------------------------------------------------------------------------------- round 13


@pytest.mark.parametrize(
    "question",
    [
        "how many died in allende",
        "cuantos muertos hubo en la masacre",
        "where is ginger thompson from",  # the cue read with the name taken out
        "de donde es james schamus",
        "what other books did ginger thompson write",
    ],
)
def test_the_dead_and_where_people_are_from_are_facts_no_claim_holds(
    engine: Engine, question: str
) -> None:
    assert engine.ask(question).topic is Topic.UNKNOWN


def test_where_the_show_is_from_is_still_answered(engine: Engine) -> None:
    assert engine.ask("de donde es la serie").topic is Topic.SHOW


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("ep 2 title plis", Topic.EPISODE),
        ("is season 2 real or just a rumor", Topic.SEASON2),
        ("are your sources legit", Topic.SOURCES),
        ("did netflix buy it", Topic.SHOW),
        ("was it released weekly", Topic.SHOW),
    ],
)
def test_round_13_everyday_words_and_keywords_are_read(
    engine: Engine, question: str, topic: Topic
) -> None:
    assert engine.ask(question).topic is topic


def test_a_book_asked_for_is_answered_with_the_article_it_is_based_on(engine: Engine) -> None:
    answer = engine.ask("is it based on a book", language=Language.EN)
    assert answer.topic is Topic.SHOW
    assert "Ginger Thompson" in answer.text


def test_ya_and_q_make_a_question_spanish(engine: Engine) -> None:
    assert engine.ask("netflix ya cancelo somos o q").language is Language.ES


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("what role does kerry ardra have, a website listed her", Topic.CAST),
        ("how old is your information", Topic.SOURCES),
        ("when were the articles written", Topic.SOURCES),
        ("que tan viejas son tus fuentes", Topic.SOURCES),
        ("when was ginger thompson's article published", Topic.UNKNOWN),  # not the bot's
    ],
)
def test_a_site_that_said_it_is_no_subject_and_the_age_of_sources_is_their_dates(
    engine: Engine, question: str, topic: Topic
) -> None:
    assert engine.ask(question).topic is topic


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("huge fan from ohio here, will there be a season 2", Topic.SEASON2),
        ("soy de guadalajara, quien hace de chema", Topic.CAST),
        ("my tia is from near sabinas and asked who directed it", Topic.CREATORS),
        ("which actor is from narcos", Topic.UNKNOWN),  # no one of the fan's is from there
    ],
)
def test_where_the_fan_is_from_is_no_subject(engine: Engine, question: str, topic: Topic) -> None:
    assert engine.ask(question).topic is topic


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("just watched the first episode, who created this", Topic.CREATORS),
        ("acabo de ver el cap 2 y quien sale de irene?", Topic.CAST),
        ("just watched episode 3, whats it called", Topic.EPISODE),
    ],
)
def test_the_episode_just_watched_is_where_the_fan_is(
    engine: Engine, question: str, topic: Topic
) -> None:
    assert engine.ask(question).topic is topic


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("will netflix renew a show like this", Topic.SEASON2),
        ("recommend me a show like this", Topic.UNKNOWN),
        ("who created the netflix show about the allende massacre", Topic.CREATORS),
        ("quien dirigio la serie sobre la masacre de allende", Topic.CREATORS),
        ("what is the show about the massacre about", Topic.SHOW),
    ],
)
def test_this_show_named_by_its_story_or_likened_to_itself(
    engine: Engine, question: str, topic: Topic
) -> None:
    assert engine.ask(question).topic is topic


def test_a_contracted_is_is_read_as_is(engine: Engine) -> None:
    assert engine.ask("where's the show set").topic is Topic.SHOW


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("the oscar guy from crouching tiger made this?", Topic.CREATORS),
        ("el creador de la serie es el mismo de el tigre y el dragon?", Topic.CREATORS),
        ("who directed crouching tiger", Topic.UNKNOWN),
        ("the director of the crouching tiger movie", Topic.UNKNOWN),
    ],
)
def test_another_work_is_asked_about_only_right_after_a_making_word(
    engine: Engine, question: str, topic: Topic
) -> None:
    assert engine.ask(question).topic is topic


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("is episode 1 really titled the lazy herd alvaro", Topic.EPISODE),
        ("why does episode 1 say alvaro after its title", Topic.SOURCES),
    ],
)
def test_a_slip_in_an_episode_title_asked_as_its_title_is_the_episode(
    engine: Engine, question: str, topic: Topic
) -> None:
    assert engine.ask(question).topic is topic


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("lowkey devastated rn, is there gonna be a season 2", Topic.SEASON2),
        ("hijole ayudenme porfis quien hace de irene", Topic.CAST),
        ("bruh i genuinely figured schamus directed it", Topic.CREATORS),
        ("estuve pensando, en que año salio", Topic.SHOW),
    ],
)
def test_the_words_of_a_chat_around_a_question_are_everyday(
    engine: Engine, question: str, topic: Topic
) -> None:
    assert engine.ask(question).topic is topic


# ------------------------------------------------------------- written for tuning: d1 (round 13)


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("finished it last night in my dorm in el paso, who plays benjamin", Topic.CAST),
        ("at my tia's quinceanera we argued, whats the 2nd ep called", Topic.EPISODE),
        ("my friend from guadalajara says it is a spanish show, is it", Topic.SHOW),
        ("i watched somos, is jero medina in narcos too?", Topic.UNKNOWN),
        ("who plays the kid from narcos", Topic.UNKNOWN),
    ],
)
def test_where_the_fan_watched_is_no_subject(engine: Engine, question: str, topic: Topic) -> None:
    assert engine.ask(question).topic is topic


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("el capitulo de los lobos como se llama", Topic.EPISODE),
        ("lista de capitulos porfa", Topic.EPISODE),
        ("el segundo capi", Topic.EPISODE),
        ("who brought chema to life", Topic.CAST),
        ("quien se encargo de la fotografia", Topic.CREATORS),
        ("did netflix axe it", Topic.SEASON2),
        ("temporada 4 cuando", Topic.SHOW),  # the one season, and the slip of "six seasons"
        ("how do i use this bot", Topic.HELP),
        ("what can u do", Topic.HELP),
    ],
)
def test_d1_words_cues_and_keywords_are_read(engine: Engine, question: str, topic: Topic) -> None:
    assert engine.ask(question).topic is topic


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("how long does netflix take to make up its mind", Topic.SEASON2),
        ("how long is episode 3", Topic.UNKNOWN),  # a duration no keyword gives
        ("es una serie gringa?", Topic.SHOW),
        ("is ginger thompson gringa", Topic.UNKNOWN),
        ("what nationality is jero medina", Topic.UNKNOWN),
        ("what has jero medina done before", Topic.UNKNOWN),
        ("y schamus ha hecho algo famoso?", Topic.CREATORS),
        ("quien es mejor, chayo o erika? opina", Topic.UNKNOWN),
    ],
)
def test_a_kind_of_fact_is_answered_only_where_a_keyword_gives_it(
    engine: Engine, question: str, topic: Topic
) -> None:
    assert engine.ask(question).topic is topic


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("is breaking bad based on a true story", Topic.UNKNOWN),
        ("was tony dalton in it", Topic.UNKNOWN),
        ("is the show based on a true story", Topic.SHOW),
        ("is jero medna the lead", Topic.CAST),  # a misspelt name is still a name
    ],
)
def test_a_yes_no_question_about_an_unknown_subject_is_declined(
    engine: Engine, question: str, topic: Topic
) -> None:
    assert engine.ask(question).topic is topic


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("what is it about? no spoilers", Topic.SHOW),
        ("de que trata, sin spoilers porfa", Topic.SHOW),
        ("tus articulos de cuando son", Topic.SOURCES),
        ("when were those pages written", Topic.SOURCES),
    ],
)
def test_asides_and_sources_named_before_their_age(
    engine: Engine, question: str, topic: Topic
) -> None:
    assert engine.ask(question).topic is topic


def test_u_is_you(engine: Engine) -> None:
    assert engine.ask("what can u tell me about the show").topic is Topic.SHOW


# ------------------------------------------------------------- written for tuning: d2 (round 13)


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("quien encarna a irene", Topic.CAST),
        ("who took the part of erika", Topic.CAST),
        ("the closing episode, whats it called", Topic.EPISODE),
        ("la tercera entrega como se llama", Topic.EPISODE),
        ("did netflix greenlight more", Topic.SEASON2),
        ("how many episodes would a new somos season have", Topic.SEASON2),
        ("cuantos caps traeria la segunda de somos", Topic.SEASON2),
        ("van a sacar otra tanda?", Topic.SEASON2),
        ("tus fuentes son oficiales?", Topic.SOURCES),
    ],
)
def test_d2_paraphrases_are_read(engine: Engine, question: str, topic: Topic) -> None:
    assert engine.ask(question).topic is topic


@pytest.mark.parametrize(
    "question",
    [
        "en que periodico trabaja ginger thompson",
        "are the zetas still around today",
        "what camera did ignacio prieto use",  # `behind the camera` is his; a camera model not
        "donde filmaron somos",  # `filmaron` is no slip for a keyword's `firmaron`
        "gano algun premio la serie",
    ],
)
def test_d2_near_misses_are_declined(engine: Engine, question: str) -> None:
    assert engine.ask(question).topic is Topic.UNKNOWN


def test_filming_asked_of_the_second_season_is_asked_whether_there_is_one(
    engine: Engine,
) -> None:
    assert engine.ask("my aunt says season two is already filmed, true?").topic is Topic.SEASON2
    assert engine.ask("where was it filmed").topic is Topic.UNKNOWN


# ------------------------------------------------------------------------------- round 14


@pytest.mark.parametrize(
    "question",
    [
        "@flor did you finish it?? dont spoil me",  # said to a fan, not about Flor María
        "ep 4 omg im crying",
        "ese cap 3 me dejo en shock",
        "the finale though",
        "y a los zetas los agarraron?",
    ],
)
def test_remarks_to_fans_and_reactions_to_an_episode_ask_nothing(
    engine: Engine, question: str
) -> None:
    assert engine.ask(question).topic is Topic.UNKNOWN


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("the finale", Topic.EPISODE),
        ("ep 4 omg, what was it called?", Topic.EPISODE),
        ("episode 3", Topic.EPISODE),
        ("whos in somos", Topic.CAST),
        ("jesus sida sale de quien", Topic.CAST),
        ("who shot it", Topic.CREATORS),
        ("con quien codirigio alvaro curiel", Topic.CREATORS),
        ("is ep 3 called tell the moon to come or something", Topic.EPISODE),
        ("how does this thing work", Topic.HELP),
        ("when was the oldest article you use published", Topic.SOURCES),
        ("cual es el articulo mas viejo que tienes", Topic.SOURCES),
        ("has netflix said anything or is it radio silence", Topic.SEASON2),
    ],
)
def test_round_14_words_cues_and_keywords_are_read(
    engine: Engine, question: str, topic: Topic
) -> None:
    assert engine.ask(question).topic is topic


def test_the_finale_alone_is_the_last_episode_but_a_number_wins(engine: Engine) -> None:
    assert "Episode 6" in engine.ask("the finale", language=Language.EN).title
    answer = engine.ask("what was ep 5 called, the one before the finale", language=Language.EN)
    assert "Episode 5" in answer.title


# ------------------------------------------------------------------------------- round 15


@pytest.mark.parametrize(
    "question",
    [
        "erika in ep 4 had me sobbing ngl",
        "alguien mas llorando con el cap 6? 😭",  # asked of the other fans
        "que clasificacion tiene, es apta para ninos?",
    ],
)
def test_round_15_remarks_and_ratings_are_declined(engine: Engine, question: str) -> None:
    assert engine.ask(question).topic is Topic.UNKNOWN


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("ngl episode two wrecked me, whats it called again", Topic.EPISODE),
        ("el vato que hace de chema quien es", Topic.CAST),
        ("a quien le toca ser irene", Topic.CAST),
        ("who was in the writers room", Topic.CREATORS),
        ("what are the chances of a season 2", Topic.SEASON2),
        ("la van a renovar o la dejan asi", Topic.SEASON2),
        ("what kinda stuff can i ask", Topic.HELP),
        ("tldr of the plot", Topic.SHOW),
    ],
)
def test_round_15_words_cues_and_keywords_are_read(
    engine: Engine, question: str, topic: Topic
) -> None:
    assert engine.ask(question).topic is topic


# ------------------------------------------------------------------------------- round 16


@pytest.mark.parametrize(
    "question",
    [
        "erika es la mejor neta",  # a judgement of a character asks nothing
        "paquito's arc hit different",
        "el capitulo 2 esta bien fuerte",
        "el final me dejo bien triste",
        "alguien mas lloro con chema? 😭",
        "lmaooo true tbh",  # nothing but everyday words
        "is chema from cdmx in real life",
    ],
)
def test_round_16_remarks_are_declined(engine: Engine, question: str) -> None:
    assert engine.ask(question).topic is Topic.UNKNOWN


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("chayo is the best, who plays her?", Topic.CAST),  # a judgement beside a question
        ("who plays irene? she deserves an award fr", Topic.CAST),
        ("which actors did the article think would come back for season 2", Topic.SEASON2),
        ("jero medina de q sale", Topic.CAST),
        ("los protas de somos", Topic.CAST),
        ("el final quedo abierto, puede que haya mas?", Topic.SEASON2),
        ("did it get the axe or is it still alive", Topic.SEASON2),
        ("netflix cancelo somos?", Topic.SEASON2),
    ],
)
def test_round_16_words_cues_and_keywords_are_read(
    engine: Engine, question: str, topic: Topic
) -> None:
    assert engine.ask(question).topic is topic


def test_a_spanish_season_2_question_gets_a_spanish_reply(engine: Engine) -> None:
    assert engine.ask("netflix cancelo somos?").language is Language.ES


# ------------------------------------------------------------------------------- round 17


@pytest.mark.parametrize(
    "question",
    [
        "@luis did u finish it? dont spoil the last ep",  # said to another fan
        "irene es mi personaje favorito",
        "orale gracias x la info",
        "can my 10 year old watch it?",
        "en que escuela estudio mercedes hernandez",
    ],
)
def test_round_17_remarks_and_facts_no_claim_holds_are_declined(
    engine: Engine, question: str
) -> None:
    assert engine.ask(question).topic is Topic.UNKNOWN


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("oye @luis, quien hace de chema?", Topic.CAST),  # a fan named in passing
        ("quien hace a paquito", Topic.CAST),
        ("is kerry ardra in the cast or is that name a mistake", Topic.CAST),
        ("why does one article name kerry ardra", Topic.SOURCES),  # a slip asked of its source
        ("who wrote the article that inspired the show", Topic.CREATORS),
        ("en que articulos te basas para la temporada 2", Topic.SOURCES),
        ("need the crew for a school thing, who directed it", Topic.CREATORS),
        ("was it mid or did people like it", Topic.SHOW),
    ],
)
def test_round_17_words_cues_and_keywords_are_read(
    engine: Engine, question: str, topic: Topic
) -> None:
    assert engine.ask(question).topic is topic


# ------------------------------------------------------------------------------- round 18


@pytest.mark.parametrize(
    "question",
    [
        "que buena actriz la que hace de irene, me encanto",  # praise names her by her part
        "erika es la mejor personaje y no acepto opiniones",
        "just finished ep 2, gonna need a minute before the next one",
        "jero medina es hijo de algun actor?",
    ],
)
def test_round_18_praise_and_family_are_declined(engine: Engine, question: str) -> None:
    assert engine.ask(question).topic is Topic.UNKNOWN


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("que actriz hace a irene, q chingona", Topic.CAST),
        ("quien hizo a paquito?", Topic.CAST),
        ("el chavito paquito quien es en la vida real", Topic.CAST),
        ("cuantos capitulos son y como se llaman", Topic.EPISODE),
        ("salieron de golpe o uno por semana", Topic.SHOW),
        ("que tan actualizada esta tu info? ya paso mucho desde el estreno", Topic.SOURCES),
    ],
)
def test_round_18_words_cues_and_keywords_are_read(
    engine: Engine, question: str, topic: Topic
) -> None:
    assert engine.ask(question).topic is topic


# ------------------------------------------------------------------------------- round 19


def test_several_episodes_named_get_each_of_them(engine: Engine) -> None:
    answer = engine.ask("eps 2 and 4 titles", language=Language.EN)
    assert answer.topic is Topic.EPISODE
    assert "A Mouth Full of Flies" in answer.text
    assert "A Walk with Wolves" in answer.text
    assert "Tell the Moon to Come" not in answer.text
    spanish = engine.ask("cap 1 y cap 3 como se llaman")
    assert "The Lazy Herd" in spanish.text and "Tell the Moon to Come" in spanish.text


def test_the_episode_before_the_finale_is_the_one_before_the_last(engine: Engine) -> None:
    answer = engine.ask("the episode right before the finale, whats it called", Language.EN)
    assert "Episode 5" in answer.title


@pytest.mark.parametrize(
    "question",
    ["erika is my fav character honestly", "el capitulo 5 esta bien perron"],
)
def test_round_19_remarks_are_declined(engine: Engine, question: str) -> None:
    assert engine.ask(question).topic is Topic.UNKNOWN


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("who plays chema in ep 2 and 3", Topic.CAST),  # a person asked, not the episodes
        ("what makes people think a season 2 could happen", Topic.SEASON2),
        ("cuanta gente la vio", Topic.UNKNOWN),  # after `how many` an everyday word still asks
        ("is it canceled or in limbo", Topic.SEASON2),
        ("es mexicana o es gringa?", Topic.SHOW),
        ("ando viendo somos, quien hace de irene", Topic.CAST),
        ("que cartel fue el responsable", Topic.SHOW),
        ("como funciona este bot", Topic.HELP),
    ],
)
def test_round_19_words_cues_and_keywords_are_read(
    engine: Engine, question: str, topic: Topic
) -> None:
    assert engine.ask(question).topic is topic


# ------------------------------------------------------------------------------- round 20


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("la periodista gano algun premio?", Topic.CREATORS),  # her prize, by her role
        ("ginger thompson won what prize", Topic.CREATORS),
        ("gano algun premio la serie", Topic.UNKNOWN),  # not answered with her prize
        ("what other movies has mariana chenillo directed", Topic.UNKNOWN),
        ("en que ciudad nacio mariana chenillo", Topic.UNKNOWN),
    ],
)
def test_a_persons_keyword_answers_only_of_that_person(
    engine: Engine, question: str, topic: Topic
) -> None:
    assert engine.ask(question).topic is topic


@pytest.mark.parametrize(
    "question",
    [
        "anyone else rewatching it rn? on ep 4 again",  # a poll of the fans
        "honestly erika is the best written character, fight me",
        "muchas gracias, me sirvio un buen",
    ],
)
def test_round_20_remarks_are_declined(engine: Engine, question: str) -> None:
    assert engine.ask(question).topic is Topic.UNKNOWN


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("just started ep 1 and i wonder, is it based on real reporting", Topic.SHOW),
        ("i see conflicting info on who directed it, which is it", Topic.CREATORS),
        ("any spoilers on what happens in season 2? plot leaks?", Topic.SEASON2),
    ],
)
def test_round_20_words_and_cues_are_read(engine: Engine, question: str, topic: Topic) -> None:
    assert engine.ask(question).topic is topic


# ------------------------------------------------------------------------------- round 21


def test_first_and_last_episodes_named_together_get_both(engine: Engine) -> None:
    answer = engine.ask("first and last episode names?", language=Language.EN)
    assert "The Lazy Herd" in answer.text
    assert "“Somos.”" in answer.text
    assert "A Walk with Wolves" not in answer.text


@pytest.mark.parametrize(
    ("question", "title"),
    [
        ("what's the second to last episode called", "Episode 5"),  # `to` joins no episodes
        ("six episodes?", "About Somos."),  # a count, not episode 6
    ],
)
def test_an_episode_count_and_the_one_before_the_last_stay_single(
    engine: Engine, question: str, title: str
) -> None:
    assert title in engine.ask(question, language=Language.EN).title


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("starting episode 2 tonight, wish me luck guys", Topic.UNKNOWN),
        ("which one has the wolves in the title", Topic.EPISODE),
        ("how old is your season 2 info", Topic.SOURCES),
        ("whats the case for a second season, any reason to stay hopeful", Topic.SEASON2),
        ("is it about one main guy or a bunch of different people", Topic.SHOW),
        ("quede destrozada, quien hace a erika?", Topic.CAST),
    ],
)
def test_round_21_words_cues_and_keywords_are_read(
    engine: Engine, question: str, topic: Topic
) -> None:
    assert engine.ask(question).topic is topic


# ------------------------------------------------------------------------------- round 22


@pytest.mark.parametrize(
    "question",
    [
        "erika y paquito 😍😍",  # names and the emoji of a reaction ask nothing
        "el cap 2 esta buenisimo",
        "everardo arzate es de coahuila de verdad?",
    ],
)
def test_round_22_remarks_and_origins_are_declined(engine: Engine, question: str) -> None:
    assert engine.ask(question).topic is Topic.UNKNOWN


def test_the_first_and_the_last_asked_apart_get_both(engine: Engine) -> None:
    answer = engine.ask("cual es el primer episodio y cual el ultimo?")
    assert "The Lazy Herd" in answer.text and "«Somos.»" in answer.text


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("y jero medina a quien le toco hacer", Topic.CAST),
        ("is it a limited series or a regular one", Topic.SHOW),
        ("saben si la van a continuar o ahi muere", Topic.SEASON2),
        ("how long is the series, how many eps", Topic.SHOW),
        ("can i trust what you say? who wrote the stuff you're quoting", Topic.SOURCES),
        ("oye bot como funcionas? es mi primera vez aqui", Topic.HELP),
    ],
)
def test_round_22_words_cues_and_keywords_are_read(
    engine: Engine, question: str, topic: Topic
) -> None:
    assert engine.ask(question).topic is topic


# ------------------------------------------------------------------------------- round 23


@pytest.mark.parametrize(
    "question",
    ["you're a good bot", "just finished ep 2, a mouth full of flies was so beautiful"],
)
def test_round_23_remarks_are_declined(engine: Engine, question: str) -> None:
    assert engine.ask(question).topic is Topic.UNKNOWN


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("the actress playing irene carried it, what's her name?", Topic.CAST),
        ("how long does netflix wait before deciding to renew", Topic.SEASON2),
        ("binged it in one sitting, is there gonna be a season 2", Topic.SEASON2),
        ("did it flop", Topic.SHOW),
        ("que articulos lees", Topic.SOURCES),
        ("is your stuff up to date or is it ancient news", Topic.SOURCES),
    ],
)
def test_round_23_words_cues_and_keywords_are_read(
    engine: Engine, question: str, topic: Topic
) -> None:
    assert engine.ask(question).topic is topic


# ------------------------------------------------------------------------------- round 24


@pytest.mark.parametrize(
    "question",
    [
        "ya la vi 4 veces y sigo llorando en la misma parte",  # a count names nothing
        "ta bien, gracias compa",
        "anyone else rewatching it tonight? drop a 🙋 if so",  # `drop` is the poll's reply
        "que paso con las familias de allende, en la vida real",  # their fate: no claim says
    ],
)
def test_round_24_remarks_and_the_aftermath_are_declined(engine: Engine, question: str) -> None:
    assert engine.ask(question).topic is Topic.UNKNOWN


def test_a_sentence_reacting_to_a_name_does_not_take_the_question(engine: Engine) -> None:
    answer = engine.ask("does anyone know if it got renewed?? need more erika in my life")
    assert answer.topic is Topic.SEASON2


def test_a_second_episode_joined_by_del_is_answered_too(engine: Engine) -> None:
    answer = engine.ask("me dicen el titulo del episodio 2 y del 3?")
    assert "A Mouth Full of Flies" in answer.text and "Tell the Moon" in answer.text


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("is it an ongoing series", Topic.SHOW),
        ("si sale la 2 tendria los mismos actores?", Topic.SEASON2),
    ],
)
def test_round_24_words_cues_and_keywords_are_read(
    engine: Engine, question: str, topic: Topic
) -> None:
    assert engine.ask(question).topic is topic


# ------------------------------------------------------------------------------- round 25


@pytest.mark.parametrize(
    ("question", "title"),
    [
        ("what comes right after a walk with wolves", "The Night Belongs to Us"),
        ("el capitulo antes del 3 como se llama", "A Mouth Full of Flies"),
    ],
)
def test_the_episode_beside_one_named_is_answered(
    engine: Engine, question: str, title: str
) -> None:
    answer = engine.ask(question)
    assert answer.topic is Topic.EPISODE and title in answer.text
    assert answer.text.count("«") + answer.text.count("“") == 1, "that episode alone"


def test_what_happens_after_an_episode_is_not_the_next_episode(engine: Engine) -> None:
    assert "A Walk with Wolves" not in engine.ask("what happens after episode 3").text


@pytest.mark.parametrize(
    ("question", "titles"),
    [
        ("eps 2-4 titles?", ["A Mouth Full of Flies", "Tell the Moon", "A Walk with Wolves"]),
        ("episodios del 4 al 6", ["A Walk with Wolves", "The Night Belongs to Us", "«Somos.»"]),
    ],
)
def test_a_range_of_episodes_gets_each_of_them(
    engine: Engine, question: str, titles: list[str]
) -> None:
    answer = engine.ask(question)
    assert all(title in answer.text for title in titles)


@pytest.mark.parametrize(
    "question",
    [
        "ese final me dejo llorando una semana entera 💀",  # a reaction naming nothing
        "how much is netflix in mexico",
        "me recomiendas otra serie parecida?",
    ],
)
def test_round_25_remarks_and_other_facts_are_declined(engine: Engine, question: str) -> None:
    assert engine.ask(question).topic is Topic.UNKNOWN


def test_a_maker_described_by_his_other_work_is_this_shows(engine: Engine) -> None:
    answer = engine.ask("i heard the guy who wrote crouching tiger made somos?? who made it then")
    assert answer.topic is Topic.CREATORS and "James Schamus" in answer.text


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("the actress playing irene, her name escapes me", Topic.CAST),
        ("directors plural? someone said two", Topic.CREATORS),
        ("quien la creo y quien la dirigio? me confundi", Topic.CREATORS),
        ("netflix renew it pls, is it happening", Topic.SEASON2),
        ("ya la renovaron o siguen callados", Topic.SEASON2),
        ("de que se trataria la temporada 2, alguna pista?", Topic.SEASON2),
    ],
)
def test_round_25_words_cues_and_keywords_are_read(
    engine: Engine, question: str, topic: Topic
) -> None:
    assert engine.ask(question).topic is topic


# ------------------------------------------------------------------------------- round 26


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("che, quién hace de Irene? la piba actúa re bien", Topic.CAST),
        ("who's the bloke playing chema? cracking performance innit", Topic.CAST),
        ("arely gonzalez es quien en la serie", Topic.CAST),
        ("what is the pilot called, mate?", Topic.EPISODE),
        ("¿quién dirigió esto? está currado de narices", Topic.CREATORS),
        ("who wrote it? reckon there were a few of them", Topic.CREATORS),
        ("is there a second series coming or have they binned it", Topic.SEASON2),
        ("my flatmate reckons it got renewed ages ago, is that right?", Topic.SEASON2),
        ("watched it till 3am, any release date for s2??", Topic.SEASON2),
        ("la serie paso sin pena ni gloria?", Topic.SHOW),
        ("las fuentes son oficiales de netflix o que", Topic.SOURCES),
    ],
)
def test_round_26_regional_words_are_read(engine: Engine, question: str, topic: Topic) -> None:
    assert engine.ask(question).topic is topic


def test_episodes_listed_with_commas_get_each_of_them(engine: Engine) -> None:
    answer = engine.ask("titulos de los caps 1, 2 y 3")
    assert all(t in answer.text for t in ["The Lazy Herd", "A Mouth Full", "Tell the Moon"])


def test_the_premise_and_where_to_watch_are_both_answered(engine: Engine) -> None:
    answer = engine.ask("new here, whats the premise and where do i watch it?")
    assert "Netflix" in answer.text and "Allende" in answer.text


@pytest.mark.parametrize(
    "question", ["gracias!! eres lo max", "que paso con los zetas despues de lo de allende?"]
)
def test_round_26_remarks_and_the_aftermath_are_declined(engine: Engine, question: str) -> None:
    assert engine.ask(question).topic is Topic.UNKNOWN


def test_a_lad_is_a_person_but_el_chapo_is_another_show(engine: Engine) -> None:
    assert engine.ask("who plays el chapo in the el chapo series").topic is Topic.UNKNOWN


def test_where_a_persons_article_was_published_is_declined(engine: Engine) -> None:
    assert engine.ask("which website published ginger thompson's piece?").topic is Topic.UNKNOWN


# ------------------------------------------------------------------------------- round 27


def test_titles_asked_of_numbers_are_the_episodes(engine: Engine) -> None:
    answer = engine.ask("me pasan los nombres del 2, el 5 y el 6?")
    assert all(t in answer.text for t in ["A Mouth Full", "The Night Belongs", "«Somos.»"])
    assert engine.ask("the name of 2 actors").topic is not Topic.EPISODE


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("hola bot what can u do", Topic.HELP),  # `u` is read as `you` before the greeting counts
        ("how does it work, do i just type or use a slash command?", Topic.HELP),
        ("is somos actually good?", Topic.SHOW),
        ("what real event is the series depicting?", Topic.SHOW),
        ("did netflix cancel it? i can't find anything about it", Topic.SEASON2),
        ("will it come back? so many loose ends", Topic.SEASON2),
        ("how long does netflix normally wait before deciding?", Topic.SEASON2),
        ("y la temporada 2 pa cuando? ya va siendo hora", Topic.SEASON2),
        ("de que paginas sacas lo que dices, son de fans?", Topic.SOURCES),
    ],
)
def test_round_27_words_cues_and_keywords_are_read(
    engine: Engine, question: str, topic: Topic
) -> None:
    assert engine.ask(question).topic is topic


@pytest.mark.parametrize(
    "question",
    [
        "buenas noches gente, me voy a dormir",
        "cual es la capital de coahuila",
    ],
)
def test_round_27_goodbyes_and_other_facts_are_declined(engine: Engine, question: str) -> None:
    assert engine.ask(question).topic is Topic.UNKNOWN


# ------------------------------------------------------------------------------- round 28


def test_the_first_and_the_last_joined_across_an_article_get_both(engine: Engine) -> None:
    answer = engine.ask("oye cual es el primero y el ultimo capitulo")
    assert "The Lazy Herd" in answer.text and "«Somos.»" in answer.text


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("Could you kindly tell me who directed it?", Topic.CREATORS),
        ("¿Podría indicarme si hay segunda temporada oficialmente?", Topic.SEASON2),
        ("tío, ¿no era una miniserie?", Topic.SHOW),
        ("oiga y allende queda en que estado?", Topic.SHOW),
        ("neta te puedo creer?", Topic.SOURCES),
        ("which articles do you rely on?", Topic.SOURCES),
        ("¿cómo se utiliza este bot?", Topic.HELP),
    ],
)
def test_round_28_polite_words_and_cues_are_read(
    engine: Engine, question: str, topic: Topic
) -> None:
    assert engine.ask(question).topic is topic


def test_the_screenwriters_and_the_directors_are_all_named(engine: Engine) -> None:
    answer = engine.ask("who were the screenwriters and who directed it?")
    names = ["James Schamus", "Monika Revilla", "Fernanda Melchor", "Álvaro Curiel"]
    assert all(name in answer.text for name in names)


@pytest.mark.parametrize(
    "question",
    ["what's irene's last name?", "en que capitulo pasa la masacre?"],
)
def test_round_28_facts_no_claim_holds_are_declined(engine: Engine, question: str) -> None:
    assert engine.ask(question).topic is Topic.UNKNOWN


# ------------------------------------------------------------------------------- round 29


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("rewatching with my partner tonight, what was the 3rd episode titled?", Topic.EPISODE),
        ("anunciaron la 2da? quede re manija", Topic.SEASON2),
        ("por que no va a haber mas temporadas?", Topic.SEASON2),
        ("limited series, meaning no more eps?", Topic.SEASON2),
        ("en la segunda temporada repiten los mismos actores?", Topic.SEASON2),
        ("bruv is there more somos coming", Topic.SEASON2),
        ("me la recomendaron un monton, me tiran un resumen cortito?", Topic.SHOW),
        ("soy nuevo en el server, como le pregunto cosas al bot?", Topic.HELP),
    ],
)
def test_round_29_words_cues_and_keywords_are_read(
    engine: Engine, question: str, topic: Topic
) -> None:
    assert engine.ask(question).topic is topic


def test_another_work_of_a_person_named_is_declined(engine: Engine) -> None:
    assert engine.ask("has monika revilla written any novels?").topic is Topic.UNKNOWN


# ------------------------------------------------------------------------------- round 30


@pytest.mark.parametrize(
    ("question", "title"),
    [
        ("el episodio anterior a a walk with wolves cual es", "Tell the Moon to Come"),
        ("el capitulo siguiente a the lazy herd?", "A Mouth Full of Flies"),
    ],
)
def test_anterior_and_siguiente_name_the_episode_beside(
    engine: Engine, question: str, title: str
) -> None:
    answer = engine.ask(question)
    assert answer.topic is Topic.EPISODE and title in answer.text


def test_the_adapted_articles_author_is_answered_by_its_title(engine: Engine) -> None:
    answer = engine.ask('who wrote "How the U.S. Triggered a Massacre in Mexico"?')
    assert "Ginger Thompson" in answer.text
    assert engine.ask("who wrote crouching tiger").topic is Topic.UNKNOWN  # another work


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("who plays irene because it is driving me crazy", Topic.CAST),
        ("everardo arzate que rol tuvo", Topic.CAST),
        ("has netflix picked it up for more?", Topic.SEASON2),
        ("is it renewed or done and dusted", Topic.SEASON2),
        ("any official announcement regarding a second season?", Topic.SEASON2),
        ("how long does netflix normally take to decide?", Topic.SEASON2),
        ("did it blow up worldwide?", Topic.SHOW),
        ("what is this bot built on?", Topic.SOURCES),
        ("whose idea was this show, it wrecked me", Topic.CREATORS),
    ],
)
def test_round_30_words_cues_and_keywords_are_read(
    engine: Engine, question: str, topic: Topic
) -> None:
    assert engine.ask(question).topic is topic


@pytest.mark.parametrize(
    "question", ["that finale wrecked me, not ok 💀", "what happened to the zetas after 2011"]
)
def test_round_30_remarks_and_the_aftermath_are_declined(engine: Engine, question: str) -> None:
    assert engine.ask(question).topic is Topic.UNKNOWN


# ------------------------------------------------------------------------------- round 31


def test_the_next_one_after_the_episode_named_is_answered(engine: Engine) -> None:
    answer = engine.ask("just finished ep 4, whats the next one called")
    assert "The Night Belongs to Us" in answer.text and "A Walk with Wolves" not in answer.text
    assert engine.ask("ep 3 title? and is there a next season").topic is Topic.SEASON2


def test_another_shows_season_is_not_read_as_a_characters_name(engine: Engine) -> None:
    assert engine.ask("cuando sale la nueva temporada de el chapo").topic is Topic.UNKNOWN


def test_english_with_a_spanish_tag_is_answered_in_english(engine: Engine) -> None:
    answer = engine.ask("is somos getting renewed o que onda")
    assert answer.topic is Topic.SEASON2 and answer.language is Language.EN


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("my coworkers keep talking about it, what's the gist?", Topic.SHOW),
        ("alguien me puede resumir la serie?", Topic.SHOW),
        ("me puedo fiar de lo que dices?", Topic.SOURCES),
        ("bot what are you even for", Topic.HELP),
        ("¿cómo utilizar este bot?", Topic.HELP),
    ],
)
def test_round_31_words_cues_and_keywords_are_read(
    engine: Engine, question: str, topic: Topic
) -> None:
    assert engine.ask(question).topic is topic


def test_who_did_the_casting_is_declined(engine: Engine) -> None:
    assert engine.ask("quien hizo el casting de somos?").topic is Topic.UNKNOWN


# ------------------------------------------------------------------------------- round 32


def test_a_source_title_needs_a_word_for_an_article(engine: Engine) -> None:
    # `somos season 2` begins a source's title, but `info` here is the plot's, not an article.
    assert engine.ask("any plot info for somos season 2?").topic is Topic.SEASON2
    assert engine.ask("is the latest updates and news article reliable").topic is Topic.SOURCES


def test_the_plot_of_another_work_is_declined(engine: Engine) -> None:
    assert engine.ask("de que trata el tigre y el dragon, la peli").topic is Topic.UNKNOWN


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("who's the male lead in somos", Topic.CAST),
        ("quien creo esa serie tan berraca", Topic.CREATORS),
        ("any news on s2? waiting forever", Topic.SEASON2),
        ("is there hope? that ending left so much hanging", Topic.SEASON2),
        ("any realistic chance it returns?", Topic.SEASON2),
        ("is it mexican? the accents threw me off", Topic.SHOW),
        ("is it worth watching? my friend keeps bugging me", Topic.SHOW),
        ("can i actually trust what you say?", Topic.SOURCES),
        ("is your info from years ago?", Topic.SOURCES),
        ("¿como te hago una pregunta?", Topic.HELP),
    ],
)
def test_round_32_words_cues_and_keywords_are_read(
    engine: Engine, question: str, topic: Topic
) -> None:
    assert engine.ask(question).topic is topic


# ------------------------------------------------------------------------------- round 33


@pytest.mark.parametrize(
    "question",
    [
        "is crouching tiger hidden dragon any good? who's in it",
        "es el tigre y el dragon buena?",
    ],
)
def test_another_work_asked_about_by_its_title_is_declined(engine: Engine, question: str) -> None:
    assert engine.ask(question).topic is Topic.UNKNOWN


def test_another_work_describing_a_person_still_names_him(engine: Engine) -> None:
    answer = engine.ask("is the crouching tiger guy the one who created somos")
    assert "James Schamus" in answer.text


def test_not_some_other_show_is_said_in_passing(engine: Engine) -> None:
    answer = engine.ask("irene actress? (the one from somos, not some other show)")
    assert answer.topic is Topic.CAST and "Iliana Donatlán" in answer.text


def test_a_journo_is_the_journalist(engine: Engine) -> None:
    assert "Ginger Thompson" in engine.ask("was the journo a pulitzer winner?").text


# ------------------------------------------------------------------------------- round 34


def test_que_sigue_a_names_the_next_episode(engine: Engine) -> None:
    answer = engine.ask("y el capitulo que sigue a 'tell the moon to come'?")
    assert "A Walk with Wolves" in answer.text


def test_the_guy_behind_another_work_is_this_shows_maker(engine: Engine) -> None:
    answer = engine.ask("the guy behind crouching tiger made this?? who created it")
    assert "James Schamus" in answer.text


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("whose baby is this show", Topic.CREATORS),
        ("who directed it? need it for a presentation", Topic.CREATORS),
        ("van a seguir sacando temporadas?", Topic.SEASON2),
        ("another season, when would it come out roughly", Topic.SEASON2),
        ("odd there's no news on series 2, has netflix said owt?", Topic.SEASON2),
        ("la segunda temporada esta muerta del todo?", Topic.SEASON2),
        ("dicen que netflix ni se molesta en cancelar las series limitadas, eso pasa con somos?",
         Topic.SEASON2),
        ("tus fuentes son confiables o chisme de internet?", Topic.SOURCES),
    ],
)
def test_round_34_words_cues_and_keywords_are_read(
    engine: Engine, question: str, topic: Topic
) -> None:
    assert engine.ask(question).topic is topic


@pytest.mark.parametrize(
    "question",
    [
        "did ginger thompson write any other investigations?",
        "buenas noches, mañana sigo con el cap 5 😴",
        "pa mi es la mejor serie mexicana que ha sacado netflix",
    ],
)
def test_round_34_remarks_and_other_works_are_declined(engine: Engine, question: str) -> None:
    assert engine.ask(question).topic is Topic.UNKNOWN


# ------------------------------------------------------------------------------- round 35


def test_an_actor_and_a_part_asked_together_get_the_card(engine: Engine) -> None:
    answer = engine.ask("everardo arzate es chema o me confundo?")
    assert answer.topic is Topic.CAST and "Everardo Arzate" in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "jajaja boludo que haces",
        "que rollo banda, como estan",
        "de que trata narcos mexico",  # another show's story
        "de que va la casa de papel",
    ],
)
def test_round_35_greetings_and_other_shows_are_declined(engine: Engine, question: str) -> None:
    assert engine.ask(question).topic is Topic.UNKNOWN


def test_de_que_trata_this_show_is_still_answered(engine: Engine) -> None:
    assert engine.ask("de que trata somos").topic is Topic.SHOW


# ------------------------------------------------------------------------------- review


@pytest.mark.parametrize(
    "question",
    ["who plays irene's friend", "who plays erika's boyfriend", "who plays the roommate"],
)
def test_the_people_of_a_fans_day_may_be_what_is_asked(engine: Engine, question: str) -> None:
    # Kin words are everyday only where they say who told the fan, or whom the fan calls.
    assert engine.ask(question).topic is Topic.UNKNOWN


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("a friend recommended somos, whats the premise?", Topic.SHOW),
        ("tío, ¿no era una miniserie?", Topic.SHOW),
        ("caraly sanchez hace de quien tio", Topic.CAST),
    ],
)
def test_a_fans_people_in_passing_are_no_subject(
    engine: Engine, question: str, topic: Topic
) -> None:
    assert engine.ask(question).topic is topic


def test_a_title_asked_of_a_year_is_no_episode() -> None:
    assert parse_episode_reference("whats the name of 2011") is None
    assert parse_episode_references("los nombres del 1 el 3 y el 4") == [1, 3, 4]


# ------------------------------------------------------------------------------- round 36


@pytest.mark.parametrize(
    "question",
    ["what comes after the one with the flies", "el capitulo despues del de las moscas"],
)
def test_an_episode_named_by_its_own_word_has_one_after_it(engine: Engine, question: str) -> None:
    answer = engine.ask(question)
    assert answer.topic is Topic.EPISODE and "Tell the Moon to Come" in answer.title


def test_a_cue_inside_another_topics_keyword_is_that_facts_word(engine: Engine) -> None:
    # `eps` lies inside the show's keyword `how many eps`; `night` is a title's word besides.
    answer = engine.ask("how many eps is it, can i binge it in one night")
    assert answer.topic is Topic.SHOW and "six" in answer.text
    # A cue of its own still asks for the episodes.
    assert engine.ask("cuantos episodios son y como se llaman").topic is Topic.EPISODE


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("somos season 2 in 2025??", Topic.SEASON2),
        ("who was president of mexico in 2011", Topic.UNKNOWN),
    ],
)
def test_a_year_is_a_date_asked_only_of_a_date_or_a_second_season(
    engine: Engine, question: str, topic: Topic
) -> None:
    assert engine.ask(question).topic is topic


def test_a_book_asked_as_the_basis_is_the_shows_basis(engine: Engine) -> None:
    answer = engine.ask("oigan, la serie está basada en alguna novela?")
    assert answer.topic is Topic.SHOW and "Ginger Thompson" in answer.text
    # A fact no keyword holds is still asked, after `based on` too.
    assert engine.ask("is queen of the south based on a real person").topic is Topic.UNKNOWN


def test_what_happens_next_of_a_second_season_wishes_for_one(engine: Engine) -> None:
    question = "plz tell me theres a season 2, i need to know what happens to them"
    assert engine.ask(question).topic is Topic.SEASON2
    assert engine.ask("what happens to chema").topic is Topic.UNKNOWN


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("porfa una sinopsis breve de somos", Topic.SHOW),
        ("cuando sale la segunda temporada, me urge", Topic.SEASON2),
        ("does this bot get its facts from random blogs", Topic.SOURCES),
    ],
)
def test_round_36_words_and_cues_are_read(engine: Engine, question: str, topic: Topic) -> None:
    assert engine.ask(question).topic is topic


# ------------------------------------------------------------------------------- round 37


@pytest.mark.parametrize(
    ("question", "title"),
    [
        ("just watched ep 2, whats the one after that called", "Tell the Moon to Come"),
        ("vi el de las moscas, cómo se llama el que sigue a ese", "Tell the Moon to Come"),
        ("we fell asleep during the one with the moon in the title, the one after that?", "Wolves"),
    ],
)
def test_the_episode_beside_one_named_before(engine: Engine, question: str, title: str) -> None:
    answer = engine.ask(question)
    assert answer.topic is Topic.EPISODE and title in answer.title


def test_that_names_no_episode_when_none_is_named(engine: Engine) -> None:
    # `after that` points at nothing here: the list, not an episode beside a guess.
    assert engine.reader.read("what episode comes after that") == AskTopic(Topic.EPISODE)


def test_a_fan_called_at_the_end_of_a_remark_is_no_subject(engine: Engine) -> None:
    answer = engine.ask("¿quién escribió el guion? está de lujo, tío")
    assert answer.topic is Topic.CREATORS and "James Schamus" in answer.text
    # After an article or a possessive, the kin word is still who is asked about.
    assert engine.ask("who plays irene's friend").topic is Topic.UNKNOWN


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("la actuación del que hace de benjamín está cañona, cómo se llama el actor?", Topic.CAST),
        ("no puedo dejar de pensar en somos, va a haber otra temporada?", Topic.SEASON2),
        ("no sé usarte, ayuda", Topic.HELP),
        ("my professor showed us somos, who created it?", Topic.CREATORS),
    ],
)
def test_round_37_words_and_cues_are_read(engine: Engine, question: str, topic: Topic) -> None:
    assert engine.ask(question).topic is topic


# ------------------------------------------------------------------------------- round 38


def test_the_episode_before_the_finale_is_no_ending_asked(engine: Engine) -> None:
    answer = engine.ask("y el capítulo anterior al final?")
    assert answer.topic is Topic.EPISODE and "The Night Belongs to Us" in answer.title
    # How it ends is still a fact no claim holds.
    assert engine.ask("como termina al final la serie").topic is Topic.UNKNOWN


def test_each_episode_beside_another_is_answered(engine: Engine) -> None:
    route = engine.reader.read("the ep after the flies one, and the one right before the finale?")
    assert route == AskEntities(Topic.EPISODE, ("episode-3", "episode-5"))


@pytest.mark.parametrize(
    ("command", "name"), [("/creators somos", "James Schamus"), ("/cast Somos.", "Jero Medina")]
)
def test_a_command_given_the_shows_name_lists_its_people(
    engine: Engine, command: str, name: str
) -> None:
    assert name in engine.ask(command).text


def test_the_article_it_is_based_on_called_is_its_title(engine: Engine) -> None:
    answer = engine.ask("what's the article it's based on called?")
    assert "How the U.S. Triggered a Massacre in Mexico" in answer.text


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("estarían los mismos actores en la temporada 2?", Topic.SEASON2),
        ("how should i ask you questions?", Topic.HELP),
    ],
)
def test_round_38_words_and_cues_are_read(engine: Engine, question: str, topic: Topic) -> None:
    assert engine.ask(question).topic is topic


# ------------------------------------------------------------------------------- round 39


@pytest.mark.parametrize(
    "question",
    ["any more episodes coming after the finale?", "habrá algo después del último capítulo?"],
)
def test_more_after_the_finale_asks_for_a_second_season(engine: Engine, question: str) -> None:
    # The episode after the last is not made: whether it will be is the season-2 answer.
    assert engine.ask(question).topic is Topic.SEASON2
    # `Somos.` is the last episode's title, but after the show's name it names no episode.
    assert engine.ask("why is there a dot after somos").topic is Topic.SHOW


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("netflix better renew it, is it happening", Topic.SEASON2),
        ("is a second season on the cards", Topic.SEASON2),
        ("ya se terminó la serie y chao?", Topic.SEASON2),
        ("son fiables tus fuentes? no quiero un bulo", Topic.SOURCES),
        ("podrías decirme qué fuentes usas?", Topic.SOURCES),
    ],
)
def test_round_39_words_are_read(engine: Engine, question: str, topic: Topic) -> None:
    assert engine.ask(question).topic is topic


def test_better_call_saul_is_still_another_show(engine: Engine) -> None:
    # `better` is an everyday word now; a run with an unknown word is still a title.
    assert engine.ask("is better call saul worth watching").topic is Topic.UNKNOWN


# ------------------------------------------------------------------------------- round 40


@pytest.mark.parametrize(
    "question",
    [
        "could you explain how to interact with you?",
        "what kind of questions can i ask",
        "qué tipo de preguntas puedo hacerte?",
        "can i ask you in english?",
        "puedo preguntarte en inglés?",
        "q comandos tenés",
    ],
)
def test_round_40_help_is_read(engine: Engine, question: str) -> None:
    assert engine.ask(question).topic is Topic.HELP


def test_a_language_is_known_only_beside_a_help_cue(engine: Engine) -> None:
    assert engine.ask("is somos in english").topic is Topic.UNKNOWN


@pytest.mark.parametrize(
    "question",
    [
        "cuántas fuentes tenés?",  # a cue outweighs what retrieval alone found (the count)
        "is your info verified or from unofficial sites",
        "de dónde sacas lo que dices, de wikipedia?",
        "quién escribió los artículos de donde sacas todo",  # not the show's writers
        "got anything newer than that?? your info is ancient",
    ],
)
def test_round_40_sources_are_read(engine: Engine, question: str) -> None:
    assert engine.ask(question).topic is Topic.SOURCES


def test_whether_a_person_lives_is_a_fact_no_claim_holds(engine: Engine) -> None:
    assert engine.ask("is the real doña chayo still alive").topic is Topic.UNKNOWN
    # Of the show, it asks whether it goes on.
    assert engine.ask("is somos still alive or cancelled").topic is Topic.SEASON2


def test_the_shows_full_stop_ends_no_sentence_before_lower_case(engine: Engine) -> None:
    answer = engine.ask("In which Mexican state do the events of Somos. take place?")
    assert answer.topic is Topic.SHOW and "Coahuila" in answer.text


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("/creators ginger thompson article title", "How the U.S. Triggered a Massacre in Mexico"),
        ("/cast who plays chayo", "Mercedes Hernández"),
    ],
)
def test_a_command_argument_that_asks_is_read_as_a_question(
    engine: Engine, command: str, expected: str
) -> None:
    assert expected in engine.ask(command).text


def test_a_command_argument_that_neither_names_nor_asks_is_unsure(engine: Engine) -> None:
    assert engine.ask("/cast xyzzy").topic is Topic.UNKNOWN


def test_the_one_described_is_no_episode_one() -> None:
    assert parse_episode_reference("episode the one with the flies") is None
    assert parse_episode_reference("episode one where they party") == 1


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("weón quién hace de chema, actúa la raja", Topic.CAST),
        ("va a aber segunda temporada?", Topic.SEASON2),
        ("chamo, cuándo sale la temporada dos?", Topic.SEASON2),
        ("esa vaina cuántos caps son?", Topic.SHOW),
        ("what's it about? the netflix one not the song", Topic.SHOW),
    ],
)
def test_round_40_words_are_read(engine: Engine, question: str, topic: Topic) -> None:
    assert engine.ask(question).topic is topic


# ------------------------------------------------------------------------------- round 41


@pytest.mark.parametrize(
    "question",
    [
        "what languages do you speak?",
        "en qué idiomas contestas?",
        "hablas español?",
        "cuál es el comando para preguntar?",
        "halp, how does this bot work",
        "hi, i am new here, what can i ask?",
    ],
)
def test_round_41_help_is_read(engine: Engine, question: str) -> None:
    assert engine.ask(question).topic is Topic.HELP


def test_languages_asked_of_the_show_are_still_unknown(engine: Engine) -> None:
    assert engine.ask("what languages is somos available in").topic is Topic.UNKNOWN


@pytest.mark.parametrize(
    "question",
    [
        "who wrote the articles you use?",  # the articles' authors, not the show's writers
        "list the sources your answers are drawn from",
        "¿de qué fuentes obtiene la información?",
        "is any of this from netflix or from random websites",
    ],
)
def test_round_41_sources_are_read(engine: Engine, question: str) -> None:
    assert engine.ask(question).topic is Topic.SOURCES


def test_the_next_one_after_an_episode_named_by_its_own_word(engine: Engine) -> None:
    answer = engine.ask("just watched the one with the wolves, whats the next one called")
    assert answer.topic is Topic.EPISODE and "The Night Belongs to Us" in answer.title


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("que onda banda, alguien se avienta una peli hoy?", Topic.UNKNOWN),  # chat to fans
        ("epa, se sabe algo de la segunda temporada?", Topic.SEASON2),
        ("asere, cuándo sale la segunda temporada?", Topic.SEASON2),
        ("the journalist behind the source material?", Topic.CREATORS),
        ("cuántos episodios son? mañana tengo que madrugar", Topic.SHOW),
    ],
)
def test_round_41_words_are_read(engine: Engine, question: str, topic: Topic) -> None:
    assert engine.ask(question).topic is topic


# ------------------------------------------------------------------------------- round 42


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("entiendes inglés?", Topic.HELP),
        ("can you speak spanish", Topic.HELP),
        ("no cacho cómo funciona esto", Topic.HELP),
        ("what am i able to ask?", Topic.HELP),
        ("¿de dónde te sacas todo esto?", Topic.SOURCES),
        ("so is it just over?? done done?", Topic.SEASON2),
        ("ya la confirmaron o es puro humo? la temporada 2", Topic.SEASON2),
        ("is season 2 confirmed or just rumours going round tiktok", Topic.SEASON2),
        ("hay chance de más capítulos o naranjas", Topic.SEASON2),
        ("is it a true crime thing or all made up?", Topic.SHOW),
        ("vale la pena o es un bodrio?", Topic.SHOW),
        ("acere, quién hace de paquito", Topic.CAST),
    ],
)
def test_round_42_words_and_cues_are_read(engine: Engine, question: str, topic: Topic) -> None:
    assert engine.ask(question).topic is topic


def test_an_actors_age_is_a_fact_no_claim_holds(engine: Engine) -> None:
    assert engine.ask("qué edad tiene la actriz de érika").topic is Topic.UNKNOWN


# ------------------------------------------------------------------------------- round 43


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("what's this bot even for", Topic.HELP),
        ("qué cosas sabes hacer, bot?", Topic.HELP),
        ("cómo le hago para preguntarte algo?", Topic.HELP),
        ("list the sources your answers are based on", Topic.SOURCES),  # not the show's basis
        ("is your stuff from netflix or random websites", Topic.SOURCES),
        ("la info la sacas de netflix o de dónde carajo", Topic.SOURCES),
        ("how long did netflix have to decide on a renewal", Topic.SEASON2),
        ("who's the sheila playing irene", Topic.CAST),
        ("quién hace de chayo? actúa burda de bien", Topic.CAST),
    ],
)
def test_round_43_words_and_cues_are_read(engine: Engine, question: str, topic: Topic) -> None:
    assert engine.ask(question).topic is topic


def test_asking_you_a_cast_question_is_still_the_cast(engine: Engine) -> None:
    # `preguntarte` is a help cue; a question it introduces is still what is asked.
    assert engine.ask("quiero preguntarte quién hace de chema").topic is Topic.CAST


def test_the_episodes_titles_in_spanish_are_a_fact_no_claim_holds(engine: Engine) -> None:
    assert engine.ask("cómo se llaman los episodios en español").topic is Topic.UNKNOWN
    # Episode 2's own claim says its sources give only the English title.
    assert engine.ask("cuál es el título en español del episodio 2").topic is Topic.EPISODE


# ------------------------------------------------------------------------------- round 44


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("which sources are your answers based on?", Topic.SOURCES),  # the bot's own, all
        ("tu info viene de netflix o de fans?", Topic.SOURCES),
        ("de qué fecha es la data que tenés?", Topic.SOURCES),
        ("y este bot pa qué sirve", Topic.HELP),
        ("te puedo escribir en inglés?", Topic.HELP),  # `escribir` was corrected to `escribió`
        ("lo más conocido de james schamus?", Topic.CREATORS),
        ("release date for series 2? cheers", Topic.SEASON2),
        ("¿la cancelaron de manera oficial?", Topic.SEASON2),
        ("cuánta gente murió en la masacre en la vida real", Topic.UNKNOWN),
    ],
)
def test_round_44_words_and_cues_are_read(engine: Engine, question: str, topic: Topic) -> None:
    assert engine.ask(question).topic is topic


def test_which_source_gives_one_claim_is_still_that_claim(engine: Engine) -> None:
    assert engine.ask("which article says schamus directed it").topic is Topic.CREATORS


# ------------------------------------------------------------------------------- round 45


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("whats ep3 called", Topic.EPISODE),  # an episode code after `whats` is no kind of thing
        ("somos is based on what", Topic.SHOW),  # the show's basis, not the bot's
        ("what are you based on", Topic.SOURCES),
        ("more episodes coming? just finished ep 6", Topic.SEASON2),
        ("is it finished for good?", Topic.SEASON2),
        ("vale la pena o es medio pesada?", Topic.SHOW),
        ("what state is allende in? not my strong suit", Topic.SHOW),
        ("¿cómo debo formular mis preguntas?", Topic.HELP),
    ],
)
def test_round_45_words_and_cues_are_read(engine: Engine, question: str, topic: Topic) -> None:
    assert engine.ask(question).topic is topic


def test_the_episode_after_one_named_is_still_not_season_2(engine: Engine) -> None:
    assert engine.ask("whats the next one after ep 2").topic is Topic.EPISODE


# ------------------------------------------------------------------------------- round 46


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("quién escribió las fuentes del bot", Topic.SOURCES),  # not the show's writers
        ("la info que das es oficial o de blogs?", Topic.SOURCES),
        ("how should i ask you stuff", Topic.HELP),
        ("any chance of more of somos? i need to know what happens to them after all that",
         Topic.SEASON2),
        ("who is the journalist, and has she won any awards?", Topic.CREATORS),
    ],
)
def test_round_46_words_and_cues_are_read(engine: Engine, question: str, topic: Topic) -> None:
    assert engine.ask(question).topic is topic


def test_the_aftermath_alone_is_still_a_fact_no_claim_holds(engine: Engine) -> None:
    assert engine.ask("what happened to the people of allende after all that").topic is (
        Topic.UNKNOWN
    )


# ------------------------------------------------------------------------------- round 47


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("¿quién está detrás de somos? me refiero al creador", Topic.CREATORS),
        ("did the journalist win any awards?", Topic.CREATORS),
        ("asere qué bola con la segunda temporada", Topic.SEASON2),
        ("vale la pena o es muy lenta?", Topic.SHOW),
        ("do you just make stuff up?", Topic.SOURCES),
        ("can you answer stuff in spanish?", Topic.HELP),
        ("dónde se grabó somos?", Topic.UNKNOWN),  # where it was filmed: no claim says
        ("what publication did ginger thompson write for", Topic.UNKNOWN),
    ],
)
def test_round_47_words_and_cues_are_read(engine: Engine, question: str, topic: Topic) -> None:
    assert engine.ask(question).topic is topic


# ------------------------------------------------------------------------------- review 2


@pytest.mark.parametrize(
    "question",
    [
        "who plays the teacher",  # a person of a fan's day may be who is asked about
        "who plays the professor in somos",
        "who plays in the final scene",
        "what is the geography of coahuila",
        "does chayo speak english",  # a language beside a person is no help asked
        "is it investigative",
        "/cast is chayo still alive",  # a command's question no claim answers
    ],
)
def test_words_that_may_be_the_subject_are_not_everyday(engine: Engine, question: str) -> None:
    assert engine.ask(question).topic is Topic.UNKNOWN


def test_a_professor_in_passing_is_still_no_subject(engine: Engine) -> None:
    assert engine.ask("my professor showed us somos, who created it?").topic is Topic.CREATORS


def test_an_episode_command_beside_another_reads_as_the_question(engine: Engine) -> None:
    assert engine.ask("/episode after the finale").topic is Topic.SEASON2
    assert engine.ask("/episode the one after the flies").title.startswith("Episode 3")
    assert parse_episode_reference("the one", bare=True) is None


# ------------------------------------------------------------------------------- round 48


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("el anteúltimo episodio cómo se llama?", Topic.EPISODE),
        ("regáleme el título del episodio 5 y el 6", Topic.EPISODE),
        ("is somos getting another series", Topic.SEASON2),
        ("are any further episodes planned beyond the first six?", Topic.SEASON2),
        ("qué posibilidades hay de que hagan segunda temporada ahre", Topic.SEASON2),
        ("de dónde sacaste eso? pasame las fuentes", Topic.SOURCES),
        ("esas fuentes son de fiar? de qué año son", Topic.SOURCES),  # not the release year
        ("can i talk to you in spanish", Topic.HELP),
    ],
)
def test_round_48_words_and_cues_are_read(engine: Engine, question: str, topic: Topic) -> None:
    assert engine.ask(question).topic is topic


# ------------------------------------------------------------------------------- round 49


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("quién escribió esta serie? me dejó destruido", Topic.CREATORS),
        ("netflix is taking ages to renew it innit", Topic.SEASON2),
        ("is somos an aussie show? which country is it from", Topic.SHOW),
        ("do you have any source written in 2021", Topic.SOURCES),  # not the show's writers
        ("tu info es de netflix o de fan pages?", Topic.SOURCES),
        ("how should i phrase my questions?", Topic.HELP),
    ],
)
def test_round_49_words_and_cues_are_read(engine: Engine, question: str, topic: Topic) -> None:
    assert engine.ask(question).topic is topic


def test_another_work_said_to_be_based_on_something_is_declined(engine: Engine) -> None:
    assert engine.ask("is who killed sara based on a true story").topic is Topic.UNKNOWN
    assert engine.ask("is somos based on a true story").topic is Topic.SHOW
    long = "my abuela got really quiet when i put this on... so what is somos actually based on?"
    assert engine.ask(long).topic is Topic.SHOW


# ------------------------------------------------------------------------------- round 50


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("whats the usual window for netflix to make up its mind on a renewal", Topic.SEASON2),
        ("any info on when a potential second season might premiere?", Topic.SEASON2),
        ("vale la pena ver somos o es puro relleno", Topic.SHOW),
        ("¿En qué plataforma echan Somos.?", Topic.SHOW),
        ("is your stuff up to date or is it old news", Topic.SOURCES),
        ("What kinds of questions can I ask you?", Topic.HELP),
        ("oe bot que haces tu", Topic.HELP),
    ],
)
def test_round_50_words_and_cues_are_read(engine: Engine, question: str, topic: Topic) -> None:
    assert engine.ask(question).topic is topic


def test_a_kind_of_question_is_no_subject_of_its_own(engine: Engine) -> None:
    # `kinds` once found a season-2 claim's `questions` by retrieval alone.
    assert engine.ask("kinds of questions i can ask?").topic is Topic.HELP
    assert engine.ask("que haces tu hoy").topic is Topic.UNKNOWN  # chit-chat, not the help


def test_a_slip_in_a_name_beside_it_is_the_name(engine: Engine) -> None:
    assert engine.ask("ginger tomson quien es").title == "Ginger Thompson"
    assert engine.ask("oye bro quien es el actor de chemaa").title.startswith("Everardo Arzate")
    assert engine.ask("who is ginger tomsen married to").topic is Topic.UNKNOWN


def test_which_episode_a_title_is_asks_of_that_episode(engine: Engine) -> None:
    assert engine.ask("the night belongs to us es el penultimo?").title.startswith("Episodio 5")
    assert engine.ask("jero medina es el penultimo?").topic is Topic.UNKNOWN


def test_the_creator_and_his_co_writers_are_both_answered(engine: Engine) -> None:
    answer = engine.ask("Who is the creator of Somos., and who did he co-write it with?")
    assert "created" in answer.text and "Monika Revilla" in answer.text


# ------------------------------------------------------------------------------- round 51


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("so is somos over or what. like is that the end of the story", Topic.SEASON2),
        ("bot where'd you hear all that from", Topic.SOURCES),  # `'d` is `did`
        ("is your info current or is it from like 2021", Topic.SOURCES),
        ("te puedo creer o inventas cosas jaja", Topic.SOURCES),  # not the show's `inventada`
        ("who wrote the articles you're pulling from?", Topic.SOURCES),  # not the writers
    ],
)
def test_round_51_words_and_cues_are_read(engine: Engine, question: str, topic: Topic) -> None:
    assert engine.ask(question).topic is topic


def test_who_he_was_in_the_show_asks_his_role(engine: Engine) -> None:
    question = (
        "ok so I just binged the whole thing in one night (no regrets) and I keep thinking about "
        "Everardo Arzate, he looked so familiar. who was he in the show?"
    )
    assert engine.ask(question).title.startswith("Everardo Arzate")
    assert engine.ask("who was he in breaking bad").topic is Topic.UNKNOWN


def test_the_article_the_show_is_based_on_is_named(engine: Engine) -> None:
    answer = engine.ask("G'day, just wondering what the article the show's based on is called?")
    assert "How the U.S. Triggered a Massacre in Mexico" in answer.text


# ------------------------------------------------------------------------------- round 52


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("who made somos, like the team behind it", Topic.CREATORS),
        ("vale la pena verla o es puro hype?", Topic.SHOW),
        ("bro where'd you even get this stuff 💀", Topic.SOURCES),
        ("wey de donde sacaste eso, pasame el articulo", Topic.SOURCES),  # not the article's
        ("what kinda stuff do u know about, can u do episodes n stuff or what", Topic.HELP),
        (
            "me vi toda la serie y quede loquisimo, le dije a mi novia que seguro sacan otra "
            "temporada pero ella dice que no y estamos peleados, quien tiene razon? la renovaron",
            Topic.SEASON2,
        ),
    ],
)
def test_round_52_words_and_cues_are_read(engine: Engine, question: str, topic: Topic) -> None:
    assert engine.ask(question).topic is topic


def test_the_d_of_a_question_word_is_did(engine: Engine) -> None:
    assert engine.reader._corrected("where d you hear that") == "where did you hear that"
    assert engine.reader._corrected("la serie d netflix") == "la serie de netflix"


def test_a_scene_stolen_is_said_in_passing(engine: Engine) -> None:
    question = "ngl the dude playing paquito lowkey stole every scene, who is he"
    assert engine.ask(question).title.startswith("Jesús Sida")
    assert engine.ask("who stole every scene in breaking bad").topic is Topic.UNKNOWN


def test_what_someone_is_doing_in_the_show_asks_their_part(engine: Engine) -> None:
    assert engine.ask("y fernanda melchor que pinta en la serie?").title == "Fernanda Melchor"
    assert engine.ask("que pinta tiene la serie").topic is Topic.UNKNOWN  # how it looks


# ------------------------------------------------------------------------------- round 53


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("who's the director of photography, the shots are bloody gorgeous", Topic.CREATORS),
        ("mi socio, ¿quién dirigió eso? está durísima la serie", Topic.CREATORS),
        ("oe causa, quien es el que ideó la serie?", Topic.CREATORS),  # `causa` is no `caused`
        ("oigan y al final netflix nunca dijo nada de la 2?", Topic.SEASON2),
        ("doing a school project about Mexican TV. what real event does Somos. show?", Topic.SHOW),
        ("bruv where's all this info coming from, is it just made up", Topic.SOURCES),
        ("quien escribio esos articulos? son oficiales?", Topic.SOURCES),
        ("la info de la temporada 2 de donde sale? de que pagina?", Topic.SOURCES),
        ("Hiya, what articles does your season 2 stuff come from?", Topic.SOURCES),
        ("wena bot, pa que servi?", Topic.HELP),
        ("oye y tu que haces exactamente", Topic.HELP),
    ],
)
def test_round_53_words_and_cues_are_read(engine: Engine, question: str, topic: Topic) -> None:
    assert engine.ask(question).topic is topic


def test_the_episode_watched_is_set_aside_after_the_question_too(engine: Engine) -> None:
    question = "Is Somos over for good or is it just on a break? Just finished ep 6"
    assert engine.ask(question).topic is Topic.SEASON2
    assert engine.ask("who directed it? just finished ep 2").topic is Topic.CREATORS
    assert engine.ask("just watched ep 3, whats it called").title.startswith("Episode 3")


@pytest.mark.parametrize(
    "question",
    [
        "el final estuvo durisimo wey, todavia lo ando procesando",  # a reaction
        "el final estuvo increible",
        "wena cabros como estan",  # `cabros` is no `cabos` of a claim
    ],
)
def test_round_53_remarks_are_not_answered(engine: Engine, question: str) -> None:
    assert engine.ask(question).topic is Topic.UNKNOWN


def test_all_this_info_about_a_name_is_no_question_of_sources(engine: Engine) -> None:
    assert engine.ask("give me all this info about chema").topic is Topic.CAST


# ------------------------------------------------------------------------------- round 54


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("Estimado bot, ¿sería tan amable de decirme quiénes dirigieron la serie?", Topic.CREATORS),
        ("my buddy swears somos has 6 seasons, is he trippin", Topic.SHOW),
        ("¿podría indicarme en qué año ocurrieron los hechos que narra la serie?", Topic.SHOW),
        ("quien escribe las paginas de donde sacas los datos", Topic.SOURCES),
        (
            "the older lady was incredible, like every scene she was in hit so hard. anyway who "
            "plays chayo?",
            Topic.CAST,
        ),
        (
            "les cuento que la vi toda con mi vieja, el pibe benja nos partio el alma mal. "
            "alguien sabe como se llama el actor que hace de benjamin?",
            Topic.CAST,
        ),
    ],
)
def test_round_54_words_and_cues_are_read(engine: Engine, question: str, topic: Topic) -> None:
    assert engine.ask(question).topic is topic


def test_a_year_no_fact_of_the_person_holds_dates_something_else(engine: Engine) -> None:
    assert engine.ask("quien gano el premio pulitzer en 2023").topic is Topic.UNKNOWN
    assert engine.ask("did schamus win an oscar in 2001").topic is Topic.UNKNOWN
    assert engine.ask("who plays chema in somos 2021").topic is Topic.CAST  # the show's year
    assert engine.ask("quien gano el premio pulitzer").topic is Topic.CREATORS


# ------------------------------------------------------------------------------- round 55


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("chamo quien hace de chema, ese pana actua arrecho", Topic.CAST),
        ("me dejo mal todo lo que paso en el pueblo, en fin, quien hace de Isidro?", Topic.CAST),
        ("Dear bot, who is credited with creating this series?", Topic.CREATORS),
        ("is somos over for good or what, it felt like the story just ended", Topic.SEASON2),
        ("pata cuantas temporadas tiene somos", Topic.SHOW),
        ("quien escribio los articulos que citas", Topic.SOURCES),  # not the show's writers
        ("ey parce, esa info es confiable o la estas inventando?", Topic.SOURCES),
    ],
)
def test_round_55_words_and_cues_are_read(engine: Engine, question: str, topic: Topic) -> None:
    assert engine.ask(question).topic is topic


def test_the_ending_is_why_a_fan_asks_for_a_second_season(engine: Engine) -> None:
    question = "my mum and i were in bits at the end. is there a second series coming?"
    assert engine.ask(question).topic is Topic.SEASON2
    assert engine.ask("who dies at the end").topic is Topic.UNKNOWN
    assert engine.ask("how does it end").topic is Topic.UNKNOWN


# ------------------------------------------------------------------------------- round 56


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("we were both bawling at the end, anyway who's the actor playing benjamin", Topic.CAST),
        ("ella quedo fascinada con la piba que hace de erika, me decis cual es?", Topic.CAST),
        ("wey ya renovaron somos o que pedo", Topic.SEASON2),
        ("mi vieja me dijo que la vea, no me quiso contar nada. de que trata posta?", Topic.SHOW),
        ("where's this bot's knowledge coming from, is it official netflix stuff?", Topic.SOURCES),
        ("¿de qué fuentes obtiene la información que proporciona?", Topic.SOURCES),
        ("explain how to use this bot and which commands are available", Topic.HELP),
        ("¿qué comandos tiene disponibles y cómo utilizarlos?", Topic.HELP),
    ],
)
def test_round_56_words_and_cues_are_read(engine: Engine, question: str, topic: Topic) -> None:
    assert engine.ask(question).topic is topic


def test_the_next_episode_asked_before_watching_it(engine: Engine) -> None:
    question = "me he quedado en el cuarto capitulo, como se llama el siguiente antes de verlo jaja"
    assert engine.ask(question).title.startswith("Episodio 5")


def test_a_year_named_from_now_dates_something_else(engine: Engine) -> None:
    assert engine.ask("quien gano el pulitzer este año").topic is Topic.UNKNOWN
    assert engine.ask("who plays chema? i watched it this year").topic is Topic.CAST


def test_a_persons_name_with_an_s_is_their_possessive(engine: Engine) -> None:
    assert engine.reader._corrected("chayos story") == "chayo s story"
    assert engine.ask("irenes actress").title.startswith("Iliana Donatlán")


# ------------------------------------------------------------------------------- round 57


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("my mate recommended Somos. Could you give me a quick rundown of the premise", Topic.SHOW),
        ("Excuse me, which articles are your answers based on, please?", Topic.SOURCES),
        ("is your info current or is it outdated", Topic.SOURCES),
        ("where'd you read all this lol", Topic.SOURCES),
        ("Disculpe, ¿podría indicarme qué artículos consulta para sus respuestas?", Topic.SOURCES),
        ("wot can u do mate", Topic.HELP),
    ],
)
def test_round_57_words_and_cues_are_read(engine: Engine, question: str, topic: Topic) -> None:
    assert engine.ask(question).topic is topic


def test_an_ending_asked_in_spanish_is_answered_in_spanish(engine: Engine) -> None:
    answer = engine.ask("se acabo somos?? 😢")
    assert answer.topic is Topic.SEASON2 and answer.language is Language.ES


@pytest.mark.parametrize(
    "question",
    [
        "quien escribio el guion de la casa de papel",  # another work's script
        "como se llama la novela de fernanda melchor",  # no claim names her novel
        "oigan y elite cuando sale la nueva temporada?",  # another show's new season
    ],
)
def test_round_57_other_works_are_declined(engine: Engine, question: str) -> None:
    assert engine.ask(question).topic is Topic.UNKNOWN


def test_the_script_and_season_of_this_show_are_still_asked(engine: Engine) -> None:
    assert engine.ask("oigan y somos cuando sale la nueva temporada?").topic is Topic.SEASON2
    assert engine.ask("quien hizo el guion de somos").topic is Topic.CREATORS
    assert engine.ask("el guion de la serie quien lo escribio").topic is Topic.CREATORS


# ------------------------------------------------------------------------------- review 3


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("who plays chema? i watched it in 2022", Topic.CAST),  # the year the fan watched in
        ("who was in the cast? i saw it last year", Topic.CAST),
        ("que debo saber antes de verla", Topic.SHOW),
        ("y al final qué pasa con benjamín", Topic.UNKNOWN),  # how it ends, still declined
        ("is the show outdated", Topic.UNKNOWN),  # not the sources
        ("qué citas famosas tiene doña chayo", Topic.CAST),  # not the sources
        ("is ignacio prieto a priest", Topic.UNKNOWN),  # no slip for a name written whole
        ("does chema regret what he did", Topic.UNKNOWN),
        ("quien era el socio de benjamin", Topic.UNKNOWN),
    ],
)
def test_review_3_words_that_may_be_asked_stay_asked(
    engine: Engine, question: str, topic: Topic
) -> None:
    assert engine.ask(question).topic is topic


# ------------------------------------------------------------------------------- round 58


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("asere, que vola con la temporada 2 de somos, la renovaron?", Topic.SEASON2),
        ("¿me podría indicar de qué artículos obtiene la información que comparte?", Topic.SOURCES),
        ("mano y eso de donde lo sacaste? 🤨", Topic.SOURCES),
        ("weon, tu info es confiable o es puro invento?", Topic.SOURCES),  # no `inventada`
        ("wat can this thing even do lmao", Topic.HELP),
    ],
)
def test_round_58_words_and_cues_are_read(engine: Engine, question: str, topic: Topic) -> None:
    assert engine.ask(question).topic is topic


def test_which_one_picks_an_episode_and_counts_none(engine: Engine) -> None:
    assert engine.ask("after the moon ep which one is next").title.startswith("Episode 4")
    assert parse_episode_reference("which one is next") is None
    assert engine.ask("which one is episode one").title.startswith("Episode 1")


def test_the_story_of_an_episode_never_made_is_declined(engine: Engine) -> None:
    assert engine.ask("de que trata el episodio 7").topic is Topic.UNKNOWN
    assert engine.ask("what happens in episode 7").topic is Topic.UNKNOWN
    assert engine.ask("is there an episode 7? netflix stopped at 6").topic is Topic.EPISODE


# ------------------------------------------------------------------------------- round 59


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("la señora chayo quien la actua? q actriz tan tremenda chamo", Topic.CAST),
        ("the acting was unreal. who plays benjamin tho", Topic.CAST),
        ("bro quien hizo esta serie tan cabrona, la dirigio y todo quien fue", Topic.CREATORS),
        ("bro where u getting all this stuff from lol", Topic.SOURCES),
        ("yo how do i talk to u", Topic.HELP),
        ("oye bot y tu q haces o q", Topic.HELP),
    ],
)
def test_round_59_words_and_cues_are_read(engine: Engine, question: str, topic: Topic) -> None:
    assert engine.ask(question).topic is topic
