"""Entry point of the bundled app (PyInstaller needs a script, not a console_scripts entry)."""

import sys

from desktop_app.app import main

if __name__ == "__main__":
    sys.exit(main())
