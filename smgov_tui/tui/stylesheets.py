"""Where the stylesheets are, and the sheets of the screens shown now and then.

The workbench's own sheet (styles/smgov.tcss) is read at the start. Each
dialog, the launch step and the welcome and problem screens carry theirs as
Textual default CSS, which Textual parses when the screen is first shown, and
only then: read at the start, they were two thirds of the text parsed before
the first frame, and a quarter of a megabyte kept parsed (bench/tui.py).
"""

from __future__ import annotations

from pathlib import Path

from smgov_tui.core.errors import SmgovError


def styles_dir() -> Path:
    package = Path(__file__).resolve().parents[1]  # smgov_tui/, in a wheel or a checkout
    for candidate in (package / "styles", package.parent / "styles"):
        if candidate.is_dir():
            return candidate
    raise SmgovError("the styles are missing from this installation")


def sheet(name: str) -> str:
    """styles/<name>.tcss, for a class's DEFAULT_CSS (with SCOPED_CSS = False, so
    its rules read as written). Default CSS gives way to the workbench's sheet,
    so a sheet of its own only styles what that sheet leaves alone."""
    return (styles_dir() / f"{name}.tcss").read_text(encoding="utf-8")
