"""`smgov serve`: the workbench in a browser, as a browser reaches it: the page over
HTTP, then the app over textual-serve's websocket (what textual.js sends and reads)."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import re
import select
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import aiohttp
import pytest
from conftest import asked_plan

import smgov_tui
from smgov_tui.web import server as web

SOURCE = Path(smgov_tui.__file__).resolve().parent.parent
WAIT = 20.0  # seconds: generous for a loaded CI machine; the happy path takes about one


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def read_until(stream, pattern: str, deadline: float) -> re.Match:
    """Read a pipe until `pattern` appears (raw reads: a buffered reader would hide data from select)."""
    seen = b""
    while time.monotonic() < deadline:
        ready, _, _ = select.select([stream], [], [], 0.1)
        if ready:
            chunk = os.read(stream.fileno(), 4096)
            if not chunk:
                break
            seen += chunk
            if found := re.search(pattern, seen.decode("utf-8", "replace")):
                return found
    raise AssertionError(f"{pattern!r} never came; got {seen.decode('utf-8', 'replace')!r}")


def plan_values(path: Path) -> dict:
    return json.loads(path.read_text())["plan"]["1"]["values"]


@contextlib.contextmanager
def serving(tmp_path, plan_path, *options: str):
    """`smgov serve PLAN` on a free loopback port, started from a dumb terminal with
    accessible mode asked for: the browser must still get the full workbench."""
    env = {**os.environ, "PYTHONPATH": str(SOURCE), "HOME": str(tmp_path), "TERM": "dumb",
           "SMGOV_ACCESSIBLE": "1", "XDG_DATA_HOME": str(tmp_path / "data")}
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "smgov_tui", "serve", str(plan_path), "--port", str(port),
                               *options], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=tmp_path)
    try:
        url = read_until(server.stdout, r"smgov: open (http://\S+)\n", time.monotonic() + WAIT)[1]
        yield server, url, plan_path
    finally:
        stop(server)


def stop(server: subprocess.Popen) -> None:
    """ctrl+c, as a user stops it: each tab's workbench saves and quits first. Any still
    running after (a killed server's tabs end on their own within a second or two) are
    killed here, so no test leaves a process behind."""
    tabs = started_by(server)
    if server.poll() is None:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(WAIT)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(WAIT)
    for pid in still_running(tabs):
        os.kill(pid, signal.SIGKILL)


def still_running(pids: list[int]) -> list[int]:
    """Those of `pids` that are still a workbench (not a number the system has given again)."""
    running = []
    for pid in pids:
        with contextlib.suppress(OSError):
            if b"smgov_tui" in Path(f"/proc/{pid}/cmdline").read_bytes():
                running.append(pid)
    return running


@pytest.fixture
def plan_path(tmp_path) -> Path:
    """conftest's blank plan, asked its organisation once already: it opens on the objectives."""
    return asked_plan(tmp_path / "plan.json", "Test plan")


@pytest.fixture
def served(tmp_path, plan_path):
    with serving(tmp_path, plan_path) as running:
        yield running


def browser() -> aiohttp.ClientSession:
    return aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=WAIT))


def websocket(base: str, key: str) -> str:
    """A tab's websocket address, as our page gives it to textual.js, with the size it asks for."""
    return f"{base.replace('http', 'ws', 1)}/ws/{key}?width=80&height=24"


async def opens(http: aiohttp.ClientSession, url: str) -> bool:
    async with http.get(url) as page:
        return page.status == 200


async def first_frame(tab) -> None:
    """Read what the tab draws until the workbench's first step is on it: the full
    workbench, not plain prompts."""
    screen = b""
    try:
        async with asyncio.timeout(WAIT):  # one deadline: the server's pings restart receive's own
            while b"1/8 Objectives" not in screen:
                message = await tab.receive()
                assert message.type == aiohttp.WSMsgType.BINARY, message
                screen += message.data
    except TimeoutError:
        raise AssertionError(f"the workbench never drew its first step; got {screen[-300:]!r}") from None


