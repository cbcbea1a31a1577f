"""Headless Chromium driven over the DevTools protocol on a pipe, for the HTML report tests.

Why the protocol and not ``--dump-dom``/``--screenshot`` alone: Chromium makes requests
of its own (component updates, sign-in, time) even with the background-networking flags,
so a proxy that counts requests cannot tell them from the page's; the protocol's Network
domain reports the requests of one page only. It also lets a test ask the page where it
scrolled after following a link. The browser is kept off the network anyway: every
connection goes to a closed local port and no host name resolves.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import select
import shutil
import subprocess
from pathlib import Path

DEADLINE = 60  # seconds without a word from the browser before a test gives up
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--proxy-server=127.0.0.1:9",
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--remote-debugging-pipe",
)


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


class Page:
    """One browser with one tab; ``requests`` lists every URL the tab asked for while
    loading the last page it opened (the page itself first)."""

    def __init__(self, binary: str, profile: Path, width: int = 1280, height: int = 2000):
        # The protocol speaks on file descriptors 3 (to the browser) and 4 (from it).
        reader, self._to_browser = os.pipe()
        self._from_browser, writer = os.pipe()

        def as_fd_3_and_4() -> None:
            os.dup2(reader, 3)
            os.dup2(writer, 4)

        self._log = (profile.parent / "chromium.log").open("wb")
        self.process = subprocess.Popen(
            [binary, *FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}"],
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=self._log,
            preexec_fn=as_fd_3_and_4,
            pass_fds=(3, 4),
        )
        os.close(reader)
        os.close(writer)
        self._buffer = b""
        self._last_id = 0
        self._events: list[dict] = []
        self.requests: list[str] = []
        target = self._send("Target.createTarget", {"url": "about:blank"})["targetId"]
        self._session = self._send("Target.attachToTarget", {"targetId": target, "flatten": True})[
            "sessionId"
        ]
        self.call("Network.enable")
        self.call("Page.enable")

    def open(self, url: str) -> None:
        """Load ``url`` and wait for its load event (a fragment: for the in-page jump)."""
        same_page = "#" in url and self.evaluate("location.href").split("#")[0] == url.split("#")[0]
        self._events.clear()  # a load event of the previous page must not count
        self.requests.clear()
        self.call("Page.navigate", {"url": url})
        self._wait("Page.navigatedWithinDocument" if same_page else "Page.loadEventFired")

    def evaluate(self, expression: str):
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        return result["result"].get("value")

    def screenshot(self, path: Path) -> None:
        data = self.call("Page.captureScreenshot", {"format": "png"})["data"]
        path.write_bytes(base64.b64decode(data))

    def close(self) -> None:
        with contextlib.suppress(OSError, EOFError, TimeoutError):  # it may be gone already
            self._send("Browser.close")
        try:
            self.process.wait(timeout=DEADLINE)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self._to_browser)
        os.close(self._from_browser)
        self._log.close()

    def call(self, method: str, params: dict | None = None) -> dict:
        return self._send(method, params, self._session)

    def _send(self, method: str, params: dict | None = None, session: str | None = None) -> dict:
        self._last_id += 1
        message = {"id": self._last_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._receive()
            if reply.get("id") == self._last_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply["result"]
            self._events.append(reply)

    def _wait(self, event: str) -> dict:
        while True:
            for position, message in enumerate(self._events):
                if message.get("method") == event:
                    return self._events.pop(position)
            self._events.append(self._receive())

    def _receive(self) -> dict:
        while b"\0" not in self._buffer:
            ready, _, _ = select.select([self._from_browser], [], [], DEADLINE)
            if not ready:
                raise TimeoutError(f"Chromium said nothing for {DEADLINE} s")
            chunk = os.read(self._from_browser, 1 << 16)
            if not chunk:
                raise EOFError("Chromium closed the protocol pipe")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        message = json.loads(raw)
        if message.get("method") == "Network.requestWillBeSent":
            self.requests.append(message["params"]["request"]["url"])
        return message


def assert_offline_with_working_links(page: Page, url: str) -> None:
    """Open ``url``: the file itself is the only request, nothing can load anything, and
    every in-page link has its target."""
    page.open(url)
    assert page.requests == [url]  # the file itself, nothing else
    assert page.evaluate("document.querySelectorAll('script, img, link, iframe').length") == 0
    dangling = page.evaluate(
        "[...document.querySelectorAll('a[href^=\"#\"]')]"
        ".map(a => a.getAttribute('href').slice(1))"
        ".filter(id => !document.getElementById(id))"
    )
    assert dangling == []
