"""The platform evaluation matrix: candidate platforms scored against weighted criteria.

The matrix is the plan's JSON value for platforms.matrix, so the workbench,
`smgov get` and the checklist rank it by the same arithmetic. Every criterion
is scored 0-5 with higher always better (cost too: 5 is cheap for us), so a
weighted mean is a fair single figure out of 5 and nothing is scored upside
down. An unscored cell counts as 0: a half-scored platform cannot top the
ranking on the strength of its one good mark.

Edits are pure functions returning a new matrix; they raise MatrixError with
a sentence for the person, as does `validate` for a value read from a file.
"""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Mapping
from typing import Any, NamedTuple

from smgov_tui.core.names import name_key

MAX_SCORE = 5
MAX_WEIGHT = 5
MAX_CRITERIA = 12
MAX_CANDIDATES = 20
NAME_LIMIT = 60
MAIN = "platforms.main"  # the decision the matrix's ranking informs
NEW_WEIGHT = 1  # a criterion the user adds counts, but less than the defaults' main ones


class MatrixError(ValueError):
    """A matrix or an edit refused; str() is a sentence for the person."""


class Criterion(NamedTuple):
    name: str
    weight: int
    short: str  # a column header where there is room
    tiny: str  # a column header at 80x24
    help: str  # what 0 and 5 mean


DEFAULT_CRITERIA: tuple[Criterion, ...] = (
    Criterion("Reach among our residents", 3, "Reach", "Rch",
              "5 = most of our residents use it, 0 = hardly any"),
    Criterion("Two-way engagement", 2, "Two-way", "2way",
              "5 = real conversation (comments, messages), 0 = broadcast only"),
    Criterion("Moderation tools", 2, "Moder.", "Mod",
              "5 = full control (hide, filter, block), 0 = none"),
    Criterion("Analytics", 1, "Analyt.", "Anl",
              "5 = detailed figures we can export, 0 = none"),
    Criterion("Accessibility features", 2, "Access.", "Acc",
              "5 = alt text, captions and more built in, 0 = none"),
    Criterion("Cost", 2, "Cost", "Cost",
              "higher is better: 5 = free or cheap for us, 0 = costly (paid tiers, ads, tools)"),
    Criterion("Staff familiarity", 1, "Famil.", "Fam",
              "5 = our team uses it daily, 0 = nobody knows it"),
)
_DEFAULTS = {name_key(c.name): c for c in DEFAULT_CRITERIA}


def described(name: str, weight: int = NEW_WEIGHT) -> Criterion:
    """A criterion of a matrix with its headers and help: the defaults' own, else made up."""
    known = _DEFAULTS.get(name_key(name))
    if known is not None:
        return Criterion(name, weight, known.short, known.tiny, known.help)
    word = name.split()[0] if name.split() else name
    short = word if len(word) <= 7 else word[:6] + "."
    return Criterion(name, weight, short, word[:3] if len(word) > 4 else word,
                     "our own criterion: 5 = best, 0 = worst")


def criteria(matrix: Mapping[str, Any] | None) -> list[Criterion]:
    return [described(c["name"], c["weight"]) for c in (matrix or {}).get("criteria", ())]


def new_matrix() -> dict:
    """The default criteria and weights, no candidates yet."""
    return {"criteria": [{"name": c.name, "weight": c.weight} for c in DEFAULT_CRITERIA],
            "candidates": []}


# the arithmetic


def weighted_score(matrix: Mapping[str, Any], scores: Mapping[str, int]) -> float:
    """The weighted mean out of 5; 0 when every weight is 0."""
    total = sum(c["weight"] for c in matrix["criteria"])
    if total == 0:
        return 0.0
    return sum(c["weight"] * scores.get(c["name"], 0) for c in matrix["criteria"]) / total


class Ranked(NamedTuple):
    rank: int  # tied scores share a rank (1, 1, 3)
    platform: str
    score: float  # out of 5
    unscored: int  # criteria not scored yet

    @property
    def shown(self) -> str:
        return f"{self.score:.1f}"


