"""Free-text search through an FTS5 index (db/text_search.py), and three single-column indexes fewer:
0003's (deleted, ...) composites serve every query they served, and each index slows bulk imports.

Revision ID: 0004
Revises: 0003
"""
from alembic import op

from db import text_search

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

SUPERSEDED = {"ix_incidents_occurred_on": ["occurred_on"], "ix_incidents_type": ["type"],
              "ix_incidents_region": ["region"]}


def upgrade() -> None:
    for name in SUPERSEDED:
        op.drop_index(name, table_name="incidents")
    if op.get_bind().dialect.name != "sqlite":
        return
    conn = op.get_bind()
    conn.exec_driver_sql(text_search.CREATE_TABLE)
    text_search.create_triggers(conn)
    text_search.rebuild(conn)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        conn = op.get_bind()
        for name in text_search.TRIGGERS:
            conn.exec_driver_sql(f"DROP TRIGGER {name}")
        conn.exec_driver_sql(f"DROP TABLE {text_search.TABLE}")
    for name, columns in SUPERSEDED.items():
        op.create_index(name, "incidents", columns)
