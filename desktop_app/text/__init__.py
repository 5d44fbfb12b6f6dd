"""Text normalisation shared by storage (search shadow), importers and matching."""

from .fold import FoldedText, fold, fold_with_map, nfc, search_terms

__all__ = ["FoldedText", "fold", "fold_with_map", "nfc", "search_terms"]
