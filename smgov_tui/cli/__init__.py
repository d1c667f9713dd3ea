"""The command line: only `python -m smgov_tui` and the `smgov` script import it."""

from smgov_tui.cli.commands import main

__all__ = ["main"]
