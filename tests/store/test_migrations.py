from sqlalchemy import inspect, select

from workstation.store.db import Store, current_revision, head_revision
from workstation.store.models import Base, FunnelStage, Lead, OutboxEntry, Phone


def test_upgrade_from_empty_creates_every_table(tmp_path):
    store = Store(path=tmp_path / "empty.sqlite3")
    before, after = store.upgrade()
    assert before is None and after == head_revision(store.url)
    tables = set(inspect(store.engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    with store.session() as s:
        stages = s.scalars(select(FunnelStage).order_by(FunnelStage.position)).all()
    assert [st.position for st in stages] == list(range(1, 13))
    assert stages[-1].code == "refused" and stages[-1].is_lost
    # a second upgrade is a no-op and does not seed twice
    assert store.upgrade() == (after, after)
    with store.session() as s:
        assert len(s.scalars(select(FunnelStage)).all()) == 12
    store.dispose()


def test_schema_matches_models(tmp_path):
    """Alembic's autogenerate finds nothing to do: migrations and models agree."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    store = Store(path=tmp_path / "cmp.sqlite3")
    store.upgrade()
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []
    store.dispose()


def test_sqlite_is_wal_with_foreign_keys(store):
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL


def test_every_change_gets_an_outbox_row_in_the_same_transaction(store):
    with store.session() as s, s.begin():
        lead = Lead(company="Outbox Test")
        s.add(lead)
        s.flush()
        s.add(Phone(lead_id=lead.id, raw="0671234567", e164="+380671234567"))
    with store.session() as s:
        rows = s.scalars(select(OutboxEntry)).all()
    assert {(r.table_name, r.op) for r in rows} >= {("leads", "upsert"), ("phones", "upsert")}
    try:
        with store.session() as s, s.begin():
            s.add(Lead(company="Rolled back"))
            s.flush()
            raise RuntimeError("crash mid-transaction")
    except RuntimeError:
        pass
    with store.session() as s:
        assert s.scalar(select(Lead).where(Lead.company == "Rolled back")) is None
        assert len(s.scalars(select(OutboxEntry)).all()) == len(rows)


def test_current_revision_tracks_head(store):
    assert current_revision(store.engine) == head_revision(store.url)
