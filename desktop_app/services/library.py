"""Reading the corpus: list, filter, search, open, set review status, statistics."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from ..domain.changes import ChangeSet
from ..domain.enums import ReviewStatus
from ..domain.releases import Release, ReleaseFilter, ReleaseRow
from ..storage import Database
from ..storage import releases as repo
from ..storage.releases import check_release_versions
from ..text import search_terms
from ..text.fold import find_terms


class LibraryService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def list_ids(self, flt: ReleaseFilter | None = None, sort: str = "date",
                 descending: bool = True) -> list[int]:
        with self.db.read() as s:
            return repo.list_ids(s, flt or ReleaseFilter(), sort, descending)

    def rows(self, ids: Iterable[int]) -> dict[int, ReleaseRow]:
        with self.db.read() as s:
            return repo.fetch_rows(s, ids)

    def release(self, release_id: int) -> Release:
        with self.db.read() as s:
            return repo.get_release(s, release_id)

    def find(self, ref: str) -> Release:
        with self.db.read() as s:
            return repo.get_release(s, repo.find_release_id(s, ref))

    def set_status(self, release_ids: Sequence[int], status: ReviewStatus,
                   expected_versions: Mapping[int, int] | None = None) -> ChangeSet:
        """With `expected_versions` (release id -> version the reviewer saw), nothing is
        changed and ConflictError says what changed if someone edited one meanwhile."""
        with self.db.write() as s:
            if expected_versions:
                check_release_versions(s, expected_versions, status)
            repo.set_status(s, release_ids, status)
        return ChangeSet(releases=frozenset(release_ids))

    def count(self) -> int:
        with self.db.read() as s:
            return repo.count(s)

    def languages(self) -> list[str]:
        with self.db.read() as s:
            return repo.distinct_languages(s)

    def sources(self) -> list[str]:
        with self.db.read() as s:
            return repo.source_names(s)

    def stats(self) -> dict[str, dict[str, int]]:
        with self.db.read() as s:
            return repo.stats(s)

    @staticmethod
    def hit_ranges(text: str, query: str) -> list[tuple[int, int]]:
        """Code-point ranges of `text` that the search `query` matched (for highlighting)."""
        return find_terms(text, search_terms(query))
