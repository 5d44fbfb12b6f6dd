"""The full-text index: rows written at import, queries built from folded, quoted terms."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

from ..text import fold

_INSERT_SQLITE = text(
    "INSERT INTO release_search(rowid, title, body, folded) VALUES (:id, :title, :body, :folded)")
_DELETE_SQLITE = text(
    "INSERT INTO release_search(release_search, rowid, title, body, folded) "
    "VALUES ('delete', :id, :title, :body, :folded)")
# Elsewhere (PostgreSQL) release_search is a plain table keyed by the release id.
_INSERT_OTHER = text(
    "INSERT INTO release_search(rowid, title, body, folded) VALUES (:id, :title, :body, :folded)")


def index_rows(session: Session, rows: list[dict]) -> None:
    """rows: dicts with id, title, body, and optionally `folded` when already computed."""
    if not rows:
        return
    params = [{"id": r["id"], "title": r["title"], "body": r["body"],
               "folded": r.get("folded") or search_shadow(r["title"], r["body"])} for r in rows]
    stmt = _INSERT_SQLITE if session.get_bind().dialect.name == "sqlite" else _INSERT_OTHER
    session.execute(stmt, params)


def search_shadow(title: str, body: str) -> str:
    """The folded text the index matches user queries against."""
    return fold(title + "\n" + body)


def unindex_row(session: Session, row: dict) -> None:
    params = {"id": row["id"], "title": row["title"], "body": row["body"],
              "folded": search_shadow(row["title"], row["body"])}
    if session.get_bind().dialect.name == "sqlite":
        session.execute(_DELETE_SQLITE, params)
    else:
        session.execute(text("DELETE FROM release_search WHERE rowid = :id"), {"id": row["id"]})


def fts_query(terms: list[str]) -> str:
    """An FTS5 MATCH expression: every term quoted, as a prefix, on the folded column.

    Terms come from `text.search_terms` ([0-9a-z]+ only); quoting keeps even those
    from being read as operators such as OR, NOT or NEAR.
    """
    return "folded : (" + " AND ".join(f'"{t}"*' for t in terms) + ")"


def matching_ids_clause(session: Session, terms: list[str]):
    """(SQL fragment, params) selecting the ids of releases that match every term."""
    if session.get_bind().dialect.name == "sqlite":
        return ("releases.id IN (SELECT rowid FROM release_search WHERE release_search MATCH :fts)",
                {"fts": fts_query(terms)})
    clauses, params = [], {}
    for i, term in enumerate(terms):
        # Word-start prefix match on the folded shadow, the same rule as the FTS5 query.
        # The LIKE lets a pg_trgm index (revision 0002) narrow the rows the regex must test.
        # Terms are [0-9a-z]+ only, so neither pattern can carry LIKE or regex syntax.
        clauses.append(f"rs.folded LIKE :l{i} AND rs.folded ~ :t{i}")
        params[f"l{i}"] = f"%{term}%"
        params[f"t{i}"] = r"(^|[^0-9a-z])" + term
    where = " AND ".join(clauses)
    sql = f"releases.id IN (SELECT rs.rowid FROM release_search rs WHERE {where})"  # noqa: S608
    return sql, params
