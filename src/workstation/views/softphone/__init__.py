"""Softphone feature: the status-bar strip with registration, dial pad and call controls."""

from workstation.views.softphone.widget import SoftphoneWidget

__all__ = ["SoftphoneWidget"]
