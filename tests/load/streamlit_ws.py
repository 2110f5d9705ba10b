"""A Streamlit client without a browser: one websocket session speaking the app's protocol.

It does what the browser's frontend does for the few widgets a participant needs: asks for
a script run, collects the elements the run sends, and submits a form with the values
typed into it (a text as ``string_value``, a number as ``int_value`` or ``double_value``,
the form's button as a trigger). The server cannot tell it from a browser tab, so fifty of
them are fifty real sessions with their own session state and script threads.

Behind a proxy it carries the cookies a browser would (nginx's route cookie keeps the
session on one app server), and ``tick()`` does what the browser's timer does for a
fragment with ``run_every``: asks for a rerun of that fragment alone.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

import websockets
from streamlit.proto.Alert_pb2 import Alert
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

EARLY = ForwardMsg.ScriptFinishedStatus.FINISHED_EARLY_FOR_RERUN
FRAGMENT = ForwardMsg.ScriptFinishedStatus.FINISHED_FRAGMENT_RUN_SUCCESSFULLY


@dataclass
class Run:
    """What one script run sent: its elements, in order, by their kind."""

    elements: list[tuple[str, Any]] = field(default_factory=list)
    areas: list[int] = field(default_factory=list)  # each element's: 0 main, 1 sidebar
    status: int = ForwardMsg.FINISHED_SUCCESSFULLY  # how the run finished

    @property
    def fragment_only(self) -> bool:
        """Only a fragment ran; the rest of the page stands as it was."""
        return self.status == ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY

    def of(self, kind: str) -> list[Any]:
        return [element for found, element in self.elements if found == kind]

    def in_sidebar(self, kind: str) -> list[Any]:
        """The elements of ``kind`` drawn into the sidebar."""
        return [
            e
            for (k, e), area in zip(self.elements, self.areas, strict=True)
            if k == kind and area == 1
        ]

    def headings(self) -> list[str]:
        return [h.body for h in self.of("heading")]

    def alerts(self, level: int) -> list[str]:
        return [a.body for a in self.of("alert") if a.format == level]

    def errors(self) -> list[str]:
        """Error boxes and uncaught exceptions: what a user would see go wrong."""
        return self.alerts(Alert.ERROR) + [e.message for e in self.of("exception")]

    def successes(self) -> list[str]:
        return self.alerts(Alert.SUCCESS)

    def markdown(self) -> list[str]:
        return [m.body for m in self.of("markdown")]

    def widget(self, label: str, *, form: str = "") -> Any:
        """The one widget labelled ``label`` (in a form whose id starts with ``form``)."""
        found = [
            element
            for _kind, element in self.elements
            if getattr(element, "label", None) == label
            and getattr(element, "id", "")
            and element.form_id.startswith(form)
        ]
        if len(found) != 1:
            raise LookupError(f"expected one widget {label!r} in {form!r}, found {len(found)}")
        return found[0]


class StreamlitSession:
    """One browser-like session of a running app at ``base`` (``http://host:port``)."""

    def __init__(
        self,
        base: str,
        query: str,
        *,
        page: str = "",
        timeout: float = 60.0,
        cookies: dict[str, str] | None = None,
    ) -> None:
        self.base, self.query, self.timeout = base, query, timeout
        self.page_name = page  # the URL path of the first page, as in ``/canvas?…``
        self.page_hash = ""
        self.cookies = dict(cookies or {})
        self.fragments: dict[str, float] = {}  # fragment id -> seconds between its reruns
        self._socket: Any = None

    async def __aenter__(self) -> StreamlitSession:
        uri = self.base.replace("http://", "ws://", 1) + "/_stcore/stream"
        headers = {}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        self._socket = await websockets.connect(
            uri,
            subprotocols=["streamlit"],
            origin=self.base,
            max_size=None,
            additional_headers=headers,
            # a browser sends no pings; under load the server's pong can come late, and a
            # missed pong would close the session where a browser's would stay open
            ping_interval=None,
            open_timeout=self.timeout,  # a page's handshake waits as long as its runs
        )
        return self

    async def __aexit__(self, *_exc: object) -> None:
        await self._socket.close()

    async def open(self) -> Run:
        """The first run, as when the page is loaded with ``query``."""
        return await self._rerun([])

    async def submit(self, run: Run, button: str, values: dict[str, Any], *, form: str) -> Run:
        """Type ``values`` (by label) into the form whose id starts with ``form``; submit."""
        states = []
        for label, value in values.items():
            element = run.widget(label, form=form)
            state = WidgetState(id=element.id)
            if isinstance(value, str):
                state.string_value = value
            elif isinstance(value, int):
                state.int_value = value
            else:
                state.double_value = float(value)
            states.append(state)
        states.append(WidgetState(id=run.widget(button, form=form).id, trigger_value=True))
        return await self._rerun(states)

    @staticmethod
    def press(button: Any) -> WidgetState:
        """A button's click, as a widget state to ``ask`` with."""
        return WidgetState(id=button.id, trigger_value=True)

    async def tick(self) -> Run:
        """One rerun of the page's timed fragments, as the browser's timer asks for it.

        A fragment that calls ``st.rerun(scope="app")`` turns it into a run of the whole
        page: then the returned run is that page run (``fragment_only`` false).
        """
        if not self.fragments:
            raise LookupError("the page has no fragment with run_every")
        return await self._rerun([], fragment=next(iter(self.fragments)))

    async def _rerun(self, states: list[WidgetState], *, fragment: str = "") -> Run:
        await self.ask(states, fragment=fragment)
        return await asyncio.wait_for(self._collect(), self.timeout)

    async def ask(self, states: list[WidgetState], *, fragment: str = "") -> None:
        """Send one rerun request, as the browser does on a click (or, with ``fragment``,
        on its timer), without waiting for the run: ``finish()`` or ``until()`` read it."""
        message = BackMsg()
        message.rerun_script.query_string = self.query
        message.rerun_script.page_script_hash = self.page_hash
        if not self.page_hash:
            message.rerun_script.page_name = self.page_name
        message.rerun_script.widget_states.widgets.extend(states)
        if fragment:
            message.rerun_script.fragment_id = fragment
            message.rerun_script.is_auto_rerun = True
        await self._socket.send(message.SerializeToString())

    async def finish(self) -> Run:
        """The whole-page run asked for, read to its end (a tick's run before it skipped)."""
        return await asyncio.wait_for(self._collect(whole_page=True), self.timeout)

    async def until(self, kind: str) -> Any:
        """Read the running script's messages up to its first element of ``kind``."""

        async def read() -> Any:
            while True:
                message = ForwardMsg()
                message.ParseFromString(await self._socket.recv())
                if message.WhichOneof("type") == "delta":
                    element = message.delta.new_element
                    if element.WhichOneof("type") == kind:
                        return getattr(element, kind)

        return await asyncio.wait_for(read(), self.timeout)

    async def _collect(self, *, whole_page: bool = False) -> Run:
        """Read until a run finishes for good (``st.rerun`` and page switches start another);
        with ``whole_page``, a run of the page's fragments alone does not count."""
        run = Run()
        while True:
            message = ForwardMsg()
            message.ParseFromString(await self._socket.recv())
            kind = message.WhichOneof("type")
            if kind == "new_session":
                run = Run()  # a new script run begins; what came before is replaced
            elif kind == "navigation":  # the page this run shows, as st.navigation chose it
                self.page_hash = message.navigation.page_script_hash
            elif kind == "page_info_changed":
                self.query = message.page_info_changed.query_string
            elif kind == "delta" and message.delta.WhichOneof("type") == "new_element":
                element = message.delta.new_element
                element_kind = element.WhichOneof("type")
                run.elements.append((element_kind, getattr(element, element_kind)))
                run.areas.append(message.metadata.delta_path[0])
            elif kind == "auto_rerun":  # a fragment with run_every: the browser times it
                self.fragments[message.auto_rerun.fragment_id] = message.auto_rerun.interval
            elif kind == "stop_auto_rerun":
                for gone in message.stop_auto_rerun.fragment_ids:
                    self.fragments.pop(gone, None)
            elif kind == "script_finished" and message.script_finished == FRAGMENT and whole_page:
                continue
            elif kind == "script_finished" and message.script_finished != EARLY:
                run.status = message.script_finished
                return run
