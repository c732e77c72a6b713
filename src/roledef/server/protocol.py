"""pygls's protocol, less one leak: the future of each notification it handles is kept.

pygls (2.1) files the future of a generator handler under a fresh id in ``_request_futures``,
for requests and notifications alike, but removes it only when it answers a request. Its own
handler of ``didChange`` is such a generator, so every keystroke of an editor left a future (and
its lock) behind: about 2 KiB an edit, for as long as the server runs. Here each future a
notification adds is removed once it is done.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from pygls.protocol import LanguageServerProtocol


class Protocol(LanguageServerProtocol):
    """:class:`LanguageServerProtocol` that forgets a notification's future when it is done."""

    def _handle_notification(self, method_name: str, params: Any) -> None:
        futures = self._request_futures
        before = set(futures)
        super()._handle_notification(method_name, params)
        for msg_id in set(futures) - before:
            futures[msg_id].add_done_callback(partial(_forget, futures, msg_id))


def _forget(futures: dict[Any, Any], msg_id: Any, _done: object) -> None:
    futures.pop(msg_id, None)
