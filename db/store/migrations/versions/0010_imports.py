"""Imports as one audited row each (issue 22): the `imports` table names the file, its SHA-256, who and when;
the incidents an import created point at it (incidents.import_id) instead of each carrying a 'create' audit
row of every value, and the audit rows an import or its undo wrote are tagged with it
(incident_audit.import_id, with a partial index: most rows have none). Nothing is copied: the columns are
added (NULL for everything that was there), so the incidents, their trail and the text index stay as they are.

Revision ID: 0010
Revises: 0011
"""
import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "imports",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("file", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("format", sa.String(16), nullable=False),
        sa.Column("author", sa.String(128), nullable=False),
        sa.Column("laptop", sa.String(64), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("rows", sa.Integer(), nullable=False),
        sa.Column("refused", sa.Integer(), nullable=False),
        sa.Column("created", sa.Integer(), nullable=False),
        sa.Column("updated", sa.Integer(), nullable=False),
        sa.Column("unchanged", sa.Integer(), nullable=False),
        sa.Column("undone_at", sa.DateTime(), nullable=True),
        sa.Column("undone_by", sa.String(128), nullable=False),
    )
    # ALTER TABLE ADD COLUMN (no table copy: the incidents keep their rowids, which the text index points at)
    for table in ("incidents", "incident_audit"):
        op.add_column(table, sa.Column("import_id", sa.Integer(), sa.ForeignKey("imports.id"), nullable=True),
                      inline_references=True)
    op.create_index("ix_incident_audit_import", "incident_audit", ["import_id"],
                    sqlite_where=sa.text("import_id IS NOT NULL"), postgresql_where=sa.text("import_id IS NOT NULL"))


def downgrade() -> None:
    op.drop_index("ix_incident_audit_import", table_name="incident_audit")
    with op.batch_alter_table("incident_audit") as batch:
        batch.drop_column("import_id")
    with op.batch_alter_table("incidents") as batch:
        batch.drop_column("import_id")
    op.drop_table("imports")
