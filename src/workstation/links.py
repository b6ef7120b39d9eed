"""tel:, sip: and callto: links given on the command line (the desktop's link handler).

Qt-free: the CLI looks for them before it parses its arguments.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

LINK = re.compile(r"^(tel|sip|sips|callto):", re.IGNORECASE)


def is_link(arg: str) -> bool:
    return bool(LINK.match(arg))


def link_target(link: str) -> str | None:
    """What to dial for a link: ``tel:+380 67-123`` → ``+38067123``; ``sip:a@b`` stays a URI;
    None when there is nothing to dial."""
    if not is_link(link):
        return None
    scheme, rest = link.split(":", 1)
    rest = unquote(rest).strip().lstrip("/")
    if scheme.lower() in ("sip", "sips"):
        uri = rest.split("?", 1)[0]
        return f"{scheme.lower()}:{uri}" if uri else None
    number = re.sub(r"[\s()\-.]", "", rest.split(";", 1)[0].split("?", 1)[0])
    return number if re.fullmatch(r"\+?[0-9*#]{2,}", number) else None
