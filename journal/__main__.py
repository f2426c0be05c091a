"""``python -m journal`` does what the ``connection-journal`` command does."""

import sys

from journal.cli import main

sys.exit(main())
