"""The sample plans shipped with smgov (in the wheel, or beside the source)."""

from __future__ import annotations

from pathlib import Path

from smgov_tui.core.errors import SmgovError

_PACKAGE = Path(__file__).resolve().parents[1]  # smgov_tui/, in a wheel or a checkout


def sample_dir() -> Path:
    # Installed: smgov_tui/sample_plans inside the wheel. From a checkout: ../sample_plans.
    for candidate in (_PACKAGE / "sample_plans", _PACKAGE.parent / "sample_plans"):
        if candidate.is_dir():
            return candidate
    raise SmgovError("the sample plans are missing from this installation")


def sample_names() -> list[str]:
    return sorted(path.stem for path in sample_dir().glob("*.json"))


def sample_path(name: str) -> Path:
    names = sample_names()
    if name not in names:
        raise SmgovError(f"no sample named {name!r}; samples: {', '.join(names)}")
    return sample_dir() / f"{name}.json"


BLANK_NAME = "My social media plan"
# What each sample is, where a person chooses how to start (the welcome screen, plain mode).
SAMPLE_TEXT = {"small-city": "a small city, launch-ready",
               "county": "a county half-way through",
               "agency": "a new agency, barely started"}


def start_plan(path: Path, sample: str | None = None):
    """A new plan file at `path`, blank or from a sample: the workbench's welcome
    screen and plain mode start plans the same way. Never overwrites."""
    from smgov_tui.storage.store import PlanStore

    if sample is None:
        return PlanStore.create(path, BLANK_NAME)
    name, values = sample_start(sample)
    return PlanStore.create(path, name, values, source=f"sample:{sample}")


def sample_start(name: str) -> tuple[str, dict]:
    """A sample's name and values to start a new plan from: everything but its
    sign-off, which belongs to the sample's people, not to the copy."""
    from smgov_tui.storage.store import PlanStore

    sample = PlanStore(sample_path(name)).load()
    values = sample.to_values()
    values.pop("launch.signoff", None)
    return sample.name, values
