"""Textual's parsed stylesheets, kept between runs of the workbench.

Textual parses the workbench's CSS, and every Textual widget's own, on each
start: a tenth of the time to the first frame (bench/tui.py), for text that
only changes with an upgrade. Textual keeps what it parsed for the life of the
process (Stylesheet._parse_cache, keyed by the CSS text itself); this keeps it
in the user's cache folder, in a file per installed Textual and theme, so the
next start reads it instead. Anything in doubt (a damaged file, another
owner's file, other variables) and Textual parses as ever: the file only
ever saves time, never changes a style.

A file holds only parses made with the variables it is named for. The app
picks its file as it is made, with Textual's default theme; a session that
then turns to another theme (a 16-colour terminal's ANSI theme, NO_COLOR,
SMGOV_THEME, the palette) parses again with that theme's colours, and those
parses are not written into the default theme's file: they overwrote it, so
the next start in full colour found colours it could not use and parsed as
if there were no file.
"""

from __future__ import annotations

import os
import pickle
import zlib
from pathlib import Path
from typing import Any

from smgov_tui.storage.files import open_own, remove_stale_temps, write_atomically
from smgov_tui.tui.compat import parse_cache, stylesheet_variables


def stamp(variables: dict[str, str]) -> str:
    """What parsed rules depend on besides the CSS text: the installed Textual (told
    by its CSS modules' files; asking the package metadata for its version took as
    long as the parse saved) and the theme's variables (its colours)."""
    import textual.css

    css = Path(textual.css.__file__).parent
    installed = [(name, (css / name).stat().st_mtime_ns) for name in ("model.py", "parse.py", "styles.py")]
    return repr((installed, sorted(variables.items())))


def cache_file(folder: Path, variables: dict[str, str]) -> Path:
    """A file per stamp. Its name is no seal (the stamp inside is checked), and zlib
    is loaded already: hashlib would bring OpenSSL into the workbench for this."""
    return folder / f"styles-{zlib.crc32(stamp(variables).encode()):08x}.pickle"


def load(stylesheet: Any, path: Path) -> frozenset:
    """Fill the stylesheet's parse cache from the file; the entries it took.
    Only a file of this user's, that no one else can write, is read, and never
    through a link (files.open_own): unpickling it runs code."""
    try:
        with os.fdopen(open_own(path), "rb") as file:
            kept = pickle.load(file)
        if kept["stamp"] != stamp(stylesheet_variables(stylesheet)):
            return frozenset()
        entries = kept["entries"]
        for key, rules in entries.items():
            parse_cache(stylesheet)[key] = rules
        return frozenset(entries)
    except Exception:  # missing, damaged, someone else's, from another Textual: parse as ever
        return frozenset()


def in_use(stylesheet: Any) -> dict:
    """The parses of the sources this run has read: an older sheet's parse (smgov
    upgraded) is left out, not carried forever. A source can have parses under
    several ranks (Textual re-ranks a base class's CSS as its subclasses come):
    the start goes through each of them again, so each is kept."""
    sources = {(css, read_from) for read_from, (css, *_rest) in stylesheet.source.items()}
    cache = parse_cache(stylesheet)
    return {key: cache.get(key) for key in list(cache.keys()) if key[:2] in sources}


def save(stylesheet: Any, path: Path, loaded: frozenset) -> frozenset | None:
    """Write the parses in use when they are not what was loaded; what was written,
    or None. Only into the file named for the variables they were parsed with
    (see above): under other variables nothing is written. Never raises: a full
    disk or a read-only home only costs the next start its parse."""
    if cache_file(path.parent, stylesheet_variables(stylesheet)) != path:
        return None
    entries = in_use(stylesheet)
    if not entries or frozenset(entries) == loaded:
        return None
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        remove_stale_temps(path)  # of a session killed while writing it
        data = pickle.dumps({"stamp": stamp(stylesheet_variables(stylesheet)), "entries": entries},
                            protocol=pickle.HIGHEST_PROTOCOL)
        # Whole or not at all, should two sessions save at once; a new temp file, never a
        # name someone else could have placed a link at.
        write_atomically(path, data, 0o600, durable=False)
        return frozenset(entries)
    except Exception:
        return None
