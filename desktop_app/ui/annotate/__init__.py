"""Tagging in the reader: annotated text view, tags and events panels, dialogs, controller."""
