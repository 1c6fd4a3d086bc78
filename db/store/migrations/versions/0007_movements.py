"""Movements (convoys from a site to a site through optional waypoints) and their audit trail. Portable SQL
only (headquarters runs the same models on PostgreSQL): the waypoints and the linked incidents are JSON text.

Revision ID: 0007
Revises: 0009
"""
import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0009"  # the head of main when merged (the lead chains the revisions)
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "movements",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("from_site", sa.String(64), nullable=False),
        sa.Column("to_site", sa.String(64), nullable=False),
        sa.Column("waypoints", sa.Text(), nullable=False),
        sa.Column("planned_departure", sa.Date(), nullable=False),
        sa.Column("planned_arrival", sa.Date(), nullable=True),
        sa.Column("departed_on", sa.Date(), nullable=True),
        sa.Column("arrived_on", sa.Date(), nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("personnel", sa.Integer(), nullable=True),
        sa.Column("vehicles", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("incident_ids", sa.Text(), nullable=False),
        sa.Column("author", sa.String(128), nullable=False),
        sa.Column("origin", sa.String(64), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
    )
    op.create_index("ix_movements_live_departure", "movements", ["deleted", "planned_departure"])
    op.create_table(
        "movement_audit",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("movement_id", sa.String(36), sa.ForeignKey("movements.id", ondelete="CASCADE"), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("author", sa.String(128), nullable=False),
        sa.Column("laptop", sa.String(64), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("changes", sa.JSON(), nullable=False),
    )
    op.create_index("ix_movement_audit_movement", "movement_audit", ["movement_id", "at"])


def downgrade() -> None:
    op.drop_index("ix_movement_audit_movement", table_name="movement_audit")
    op.drop_table("movement_audit")
    op.drop_index("ix_movements_live_departure", table_name="movements")
    op.drop_table("movements")