async def types_into_the_plan(tab, plan_path: Path, keys: str, lands: str | None = None) -> None:
    """Type into the field that has focus, as textual.js sends keys, until it lands in the plan."""
    await tab.send_str(json.dumps(["stdin", keys]))
    deadline = time.monotonic() + WAIT
    while plan_values(plan_path).get("objectives.conversations_now") != (lands or keys):
        assert time.monotonic() < deadline, f"the typed value never reached the plan: {plan_values(plan_path)}"
        with contextlib.suppress(asyncio.TimeoutError):  # keep reading what it draws
            await tab.receive(timeout=0.1)


def started_by(server: subprocess.Popen) -> list[int]:
    """Every process below the server (a tab's workbench, and its shell), from /proc."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError, IndexError):  # a process that has just ended
            parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])
            children.setdefault(parent, []).append(int(stat.parent.name))
    found, below = [], [server.pid]
    while below:
        started = children.get(below.pop(), [])
        found += started
        below += started
    return found


async def test_the_page_is_smgov_on_textual_serve_and_loads_nothing_from_outside(served):
    _, url, _ = served
    base, key = url.split("/?key=")
    assert base.startswith("http://127.0.0.1:")
    async with browser() as http:
        async with http.get(url) as page:
            assert page.status == 200
            text = await page.text()
        assert "<title>smgov: plan.json</title>" in text
        assert f'data-session-websocket-url="ws://{base.removeprefix("http://")}/ws/{key}"' in text
        assert "js/textual.js" in text and "Roboto Mono" in text
        # a closed network: every URL in the page is this server's (textual-serve's own template
        # fetches its font from Google Fonts)
        assert set(re.findall(r"(?:https?|wss?)://[^/\"]+", text)) == {base, base.replace("http", "ws")}
        for asset in ("js/textual.js", "css/xterm.css", "fonts/RobotoMono-VariableFont_wght.ttf"):
            async with http.get(f"{base}/static/{asset}") as got:
                assert got.status == 200, asset
        # the key is what lets a tab in: other users of the machine, and web pages
        # the browser visits, can reach loopback too
        async with http.get(base + "/") as keyless:
            assert keyless.status == 403
        async with http.get(f"{base}/?key=not-{key}") as wrong:
            assert wrong.status == 403
        with pytest.raises(aiohttp.WSServerHandshakeError):
            await http.ws_connect(websocket(base, f"not-{key}"), origin=base)


async def test_a_tab_runs_the_workbench_and_what_it_types_lands_in_the_plan(served):
    server, url, plan_path = served
    base, key = url.split("/?key=")
    # as textual.js does, from our page: connect with the size, send it again, then keystrokes as "stdin"
    async with browser() as http, http.ws_connect(websocket(base, key), origin=base) as tab:
        await tab.send_str(json.dumps(["resize", {"width": 80, "height": 24}]))
        await first_frame(tab)
        await types_into_the_plan(tab, plan_path, "Residents ask about potholes")
        # ctrl+c with the tab still open: its workbench is ended (aiohttp alone would wait a
        # minute for the browser to leave), then the server stops, without a traceback
        server.send_signal(signal.SIGINT)
        async with asyncio.timeout(WAIT):
            while (await tab.receive()).type == aiohttp.WSMsgType.BINARY:
                pass
    assert server.wait(WAIT) == 0
    out, err = server.communicate()
    assert out.decode().endswith("smgov: stopped\n")
    assert "Traceback" not in err.decode() + out.decode()


async def test_a_killed_server_leaves_no_workbench_behind_and_what_was_typed_is_saved(served):
    """`smgov serve` killed outright (no ctrl+c, no signal to its tabs): each tab's
    workbench finds its link gone, saves what is pending and ends, as on a dropped SSH link."""
    server, url, plan_path = served
    base, key = url.split("/?key=")
    async with browser() as http, http.ws_connect(websocket(base, key), origin=base) as tab:
        await first_frame(tab)
        await types_into_the_plan(tab, plan_path, "Saved before the kill")
        tabs = started_by(server)
        assert still_running(tabs)
        await tab.send_str(json.dumps(["stdin", " and after"]))  # pending: within the save pause
        await asyncio.sleep(0.1)
        server.kill()
        server.wait(WAIT)
    deadline = time.monotonic() + WAIT
    try:
        while still_running(tabs):
            assert time.monotonic() < deadline, "the tab's workbench outlived the server"
            await asyncio.sleep(0.1)
    finally:  # no longer below the server: `stop` would not find it
        for pid in still_running(tabs):
            os.kill(pid, signal.SIGKILL)
    assert plan_values(plan_path)["objectives.conversations_now"] == "Saved before the kill and after"


async def test_a_page_of_another_site_cannot_open_a_tab(served):
    server, url, _ = served
    base, key = url.split("/?key=")
    port = base.rsplit(":", 1)[1]
    # any page the browser visits may open a websocket to loopback; with the key (a link
    # pasted where a page can read it) it would drive the plan
    async with browser() as http:
        for origin in ("http://evil.example", f"http://evil.example:{port}", f"http://127.0.0.1:{int(port) + 1}",
                       f"https://127.0.0.1:{port}", "null", None):
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await http.ws_connect(websocket(base, key), origin=origin)
            assert refused.value.status == 403, origin
    assert started_by(server) == []
    server.send_signal(signal.SIGINT)
    assert server.wait(WAIT) == 0
    err = server.stderr.read().decode()
    assert err.splitlines()[0] == ("smgov serve: refused a websocket from 127.0.0.1 opened by a page of another "
                                   "site: Origin http://evil.example")
    assert len(err.splitlines()) == 6 and "Traceback" not in err


async def test_a_name_that_is_not_this_servers_is_refused_on_the_page_and_the_websocket(served):
    server, url, _ = served
    base, key = url.split("/?key=")
    port = base.rsplit(":", 1)[1]
    # DNS rebinding: a page at http://evil.example:PORT whose name is then pointed at 127.0.0.1
    # is the same origin as this server to the browser; only the Host it sends tells them apart
    rebound = {"Host": f"evil.example:{port}"}
    async with browser() as http:
        async with http.get(url, headers=rebound) as page:
            assert page.status == 403
            text = await page.text()
        assert "evil.example" not in text
        assert text.startswith("smgov: refused: this server answers to localhost, 127.0.0.1 or [::1] on any "
                               "port (a port forwarded with ssh -L), not to the name in your address bar")
        assert "restart it with --host NAME" in text
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await http.ws_connect(websocket(base, key), origin=f"http://evil.example:{port}", headers=rebound)
        assert refused.value.status == 403
        async with http.get(f"{base}/static/js/textual.js", headers=rebound) as asset:
            assert asset.status == 403
    assert started_by(server) == []


async def test_a_forwarded_port_opens_the_page_and_a_tab_on_the_name_the_browser_used(served):
    _, url, _ = served
    base, key = url.split("/?key=")
    # `ssh -L 9000:127.0.0.1:8000 server`, then http://localhost:9000/?key=... in the browser
    forwarded = {"Host": "localhost:9000"}
    async with browser() as http:
        async with http.get(url, headers=forwarded) as page:
            assert page.status == 200
            assert f'data-session-websocket-url="ws://localhost:9000/ws/{key}"' in await page.text()
        async with http.ws_connect(websocket(base, key), origin="http://localhost:9000", headers=forwarded) as tab:
            await first_frame(tab)


async def test_a_malformed_message_is_one_line_on_the_console_and_the_tab_goes_on(served):
    server, url, plan_path = served
    base, key = url.split("/?key=")
    malformed = ["not json", '{"stdin": "x"}', "[]", "[1]", '["stdin", 5]', '["stdin"]', '["ping", {}]',
                 '["resize", {"width": "wide", "height": 24}]', '["resize", {"width": 80}]',
                 '["resize", {"width": 0, "height": 24}]', '["resize", {"width": true, "height": 24}]',
                 '["resize", {"width": 80, "height": 1000000000}]', '["focus", 1]', '["format", "c:"]',
                 "[" * 100_000, "\x1b]52;c;cHduZWQ=\x07\x1b[2J"]
    async with browser() as http, http.ws_connect(websocket(base, key), origin=base) as tab:
        await first_frame(tab)
        for message in malformed:
            await tab.send_str(message)
        await tab.send_bytes(b"\x00\xff")
        # the tab goes on: it types into the plan, even half a surrogate pair (a JavaScript
        # string may hold one; UTF-8 cannot); then a new tab still opens
        await types_into_the_plan(tab, plan_path, "Lone \ud800 half", lands="Lone \ufffd half")
    async with browser() as http, http.ws_connect(websocket(base, key), origin=base) as tab:
        await first_frame(tab)
    server.send_signal(signal.SIGINT)
    assert server.wait(WAIT) == 0
    lines = server.stderr.read().decode().splitlines()
    assert len(lines) == len(malformed) + 1, lines
    assert all(line.startswith("smgov serve: ignored a message from a tab at 127.0.0.1: ") for line in lines)
    assert lines[0].endswith(': not JSON: "not json"')
    assert lines[-3].endswith(': not JSON: "' + "[" * 60 + '..."')
    assert lines[-2].endswith(': not JSON: "\\x1b]52;c;cHduZWQ=\\x07\\x1b[2J"')  # no escape reaches the console
    assert lines[-1].endswith(": binary data, not a JSON text message")


async def test_tabs_over_the_limit_are_told_so_and_start_nothing_until_one_closes(tmp_path, plan_path):
    with serving(tmp_path, plan_path, "--max-sessions", "2") as (server, url, _):
        base, key = url.split("/?key=")
        async with browser() as http:
            first = await http.ws_connect(websocket(base, key), origin=base)
            async with http.ws_connect(websocket(base, key), origin=base) as second:
                await first_frame(first)
                await first_frame(second)
                running = started_by(server)
                async with http.get(url) as page:
                    assert page.status == 503
                    assert await page.text() == (
                        "smgov: All places are taken: 2 browser tabs have this plan open, the most this server "
                        "lets in at once (--max-sessions 2). Close a tab you no longer use, then open this one "
                        "again; or restart smgov serve with a higher --max-sessions.\n")
                async with http.ws_connect(websocket(base, key), origin=base) as third:
                    refused = await third.receive()
                assert (refused.type, refused.data) == (aiohttp.WSMsgType.CLOSE, aiohttp.WSCloseCode.TRY_AGAIN_LATER)
                assert refused.extra == "tab limit reached (--max-sessions 2)"
                assert sorted(started_by(server)) == sorted(running)
                # closing a tab frees its place, once its workbench has saved and quit
                await first.close()
                deadline = time.monotonic() + WAIT
                while not await opens(http, url):
                    assert time.monotonic() < deadline, "closing a tab never freed its place"
                    await asyncio.sleep(0.1)
                async with http.ws_connect(websocket(base, key), origin=base) as third:
                    await first_frame(third)
                    # ctrl+c with two tabs open: both workbenches end with the server
                    tabs = started_by(server)
                    server.send_signal(signal.SIGINT)
                    assert server.wait(WAIT) == 0
        deadline = time.monotonic() + WAIT
        while still_running(tabs):
            assert time.monotonic() < deadline, f"workbenches left running after ctrl+c: {still_running(tabs)}"
            await asyncio.sleep(0.1)
        assert server.stderr.read().decode().splitlines() == [
            "smgov serve: refused a tab from 127.0.0.1: 2 tabs are open, the most --max-sessions lets in"]


def test_whatever_logs_on_the_console_is_one_safe_line_without_a_traceback():
    try:
        json.loads("\x1b[2J")
    except ValueError:
        record = logging.LogRecord("aiohttp.server", logging.ERROR, __file__, 1, "Error handling \x1b[2J\nrequest",
                                   None, sys.exc_info())
    assert web.ConsoleLine().format(record) == (
        "smgov serve: Error handling \\x1b[2J request (JSONDecodeError: Expecting value: line 1 column 1 (char 0))")


def test_the_page_tells_a_tab_closed_for_the_limit_so(tmp_path):
    """textual.js says "Session ended." however its websocket closes: the page's own script
    shows the limit's message when the server closed it with 1013 (run in node, with the
    browser's WebSocket and body stood in for)."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    text = web.page(Path("plan.json"), base="http://127.0.0.1:8000", websocket="ws://127.0.0.1:8000/ws/k",
                    font_size=16, full=web.limit_reached(3))
    assert '<div class="full">All places are taken: 3 browser tabs have this plan open, the most' in text
    [script] = [found for found in re.findall(r"<script>(.*?)</script>", text, re.S) if "WebSocket" in found]
    stand_ins = """
        const marks = [];
        globalThis.document = {body: {classList: {add: (name) => marks.push(name)}}};
        globalThis.window = {WebSocket: class { constructor(url) { this.url = url; this.heard = []; }
                                                addEventListener(kind, heard) { this.heard.push(heard); } }};
    """
    check = """
        for (const code of [1006, 1000, 1013]) {
            const socket = new window.WebSocket("ws://127.0.0.1:8000/ws/k");
            socket.heard.forEach((heard) => heard({code}));
            console.log(code, marks.join(","));
        }
    """
    (tmp_path / "page.js").write_text(stand_ins + script + check)
    ran = subprocess.run([node, str(tmp_path / "page.js")], capture_output=True, text=True, timeout=WAIT)
    assert ran.stdout.splitlines() == ["1006 ", "1000 ", "1013 -full"], ran.stderr


