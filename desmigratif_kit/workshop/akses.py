"""Who may open the results board: the facilitator PIN, with a back-off after wrong tries.

The server makes the PIN and hands it to its kernels (:mod:`desmigratif_kit.core.pin`). The
board shows nothing until :meth:`PinGuard.check` says the PIN is right. After a wrong PIN the
next try is refused for a while, doubling with each wrong try in a row (2, 4, 8, ... seconds,
at most :data:`MAX_WAIT_S`), so guessing a 6-digit PIN by hand is hopeless; a right PIN
resets the count. Without a PIN from the server (JupyterLab, a plain ``voila``) nothing opens.

>>> now = [100.0]
>>> guard = PinGuard("482913", clock=lambda: now[0])
>>> guard.check("111111")
Percobaan(boleh=False, alasan='salah', tunggu_s=2)
>>> guard.check("482913")  # too soon: not even checked
Percobaan(boleh=False, alasan='tunggu', tunggu_s=2)
>>> now[0] += 2; guard.check("482 913")
Percobaan(boleh=True, alasan='benar', tunggu_s=0)
>>> PinGuard(None).check("482913")
Percobaan(boleh=False, alasan='tanpa_pin', tunggu_s=0)
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import NamedTuple

from desmigratif_kit.core.pin import configured_pin, pin_matches

FIRST_WAIT_S = 2
MAX_WAIT_S = 60


class Percobaan(NamedTuple):
    """The answer to one try: allowed or not, why (``benar``, ``salah``, ``tunggu``,
    ``tanpa_pin``), and how many seconds to wait before the next try."""

    boleh: bool
    alasan: str
    tunggu_s: int


class PinGuard:
    """Checks PINs for one board (one kernel), with an exponential back-off."""

    def __init__(
        self,
        expected: str | None = ...,
        clock: Callable[[], float] = time.monotonic,
        first_wait_s: float = FIRST_WAIT_S,
        max_wait_s: float = MAX_WAIT_S,
    ):
        self.expected = configured_pin() if expected is ... else expected
        self.clock = clock
        self.first_wait_s = first_wait_s
        self.max_wait_s = max_wait_s
        self.wrong_in_a_row = 0
        self.locked_until = 0.0

    def wait_s(self) -> int:
        """Seconds before the next try is looked at (0: now)."""
        return max(0, math.ceil(self.locked_until - self.clock()))

    def check(self, given: str) -> Percobaan:
        if not self.expected:
            return Percobaan(False, "tanpa_pin", 0)
        waiting = self.wait_s()
        if waiting:
            return Percobaan(False, "tunggu", waiting)
        if pin_matches(given, self.expected):
            self.wrong_in_a_row = 0
            return Percobaan(True, "benar", 0)
        self.wrong_in_a_row += 1
        wait = min(self.first_wait_s * 2 ** (self.wrong_in_a_row - 1), self.max_wait_s)
        self.locked_until = self.clock() + wait
        return Percobaan(False, "salah", math.ceil(wait))
