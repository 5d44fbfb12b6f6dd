"""Domain errors: each carries a message fit to show to a reviewer."""


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


class ConflictError(ReleaseReviewError):
    """Someone else changed the record since it was read (optimistic locking)."""


class NotFoundError(ReleaseReviewError):
    """A record named by the user does not exist."""


class InvalidSpanError(ReleaseReviewError):
    """A span's offsets or covered text do not match the release text."""
