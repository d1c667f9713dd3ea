"""The plan file: one TinyDB JSON file per plan, and what smgov guarantees about it.

Three tables: `meta` (format marker, schema version, write revision, app
version, created, the history's checksum), `plan` (the plan's name and its
values keyed by decision id) and `history` (one entry per change: who, when,
which decision, old and new value). Tables and keys smgov does not know are
carried through untouched, so an older smgov never drops a newer one's data.

Plans hold weeks of a team's decisions and are edited over flaky links, two
sessions at a time, so every write:
- happens under an exclusive lock on `.<plan>.lock` and starts from the file
  as it is on disk now (another session's changes are kept, never overwritten);
- refuses to overwrite a decision another session changed since this one read
  it (ConflictError), unless told to;
- is atomic (temp file, fsync, rename, fsync the folder): a crash leaves the
  old file or the new one, whole; a value and its history entry are one save;
- refreshes `<plan>.bak`, a separate copy of what was saved, so a plan broken
  outside smgov (a bad hand edit, a truncated copy) can be restored.

A file that is not a plan, is damaged, too large, not a regular file or from a
newer schema is refused with the reason and left byte for byte as it was; an
older schema is migrated in memory, and its file kept as `<plan>.v<n>.bak`
before the first save in the new one.

The layout is fixed so a plan kept in git diffs cleanly, and the same plan is
always the same bytes. History is append-only and is the file's last table: a
save copies its bytes, checked against `meta.history_crc32`, and appends a
line, so saving stays fast with 10,000 entries (bench/save.py).

Where each part lives:
- plan_storage.py: PlanStorage, the TinyDB Storage that keeps the guarantees
  (`TinyDB(path, storage=PlanStorage)` opens a plan with them); PlanDB and
  `change`, several table operations saved as one;
- store.py: PlanStore, what the front ends use, on TinyDB's tables;
- changes.py: the history filters, as TinyDB queries;
- reading.py: the refusals and the validation; migrations.py: the schemas;
- layout.py: the bytes; history.py: the history table, parsed only when asked;
- files.py: atomic writes and the lock; backup.py: backups and restore;
- samples.py: the sample plans shipped with smgov.
"""
