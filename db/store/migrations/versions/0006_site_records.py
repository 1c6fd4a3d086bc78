"""Site records: an append-only log of what happened at each site (handovers, new dates, roles, figures),
with its audit trail. Portable SQL only (headquarters runs the same models on PostgreSQL).

Revision ID: 0006
Revises: 0005
"""
import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "site_records",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("site_id", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("value", sa.Integer(), nullable=True),
        sa.Column("category", sa.String(16), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("reliability", sa.String(2), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("author", sa.String(128), nullable=False),
        sa.Column("origin", sa.String(64), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
    )
    op.create_index("ix_site_records_site", "site_records", ["site_id", "date"])
    op.create_table(
        "site_record_audit",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("record_id", sa.String(36), sa.ForeignKey("site_records.id", ondelete="CASCADE"), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("author", sa.String(128), nullable=False),
        sa.Column("laptop", sa.String(64), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("changes", sa.JSON(), nullable=False),
    )
    op.create_index("ix_site_record_audit_record", "site_record_audit", ["record_id", "at"])


def downgrade() -> None:
    op.drop_index("ix_site_record_audit_record", table_name="site_record_audit")
    op.drop_table("site_record_audit")
    op.drop_index("ix_site_records_site", table_name="site_records")
    op.drop_table("site_records")
