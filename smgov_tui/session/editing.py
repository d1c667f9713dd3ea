"""One person's editing of one plan file, as the workbench and plain mode both keep it.

Per decision the session knows its base, the value it last loaded or saved:
what a save expects to find on disk. A save that finds something else met
another session's change (a second workbench, `smgov set`), and the person
chooses: keep mine (written over the theirs they were shown, the history keeps
both), take theirs (my edit dropped), or not yet (mine stays pending, and each
save finds the clash again with theirs as the file holds it then).
Other sessions' changes to other decisions are followed by polling the file's
stamp: taken in, this session's pending edits kept on top.
Undo reverts this person's last change still in effect, found in the file's
history (so it works after a restart), and saves the revert as a change of
its own that names the one it undoes.

Pure Python: the front ends drive it, render what it reports and own the timers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from smgov_tui.core.catalogue import CATALOGUE, InvalidValue
from smgov_tui.core.errors import ConflictError, SmgovError
from smgov_tui.core.plan import Plan
from smgov_tui.storage.store import PlanStore, login_name


@dataclass(frozen=True)
class Saved:
    """What a save did. `entries`: per decision written, its history entry (None:
    the file held that value already). `conflicts`: the edits it could not write,
    still pending, each with both versions for the person to choose between."""

    entries: dict[str, dict | None] = field(default_factory=dict)
    conflicts: tuple[ConflictError, ...] = ()


@dataclass(frozen=True)
class Followed:
    """What the file held that this session had not seen. `taken`: decisions
    changed elsewhere, now in the plan and the bases. `conflicting`: pending edits
    another session changed too, kept here; their save is a conflict."""

    taken: tuple[str, ...] = ()
    conflicting: tuple[str, ...] = ()


@dataclass(frozen=True)
class Undone:
    """What an undo did: `decision_id` went back to `old` from the change made `when`;
    `passed` are this person's newer changes it left alone, changed by someone else since."""

    decision_id: str
    old: Any
    when: str
    passed: tuple[dict, ...] = ()


def _in_catalogue_order(decision_ids) -> list[str]:
    """As the plan file and the steps list them; ids of a newer catalogue last."""
    position = CATALOGUE.position
    return sorted(decision_ids, key=lambda d: (d not in position, position.get(d, 0), d))


