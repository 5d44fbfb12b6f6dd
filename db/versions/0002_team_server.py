"""team server: PostgreSQL sequences, trigram search index, hold index

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

TRGM_INDEX = "ix_release_search_folded_trgm"


def upgrade() -> None:
    with op.batch_alter_table('releases', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_releases_held_by'), ['held_by'], unique=False)
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    # 0001 seeded event_types with explicit ids, which leaves a PostgreSQL sequence at 1.
    op.execute("SELECT setval(pg_get_serial_sequence('event_types', 'id'), "
               "(SELECT coalesce(max(id), 1) FROM event_types))")
    # Search is a word-start match on the folded text; a trigram index serves it when the
    # server has pg_trgm (contrib; trusted, so a database owner may install it).
    available = bind.execute(sa.text(
        "SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'")).scalar()
    if not available:
        return
    nested = bind.begin_nested()
    try:
        bind.execute(sa.text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
    except sa.exc.DBAPIError:
        nested.rollback()  # not allowed to install it: search still works, without the index
        return
    nested.commit()
    op.execute(f"CREATE INDEX {TRGM_INDEX} ON release_search USING gin (folded gin_trgm_ops)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP INDEX IF EXISTS {TRGM_INDEX}")
    with op.batch_alter_table('releases', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_releases_held_by'))
