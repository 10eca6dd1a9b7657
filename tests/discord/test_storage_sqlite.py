"""Reports and gaps in SQLite; a broken database is reported, never raised past `StorageError`."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bot.storage import Storage, StorageError


def test_reports_and_gaps_round_trip(tmp_path: Path) -> None:
    storage = Storage(tmp_path / "db.sqlite3")
    first = storage.add_report(1, "q1", "a1", "wrong")
    second = storage.add_report(2, "q2", "a2", "also wrong")
    storage.record_gap("¿Quién hizo el catering?")
    storage.record_gap("quien hizo el CATERING")
    storage.record_gap("Other")

    assert [r.id for r in storage.latest_reports(5)] == [second, first]
    assert [(g.example, g.count) for g in storage.top_gaps(5)] == [
        ("quien hizo el CATERING", 2),
        ("Other", 1),
    ]
    assert storage.health() == "ok: 2 reports, 2 unanswered questions"
    with sqlite3.connect(tmp_path / "db.sqlite3") as db:
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_corrupt_database_is_unhealthy_and_raises_storage_error(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    path.write_bytes(b"garbage" * 1000)
    storage = Storage(path)
    assert storage.health().startswith("unhealthy")
    with pytest.raises(StorageError):
        storage.record_gap("q")


def test_unopenable_path_is_unhealthy(tmp_path: Path) -> None:
    storage = Storage(tmp_path / "missing-dir" / "db.sqlite3")
    assert storage.health().startswith("unhealthy")
    with pytest.raises(StorageError):
        storage.add_report(1, "q", "a", "r")


def test_locked_database_is_unhealthy_not_hanging(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    Storage(path).record_gap("warm up")
    locker = sqlite3.connect(path)
    locker.execute("BEGIN EXCLUSIVE")
    try:
        storage = Storage(path, timeout=0.05)
        assert storage.health().startswith("unhealthy")
        with pytest.raises(StorageError):
            storage.record_gap("q")
    finally:
        locker.rollback()
        locker.close()


def test_gaps_keep_the_most_asked_when_full(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("bot.storage.MAX_GAPS", 3)
    storage = Storage(tmp_path / "db.sqlite3")
    for question, times in [("alpha", 3), ("beta", 1), ("gamma", 2), ("delta", 4), ("epsilon", 1)]:
        for _ in range(times):
            storage.record_gap(question)
    assert [gap.example for gap in storage.top_gaps(10)] == ["delta", "alpha", "gamma"]
