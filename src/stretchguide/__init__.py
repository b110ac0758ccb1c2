"""stretchguide: hands-free, voice-guided sciatica stretching with a private pain diary."""

import os as _os

# numpy's OpenBLAS starts a thread per core for a matrix product and lets
# them spin after it: the voice check's small products (voice/own_voice.py)
# cost 2.4 ms of processor time on one thread and 5.7 ms on two, and the
# spinning took another 15 ms from the decoder of each command. Nothing here
# multiplies matrices big enough to gain from threads. Set before numpy is
# first imported (anything importing it comes through this package); a
# value already in the environment wins.
_os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

__version__ = "0.1.0"
APP_ID = "io.github.stretchguide.StretchGuide"