def ranking(matrix: Mapping[str, Any] | None) -> list[Ranked]:
    """Best first; ties in name order, so the same matrix always reads the same."""
    if not matrix:
        return []
    names = [c["name"] for c in matrix["criteria"]]
    scored = [(round(weighted_score(matrix, row["scores"]), 9), row) for row in matrix["candidates"]]
    scored.sort(key=lambda pair: (-pair[0], name_key(pair[1]["platform"]), pair[1]["platform"]))
    out: list[Ranked] = []
    for position, (score, row) in enumerate(scored, start=1):
        rank = out[-1].rank if out and math.isclose(out[-1].score, score) else position
        out.append(Ranked(rank, row["platform"], score, sum(n not in row["scores"] for n in names)))
    return out


def ranked(matrix: Mapping[str, Any] | None, platform: str) -> Ranked | None:
    return next((r for r in ranking(matrix) if name_key(r.platform) == name_key(platform)), None)


# edits


def _name(text: Any, what: str) -> str:
    if not isinstance(text, str):
        raise MatrixError(f"a {what} name is text")
    if "\n" in text or "\r" in text:
        raise MatrixError(f"a {what} name is one line")
    text = " ".join(text.split())
    if not text:
        raise MatrixError(f"a {what} needs a name")
    if len(text) > NAME_LIMIT:
        raise MatrixError(f"a {what} name is at most {NAME_LIMIT} characters (this is {len(text)})")
    return text


def _find(rows: list[dict], key: str, name: str) -> int | None:
    return next((i for i, row in enumerate(rows) if name_key(row[key]) == name_key(name)), None)


def _copy(matrix: Mapping[str, Any]) -> dict:
    out = {"criteria": [dict(c) for c in matrix["criteria"]],
           "candidates": [{"platform": r["platform"], "scores": dict(r["scores"])}
                          for r in matrix["candidates"]]}
    if matrix.get("chosen"):
        out["chosen"] = dict(matrix["chosen"])
    return out


def _candidate(matrix: dict, platform: str) -> dict:
    index = _find(matrix["candidates"], "platform", platform)
    if index is None:
        raise MatrixError(f"{platform!r} is not in the matrix")
    return matrix["candidates"][index]


def _criterion(matrix: dict, name: str) -> dict:
    index = _find(matrix["criteria"], "name", name)
    if index is None:
        raise MatrixError(f"there is no criterion {name!r}")
    return matrix["criteria"][index]


def with_candidate(matrix: Mapping[str, Any], platform: str) -> dict:
    platform = _name(platform, "platform")
    out = _copy(matrix)
    if _find(out["candidates"], "platform", platform) is not None:
        raise MatrixError(f"{platform} is already in the matrix")
    if len(out["candidates"]) >= MAX_CANDIDATES:
        raise MatrixError(f"the matrix holds at most {MAX_CANDIDATES} platforms")
    out["candidates"].append({"platform": platform, "scores": {}})
    return out


def without_candidate(matrix: Mapping[str, Any], platform: str) -> dict:
    """Removing the chosen platform removes the record of choosing it."""
    out = _copy(matrix)
    out["candidates"].remove(_candidate(out, platform))
    if out.get("chosen") and name_key(out["chosen"]["platform"]) == name_key(platform):
        del out["chosen"]
    return out


def with_criterion(matrix: Mapping[str, Any], name: str, weight: int = NEW_WEIGHT) -> dict:
    name = _name(name, "criterion")
    out = _copy(matrix)
    if _find(out["criteria"], "name", name) is not None:
        raise MatrixError(f"there is already a criterion {name}")
    if len(out["criteria"]) >= MAX_CRITERIA:
        raise MatrixError(f"the matrix holds at most {MAX_CRITERIA} criteria")
    out["criteria"].append({"name": name, "weight": weight})
    return out


