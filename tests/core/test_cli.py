"""The command line as operators and moderators use it: ask, --json, --batch, kb check, console."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.adapters.console import run_console
from bot.cli import main
from bot.core.live import LiveKnowledge
from tests.conftest import KNOWLEDGE_DIR

JSON_FIELDS = {"query", "topic", "text", "confidence", "caveat", "sources", "matches"}


@pytest.fixture(autouse=True)
def _no_token(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    monkeypatch.delenv("KNOWLEDGE_DIR", raising=False)
    monkeypatch.chdir(tmp_path)  # no stray .env is read


def test_ask_prints_answer_sources_and_caveat(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "who plays Doña Chayo?"]) == 0
    out = capsys.readouterr().out
    assert "Mercedes Hernández" in out
    assert "[1] Somos. Season 2: Release date, Cast, and Plot (June 2022)" in out
    assert "\nConfidence medium: only one source reports this." in out


def test_ask_json_keeps_its_fields(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--json", "is there a season 2"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert set(answer) >= JSON_FIELDS
    assert answer["topic"] == "season2"
    assert answer["confidence"] in {"high", "medium", "low"}
    assert "disagree" in answer["caveat"] and "years ago" in answer["caveat"]
    assert {"id", "title", "date"} <= set(answer["sources"][0])
    assert answer["sources"][0]["date"] == "2022-06"


def test_ask_json_for_an_unknown_question(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--json", "who plays walter white"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert (answer["topic"], answer["confidence"], answer["sources"]) == ("unknown", "none", [])


def test_ask_in_spanish_on_request(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--lang", "es", "who plays chema"]) == 0
    assert "Confianza" in capsys.readouterr().out


def test_ask_batch_answers_each_line_as_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    questions = tmp_path / "questions.txt"
    questions.write_text("who plays benjamin\n\n/episode 3\nxyzzy plugh\n", encoding="utf-8")
    assert main(["ask", "--batch", str(questions)]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["topic"] for line in lines] == ["cast", "episode", "unknown"]
    assert all(set(line) >= JSON_FIELDS for line in lines)


def test_ask_batch_from_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("quien hace de dona chayo\n"))
    assert main(["ask", "--batch", "-"]) == 0
    line = json.loads(capsys.readouterr().out)
    assert line["language"] == "es" and line["topic"] == "cast"


def test_ask_batch_missing_file_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--batch", "nope.txt"]) == 1
    assert "cannot read nope.txt" in capsys.readouterr().err


def test_ask_without_a_question_explains_usage(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask"]) == 2
    assert "give a question" in capsys.readouterr().err


def test_kb_check_valid(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["kb", "check", str(KNOWLEDGE_DIR)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("OK: 2 sources, 9 cast members")
    assert "claims" in out


def test_kb_check_invalid_lists_every_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "kb"
    shutil.copytree(KNOWLEDGE_DIR, broken)
    (broken / "cast.yaml").write_text("cast:\n  - id: x\n    actor: [\n", encoding="utf-8")
    (broken / "episodes.yaml").write_text("episodes:\n  - id: ep\n", encoding="utf-8")
    assert main(["kb", "check", str(broken)]) == 1
    captured = capsys.readouterr()
    assert "cast.yaml:" in captured.out and "YAML syntax error" in captured.out
    assert "episodes.yaml:2: episodes[0]" in captured.out
    assert "errors; nothing was changed" in captured.err


def test_start_with_broken_knowledge_fails_clearly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("KNOWLEDGE_DIR", str(tmp_path / "missing"))
    assert main(["ask", "hello"]) == 1
    assert "does not exist" in capsys.readouterr().err


def test_bad_setting_is_a_clear_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LOG_LEVEL", "LOUD")
    assert main(["ask", "hi"]) == 2
    assert "LOG_LEVEL" in capsys.readouterr().err


def test_console_answers_commands_and_free_text_until_quit() -> None:
    out = io.StringIO()
    lines = "/cast Doña Chayo\n¿de qué trata?\n\n/quit\n/help\n"
    assert run_console(LiveKnowledge(KNOWLEDGE_DIR), stdin=io.StringIO(lines), stdout=out) == 0
    text = out.getvalue()
    assert "Mercedes Hernández" in text
    assert "Fuentes:" in text and "Confianza" in text, "a Spanish question gets a Spanish reply"
    assert "What you can ask" not in text, "nothing is answered after /quit"


def test_console_reload_reports_errors_and_keeps_serving(tmp_path: Path) -> None:
    directory = tmp_path / "kb"
    shutil.copytree(KNOWLEDGE_DIR, directory)
    live = LiveKnowledge(directory)
    (directory / "cast.yaml").write_text("cast: [\n", encoding="utf-8")
    out = io.StringIO()
    run_console(live, stdin=io.StringIO("/reload\nwho plays chema\n"), stdout=out)
    assert "cast.yaml:" in out.getvalue()
    assert "still serving the last good knowledge" in out.getvalue()
    assert "Everardo Arzate" in out.getvalue()


def test_console_is_the_default_without_a_token(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "DISCORD_TOKEN"}
    result = subprocess.run(
        [sys.executable, "-m", "bot"],
        input="who plays benjamin\n",
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "somos-bot console" in result.stdout
    assert "Jero Medina" in result.stdout
