"""Progress of a long command on stderr (tqdm), off when stderr is not a terminal.

Fed by the loader's ``progress(done, total)`` hook (``fields.iter_fields``), the same hook whose
calls become the desktop app's ``Progress`` events, so both show the same steps. Off a terminal
(a pipe, a log file, a test) nothing is written: scripts read stderr's one-line messages.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from tqdm import tqdm


class ProgressBar:
    """One bar per stage (``screening``, ``analysing``); each stage is a ``(done, total)``
    callback."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = bool(getattr(self.stream, "isatty", lambda: False)())
        self._bar: tqdm | None = None
        self._desc = ""

    def stage(self, desc: str) -> Callable[[int, int], None]:
        def update(done: int, total: int) -> None:
            if not self.enabled:
                return
            if self._bar is None or self._desc != desc:
                from tqdm import tqdm  # imported only for a terminal (~30 ms)

                self.close()
                self._bar = tqdm(total=total, desc=desc, unit="field", file=self.stream,
                                 leave=False, dynamic_ncols=True)
                self._desc = desc
            self._bar.update(done - self._bar.n)
        return update

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
