"""The app as widgets know it: what they may ask of the workbench they are in.

Widgets must not import the app module (the app makes the screens that hold
the widgets: an import-linter contract forbids the arrow back), yet want a
typed `self.app`. So they declare `app = getters.app(Workbench)`, and
SmgovApp is a Workbench. Workbench is an
App subclass, not a typing.Protocol: getters.app takes an App subclass (its
type variable is bound to App, and it checks isinstance), and a widget's
`self.app` keeps the App methods it calls (notify, push_screen_wait).
"""

from __future__ import annotations

from textual.app import App

from smgov_tui.core.plan import Plan
from smgov_tui.keys.keymap import Keymap


class Workbench(App):
    """An app over one plan, with the user's key map."""

    plan: Plan  # the plan as edited now (pending values included)
    keymap: Keymap  # the keys in use, a keymap file's included
