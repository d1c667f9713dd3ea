"""`smgov`: the command line. The non-UI commands never import textual.

Every failure is one line on stderr, "smgov: error: ...", exit 2, and the plan
file is left exactly as it was: values are validated before anything is written.
"""

from __future__ import annotations

import datetime as _dt
import gc
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from smgov_tui.core.catalogue import CATALOGUE, InvalidValue, UnknownDecision
from smgov_tui.core.catalogue.kinds import Matrix, Money
from smgov_tui.core.errors import SmgovError
from smgov_tui.core.textsafe import json_text, lone_surrogate, one_line, quoted_line, visible
from smgov_tui.terminal.output import EXIT_NOT_READY, EXIT_READY, fail, fit_table, warn
from smgov_tui.terminal.paths import cache_folder, default_plan_path

if TYPE_CHECKING:
    import argparse

COMMANDS = ("new", "decisions", "check", "set", "get", "suggest", "history", "export", "calendar", "restore", "keys",
            "serve", "git-setup", "textconv", "merge-driver", "register")
_COMMAND_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")


def main(argv: Sequence[str] | None = None) -> int:
    program = argv is None  # run as the smgov program, not called by a test or a tool
    argv = list(sys.argv[1:] if argv is None else argv)
    args: Any = SimpleNamespace()  # until parsed: what the error handlers read
    if program:
        # A start builds what lives until exit (Textual's modules, the catalogue,
        # the first screen): the garbage collector's hundred-odd passes over it
        # found next to nothing to free (under 600 objects) and were a twelfth of
        # the workbench's start (bench/tui.py). Back on once the command runs, or
        # once the workbench has drawn its first frame (SmgovApp.on_mount).
        gc.disable()
    try:
        if not argv or argv[0] == "--plain" or not (argv[0] in COMMANDS or argv[0].startswith("-")):
            return open_workbench(argv)
        from smgov_tui.cli.arguments import build_parser

        args = build_parser(argv[0] if argv[0] in COMMANDS else None).parse_args(argv)
        if args.command is None:
            build_parser().print_help()
            return 0
        _refuse_unusable(args)
        if program:
            # A command runs once and exits: what the imports built (catalogue,
            # checks, parser) lives until then, so the garbage collector need not
            # walk it again, during the command or at exit: a tenth of `smgov
            # check`'s time (bench/cli.py).
            gc.freeze()
            gc.enable()
        return HANDLERS[args.command](args)
    except (SmgovError, InvalidValue, UnknownDecision) as error:
        from smgov_tui.terminal.verdict import restore_hint  # the check's words: not loaded by the workbench

        fail(str(error) + restore_hint(error, getattr(args, "plan", None), getattr(args, "command", None)))
    except KeyboardInterrupt:
        fail("interrupted")
    except BrokenPipeError:  # `smgov check PLAN | head`: the reader left; not an error
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return getattr(args, "verdict", 0)  # check's verdict stands even if unread
    finally:
        gc.enable()


# Arguments that are text, not paths, by what --help calls them. A path may be any
# bytes (Linux allows them; Python hands them over with surrogateescape): smgov uses
# it as given. Text is stored in the plan or matched against it, and must be UTF-8.
_TEXT_ARGUMENTS = {"value": "VALUE", "name": "--name", "decision": "DECISION_ID", "since": "--since",
                   "sample": "--sample"}


def _refuse_unusable(args: Any) -> None:
    """One line and exit 2 for an argument no command can use: an empty PLAN, text that is not UTF-8."""
    if getattr(args, "plan", None) == "":  # not a path at all (Path("") is the current folder)
        fail(f"{args.command}: PLAN is empty; give the plan file's path")
    for dest, shown in _TEXT_ARGUMENTS.items():
        text = getattr(args, dest, None)
        if isinstance(text, str) and lone_surrogate(text):
            shown = "--decision" if args.command == "history" and dest == "decision" else shown
            fail(f"{args.command}: {shown} is not UTF-8 text: {text}")


