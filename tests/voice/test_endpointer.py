"""The endpointer: the engine's cuts, with a shorter wait at the end."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.voice.speech import VOICES, noise, synth

from stretchguide.voice.endpointer import END_WINDOW_S, START_WINDOW_S, Endpointer
from stretchguide.voice.recognizer import read_wav

ps = pytest.importorskip("pocketsphinx")
RATE = 16000


def cuts(ep, pcm: bytes) -> list[tuple[float, float, bytes, int]]:
    """(start s, end s, audio handed on, frame index the end was known at) per utterance."""
    fb = int(ep.frame_bytes)
    out, current = [], b""
    for n, i in enumerate(range(0, len(pcm) - len(pcm) % fb, fb)):
        speech = ep.process(pcm[i : i + fb])
        if speech is not None:
            current += speech
            if not ep.in_speech:
                out.append((round(ep.speech_start, 3), round(ep.speech_end, 3), current, n))
                current = b""
    return out


@pytest.fixture(scope="module")
def recordings(speech_cache: Path) -> list[bytes]:
    phrases = ("this hurts", "go on", "i think i need a glass of water")
    return [read_wav(synth(speech_cache, p, v).path) for p in phrases for v in VOICES[:2]] + [
        read_wav(noise(speech_cache, 30.0))
    ]


def test_with_one_window_it_cuts_exactly_as_the_engines_endpointer(recordings):
    for pcm in recordings:
        ours = cuts(Endpointer(ps, RATE, end_window_s=START_WINDOW_S), pcm)
        engine = cuts(ps.Endpointer(window=START_WINDOW_S, ratio=0.9, sample_rate=RATE), pcm)
        assert ours == engine


def test_the_shorter_end_hands_on_the_same_speech_two_frames_sooner(recordings):
    assert round(START_WINDOW_S - END_WINDOW_S, 3) == 0.06
    speech = recordings[:-1]
    for pcm in speech:
        ours = cuts(Endpointer(ps, RATE), pcm)
        engine = cuts(ps.Endpointer(window=START_WINDOW_S, ratio=0.9, sample_rate=RATE), pcm)
        assert [c[:3] for c in ours] == [c[:3] for c in engine]
        assert [c[3] for c in ours] == [c[3] - 2 for c in engine]


def test_noise_costs_the_decoder_no_more_than_with_the_engines_window(recordings):
    # What the decoder is handed is what listening to a room costs. One
    # shorter window for both ends opened many more utterances on noise.
    room = recordings[-1]
    ours = cuts(Endpointer(ps, RATE), room)
    engine = cuts(ps.Endpointer(window=START_WINDOW_S, ratio=0.9, sample_rate=RATE), room)
    quick = cuts(ps.Endpointer(window=END_WINDOW_S, ratio=0.9, sample_rate=RATE), room)
    assert sum(len(c[2]) for c in ours) <= sum(len(c[2]) for c in engine)
    assert len(ours) < len(quick)


def test_the_stream_ending_mid_speech_hands_on_the_rest():
    ep = Endpointer(ps, RATE)
    fb = ep.frame_bytes
    assert ep.end_stream(b"\0\0") is None  # nothing open: nothing to hand on
    # A loud square wave is speech to the detector for as long as it lasts.
    loud = b"".join(
        (8000 if (i // 20) % 2 else -8000).to_bytes(2, "little", signed=True)
        for i in range(fb // 2)
    )
    handed = b"".join(s for _ in range(20) if (s := ep.process(loud)) is not None)
    assert ep.in_speech
    rest = ep.end_stream(b"\1\0")
    assert rest is not None and not ep.in_speech
    assert len(handed) + len(rest) == 20 * fb + 2  # every frame once, and the tail
