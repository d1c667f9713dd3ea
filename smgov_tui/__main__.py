"""`python -m smgov_tui` is `smgov`."""

import sys

from .cli import main

sys.exit(main())
