"""Start ``streamlit run app.py`` and drive it with Chromium: shared by the e2e tests
and ``scripts/screenshot.py`` (which imports this file by path, so no pytest here).
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Playwright

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
STARTUP_TIMEOUT = 60.0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def streamlit_bin() -> str:
    """The venv's ``streamlit`` next to the running interpreter, else ``python -m``."""
    candidate = Path(sys.executable).with_name("streamlit")
    return str(candidate) if candidate.exists() else ""


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return bool(response.status == 200 and response.read().strip() == b"ok")
    except (urllib.error.URLError, OSError):
        return False


def server_pid(url: str) -> int:
    """The process of the ``streamlit run`` that ``running_app`` started for ``url``."""
    port = url.rsplit(":", 1)[1].encode()
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            args = (proc / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"--server.port" in args and port in args and b"run" in args:
            return int(proc.name)
    raise LookupError(f"no streamlit process serves {url}")


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Terminate the server and everything it started (its own process group)."""
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


@contextlib.contextmanager
def running_app(
    database_url: str, log_path: Path, *, env: Mapping[str, str | None] | None = None
) -> Iterator[str]:
    """``streamlit run app.py`` on a free port against ``database_url``; yields the base URL.

    ``env`` adds variables to the server's environment (e.g. ``TRAINER_PASSWORD``); a
    ``None`` value removes one. Call it twice on one PostgreSQL URL for two app servers.
    """
    port = free_port()
    binary = streamlit_bin()
    command = [binary] if binary else [sys.executable, "-m", "streamlit"]
    command += [
        "run",
        "app.py",
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
        "--server.fileWatcherType",
        "none",
    ]
    environment = {**os.environ, "DATABASE_URL": database_url, "PYTHONUNBUFFERED": "1"}
    for name, value in (env or {}).items():
        if value is None:
            environment.pop(name, None)
        else:
            environment[name] = value
    url = f"http://127.0.0.1:{port}"
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=environment,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # own process group, so teardown reaches the children
        )
        try:
            deadline = time.monotonic() + STARTUP_TIMEOUT
            while not _healthy(url):
                if process.poll() is not None:
                    raise RuntimeError(
                        f"streamlit exited with {process.returncode}:\n{log_path.read_text()}"
                    )
                if time.monotonic() > deadline:
                    raise RuntimeError(
                        f"streamlit did not answer on {url} within {STARTUP_TIMEOUT:.0f} s:\n"
                        + log_path.read_text()
                    )
                time.sleep(0.25)
            yield url
        finally:
            _stop(process)


def launch_chromium(playwright: Playwright) -> Browser:
    """Debian's headless Chromium (never a browser downloaded by ``playwright install``)."""
    return playwright.chromium.launch(
        executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
    )


# Streamlit marks its root with the script state; the status widget and skeletons show
# while a run is under way or lazily loaded widgets are not drawn yet.
_IDLE_JS = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  return !!app
    && app.getAttribute('data-test-script-state') === 'notRunning'
    && !document.querySelector('[data-testid="stStatusWidget"]')
    && !document.querySelector('[data-testid="stSkeleton"]');
}"""


def wait_idle(page: Page, timeout_ms: float = 20_000) -> None:
    """Wait until Streamlit has finished the script run that the last action started."""
    page.wait_for_timeout(250)  # let the rerun request reach the server first
    page.wait_for_function(_IDLE_JS, timeout=timeout_ms)
