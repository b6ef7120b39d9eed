"""Local store: SQLAlchemy 2.0 models, one session factory, Alembic owns the schema."""
