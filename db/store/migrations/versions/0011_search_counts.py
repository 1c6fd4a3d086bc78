"""On PostgreSQL, the search words again in a narrow table of their own, kept in step by triggers, for a
search's count (db/store/dialect/postgresql_search.py). SQLite: nothing (its text index counts alone).

Revision ID: 0011
Revises: 0008
"""
from alembic import op

from db.store.dialect import postgresql_search

revision = "0011"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "postgresql":
        postgresql_search.upgrade_counts(conn)


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "postgresql":
        postgresql_search.downgrade_counts(conn)
