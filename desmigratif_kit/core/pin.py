"""The facilitator PIN: made by the server at start, handed to the kernels, checked by the board.

The workshop server makes a PIN when it starts (:func:`new_pin`, or takes one given with
``--pin``), prints it in its start-up banner for the facilitator, and puts it in the
environment variable :data:`ENV_PIN`, which every kernel it starts inherits. The results board
(``workshop.apps.papan_hasil``) reads it with :func:`configured_pin` and shows nothing until the
right PIN is typed (:func:`pin_matches`). Participants never see the banner, so they cannot open
the board even though every page runs on the same server.

>>> len(new_pin()), new_pin().isdigit()
(6, True)
>>> pin_matches(" 123 456 ", "123456"), pin_matches("123457", "123456")
(True, False)
>>> normalize_pin("12a4")
Traceback (most recent call last):
...
ValueError: PIN must be 4-12 digits, got '12a4'
"""

from __future__ import annotations

import hmac
import os
import re
import secrets

ENV_PIN = "DESMIGRATIF_PIN"
"""The environment variable that carries the facilitator PIN from the server to its kernels."""
PIN_DIGITS = 6
_PIN = re.compile(r"\d{4,12}")


def new_pin(digits: int = PIN_DIGITS) -> str:
    """A random PIN of ``digits`` digits (``secrets``: not guessable from earlier PINs)."""
    return "".join(secrets.choice("0123456789") for _ in range(digits))


def normalize_pin(text: str) -> str:
    """The PIN without spaces or hyphens; ``ValueError`` unless 4-12 digits remain."""
    cleaned = re.sub(r"[\s\-.]", "", str(text or ""))
    if not _PIN.fullmatch(cleaned):
        raise ValueError(f"PIN must be 4-12 digits, got {text!r}")
    return cleaned


def configured_pin() -> str | None:
    """The PIN the server handed this process (``None`` outside the workshop server)."""
    value = os.environ.get(ENV_PIN, "").strip()
    try:
        return normalize_pin(value) if value else None
    except ValueError:
        return None


def pin_matches(given: str, expected: str | None) -> bool:
    """Whether ``given`` is the PIN ``expected`` (constant time; ``False`` when none is set)."""
    if not expected:
        return False
    try:
        cleaned = normalize_pin(given)
    except ValueError:
        return False
    return hmac.compare_digest(cleaned.encode(), expected.encode())
