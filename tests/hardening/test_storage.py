"""Storage keeps its word: a thanked report survives SIGKILL, concurrent writers lose nothing, and
a locked, read-only or corrupt database never stops the answers (it is logged, and `/kb status`
says so)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from discord.webhook.async_ import async_context

from bot.storage import Storage, StorageError
from tests.hardening.helpers import final_message
from tests.hardening.storage_worker import report
from tests.support.discord_capture import snowflake
from tests.support.discord_harness import Harness
from tests.support.discord_payloads import MANAGER, slash

REPO = Path(__file__).resolve().parents[2]
UNANSWERABLE = "What is the budget of the catering truck?"
THANKS = "Thank you"
NOT_SAVED = "could not save"

@pytest.fixture
def storage_timeout() -> float:
    """A locked database gives up after 0.2 s here, so the tests stay quick."""
    return 0.2


def worker(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.hardening.storage_worker", *args],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def journal_mode(path: Path) -> str:
    with contextlib.closing(sqlite3.connect(path)) as db:
        return str(db.execute("PRAGMA journal_mode").fetchone()[0])


def status_of(sent: list[Any]) -> dict[str, str]:
    """The fields of a `/kb status` reply, name → value."""
    (embed,) = final_message(sent)["embeds"]
    return {field["name"]: field["value"] for field in embed["fields"]}


async def still_answers(harness: Harness) -> None:
    """The bot answers a known and an unknown question with an embed."""
    for question in ("who plays Doña Chayo?", UNANSWERABLE):
        (sent,) = await harness.interact(slash("ask", {"question": question}))
        assert sent.payload["type"] == 4 and sent.data["embeds"], sent.payload  # type: ignore[index]


# ---------------------------------------------------------------------------------- durability


def test_the_database_is_in_wal_mode(tmp_path: Path) -> None:
    storage = Storage(tmp_path / "somos.sqlite3")
    storage.record_gap(UNANSWERABLE)
    assert journal_mode(storage.path) == "wal"


@pytest.mark.parametrize("kill_after", [1, 4])
def test_a_thanked_report_survives_sigkill(tmp_path: Path, kill_after: int) -> None:
    """The real bot takes reports in another process; it is killed the moment a fan is thanked.

    SIGKILL gives no chance to flush or close anything: what was thanked must be on disk.
    """
    database = tmp_path / "somos.sqlite3"
    process = worker("report-loop", str(database))
    assert process.stdout is not None
    thanked: list[int] = []
    try:
        for line in process.stdout:
            if line.startswith("ack "):
                thanked.append(int(line.split()[1]))
            if len(thanked) >= kill_after:
                process.send_signal(signal.SIGKILL)
                break
    finally:
        process.kill()
        rest, errors = process.communicate(timeout=30)
    thanked += [int(line.split()[1]) for line in rest.splitlines() if line.startswith("ack ")]
    assert process.returncode == -signal.SIGKILL, errors[-2000:]
    assert len(thanked) >= kill_after, errors[-2000:]

    stored = {r.report_text for r in Storage(database).latest_reports(1000)}
    assert {f"report {n}" for n in thanked} <= stored


# ----------------------------------------------------------------------------------- concurrency


def test_concurrent_threads_lose_nothing(tmp_path: Path) -> None:
    storage = Storage(tmp_path / "somos.sqlite3", timeout=30.0)
    threads, per_thread = 6, 8

    def write(tag: int) -> None:
        for n in range(per_thread):
            storage.add_report(tag, f"q{tag}", "a", f"{tag}-{n}")
            storage.record_gap(UNANSWERABLE.upper() if n % 2 else UNANSWERABLE)

    workers = [threading.Thread(target=write, args=(tag,)) for tag in range(threads)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()

    reports = storage.latest_reports(10_000)
    assert len({r.report_text for r in reports}) == threads * per_thread
    (gap,) = storage.top_gaps(5)
    assert gap.count == threads * per_thread


def test_concurrent_processes_lose_nothing(tmp_path: Path) -> None:
    database = tmp_path / "somos.sqlite3"
    Storage(database).record_gap("warm-up question")  # the file exists, in WAL mode
    processes, per_process = 3, 5
    running = [worker("writer", str(database), str(per_process), f"p{n}") for n in range(processes)]
    for process in running:
        out, errors = process.communicate(timeout=120)
        assert process.returncode == 0 and out.strip() == "done", errors[-2000:]

    storage = Storage(database)
    texts = {r.report_text for r in storage.latest_reports(10_000)}
    assert texts == {f"p{p} report {n}" for p in range(processes) for n in range(per_process)}
    counts = {g.example.lower(): g.count for g in storage.top_gaps(5)}
    assert counts[UNANSWERABLE.lower()] == processes * per_process


# ------------------------------------------------------------------------------ broken databases


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """Another program (a moderator's sqlite3 shell, a backup) holds the write lock."""
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")
        yield
    finally:
        other.rollback()
        other.close()


@contextlib.contextmanager
def read_only(directory: Path) -> Iterator[None]:
    """Make the database directory and its files unwritable, as after a remount read-only.

    Permission bits do not stop root; as root the files are made immutable with `chattr +i`.
    """
    paths = [*directory.iterdir(), directory]
    if os.geteuid() != 0:
        modes = {path: path.stat().st_mode for path in paths}
        for path in paths:
            path.chmod(0o555 if path.is_dir() else 0o444)
        try:
            yield
        finally:
            for path, mode in modes.items():
                path.chmod(mode)
        return
    chattr = shutil.which("chattr")
    if chattr is None or subprocess.run([chattr, "+i", *map(str, paths)], check=False).returncode:
        pytest.skip("running as root where `chattr +i` is unavailable: cannot make files read-only")
    try:
        yield
    finally:
        subprocess.run([chattr, "-i", *map(str, paths)], check=True)


def corrupt_pages(path: Path) -> None:
    """Overwrite everything after the 100-byte header with garbage, as a bad disk would."""
    size = path.stat().st_size
    with path.open("r+b") as file:
        file.seek(100)
        file.write(bytes((i * 37 + 11) % 256 for i in range(size - 100)))


async def seed(harness: Harness) -> None:
    """Some reports and gaps, and every connection closed (the WAL is checkpointed)."""
    await report(harness, snowflake(), "seed report")
    harness.storage.record_gap(UNANSWERABLE)


async def test_locked_database_keeps_answering_logs_and_says_so(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    await seed(harness)
    with locked(harness.storage.path), caplog.at_level(logging.WARNING):
        await still_answers(harness)
        thanks = await report(harness, snowflake(), "written while locked")
        status = status_of(
            await harness.interact(slash("kb", subcommand="status", permissions=MANAGER))
        )
    assert NOT_SAVED in thanks["content"], "a report that was not stored must not be thanked"
    assert "unhealthy" in status["Database"] and "locked" in status["Database"]
    logged = " ".join(r.getMessage() for r in caplog.records)
    assert "Could not record an unanswered question" in logged
    assert "Could not store a report" in logged

    # Once the lock is gone, everything works again without a restart.
    assert THANKS in (await report(harness, snowflake(), "after the lock"))["content"]
    assert harness.storage.health().startswith("ok")


async def test_read_only_database_keeps_answering_logs_and_says_so(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    await seed(harness)
    with read_only(harness.storage.path.parent), caplog.at_level(logging.WARNING):
        with pytest.raises(StorageError):
            harness.storage.add_report(1, "q", "a", "r")
        await still_answers(harness)
        thanks = await report(harness, snowflake(), "written while read-only")
        status = status_of(
            await harness.interact(slash("kb", subcommand="status", permissions=MANAGER))
        )
    assert NOT_SAVED in thanks["content"]
    assert status["Database"].startswith("unhealthy")
    assert "Could not store a report" in " ".join(r.getMessage() for r in caplog.records)


@pytest.mark.parametrize("damage", ["pages", "truncated", "not-a-database", "a-directory"])
async def test_corrupt_database_keeps_answering_logs_and_says_so(
    harness: Harness, caplog: pytest.LogCaptureFixture, damage: str
) -> None:
    await seed(harness)
    path = harness.storage.path
    if damage == "pages":
        corrupt_pages(path)
    elif damage == "truncated":
        with path.open("r+b") as file:
            file.truncate(path.stat().st_size // 2 + 7)
    elif damage == "not-a-database":
        path.write_bytes(b"this is not a database\n" * 400)
    else:
        path.unlink()
        path.mkdir()

    with caplog.at_level(logging.WARNING):
        await still_answers(harness)
        thanks = await report(harness, snowflake(), "written to a broken database")
        status = status_of(
            await harness.interact(slash("kb", subcommand="status", permissions=MANAGER))
        )
    assert THANKS in thanks["content"] or NOT_SAVED in thanks["content"]
    assert status["Database"].startswith("unhealthy"), status
    if NOT_SAVED in thanks["content"]:
        assert "Could not store a report" in " ".join(r.getMessage() for r in caplog.records)


# ----------------------------------------------------------------- slow database, prompt answers


@pytest.mark.parametrize(
    ("method", "subcommand"),
    [("health", "status"), ("top_gaps", "gaps"), ("latest_reports", "reports")],
)
async def test_kb_commands_acknowledge_before_waiting_for_the_database(
    harness: Harness, monkeypatch: pytest.MonkeyPatch, method: str, subcommand: str
) -> None:
    """A locked database makes every call wait for its busy timeout (2 s by default), and
    `quick_check` on a large file takes longer: Discord forgets an interaction not acknowledged
    within 3 s. So the bot must acknowledge first and only then ask the database."""
    entered, release = threading.Event(), threading.Event()
    real = getattr(harness.storage, method)

    def slow(*args: Any, **kwargs: Any) -> Any:
        entered.set()
        release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(harness.storage, method, slow)
    payload = slash("kb", subcommand=subcommand, permissions=MANAGER)
    async_context.set(harness.adapter)
    harness.bot._connection.parse_interaction_create(payload)  # type: ignore[arg-type]
    try:
        assert await asyncio.to_thread(entered.wait, 10), "the database was never asked"
        acknowledged = [s for s in harness.adapter.sent if f"/{payload['token']}/" in s.url]
    finally:
        release.set()
        await harness.drain()
    assert acknowledged, f"/kb {subcommand} asked the database before acknowledging Discord"