def test_a_busy_port_is_one_error_line_and_exit_2(smgov, plan_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = smgov("serve", plan_path, "--port", port)
    assert result.code == 2
    assert result.err.splitlines() == [(f"smgov: error: serve: port {port} on 127.0.0.1 is already in use "
                                        "(another smgov serve?); choose another with --port")]


def test_a_plan_in_a_folder_that_does_not_exist_is_refused_before_serving(smgov, tmp_path):
    result = smgov("serve", tmp_path / "nowhere" / "plan.json", "--port", free_port())
    assert result.code == 2
    assert result.err.splitlines() == [(f"smgov: error: cannot open or create {tmp_path / 'nowhere' / 'plan.json'}: "
                                        f"folder {tmp_path / 'nowhere'} does not exist")]


@pytest.fixture
def not_serving(monkeypatch):
    """Everything `serve` does before the server runs, and the command the tabs would run."""
    started = []
    monkeypatch.setattr(web.PlanServer, "serve", lambda server: started.append(server))
    for name in ("TERM", "COLORTERM", "SMGOV_ACCESSIBLE"):  # serve sets them for the tabs: restore them
        monkeypatch.setenv(name, "dumb" if name == "TERM" else "1")
    return started


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_loopback_serves_without_a_warning(smgov, plan_path, not_serving, host):
    result = smgov("serve", plan_path, "--host", host, "--port", free_port())
    assert (result.code, result.err) == (0, "")
    [server] = not_serving
    assert shlex.split(server.command) == ["exec", sys.executable, "-m", "smgov_tui", str(plan_path.absolute())]
    assert (os.environ["TERM"], os.environ["COLORTERM"], os.environ.get("SMGOV_ACCESSIBLE")) == (
        "xterm-256color", "truecolor", None)


def test_any_other_host_warns_that_others_can_edit_the_plan(smgov, plan_path, not_serving):
    port = free_port()
    result = smgov("serve", plan_path, "--host", "0.0.0.0", "--port", port)
    assert result.code == 0
    [line] = result.err.splitlines()
    assert line.startswith("smgov: warning: listening on 0.0.0.0, not only on this machine: "
                           f"anyone who can reach port {port} and read the link can edit the plan")


def test_serve_help_names_the_plan_host_and_port(smgov):
    result = smgov("serve", "--help")
    assert result.code == 0
    assert "usage: smgov serve" in result.out
    for option in ("PLAN", "--host HOST", "--port PORT", "127.0.0.1", "--max-sessions N", "(default: 8)"):
        assert option in result.out


@pytest.mark.parametrize("given", ["0", "-3"])
def test_a_limit_below_one_tab_is_one_error_line_and_exit_2(smgov, plan_path, not_serving, given):
    result = smgov("serve", plan_path, "--port", free_port(), "--max-sessions", given)
    assert result.code == 2
    assert result.err.splitlines() == [f"smgov: error: serve: --max-sessions {given} is less than 1 "
                                       "(the number of browser tabs let in at once)"]


def test_a_limit_that_is_not_a_number_is_one_error_line_and_exit_2(smgov, plan_path):
    result = smgov("serve", plan_path, "--max-sessions", "many")
    assert result.code == 2
    assert result.err.splitlines() == ["smgov: error: serve: argument --max-sessions: invalid int value: 'many' "
                                       "(see smgov serve --help)"]
