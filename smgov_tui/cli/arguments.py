"""`smgov`'s command-line parser: argparse, built for the command being run.

Apart from the command line (cli.py) so that opening the workbench, which
parses nothing, does not import argparse (with gettext): a millisecond and a
third of a megabyte of every start (bench/tui.py).
"""

from __future__ import annotations

import argparse
import datetime as _dt
from typing import Any, NoReturn

from smgov_tui import __version__
from smgov_tui.core.catalogue import CATALOGUE, InvalidValue
from smgov_tui.core.catalogue.kinds import DATE
from smgov_tui.documents import DOCUMENTS, FORMATS
from smgov_tui.terminal.output import fail, terminal_width
from smgov_tui.terminal.verdict import CHECK_FORMATS

REGISTER_FORMATS = ("text", "github", "grid", "csv", "json", "html")


class HelpFormatter(argparse.HelpFormatter):
    """argparse's, as wide as terminal_width() says. argparse makes a formatter for
    every argument added, and its own measure imports shutil (with bz2 and lzma):
    a twentieth of `smgov check`'s time (bench/cli.py)."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                 width: int | None = None) -> None:
        width = terminal_width(fallback=80) - 2 if width is None else width
        super().__init__(prog, indent_increment, max_help_position, width)


class Parser(argparse.ArgumentParser):
    """argparse, but every error is the single line the rest of smgov prints."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        command = self.prog.removeprefix("smgov").strip()
        where = f"{command}: " if command else ""
        fail(f"{where}{message} (see smgov {command + ' ' if command else ''}--help)")


def day(text: str) -> _dt.date:
    """A day as YYYY-MM-DD, read as the plan's dates are."""
    try:
        return _dt.date.fromisoformat(DATE.check(text))
    except (InvalidValue, TypeError):
        raise argparse.ArgumentTypeError(f"{text!r} is not a date as YYYY-MM-DD") from None


class _Unbuilt:
    """Stands in for the parser of a command not being run, taking its arguments
    unread: building the parsers of all the commands cost `smgov check` a
    fortieth of its time (bench/cli.py)."""

    def add_argument(self, *args: Any, **kwargs: Any) -> None:
        pass