def open_workbench(argv: list[str]) -> int:
    """`smgov [--plain] [PLAN]`: the full-screen workbench (the only path that imports
    textual), or its line-by-line form."""
    plain = "--plain" in argv  # before or after the plan
    argv = [arg for arg in argv if arg != "--plain"]
    if len(argv) > 1 or (argv and argv[0].startswith("-")) or (argv and _mistyped_command(argv[0])):
        fail(_unknown_command(argv[0], alone=len(argv) == 1))
    from smgov_tui.storage.store import PlanStore

    plain = plain or plain_wanted(os.environ)
    stream = None if plain else missing_terminal(os.environ)
    if stream:  # before any file is touched: a script or a slip, not a person at a terminal
        from shlex import quote

        fail(f"the workbench needs a terminal ({stream} is not one); for prompts use "
             f"smgov --plain{' ' + quote(argv[0]) if argv else ''}, for scripts the commands: smgov --help")
    path = Path(argv[0]) if argv else default_plan_path()
    if not argv and not path.parent.is_dir():
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if plain:
        from smgov_tui.plain import run_plain

        gc.enable()  # a session of any length
        return run_plain(path)
    store = problem = None
    if path.exists() or path.is_symlink():
        try:  # a bad file: the workbench says what is wrong (the app warns of the rest)
            store = PlanStore(path)
            if store.needs_upgrade():  # opening a plan to edit it saves it in the current schema
                try:
                    store.upgrade()
                except SmgovError as error:
                    warn(f"{error} (the plan stays in its older schema until it can be saved)")
        except SmgovError as error:
            store, problem = None, str(error)
    elif not path.parent.is_dir():
        problem = f"cannot open or create {path}: folder {path.parent} does not exist"
    from smgov_tui.tui.app import SmgovApp

    app = SmgovApp(store, welcome_path=path, problem=problem, styles_kept_in=cache_folder())
    app.run()
    if app.leave_message:
        said = "error" if app.return_code else "warning"
        try:  # after a hang-up there may be no terminal left to tell
            print(f"smgov: {said}: {quoted_line(app.leave_message)}", *map(quoted_line, app.leave_details),
                  sep="\n", file=sys.stderr)
        except OSError:
            pass
    return app.return_code or 0


def _mistyped_command(arg: str) -> bool:
    """A word shaped like a command (`chek`, `git-setup`) that names no file: a slip, not a
    new plan's name (those have a dot or a slash: chek.json, ./chek)."""
    return _COMMAND_WORD.fullmatch(arg) is not None and not (os.path.exists(arg) or os.path.islink(arg))


def _unknown_command(word: str, alone: bool) -> str:
    import difflib  # deferred: only a mistyped command needs it

    close = difflib.get_close_matches(word, COMMANDS, n=1, cutoff=0.75)
    guess = f" (did you mean {close[0]}?)" if close else ""
    named = (f"; to open or start a plan by that name give a path: smgov ./{word} or smgov {word}.json"
             if alone and _COMMAND_WORD.fullmatch(word) else "")
    return f"unknown command '{word}'{guess}; commands: {', '.join(COMMANDS)} (see smgov --help){named}"


def missing_terminal(environ) -> str | None:
    """The standard stream that is not a terminal, if any: the workbench reads keys from
    one and draws on one, and without them it would draw into a file and wait for keys
    that never come. Not asked when a Textual driver is named (`smgov serve` names its
    web driver in TEXTUAL_DRIVER for each tab)."""
    if environ.get("TEXTUAL_DRIVER"):
        return None
    for name, stream in (("standard input", sys.__stdin__), ("standard output", sys.__stdout__),
                         ("standard error", sys.__stderr__)):
        try:
            if stream is None or not os.isatty(stream.fileno()):
                return name
        except (OSError, ValueError):  # closed, or no file descriptor
            return name
    return None


def plain_wanted(environ) -> bool:
    """Terminals that cannot redraw a full screen, and people who asked for prompts."""
    return environ.get("TERM") == "dumb" or environ.get("SMGOV_ACCESSIBLE", "") not in ("", "0")


# new


def cmd_new(args: argparse.Namespace) -> int:
    from smgov_tui.storage.samples import sample_names, sample_start
    from smgov_tui.storage.store import PlanStore

    if args.list_samples:
        for name in sample_names():
            print(name)
        return 0
    if args.plan is None:
        fail("new: the following arguments are required: PLAN (see smgov new --help)")
    values: dict[str, Any] = {}
    name = None
    source = None
    facts = _organisation_facts(args)  # before anything is written: a bad value writes nothing
    if args.sample:
        sample_name, values = sample_start(args.sample)
        name, source = sample_name, f"sample:{args.sample}"
    path = Path(args.plan)
    PlanStore.refuse_to_create(path)  # said before the organisation is asked about
    if not args.sample and not facts and _at_a_terminal():
        facts = _ask_organisation()
    values.update(facts)
    if "organisation.name" in facts:
        name = f"{facts['organisation.name']} social media plan"
    if not name:  # after the file, whose name may hold bytes that are not UTF-8: shown as \xff
        stem = path.stem.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        name = stem.replace("-", " ").replace("_", " ")
    store = PlanStore.create(path, name, values, source)
    plan = store.load()
    print(f"created {visible(str(path))}: {visible(plan.name)}"
          + (f", from sample {args.sample}" if args.sample else ""))
    return 0


