"""The call workspace: card on top, script LEFT, history RIGHT, wrap-up; My day."""

from workstation.views.workspace.myday import MyDayPanel, QueueModel
from workstation.views.workspace.widget import CallWorkspace

__all__ = ["CallWorkspace", "MyDayPanel", "QueueModel"]
