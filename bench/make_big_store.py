"""A local store with N synthetic leads, built fast and cached under bench/out/.

    from make_big_store import ensure_big_store
    path = ensure_big_store(1_000_000)      # bench/out/big_1000000.sqlite3

Each lead has one contact and 1-2 phones (~1.3 on average); names mix Latin and
Cyrillic; 10 owners; types, stages and next-contact dates spread like a worked
base. The schema comes from ``Store.upgrade()`` (Alembic), then rows go in with
raw ``sqlite3.executemany`` with the secondary indexes dropped and rebuilt
(sorted index builds beat a million random B-tree inserts). Deterministic:
``random.Random(n)``. Rows are not put in the outbox (a bench base, never synced).

Other benches may add more tables to the same file through ``extend``; the
file is rebuilt when ``VERSION`` changes. Run alone to build and print the path:
``.venv/bin/python bench/make_big_store.py [N]``.
"""

from __future__ import annotations

import os
import random
import sqlite3
import sys
import time
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
VERSION = 1
sys.path.insert(0, str(HERE.parent / "src"))

PREFIXES = ["ТОВ", "ПП", "ФОП", "ООО", "LLC", "АТ", "ПрАТ", "Ltd", "ИП", "КП"]
WORDS = ["Агро", "Сонячний", "Будмайстер", "Техно", "Альфа", "Грань", "Зоря", "Лідер",
         "Меридіан", "Оптима", "Полісся", "Ресурс", "Світанок", "Фортуна", "Вектор",
         "Delta", "Nova", "Prime", "Green", "Atlas", "Vertex", "Orion", "Pixel", "Solar",
         "Северный", "Металл", "Логистик", "Инвест", "Трейд", "Сервис", "Капітал", "Дніпро"]
FIRST = ["Олена", "Андрій", "Ірина", "Сергій", "Наталія", "Олександр", "Марина", "Дмитро",
         "Anna", "Peter", "Maria", "John", "Светлана", "Игорь", "Ольга", "Виктор"]
LAST = ["Коваленко", "Шевченко", "Бондар", "Ткаченко", "Кравець", "Мельник", "Smith",
        "Brown", "Иванов", "Петренко", "Сидоренко", "Лисенко", "Гончар", "Руденко"]
OPERATORS = ["50", "63", "66", "67", "68", "73", "93", "95", "96", "97", "98", "99"]
TYPES = [(None, 40), ("hypothetical", 22), ("not_interested", 25), ("false_positioning", 7),
         ("potential", 3), ("interested", 2), ("client", 0.5), ("hostile", 0.5)]


def _ts(dt: datetime) -> str:
    """How SQLAlchemy's UTCDateTime stores a datetime in SQLite."""
    return dt.astimezone(timezone.utc).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


def path_for(n_leads: int) -> Path:
    return OUT / f"big_{n_leads}_v{VERSION}.sqlite3"