ORGANISATION_FACTS = ("name", "kind", "country", "website", "currency")  # `smgov new`'s options, in order


def _organisation_facts(args: argparse.Namespace) -> dict[str, Any]:
    """The organisation's facts given as options, each validated as `smgov set` validates it."""
    facts: dict[str, Any] = {}
    for fact in ORGANISATION_FACTS:
        text = getattr(args, fact)
        if text is None:
            continue
        decision_id = f"organisation.{fact}"
        try:
            value = CATALOGUE.parse(decision_id, text)
        except InvalidValue as error:
            raise InvalidValue(f"new: --{fact}: {error}") from None
        if value is not None:
            facts[decision_id] = value
    return facts


def _at_a_terminal() -> bool:
    try:
        return sys.stdin.isatty() and sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def _ask_organisation() -> dict[str, Any]:
    """The organisation's facts, asked with plain prompts (a person at a terminal, none
    given as options): Enter skips one; a value that does not fit is asked again."""
    from smgov_tui.core.catalogue.kinds import Choice

    print("Whom is this plan for? Enter skips a question; the workbench asks again later.")
    facts: dict[str, Any] = {}
    for fact in ORGANISATION_FACTS:
        decision = CATALOGUE.get(f"organisation.{fact}")
        choices = f" ({', '.join(decision.kind.choices)})" if isinstance(decision.kind, Choice) else ""
        if len(decision.label + choices) > 70:  # said on lines of their own: a prompt stays in 80 columns
            import textwrap

            print(textwrap.fill(f"{decision.label}, one of: {choices.strip(' ()')}.", 79))
            choices = ""
        while True:
            try:
                text = input(f"{decision.label}{choices}: ")
            except EOFError:
                print()
                return facts
            try:
                value = CATALOGUE.parse(decision.id, text)
            except InvalidValue as error:
                print(f"Not taken: {visible(str(error))}")
                continue
            if value is not None:
                facts[decision.id] = value
            break
    return facts


# decisions


def cmd_decisions(args: argparse.Namespace) -> int:
    decisions = [d for d in CATALOGUE if args.step in (None, d.step)]
    if args.format == "json":
        steps = {s.key: s for s in CATALOGUE.steps}
        print(json_text([{
            "id": d.id, "step": d.step, "step_number": steps[d.step].number, "label": d.label,
            "type": d.kind.name, "severity": d.severity, "allowed": d.kind.allowed(),
            "guidance": d.guidance} for d in decisions]))
        return 0
    rows = [(CATALOGUE.step(d.step).number, d.id, d.kind.name, d.severity, d.label) for d in decisions]
    print(fit_table(rows, ("Step", "Id", "Type", "Need", "Label")))
    return 0


# check


def _load(path: str):
    """The plan, from a single read, for commands that only read it; warnings as `_open` gives them."""
    from smgov_tui.storage.files import file_warnings
    from smgov_tui.storage.store import read_plan

    plan = read_plan(path)
    for message in file_warnings(Path(path)):
        warn(message)
    return plan


def _open(path: str):
    """The plan, with any warning about the file on stderr. An older schema is
    migrated in memory; only a command that writes saves it migrated."""
    from smgov_tui.storage.store import PlanStore

    store = PlanStore(path)
    for message in store.warnings():
        warn(message)
    return store


def cmd_check(args: argparse.Namespace) -> int:
    from smgov_tui.core.readiness import checklist
    from smgov_tui.terminal.verdict import checklist_json, checklist_table, verdict_line

    if args.more or os.path.isdir(args.plan):  # several plans, or a folder of them
        from smgov_tui.cli.portfolio import check_plans

        return check_plans(args)
    plan = _load(args.plan)
    result = checklist(plan, today=args.as_of)  # None: today (readiness.judged_today)
    code = args.verdict = EXIT_READY if result.ready else EXIT_NOT_READY
    if args.format == "json":
        print(json_text(checklist_json(plan, result)))
        return code
    print(verdict_line(plan.title, result))
    if result.items:
        print()
        print(checklist_table(result, args.format, plan.invalid))
    return code


# set and get


def _read_value(raw: str) -> str:
    """VALUE, or with "-" standard input, which must be UTF-8 text."""
    if raw != "-":
        return raw
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # already text (a test's StringIO)
        return sys.stdin.read()
    data = stream.read()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        fail(f"set: standard input is not UTF-8 text: byte {error.start + 1} is "
             f"{visible(data[error.start:error.start + 1].decode('utf-8', 'surrogateescape'))}")


