"""Answers per topic and autocomplete on the shipped knowledge, warm: p50 and p99.

python -m bench.engine            # full run (about half a minute)
python -m bench.engine --smoke    # a few rounds: CI
"""

from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path
from typing import Any

from bench.common import profile, table, write_results

QUESTIONS: dict[str, list[str]] = {
    "cast": ["/cast Doña Chayo", "who plays Benjamín?", "quién hace de doña chayo",
             "/cast mercedes hernandes", "who is Jero Medina"],
    "episode": ["/episode 3", "what is episode 2 called?", "/episode the lazy herd",
                "el último episodio", "/episode"],
    "creators": ["/creators", "who directed it?", "quién escribió la serie", "/creators schamus"],
    "season2": ["/season2", "is there a season 2?", "habrá segunda temporada"],
    "show": ["/about", "what is somos about?", "¿de qué trata?", "when was it released"],
    "sources": ["/sources", "where does this come from"],
    "help": ["/help", "ayuda"],
    "unknown": ["who won the world cup", "/cast zzzz", "one piece season 2"],
}  # fmt: skip

PARTIALS: dict[str, list[str]] = {
    "cast": ["", "m", "me", "mer", "merc", "merce", "doña", "dona ch", "jer", "benj", "chay"],
    "episode": ["", "1", "3", "the", "the la", "lazy", "episode 4", "nig"],
    "creators": ["", "j", "ja", "jam", "schamus", "alv", "curiel", "chen"],
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=400, help="passes over every question")
    parser.add_argument("--knowledge", type=Path, default=None, help="default: the shipped one")
    parser.add_argument("--smoke", action="store_true", help="a few rounds: CI")
    parser.add_argument("--out", type=Path, default=None, help="JSON file to write")
    args = parser.parse_args(argv)
    rounds = 3 if args.smoke else args.rounds

    from bot.core.answering.answer import Topic
    from bot.core.answering.engine import Engine
    from bot.core.knowledge.loader import load_knowledge
    from bot.settings import Settings

    engine = Engine(load_knowledge(args.knowledge or Settings().knowledge_dir))
    topics = {"cast": Topic.CAST, "episode": Topic.EPISODE, "creators": Topic.CREATORS}
    for questions in QUESTIONS.values():  # warm every path once
        for question in questions:
            engine.ask(question)
    gc.collect()
    results: dict[str, dict[str, Any]] = {}
    answered: dict[str, str] = {}
    for topic, questions in QUESTIONS.items():
        results[f"answer {topic}"] = profile(engine.ask, questions, rounds=rounds)
        answered[topic] = ", ".join(sorted({engine.ask(q).topic.value for q in questions}))
    every = [q for questions in QUESTIONS.values() for q in questions]
    results["answer (all)"] = profile(engine.ask, every, rounds=rounds)
    for name, partials in PARTIALS.items():
        topic = topics[name]
        results[f"autocomplete {name}"] = profile(
            lambda p, t=topic: engine.complete(t, p), partials, rounds=rounds
        )
    every_partial = [(topics[n], p) for n, ps in PARTIALS.items() for p in ps]
    results["autocomplete (all)"] = profile(
        lambda tp: engine.complete(*tp), every_partial, rounds=rounds
    )
    print(table(
        ["operation", "n", "p50 ms", "p99 ms", "max ms", "cpu p50", "cpu p99"],
        [[k, v["n"], v["p50_ms"], v["p99_ms"], v["max_ms"], v["cpu"]["p50_ms"], v["cpu"]["p99_ms"]]
         for k, v in results.items()],
    ))  # fmt: skip
    path = write_results("engine", {
        "smoke": args.smoke, "rounds": rounds, "knowledge": engine.knowledge.summary(),
        "questions": QUESTIONS, "answered_topics": answered, "partials": PARTIALS,
        "results": results,
    }, args.out)  # fmt: skip
    print(f"wrote {path.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
