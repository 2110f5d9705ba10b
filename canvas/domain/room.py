"""The room screen's join address: where a participant types or scans their way in.

It is the app's base address as the browser sees it (the room page's own address without
the page's path, its query or its anchor), or the operator's ``PUBLIC_URL`` when set: a
reverse proxy or a projector laptop may see another address than the participants'.
"""

from urllib.parse import urlsplit, urlunsplit

PUBLIC_URL_SETTING = "PUBLIC_URL"


class BadPublicUrl(ValueError):
    """``PUBLIC_URL`` is not an http(s) address with a host."""


def public_url(value: str) -> str:
    """The operator's address, checked: ``http(s)://host[:port][/path]``, no query."""
    text = value.strip()
    parts = urlsplit(text)
    if (
        parts.scheme not in ("http", "https")
        or not parts.hostname
        or parts.query
        or parts.fragment
        or any(ch.isspace() for ch in text)
    ):
        raise BadPublicUrl(value)
    return _base(parts.scheme, parts.netloc, parts.path)


def _base(scheme: str, netloc: str, path: str) -> str:
    path = path.rstrip("/")
    return urlunsplit((scheme, netloc, path, "", "")) or ""


def join_address(
    *,
    override: str | None,
    page_url: str | None,
    page_path: str,
    host: str | None = None,
    forwarded_proto: str | None = None,
) -> str | None:
    """The address participants join at, or ``None`` if nothing tells it.

    ``override`` (``PUBLIC_URL``) wins and is checked (``BadPublicUrl``); else the room
    page's address in the browser, less ``page_path``; else the request's ``Host`` header.
    """
    if override and override.strip():
        return public_url(override)
    if page_url:
        parts = urlsplit(page_url)
        if parts.scheme in ("http", "https") and parts.hostname:
            path = parts.path.rstrip("/")
            if path == f"/{page_path}" or path.endswith(f"/{page_path}"):
                path = path[: -len(page_path) - 1]
            return _base(parts.scheme, parts.netloc, path)
    if host and not any(ch.isspace() or ch in "/?#@\\" for ch in host):
        scheme = "https" if (forwarded_proto or "").strip().lower() == "https" else "http"
        return _base(scheme, host, "")
    return None
