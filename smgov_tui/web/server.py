"""`smgov serve`: the workbench in a web browser, through textual-serve.

Each browser tab gets its own `python -m smgov_tui PLAN` process (textual-serve
starts the command per tab), so tabs on one plan are sessions like any other and
the store's locking keeps them from overwriting each other. The page is our own:
textual-serve's template fetches its font from Google Fonts, and smgov must work
on a closed network, so ours takes the font textual-serve ships. The link carries
a random key, because loopback is shared by every user of a shared server and any
web page the browser visits may open a websocket to it. The Host and Origin are
checked too (addresses.py), what a tab sends is checked before it reaches its
workbench (messages.py), and at most --max-sessions tabs run at once: each is a
workbench process, and a browser opens tabs without end.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import html
import ipaddress
import logging
import os
import secrets
import shlex
import signal
import socket
import sys
from collections.abc import MutableMapping
from pathlib import Path
from string import Template

from aiohttp import WSCloseCode, WSMsgType, web
from aiohttp.typedefs import Handler
from textual_serve.app_service import AppService
from textual_serve.server import Server

from smgov_tui.core.textsafe import one_line
from smgov_tui.terminal.output import fail, warn
from smgov_tui.terminal.paths import default_plan_path
from smgov_tui.web.addresses import WILDCARDS, OwnAddresses, same_origin
from smgov_tui.web.messages import Focus, Keys, Malformed, Ping, Resize, parse, terminal_size

KEY_PARAMETER = "key"
BROWSER_TERM = "xterm-256color"  # xterm.js: the full workbench, never plain mode or 16 colours
LONGEST_LOG_LINE = 300  # characters: a log line quotes what a browser sent

log = logging.getLogger("smgov.serve")


def serve(path: Path, *, host: str, port: int, max_sessions: int) -> int:
    """Serve the workbench on PLAN until ctrl+c; 0 when stopped, 2 (one line) when it cannot start."""
    if not 1 <= port <= 65535:
        fail(f"serve: port {port} is not between 1 and 65535")
    if max_sessions < 1:  # 0 would let no tab in; no limit would let a browser start processes without end
        fail(f"serve: --max-sessions {max_sessions} is less than 1 (the number of browser tabs let in at once)")
    default = path == default_plan_path()
    if not default and not path.parent.is_dir():
        fail(f"cannot open or create {path}: folder {path.parent} does not exist")
    addresses = listen_addresses(host, port)
    check_port_free(host, port, addresses)
    if not all(ipaddress.ip_address(address[0].split("%")[0]).is_loopback for _, address in addresses):
        warn(f"listening on {host}, not only on this machine: anyone who can reach port {port} and "
             "read the link can edit the plan, and plain HTTP sends the link and every keystroke "
             "unencrypted; prefer the default (127.0.0.1) with `ssh -L` from your own machine")
    served_environment(os.environ)
    server = PlanServer(workbench_command(None if default else path), plan=path, host=host, port=port,
                        max_sessions=max_sessions)
    try:
        server.serve()
    except OSError as error:  # the port was taken between our check and the bind
        fail(f"serve: cannot listen on {host} port {port}: {error.strerror or error}")
    print("smgov: stopped", flush=True)
    return 0


def listen_addresses(host: str, port: int) -> list[tuple[int, tuple]]:
    """What aiohttp will bind for HOST: every address it resolves to."""
    try:
        found = socket.getaddrinfo(host or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except (socket.gaierror, UnicodeError) as error:
        fail(f"serve: cannot listen on {host!r}: {getattr(error, 'strerror', None) or error}")
    return list(dict.fromkeys((family, address[:2]) for family, *_, address in found))


def check_port_free(host: str, port: int, addresses: list[tuple[int, tuple]]) -> None:
    """Bind each address once, as the server will, so a busy port is one clear line, not a traceback."""
    for family, address in addresses:
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as asyncio does on POSIX
            if family == socket.AF_INET6:
                probe.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
            try:
                probe.bind(address)
            except OSError as error:
                if error.errno == errno.EADDRINUSE:
                    fail(f"serve: port {port} on {host} is already in use (another smgov serve?); "
                         "choose another with --port")
                fail(f"serve: cannot listen on {host} port {port}: {error.strerror or error}")


def workbench_command(path: Path | None) -> str:
    """The shell command textual-serve runs per tab: this Python, so any install works;
    no PLAN means the workbench's own default plan (it makes the data folder). `exec`:
    the shell textual-serve starts it through becomes the workbench, one process a tab,
    not two."""
    words = [sys.executable, "-m", "smgov_tui"]
    if path is not None:
        words.append(str(path.absolute()))  # absolute: never read as an option
    return "exec " + shlex.join(words)


def served_environment(environ: MutableMapping[str, str]) -> None:
    """The tabs inherit this process's environment: a browser terminal is neither dumb
    nor 16 colours, whatever TERM the server was started from (TERM=dumb, or
    SMGOV_ACCESSIBLE, would open plain mode, which a browser cannot drive)."""
    environ["TERM"] = BROWSER_TERM
    environ["COLORTERM"] = "truecolor"
    environ.pop("SMGOV_ACCESSIBLE", None)


def link(host: str, port: int, key: str) -> str:
    """The URL to open: a wildcard host is shown as this machine's name."""
    shown = socket.gethostname() if host in WILDCARDS else host
    if ":" in shown:
        shown = f"[{shown}]"
    return f"http://{shown}:{port}/?{KEY_PARAMETER}={key}"