def without_criterion(matrix: Mapping[str, Any], name: str) -> dict:
    """Its scores go with it."""
    out = _copy(matrix)
    if len(out["criteria"]) == 1:
        raise MatrixError("the matrix needs at least one criterion")
    found = _criterion(out, name)
    out["criteria"].remove(found)
    for row in out["candidates"]:
        row["scores"].pop(found["name"], None)
    return out


def with_score(matrix: Mapping[str, Any], platform: str, criterion: str, score: int | None) -> dict:
    """None clears the cell (not scored yet)."""
    if score is not None and not 0 <= score <= MAX_SCORE:
        raise MatrixError(f"scores run from 0 to {MAX_SCORE}")
    out = _copy(matrix)
    name = _criterion(out, criterion)["name"]
    row = _candidate(out, platform)
    if score is None:
        row["scores"].pop(name, None)
    else:
        row["scores"][name] = score
    row["scores"] = {c["name"]: row["scores"][c["name"]] for c in out["criteria"] if c["name"] in row["scores"]}
    return out


def with_weight(matrix: Mapping[str, Any], criterion: str, weight: int) -> dict:
    """Weights run 0 (ignored) to 5; beyond the ends they stay at the end."""
    out = _copy(matrix)
    _criterion(out, criterion)["weight"] = max(0, min(MAX_WEIGHT, weight))
    return out


def chose(matrix: Mapping[str, Any], platform: str, on: _dt.date | None = None) -> dict:
    """Record the main platform with its score today: the figure the choice was made on."""
    out = _copy(matrix)
    row = _candidate(out, platform)
    score = weighted_score(out, row["scores"])
    out["chosen"] = {"platform": row["platform"], "score": round(score, 2),
                     "on": (on or _dt.date.today()).isoformat()}
    return out


# reading a value from a file or the command line


def _whole(value: Any, what: str, top: int) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or (
            isinstance(value, float) and not value.is_integer()) or not 0 <= value <= top:
        raise MatrixError(f"{what} is a whole number from 0 to {top}, not {value!r}")
    return int(value)


def _keys(item: Any, what: str, required: tuple[str, ...], optional: tuple[str, ...] = ()) -> dict:
    if not isinstance(item, dict):
        raise MatrixError(f"{what} is an object with {', '.join(required + optional)}")
    unknown = sorted(set(item) - set(required) - set(optional))
    if unknown:
        raise MatrixError(f"{what}: unknown field {unknown[0]!r}; fields are "
                          f"{', '.join(required + optional)}")
    for key in required:
        if key not in item:
            raise MatrixError(f"{what}: {key} is required")
    return item


