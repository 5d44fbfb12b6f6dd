"""Duplicate and version detection over stored match keys. No Qt, no SQL."""

from .keys import MatchKeys, compute_keys, keys_for

__all__ = ["MatchKeys", "compute_keys", "keys_for"]
