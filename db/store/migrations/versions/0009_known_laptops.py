"""The laptops whose packages this database has taken, each with the public key it signs with (trust on first
use, as SSH's known_hosts): a package signed by another key under a known laptop's id is refused.

Revision ID: 0009
Revises: 0006
"""
import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "known_laptops",
        sa.Column("laptop_id", sa.String(64), primary_key=True),
        sa.Column("public_key", sa.String(64), nullable=False),
        sa.Column("author", sa.String(128), nullable=False),
        sa.Column("first_package", sa.Text(), nullable=False),
        sa.Column("first_seen_at", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("known_laptops")