def limit_reached(max_sessions: int) -> str:
    """What a tab over the limit shows: why it has no workbench, and what to do."""
    tabs = "1 browser tab has" if max_sessions == 1 else f"{max_sessions} browser tabs have"
    return (f"All places are taken: {tabs} this plan open, the most this server lets in at once "
            f"(--max-sessions {max_sessions}). Close a tab you no longer use, then open this one again; "
            "or restart smgov serve with a higher --max-sessions.")


class ConsoleLine(logging.Formatter):
    """Whatever logs, one line `smgov serve: ...` on the console: textual-serve logs
    tracebacks with their locals (links with their key among them), aiohttp one per
    broken request, and a message may quote what a browser sent (escape sequences)."""

    def format(self, record: logging.LogRecord) -> str:
        text = record.getMessage()
        if record.exc_info and record.exc_info[1] is not None:
            error = record.exc_info[1]
            detail = str(error)
            text += f" ({type(error).__name__}{': ' + detail if detail and detail != text else ''})"
        return f"smgov serve: {one_line(text)[:LONGEST_LOG_LINE]}"


class PlanServer(Server):
    """textual-serve's server with our page, the key, Host and Origin checked, what tabs send
    checked, at most `max_sessions` tabs, and our own words on the console."""

    def __init__(self, command: str, *, plan: Path, host: str, port: int, max_sessions: int) -> None:
        super().__init__(command, host=host, port=port, title=f"smgov: {plan.name}")
        self.plan = plan
        self.key = secrets.token_urlsafe(24)
        self.addresses = OwnAddresses.of(host, port)
        self.max_sessions = max_sessions
        self.tabs: set[asyncio.Task] = set()  # one per tab with a workbench: its place under the limit

    def initialize_logging(self) -> None:
        # textual-serve's logs every request (links with their key) and tracebacks with locals
        console = logging.StreamHandler()
        console.setFormatter(ConsoleLine())
        logging.basicConfig(level=logging.WARNING, handlers=[console])

    async def web_application(self) -> web.Application:
        """Our routes, in place of textual-serve's (its Server._make_app, private, is
        never called: `serve` below is ours too): the key checked on the page and the
        websocket, no jinja2 templates, no logo printed at the start."""
        app = web.Application(middlewares=[self.own_address_only])
        app.add_routes([
            web.get("/", self.handle_index, name="index"),
            web.get("/ws/{key}", self.handle_websocket, name="websocket"),
            web.get("/download/{key}", self.handle_download, name="download"),
            web.static("/static", self.statics_path, name="static"),
        ])
        app.on_shutdown.append(self.close_tabs)
        return app

    @web.middleware
    async def own_address_only(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        """Every request names this server in its Host (see addresses.py): DNS rebinding
        never reaches a page, and the page's websocket address is never a foreign name."""
        if not self.addresses.admits(request.headers.get("Host")):
            log.warning("refused a request from %s for another name: Host %s",
                        request.remote, request.headers.get("Host", "missing"))
            raise web.HTTPForbidden(text=self.addresses.refusal())
        return await handler(request)

    async def close_tabs(self, app: web.Application) -> None:
        """On ctrl+c, end every tab's session now (each workbench saves and quits):
        aiohttp would otherwise wait up to a minute for browsers to leave."""
        for tab in self.tabs:
            tab.cancel()

    def has_key(self, given: str | None) -> bool:
        return secrets.compare_digest((given or "").encode(), self.key.encode())

    def full(self) -> bool:
        return len(self.tabs) >= self.max_sessions

    def serve(self, debug: bool = False) -> None:
        """textual-serve's, but the link is printed once the port listens (aiohttp calls
        `print` then), so whoever opens it at once finds the server there."""
        self.initialize_logging()
        loop = asyncio.new_event_loop()
        for signum in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError):  # no signals in this loop (Windows)
                loop.add_signal_handler(signum, self.request_exit)
        web.run_app(self.web_application(), host=self.host, port=self.port, handle_signals=False,
                    loop=loop, print=lambda *_: self.announce())

    def announce(self) -> None:
        print(f"smgov: serving {one_line(str(self.plan))}", flush=True)
        print(f"smgov: open {link(self.host, self.port, self.key)}", flush=True)
        print("smgov: each browser tab is a session of its own; ctrl+c stops", flush=True)

    async def handle_index(self, request: web.Request) -> web.Response:
        if not self.has_key(request.query.get(KEY_PARAMETER)):
            raise web.HTTPForbidden(text="smgov: open the whole link `smgov serve` printed (it has a key)\n")
        if self.full():
            raise web.HTTPServiceUnavailable(text=f"smgov: {limit_reached(self.max_sessions)}\n")
        scheme = "wss" if request.secure else "ws"
        text = page(self.plan, base=f"{request.scheme}://{request.host}",
                    websocket=f"{scheme}://{request.host}/ws/{self.key}",
                    font_size=font_size(request.query.get("fontsize")),
                    full=limit_reached(self.max_sessions))
        return web.Response(text=text, content_type="text/html", headers={"Cache-Control": "no-store"})

    async def handle_websocket(self, request: web.Request) -> web.StreamResponse:
        """A tab's workbench: refused before any process starts when the page that opens it
        is not ours, or when the tabs open already fill the limit (closed with 1013, try
        again later, which our page turns into the limit's message)."""
        if not same_origin(request.headers.get("Origin"), request.scheme, request.host):
            log.warning("refused a websocket from %s opened by a page of another site: Origin %s",
                        request.remote, request.headers.get("Origin", "missing"))
            raise web.HTTPForbidden(text="smgov: refused: a page of another site opened this websocket\n")
        if not self.has_key(request.match_info.get("key")):
            raise web.HTTPForbidden()
        websocket = web.WebSocketResponse(heartbeat=15)
        await websocket.prepare(request)
        if self.full():
            log.warning("refused a tab from %s: %d tabs are open, the most --max-sessions lets in",
                        request.remote, len(self.tabs))
            await websocket.close(code=WSCloseCode.TRY_AGAIN_LATER,
                                  message=f"tab limit reached (--max-sessions {self.max_sessions})".encode())
            return websocket
        tab = asyncio.current_task()
        self.tabs.add(tab)  # no await since full(): two tabs never take the last place
        try:
            await self.run_tab(request, websocket)
        finally:
            self.tabs.discard(tab)
        return websocket

    async def run_tab(self, request: web.Request, websocket: web.WebSocketResponse) -> None:
        """textual-serve's handler, with what the tab sends checked (`relay`) and any
        failure one line on the console, not a traceback."""
        workbench = AppService(self.command, write_bytes=websocket.send_bytes, write_str=websocket.send_str,
                               close=websocket.close, download_manager=self.download_manager, debug=self.debug)
        try:
            await workbench.start(*terminal_size(request.query.get("width"), request.query.get("height")))
            await self.relay(websocket, workbench, request.remote)
        except asyncio.CancelledError:  # ctrl+c (close_tabs): as textual-serve, the tab ends quietly
            pass
        except Exception as error:
            log.error("a tab from %s ended: %s", request.remote, error)
        finally:
            await workbench.stop()  # the workbench saves and quits, then its tab is closed
            await websocket.close()

    async def relay(self, websocket: web.WebSocketResponse, workbench: AppService, remote: str | None) -> None:
        """What the tab sends, to its workbench; a message textual.js would not send is
        one line on the console and goes no further, and the tab goes on."""
        async for message in websocket:
            if message.type == WSMsgType.ERROR:  # aiohttp has closed the tab (e.g. a message over 4 MB)
                log.warning("closed a tab from %s: %s", remote, message.data)
                continue
            try:
                if message.type != WSMsgType.TEXT:
                    raise Malformed("binary data, not a JSON text message")
                sent = parse(message.data)
            except Malformed as error:
                log.warning("ignored a message from a tab at %s: %s", remote, error)
                continue
            match sent:
                case Keys(text):
                    await workbench.send_bytes(text.encode())
                case Resize(width, height):
                    await workbench.set_terminal_size(width, height)
                case Ping(data):
                    await websocket.send_json(["pong", data])
                case Focus(focused):
                    await (workbench.focus() if focused else workbench.blur())


