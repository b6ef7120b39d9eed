"""Signing in: the row of the configured login (created at the first start) as
the context's :class:`~workstation.services.context.SignedInUser`."""

from __future__ import annotations

import logging
import uuid

from sqlalchemy import select

from workstation.services.context import Context, SignedInUser
from workstation.store.models import User
from workstation.store.scripts_seed import ensure_sample_scripts

log = logging.getLogger(__name__)


def sign_in(store, settings) -> Context:
    """The context of the login ``user.login`` names, its row created when missing;
    the sample scripts added first. Runs once at start, before the window exists."""
    ctx = Context(store, SignedInUser(id=None, login=settings.get("user.login") or "manager"),
                  settings=settings)
    try:
        with ctx.write() as s:
            ensure_sample_scripts(s)
    except Exception:  # noqa: BLE001 - a broken sample must not stop the app
        log.exception("sample scripts not loaded")
    with ctx.write() as s:
        user = s.scalar(select(User).where(User.login == ctx.user.login))
        if user is None:
            user = User(id=uuid.uuid4(), login=ctx.user.login,
                        full_name=settings.get("user.name") or ctx.user.login,
                        role=settings.get("user.role") or "manager")
            s.add(user)
            s.flush()
        ctx.user = SignedInUser(id=user.id, login=user.login, name=user.full_name or "",
                                role=user.role or "manager", team_id=user.team_id)
        if user.sip_username and not settings.get("sip.username"):
            # the admin gave this user a SIP account: Settings shows it, the user adds the
            # password there (it goes to this workstation's keyring, never to the database)
            settings.set("sip.username", user.sip_username)
    return ctx
