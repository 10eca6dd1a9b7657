"""Synthetic knowledge at any size: many cast members, people and episodes with realistic names.

The knowledge model has one `show` section, so "many shows" is modelled as many entities around
the one show: cast members (actor + character + aliases), people behind the camera and up to 999
episodes (the model caps episode numbers at 999). Names are drawn from Mexican and other Spanish
first names and surnames with their accents, double surnames, `Doña`/`Don` characters and
nicknames, so folding, part-names and aliases are exercised as on the shipped knowledge.

    python -m bench.synth 10000 /tmp/kb-10k     # write a knowledge directory of 10k entities
"""

from __future__ import annotations

import argparse
import random
import shutil
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

FIRST_NAMES = """
María José Guadalupe Juan Luis Carlos Jesús Ana Sofía Valentina Regina Ximena Camila Fernanda
Mariana Daniela Andrea Gabriela Paola Alejandra Verónica Rocío Mercedes Dolores Concepción
Rosario Soledad Inés Raquel Beatriz Lucía Renata Julieta Montserrat Itzel Citlali Xóchitl Yolanda
Araceli Elena Teresa Leticia Patricia Claudia Mónica Adriana Natalia Brenda Karla Lorena Érika
Isabel Marisol Nayeli Ofelia Pilar Belén Ángeles Noemí Zoé Abril Iñaki José Manuel Jerónimo
Benjamín Santiago Mateo Sebastián Diego Emiliano Leonardo Tomás Nicolás Joaquín Martín Andrés
Álvaro Rubén Ramón Ricardo Fernando Héctor Julián Sergio Raúl Óscar Víctor Adrián Germán Iván
Gonzalo Rodrigo Eduardo Alfonso Ignacio Agustín Cristóbal Máximo Gael Damián Efraín Humberto
Rogelio Arturo Salvador Esteban Lázaro Fabián Cuauhtémoc Moisés Abraham Ismael Saúl Noé Jacinto
""".split()

SURNAMES = """
Hernández García Martínez López González Pérez Rodríguez Sánchez Ramírez Cruz Flores Gómez
Morales Vázquez Reyes Jiménez Torres Díaz Gutiérrez Ruiz Mendoza Aguilar Ortiz Moreno Castillo
Romero Álvarez Méndez Chávez Rivera Juárez Ramos Domínguez Herrera Medina Castro Vargas Guzmán
Velázquez Muñoz Rojas Contreras Salazar Luna Ortega Santiago Guerrero Estrada Bautista Cortés
Soto Alvarado Espinoza Lara Ávila Ríos Cervantes Silva Delgado Vega Márquez Sandoval Carrillo
León Mejía Solís Núñez Rosas Valdez Ibarra Campos Santos Camacho Navarro Peña Maldonado Rosales
Acosta Miranda Trejo Valencia Nava Pacheco Robles Molina Rangel Fuentes Huerta Padilla Espinosa
Cárdenas Orozco Valenzuela Zúñiga Arellano Benítez Cano Escobar Montes Quintero Chenillo Curiel
Schamus Villaseñor Ochoa Garza Treviño Zamora Beltrán Cisneros Galván Iñiguez Echeverría Ibáñez
""".split()

NICKNAMES = {
    "Guadalupe": ["Lupita", "Lupe"], "Jesús": ["Chuy", "Chucho"], "Rosario": ["Chayo", "Charo"],
    "Concepción": ["Concha", "Conchita"], "Dolores": ["Lola", "Lolita"], "José": ["Pepe"],
    "Francisco": ["Paco", "Pancho"], "Mercedes": ["Meche"], "Ignacio": ["Nacho"],
    "Alejandra": ["Ale"], "Fernando": ["Nando"], "Enrique": ["Quique"], "Rodrigo": ["Rorro"],
    "Soledad": ["Chole"], "Isabel": ["Chabela"], "Eduardo": ["Lalo"], "Salvador": ["Chava"],
    "Cuauhtémoc": ["Temo"], "Gabriela": ["Gaby"], "Verónica": ["Vero"],
}  # fmt: skip

