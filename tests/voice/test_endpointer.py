"""The endpointer: the engine's cuts, a shorter wait at the end, a start that reaches back."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.voice.speech import VOICES, noise, synth

from stretchguide.voice.endpointer import END_WINDOW_S, LEAD_GAP, LEAD_S, START_WINDOW_S, Endpointer
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
    # With its additions off: no reaching back, no loudness floor at the end.
    for pcm in recordings:
        ours = cuts(Endpointer(ps, RATE, end_window_s=START_WINDOW_S, lead_s=0, end_floor=0), pcm)
        engine = cuts(ps.Endpointer(window=START_WINDOW_S, ratio=0.9, sample_rate=RATE), pcm)
        assert ours == engine


def test_the_shorter_end_hands_on_the_same_speech_two_frames_sooner(recordings):
    assert round(START_WINDOW_S - END_WINDOW_S, 3) == 0.06
    speech = recordings[:-1]
    for pcm in speech:
        ours = cuts(Endpointer(ps, RATE, lead_s=0, end_floor=0), pcm)
        engine = cuts(ps.Endpointer(window=START_WINDOW_S, ratio=0.9, sample_rate=RATE), pcm)
        assert [c[:3] for c in ours] == [c[:3] for c in engine]
        assert [c[3] for c in ours] == [c[3] - 2 for c in engine]


def test_noise_costs_the_decoder_no_more_than_with_the_engines_window(recordings):
    # What the decoder is handed is what listening to a room costs. One
    # shorter window for both ends opened many more utterances on noise.
    room = recordings[-1]
    ours = cuts(Endpointer(ps, RATE, lead_s=0, end_floor=0), room)
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


class _Marked:
    """An engine whose detector reads each frame's first byte: 1 is speech."""

    class Vad:
        LOOSE = 0
        frame_bytes = 960
        frame_length = 0.03

        made = 0

        def __init__(self, mode: int, rate: int) -> None:
            type(self).made += 1

        def is_speech(self, frame: bytes) -> bool:
            return frame[0] == 1


def _frames(pattern: str) -> list[bytes]:
    # "S" speech, "." quiet: a marker sample (1 or 0), the frame's index to
    # tell frames apart, then 477 loud samples or zeros.
    return [
        bytes([c == "S", 0])
        + i.to_bytes(4, "little")
        + (b"\x40\x40" if c == "S" else b"\0\0") * 477
        for i, c in enumerate(pattern)
    ]


def _at_level(frame: bytes, sample: int) -> bytes:
    """``frame`` with its samples at ``sample`` (16448 is the loud level)."""
    return frame[:6] + sample.to_bytes(2, "little") * 477


def _utterances(ep: Endpointer, frames: list[bytes]) -> list[tuple[float, bytes]]:
    out, current = [], b""
    for f in frames:
        s = ep.process(f)
        if s is not None:
            current += s
            if not ep.in_speech:
                out.append((round(ep.speech_start, 3), current))
                current = b""
    return out


