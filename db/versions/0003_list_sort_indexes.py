"""indexes for sorting the release list by title, tags and duplicates

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30
"""

from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # PostgreSQL b-tree rows are capped near 2.7 kB: a pathological title would fail to insert.
        op.create_index('ix_releases_title', 'releases', ['title'], unique=False)
    with op.batch_alter_table('releases', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_releases_tag_count'), ['tag_count'], unique=False)
        batch_op.create_index(batch_op.f('ix_releases_duplicate_count'), ['duplicate_count'],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table('releases', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_releases_duplicate_count'))
        batch_op.drop_index(batch_op.f('ix_releases_tag_count'))
    if op.get_bind().dialect.name == "sqlite":
        op.drop_index('ix_releases_title', 'releases')
