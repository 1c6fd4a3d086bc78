"""The conflict queue (every engine): records edited apart on two sides, kept until someone chooses. On
PostgreSQL also PostGIS and unaccent, the text search's column and index, each incident's point, the
statuses' table and the views GIS tools read (db/store/dialect/postgresql_search.py, postgresql_gis.py).

Revision ID: 0008
Revises: 0007
"""
import sqlalchemy as sa
from alembic import op

from db.store.dialect import postgresql, postgresql_gis, postgresql_search

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "conflicts",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("record", sa.String(16), nullable=False),
        sa.Column("record_id", sa.String(36), nullable=False),
        sa.Column("reason", sa.String(16), nullable=False),
        sa.Column("local_id", sa.String(36), nullable=False),
        sa.Column("fields", sa.Text(), nullable=False),
        sa.Column("theirs", sa.Text(), nullable=False),
        sa.Column("their_audit", sa.Text(), nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("package", sa.Text(), nullable=False),
        sa.Column("package_sha256", sa.String(64), nullable=False),
        sa.Column("laptop", sa.String(64), nullable=False),
        sa.Column("provenance", sa.Text(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("resolution", sa.String(16), nullable=False, server_default=""),
        sa.Column("resolved_by", sa.String(128), nullable=False, server_default=""),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
    )
    op.create_index("ux_conflicts_digest", "conflicts", ["record", "record_id", "digest"], unique=True)
    conn = op.get_bind()
    if conn.dialect.name == "postgresql":
        postgresql.create_extensions(conn, postgresql_gis.EXTENSIONS)
        postgresql_search.upgrade(conn, postgresql_gis.schema_of(conn, "unaccent"))
        postgresql_gis.upgrade(conn)


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "postgresql":
        postgresql_gis.downgrade(conn)
        postgresql_search.downgrade(conn)
    op.drop_index("ux_conflicts_digest", table_name="conflicts")
    op.drop_table("conflicts")
