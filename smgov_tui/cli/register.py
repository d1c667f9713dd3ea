"""`smgov register PATH...`: the register of official accounts over many plans.

The plans are found as a reviewer has them: a folder per department, searched
recursively for plan files. A file that is not a smgov plan is skipped with one
warning, so a stray JSON file in the folder never hides everyone else's
accounts. Exit 0 with no flag, 1 with any flag (as `smgov check` is 1 when not
ready), 2 for an error.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import html
import io
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

from smgov_tui.cli.answers import answers, cache
from smgov_tui.core.errors import PlanFileError
from smgov_tui.core.register import COLUMNS, PUBLIC_COLUMNS, Account, Flag, PlanEntry, entry, flags
from smgov_tui.core.textsafe import json_text, one_line, visible
from smgov_tui.terminal.output import EXIT_NOT_READY, EXIT_READY, fail, fit_table, terminal_width, warn

def read_plans(args: argparse.Namespace) -> list[PlanEntry]:
    """What the register needs of every plan found; anything else skipped with one warning line."""
    for given in args.paths:
        if not Path(given).exists():
            fail(f"{given}: no such file or folder")
    entries = []
    notes: list[str] = []
    for path, _searched, answer in answers(args.paths, notes, cache(args, "register"),
                                           lambda plan: entry("", plan).as_json()):
        if isinstance(answer, PlanFileError):
            warn(f"skipped: {answer}")
            continue
        entries.append(PlanEntry.from_json(str(path), answer))
    for note in notes:
        warn(note)
    if not entries:
        fail(f"no smgov plan found in {' '.join(args.paths)}")
    return entries


def _cell(account: Account, field: str) -> str:
    value = getattr(account, field)
    if field == "two_factor":
        return "" if value is None else ("yes" if value else "no")
    return value


_PLAIN_HANDLE = re.compile(r"^@[\w.]+$")


def _inert(cell: str) -> str:
    """A cell a spreadsheet reads as a formula (=, +, -, @ first) is quoted with ': plan text
    is data. A plain handle ("@CityOfMillbrook") is no formula and stays as written."""
    return "'" + cell if cell[:1] in ("=", "+", "-", "@") and not _PLAIN_HANDLE.match(cell) else cell


def _csv(listed: list[Account]) -> str:
    import csv

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    fields = list(Account._fields)
    writer.writerow(fields)
    for account in listed:
        # A cell starting =, +, - or @ is a formula to a spreadsheet: plan text is data.
        writer.writerow([_inert(visible(_cell(account, field))) for field in fields])
    return out.getvalue()


def _link(address: str) -> str:
    """A link only where a browser would open a web page: never javascript: or data:."""
    shown = html.escape(address)
    if urlsplit(address).scheme.lower() in ("http", "https"):
        return f'<a href="{html.escape(address, quote=True)}" rel="noopener">{shown}</a>'
    return shown


def public_html(listed: list[Account], today: _dt.date) -> str:
    """A standalone page the organisation can publish: the accounts residents may trust,
    no person's name and no security detail. Planned accounts are left out: a handle
    published before the account exists is one an impostor can take first."""
    shown = [a for a in listed if a.status != "planned"]
    names = sorted({a.organisation for a in shown if a.organisation})
    title = f"Official social media accounts of {names[0]}" if len(names) == 1 else "Official social media accounts"
    head = "".join(f"<th>{header}</th>" for _, header in PUBLIC_COLUMNS)
    body = "\n".join(
        "<tr>" + "".join(f"<td>{_link(a.address) if field == 'address' else html.escape(getattr(a, field))}</td>"
                         for field, _ in PUBLIC_COLUMNS) + "</tr>" for a in shown)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)}</title>
<style>body{{font-family:sans-serif;margin:2em}}table{{border-collapse:collapse}}th,td{{border:1px solid #777;padding:.3em .6em;text-align:left}}</style>
</head>
<body>
<h1>{html.escape(title)}</h1>
<p>These are the only official accounts. An account not listed here does not speak for us. Listed on {today.isoformat()}.</p>
<table>
<thead><tr>{head}</tr></thead>
<tbody>
{body}
</tbody>
</table>
</body>
</html>
"""


def _table(listed: list[Account], fmt: str) -> str:
    rows = [tuple(one_line(_cell(a, field)) for field, _ in COLUMNS) for a in listed]
    headers = tuple(header for _, header in COLUMNS)
    # Every cell is text: tabulate is spared reading each as a number first (most of the
    # time of a 600-account table), and a handle of digits stays aligned as text.
    if fmt == "github":
        from tabulate import tabulate

        return tabulate(rows, headers=headers, tablefmt="github", disable_numparse=True)
    table = fit_table(rows, headers, "grid" if fmt == "grid" else "simple", must_fit=fmt == "text",
                      disable_numparse=True)
    return _records(rows) if table is None else table


_HEADLINE = ("platform", "handle", "status", "plan")  # an account's first line; the rest follow it


def _records(rows: list[tuple[str, ...]]) -> str:
    """The register as a block per account, for a terminal too narrow for its eleven
    columns (80 at a time over SSH): every column still there, wrapped, none cut."""
    import textwrap  # deferred, as fit_table's: only a narrow terminal needs it

    width = terminal_width()
    blocks = []
    for row in rows:
        cells = dict(zip((field for field, _ in COLUMNS), row))
        head = f"{cells['platform']} {cells['handle']}".strip() + f" ({cells['status']}), {cells['plan']}"
        rest = "; ".join(f"{header.lower()} {cells[field]}" for field, header in COLUMNS
                         if field not in _HEADLINE and cells[field])
        blocks.append("\n".join([*textwrap.wrap(head, width, subsequent_indent="  "),
                                 *textwrap.wrap(rest, width, initial_indent="  ", subsequent_indent="  ")]))
    return "\n\n".join(blocks)


def _flag_lines(found: list[Flag]) -> list[str]:
    return [f"- {flag.kind}: {one_line(flag.why)}" for flag in found]


def cmd_register(args: argparse.Namespace) -> int:
    today = args.as_of or _dt.date.today()
    plans = read_plans(args)
    listed = [account for plan in plans for account in plan.accounts]
    found = flags(plans, today)
    code = EXIT_NOT_READY if found else EXIT_READY
    if args.format == "json":
        print(json_text({"as_of": today.isoformat(), "plans": [plan.label for plan in plans],
                         "accounts": [a.as_json() for a in listed], "flags": [f.as_json() for f in found]}))
        return code
    if args.format in ("csv", "html"):
        # The file is the register alone; the flags go to stderr, where a redirect does not bury them.
        sys.stdout.write(_csv(listed) if args.format == "csv" else public_html(listed, today))
        for flag in found:
            print(f"smgov: flag: {one_line(flag.why)}", file=sys.stderr)
        return code
    print(f"Register of official accounts: {len(listed)} account{'s' * (len(listed) != 1)} "
          f"in {len(plans)} plan{'s' * (len(plans) != 1)}, as of {today}")
    if listed:
        print()
        print(_table(listed, args.format))
    print()
    print(f"{len(found)} flag{'s' * (len(found) != 1)}" + (":" if found else ""))
    for line in _flag_lines(found):
        print(line)
    return code