def cmd_set(args: argparse.Namespace) -> int:
    store = _open(args.plan)
    plan = store.load()
    decision = CATALOGUE.get(args.decision)
    try:
        value = CATALOGUE.parse(decision.id, _read_value(args.value), plan.values)
    except InvalidValue as error:
        raise InvalidValue(f"{decision.id}: {error}") from None
    warned = store.warnings()
    entry = store.set(decision.id, value)
    shown = plan.show(decision.kind, value) if value is not None else "(cleared)"
    note = "" if entry else " (unchanged)"
    print(f"{decision.id}: {one_line(shown)}{note}")
    for message in store.warnings():
        if message not in warned:
            warn(message)
    return 0


def _print_value(plan, decision, value: Any, fmt: str) -> None:
    """A value as `get` prints it: text that `set` takes back, or JSON."""
    if fmt == "json" or (value is not None and decision.kind.name == "list"):
        print(json_text(value))
    elif value is not None and isinstance(decision.kind, Matrix):
        from smgov_tui.terminal.matrix import matrix_report

        print(visible(matrix_report(value)))
    elif value is not None and isinstance(decision.kind, Money):
        print(plan.money(value))  # in the plan's currency: "$1,500"
    elif value is not None:
        print(visible(decision.kind.report(value)))


def cmd_get(args: argparse.Namespace) -> int:
    plan = _load(args.plan)
    decision = CATALOGUE.get(args.decision)
    value = plan.get(decision.id)
    _print_value(plan, decision, value, args.format)
    if decision.id in plan.invalid:
        warn(f"the saved value of {decision.id} is not valid: {plan.invalid[decision.id]}")
    return 0 if value is not None else EXIT_NOT_READY


def cmd_suggest(args: argparse.Namespace) -> int:
    """The suggested answer, printed as `get` prints a value; the plan is only read.
    None: the reason on stderr (stdout stays the value alone, for scripts), exit 1."""
    from smgov_tui.core.suggestions import suggest, why_none

    plan = _load(args.plan)
    decision = CATALOGUE.get(args.decision)
    value = suggest(decision.id, plan)
    if value is None:
        if args.format == "json":
            print(json_text(None))
        print(f"smgov: {why_none(decision.id)}", file=sys.stderr)
        return EXIT_NOT_READY
    _print_value(plan, decision, value, args.format)
    return 0


def cmd_history(args: argparse.Namespace) -> int:
    from smgov_tui.core.history import marked
    from smgov_tui.storage.changes import changes

    store = _open(args.plan)
    entries = changes(store.history(), decision=args.decision, since=args.since)
    if args.format == "json":
        print(json_text(entries))
        return 0
    if not entries:
        print("No changes match.")
        return 0
    rows = [(e["when"].replace("T", " ").removesuffix("Z"), one_line(str(e["who"])), e["decision"],
             _shown(e["decision"], e["old"]), marked(e, _shown(e["decision"], e["new"]))) for e in entries]
    print(fit_table(rows, ("When (UTC)", "Who", "Decision", "From", "To")))
    return 0


def _shown(decision_id: str, value: Any) -> str:
    """A history value on one line, as the history view shows it, cut for a table."""
    from smgov_tui.core.history import short

    return short(decision_id, value, 60)


# export

SUFFIX_FORMATS = {"md": "md", "markdown": "md", "html": "html", "htm": "html", "json": "json",
                  "docx": "docx", "pdf": "pdf"}


def cmd_export(args: argparse.Namespace) -> int:
    from smgov_tui.documents import BINARY_FORMATS, FORMATS, render

    fmt = args.format
    if fmt is None:
        suffix = Path(args.output).suffix.lower().lstrip(".") if args.output else ""
        fmt = SUFFIX_FORMATS.get(suffix, "md")
    binary = fmt in BINARY_FORMATS
    if binary and (not args.output or args.output == "-") and _stdout_is_terminal():
        fail(f"export: {FORMATS[fmt]} is not for a terminal; give -o FILE.{fmt} "
             f"(or redirect: > FILE.{fmt})")
    plan = _load(args.plan)
    if binary:
        from smgov_tui.storage.store import read_revision

        revision = read_revision(args.plan)
    else:
        revision = None
    _write_output(args, render(plan, args.doc, fmt, export_date(), revision), "plan." + fmt)
    return 0


