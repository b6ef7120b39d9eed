"""Synthetic lead bases for tests, benches and the demo: made-up companies,
people and Ukrainian mobile numbers (never taken from the seeds)."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

from workstation.safecsv import SafeWriter

HEADERS_UK = ["Назва компанії", "Адреса фактична або юридична", "Телефон", "Контактна особа",
              "email", "source*", "Категорія"]
_FORMS = ("ТОВ", "ПП", "ФОП", "ПрАТ", "ТзОВ")
_SYLLABLES = ("вер", "ан", "ко", "лі", "мар", "дін", "те", "ро", "сан", "бу", "га", "ліс",
              "тек", "пром", "сер", "віс", "агро", "буд", "нор", "ста")
_CITIES = ("Київ", "Львів", "Одеса", "Харків", "Дніпро", "Вінниця", "Полтава", "Чернігів",
           "Житомир", "Суми")
_STREETS = ("Шевченка", "Франка", "Лесі Українки", "Соборна", "Садова", "Центральна",
            "Незалежності", "Миру")
_FIRST = ("Олена", "Андрій", "Ігор", "Марія", "Оксана", "Тарас", "Ірина", "Петро", "Наталія",
          "Василь")
_PATRONYMIC = ("Іванович", "Петрівна", "Олегович", "Миколаївна", "Андрійович", "Степанівна")
_CATEGORIES = ("деревообробка", "меблі", "будматеріали", "логістика", "агро", "ІТ-послуги",
               "харчова промисловість", "торгівля")
_OPERATORS = ("50", "63", "66", "67", "68", "73", "93", "95", "96", "97", "98", "99")


def _word(rnd: random.Random) -> str:
    return "".join(rnd.choice(_SYLLABLES) for _ in range(rnd.randint(2, 3))).capitalize()


def phone_number(rnd: random.Random, style: int = 0) -> str:
    op = rnd.choice(_OPERATORS)
    rest = f"{rnd.randrange(10_000_000):07d}"
    if style == 1:
        return f"0{op}{rest}"
    if style == 2:
        return f"+380 {op} {rest[:3]}-{rest[3:5]}-{rest[5:]}"
    if style == 3:
        return f"(0{op}) {rest[:3]}-{rest[3:5]}-{rest[5:]}"
    return f"380{op}{rest}"


def rows(n: int, seed: int = 1) -> Iterator[list[str]]:
    """``n`` data rows in the seeds' input-base column order (HEADERS_UK)."""
    rnd = random.Random(seed)
    for i in range(n):
        company = f"{rnd.choice(_FORMS)} {_word(rnd)} {i}"
        address = (f"{rnd.randint(10000, 99999)} Україна, {rnd.choice(_CITIES)}, "
                   f"вул. {rnd.choice(_STREETS)}, {rnd.randint(1, 200)}")
        phones = ",".join(phone_number(rnd, rnd.choice((0, 0, 1, 2, 3)))
                          for _ in range(rnd.choice((1, 1, 2, 2, 3))))
        contact = (f"{rnd.choice(_FIRST)} {rnd.choice(_PATRONYMIC)}"
                   if rnd.random() < 0.6 else "")
        email = f"office{i}@example.com" if rnd.random() < 0.3 else ""
        yield [company, address, phones, contact, email, "synthetic",
               rnd.choice(_CATEGORIES)]


def write_csv(path: Path | str, n: int, seed: int = 1, *, delimiter: str = ",",
              encoding: str = "utf-8") -> Path:
    path = Path(path)
    with open(path, "w", encoding=encoding, newline="") as f:
        w = SafeWriter(f, delimiter=delimiter)
        w.writerow(HEADERS_UK)
        w.writerows(rows(n, seed))
    return path