def build_parser(only: str | None = None) -> Parser:
    """Every command's parser, or with `only`, just that command's (all a run needs)."""
    parser = Parser(
        prog="smgov",
        description="Plan a government social media program before opening an account. "
                    "`smgov [PLAN]` opens the workbench; the commands below serve scripts "
                    "and reviewers.",
        epilog="Exit codes: 0 success (check: launch-ready), 1 check: decisions missing or a "
               "blocking check fails (get: not decided; suggest: no suggestion), 2 error.")
    parser.add_argument("--version", action="version", version=f"smgov {__version__}")
    parser.add_argument("--plain", action="store_true",
                        help="`smgov --plain [PLAN]`: line-by-line prompts instead of the full screen, "
                             "for screen readers and dumb terminals (also chosen by TERM=dumb or "
                             "SMGOV_ACCESSIBLE=1)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, **kwargs: Any) -> Parser | _Unbuilt:
        return sub.add_parser(name, **kwargs) if only in (None, name) else _Unbuilt()

    new = command("new", help="create a plan file, blank or from a sample (never overwrites)")
    new.add_argument("plan", metavar="PLAN", nargs="?", help="path of the plan file to create")
    new.add_argument("--sample", metavar="NAME", help="start from a sample plan (see --list-samples)")
    new.add_argument("--name", metavar="NAME", help='the organisation\'s name, e.g. "Town of Millbrook"; '
                     'the plan is called "NAME social media plan"')
    for fact, example in (("kind", "town"), ("country", '"United Kingdom"'),
                          ("website", "https://www.millbrook.gov"), ("currency", "GBP")):
        new.add_argument(f"--{fact}", metavar=fact.upper(), help=f"the organisation's {fact}, e.g. {example} "
                         f"(validated as `smgov set PLAN organisation.{fact}` is)")
    new.add_argument("--list-samples", action="store_true", help="list the sample plans and exit")

    decisions = command("decisions", help="list every decision in the catalogue")
    decisions.add_argument("--format", choices=("text", "json"), default="text")
    decisions.add_argument("--step", choices=[s.key for s in CATALOGUE.steps],
                           help="only the decisions of one step")

    check = command("check", help="the launch checklist: what is still missing",
                    epilog="Several plans or a folder (searched for .json plan files below it): one "
                           "summary row per plan; exit 0 all ready, 1 any not ready, 2 any error.")
    check.add_argument("plan", metavar="PLAN")
    check.add_argument("more", metavar="PLAN_OR_FOLDER", nargs="*", help="more plans, or folders of plans")
    check.add_argument("--format", choices=CHECK_FORMATS, default="text")
    check.add_argument("--as-of", type=day, metavar="DATE", default=None,
                       help="judge the review dates as of this day, YYYY-MM-DD (default today): "
                            "a date is due on its day and overdue from the day after")
    check.add_argument("--no-cache", action="store_true",
                       help="with several plans: judge every plan afresh, not from the answers kept "
                            "for unchanged files in the user's cache folder")

    register = command("register", help="the register of official accounts across plans, with its flags",
                       epilog="Exit codes: 0 no flag, 1 a flag (each printed with its why), 2 error.")
    register.add_argument("paths", metavar="PATH", nargs="+", help="plan files, or folders searched for them")
    register.add_argument("--format", choices=REGISTER_FORMATS, default="text",
                          help="html: a page to publish, public columns only")
    register.add_argument("--as-of", type=day, metavar="DATE", default=None,
                          help="judge the access reviews as of this day, YYYY-MM-DD (default today)")
    register.add_argument("--no-cache", action="store_true",
                          help="read every plan afresh, not the accounts kept for unchanged files "
                               "in the user's cache folder")

    set_ = command("set", help="make a decision (validated as in the workbench)")
    set_.add_argument("plan", metavar="PLAN")
    set_.add_argument("decision", metavar="DECISION_ID")
    set_.add_argument("value", metavar="VALUE",
                      help='the value as you would type it; a list takes JSON rows; "" clears; '
                           "- reads standard input")

    get = command("get", help="print a decision's value")
    get.add_argument("plan", metavar="PLAN")
    get.add_argument("decision", metavar="DECISION_ID")
    get.add_argument("--format", choices=("text", "json"), default="text")

    suggest = command("suggest", help="print the suggested answer for a decision, built from the plan",
                      epilog="Printed as get prints a value, so set takes it back; nothing is "
                             "written. Exit 0 when there is a suggestion, 1 when there is none "
                             "(the reason on stderr), 2 on errors.")
    suggest.add_argument("plan", metavar="PLAN")
    suggest.add_argument("decision", metavar="DECISION_ID")
    suggest.add_argument("--format", choices=("text", "json"), default="text")

    history = command("history", help="who changed which decision, when, from what to what")
    history.add_argument("plan", metavar="PLAN")
    history.add_argument("--decision", metavar="ID", help="only this decision (or a step: response)")
    history.add_argument("--since", metavar="DATE", help="only changes on or after this date (YYYY-MM-DD)")
    history.add_argument("--format", choices=("text", "json"), default="text")

    export = command(
        "export", help="write a document from the plan: the plan, code of conduct, comment policy "
                       "or checklist, as Markdown, HTML, JSON, Word or PDF",
        epilog="Documents: " + "; ".join(f"{name}: {what}" for name, what in DOCUMENTS.items())
               + ". Without -o the document goes to standard output (Word and PDF only to a "
               "file or a pipe). Decisions not yet made are marked as gaps.")
    export.add_argument("plan", metavar="PLAN")
    export.add_argument("--doc", choices=tuple(DOCUMENTS), default="plan",
                        help="which document (default: plan)")
    export.add_argument("--format", choices=tuple(FORMATS),
                        help="md, html, json, docx or pdf (default: from -o FILE's extension, else md)")
    export.add_argument("-o", "--output", metavar="FILE",
                        help="write to FILE (readable by you only) instead of standard output")

    calendar = command(
        "calendar", help="write the plan's review dates as an iCalendar file for the team's calendars",
        epilog="Every dated obligation (access reviews, objective reviews, the first plan review, "
               "training, terms of service and register audits) as an all-day event with a reminder a "
               "week ahead; recurring ones repeat, and owners with an email on the roster are "
               "attendees. Exit 1 when the plan has no date yet.")
    calendar.add_argument("plan", metavar="PLAN")
    calendar.add_argument("-o", "--output", metavar="FILE",
                          help="write to FILE (readable by you only) instead of standard output")

    restore = command(
        "restore", help="bring back the last version smgov saved (PLAN.bak), e.g. after a bad hand edit",
        epilog="The version it replaces is kept as PLAN.replaced-<UTC time>, never deleted.")
    restore.add_argument("plan", metavar="PLAN")

    keys = command("keys", help="the key map: every key binding by id, and what it does",
                   epilog="Rebind any binding by id in the keymap file this command names.")
    keys.add_argument("--format", choices=("text", "json"), default="text")

    git_setup = command("git-setup", help="keep plans in git: readable diffs, a merge by decision, "
                        "smgov's own files ignored",
                        epilog="Adds to DIR's repository (default: the one you are in), once: "
                               ".gitattributes, .gitignore and its git config. See README, Plans in git.")
    git_setup.add_argument("dir", metavar="DIR", nargs="?", help="a folder in the git repository")
    git_setup.add_argument("--pattern", default="*.json", help="which files are plans (default: *.json)")
    textconv = command("textconv", help="print a plan as readable lines (git's diff driver runs it)")
    textconv.add_argument("file", metavar="FILE")
    merge = command("merge-driver", help="merge three versions of a plan (git's merge driver runs it)")
    for name in ("base", "ours", "theirs"):
        merge.add_argument(name, metavar=name.upper())
    merge.add_argument("path", metavar="PATH", nargs="?", help="the plan's path in the repository, to name it")

    serve = command("serve", help="serve the workbench to a web browser (textual-serve)")
    serve.add_argument("plan", metavar="PLAN", nargs="?", help="the plan (default: your own plan)")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    # 8 tabs: a tab is a workbench process, about 42 MB; 8 are about 340 MB, where
    # without a limit 50 tabs were 100 processes (each with its shell) and 2 GB
    serve.add_argument("--max-sessions", metavar="N", type=int, default=8,
                       help="browser tabs let in at once, each a workbench process (default: 8)")
    return parser
