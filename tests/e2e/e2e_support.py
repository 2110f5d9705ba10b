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
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Locator, Page, Playwright

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


def stop_process_group(process: subprocess.Popen[bytes], timeout: float = 10) -> None:
    """Terminate a server and everything it started (its own process group)."""
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=timeout)


@contextlib.contextmanager
def running_app(
    database_url: str,
    log_path: Path,
    *,
    env: Mapping[str, str | None] | None = None,
    script: Path | None = None,
) -> Iterator[str]:
    """``streamlit run app.py`` on a free port against ``database_url``; yields the base URL.

    ``env`` adds variables to the server's environment (e.g. ``TRAINER_PASSWORD``); a
    ``None`` value removes one. Call it twice on one PostgreSQL URL for two app servers.
    ``script`` runs another Streamlit script instead of ``app.py`` (a benchmark's floor).
    """
    port = free_port()
    binary = streamlit_bin()
    command = [binary] if binary else [sys.executable, "-m", "streamlit"]
    command += [
        "run",
        str(script) if script is not None else "app.py",
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
            stop_process_group(process)


def launch_chromium(playwright: Playwright) -> Browser:
    """Debian's headless Chromium (never a browser downloaded by ``playwright install``)."""
    return playwright.chromium.launch(
        executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
    )


# Installed in every page before Streamlit's own scripts: the page's WebSocket is wrapped
# so that the page knows whether a script run it asked for (a ``rerun_script`` BackMsg,
# field 11) is still unanswered, until a ``session_status_changed`` ForwardMsg (field 9)
# says the script stopped running (its field 2, ``script_is_running``, false or absent).
# A run ended by ``st.rerun()`` reports ``script_finished`` (field 6) as
# FINISHED_EARLY_FOR_RERUN (2) and "not running" a moment before the next run starts, so
# the watch stays pending until that next run. A click also waits for a timer tick's
# run that is still going on (one script at a time), whose end says "not running" too:
# so after a request that is not a tick the watch stays pending until a run has started
# since (``new_session``, field 4) and a whole-page run has finished (a status other than
# 2 and FINISHED_FRAGMENT_RUN_SUCCESSFULLY, 3). Reading top-level protobuf tags is enough.
# It also counts the runs the page asked for: ``ticks`` by a fragment's timer (the
# request's ClientState has ``is_auto_rerun``, field 6), ``asked`` for anything else.
RUN_WATCH_JS = """(() => {
  if (window.__stRuns) return;
  const runs = (window.__stRuns = {
    pending: false, running: false, rerunFollows: false, awaiting: 0,
    received: 0, handled: 0, asked: 0, ticks: 0,
  });
  const fields = (bytes) => {
    const found = new Map();
    let i = 0;
    const varint = () => {
      let value = 0, shift = 0, byte;
      do { byte = bytes[i++]; value += (byte & 0x7f) * 2 ** shift; shift += 7; }
      while (byte & 0x80 && i < bytes.length);
      return value;
    };
    while (i < bytes.length) {
      const tag = varint(), number = Math.floor(tag / 8), wire = tag % 8;
      if (wire === 0) found.set(number, varint());
      else if (wire === 2) {
        const n = varint();
        found.set(number, bytes.subarray(i, i + n));
        i += n;
      }
      else if (wire === 1) i += 8;
      else if (wire === 5) i += 4;
      else break;
    }
    return found;
  };
  const asBytes = (data) =>
    data instanceof ArrayBuffer ? new Uint8Array(data)
    : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
    : null;
  const Native = window.WebSocket;
  class Watched extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (event) => {
        const bytes = asBytes(event.data);
        runs.received += 1;
        const seen = runs.received;
        if (bytes) {
          const top = fields(bytes);
          if (top.has(4) && runs.awaiting === 1) runs.awaiting = 2;  // a run began since
          if (top.has(6)) {
            const finished = top.get(6);
            // A run that ends in st.rerun() says "finished early for rerun" (2) and "not
            // running" before the next run starts: the run asked for is not over yet.
            if (finished === 2) runs.rerunFollows = true;
            else if (finished !== 3 && runs.awaiting === 2) runs.awaiting = 0;
          }
          const status = top.get(9);
          if (status instanceof Uint8Array) {
            runs.running = !!fields(status).get(2);
            if (runs.running) runs.rerunFollows = false;
          }
          runs.pending = runs.running || runs.rerunFollows || runs.awaiting > 0;
        }
        // Streamlit decodes a message asynchronously and React draws it in a later task.
        const drawn = () => { runs.handled = Math.max(runs.handled, seen); };
        setTimeout(() => requestAnimationFrame(drawn));
      });
    }
    send(data) {
      const bytes = asBytes(data);
      const rerun = bytes ? fields(bytes).get(11) : undefined;
      if (rerun !== undefined) {
        runs.pending = true;
        if (rerun instanceof Uint8Array && fields(rerun).get(6)) runs.ticks += 1;
        else {
          runs.asked += 1;
          runs.awaiting = 1;
        }
      }
      return super.send(data);
    }
  }
  window.WebSocket = Watched;
})();"""

# The run that the last action asked for has been answered and drawn: the server said the
# script stopped, the page has handled every message, Streamlit marks its root as
# connected and not running, and no status widget, skeleton or stale element is left.
_IDLE_JS = """() => {
  const runs = window.__stRuns;
  if (!runs) throw new Error("the page has no run watch: open it through app_context()");
  const app = document.querySelector('[data-testid="stApp"]');
  return !runs.pending
    && runs.handled === runs.received
    && !!app
    && app.getAttribute('data-test-connection-state') === 'CONNECTED'
    && app.getAttribute('data-test-script-state') === 'notRunning'
    && !document.querySelector('[data-testid="stStatusWidget"]')
    && !document.querySelector('[data-testid="stSkeleton"]')
    && !document.querySelector('[data-stale="true"]');
}"""


# An expander has finished opening: Streamlit animates its ``<details>`` element's height
# for half a second, with its content clipped, and clears the inline height when done.
_OPENED_JS = """(inside) => {
  const details = inside.closest('details');
  return !!details && details.open && details.style.height === ''
    && details.getAnimations().length === 0;
}"""


_NEXT_FRAME_JS = "() => new Promise((done) => requestAnimationFrame(() => done()))"


def open_expander(label: Locator, timeout_ms: float = 20_000) -> None:
    """Click an expander's ``label`` and wait until it has finished opening, as a person does.

    While it opens, its content is clipped and moves: a click on a button in it can press
    on the button and release on the field above it, and the browser then clicks neither.
    """
    label.click()
    deadline = time.monotonic() + timeout_ms / 1000
    # The label is looked up afresh each frame: a run may have redrawn the expander.
    while not label.evaluate(_OPENED_JS, timeout=timeout_ms):
        if time.monotonic() > deadline:
            raise AssertionError(f"the expander {label} did not finish opening")
        label.page.evaluate(_NEXT_FRAME_JS)


def app_context(browser: Browser, **options: Any) -> BrowserContext:
    """A browser context whose pages report Streamlit's script runs to ``wait_for_run``."""
    context = browser.new_context(**options)
    context.add_init_script(RUN_WATCH_JS)
    return context


def wait_for_run(page: Page, *only: Locator, timeout_ms: float = 20_000) -> None:
    """Wait until the script run that the last action asked for has finished and is drawn.

    Then each of ``only`` must match exactly one element: no copy from an earlier run.
    """
    from playwright.sync_api import expect

    page.wait_for_function(_IDLE_JS, timeout=timeout_ms)
    for locator in only:
        expect(locator).to_have_count(1, timeout=timeout_ms)
