"""A real nginx (Debian's ``/usr/sbin/nginx``) in front of test app servers, for one test.

``running_nginx(upstreams, folder)`` renders the SHIPPED site configuration
(``deploy/nginx/customer-relationships.conf``) with the test's upstream ports and listen
port, wraps it in a minimal main configuration whose pid file, logs and temp folders all
live in ``folder``, starts nginx in the foreground, waits until its port answers and
stops it afterwards. Each substitution must find its target exactly once, or rendering
fails: the tests always exercise the file an operator installs, never a copy of it.

The access log records, per request, the upstream that served it and the route cookie, so
a test can prove which app server a browser reached. Like ``e2e_support``, this module
has no pytest in it (the benchmarks import it).
"""

from __future__ import annotations

import contextlib
import grp
import os
import pwd
import re
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from tests.e2e.e2e_support import free_port, stop_process_group

ROOT = Path(__file__).resolve().parents[2]
NGINX = Path("/usr/sbin/nginx")
SITE = ROOT / "deploy" / "nginx" / "customer-relationships.conf"
ROUTE_COOKIE = "cr_route"
STARTUP_TIMEOUT = 30.0

# What the shipped file says, and what a test puts in its place.
SHIPPED_UPSTREAMS = ("server 127.0.0.1:8501 ", "server 127.0.0.1:8502 ")
SHIPPED_LISTEN = "listen 80;"

# One line per request: tab-separated so a test can split it.
LOG_FORMAT = "'$request_uri\\t$status\\t$upstream_addr\\t$cookie_cr_route\\t$cr_route'"


def nginx_missing() -> str | None:
    """Why nginx cannot run here, or ``None`` when it can."""
    if NGINX.is_file() and os.access(NGINX, os.X_OK):
        return None
    return f"{NGINX} is missing; install Debian's nginx (scripts/system-deps.sh)"


class RenderError(RuntimeError):
    """The shipped configuration no longer has a line the tests substitute."""


def _replace_once(text: str, target: str, replacement: str) -> str:
    found = text.count(target)
    if found != 1:
        raise RenderError(
            f"{SITE} must contain {target!r} exactly once, found {found}: "
            "update tests/e2e/nginx_support.py together with the shipped file"
        )
    return text.replace(target, replacement)


def render_site(upstream_ports: Sequence[int], listen_port: int) -> str:
    """The shipped site configuration with the test's two upstreams and listen address."""
    if len(upstream_ports) != len(SHIPPED_UPSTREAMS):
        raise ValueError(f"the shipped file has {len(SHIPPED_UPSTREAMS)} upstream servers")
    text = SITE.read_text(encoding="utf-8")
    for target, port in zip(SHIPPED_UPSTREAMS, upstream_ports, strict=True):
        text = _replace_once(text, target, f"server 127.0.0.1:{port} ")
    return _replace_once(text, SHIPPED_LISTEN, f"listen 127.0.0.1:{listen_port};")


def _user_line() -> str:
    """As root, nginx's workers would switch to ``nobody``, who cannot enter a pytest temp
    folder (mode 0700); they stay root then. Unprivileged, nginx keeps its own user."""
    if os.geteuid() != 0:
        return ""
    return f"user {pwd.getpwuid(0).pw_name} {grp.getgrgid(0).gr_name};"