def font_size(asked: str | None) -> int:
    try:
        return min(max(int(asked or 16), 6), 64)
    except ValueError:
        return 16


def page(plan: Path, *, base: str, websocket: str, font_size: int, full: str) -> str:
    """textual-serve's page, its font served from the package instead of Google Fonts.
    The host in the URLs comes from the request (one of ours: addresses.py), so a
    forwarded port (ssh -L) works; `full` is what it says when the tab limit refuses it."""
    static = f"{base}/static/"
    return PAGE.substitute(
        title=html.escape(f"smgov: {one_line(plan.name)}"),
        static=html.escape(static), websocket=html.escape(websocket), font_size=font_size,
        full=html.escape(full))


# Adapted from textual-serve 1.1.3 templates/app_index.html (MIT): the Google Fonts
# link replaced by @font-face on the fonts it ships; preloaded, as textual.js
# measures the font when the page has loaded. textual.js shows "Session ended." however
# its websocket closes: the script before it marks the page when the server closed it for
# the tab limit (1013, try again later), and the closed dialog then says so.
PAGE = Template("""<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>$title</title>
    <link rel="preload" href="${static}fonts/RobotoMono-VariableFont_wght.ttf" as="font"
          type="font/ttf" crossorigin />
    <link rel="stylesheet" href="${static}css/xterm.css" />
    <style>
      @font-face {
        font-family: "Roboto Mono";
        src: url("${static}fonts/RobotoMono-VariableFont_wght.ttf") format("truetype");
        font-weight: 100 700;
        font-style: normal;
      }
      @font-face {
        font-family: "Roboto Mono";
        src: url("${static}fonts/RobotoMono-Italic-VariableFont_wght.ttf") format("truetype");
        font-weight: 100 700;
        font-style: italic;
      }
      body { background: #0c181f; }
      .dialog-container {
        position: absolute; width: 100vw; height: 100vh; display: flex;
        align-items: center; justify-content: center; z-index: 10;
      }
      .shade {
        position: absolute; width: 100%; height: 100%; background: #0c181f;
        background-image: url("${static}images/background.png");
      }
      .intro {
        width: 640px; height: 240px; font-size: 16px; z-index: 20;
        font-family: "Roboto Mono", menlo, monospace; text-align: center;
        color: rgba(255, 255, 255, 0.95); background-color: #12232d;
        display: flex; flex-direction: column; align-items: center; justify-content: center;
        margin: 32px;
      }
      body.-first-byte .intro-dialog, body.-first-byte .intro-dialog .shade {
        opacity: 0; transition: opacity 0.3s ease-out; display: none;
      }
      body .textual-terminal { opacity: 0; transition: opacity 0.3s ease-out; }
      body.-first-byte .textual-terminal { opacity: 1; transition: opacity 0.3s ease-out; }
      body button {
        padding: 16px 32px; background-color: #5e0ba7; color: rgba(255, 255, 255, 0.95);
        border: none; font-family: "Roboto Mono", menlo, monospace; margin: 16px; display: block;
      }
      button:hover { background: #ac5af4; cursor: pointer; }
      .closed-dialog { opacity: 0; display: none; }
      body.-closed .closed-dialog { opacity: 1; display: flex; }
      .full, body.-full .ended { display: none; }
      body.-full .full { display: block; padding: 0 32px; }
      #start { display: none; }
      #start.-delay { display: flex; }
    </style>
    <script>
      window.WebSocket = class extends window.WebSocket {
        constructor(...args) {
          super(...args);
          this.addEventListener("close", (event) => {
            if (event.code === 1013) document.body.classList.add("-full");
          });
        }
      };
    </script>
    <script src="${static}js/textual.js"></script>
    <script>
      function refresh() {
        const params = new URLSearchParams(window.location.search);
        params.delete("delay");
        window.location.href = window.location.pathname + "?" + params.toString();
      }
    </script>
  </head>
  <body>
    <div class="dialog-container intro-dialog">
      <div class="shade"></div>
      <div class="intro">
        <div>$title</div>
        <button type="button" onclick="refresh()" id="start">Start</button>
      </div>
    </div>
    <div class="dialog-container closed-dialog">
      <div class="shade"></div>
      <div class="intro">
        <div class="ended">Session ended.</div>
        <div class="full">$full</div>
        <button type="button" onclick="refresh()">Open it again</button>
      </div>
    </div>
    <div id="terminal" class="textual-terminal"
         data-session-websocket-url="$websocket" data-font-size="$font_size"></div>
  </body>
</html>
""")
