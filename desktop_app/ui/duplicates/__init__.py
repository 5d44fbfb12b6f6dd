"""Review of candidate versions: the pair list, the side-by-side view, the dock panel."""

from .also_in import AlsoInLabel
from .pair_model import PairTableModel
from .panel import DuplicatesDock, DuplicatesPanel
from .side_by_side import SideBySideView

__all__ = ["AlsoInLabel", "DuplicatesDock", "DuplicatesPanel", "PairTableModel",
           "SideBySideView"]
