"""Alembic environment: always run on the connection db.engine hands over (never from a URL)."""
from alembic import context

from db.models import Base
from db.text_search import SHADOW

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True,
                  include_name=lambda name, kind, _parent: not (kind == "table" and name in SHADOW))
with context.begin_transaction():
    context.run_migrations()
