"""A good file's bytes, damaged the way files are: for the hostile corpora.

Cut short (a crash mid-write), a byte flipped (a bad disk), bytes inserted,
the start written twice (a sync tool), a NUL byte, or kept as it is.
"""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import strategies as st


def damaged(data: st.DataObject, body: bytes, hows: Sequence[str], insert_max: int = 8) -> bytes:
    """``body`` damaged in one of ``hows`` ("cut", "flip", "insert",
    "double", "nul", "keep") at a drawn place."""
    how = data.draw(st.sampled_from(list(hows)))
    at = data.draw(st.integers(0, len(body)))
    if how == "cut":
        return body[:at]
    if how == "flip" and at < len(body):
        return body[:at] + bytes([body[at] ^ data.draw(st.integers(1, 255))]) + body[at + 1 :]
    if how == "insert":
        return body[:at] + data.draw(st.binary(min_size=1, max_size=insert_max)) + body[at:]
    if how == "double":
        return body[:at] + body
    if how == "nul":
        return body[:at] + b"\x00" + body[at:]
    return body
