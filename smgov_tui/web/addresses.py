"""The names `smgov serve` answers to: its guard against other sites' pages and DNS rebinding.

Any page a browser visits may open a websocket to this machine (websockets are not
held to the same-origin rule), and a name that page's owner controls can be pointed
at 127.0.0.1 once the page has loaded (DNS rebinding): the browser then takes this
server for the owner's site, and the page reads it. The key in the link keeps both out
of the plan; a Host that is not one of ours and an Origin that is not the page's own
keep them off the server before any process starts, and keep a name someone else
chose out of the websocket address the page is built with.

A loopback name (localhost, 127.0.0.0/8, ::1) is taken on any port: a port forwarded
with `ssh -L 9000:127.0.0.1:8000` changes the port the browser sees, and no page can
re-point a loopback name (browsers keep it on their own machine). Numbers cannot be
re-pointed either, so a wildcard server, which listens on every address of the
machine (no portable way lists them), takes any address with its port.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from dataclasses import dataclass

WILDCARDS = ("", "0.0.0.0", "::")  # --host values that listen on every address
DEFAULT_PORTS = {"http": 80, "https": 443}
_AUTHORITY = re.compile(r"(?:\[(?P<bracketed>[0-9a-f:.]+)\]|(?P<name>[a-z0-9._-]+))(?::(?P<port>[0-9]{1,5}))?",
                        re.IGNORECASE)


def authority(text: str, scheme: str = "http") -> tuple[str, int] | None:
    """A Host header, or the host and port of an origin, as (name, port): the name in lower
    case, an address in its usual form ([::0001] is ::1), the scheme's port when none is
    written; None when it is neither."""
    found = _AUTHORITY.fullmatch(text)
    if found is None or scheme not in DEFAULT_PORTS:
        return None
    name = (found["bracketed"] or found["name"]).lower()
    if found["bracketed"]:
        try:
            name = str(ipaddress.IPv6Address(name))
        except ValueError:
            return None
    elif address(name):
        name = str(ipaddress.ip_address(name))
    return name, int(found["port"] or DEFAULT_PORTS[scheme])


def address(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def loopback(name: str) -> bool:
    return name == "localhost" or (address(name) and ipaddress.ip_address(name).is_loopback)


def same_origin(origin: str | None, scheme: str, host: str) -> bool:
    """Whether a websocket's Origin is the page's own: the scheme, name and port the
    browser reached this server at (its Host). Browsers always send one; a missing
    Origin is refused too, as anything else may write any Origin it likes."""
    given_scheme, separator, rest = (origin or "").partition("://")
    page = authority(host, scheme)
    return bool(separator) and given_scheme.lower() == scheme and page is not None and authority(rest, scheme) == page


@dataclass(frozen=True)
class OwnAddresses:
    """The names a request's Host may carry, with `port`: the --host given, or, for a
    wildcard, this machine's name (the one the link shows) and any address."""

    port: int
    names: frozenset[str]
    any_address: bool = False

    @classmethod
    def of(cls, host: str, port: int) -> OwnAddresses:
        if host in WILDCARDS:
            return cls(port, frozenset({socket.gethostname().lower()}), any_address=True)
        given = authority(f"[{host}]" if ":" in host else host)
        return cls(port, frozenset({given[0]} if given else ()))

    def admits(self, host: str | None) -> bool:
        """Whether a request's Host header names this server."""
        found = authority(host or "")
        if found is None:
            return False
        name, port = found
        return loopback(name) or (port == self.port and (name in self.names or (self.any_address and address(name))))

    def refusal(self) -> str:
        """What a browser shows for a Host that is not ours, and what to do."""
        names = sorted(f"[{name}]" if ":" in name else name for name in self.names if not loopback(name))
        ours = [*(f"{name}:{self.port}" for name in names),
                *([f"this machine's addresses on port {self.port}"] if self.any_address else [])]
        return (f"smgov: refused: this server answers to {', '.join(ours) + ' and to ' if ours else ''}"
                "localhost, 127.0.0.1 or [::1] on any port (a port forwarded with ssh -L), not to the "
                "name in your address bar: a web page could point a name it owns at this server. Open "
                "the link smgov serve printed, or restart it with --host NAME for the name you use.\n")
