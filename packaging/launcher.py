"""Entry point of the bundled app (PyInstaller runs this file as ``__main__``)."""

import sys

from journal.cli import main

if __name__ == "__main__":
    sys.exit(main())