def main_config(folder: Path, site: Path) -> str:
    """A whole nginx.conf around ``site``: everything nginx writes stays in ``folder``."""
    temp = {name: folder / name for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")}
    for path in temp.values():
        path.mkdir(exist_ok=True)
    return f"""{_user_line()}
worker_processes 1;
daemon off;
pid {folder / "nginx.pid"};
error_log {folder / "error.log"} info;
events {{
    worker_connections 4096;
}}
http {{
    log_format routes {LOG_FORMAT};
    access_log {folder / "access.log"} routes;
    client_body_temp_path {temp["client_body"]};
    proxy_temp_path {temp["proxy"]};
    fastcgi_temp_path {temp["fastcgi"]};
    uwsgi_temp_path {temp["uwsgi"]};
    scgi_temp_path {temp["scgi"]};
    include {site};
}}
"""


@dataclass(frozen=True)
class LoggedRequest:
    """One line of the access log."""

    uri: str
    status: int
    upstreams: tuple[str, ...]  # every server tried, in order; the last one answered
    cookie: str  # the route cookie the request came with ("" for none)
    route: str  # the route nginx hashed: the cookie, or the request's id

    @property
    def upstream(self) -> str:
        return self.upstreams[-1] if self.upstreams else ""


@dataclass(frozen=True)
class Nginx:
    """A running nginx: its base URL and where it logs."""

    url: str
    folder: Path

    @property
    def access_log(self) -> Path:
        return self.folder / "access.log"

    @property
    def error_log(self) -> Path:
        return self.folder / "error.log"

    def requests(self) -> list[LoggedRequest]:
        """Every request logged so far (a websocket's line is written when it closes)."""
        if not self.access_log.exists():
            return []
        found = []
        for line in self.access_log.read_text(encoding="utf-8").splitlines():
            uri, status, upstreams, cookie, route = line.split("\t")
            tried = tuple(u.strip() for u in upstreams.split(",") if u.strip() not in ("", "-"))
            found.append(
                LoggedRequest(uri, int(status), tried, "" if cookie == "-" else cookie, route)
            )
        return found


def command(folder: Path, *extra: str) -> list[str]:
    """``nginx`` with this folder's configuration (``-e``: not even a first error line goes
    to /var/log/nginx, which an unprivileged user cannot open)."""
    return [
        str(NGINX),
        "-p",
        str(folder),
        "-c",
        str(folder / "nginx.conf"),
        "-e",
        str(folder / "error.log"),
        *extra,
    ]


def write_config(upstream_ports: Sequence[int], listen_port: int, folder: Path) -> Path:
    """Write ``site.conf`` (the rendered shipped file) and ``nginx.conf`` into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    site = folder / "site.conf"
    site.write_text(render_site(upstream_ports, listen_port), encoding="utf-8")
    main = folder / "nginx.conf"
    main.write_text(main_config(folder, site), encoding="utf-8")
    return main


def check_config(folder: Path) -> subprocess.CompletedProcess[str]:
    """``nginx -t`` on the configuration written in ``folder``."""
    return subprocess.run(
        command(folder, "-t"), capture_output=True, text=True, timeout=30, check=False
    )


def _answers(port: int) -> bool:
    with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=2):
        return True
    return False


def _port(url: str) -> int:
    return int(url.rsplit(":", 1)[1].rstrip("/"))


@contextlib.contextmanager
def running_nginx(upstreams: Sequence[str], folder: Path) -> Iterator[Nginx]:
    """nginx with the shipped site in front of ``upstreams`` (``http://127.0.0.1:port``)."""
    listen = free_port()
    write_config([_port(url) for url in upstreams], listen, folder)
    with open(folder / "nginx.out", "wb") as out:
        process = subprocess.Popen(
            command(folder), stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
        try:
            deadline = time.monotonic() + STARTUP_TIMEOUT
            while not _answers(listen):
                if process.poll() is not None:
                    raise RuntimeError(
                        f"nginx exited with {process.returncode}:\n"
                        + (folder / "nginx.out").read_text(errors="replace")
                        + (folder / "error.log").read_text(errors="replace")
                    )
                if time.monotonic() > deadline:
                    raise RuntimeError(f"nginx did not answer on port {listen}")
                time.sleep(0.1)
            yield Nginx(f"http://127.0.0.1:{listen}", folder)
        finally:
            # TERM is nginx's fast shutdown: open websockets are closed, not waited for
            stop_process_group(process, timeout=15)


@dataclass(frozen=True)
class Answer:
    """One plain HTTP answer through nginx."""

    status: int
    body: bytes
    upstream: str  # the X-Upstream header: every server tried, comma-separated
    set_cookie: str  # the route cookie nginx set ("" for none)


def fetch(url: str, *, route: str | None = None, timeout: float = 30.0) -> Answer:
    """GET ``url``, with the route cookie ``route`` if given."""
    request = urllib.request.Request(url)
    if route is not None:
        request.add_header("Cookie", f"{ROUTE_COOKIE}={route}")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            status, body, headers = response.status, response.read(), response.headers
    except urllib.error.HTTPError as error:
        status, body, headers = error.code, error.read(), error.headers
    cookie = ""
    for header in headers.get_all("Set-Cookie") or []:
        match = re.match(rf"{ROUTE_COOKIE}=([^;]*)", header)
        if match:
            cookie = match.group(1)
    return Answer(status, body, headers.get("X-Upstream", ""), cookie)


def route_to(base: str, server: str, prefix: str, *, tries: int = 200) -> str:
    """A route cookie value starting with ``prefix`` that nginx sends to ``server``
    (``http://127.0.0.1:port``): the way to pin a browser to a chosen app server."""
    wanted = server.removeprefix("http://")
    for number in range(tries):
        route = f"{prefix}-{number}"
        if fetch(f"{base}/_stcore/health", route=route).upstream == wanted:
            return route
    raise LookupError(f"no route among {tries} reaches {server}")