TITLE_WORDS = """
Lazy Herd Night Cartel Allende Border Town Silence Fire Ashes River Bridge Wolves Sheep Dawn Dust
Ranch Road North South Promise Secret Mother Father Brother Sister Ghosts Rain Storm Desert Water
Blood Bones Gold Silver Harvest Wedding Funeral Party Fear Hope Truth Lies Return Escape Dogs
""".split()

ROLES = "director writer producer editor cinematographer composer showrunner journalist".split()

SOURCES = 12


@dataclass(frozen=True)
class Size:
    """How many entities of each kind a total of `entities` is split into."""

    cast: int
    people: int
    episodes: int

    @classmethod
    def of(cls, entities: int) -> Size:
        episodes = min(999, max(6, entities // 20))
        rest = max(2, entities - episodes - 1)
        cast = rest * 55 // 100
        return cls(cast=cast, people=rest - cast, episodes=episodes)

    @property
    def total(self) -> int:
        return self.cast + self.people + self.episodes + 1


def _slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "-".join("".join(c if c.isalnum() else " " for c in plain.lower()).split())


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


class Generator:
    """Deterministic names and YAML text for one synthetic knowledge base."""

    def __init__(self, seed: int = 2021) -> None:
        self.random = random.Random(seed)
        self.ids: set[str] = set()

    def _unique(self, base: str) -> str:
        candidate = base[:56]
        n = 1
        while candidate in self.ids:
            n += 1
            candidate = f"{base[:56]}-{n}"
        self.ids.add(candidate)
        return candidate

    def person_name(self) -> tuple[str, str, str]:
        """(first, surname(s), full name); a third have a double surname."""
        r = self.random
        first = r.choice(FIRST_NAMES)
        if r.random() < 0.2:
            first = f"{first} {r.choice(FIRST_NAMES)}"
        last = r.choice(SURNAMES)
        if r.random() < 0.33:
            last = f"{last} {r.choice(SURNAMES)}"
        return first, last, f"{first} {last}"

    def claim(self, text: str, text_es: str, keywords: list[str]) -> str:
        r = self.random
        sources = r.sample(range(1, SOURCES + 1), k=r.choice((1, 1, 2)))
        lines = [
            f"      - text: {_quote(text)}",
            f"        text_es: {_quote(text_es)}",
            f"        sources: [{', '.join(f'source-{s}' for s in sources)}]",
        ]
        if r.random() < 0.1:
            other = next(s for s in range(1, SOURCES + 1) if s not in sources)
            lines += [
                "        disputed_by:",
                f"          - source: source-{other}",
                f"            says: {_quote('Gives a different account of this.')}",
            ]
        if keywords:
            lines.append(f"        keywords: [{', '.join(_quote(k) for k in keywords)}]")
        return "\n".join(lines)

    def cast_member(self) -> str:
        r = self.random
        first, last, actor = self.person_name()
        c_first, c_last, _ = self.person_name()
        character = r.choice(
            [c_first, f"Doña {c_first.split()[0]}", f"Don {c_first.split()[0]}",
             f"{c_first} {c_last.split()[0]}", f"El {r.choice(TITLE_WORDS)}"]
        )  # fmt: skip
        aliases = [last.split()[0]]
        for part in (first.split()[0], c_first.split()[0]):
            aliases += NICKNAMES.get(part, [])[:1]
        aliases = [a for a in dict.fromkeys(aliases) if a not in {actor, character}]
        claims = [
            self.claim(f"{actor} plays {character}.", f"{actor} interpreta a {character}.",
                       [f"who plays {character}", "actor", "reparto"] if r.random() < 0.3 else []),
        ]  # fmt: skip
        if r.random() < 0.5:
            claims.append(self.claim(
                f"{actor} was born in {r.choice(SURNAMES)}.", f"{actor} nació en otro lugar.", []
            ))  # fmt: skip
        return "\n".join([
            f"  - id: {self._unique(_slug(actor))}",
            f"    actor: {_quote(actor)}",
            f"    character: {_quote(character)}",
            f"    aliases: [{', '.join(_quote(a) for a in aliases)}]",
            "    claims:",
            *claims,
        ])  # fmt: skip

    def person(self) -> str:
        r = self.random
        _, last, name = self.person_name()
        roles = r.sample(ROLES, k=r.choice((1, 1, 2)))
        claim = self.claim(
            f"{name} worked on the series as {' and '.join(roles)}.",
            f"{name} trabajó en la serie.",
            [roles[0]] if r.random() < 0.3 else [],
        )
        return "\n".join([
            f"  - id: {self._unique(_slug(name))}",
            f"    person: {_quote(name)}",
            f"    roles: [{', '.join(roles)}]",
            f"    aliases: [{_quote(last.split()[0])}]",
            "    claims:",
            claim,
        ])  # fmt: skip

    def episode(self, number: int) -> str:
        r = self.random
        words = r.sample(TITLE_WORDS, k=r.choice((1, 2, 2, 3)))
        title = r.choice(["The ", "", "A "]) + " ".join(words)
        claim = self.claim(
            f'Episode {number} is titled "{title}".',
            f"El episodio {number} se titula «{title}».",
            [f"episode {number}", f"episodio {number}"],
        )
        return "\n".join([
            f"  - id: episode-{number}",
            f"    number: {number}",
            f"    title: {_quote(title)}",
            f"    aliases: [{_quote(f'episode {number}')}, {_quote(f'episodio {number}')}]",
            "    claims:",
            claim,
        ])  # fmt: skip


def _header() -> Iterator[tuple[str, str]]:
    sources = ["sources:"]
    for s in range(1, SOURCES + 1):
        sources += [
            f"  - id: source-{s}",
            f'    title: "Synthetic article number {s}"',
            "    kind: fan site",
            f'    published: "20{21 + s % 3}-0{1 + s % 9}"',
        ]
    yield "sources.yaml", "\n".join(sources)
    yield "show.yaml", "\n".join([
        "show:",
        "  id: somos",
        '  title: "Somos."',
        '  aliases: ["Somos", "We Are"]',
        "  claims:",
        '    - text: "Somos. is a Netflix limited series."',
        "      sources: [source-1, source-2]",
        "      keywords: [what is it about, de qué trata]",
    ])  # fmt: skip
    yield "season2.yaml", "\n".join([
        "season2:",
        "  claims:",
        '    - text: "No second season has been announced."',
        "      sources: [source-1]",
        "      keywords: [season 2, temporada 2]",
    ])  # fmt: skip


def write_knowledge(entities: int, directory: Path, *, seed: int = 2021) -> Size:
    """Write a valid knowledge directory of about `entities` entities; return the split."""
    size = Size.of(entities)
    gen = Generator(seed)
    if directory.exists():
        shutil.rmtree(directory)
    directory.mkdir(parents=True)
    for name, text in _header():
        (directory / name).write_text(text + "\n", encoding="utf-8")
    sections = [
        ("cast.yaml", "cast:", (gen.cast_member for _ in range(size.cast))),
        ("people.yaml", "people:", (gen.person for _ in range(size.people))),
        ("episodes.yaml", "episodes:",
         (lambda n=n: gen.episode(n) for n in range(1, size.episodes + 1))),
    ]  # fmt: skip
    for name, head, makers in sections:
        with (directory / name).open("w", encoding="utf-8") as out:
            out.write(head + "\n")
            for make in makers:
                out.write(make() + "\n")
    return size


def sample_names(directory: Path, count: int, *, seed: int = 7) -> list[str]:
    """Some actor, character and person names present in a written knowledge directory."""
    names: list[str] = []
    for name in ("cast.yaml", "people.yaml"):
        with (directory / name).open(encoding="utf-8") as handle:
            for line in handle:
                stripped = line.strip()
                for field in ("actor: ", "character: ", "person: "):
                    if stripped.startswith(field):
                        names.append(stripped[len(field) :].strip('"'))
    rng = random.Random(seed)
    return rng.sample(names, k=min(count, len(names)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("entities", type=int)
    parser.add_argument("directory", type=Path)
    args = parser.parse_args()
    size = write_knowledge(args.entities, args.directory)
    print(f"wrote {size.total:,} entities: {size}")


if __name__ == "__main__":
    main()