def validate(value: Any) -> dict | None:
    """A JSON value -> the stored matrix in a fixed order, None without candidates."""
    value = _keys(value, "the matrix", (), ("criteria", "candidates", "chosen"))
    raw_criteria = value.get("criteria", new_matrix()["criteria"])
    if not isinstance(raw_criteria, list) or not raw_criteria:
        raise MatrixError("criteria is a list of at least one {\"name\", \"weight\"}")
    if len(raw_criteria) > MAX_CRITERIA:
        raise MatrixError(f"the matrix holds at most {MAX_CRITERIA} criteria")
    matrix: dict = {"criteria": [], "candidates": []}
    # Rows by name_key, not _find's walk: a matrix of n names made n*n keys, a third of
    # reading a plan's values (bench/portfolio.py).
    criterion_at: dict[str, int] = {}
    candidate_at: dict[str, int] = {}
    for number, item in enumerate(raw_criteria, start=1):
        item = _keys(item, f"criterion {number}", ("name",), ("weight",))
        name = _name(item["name"], "criterion")
        if name_key(name) in criterion_at:
            raise MatrixError(f"criterion {name} appears twice")
        weight = _whole(item.get("weight", NEW_WEIGHT), f"the weight of {name}", MAX_WEIGHT)
        criterion_at[name_key(name)] = len(matrix["criteria"])
        matrix["criteria"].append({"name": name, "weight": weight})
    raw_candidates = value.get("candidates", [])
    if not isinstance(raw_candidates, list):
        raise MatrixError("candidates is a list of {\"platform\", \"scores\"}")
    if len(raw_candidates) > MAX_CANDIDATES:
        raise MatrixError(f"the matrix holds at most {MAX_CANDIDATES} platforms")
    for number, item in enumerate(raw_candidates, start=1):
        item = _keys(item, f"candidate {number}", ("platform",), ("scores",))
        platform = _name(item["platform"], "platform")
        if name_key(platform) in candidate_at:
            raise MatrixError(f"platform {platform} appears twice")
        raw_scores = item.get("scores", {})
        if not isinstance(raw_scores, dict):
            raise MatrixError(f"{platform}: scores is an object of criterion name to 0-5")
        scores = {}
        for name, score in raw_scores.items():
            index = criterion_at.get(name_key(name))
            if index is None:
                raise MatrixError(f"{platform}: no criterion named {name!r}; criteria are "
                                  + ", ".join(c["name"] for c in matrix["criteria"]))
            scores[matrix["criteria"][index]["name"]] = _whole(score, f"{platform}'s {name} score",
                                                               MAX_SCORE)
        ordered = {c["name"]: scores[c["name"]] for c in matrix["criteria"] if c["name"] in scores}
        candidate_at[name_key(platform)] = len(matrix["candidates"])
        matrix["candidates"].append({"platform": platform, "scores": ordered})
    chosen = value.get("chosen")
    if chosen is not None:
        chosen = _keys(chosen, "chosen", ("platform", "score"), ("on",))
        index = candidate_at.get(name_key(_name(chosen["platform"], "platform")))
        if index is None:
            raise MatrixError(f"the chosen platform {chosen['platform']} is not among the candidates")
        score = chosen["score"]
        if isinstance(score, bool) or not isinstance(score, (int, float)) or not (
                math.isfinite(score) and 0 <= score <= MAX_SCORE):
            raise MatrixError(f"the chosen score is a number from 0 to {MAX_SCORE}, not {score!r}")
        record = {"platform": matrix["candidates"][index]["platform"], "score": round(score, 2)}
        if chosen.get("on") is not None:
            on = chosen["on"]
            try:
                if not isinstance(on, str) or len(on) != 10:
                    raise ValueError(on)
                record["on"] = _dt.date.fromisoformat(on).isoformat()
            except ValueError:
                raise MatrixError(f"the date chosen is YYYY-MM-DD, not {on!r}") from None
        matrix["chosen"] = record
    return matrix if matrix["candidates"] else None


# words


def summary(matrix: Mapping[str, Any]) -> str:
    """One line: the ranking, then the choice recorded."""
    ranks = ", ".join(f"{r.rank} {r.platform} {r.shown}" for r in ranking(matrix))
    text = f"{ranks} (of 5)"
    chosen = matrix.get("chosen")
    if chosen:
        text += f"; chose {chosen['platform']} at {chosen['score']:.1f}" + (
            f" on {chosen['on']}" if chosen.get("on") else "")
    return text


def main_note(values: Mapping[str, Any]) -> str | None:
    """The main platform's standing in the matrix, for beside its choice."""
    main, matrix = values.get("platforms.main"), values.get("platforms.matrix")
    if not main or not matrix:
        return None
    standing = ranked(matrix, main)
    if standing is None:
        return f"{main} is not in the evaluation matrix; add it there to compare."
    text = f"{standing.platform}: {standing.shown}/5, ranked {standing.rank} of {len(matrix['candidates'])}"
    chosen = matrix.get("chosen")
    if chosen and name_key(chosen["platform"]) == name_key(main) and chosen.get("on"):
        text += f" (chosen {chosen['on']} at {chosen['score']:.1f})"
    return text + "."
