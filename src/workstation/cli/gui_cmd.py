"""``workstation gui`` (the default) and ``workstation demo``."""

from __future__ import annotations


def register(sub) -> None:
    g = sub.add_parser("gui", help="start the desktop app (the default)")
    g.set_defaults(func=lambda args: _gui())
    d = sub.add_parser("demo", help="start the app on a throwaway database with a simulated client")
    try:
        # (optional: the demo module may be left out of a build)
        from workstation.demo import add_arguments
    except ImportError:
        add_arguments = None
    if add_arguments is not None:
        add_arguments(d)
    d.set_defaults(func=_demo)


def _gui() -> int:
    from workstation.app import main  # (deferred: Qt loads only when the app starts)

    return main([])


def _demo(args=None) -> int:
    from workstation.cli import CliError  # (cycle: cli/__init__ imports this module)

    try:
        # (optional: the demo module may be left out of a build)
        from workstation.demo import main as demo_main
    except ImportError as exc:
        raise CliError(f"the demo is not available: {exc}") from exc
    if args is not None and hasattr(args, "auto_exit"):
        from workstation.demo import run  # (optional: the demo module may be left out of a build)

        return run(args)
    return demo_main([])
