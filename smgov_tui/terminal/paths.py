"""Where smgov keeps things for this user (platformdirs: XDG folders on Linux).

One place for every front end (the workbench's default plan, `smgov serve`, the
style cache, the keymap file), so none of them imports the CLI to find a folder.
"""

from __future__ import annotations

from pathlib import Path


def cache_folder() -> Path:
    """What smgov keeps only to be faster (the user's cache folder, XDG_CACHE_HOME on Linux)."""
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("smgov", appauthor=False))


def default_plan_path() -> Path:
    """The plan kept in the user's data folder (XDG_DATA_HOME on Linux)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("smgov", appauthor=False)) / "plan.json"


def config_folder() -> Path:
    """The user's settings (the keymap file; XDG_CONFIG_HOME on Linux)."""
    from platformdirs import user_config_dir

    return Path(user_config_dir("smgov", appauthor=False))


def free_name(folder: Path, base: str, suffix: str) -> Path:
    """`folder/<base><suffix>`, or `<base>-2<suffix>`, `-3`... up to 99: the first name
    nothing has yet (not even a link), offered for a file about to be made."""
    for n in range(1, 100):
        candidate = folder / f"{base}{'' if n == 1 else f'-{n}'}{suffix}"
        if not (candidate.exists() or candidate.is_symlink()):
            return candidate
    return folder / f"{base}{suffix}"