def _stdout_is_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def cmd_calendar(args: argparse.Namespace) -> int:
    """The dated obligations as iCalendar; a plan with no date yet: the reason, exit 1, no file."""
    from smgov_tui.documents import render
    from smgov_tui.core.dates import NoObligations

    plan = _load(args.plan)
    try:
        text = render(plan, "calendar", "ics", export_date())
    except NoObligations as reason:
        print(f"smgov: calendar: {reason}", file=sys.stderr)
        return EXIT_NOT_READY
    _write_output(args, text, "reviews.ics")
    return 0


def _write_output(args: argparse.Namespace, text: str | bytes, example: str) -> None:
    """To standard output (bytes as bytes), or atomically to -o FILE, never over the plan or its companions."""
    from smgov_tui.storage.backup import unfit_for_output
    from smgov_tui.storage.files import remove_stale_temps, write_atomically

    if not args.output or args.output == "-":
        if isinstance(text, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(text)
            sys.stdout.buffer.flush()
        else:
            sys.stdout.write(text)
        return
    target = Path(args.output)
    if target.is_dir():
        fail(f"{args.command}: {target} is a folder; give a file name, e.g. {target / example}")
    unfit = unfit_for_output(Path(args.plan), target)
    if unfit:
        fail(f"{args.command}: {unfit}; choose another file (or -o - for standard output)")
    if not target.parent.is_dir():
        fail(f"{args.command}: cannot write {target}: folder {target.parent} does not exist")
    remove_stale_temps(target)  # of a run killed midway
    try:
        write_atomically(target, text, 0o600)
    except OSError as error:
        fail(f"{args.command}: cannot write {target}: {error.strerror or error}")
    print(f"wrote {visible(str(target))}")


# restore


def cmd_restore(args: argparse.Namespace) -> int:
    from smgov_tui.storage.backup import restore

    path = Path(args.plan)
    done = restore(path)
    if done.unchanged:
        print(f"{visible(str(path))} already holds the last version smgov saved; nothing to restore")
        return 0
    kept = f"; the file it replaced is kept as {visible(str(done.replaced))}" if done.replaced else ""
    print(f"restored {visible(str(path))} from {visible(str(done.backup))}{kept}")
    return 0


def export_date() -> _dt.date:
    """Today; SOURCE_DATE_EPOCH (seconds) pins it, for documents that must not change by the day."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return _dt.datetime.fromtimestamp(int(epoch), _dt.UTC).date()
    return _dt.date.today()


def cmd_keys(args: argparse.Namespace) -> int:
    """`smgov keys [--format text|json]`: the key map with the keymap file applied."""
    from smgov_tui.keys.keymap import key_rows, load_keymap
    from smgov_tui.keys.specs import SCOPES

    keymap = load_keymap()
    for problem in keymap.problems:
        warn(problem)
    rows = key_rows(keymap)
    if getattr(args, "format", "text") == "json":
        print(json_text({"keymap": {"path": str(keymap.path), "exists": keymap.exists},
                         "scopes": SCOPES, "bindings": rows, "problems": keymap.problems}))
        return 0
    state = "in use" if keymap.exists else "not there: create it to rebind keys"
    print(f"Keymap file: {visible(str(keymap.path))} ({state})")
    table = [(r["scope"], r["id"], ("* " if r["rebound"] else "") + ",".join(r["keys"]), r["does"]) for r in rows]
    print(fit_table(table, ("Where", "Id", "Keys", "Does")))
    print("* rebound in the keymap file")
    print('To rebind, put the id under [keys] in that file: next_step = "ctrl+n,f8"')
    return 0


def cmd_register(args: argparse.Namespace) -> int:
    from smgov_tui.cli.register import cmd_register as register

    return register(args)


def cmd_serve(args: argparse.Namespace) -> int:
    from smgov_tui.web.server import serve

    path = Path(args.plan) if args.plan else default_plan_path()
    return serve(path, host=args.host, port=args.port, max_sessions=args.max_sessions)


def cmd_git(args: argparse.Namespace) -> int:
    """Plans in git: git-setup, and the textconv and merge driver git runs (cli/gitplan.py)."""
    from smgov_tui.cli import gitplan

    return getattr(gitplan, "cmd_" + args.command.replace("-", "_"))(args)


HANDLERS = {"new": cmd_new, "decisions": cmd_decisions, "check": cmd_check,
            "set": cmd_set, "get": cmd_get, "suggest": cmd_suggest, "history": cmd_history, "export": cmd_export, "calendar": cmd_calendar,
            "restore": cmd_restore, "keys": cmd_keys, "serve": cmd_serve,
            "git-setup": cmd_git, "textconv": cmd_git, "merge-driver": cmd_git,
            "register": cmd_register}
