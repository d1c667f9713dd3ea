"""`python -m smgov_tui` is `smgov`."""

import sys

from smgov_tui.cli import main

sys.exit(main())
