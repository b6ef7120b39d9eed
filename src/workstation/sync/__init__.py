"""Sync with the shared PostgreSQL database: schema and users (shared), the
push/pull worker (worker), leases (leases), recording upload (recordings).
Qt-free except :mod:`workstation.sync.qt`, the thin QObject wrapper."""
