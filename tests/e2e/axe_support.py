"""axe-core in Chromium: the pinned release from the npm registry, fetched once by the
machine's ``npm pack`` into ``.cache/`` and checked against its published integrity, then
injected into a page; violations in Streamlit's own chrome (listed in the README) are
dropped by rule and selector, nothing else is.
"""

from __future__ import annotations

import base64
import hashlib
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parents[2]
AXE_VERSION = "4.10.3"
# npm's "integrity" of axe-core-4.10.3.tgz: a changed or tampered tarball is refused.
AXE_INTEGRITY = "sha512-" + (
    "Xm7bpRXnDSX2YE2YFfBk2FnF0ep6tmG7xPh8iHee8MIcrgq762Nkce856dYtJYLkuIoYZvGfTs/PbZhideTcEg=="
)
CACHE = ROOT / ".cache" / f"axe-core-{AXE_VERSION}"
SERIOUS = ("critical", "serious")
# Checked whatever their impact: axe calls a skipped heading level "moderate", but a screen
# reader's list of headings is how its user finds the sections of a page.
ALWAYS = ("heading-order",)

# Streamlit's own markup, which no app can change (README, "Accessibility"): rule id ->
# selectors of the elements it is known for. A violation is dropped only when every
# element it names sits inside one of its rule's selectors.
KNOWN: dict[str, tuple[str, ...]] = {
    # The sidebar's page list with sections (the trainer's "Trainer" and "Steps"): Streamlit
    # puts each section's heading and its own list straight into the outer <ul>.
    "list": ('[data-testid="stSidebarNavItems"]',),
    "listitem": ('[data-testid="stSidebarNavItems"] li',),
}


def axe_source() -> str:
    """The text of ``axe.min.js``, fetched with ``npm pack`` the first time."""
    script = CACHE / "axe.min.js"
    if not script.is_file():
        npm = shutil.which("npm")
        if npm is None:
            raise RuntimeError("npm is missing: install Debian's npm (scripts/system-deps.sh)")
        with tempfile.TemporaryDirectory() as folder:
            subprocess.run(
                [npm, "pack", f"axe-core@{AXE_VERSION}", "--pack-destination", folder],
                check=True,
                capture_output=True,
                timeout=120,
            )
            tarball = Path(folder) / f"axe-core-{AXE_VERSION}.tgz"
            digest = base64.b64encode(hashlib.sha512(tarball.read_bytes()).digest()).decode()
            if f"sha512-{digest}" != AXE_INTEGRITY:
                raise RuntimeError(f"axe-core {AXE_VERSION} from npm does not match its integrity")
            with tarfile.open(tarball) as archive:
                member = archive.extractfile("package/axe.min.js")
                assert member is not None
                data = member.read()
        CACHE.mkdir(parents=True, exist_ok=True)
        partial = script.with_suffix(".part")
        partial.write_bytes(data)
        partial.replace(script)  # a half-written file is never taken for the script
    return script.read_text(encoding="utf-8")


# Runs axe on the whole document and keeps the critical and serious violations, minus
# the nodes that sit inside a known Streamlit selector for that rule.
_RUN_JS = """async ([known, serious, always]) => {
  const result = await axe.run(document, { resultTypes: ["violations"] });
  const inside = (target, selectors) => {
    if (!selectors || typeof target[0] !== "string" || target.length !== 1) return false;
    const element = document.querySelector(target[0]);
    return !!element && selectors.some((s) => element.closest(s));
  };
  return result.violations
    .filter((v) => serious.includes(v.impact) || always.includes(v.id))
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes
        .filter((n) => !inside(n.target, known[v.id]))
        .map((n) => ({ target: n.target.join(" "), html: n.html.slice(0, 200),
                       summary: (n.failureSummary || "").slice(0, 300) })),
    }))
    .filter((v) => v.nodes.length > 0);
}"""


def violations(page: Page) -> list[dict[str, Any]]:
    """The page's critical and serious axe violations that are not Streamlit's own."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=axe_source())
    found: list[dict[str, Any]] = page.evaluate(
        _RUN_JS,
        [{rule: list(sel) for rule, sel in KNOWN.items()}, list(SERIOUS), list(ALWAYS)],
    )
    return found


def describe(found: list[dict[str, Any]]) -> str:
    """Violations as lines a failing test prints."""
    lines = []
    for violation in found:
        lines.append(f"{violation['impact']} {violation['id']}: {violation['help']}")
        for node in violation["nodes"]:
            lines += [f"    {node['target']}", f"      {node['html']}", f"      {node['summary']}"]
    return "\n".join(lines)
