"""Errors a person can act on. The command line prints str(error) after
"smgov: error:"; the workbench shows it in a dialog."""


class SmgovError(Exception):
    """Anything smgov refuses to do, with a one-line reason."""


class PlanFileError(SmgovError):
    """A plan file that cannot be read, written or trusted."""
