"""Call center wiring: the controller between engine, workspace and store, and
the main-window layout that shows the softphone, the workspace and My day."""

from workstation.views.callcenter.controller import CallController

__all__ = ["CallController"]
