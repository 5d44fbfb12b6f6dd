"""Duplicate and version detection."""
