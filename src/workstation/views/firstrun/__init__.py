"""First run: a wizard when this user has no settings yet (views/firstrun/wizard.py).

``run(config)`` is the entry app.main calls before it starts anything; it
returns whether the user finished the wizard (settings saved). Cancelled, the
app starts on the defaults and the wizard comes back at the next start.
"""

from __future__ import annotations


def needed(config) -> bool:
    return not config.path.exists()


def run(config, parent=None) -> bool:
    from workstation.views.firstrun.wizard import FirstRunWizard  # (deferred: the wizard's widgets load only on a first run)

    wizard = FirstRunWizard(config, parent)
    return wizard.exec() == FirstRunWizard.DialogCode.Accepted
