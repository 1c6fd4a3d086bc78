"""Free-text search through an FTS5 index (db/store/dialect/sqlite_fts.py), and three single-column indexes fewer:
0003's (deleted, ...) composites serve every query they served, and each index slows bulk imports.

Revision ID: 0004
Revises: 0003
"""
from alembic import op

from db.store.dialect import sqlite_fts

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
    conn.exec_driver_sql(sqlite_fts.CREATE_TABLE)
    sqlite_fts.create_triggers(conn)
    sqlite_fts.rebuild(conn)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        conn = op.get_bind()
        for name in sqlite_fts.TRIGGERS:
            conn.exec_driver_sql(f"DROP TRIGGER {name}")
        conn.exec_driver_sql(f"DROP TABLE {sqlite_fts.TABLE}")
    for name, columns in SUPERSEDED.items():
        op.create_index(name, "incidents", columns)
