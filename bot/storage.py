"""What fans tell the bot: mistake reports and the questions it could not answer.

Plain sqlite3 in WAL mode so moderators can read while the bot writes. Reports are written with
`synchronous=FULL` because a fan's report is the one thing we must not lose on a crash. Every call
is short and synchronous; async callers run it with `asyncio.to_thread`. A broken database (locked,
read-only, corrupt) raises `StorageError`, which the adapters log while they keep answering.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from bot.core.text import fold

_SCHEMA = """
CREATE TABLE IF NOT EXISTS reports (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    user_id INTEGER NOT NULL,
    question TEXT NOT NULL,
    answer_text TEXT NOT NULL,
    report_text TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS gaps (
    question_folded TEXT PRIMARY KEY,
    example TEXT NOT NULL,
    count INTEGER NOT NULL,
    last_asked TEXT NOT NULL
);
"""

MAX_TEXT = 4000

MAX_GAPS = 10_000
"""Distinct unanswered questions kept; past this, the least asked and oldest are forgotten, so a
stream of one-off questions cannot grow the database without end."""
"""Longest text stored per column: a report is at most a modal's 4000 characters anyway."""


class StorageError(Exception):
    """The database cannot be used right now; the message says why."""


@dataclass(frozen=True)
class Report:
    """A fan's report that an answer is wrong."""

    id: int
    created_at: datetime
    user_id: int
    question: str
    answer_text: str
    report_text: str


@dataclass(frozen=True)
class Gap:
    """A question the bot could not answer, with how often it was asked."""

    example: str
    count: int
    last_asked: datetime


class Storage:
    """The SQLite file of reports and gaps. Safe to call from several threads."""

    def __init__(self, path: Path | str, timeout: float = 2.0) -> None:
        self.path = Path(path)
        self._timeout = timeout
        self._lock = threading.Lock()

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        """A connection for one call, schema ensured; sqlite errors become `StorageError`."""
        with self._lock:
            try:
                connection = sqlite3.connect(self.path, timeout=self._timeout)
            except sqlite3.Error as error:
                raise StorageError(f"cannot open {self.path.name}: {error}") from error
            try:
                connection.execute("PRAGMA journal_mode=WAL")
                connection.executescript(_SCHEMA)
                with connection:
                    yield connection
            except sqlite3.Error as error:
                raise StorageError(f"{self.path.name}: {error}") from error
            finally:
                connection.close()

    def add_report(self, user_id: int, question: str, answer_text: str, report_text: str) -> int:
        """Store a report durably and return its id."""
        with self._connect() as db:
            db.execute("PRAGMA synchronous=FULL")
            cursor = db.execute(
                "INSERT INTO reports (created_at, user_id, question, answer_text, report_text)"
                " VALUES (?, ?, ?, ?, ?)",
                (
                    _now(),
                    user_id,
                    question[:MAX_TEXT],
                    answer_text[:MAX_TEXT],
                    report_text[:MAX_TEXT],
                ),
            )
            return int(cursor.lastrowid or 0)

    def record_gap(self, question: str) -> None:
        """Count one more ask of an unanswered question; spellings that fold alike count as one."""
        folded = fold(question)[:MAX_TEXT]
        if not folded:
            return
        with self._connect() as db:
            db.execute(
                "INSERT INTO gaps (question_folded, example, count, last_asked) VALUES (?, ?, 1, ?)"
                " ON CONFLICT(question_folded) DO UPDATE SET count = count + 1,"
                " example = excluded.example, last_asked = excluded.last_asked",
                (folded, question[:MAX_TEXT], _now()),
            )
            (kept,) = db.execute("SELECT count(*) FROM gaps").fetchone()
            if kept > MAX_GAPS:
                db.execute(
                    "DELETE FROM gaps WHERE question_folded IN (SELECT question_folded FROM gaps"
                    " ORDER BY count DESC, last_asked DESC, rowid DESC LIMIT -1 OFFSET ?)",
                    (MAX_GAPS,),
                )

    def top_gaps(self, n: int = 10) -> list[Gap]:
        """The `n` most asked unanswered questions, most recent first among equals."""
        with self._connect() as db:
            rows = db.execute(
                "SELECT example, count, last_asked FROM gaps"
                " ORDER BY count DESC, last_asked DESC LIMIT ?",
                (n,),
            ).fetchall()
        return [Gap(example, count, datetime.fromisoformat(last)) for example, count, last in rows]

    def latest_reports(self, n: int = 10) -> list[Report]:
        """The `n` newest reports."""
        with self._connect() as db:
            rows = db.execute(
                "SELECT id, created_at, user_id, question, answer_text, report_text FROM reports"
                " ORDER BY id DESC LIMIT ?",
                (n,),
            ).fetchall()
        return [Report(r[0], datetime.fromisoformat(r[1]), *r[2:]) for r in rows]

    def health(self) -> str:
        """`ok` with counts, or what is wrong; never raises, for `/kb status`."""
        try:
            with self._connect() as db:
                (check,) = db.execute("PRAGMA quick_check").fetchone()
                if check != "ok":
                    return f"unhealthy: {check}"
                (reports,) = db.execute("SELECT count(*) FROM reports").fetchone()
                (gaps,) = db.execute("SELECT count(*) FROM gaps").fetchone()
                db.execute("BEGIN IMMEDIATE")  # can we write? (locked or read-only says no)
                db.rollback()
        except StorageError as error:
            return f"unhealthy: {error}"
        return f"ok: {reports} reports, {gaps} unanswered questions"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
