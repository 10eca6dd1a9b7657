"""Each kind of bad knowledge edit gives a `file:line: path: reason` a moderator understands."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from bot.core.knowledge import KnowledgeError, LoadFailed, load_knowledge
from tests.conftest import KNOWLEDGE_DIR
from tests.support.knowledge_edits import replace_outside_comments

Edit = Callable[[str, str, str], None]


@pytest.fixture
def kb_dir(knowledge_dir: Path) -> Path:
    return knowledge_dir


@pytest.fixture
def edit(kb_dir: Path) -> Edit:
    def replace(file: str, old: str, new: str) -> None:
        replace_outside_comments(kb_dir / file, old, new)

    return replace


def line_of(path: Path, needle: str, occurrence: int = 1) -> int:
    seen = 0
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line and not line.lstrip().startswith("#"):
            seen += 1
            if seen == occurrence:
                return number
    raise AssertionError(f"{needle!r} not found in {path}")


def errors_of(directory: Path) -> list[KnowledgeError]:
    with pytest.raises(LoadFailed) as failure:
        load_knowledge(directory)
    return failure.value.errors


def only_error(directory: Path) -> KnowledgeError:
    errors = errors_of(directory)
    assert len(errors) == 1, [str(e) for e in errors]
    return errors[0]


def test_shipped_knowledge_is_valid() -> None:
    knowledge = load_knowledge(KNOWLEDGE_DIR)
    assert len(knowledge.sources) == 2
    assert len(knowledge.episodes) == 6


def test_missing_required_field_points_at_the_entry(kb_dir: Path, edit: Edit) -> None:
    edit("cast.yaml", "    actor: Jero Medina\n", "")
    error = only_error(kb_dir)
    assert error.file.endswith("cast.yaml")
    assert error.path == "cast[0].actor"
    assert error.message == "this field is required but missing"
    assert error.line == line_of(kb_dir / "cast.yaml", "- id: jero-medina")
    assert str(error).endswith(
        f"cast.yaml:{error.line}: cast[0].actor: this field is required but missing"
    )


def test_wrong_type_names_the_line_of_the_value(kb_dir: Path, edit: Edit) -> None:
    edit("episodes.yaml", "    number: 3\n", "    number: three\n")
    error = only_error(kb_dir)
    assert (error.path, error.message) == ("episodes[2].number", "must be a whole number")
    assert error.line == line_of(kb_dir / "episodes.yaml", "number: three")


def test_misspelt_field_is_an_unknown_field(kb_dir: Path, edit: Edit) -> None:
    edit("cast.yaml", "    character: Benjamín\n", "    charcter: Benjamín\n")
    error = only_error(kb_dir)
    assert error.path == "cast[0].charcter"
    assert "unknown field" in error.message
    assert error.line == line_of(kb_dir / "cast.yaml", "charcter:")


def test_unknown_source_lists_the_defined_ones(kb_dir: Path, edit: Edit) -> None:
    edit("cast.yaml", "sources: [season2-release-cast-plot]", "sources: [fan-site]")
    error = only_error(kb_dir)
    assert error.path == "cast[0].claims[0].sources[0]"
    assert "unknown source 'fan-site'" in error.message
    assert "season2-latest-updates" in error.message
    assert error.line == line_of(kb_dir / "cast.yaml", "sources: [fan-site]")


def test_renamed_source_id_still_referenced_is_reported_everywhere(
    kb_dir: Path, edit: Edit
) -> None:
    edit("sources.yaml", "- id: season2-latest-updates", "- id: latest-updates")
    errors = errors_of(kb_dir)
    assert len(errors) > 5
    assert all("unknown source 'season2-latest-updates'" in e.message for e in errors)
    assert {Path(e.file).name for e in errors} >= {"show.yaml", "people.yaml", "season2.yaml"}


def test_duplicate_id_names_the_first_use(kb_dir: Path, edit: Edit) -> None:
    edit("cast.yaml", "- id: arel", "- id: jero-medina\n    # was: arel")
    error = only_error(kb_dir)
    assert error.path == "cast[1].id"
    assert "'jero-medina' is used twice" in error.message
    assert "cast[0].id" in error.message


def test_bad_id_explains_the_pattern(kb_dir: Path, edit: Edit) -> None:
    edit("cast.yaml", "- id: jero-medina", "- id: Jero Medina")
    error = only_error(kb_dir)
    assert error.path == "cast[0].id"
    assert "lower-case letters, digits and single hyphens" in error.message


def test_bad_publication_date_is_explained(kb_dir: Path, edit: Edit) -> None:
    edit("sources.yaml", '"2022-06"', '"June 2022"')
    error = only_error(kb_dir)
    assert error.path == "sources[0].published"
    assert "YYYY-MM" in error.message


def test_yaml_syntax_error_gives_the_line(kb_dir: Path, edit: Edit) -> None:
    edit("cast.yaml", "    character: Benjamín\n", "    character: [Benjamín\n")
    error = only_error(kb_dir)
    assert error.file.endswith("cast.yaml")
    assert error.message.startswith("YAML syntax error")
    assert error.line >= line_of(kb_dir / "cast.yaml", "character: [Benjamín")


def test_tab_indentation_is_a_syntax_error_that_mentions_tabs(kb_dir: Path, edit: Edit) -> None:
    edit("cast.yaml", "    character: Benjamín\n", "\tcharacter: Benjamín\n")
    error = only_error(kb_dir)
    assert error.message.startswith("YAML syntax error")
    assert "tab" in error.message


def test_duplicate_key_is_an_error_not_a_silent_overwrite(kb_dir: Path, edit: Edit) -> None:
    edit("cast.yaml", "    character: Benjamín\n", "    character: Benjamín\n    character: Beni\n")
    error = only_error(kb_dir)
    assert error.path == "cast[0].character"
    assert "written twice" in error.message
    assert error.line == line_of(kb_dir / "cast.yaml", "character: Beni")


def test_anchors_and_aliases_are_refused(kb_dir: Path, edit: Edit) -> None:
    edit("cast.yaml", "    aliases:\n      - Jero\n", "    aliases: &names\n      - Jero\n")
    edit("cast.yaml", "- id: arel", "- extra: *names\n    id: arel")
    error = only_error(kb_dir)
    assert "anchors and aliases" in error.message


def test_no_stays_a_string(kb_dir: Path, edit: Edit) -> None:
    edit("cast.yaml", "    character: Benjamín\n", "    character: No\n")
    knowledge = load_knowledge(kb_dir)
    assert knowledge.cast[0].character == "No"


def test_empty_file(kb_dir: Path) -> None:
    (kb_dir / "extra.yaml").write_text("# nothing yet\n", encoding="utf-8")
    error = only_error(kb_dir)
    assert error.file.endswith("extra.yaml")
    assert "is empty" in error.message


def test_non_utf8_file(kb_dir: Path) -> None:
    (kb_dir / "cast.yaml").write_bytes("cast:\n  - id: x\n    actor: Do\xf1a\n".encode("latin-1"))
    error = only_error(kb_dir)
    assert "not UTF-8" in error.message
    assert error.line == 3


def test_missing_file_means_a_missing_section(kb_dir: Path) -> None:
    (kb_dir / "season2.yaml").unlink()
    error = only_error(kb_dir)
    assert "season2" in error.message
    assert "no file defines" in error.message


def test_section_defined_twice(kb_dir: Path) -> None:
    (kb_dir / "more.yaml").write_text("season2:\n  claims: []\n", encoding="utf-8")
    errors = errors_of(kb_dir)
    twice = [e for e in errors if "already defined in" in e.message]
    assert len(twice) == 1
    assert {Path(twice[0].file).name, Path(twice[0].message.split()[-1]).name} == {
        "more.yaml",
        "season2.yaml",
    }


def test_missing_directory(tmp_path: Path) -> None:
    error = only_error(tmp_path / "nowhere")
    assert "does not exist" in error.message


def test_errors_in_several_files_are_reported_together(kb_dir: Path, edit: Edit) -> None:
    edit("cast.yaml", "    character: Benjamín\n", "    charcter: Benjamín\n")
    edit("episodes.yaml", "    number: 3\n", "    number: three\n")
    errors = errors_of(kb_dir)
    assert {Path(e.file).name for e in errors} == {"cast.yaml", "episodes.yaml"}
