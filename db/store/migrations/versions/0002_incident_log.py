"""Incident log: audit trail and the indexes the table view filters on.

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "incident_audit",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("incident_id", sa.String(36), sa.ForeignKey("incidents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("author", sa.String(128), nullable=False),
        sa.Column("laptop", sa.String(64), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("changes", sa.JSON(), nullable=False),
    )
    op.create_index("ix_incident_audit_incident", "incident_audit", ["incident_id", "at"])
    op.create_index("ix_incidents_occurred_on", "incidents", ["occurred_on"])
    op.create_index("ix_incidents_type", "incidents", ["type"])
    op.create_index("ix_incidents_region", "incidents", ["region"])
    op.create_index("ix_incidents_site", "incidents", ["site_id"])


def downgrade() -> None:
    for name in ("ix_incidents_site", "ix_incidents_region", "ix_incidents_type", "ix_incidents_occurred_on"):
        op.drop_index(name, table_name="incidents")
    op.drop_table("incident_audit")
