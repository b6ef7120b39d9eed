"""workstation: a call-center workstation for people who sell by phone."""

__version__ = "0.1.0"
APP_NAME = "workstation"
