"""The call center feature: the softphone in the status bar, the call workspace
and the lead list as central tabs, My day as a dock, and the controller between
the telephony engine and them.

    center = callcenter.install(window, ctx, engine=engine, sync=sync_service)
"""

from __future__ import annotations

from workstation.views.callcenter.controller import CallController
from workstation.views.callcenter.wiring import CallCenter

__all__ = ["CallCenter", "CallController", "install"]


def install(window, ctx, *, engine=None, sync=None, **kw) -> CallCenter:
    """Put the call center into ``window`` (a MainWindow) for the user of ``ctx``."""
    return CallCenter(window, ctx, engine=engine, sync=sync, **kw)
