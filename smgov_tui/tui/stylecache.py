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

A very first start has no file yet: it reads the parses shipped with smgov
(styles/parsed.pickle, made by `python -m smgov_tui.tui.ship_styles` with the
Textual smgov pins and its default theme), which spared it a parse of every
sheet before its first frame. They are keyed by the places of the sheets
within Textual and smgov, not on the machine that made them, and read only
for that version of Textual and those colours; they are trusted as the code
beside them is (the same owner, no one else may write them).
"""

from __future__ import annotations

import os
import pickle
import zlib
from pathlib import Path
from typing import Any

from smgov_tui.storage.files import open_own, remove_stale_temps, write_atomically
from smgov_tui.tui.compat import parse_cache, stylesheet_variables
from smgov_tui.tui.stylesheets import styles_dir

SHIPPED = "parsed.pickle"  # in styles/: the parses of a first start, shipped with smgov


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
    """The parses kept in the file, or if it has none to give (none yet, damaged,
    another Textual's), those shipped; the entries taken."""
    return load_kept(stylesheet, path) or load_shipped(stylesheet)


def load_kept(stylesheet: Any, path: Path) -> frozenset:
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


# The parses shipped with smgov, for a start with nothing kept yet


def places() -> dict[str, Path]:
    """Where the sheets read at a start live, by a name that holds on any machine."""
    import textual

    import smgov_tui

    return {"<textual>": Path(textual.__file__).parent, "<smgov>": Path(smgov_tui.__file__).parent,
            "<styles>": styles_dir()}


def textual_release() -> str | None:
    """The installed Textual's release, from the name of its metadata folder
    ("textual-8.2.8.dist-info"): importlib.metadata took longer to load than the
    parse it would spare. None if there is no such folder (then nothing shipped is read)."""
    import textual

    site = Path(textual.__file__).parent.parent
    try:
        names = [p.name for p in site.iterdir() if p.name.startswith("textual-") and p.name.endswith(".dist-info")]
    except OSError:
        return None
    return names[0].removesuffix(".dist-info") if len(names) == 1 else None


def shipped_stamp(variables: dict[str, str]) -> str | None:
    release = textual_release()
    return None if release is None else repr((release, sorted(variables.items())))


def portable(key: tuple, where: dict[str, Path]) -> tuple | None:
    """A parse's key with its sheet's path made relative to Textual or smgov; None
    for a sheet of neither (a user's own)."""
    (path, name), rest = key[1], key[2:]
    for place, folder in where.items():
        try:
            inside = Path(path).relative_to(folder)
        except ValueError:
            continue
        return (key[0], (f"{place}/{inside.as_posix()}", name), *rest)
    return None


def placed(key: tuple, where: dict[str, Path]) -> tuple:
    """A shipped key with its sheet's path where this installation has it."""
    (path, name), rest = key[1], key[2:]
    place, _, inside = path.partition("/")
    return (key[0], (str(where[place] / inside), name), *rest)


def shipped_entries(stylesheet: Any) -> dict:
    """The parses in use, keyed portably (see `portable`)."""
    where = places()
    entries = {}
    for key, rules in in_use(stylesheet).items():
        shipped_key = portable(key, where)
        if shipped_key is not None:
            entries[shipped_key] = rules
    return entries


def trusted_as_code(fd: int) -> bool:
    """The shipped file is as trustworthy as the code beside it: the same owner, and
    no one else may write it."""
    status, code = os.fstat(fd), os.stat(__file__)
    return status.st_uid == code.st_uid and not status.st_mode & 0o022


def load_shipped(stylesheet: Any) -> frozenset:
    """The shipped parses, put in the stylesheet's parse cache if they were made with
    this Textual and these colours; the entries taken."""
    try:
        fd = os.open(styles_dir() / SHIPPED, os.O_RDONLY | os.O_NOFOLLOW)
        with os.fdopen(fd, "rb") as file:
            if not trusted_as_code(fd):
                return frozenset()
            kept = pickle.load(file)
        stamp_now = shipped_stamp(stylesheet_variables(stylesheet))
        if stamp_now is None or kept["stamp"] != stamp_now:
            return frozenset()
        where = places()
        entries = {placed(key, where): rules for key, rules in kept["entries"].items()}
        cache = parse_cache(stylesheet)  # an LRU cache: no update()
        for key, rules in entries.items():
            cache[key] = rules
        return frozenset(entries)
    except Exception:  # missing, damaged, someone else's: parse as ever
        return frozenset()
