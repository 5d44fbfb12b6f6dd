"""What a mutation changed, so views refresh only that."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class ChangeSet:
    releases: frozenset[int] = frozenset()      # rows whose list columns changed
    release_list: bool = False                  # rows added or removed: reload ids
    annotations: frozenset[int] = frozenset()   # releases whose spans/events changed
    entities: bool = False
    duplicates: bool = False
    schema: bool = False
    extra: dict[str, object] = field(default_factory=dict)

    def __or__(self, other: ChangeSet) -> ChangeSet:
        return ChangeSet(
            releases=self.releases | other.releases,
            release_list=self.release_list or other.release_list,
            annotations=self.annotations | other.annotations,
            entities=self.entities or other.entities,
            duplicates=self.duplicates or other.duplicates,
            schema=self.schema or other.schema,
            extra={**self.extra, **other.extra},
        )

    @property
    def empty(self) -> bool:
        return not (self.releases or self.release_list or self.annotations or self.entities
                    or self.duplicates or self.schema)
