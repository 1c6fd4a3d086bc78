"""Composite indexes so counts, filtered pages and the summary of the incident log read the index
(filtering on `deleted` otherwise forces a scan of every row at 1,000,000 incidents).

Revision ID: 0003
Revises: 0002
"""
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

INDEXES = {
    "ix_incidents_live_day": ["deleted", "occurred_on", "id"],
    "ix_incidents_live_type": ["deleted", "type", "occurred_on"],
    "ix_incidents_live_region": ["deleted", "region", "occurred_on"],
}


def upgrade() -> None:
    for name, columns in INDEXES.items():
        op.create_index(name, "incidents", columns)


def downgrade() -> None:
    for name in INDEXES:
        op.drop_index(name, table_name="incidents")
