"""Alembic environment: always run on the connection db.store.engine.migrate hands over (never from a URL)."""
from alembic import context

from db.store.dialect.sqlite_fts import SHADOW
from db.store.models import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True,
                  include_name=lambda name, kind, _parent: not (kind == "table" and name in SHADOW))
with context.begin_transaction():
    context.run_migrations()
