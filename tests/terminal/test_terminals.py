"""smgov in real terminals, as its users run it: a first-time walk through all
eight steps in tmux at 80x24 (256 colours, 16 colours, no colour), keys typed
in bursts, and a real SSH session on loopback that drops while the last
decision is still waiting to be saved.

tmux, ssh, ssh-keygen and sshd are required (CI installs them, see .ci/run):
without them these tests fail, they do not skip.
"""

from __future__ import annotations

import json
import os
import shlex
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest
from drive import (
    SOURCE,
    Tmux,
    require,
    sgr_colours,
    share_on_terminal_background,
    smgov_argv,
    terminal_env,
)

from smgov_tui.cli import main
from smgov_tui.core.catalogue import CATALOGUE

SSHD = "/usr/sbin/sshd"
TOTAL = len(CATALOGUE)  # the step bar's "N/TOTAL decided"


def plan_file(path: Path) -> tuple[dict, list[dict]]:
    """The values and the history entries in a plan file, as saved."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return data["plan"]["1"]["values"], list(data["history"].values())


# The first-time walk: what each step's decision is, and what lands in the file.
SECURITY = "Every account uses two-factor sign-in"
WALK_VALUES = {
    "organisation.name": "Town of Millbrook",
    "objectives.conversations_now": "Residents ask about bin days",
    "objectives.engagement_goals": ["inform", "gather feedback"],
    "objectives.frequency": "daily",
    "resources.roster": [{"name": "Dana Ruiz", "role": "team lead", "hours": 6}],
    "resources.budget": 2400,
    "response.reply_target": "1 business day",
    "peers.peers": [{"peer": "Springfield"}],
    "conduct.security": SECURITY,
    "launch.date": "2027-03-01",
}


@pytest.mark.parametrize("term, env", [
    pytest.param("xterm-256color", {}, id="256-colours"),
    pytest.param("xterm", {}, id="16-colours"),
    pytest.param("xterm-256color", {"NO_COLOR": "1"}, id="no-colour"),
])
def test_first_time_walk_through_every_step(tmp_path, term, env):
    """A new user with nothing set up: the welcome screen, a blank plan, every
    step in turn with ctrl+n, decisions of each kind (text, a choice, several
    choices, a list row in its form, money, a date), the launch screen, ctrl+q.
    Keys go in bursts, as a fast typist or an SSH link delivers them: each
    lands where the key before it moved the cursor."""
    require("tmux")
    home_env = terminal_env(tmp_path)
    plan = Path(home_env["XDG_DATA_HOME"]) / "smgov" / "plan.json"
    screens: dict[str, str] = {}
    with Tmux(tmp_path, home_env) as tmux:
        tmux.start(smgov_argv(), cwd=tmp_path, term=term, **env)  # no plan: the first run

        tmux.wait_for_text("Start a blank plan", "Open a plan file", "Your plan will be saved as", "plan.json")
        screens["welcome"] = tmux.screen(colours=True)

        # enter opens the blank plan on the organisation; the name typed right behind it goes into its field
        tmux.send("Enter", "Town of Millbrook")
        tmux.wait_for_text(" Organisation  Who is this plan for?", "Town of Millbrook", f"1/{TOTAL} decided")
        screens["organisation"] = tmux.screen(colours=True)
        tmux.send("C-n", "Residents ask about bin days")
        tmux.wait_for_text("1/8 Objectives", "Conversations already happening",
                           "Residents ask about bin days", f"2/{TOTAL} decided")
        screens["objectives"] = tmux.screen(colours=True)

        # several choices ticked with space, then a choice picked from a list
        tmux.send("Tab", "Tab", "Tab", "Tab", "Space", "Down", "Down", "Space")
        ticked = tmux.wait_for_text("✓▌ inform", "✓▌ gather feedback", f"3/{TOTAL} decided")
        assert "✓▌ answer questions" not in ticked
        tmux.send("Tab", "Enter", "Down", "Down", "Enter")
        tmux.wait_for_text("How often we communicate", "daily   ", f"4/{TOTAL} decided")
        # The list closes: the frame with the count may come just before the one without it.
        tmux.wait_for(lambda: "several times a day" not in tmux.screen(), "the list to close")

        # a roster row through its form (name, a role from a list, hours, ctrl+s), then money
        tmux.send("C-n", "a", "Dana Ruiz", "Tab", "Enter", "Down", "Down", "Enter", "Tab", "6", "C-s",
                  "Tab", "2400")
        resources = tmux.wait_for_text("2/8 Resources", "Dana Ruiz", "team lead", "6 h/week", "2400",
                                       f"6/{TOTAL} decided")
        assert "New person" not in resources  # the row form has closed
        screens["resources"] = tmux.screen(colours=True)

        tmux.send("C-n", "Tab", "Tab", "1 business day")
        tmux.wait_for_text("3/8 Response", "1 business day", f"7/{TOTAL} decided")

        tmux.send("C-n", "C-n", "a", "Springfield", "C-s")  # a peer: step 4 passed through
        tmux.wait_for_text("5/8 Peers", "Springfield", f"8/{TOTAL} decided")

        tmux.send("C-n", SECURITY)
        tmux.wait_for_text("6/8 Rules of engagement", SECURITY, f"9/{TOTAL} decided")

        tmux.send("C-n", "C-n", "2027-03-01")  # step 7 passed through
        # the launch decisions, and beside them the checklist of what still blocks launch
        tmux.wait_for_text("8/8 Launch", "Launch date", "2027-03-01", f"10/{TOTAL} decided",
                           "Key performance indicators", "! 8 Key performance")
        screens["launch"] = tmux.screen(colours=True)

        tmux.send("C-q")
        assert tmux.wait_for_exit() == "0", tmux.screen()

    values, history = plan_file(plan)
    assert values == WALK_VALUES
    assert {e["decision"] for e in history} == set(WALK_VALUES)
    assert {e["who"] for e in history} == {"tmux-tester"}

    for name, screen in screens.items():
        colours = sgr_colours(screen)
        if "NO_COLOR" in env:
            assert not colours, f"{name}: NO_COLOR, yet colours {sorted(colours)}"
        elif term == "xterm":
            # The ANSI theme: the terminal's own 16 colours, never 256 or RGB, on its own background.
            assert colours, f"{name}: no colour at all on a 16-colour terminal"
            assert all(";" not in c for c in colours), f"{name}: beyond 16 colours: {sorted(colours)}"
            assert share_on_terminal_background(screen) > 0.8, f"{name}: not the ANSI theme"
        else:  # Textual's own theme, in 256 colours, painting its own background
            assert any(";" in c for c in colours), f"{name}: only 16 colours on a 256-colour terminal"
            assert share_on_terminal_background(screen) < 0.2, name


def test_keys_typed_in_one_burst_follow_the_focus(tmp_path):
    """Each burst is one `send-keys`: a key that moves the cursor (next step,
    tab, next missing, a to add a row, ctrl+s) and the keys right behind it.
    Textual ran such bindings only after the keys behind them had reached the
    old field, and ctrl+s before the last digit had reached the form."""
    require("tmux")
    env = terminal_env(tmp_path)
    plan = tmp_path / "plan.json"
    assert main(["new", str(plan), "--name", "Burst plan"]) == 0
    with Tmux(tmp_path, env) as tmux:
        tmux.start(smgov_argv(plan), cwd=tmp_path)
        tmux.wait_for_text("1/8 Objectives")

        tmux.send("Tab", "Recycling questions")  # tab: the second field
        tmux.wait_for_text("Recycling questions", f"2/{TOTAL} decided")
        tmux.send("C-f", "Report problems via 311")  # next missing: the third field
        tmux.wait_for_text("Report problems via 311", f"3/{TOTAL} decided")
        tmux.send("C-n", "C-n", "C-o", "a", "Lee Park", "Tab", "Enter", "Down", "Enter",
                  "Tab", "12", "C-s")  # two steps on, one back, a row straight into its form
        tmux.wait_for_text("2/8 Resources", "Lee Park", "decision ma", "12 h/week")
        tmux.send("C-n", "C-n", "C-n", "C-n", "How we keep accounts safe")  # a step never shown yet
        tmux.wait_for_text("6/8 Rules of engagement", "How we keep accounts safe")
        tmux.send("C-q")
        assert tmux.wait_for_exit() == "0", tmux.screen()

    values, _history = plan_file(plan)
    assert values == {
        "organisation.name": "Burst plan",  # `smgov new --name`
        "objectives.conversations_wanted": "Recycling questions",
        "objectives.key_messages": "Report problems via 311",
        "resources.roster": [{"name": "Lee Park", "role": "decision maker", "hours": 12}],
        "conduct.security": "How we keep accounts safe",
    }


# SSH on loopback


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def keygen(path: Path) -> Path:
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "smgov-test", "-f", str(path)],
                   check=True, capture_output=True, timeout=30)
    return path


class Sshd:
    """A throwaway sshd on 127.0.0.1: its own host key, one authorised user key,
    config, pid file and log in a temp folder; nothing of the system's."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir()
        self.folder = folder
        self.host_key = keygen(folder / "host_key")
        self.user_key = keygen(folder / "user_key")
        (folder / "authorized_keys").write_text((folder / "user_key.pub").read_text())
        self.log = folder / "sshd.log"
        self.process: subprocess.Popen | None = None
        self.port = 0

    def config(self) -> Path:
        path = self.folder / "sshd_config"
        path.write_text("\n".join([
            f"Port {self.port}", "ListenAddress 127.0.0.1", f"HostKey {self.host_key}",
            f"AuthorizedKeysFile {self.folder / 'authorized_keys'}", f"PidFile {self.folder / 'sshd.pid'}",
            "UsePAM no", "StrictModes no", "PermitRootLogin prohibit-password",
            "PasswordAuthentication no", "KbdInteractiveAuthentication no", "PubkeyAuthentication yes",
            "PrintMotd no", "PrintLastLog no", "UseDNS no", "LogLevel VERBOSE", ""]))
        return path

    def start(self) -> None:
        if os.geteuid() == 0:
            os.makedirs("/run/sshd", mode=0o755, exist_ok=True)  # its privilege separation folder
        for _attempt in range(3):  # the free port may be taken between the probe and sshd
            self.port = free_port()
            with self.log.open("wb") as log:
                self.process = subprocess.Popen([SSHD, "-D", "-e", "-f", str(self.config())],
                                                stdout=log, stderr=subprocess.STDOUT)
            deadline = time.monotonic() + 15
            while time.monotonic() < deadline and self.process.poll() is None:
                if "Server listening on 127.0.0.1" in self.log.read_text(errors="replace"):
                    return
                time.sleep(0.05)
            self.stop()
        raise AssertionError(f"sshd did not start:\n{self.log.read_text(errors='replace')}")

    def client(self, remote_command: str) -> list[str]:
        """`ssh -tt` to this server as the current user, nobody's config or known hosts involved."""
        return ["ssh", "-tt", "-F", "/dev/null", "-p", str(self.port), "-i", str(self.user_key),
                "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no",
                "-o", "UserKnownHostsFile=/dev/null", "-o", "GlobalKnownHostsFile=/dev/null",
                "-o", "LogLevel=ERROR", "127.0.0.1", remote_command]

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_a_dropped_ssh_link_loses_no_decision(tmp_path):
    """smgov over a real SSH session (sshd on loopback, `ssh -tt` in tmux). The
    link drops (the ssh client is killed) while the last decision typed is still
    in its save pause: the hang-up saves it, smgov ends, and every decision made
    is in the plan file and its history."""
    require("tmux", "ssh", "ssh-keygen", SSHD)
    plan = tmp_path / "plan.json"
    assert main(["new", str(plan), "--name", "SSH plan"]) == 0
    remote_pid = tmp_path / "remote.pid"  # the smgov at the far end: `exec` keeps the shell's pid
    remote_env = {"HOME": str(tmp_path / "home"), "PYTHONPATH": str(SOURCE), "TERM": "xterm-256color",
                  "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "USER": "ssh-tester", "LOGNAME": "ssh-tester"}
    remote = (f"cd {shlex.quote(str(tmp_path))} && echo $$ > {shlex.quote(str(remote_pid))} && exec env "
              + " ".join(shlex.quote(f"{k}={v}") for k, v in remote_env.items()) + " "
              + shlex.join(smgov_argv(plan)))
    client_pid = tmp_path / "ssh.pid"  # the ssh client: the shell writes its pid, then becomes ssh
    sshd = Sshd(tmp_path / "sshd")
    sshd.start()
    try:
        with Tmux(tmp_path, terminal_env(tmp_path)) as tmux:
            tmux.start(["sh", "-c", 'echo $$ > "$0"; exec "$@"', str(client_pid), *sshd.client(remote)],
                       cwd=tmp_path)
            tmux.wait_for_text("1/8 Objectives", timeout=30)

            tmux.send("Potholes and snow clearance", "Tab", "Tab", "Tab", "Tab", "Space")
            tmux.wait_for_text("✓▌ inform", f"3/{TOTAL} decided")
            tmux.send("C-n", "Tab", "1800")
            tmux.wait_for_text("2/8 Resources", "1800", f"4/{TOTAL} decided")
            tmux.send("Tab", "Tab", "Tab", "Tab", "Pat Lee, deputy mayor")  # the sponsor
            # On screen, and still waiting out its pause: not saved yet when the link drops.
            tmux.wait_for_text("Pat Lee, deputy mayor", "editing…", f"5/{TOTAL} decided")
            os.kill(int(client_pid.read_text()), signal.SIGKILL)

            pid = int(remote_pid.read_text())
            deadline = time.monotonic() + 20
            while alive(pid) and time.monotonic() < deadline:
                time.sleep(0.05)
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
                pytest.fail(f"smgov was still running 20 s after its SSH link dropped:\n{tmux.screen()}")
    finally:
        sshd.stop()

    values, history = plan_file(plan)
    assert values == {
        "organisation.name": "SSH plan",  # `smgov new --name`: made with the plan, no history entry
        "objectives.conversations_now": "Potholes and snow clearance",
        "objectives.engagement_goals": ["inform"],
        "resources.budget": 1800,
        "resources.sponsor": "Pat Lee, deputy mayor",
    }
    assert [e["decision"] for e in history] == list(values)[1:]
    assert {e["who"] for e in history} == {"ssh-tester"}
    assert "Accepted publickey" in sshd.log.read_text(errors="replace")  # it really went through sshd
