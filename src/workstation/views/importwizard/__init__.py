"""The lead base import wizard (file, column mapping, progress with cancel, summary)."""

from workstation.views.importwizard.wizard import ImportWizard

__all__ = ["ImportWizard"]
