"""Services: the only door from the views (and the CLI) to the data.

Qt-free functions, one module per subject (calls, leads, My day, scripts,
users), each taking the session :class:`~workstation.services.context.Context`
first. Reads open ``ctx.read()``; every write goes through ``ctx.write()``,
which queues on the in-process write lock and begins the transaction with
BEGIN IMMEDIATE, so no caller can write the wrong way. ``store/`` keeps the
models and the queries that take a session.
"""