class EditingSession:
    """A plan being edited: `plan` is the file as this session saw it with the
    pending edits on top, so every view follows the edits before they are saved."""

    def __init__(self, store: PlanStore) -> None:
        self.store = store
        self._stamp = store.stamp()  # before loading: a save in between is followed, not missed
        self.plan: Plan = store.load()
        self.bases: dict[str, Any] = self.plan.to_values()  # None, or absent: undecided
        self.pending: dict[str, Any] = {}
        # The file's values as this session last saw them: the bases, but for a pending
        # edit a save found changed elsewhere, theirs. Following reports each change once.
        self._seen: dict[str, Any] = dict(self.bases)
        self._merged: set[str] = set()  # decisions a git merge left, held as clashes (hold_merges)

    def propose(self, decision_id: str, value: Any) -> None:
        """A valid value (None clears): into the plan now, pending until saved.
        Even the value the plan shows: saved, it replaces what the file holds (a
        value the catalogue no longer accepts), and plain mode says "Unchanged"."""
        self.plan = self.plan.with_value(decision_id, value)
        self.pending[decision_id] = value

    def withdraw(self, decision_id: str) -> None:
        """A pending edit dropped unsaved: the plan shows the decision's base again."""
        if decision_id in self.pending:
            del self.pending[decision_id]
            self.plan = self.plan.with_value(decision_id, self.bases.get(decision_id))

    # saving

    def save(self, force: bool = False) -> Saved:
        """Every pending edit through the store, each with its base, so that a
        change another session made meanwhile is caught, not overwritten.

        `force` (a hang-up: no one to ask) writes over it; theirs stays in the
        history. A file that cannot be written raises SmgovError: what was
        written before it is saved, the rest stays pending.
        """
        entries: dict[str, dict | None] = {}
        conflicts: list[ConflictError] = []
        for decision_id, value in list(self.pending.items()):
            try:
                entries[decision_id] = self.store.set(decision_id, value, base=self.bases.get(decision_id),
                                                      force=force)
            except ConflictError as conflict:
                conflicts.append(conflict)
                self._seen[decision_id] = conflict.theirs
                continue
            self._saved(decision_id, self.pending.pop(decision_id))
        return Saved(entries, tuple(conflicts))

    def _saved(self, decision_id: str, value: Any) -> None:
        self.bases[decision_id] = self._seen[decision_id] = value

    def undo(self) -> Undone | None:
        """This person's newest change the file still holds, reverted and saved at once:
        through the store, against the value that change wrote, with a history entry
        naming the change it undoes (the next undo passes over both). None: nothing
        of theirs left to undo. Only with nothing pending (the front end saves first).
        ConflictError if the file changed in between; SmgovError if it cannot be written."""
        from smgov_tui.core.history import to_undo  # deferred: the history is read by an undo, not an open

        history = self.store.history()
        values = self.store.load().to_values()
        found = to_undo([(entry.doc_id, entry) for entry in history], login_name(), values)
        if found is None:
            return None
        number, entry, passed = found
        decision_id, old = str(entry["decision"]), entry.get("old")
        self.store.set(decision_id, old, base=entry.get("new"), undoes=number)
        self.plan = self.plan.with_value(decision_id, old)
        self._saved(decision_id, old)
        return Undone(decision_id, old, str(entry.get("when", "")), tuple(passed))

    def hold_merges(self) -> tuple[ConflictError, ...]:
        """The decisions a git merge left unresolved (Plan.merges, storage/merge.py), held as
        clashes for the person to choose, as one with another session is: theirs is the file's
        value (the branch merged into), mine the other branch's, pending. Its base is that
        other value, not the file's, so no save writes it unasked: each save finds the clash."""
        held = []
        merges = dict(self.plan.merges)
        for decision_id, (ours, other) in merges.items():
            if decision_id not in CATALOGUE or decision_id in self.pending:
                continue
            try:
                other = CATALOGUE.check(decision_id, other, self.plan.values)
            except InvalidValue:
                continue
            self.propose(decision_id, other)
            self.bases[decision_id] = other
            held.append(ConflictError(decision_id, other, ours, who="another branch (a git merge)",
                                      label=CATALOGUE.label(decision_id), merged=True))
        self.plan.merges = merges  # still unresolved, and on the checklist, until chosen
        self._merged = {c.decision_id for c in held}
        return tuple(held)

    def keep_mine(self, conflict: ConflictError) -> dict | None:
        """Mine written over theirs (the history keeps both); its history entry.

        Only over the theirs the person was shown: should the file have moved
        again since, a fresh ConflictError carries the newer value and nothing
        is written. SmgovError if the file cannot be written: mine stays pending."""
        decision_id = conflict.decision_id
        try:
            entry = self.store.set(decision_id, self.pending[decision_id], base=conflict.theirs)
        except ConflictError as newer:
            self._seen[decision_id] = newer.theirs
            raise
        self._saved(decision_id, self.pending.pop(decision_id))
        self.plan.merges.pop(decision_id, None)  # the store cleared the file's mark with the save
        return entry

    def take_theirs(self, conflict: ConflictError) -> Any:
        """Theirs into the plan, as loading reads it (checked, normalised) and
        the latest should it have moved again; my edit is dropped. Returns it."""
        decision_id = conflict.decision_id
        try:
            theirs = self.store.load().to_values().get(decision_id)
        except SmgovError:
            theirs = conflict.theirs
        self.pending.pop(decision_id, None)
        self.bases[decision_id] = self._seen[decision_id] = theirs
        self.plan = self.plan.with_value(decision_id, theirs)
        if decision_id in self._merged:  # chosen: the file's mark goes (the value is already there)
            self._merged.discard(decision_id)
            try:
                self.store.set(decision_id, theirs)
            except SmgovError:
                pass  # the checklist still says so: chosen again at the next opening
        return theirs

    # other sessions

    def follow(self) -> Followed | None:
        """Polled by the front end: None while the file is as this session last
        saw it; once another session (or a save here) replaced it, the plan is
        the file's with this session's pending edits on top, and what changed is
        reported once: a clash a save found already is not reported again (the
        person has not chosen yet). SmgovError if the file cannot be read
        just now: the next change to it is followed."""
        stamp = self.store.stamp()
        if stamp == self._stamp:
            return None
        self._stamp = stamp
        fresh = self.store.load()
        values = fresh.to_values()
        changed = _in_catalogue_order(d for d in {*values, *self._seen} if values.get(d) != self._seen.get(d))
        bases = dict(values)
        for decision_id, value in self.pending.items():
            # A pending edit keeps its base, so its save still finds the other session's change.
            bases[decision_id] = self.bases.get(decision_id)
            fresh = fresh.with_value(decision_id, value)
        self.plan, self.bases, self._seen = fresh, bases, values
        return Followed(tuple(d for d in changed if d not in self.pending),
                        tuple(d for d in changed if d in self.pending))
