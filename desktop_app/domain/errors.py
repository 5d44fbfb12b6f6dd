"""Domain errors: each carries a message fit to show to a reviewer."""

from dataclasses import dataclass


class ReleaseReviewError(Exception):
    """Base of every error the app reports to the user in plain words."""


class Cancelled(ReleaseReviewError):
    def __init__(self) -> None:
        super().__init__("The operation was cancelled.")


class StorageError(ReleaseReviewError):
    """The database cannot be opened, read or written."""


class SchemaTooNewError(StorageError):
    """The database was written by a newer version of the app."""


class DatabaseLockedError(StorageError):
    """Another program holds a write lock on the database."""


class ReadOnlyDatabaseError(StorageError):
    """The database file or its folder cannot be written."""


class DiskFullError(StorageError):
    """The disk holding the database is full."""


class ImportFileError(ReleaseReviewError):
    """One input file cannot be used; the batch goes on without it."""


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field of a record that differs from what the reviewer was saving over."""

    field: str
    yours: object    # what this reviewer read (or tried to save when that is unknown)
    theirs: object   # what the database holds now


class ConflictError(ReleaseReviewError):
    """Someone else changed the record since it was read (optimistic locking).

    Carries what changed so the reviewer can see it and reload; `deleted` when the record
    is gone, `current_version` None then.
    """

    def __init__(self, message: str = "Someone else changed this meanwhile; reload and try "
                 "again.", *, kind: str | None = None, record_id: int | None = None,
                 expected_version: int | None = None, current_version: int | None = None,
                 changes: tuple[FieldChange, ...] = (), deleted: bool = False) -> None:
        super().__init__(message)
        self.kind = kind
        self.record_id = record_id
        self.expected_version = expected_version
        self.current_version = current_version
        self.changes = changes
        self.deleted = deleted


class NotFoundError(ReleaseReviewError):
    """A record named by the user does not exist."""


class InvalidSpanError(ReleaseReviewError):
    """A span's offsets or covered text do not match the release text."""