def build(path: Path, n_leads: int, seed: int | None = None) -> None:
    from workstation.store.db import Store
    from workstation.store.leads import make_name_key

    tmp = path.with_suffix(".tmp")
    for p in (tmp, Path(str(tmp) + "-wal"), Path(str(tmp) + "-shm")):
        p.unlink(missing_ok=True)
    store = Store(path=tmp)
    store.upgrade()
    store.dispose()

    rnd = random.Random(n_leads if seed is None else seed)
    now = datetime.now(timezone.utc)
    now_s = _ts(now)
    con = sqlite3.connect(tmp)
    con.execute("PRAGMA journal_mode=OFF")
    con.execute("PRAGMA synchronous=OFF")
    con.execute("PRAGMA cache_size=-400000")
    indexes = [(name, sql) for name, sql in con.execute(
        "SELECT name, sql FROM sqlite_master WHERE type='index' AND sql IS NOT NULL "
        "AND tbl_name IN ('leads','contacts','phones')")]
    for name, _sql in indexes:
        con.execute(f"DROP INDEX {name}")

    user_ids = [uuid.UUID(int=rnd.getrandbits(128)).hex for _ in range(10)]
    con.executemany(
        "INSERT INTO users (login, full_name, role, team_id, sip_extension, active, id, "
        "created_at, updated_at, revision, deleted) VALUES (?,?,?,NULL,'',1,?,?,?,0,0)",
        [(f"manager{i + 1}", f"{FIRST[i % len(FIRST)]} {LAST[i % len(LAST)]}", "manager",
          uid, now_s, now_s) for i, uid in enumerate(user_ids)])
    funnel_id, = con.execute("SELECT id FROM funnels WHERE code='default'").fetchone()
    stage_ids = [r[0] for r in con.execute(
        "SELECT id FROM funnel_stages ORDER BY position")]
    type_codes = [t for t, _w in TYPES]
    type_weights = [w for _t, w in TYPES]

    lead_sql = (
        "INSERT INTO leads (company, category, address, source, topic, product, project, site, "
        "channel, owner_id, team_id, shared_pool, lead_type, funnel_id, stage_id, "
        "next_contact_at, remind, attempts, notes, name_key, id, created_at, updated_at, "
        "revision, deleted) VALUES (?,?,?,?,'','','','','call',?,NULL,0,?,?,?,?,0,0,'',?,?,?,?,0,0)")
    contact_sql = (
        "INSERT INTO contacts (lead_id, full_name, position, is_decision_maker, id, created_at, "
        "updated_at, revision, deleted) VALUES (?,?,?,0,?,?,?,0,0)")
    phone_sql = (
        "INSERT INTO phones (lead_id, contact_id, raw, e164, kind, position, id, created_at, "
        "updated_at, revision, deleted) VALUES (?,NULL,?,?,'work',?,?,?,?,0,0)")
    batch = 50_000
    t0 = time.monotonic()
    for start in range(0, n_leads, batch):
        leads, contacts, phones = [], [], []
        for i in range(start, min(n_leads, start + batch)):
            lead_id = uuid.UUID(int=rnd.getrandbits(128)).hex
            company = (f"{rnd.choice(PREFIXES)} «{rnd.choice(WORDS)} {rnd.choice(WORDS)} "
                       f"{i}»")
            person = f"{rnd.choice(FIRST)} {rnd.choice(LAST)}"
            lead_type = rnd.choices(type_codes, type_weights)[0]
            stage = rnd.choice(stage_ids) if rnd.random() < 0.6 else None
            nxt = (_ts(now + timedelta(hours=rnd.uniform(-24 * 20, 24 * 40)))
                   if rnd.random() < 0.2 else None)
            leads.append((company, rnd.choice(("retail", "wholesale", "agro", "IT", "build")),
                           f"м. Київ, вул. {rnd.choice(WORDS)}, {i % 300 + 1}",
                           rnd.choice(("youcontrol", "web form", "exhibition")),
                           rnd.choice(user_ids) if rnd.random() < 0.7 else None, lead_type,
                           funnel_id if stage else None, stage, nxt,
                           make_name_key(company, [person]), lead_id, now_s, now_s))
            contacts.append((lead_id, person, "director" if i % 3 == 0 else "",
                             uuid.UUID(int=rnd.getrandbits(128)).hex, now_s, now_s))
            for pos in range(2 if rnd.random() < 0.3 else 1):
                national = rnd.choice(OPERATORS) + f"{rnd.randrange(10_000_000):07d}"
                phones.append((lead_id, "0" + national, "+380" + national, pos,
                               uuid.UUID(int=rnd.getrandbits(128)).hex, now_s, now_s))
        con.executemany(lead_sql, leads)
        con.executemany(contact_sql, contacts)
        con.executemany(phone_sql, phones)
    con.commit()
    t1 = time.monotonic()
    for _name, sql in indexes:
        con.execute(sql)
    con.execute("ANALYZE")
    con.commit()
    con.execute("PRAGMA journal_mode=WAL")
    con.close()
    print(f"# built {n_leads} leads in {t1 - t0:.1f} s, indexes in {time.monotonic() - t1:.1f} s",
          file=sys.stderr)
    os.replace(tmp, path)


def ensure_big_store(n_leads: int) -> Path:
    """Path of a cached store with ``n_leads`` leads, built on first use."""
    OUT.mkdir(parents=True, exist_ok=True)
    path = path_for(n_leads)
    if not path.exists():
        build(path, n_leads)
    return path


def sample_phones(path: Path, k: int = 1000, seed: int = 1) -> list[str]:
    """``k`` E.164 numbers present in the store, spread over the table."""
    con = sqlite3.connect(path)
    try:
        total = con.execute("SELECT max(rowid) FROM phones").fetchone()[0] or 0
        rnd = random.Random(seed)
        rowids = [rnd.randrange(1, total + 1) for _ in range(k)]
        out = []
        for rid in rowids:
            r = con.execute("SELECT e164 FROM phones WHERE rowid >= ? LIMIT 1", (rid,)).fetchone()
            if r:
                out.append(r[0])
        return out
    finally:
        con.close()


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    print(ensure_big_store(n))
