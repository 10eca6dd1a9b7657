"""Question understanding: the shipped evaluation set must not regress, and the tools that
measure it (dataset validation, scorer, baselines, report) must measure honestly.

The shipped set is two files: `eval/questions.yaml`, the tuning set, and `eval/heldout.yaml`,
the held-out set written blind. Until the held-out file exists, its tests skip and say why. The
goals of the issue are real assertions on the held-out set: they are checked by the single run
on it, never used to tune.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import discord
import pytest
from discord import app_commands

from bot.adapters.console import run_console
from bot.adapters.discord import limits
from bot.adapters.discord.client import create_bot
from bot.adapters.discord.translator import SomosTranslator, language_of
from bot.core.answering.answer import Answer, Confidence, Language, Topic
from bot.core.answering.engine import Engine
from bot.core.i18n import MESSAGES
from bot.core.live import LiveKnowledge
from bot.evaluation import dataset
from bot.evaluation.baselines import all_answerers, difflib_baseline, rapidfuzz_baseline
from bot.evaluation.cli import RECORD_NAME, evaluate, evaluate_file
from bot.evaluation.dataset import (
    DEFAULT_FILE,
    HELDOUT_FILE,
    OUT_OF_SCOPE,
    DatasetError,
    EvalSet,
    Split,
    load_eval_set,
    load_eval_sets,
    load_shipped_set,
)
from bot.evaluation.report import GOAL_ACCURACY, GOAL_TOPIC_ACCURACY, Recorded, Report
from bot.evaluation.scoring import score
from bot.storage import Storage
from tests.conftest import KNOWLEDGE_DIR, REPO
from tests.support.discord_harness import make_settings, start_bot

NO_HELDOUT = "eval/heldout.yaml does not exist yet: the blind held-out set is still being written"
MAIN_TOPICS = {"cast", "episode", "creators", "season2", "show"}

# ------------------------------------------------------------------------- the tuning set


@pytest.fixture(scope="module")
def tune_set() -> EvalSet:
    return load_shipped_set([Split.TUNE])


@pytest.fixture(scope="module")
def recorded() -> Recorded:
    found = Recorded.read(DEFAULT_FILE.with_name(RECORD_NAME))
    assert found is not None, "eval/baseline.json is missing: run python -m bot.evaluation record"
    return found


@pytest.fixture(scope="module")
def tune_report(engine: Engine, tune_set: EvalSet, recorded: Recorded) -> Report:
    return evaluate(tune_set, all_answerers(engine), recorded=recorded)


def test_tuning_set_has_the_promised_shape(tune_set: EvalSet) -> None:
    questions = tune_set.questions
    assert len(questions) >= 200
    assert all(q.split is Split.TUNE for q in questions)
    assert {q.language for q in questions} == {Language.EN, Language.ES}
    out_of_scope = sum(q.decline for q in questions) / len(questions)
    assert 0.2 <= out_of_scope <= 0.3, "about a quarter is out of scope"
    assert {q.group for q in questions} >= MAIN_TOPICS


def test_tune_accuracy_does_not_fall_below_the_record(
    tune_report: Report, recorded: Recorded
) -> None:
    wrong = [f"{o.question.id}: {o.question.question!r}" for o in tune_report.bot.failures()]
    accuracy = tune_report.bot.figures(Split.TUNE).accuracy
    assert accuracy + 1e-9 >= recorded.accuracy["tune"], "\n".join(wrong)


def test_no_tune_topic_falls_below_its_record(tune_report: Report, recorded: Recorded) -> None:
    floors = recorded.by_topic["tune"]
    for group, figures in tune_report.topic_figures(Split.TUNE).items():
        assert figures.accuracy + 1e-9 >= floors.get(group, GOAL_TOPIC_ACCURACY), group


def test_tuning_set_has_no_confidently_wrong_out_of_scope(tune_report: Report) -> None:
    wrong = [o.question.question for o in tune_report.bot.failures() if o.confidently_wrong]
    assert tune_report.bot.figures(Split.TUNE).confidently_wrong_out_of_scope == 0, wrong


def test_bot_beats_both_baselines_on_tune(tune_report: Report) -> None:
    bot, *baselines = tune_report.runs
    for baseline in baselines:
        assert bot.figures(Split.TUNE).accuracy > baseline.figures(Split.TUNE).accuracy + 0.3


def test_report_prints_the_bot_beside_both_baselines(tune_report: Report) -> None:
    text = tune_report.to_text()
    header = next(line for line in text.splitlines() if "difflib" in line)
    assert header.split() == ["bot", "difflib", "rapidfuzz"]
    assert "held-out" in text and "confidently wrong" in text and "out of scope declined" in text
    data = json.loads(json.dumps(tune_report.to_json()))
    assert set(data["answerers"]) == {"bot", "difflib", "rapidfuzz"}
    assert set(data["answerers"]["bot"]["by_language"]["tune"]) == {"en", "es"}
    assert len(data["failures"]) == len(tune_report.bot.failures())


def test_eval_command_runs_and_exits_zero_at_the_record() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bot", "eval", "--split", "tune", "--json"],
        capture_output=True, text=True, cwd=REPO, check=False, timeout=120,
        env={"KNOWLEDGE_DIR": str(KNOWLEDGE_DIR), "PATH": ""},
    )
    assert done.returncode == 0, done.stderr
    overall = json.loads(done.stdout)["answerers"]["bot"]["overall"]
    assert overall["tune"]["questions"] >= 200
    assert overall["heldout"]["questions"] == 0, "--split tune never reads the held-out set"


# ----------------------------------------------------------------------- the held-out set
# Checked by the single run on the blind held-out set; skipped until it exists.


@pytest.fixture(scope="module")
def heldout_report(engine: Engine, recorded: Recorded) -> Report:
    if not HELDOUT_FILE.is_file():
        pytest.skip(NO_HELDOUT)
    return evaluate(load_shipped_set(), all_answerers(engine), recorded=recorded)


def test_heldout_set_has_the_promised_shape(heldout_report: Report) -> None:
    heldout = heldout_report.eval_set.split(Split.HELDOUT)
    assert {q.language for q in heldout} == {Language.EN, Language.ES}
    assert any(q.decline for q in heldout), "the held-out set has out-of-scope questions"
    assert {q.group for q in heldout} >= MAIN_TOPICS


def test_heldout_set_is_frozen(heldout_report: Report, recorded: Recorded) -> None:
    """Changing the held-out set changes every figure; it needs a new, deliberate record."""
    assert heldout_report.eval_set.fingerprint(Split.HELDOUT) == recorded.heldout_fingerprint, (
        "the held-out set has no record, or changed since it was recorded: after the single "
        "run on it, run `python -m bot.evaluation record`"
    )


def test_heldout_accuracy_not_below_the_record(
    heldout_report: Report, recorded: Recorded
) -> None:
    assert "heldout" in recorded.accuracy, "no held-out figure recorded yet"
    accuracy = heldout_report.bot.figures(Split.HELDOUT).accuracy
    assert accuracy + 1e-9 >= recorded.accuracy["heldout"]


def test_heldout_reaches_the_accuracy_goal(heldout_report: Report) -> None:
    assert heldout_report.bot.figures(Split.HELDOUT).accuracy >= GOAL_ACCURACY


def test_heldout_has_no_confidently_wrong_out_of_scope(heldout_report: Report) -> None:
    wrong = [
        o.question.question
        for o in heldout_report.bot.failures()
        if o.confidently_wrong and o.question.decline
    ]
    assert not wrong


@pytest.mark.xfail(
    strict=True,
    reason="goal not met: on the blind round-59 held-out set the creators scored 94.4 % "
    "(34 of 36) and the help 90.0 % (18 of 20; docs/evaluation.md); "
    "remove this marker when it passes",
)
def test_heldout_every_topic_reaches_the_goal(heldout_report: Report) -> None:
    weak = {
        group: f"{figures.accuracy:.1%}"
        for group, figures in heldout_report.topic_figures(Split.HELDOUT).items()
        if group != OUT_OF_SCOPE and figures.accuracy < GOAL_TOPIC_ACCURACY
    }
    assert not weak


def test_bot_beats_both_baselines_on_heldout(heldout_report: Report) -> None:
    bot, *baselines = heldout_report.runs
    for baseline in baselines:
        assert bot.figures(Split.HELDOUT).accuracy > baseline.figures(Split.HELDOUT).accuracy + 0.3


# ----------------------------------------------------- a set as one file or the shipped pair


def _row(qid: str, question: str, split: str | None = "tune") -> str:
    split_field = f"split: {split}, " if split else ""
    return (f'  - {{id: {qid}, {split_field}language: en, question: "{question}", '
            "decline: true, category: gibberish}\n")


def test_shipped_pair_reads_the_heldout_file_only_when_it_exists(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tune, heldout = tmp_path / "questions.yaml", tmp_path / "heldout.yaml"
    tune.write_text("questions:\n" + _row("t-1", "asdf"), encoding="utf-8")
    monkeypatch.setattr(dataset, "SHIPPED_FILES", {Split.TUNE: tune, Split.HELDOUT: heldout})
    assert [q.id for q in load_shipped_set().questions] == ["t-1"]
    with pytest.raises(DatasetError, match=r"heldout\.yaml:0: no such file"):
        load_shipped_set([Split.HELDOUT])
    heldout.write_text("questions:\n" + _row("h-1", "qwer", split=None), encoding="utf-8")
    both = load_shipped_set()
    assert [(q.id, q.split) for q in both.questions] == [("t-1", Split.TUNE),
                                                          ("h-1", Split.HELDOUT)]
    assert [q.id for q in load_shipped_set([Split.TUNE]).questions] == ["t-1"]
    assert both.fingerprint(Split.HELDOUT) is not None
    assert load_shipped_set([Split.TUNE]).fingerprint(Split.HELDOUT) is None


def test_a_file_holds_its_own_split_and_overlaps_are_counted(tmp_path: Path) -> None:
    tune, heldout = tmp_path / "questions.yaml", tmp_path / "heldout.yaml"
    tune.write_text("questions:\n" + _row("t-1", "asdf"), encoding="utf-8")
    heldout.write_text("questions:\n" + _row("h-1", "qwer", split="tune"), encoding="utf-8")
    with pytest.raises(DatasetError, match=r"heldout\.yaml:2: h-1: split: must be 'heldout'"):
        load_eval_set(heldout, Split.HELDOUT)
    heldout.write_text("questions:\n" + _row("t-1", "ASDF!", split=None), encoding="utf-8")
    both = load_eval_sets([(tune, Split.TUNE), (heldout, Split.HELDOUT)])
    assert [q.split for q in both.questions] == [Split.TUNE, Split.HELDOUT]
    assert [q.question for q in both.shared_with_tune()] == ["ASDF!"]


def test_the_report_scores_the_held_out_questions_no_tuning_question_repeats(
    engine: Engine,
) -> None:
    rows = [
        {"id": "t-1", "split": "tune", "language": "en", "question": "who plays benjamin",
         "topic": "cast", "must_contain": ["Jero Medina"]},
        {"id": "h-1", "split": "heldout", "language": "en", "question": "Who plays Benjamín?",
         "topic": "cast", "must_contain": ["Jero Medina"]},
        {"id": "h-2", "split": "heldout", "language": "en", "question": "who plays irene",
         "topic": "cast", "must_contain": ["Jero Medina"]},  # a wrong key: never correct
        {"id": "h-3", "split": "heldout", "language": "en", "question": "asdfgh",
         "decline": True, "category": "gibberish"},
    ]
    report = evaluate(EvalSet.model_validate({"questions": rows}), all_answerers(engine))
    new = report.new_wording()
    assert new is not None and (new.questions, new.correct) == (2, 1)
    assert "1 held-out questions are also tuning questions; on the other 2 the bot scores " \
        "50.0% (1 of 2)" in report.to_text()
    assert report.to_json()["heldout_new_wording"]["correct"] == 1
    alone = EvalSet.model_validate({"questions": rows[2:]})
    assert evaluate(alone, all_answerers(engine)).new_wording() is None


def test_one_file_with_both_splits_and_the_split_option(tmp_path: Path) -> None:
    path = tmp_path / "other.yaml"
    path.write_text("questions:\n" + _row("t-1", "asdf") + _row("h-1", "qwer", split="heldout"),
                    encoding="utf-8")
    assert len(evaluate_file(KNOWLEDGE_DIR, path).eval_set.questions) == 2
    only = evaluate_file(KNOWLEDGE_DIR, path, [Split.HELDOUT])
    assert [q.id for q in only.eval_set.questions] == ["h-1"]
    tune_only = tmp_path / "tune.yaml"
    tune_only.write_text("questions:\n" + _row("t-1", "asdf"), encoding="utf-8")
    with pytest.raises(DatasetError, match="has no heldout questions"):
        evaluate_file(KNOWLEDGE_DIR, tune_only, [Split.HELDOUT])


def test_recording_the_tune_split_keeps_the_heldout_record(engine: Engine) -> None:
    rows = [
        {"id": "t-1", "split": "tune", "language": "en", "question": "who plays benjamin",
         "topic": "cast", "must_contain": ["Jero Medina"]},
        {"id": "h-1", "split": "heldout", "language": "en", "question": "asdfgh",
         "decline": True, "category": "gibberish"},
    ]
    both = EvalSet.model_validate({"questions": rows})
    first = evaluate(both, all_answerers(engine)).record()
    assert first["heldout_fingerprint"] == both.fingerprint(Split.HELDOUT)
    assert first["bot"]["accuracy"] == {"tune": 1.0, "heldout": 1.0}
    previous = Recorded(first["heldout_fingerprint"], first["bot"]["accuracy"],
                        first["bot"]["by_topic"], first)
    tune = both.only([Split.TUNE])
    assert tune is not None
    again = evaluate(tune, all_answerers(engine), recorded=previous)
    assert again.record_applies() and not again.regressed()
    assert again.record()["heldout_fingerprint"] == first["heldout_fingerprint"]
    assert again.record()["bot"]["by_topic"]["heldout"] == {"out of scope": 1.0}
    changed = both.model_copy(update={"questions": [*both.questions[:1], both.questions[1]
                                                    .model_copy(update={"question": "zzzz"})]})
    assert not evaluate(changed, all_answerers(engine), recorded=previous).record_applies()


# ----------------------------------------------------------------------------- the scorer


def _question(**fields: object) -> EvalSet:
    base: dict[str, object] = {"id": "q-1", "split": "tune", "language": "en", "question": "x"}
    return EvalSet.model_validate({"questions": [{**base, **fields}]})


def _answer(topic: Topic, text: str, confidence: Confidence = Confidence.MEDIUM) -> Answer:
    return Answer(query="x", topic=topic, title="t", text=text, confidence=confidence, caveat="")


def test_scorer_needs_topic_and_every_fact_after_folding() -> None:
    question = _question(topic="cast", must_contain=["Mercedes Hernández", "Doña Chayo"])
    q = question.questions[0]
    assert score(q, _answer(Topic.CAST, "MERCEDES HERNANDEZ plays Dona Chayo. [1]")).correct
    missing = score(q, _answer(Topic.CAST, "Mercedes Hernández plays someone."))
    assert not missing.correct and missing.missing == ("Doña Chayo",)
    assert missing.confidently_wrong
    assert not score(q, _answer(Topic.SHOW, "Mercedes Hernández plays Doña Chayo.")).correct


def test_scorer_matches_whole_words_only() -> None:
    q = _question(topic="show", must_contain=["7.2"]).questions[0]
    assert score(q, _answer(Topic.SHOW, "rated 7.2 on IMDb")).correct
    assert not score(q, _answer(Topic.SHOW, "rated 17.25 on IMDb")).correct


def test_scorer_accepts_any_listed_topic() -> None:
    q = _question(topic=["show", "creators"], must_contain=["Ginger Thompson"]).questions[0]
    assert score(q, _answer(Topic.CREATORS, "Ginger Thompson wrote it")).correct
    assert q.group == "show"


def test_declining_is_right_only_for_out_of_scope() -> None:
    q = _question(decline=True, category="other-show").questions[0]
    declined = score(q, _answer(Topic.UNKNOWN, "I can't answer that", Confidence.NONE))
    assert declined.correct and not declined.confident
    answered = score(q, _answer(Topic.SHOW, "Somos. is a series", Confidence.HIGH))
    assert not answered.correct and answered.confidently_wrong
    hedged = score(q, _answer(Topic.SEASON2, "Speculation", Confidence.LOW))
    assert not hedged.correct and not hedged.confidently_wrong
    helped = score(q, _answer(Topic.HELP, "/cast …", Confidence.HIGH))
    assert helped.confidently_wrong, "the help is a confident answer too"


# ------------------------------------------------------------------------ dataset errors


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "questions.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('{id: a, split: tune, language: en, question: "x", topic: cast}',
         "give `topic` and `must_contain`"),
        ('{id: a, split: tune, language: en, question: "x", decline: true}', "needs a `category`"),
        ('{id: a, split: tune, language: en, question: "x", decline: true, category: other-show,'
         " topic: cast}", "has no `topic`"),
        ('{id: a, split: train, language: en, question: "x", decline: true, category: gibberish}',
         "split"),
        ('{id: a, split: tune, language: fr, question: "x", decline: true, category: gibberish}',
         "language"),
        ('{id: a, split: tune, language: en, question: "x", topic: plot, must_contain: [y]}',
         "topic"),
        ('{id: a, split: tune, language: en, question: "x", topic: cast, must_contain: [y],'
         " musts: [z]}", "musts"),
        ('{id: a, split: tune, language: en, question: "x", decline: yes, category: gibberish}',
         "decline"),
        ('{id: A b, split: tune, language: en, question: "x", decline: true, category: gibberish}',
         "id"),
        ('{id: a, split: tune, language: en, question: "x", topic: cast, must_contain: ["!!"]}',
         "no letters or digits"),
    ],
)
def test_dataset_errors_name_the_question_and_line(
    tmp_path: Path, body: str, message: str
) -> None:
    path = _write(tmp_path, f"questions:\n  - {body}\n")
    with pytest.raises(DatasetError) as caught:
        load_eval_set(path)
    text = str(caught.value)
    assert text.startswith("questions.yaml:2: ")
    assert message in text


def test_dataset_refuses_repeats_and_duplicate_keys(tmp_path: Path) -> None:
    row = '{id: a, split: tune, language: en, question: "Who?", decline: true, category: chit-chat}'
    again = row.replace("id: a", "id: b").replace("Who?", "who")
    with pytest.raises(DatasetError) as caught:
        load_eval_set(_write(tmp_path, f"questions:\n  - {row}\n  - {row}\n  - {again}\n"))
    problems = caught.value.problems
    assert any("id already used at line 2" in p for p in problems)
    assert any("same question as a" in p for p in problems)
    with pytest.raises(DatasetError, match="written twice"):
        load_eval_set(_write(tmp_path, "questions:\n  - id: a\n    id: b\n"))
    with pytest.raises(DatasetError, match="no such file"):
        load_eval_set(tmp_path / "missing.yaml")
    with pytest.raises(DatasetError, match="`questions:` list"):
        load_eval_set(_write(tmp_path, "- just a list\n"))


# ------------------------------------------------------------------------------ baselines


def test_baselines_answer_by_the_closest_name_or_decline(engine: Engine) -> None:
    for baseline in (difflib_baseline(engine), rapidfuzz_baseline(engine)):
        named = baseline.answer("dona chayo")
        assert named.topic is Topic.CAST and "Mercedes Hernández" in named.text
        declined = baseline.answer("zzzz qqqq")
        assert declined.topic is Topic.UNKNOWN and declined.confidence is Confidence.NONE
        assert baseline.answer("quién hace de doña chayo").language is Language.ES


# ---------------------------------------------------------------- replies in the fan's language


def test_spanish_question_in_the_console_gets_a_spanish_reply() -> None:
    out = io.StringIO()
    run_console(LiveKnowledge(KNOWLEDGE_DIR), stdin=io.StringIO("quien hace de dona chayo\n"),
                stdout=out)
    reply = out.getvalue()
    assert "Mercedes Hernández interpreta a Doña Chayo. [1]" in reply
    assert "Fuentes:" in reply and "[1] Somos. Season 2: Release date, Cast, and Plot" in reply
    assert "\nConfianza media: solo una fuente lo dice." in reply


def test_spanish_question_through_the_command_line() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "¿habrá segunda temporada?"],
        capture_output=True, text=True, cwd=REPO, check=True, timeout=60,
        env={"KNOWLEDGE_DIR": str(KNOWLEDGE_DIR), "PATH": ""},
    )
    assert "¿Una segunda temporada?" in done.stdout
    assert "Netflix no ha renovado ni cancelado Somos." in done.stdout
    assert "Fuentes:" in done.stdout and "\nConfianza " in done.stdout
    assert "Especulación" in done.stdout


@pytest.mark.parametrize(
    ("locale", "language"),
    [(discord.Locale.spain_spanish, Language.ES), (discord.Locale.latin_american_spanish,
      Language.ES), (discord.Locale.american_english, Language.EN), (discord.Locale.french,
      Language.EN), (None, Language.EN)],
)
def test_discord_locale_decides_the_reply_language(
    locale: discord.Locale | None, language: Language
) -> None:
    assert language_of(locale) is language


async def test_every_command_has_spanish_descriptions_within_discord_limits(
    tmp_path: Path,
) -> None:
    settings = make_settings(tmp_path, KNOWLEDGE_DIR)
    bot = create_bot(settings, LiveKnowledge(KNOWLEDGE_DIR), Storage(settings.database_path),
                     serve=False)
    await start_bot(bot)
    try:
        translator = SomosTranslator()
        commands = bot.tree.get_commands()
        assert {c.name for c in commands} >= {"cast", "episode", "season2", "ask", "kb"}
        for command in commands:
            payload = await command.get_translated_payload(bot.tree, translator)
            for item in [payload, *payload.get("options", [])]:
                _assert_localized(item)
                for option in item.get("options", []):
                    _assert_localized(option)
    finally:
        await bot.close()


def _assert_localized(item: dict[str, object]) -> None:
    english = str(item["description"])
    assert limits.DESCRIPTION_MIN <= len(english) <= limits.DESCRIPTION_MAX
    localized = item.get("description_localizations")
    assert isinstance(localized, dict), item["name"]
    assert set(localized) == {"es-ES", "es-419"}, item["name"]
    for text in localized.values():
        assert limits.DESCRIPTION_MIN <= len(text) <= limits.DESCRIPTION_MAX
        assert text != english, f"{item['name']}: not translated"


def test_every_spanish_command_description_fits_discords_limit() -> None:
    for key, texts in MESSAGES.items():
        if key.startswith("cmd."):
            assert len(texts[Language.ES]) <= limits.DESCRIPTION_MAX, key
            assert len(texts[Language.EN]) <= limits.DESCRIPTION_MAX, key


async def test_translator_leaves_names_and_other_locales_alone() -> None:
    translator = SomosTranslator()
    context = app_commands.TranslationContext(
        app_commands.TranslationContextLocation.command_name, None
    )
    string = app_commands.locale_str("cast", key="cmd.cast")
    assert await translator.translate(string, discord.Locale.spain_spanish, context) is None
    described = app_commands.TranslationContext(
        app_commands.TranslationContextLocation.command_description, None
    )
    assert await translator.translate(string, discord.Locale.french, described) is None
    spanish = await translator.translate(string, discord.Locale.latin_american_spanish, described)
    assert spanish == MESSAGES["cmd.cast"][Language.ES]


def test_the_accuracy_goal_gives_the_count_beside_the_rounded_figure(tmp_path: Path) -> None:
    path = tmp_path / "other.yaml"
    rows = "".join(_row(f"h-{n}", f"asdf {'q' * n}", split="heldout") for n in range(3))
    path.write_text("questions:\n" + rows, encoding="utf-8")
    goal = next(
        g for g in evaluate_file(KNOWLEDGE_DIR, path).goals() if g.name.startswith("held-out acc")
    )
    assert goal.detail == "100.0% (3 of 3)"