@pytest.mark.parametrize("gap", range(1, LEAD_GAP + 1))
def test_a_first_word_cut_off_by_a_stop_is_handed_on_with_the_rest(gap):
    # "it | hurts": a word, the stop's silence, then the rest of the phrase.
    pattern = "SSSSS" + "." * gap + "S" * 25 + "." * 12
    frames = _frames(pattern)
    [(start, handed)] = _utterances(Endpointer(_Marked, RATE), frames)
    assert start == 0.0  # the utterance starts at the first word
    assert handed == b"".join(frames[: len(handed) // 960])
    # Without the reach, the first word was left out, as the engine leaves it.
    [(start, handed)] = _utterances(Endpointer(_Marked, RATE, lead_s=0), frames)
    assert start == round((5 + gap) * 0.03, 3)
    assert handed.startswith(frames[5 + gap])


def test_the_start_does_not_reach_across_a_pause_between_words():
    pattern = "SSSSS" + "." * (LEAD_GAP + 1) + "S" * 25 + "." * 12
    frames = _frames(pattern)
    [(start, handed)] = _utterances(Endpointer(_Marked, RATE), frames)
    assert start == round((LEAD_GAP + 6) * 0.03, 3)
    assert handed.startswith(frames[LEAD_GAP + 6])


def test_the_start_reaches_back_no_further_than_its_limit():
    frames = _frames("S.S" * 20 + "S" * 25 + "." * 12)  # speech too broken to open
    [(start, handed)] = _utterances(Endpointer(_Marked, RATE), frames)
    opened = 59 * 0.03  # the first unbroken window starts at the last "S" of the pattern
    # All the way back, but not beyond (the oldest frame in reach is quiet).
    assert opened - LEAD_S - 1e-9 <= start <= opened - LEAD_S + 0.03 + 1e-9
    assert handed.startswith(frames[round(start / 0.03)])


def test_the_start_does_not_reach_back_to_a_click():
    # The detector calls a click or a breath far below the voice speech too.
    frames = _frames("SSSS." + "S" * 25 + "." * 12)
    frames[:4] = [_at_level(f, 164) for f in frames[:4]]  # 40 dB down
    [(start, handed)] = _utterances(Endpointer(_Marked, RATE), frames)
    assert start == round(5 * 0.03, 3)
    assert handed.startswith(frames[5])


def test_no_frame_is_handed_on_twice():
    # Two utterances with little quiet between them, and speech broken by
    # short gaps around them: every frame at most once, in order.
    frames = _frames(
        "S" * 20 + "." * 8 + "S.S" + "S" * 20 + "." * 8 + "SS.S" * 3 + "S" * 20 + "." * 12
    )
    pieces = _utterances(Endpointer(_Marked, RATE), frames)
    assert len(pieces) == 3
    handed = b"".join(p for _, p in pieces)
    indices = [int.from_bytes(handed[i + 2 : i + 6], "little") for i in range(0, len(handed), 960)]
    assert indices == sorted(set(indices))


def test_a_restart_forgets_the_audio_but_keeps_the_detector():
    # After a gap in the stream (the app spoke), nothing from before it is
    # handed on, time starts again, and the detector's noise level stays.
    before, after = _frames("S" * 15), _frames("SSSS." + "S" * 25 + "." * 12)
    ep = Endpointer(_Marked, RATE)
    made = _Marked.Vad.made
    for cut in (15, 6):  # mid-utterance, and speech not yet enough to open one
        for f in before[:cut]:
            ep.process(f)
        assert ep.in_speech == (cut == 15)
        ep.restart()
        assert not ep.in_speech and ep.speech_start == 0.0
        [(start, handed)] = _utterances(ep, after)
        assert start == 0.0  # reaches back to the first word after the gap, not before it
        assert handed == b"".join(after[: len(handed) // 960])
    assert _Marked.Vad.made == made


def test_a_voice_fading_far_under_its_loudest_ends_the_utterance_sooner():
    # The detector's hangover calls a dying voice speech for a while; a frame
    # 40 dB under the utterance's loudest is quiet to the end rule, so the
    # answer does not wait for it. The decoder still gets those frames.
    frames = _frames("S" * 20 + "S" * 6 + "." * 12)
    frames[20:26] = [_at_level(f, 40) for f in frames[20:26]]  # 52 dB down

    def ended_at(ep: Endpointer) -> tuple[int, bytes]:
        handed = b""
        for n, f in enumerate(frames):
            handed += ep.process(f) or b""
            if n > 10 and not ep.in_speech:
                return n, handed
        raise AssertionError("never ended")

    at, handed = ended_at(Endpointer(_Marked, RATE))
    at_without, handed_without = ended_at(Endpointer(_Marked, RATE, end_floor=0))
    assert at_without - at == 6  # the six faint frames no longer hold the end open
    assert handed == handed_without == b"".join(frames[:27])  # and are decoded all the same


def test_the_floor_follows_the_loudest_frame_so_far():
    # An utterance that opens quietly and gets loud: the fading tail is
    # judged against the loud part, not the quiet opening.
    frames = _frames("S" * 15 + "S" * 15 + "S" * 6 + "." * 12)
    frames[:15] = [_at_level(f, 1000) for f in frames[:15]]  # the opening, 24 dB down
    frames[30:36] = [_at_level(f, 40) for f in frames[30:36]]  # the tail, 28 dB under the opening

    def ended_at(ep: Endpointer) -> int:
        for n, f in enumerate(frames):
            ep.process(f)
            if n > 10 and not ep.in_speech:
                return n
        raise AssertionError("never ended")

    assert (
        ended_at(Endpointer(_Marked, RATE, end_floor=0)) - ended_at(Endpointer(_Marked, RATE)) == 6
    )


def test_a_stream_ending_in_a_fading_voice_hands_all_of_it_on():
    # A recording cut off while the voice dies away (a synthesiser's file with
    # little quiet after it): the faint frames go to the decoder, as they
    # would at an end inside the stream.
    frames = _frames("S" * 20 + "S" * 4)
    frames[20:] = [_at_level(f, 40) for f in frames[20:]]
    ep = Endpointer(_Marked, RATE)
    handed = b"".join(s for f in frames if (s := ep.process(f)) is not None)
    assert ep.in_speech
    handed += ep.end_stream(b"") or b""
    assert handed == b"".join(frames)
