"""Telephony: the only package that imports pjsua2 (engine, account, call, recorder).

Import :mod:`workstation.telephony.engine` for the engine; this package
itself stays light so Qt-free code can import ``settings`` and ``testbed``.
"""
