"""The incident's place: its name, region and cercle names, and ACLED's geographic and time precision.
Old rows get empty names and precision 1 (the exact place, the day). The text index is made again with
`location` among its columns (DDL of its own here: 0004's stays as it ran).

Revision ID: 0005
Revises: 0004
"""
import sqlalchemy as sa
from alembic import op

from db.store.dialect import sqlite_fts

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

NAMES = ("location", "admin1", "admin2")
PRECISIONS = ("geo_precision", "time_precision")
FTS_0004 = ("description", "actors", "notes", "source")
FTS_0005 = ("description", "actors", "notes", "source", "location")
CREATE_FTS = ("CREATE VIRTUAL TABLE {table} USING fts5({columns}, content='incidents', "
              "tokenize='unicode61 remove_diacritics 2')")


def upgrade() -> None:
    for name in NAMES:  # ALTER TABLE ADD COLUMN: old rows take the default, no table copy
        op.add_column("incidents", sa.Column(name, sa.Text(), nullable=False, server_default=""))
    for name in PRECISIONS:
        op.add_column("incidents", sa.Column(name, sa.Integer(), nullable=False, server_default="1"))
    if op.get_bind().dialect.name == "sqlite":
        _index(op.get_bind(), FTS_0005)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _index(op.get_bind(), FTS_0004, drop_only=True)
    with op.batch_alter_table("incidents") as batch:
        for name in NAMES + PRECISIONS:
            batch.drop_column(name)
    if op.get_bind().dialect.name == "sqlite":
        _index(op.get_bind(), FTS_0004)


def _index(conn, columns, drop_only: bool = False) -> None:
    """The text index over `columns`, made afresh (its triggers follow its columns)."""
    for name in sqlite_fts.TRIGGERS:
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
    conn.exec_driver_sql(f"DROP TABLE IF EXISTS {sqlite_fts.TABLE}")
    if drop_only:
        return
    conn.exec_driver_sql(CREATE_FTS.format(table=sqlite_fts.TABLE, columns=", ".join(columns)))
    sqlite_fts.create_triggers(conn)
    sqlite_fts.rebuild(conn)
