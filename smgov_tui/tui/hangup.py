"""A dropped link or a shutdown: what is pending is saved, then the app leaves.

A dropped SSH link (SIGHUP) or a shutdown (SIGTERM) would kill the process
with the last pause's typing unsaved and the terminal left raw; Textual's
driver leaves both signals alone, so the app takes them.
"""

from __future__ import annotations

import asyncio
import os
import select
import signal
import sys

from smgov_tui.tui.workbench import Workbench

HANG_UP_SIGNALS = (signal.SIGHUP, signal.SIGTERM)
LINK_POLL = 1.0  # seconds between looks, in a browser tab, at whether `smgov serve` is still there


def terminal_gone() -> bool:
    """The terminal hung up (the SSH link dropped): the app's output has nowhere to go."""
    poller = select.poll()
    for stream in (sys.__stdin__, sys.__stderr__):
        try:
            poller.register(stream.fileno(), select.POLLIN)
        except (AttributeError, OSError, ValueError):
            continue
    try:
        return any(events & (select.POLLHUP | select.POLLERR | select.POLLNVAL) for _fd, events in poller.poll(0))
    except OSError:
        return True


class HangUp:
    """The app's handlers for SIGHUP and SIGTERM, from `catch` (on mount) to `release` (on unmount)."""

    def __init__(self, app: Workbench) -> None:
        self.app = app

    def catch(self) -> None:
        if self.app.is_headless:
            return  # under Pilot the loop belongs to the test runner
        if self.app.is_web:
            # A browser tab's workbench reads its keys from `smgov serve` through a pipe. A
            # server that is killed sends no signal: the pipe only closes, and Textual's web
            # driver stops reading but never quits, so the tab's workbench lived on, alone.
            self.app.set_interval(LINK_POLL, self._server_gone, name="server gone")
        loop = asyncio.get_running_loop()
        for signum in HANG_UP_SIGNALS:
            try:
                loop.add_signal_handler(signum, self.hung_up, signum)
            except (NotImplementedError, RuntimeError, ValueError):  # not the main thread, or no signals
                return

    def release(self) -> None:
        if self.app.is_headless:
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return
        for signum in HANG_UP_SIGNALS:
            try:
                loop.remove_signal_handler(signum)
            except (NotImplementedError, RuntimeError, ValueError):
                pass

    def _server_gone(self) -> None:
        if terminal_gone():
            self.hung_up(signal.SIGHUP)  # as a dropped link: what is pending saved, then gone

    def hung_up(self, signum: int) -> None:
        """Save what is pending, then leave as ctrl+q would. Nobody is there to
        answer a conflict, so the pending value is kept over the other session's,
        which stays in the history."""
        try:
            self.app.flush(unattended=True)
        finally:
            self._leave(signum)

    def _leave(self, signum: int) -> None:
        app = self.app
        code = 2 if app.pending else 0
        if terminal_gone():
            # Textual's shutdown would wait forever on a writer that cannot write;
            # what matters is saved (and fsynced), and there is no screen to restore.
            os._exit(code)
        if app.pending:
            app.leave_with(f"{signal.Signals(signum).name}: {app.unsaved()}")
        else:
            app.exit(return_code=0)
