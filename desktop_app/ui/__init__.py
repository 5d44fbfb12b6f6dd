"""Qt widgets, windows, dialogs and item models of Release Review."""
