"""Entry point of the bundled app (PyInstaller needs a script, not a console_scripts entry)."""

import multiprocessing
import sys

from desktop_app.app import main

if __name__ == "__main__":
    # Large imports parse files in worker processes; a frozen app must route them here.
    multiprocessing.freeze_support()
    sys.exit(main())
