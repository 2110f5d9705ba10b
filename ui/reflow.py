"""Pages that read on a phone and do not lose typing silently: words kept whole in titles,
labels and buttons, the page's language told to the browser, and a question before a
person leaves a form with changes not yet saved.

Everything sent here is constant: one style for every page and one script per interface
language (its only words are the catalogue's question, JSON-encoded). No user text ever
reaches this HTML.

Why a browser script for unsaved changes: a Streamlit form sends its widgets' values only
when it is submitted, so the server cannot know what was typed into a form that is then
left. The script watches the forms in the page, and asks before a sidebar or page link,
a reload or closing the tab throws changes away.
"""

import json
from functools import cache

import streamlit as st

from canvas.domain import Language
from canvas.i18n import t

# The canvas page's drawing and the list that stands in for it in a narrow window (keyed
# containers: Streamlit gives them the class ``st-key-<key>``).
DRAWING, NARROW_LIST = "canvas-drawing", "canvas-narrow-only"

# Titles, labels, tabs and buttons wrap between words (hyphenated where the browser has
# the language's dictionary), never inside one: «Взаимоотношени / я» was Streamlit's
# `overflow-wrap: break-word` with titles too large for a phone. Titles shrink on a
# phone so that the longest word of a title fits the width.
STYLE = """<style>
h1, h2, h3, h4, h5, h6,
[data-testid="stHeading"], [data-testid="stWidgetLabel"], [data-testid="stWidgetLabel"] p,
[data-testid="stExpander"] summary p, [data-baseweb="tab"] p, button p,
[data-testid="stMetricLabel"] p, [data-testid="stMetricValue"] div {
  word-break: normal !important; overflow-wrap: normal !important; hyphens: auto;
}
[data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li {
  overflow-wrap: anywhere;  /* user text: a pasted address may be one long word */
}
.st-key-canvas-narrow-only { display: none !important; }
@media (max-width: 640px) {
  .st-key-canvas-drawing { display: none !important; }
  .st-key-canvas-narrow-only { display: flex !important; }
  h1, [data-testid="stHeading"] h1 { font-size: 1.6rem !important; }
  h2, [data-testid="stHeading"] h2 { font-size: 1.35rem !important; }
  h3, [data-testid="stHeading"] h3 { font-size: 1.15rem !important; }
  [data-testid="stMetricValue"] div { font-size: 1.6rem !important; }
}
</style>"""

# `MESSAGE` and `LANG` are filled once per language from the catalogue (json.dumps).
_SCRIPT = """<script>
(() => {
  const state = window.__crUnsaved || (window.__crUnsaved = { forms: new Set() });
  state.message = MESSAGE;
  document.documentElement.lang = LANG;
  if (state.installed) return;
  state.installed = true;
  const formOf = (node) => (node && node.closest ? node.closest('[data-testid="stForm"]') : null);
  const touched = (form) => { if (form) state.forms.add(form); };
  const pending = () => [...state.forms].some((form) => form.isConnected);
  // Typing, ticking and choosing inside a form; a dropdown's options sit outside it, so a
  // choice counts for the form last focused.
  document.addEventListener("input", (event) => touched(formOf(event.target)), true);
  document.addEventListener("change", (event) => touched(formOf(event.target)), true);
  document.addEventListener("focusin", (event) => { state.focused = formOf(event.target); }, true);
  document.addEventListener("keydown", (event) => {
    const slider = event.target.closest && event.target.closest('[role="slider"]');
    if (slider) touched(formOf(slider));
  }, true);
  document.addEventListener("pointerdown", (event) => {
    const target = event.target.closest ? event.target : null;
    if (!target) return;
    if (target.closest('[role="slider"]')) touched(formOf(target));
    if (target.closest('[role="option"]')) touched(state.focused);
  }, true);
  document.addEventListener("click", (event) => {
    const target = event.target.closest ? event.target : null;
    if (!target) return;
    const submit = target.closest('[data-testid="stFormSubmitButton"] button');
    if (submit) { state.forms.delete(formOf(submit)); return; }
    const link = target.closest('[data-testid="stSidebarNav"] a, [data-testid="stPageLink"] a');
    if (!link || !pending()) return;
    if (window.confirm(state.message)) { state.forms.clear(); return; }
    event.preventDefault();
    event.stopImmediatePropagation();
  }, true);
  window.addEventListener("beforeunload", (event) => {
    if (!pending()) return;
    event.preventDefault();
    event.returnValue = "";
  });
})();
</script>"""


@cache
def guard_script(lang: Language) -> str:
    """The unsaved-changes guard with the question in ``lang``; the same text every run."""
    message = json.dumps(t("reflow.unsaved.leave", lang), ensure_ascii=False)
    return _SCRIPT.replace("LANG", json.dumps(lang.value)).replace("MESSAGE", message)


def page_helpers(lang: Language) -> None:
    """The style and the guard, at the foot of the sidebar where they take no room."""
    with st.sidebar:
        st.html(STYLE)
        st.html(guard_script(lang), unsafe_allow_javascript=True)
