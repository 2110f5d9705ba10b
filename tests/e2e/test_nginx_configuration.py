"""The shipped nginx configuration (``deploy/nginx/customer-relationships.conf``), run by
Debian's real nginx in front of two ``streamlit run`` servers: it loads, passes health
checks through, pins each browser to one server with its route cookie (the very first
request included), upgrades the session's websocket, and skips a server that is down.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from pathlib import Path

import nginx_support
import pytest
from e2e_support import free_port, running_app
from nginx_support import (
    ROUTE_COOKIE,
    SITE,
    Nginx,
    RenderError,
    check_config,
    fetch,
    route_to,
    running_nginx,
    write_config,
)

from canvas.i18n import t
from tests.load.streamlit_ws import StreamlitSession

pytestmark = pytest.mark.e2e

LOCAL = {"TRAINER_PASSWORD": None}  # local mode: no course set-up needed to open a page


@pytest.fixture(scope="module")
def app_servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """Two app servers, each on a SQLite file of its own (only health and a first page)."""
    folder = tmp_path_factory.mktemp("nginx-apps")
    with ExitStack() as stack:
        yield (
            stack.enter_context(
                running_app(f"sqlite:///{folder / 'a.db'}", folder / "a.log", env=LOCAL)
            ),
            stack.enter_context(
                running_app(f"sqlite:///{folder / 'b.db'}", folder / "b.log", env=LOCAL)
            ),
        )


@pytest.fixture(scope="module")
def proxy(
    nginx_binary: Path, app_servers: tuple[str, str], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Nginx]:
    with running_nginx(app_servers, tmp_path_factory.mktemp("nginx")) as running:
        yield running


def _address(url: str) -> str:
    return url.removeprefix("http://")


def test_nginx_accepts_the_shipped_configuration_with_the_tests_ports(
    nginx_binary: Path, tmp_path: Path
) -> None:
    write_config([free_port(), free_port()], free_port(), tmp_path)
    checked = check_config(tmp_path)
    assert checked.returncode == 0, checked.stderr
    assert "test is successful" in checked.stderr


@pytest.mark.parametrize(
    ("line", "twice"),
    [("listen 80;", False), ("server 127.0.0.1:8502 ", False), ("listen 80;", True)],
)
def test_rendering_refuses_a_shipped_file_whose_substituted_line_is_missing_or_doubled(
    line: str, twice: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shipped = SITE.read_text(encoding="utf-8")
    changed = shipped.replace(line, line + "\n" + line) if twice else shipped.replace(line, "")
    altered = tmp_path / "customer-relationships.conf"
    altered.write_text(changed, encoding="utf-8")
    monkeypatch.setattr(nginx_support, "SITE", altered)
    with pytest.raises(RenderError, match="exactly once"):
        nginx_support.render_site([8601, 8602], 8600)


def test_the_health_check_passes_through_nginx_to_an_app_server(
    proxy: Nginx, app_servers: tuple[str, str]
) -> None:
    answer = fetch(f"{proxy.url}/_stcore/health")
    assert (answer.status, answer.body.strip()) == (200, b"ok")
    assert answer.upstream in {_address(url) for url in app_servers}


def test_the_first_answer_sets_the_route_cookie_and_every_later_request_reaches_its_server(
    proxy: Nginx, app_servers: tuple[str, str]
) -> None:
    first = fetch(f"{proxy.url}/")
    assert first.status == 200
    assert first.set_cookie  # a browser without the cookie gets one
    # The first request went where the cookie it was given leads: no switch on the second.
    later = [fetch(f"{proxy.url}/", route=first.set_cookie) for _ in range(10)]
    assert {answer.upstream for answer in later} == {first.upstream}
    assert not any(answer.set_cookie for answer in later)  # a browser with one keeps it
    # the same holds for the health check and Streamlit's own endpoints
    health = fetch(f"{proxy.url}/_stcore/health", route=first.set_cookie)
    assert health.upstream == first.upstream


def test_fresh_browsers_are_spread_over_both_app_servers(
    proxy: Nginx, app_servers: tuple[str, str]
) -> None:
    # 40 new browsers, each with a random route: all on one server has odds of 2 ** -39
    landed = Counter(fetch(f"{proxy.url}/_stcore/health").upstream for _ in range(40))
    assert set(landed) == {_address(url) for url in app_servers}


def test_the_session_websocket_is_upgraded_through_nginx_and_runs_the_app_on_the_routed_server(
    proxy: Nginx, app_servers: tuple[str, str]
) -> None:
    second = app_servers[1]
    route = route_to(proxy.url, second, "ws")

    async def first_run() -> list[str]:
        async with StreamlitSession(proxy.url, "lang=en", cookies={ROUTE_COOKIE: route}) as s:
            return (await s.open()).headings()

    # A thread of its own: the browser tests' Playwright may hold this thread's event loop.
    with ThreadPoolExecutor(max_workers=1) as runner:
        headings = runner.submit(asyncio.run, first_run()).result(timeout=120)
    assert t("page.workshops", "en") in headings  # local mode opens on the workshops page
    # The websocket's own log line is written when it closed, which it has.
    streams = [r for r in proxy.requests() if r.uri == "/_stcore/stream" and r.cookie == route]
    assert [(r.status, r.upstream) for r in streams] == [(101, _address(second))]


def test_a_stopped_app_server_is_skipped_and_its_browsers_are_served_by_the_other(
    nginx_binary: Path, app_servers: tuple[str, str], tmp_path: Path
) -> None:
    live = app_servers[0]
    stopped = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    with running_nginx([live, stopped], tmp_path) as proxy:
        answers = [fetch(f"{proxy.url}/_stcore/health", route=f"r{n}") for n in range(40)]
    assert [(a.status, a.body.strip()) for a in answers] == [(200, b"ok")] * 40
    # every answer came from the live server; some routes had led to the stopped one first
    assert {a.upstream.split(", ")[-1] for a in answers} == {_address(live)}
    assert any(a.upstream.startswith(_address(stopped)) for a in answers)
