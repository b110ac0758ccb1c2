"""The recognizer: endpointer + decoder + the whole-utterance rule.

No Qt. The app feeds it microphone audio from a worker thread; the
`voice-check` command and the tests feed it WAV files. Both go through
`Recognizer.feed`, so what the CLI reports is what the app would have done.

Audio is 16 kHz, mono, signed 16-bit little-endian. Nothing is written to
disk: the language model and dictionary are built in a temporary folder
that is removed as soon as the decoder has read them.

Why this file stays whole: an utterance's life (the endpointer's cut, the
held start, the decoder, the second look, the acoustic checks, the second
ear's question) is one state machine over the same few fields; what could
stand apart already has (acoustics, endpointer, own_voice, second_ear).
"""

from __future__ import annotations

import math
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from stretchguide.voice.acoustics import (
    AGC_JUDGE_BYTES,
    _utterance_gain,
    _with_noise_floor,
    audible,
    is_changing,
    is_tone,
    is_voiced,
)
from stretchguide.voice.commands import (
    EXTRA_PRONUNCIATIONS,
    RIVALS,
    SECOND_LOOK,
    Command,
    accept,
    app_corpus,
    app_lines,
    corpus,
    grammar,
    normalise,
    normalise_tokens,
    settle,
)
from stretchguide.voice.endpointer import END_WINDOW_S, RATIO, Endpointer
from stretchguide.voice.errors import AudioFileError as AudioFileError  # callers import them here
from stretchguide.voice.errors import VoiceUnavailableError as VoiceUnavailableError
from stretchguide.voice.errors import engine_failed, engine_missing
from stretchguide.voice.own_voice import OwnVoice, default_own_voice
from stretchguide.voice.second_ear import Heads, SecondEar
from stretchguide.voice.wav import read_recording as read_recording
from stretchguide.voice.wav import read_wav as read_wav

SAMPLE_RATE = 16000
SAMPLE_BYTES = 2


@dataclass(frozen=True)
class Heard:
    """One accepted command.

    Times are seconds from the start of the audio fed in: ``start_s`` and
    ``end_s`` bound the speech as the endpointer saw it, ``decided_s`` is how
    far the audio had got when the command was known, and ``decode_s`` is the
    processor time the final decode took (both count towards latency).
    """

    command: Command
    text: str
    start_s: float
    end_s: float
    decided_s: float
    decode_s: float
    second_ear: bool = False  # found by the second ear, not the language model (``text``)


@dataclass(frozen=True)
class Utterance:
    """Every utterance the endpointer closed, command or not (for reports)."""

    text: str
    start_s: float
    end_s: float
    command: Command | None
    own_text: str = ""  # what the own-speech model heard, when it is on
    own_clip: str = ""  # the app's clip a would-be command matched (so it was not one)
    hurt_score: float | None = None  # the second ear's hurt head, where it was asked
    command_score: float | None = None  # its command head, for the command it weighed
    dropped: bool = False  # the language model's command, which the second ear doubted away


def _engine() -> Any:
    try:
        import pocketsphinx  # type: ignore[import-untyped]
    except ImportError as exc:
        raise engine_missing() from exc
    return pocketsphinx


def _read_dictionary(path: Path, words: set[str]) -> list[str]:
    lines: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            head = line.split(" ", 1)[0]
            if head.split("(")[0] in words:
                lines.append(line.rstrip("\n"))
    return lines


DICTIONARY = Path(__file__).with_name("commands.dict")


def model_path(sub: str) -> str:
    """A file or folder of the engine's English model.

    Looked up beside the module first: in the PyInstaller bundle that is
    where the spec puts it, and the engine's own lookup goes through an
    import spec a frozen app does not have.
    """
    ps = _engine()
    here = Path(ps.__file__).resolve().parent / "model" / sub
    return str(here) if here.exists() else str(ps.get_model_path(sub))


def dictionary_lines(
    cmudict: Path, extra_sentences: tuple[str, ...] = (), app: tuple[str, ...] | None = None
) -> list[str]:
    """The pronunciations of the model's words that the engine's dictionary has.

    tools/gen_voice_dict.py writes these, with the words of the app's own
    lines it lacks, to commands.dict, so the app and the bundle need not
    carry the engine's 3 MB dictionary.
    """
    sentences = corpus(extra_sentences) + app_corpus(app)
    words = {w for s in sentences for w in s.split()} | set(RIVALS)
    entries = _read_dictionary(cmudict, words)
    for word, phones in EXTRA_PRONUNCIATIONS.items():
        entries.append(f"{word} {phones}")
    return sorted(entries)


def build_model(
    folder: Path, extra_sentences: tuple[str, ...] = (), *, own_speech: bool = False
) -> tuple[Path, Path | None, Path]:
    """Write the command model, the own-speech model and their dictionary into ``folder``.

    Sentences with a word the dictionary lacks are left out rather than
    guessed at. Returns (command lm, own-speech lm or None, dictionary) paths.
    """
    _engine()
    from pocketsphinx.lm import ArpaBoLM  # type: ignore[import-untyped]

    entries = DICTIONARY.read_text(encoding="utf-8").splitlines()
    if extra_sentences:
        cmudict = Path(model_path("en-us/cmudict-en-us.dict"))
        entries = sorted({*entries, *dictionary_lines(cmudict, extra_sentences)})
    known = {e.split(" ", 1)[0].split("(")[0] for e in entries}
    models = [("commands", corpus(extra_sentences))]
    if own_speech:
        models.append(("app", app_corpus()))
    paths: list[Path] = []
    for name, lines in models:
        usable = [s for s in lines if all(w in known for w in s.split())]
        lm = ArpaBoLM(text="\n".join(usable) + "\n", add_start=True)
        lm.compute()
        paths.append(folder / f"{name}.lm")
        lm.write_file(str(paths[-1]))
    dict_path = folder / "commands.dict"
    dict_path.write_text("\n".join(entries) + "\n", encoding="utf-8")
    return paths[0], (paths[1] if own_speech else None), dict_path


class Recognizer:
    """Turns a stream of 16 kHz audio into commands, one whole utterance at a time.

    Not thread-safe: one thread feeds it. ``feed`` returns the commands the
    audio completed; ``ignore`` advances the clock over audio that must not be
    heard (the app speaking) and drops any utterance it interrupts.
    """

    def __init__(
        self,
        extra_sentences: tuple[str, ...] = (),
        *,
        endpoint_window_s: float = END_WINDOW_S,
        endpoint_ratio: float = RATIO,
        agc: bool = True,
        engine_options: dict[str, Any] | None = None,
        cpu_clock: Callable[[], float] = time.process_time,
        own_speech_check: bool = False,
        own_voice: bool | OwnVoice = True,
        second_ear: bool | Heads = True,
    ) -> None:
        ps = _engine()
        self._ps = ps
        self._cpu_clock = cpu_clock
        self._window = endpoint_window_s
        self._ratio = endpoint_ratio
        self._agc = agc
        self._gain = 1.0
        self._held: list[bytes] = []
        self._holding = False  # the utterance's start is held back from the decoder
        self._voiced = False
        self._heard_pcm: list[bytes] = []
        self._decoded: list[bytes] = []  # what the decoder got, for a second look
        self.min_frame_score = MIN_FRAME_SCORE
        self.last_frame_score = 0.0
        self._judge: Any = None
        try:
            with tempfile.TemporaryDirectory(prefix="stretchguide-voice-") as tmp:
                lm_path, app_lm_path, dict_path = build_model(
                    Path(tmp), extra_sentences, own_speech=own_speech_check
                )

                def decoder(**search: str) -> Any:
                    return ps.Decoder(
                        ps.Config(
                            hmm=model_path("en-us/en-us"),
                            **search,
                            dict=str(dict_path),
                            samprate=SAMPLE_RATE,
                            loglevel="FATAL",
                            **(ENGINE_OPTIONS | (engine_options or {})),
                        )
                    )

                self._decoder = decoder(lm=str(lm_path))
                # A decoder of its own: the same grammar as a second search
                # of the first decoder heard "next" as a broken-off "it".
                grammar_path = Path(tmp) / "commands.gram"
                grammar_path.write_text(grammar(), encoding="utf-8")
                self._commands_only = decoder(jsgf=str(grammar_path))
                if app_lm_path is not None:
                    self._judge = decoder(lm=str(app_lm_path))
        except VoiceUnavailableError:
            raise
        except Exception as exc:  # the engine's own errors carry no type of their own
            raise engine_failed(exc) from exc
        self._app_lines = set(app_lines()) if self._judge is not None else set()
        if own_voice is True:  # the app's own clips, to tell its voice from a command
            own_voice = default_own_voice(endpoint_window_s, endpoint_ratio) or False
        self._own_voice = own_voice if isinstance(own_voice, OwnVoice) and own_voice else None
        self.last_own_text = ""
        self._second_ear = SecondEar(second_ear)  # voice/second_ear.py
        self._new_endpointer()
        self._pending = b""
        self._samples = 0
        self._in_utt = False
        self.utterances: list[Utterance] = []

    def _new_endpointer(self) -> None:
        self._ep = Endpointer(self._ps, SAMPLE_RATE, end_window_s=self._window, ratio=self._ratio)
        self._frame_bytes = int(self._ep.frame_bytes)
        self._ep_origin = 0  # samples already fed before this endpointer

    @property
    def position_s(self) -> float:
        """Seconds of audio fed or ignored so far."""
        return self._samples / SAMPLE_RATE

    @property
    def in_speech(self) -> bool:
        """True while an utterance is open (the person is talking)."""
        return self._in_utt

    def reset(self, keep_adaptation: bool = False) -> None:
        """Start again at time zero (a new recording, a new session)."""
        self._abandon()
        if not keep_adaptation:
            self._new_endpointer()  # the detector's noise level learnt afresh too
            # Not set_cmn(the model's mean): that kept the running sums the
            # live mean is updated from, and a recording's result depended
            # on the ones heard before it. 0.1 ms.
            self._decoder.reinit_feat()
            if self._judge is not None:
                self._judge.reinit_feat()
        self._samples = 0
        self._ep_origin = 0
        self._second_ear.clear()
        self.utterances.clear()

    def ignore(self, pcm_or_seconds: bytes | float) -> None:
        """Let time pass without listening; an open utterance is dropped."""
        if isinstance(pcm_or_seconds, bytes):
            n = len(pcm_or_seconds) // SAMPLE_BYTES
        else:
            n = int(round(pcm_or_seconds * SAMPLE_RATE))
        self._abandon()
        self._samples += n
        self._second_ear.clear()  # the app's own voice: never heard, not even by the second ear

    def _abandon(self) -> None:
        if self._in_utt:
            self._decoder.end_utt()
            if self._judge is not None:
                self._judge.end_utt()
            self._in_utt = False
        self._pending = b""
        self._ep.restart()  # keeps the noise level learnt: the room is the same
        self._ep_origin = self._samples

    def feed(self, pcm: bytes) -> list[Heard]:
        """Hear ``pcm``; return the commands whose utterances ended in it."""
        heard: list[Heard] = []
        data = self._pending + pcm
        fb = self._frame_bytes
        usable = len(data) - len(data) % fb
        for offset in range(0, usable, fb):
            frame = data[offset : offset + fb]
            self._samples += fb // SAMPLE_BYTES
            self._second_ear.hear(frame)
            result = self._step(self._ep.process(audible(frame)))
            if result is not None:
                heard.append(result)
        self._pending = data[usable:]
        return heard

    def finish(self) -> list[Heard]:
        """End of the stream: close an utterance still open."""
        tail = self._pending
        self._pending = b""
        self._samples += len(tail) // SAMPLE_BYTES
        self._second_ear.hear(tail)
        # Always through the endpointer, even with no tail: speech running to
        # the end of a recording is still in its queue (up to 0.27 s).
        # An open utterance always closes here: the endpointer is then out of speech.
        result = self._step(self._ep.end_stream(tail))
        return [result] if result is not None else []

    def _step(self, speech: bytes | None) -> Heard | None:
        if speech is None:
            return None
        if not self._in_utt:
            self._decoder.start_utt()
            if self._judge is not None:
                self._judge.start_utt()
            self._in_utt = True
            self._held = []
            self._heard_pcm = []
            self._decoded = []
            self._gain = 0.0 if self._agc else 1.0
            self._holding = True
            self._voiced = False
        started = self._cpu_clock()
        self._heard_pcm.append(speech)
        fb = self._frame_bytes  # frame by frame, however many the endpointer hands on
        for piece in [speech[i : i + fb] for i in range(0, len(speech), fb)] or [b""]:
            if self._holding:
                # The start of the utterance waits until its gain can be
                # judged (on its first 0.3 s) and it has a voice in it:
                # room noise the detector took for speech is never decoded,
                # which was nearly all the CPU of listening to a loud room.
                # Speech has its first voiced frame within 0.3 s, so only
                # the start of decoding waits, not the answer.
                self._held.append(piece)
                if not self._voiced and is_voiced(piece):
                    self._voiced = True
                if self._gain == 0.0 and (
                    sum(map(len, self._held)) >= AGC_JUDGE_BYTES or not self._ep.in_speech
                ):
                    self._gain = _utterance_gain(b"".join(self._held))
                if self._gain != 0.0 and self._voiced:
                    self._flush_held()
            elif piece:  # the engine rejects an empty buffer
                self._process(_with_noise_floor(piece, self._gain))
        if self._ep.in_speech:
            return None
        return self._close(started)

    def _flush_held(self) -> None:
        # Block by block, as they came: the engine's result depends a little
        # on how its input is cut, and loud speech (gain 1) must decode
        # exactly as it would with no gain control at all.
        for block in self._held:
            if block:
                self._process(_with_noise_floor(block, self._gain))
        self._held = []
        self._holding = False

    def _process(self, pcm: bytes) -> None:
        self._decoded.append(pcm)
        self._decoder.process_raw(pcm, False, False)
        if self._judge is not None:
            self._judge.process_raw(pcm, False, False)

    def _second_look(
        self, command: Command | None, text: str, allowed: frozenset[Command]
    ) -> tuple[Command | None, str]:
        """The utterance heard again against the commands and their rivals
        (commands.SECOND_LOOK, RIVALS; what it then is: commands.settle)."""
        return settle(command, text, allowed, self._grammar_hears(b"".join(self._decoded)))

    def _grammar_hears(self, pcm: bytes) -> str:
        """What the commands-and-rivals grammar, made to choose, hears in ``pcm``."""
        d = self._commands_only
        d.reinit_feat()  # nothing kept from earlier looks (see reset)
        d.set_cmn(self._decoder.get_cmn(False))  # the room and voice as learnt so far
        d.start_utt()
        d.process_raw(pcm, False, True)
        d.end_utt()
        hyp = d.hyp()
        return normalise(hyp.hypstr) if hyp is not None else ""

    def _frame_score(self) -> float:
        # The engine gives each segment's acoustic score as a probability;
        # its log over the utterance's frames is how well, on average, the
        # command's sounds explain each 10 ms of the audio. The end-of-
        # sentence segment repeats the last word's score, so it is skipped.
        total = 0.0
        for seg in self._decoder.seg():
            if seg.word == "</s>":
                continue
            if seg.ascore <= 0.0:
                return -math.inf
            total += math.log(seg.ascore)
        return total / max(1, int(self._decoder.n_frames()))

    def _close(self, started: float | None = None) -> Heard | None:
        if started is None:
            started = self._cpu_clock()
        if self._holding:
            # No pitch in the whole utterance: a whisper, heard now, late;
            # or steady room noise, which the decoder never hears.
            held = b"".join(self._held)
            if self._voiced or is_changing(held):
                if self._gain == 0.0:
                    self._gain = _utterance_gain(held)
                self._flush_held()
            else:
                self._held, self._holding = [], False
        self._decoder.end_utt()
        self._in_utt = False
        hyp = self._decoder.hyp()
        text = hyp.hypstr if hyp is not None else ""
        self.last_own_text = ""
        if self._judge is not None:
            self._judge.end_utt()
            own = self._judge.hyp()
            self.last_own_text = normalise_tokens(own.hypstr if own is not None else "")
        start_s = float(self._ep.speech_start) + self._ep_origin / SAMPLE_RATE
        end_s = float(self._ep.speech_end) + self._ep_origin / SAMPLE_RATE
        command = accept(text)
        allowed = SECOND_LOOK.get(normalise(text))
        if allowed is not None:
            command, text = self._second_look(command, text, allowed)
        heard, self._heard_pcm = b"".join(self._heard_pcm), []
        # Once, and only for what was decoded (room noise never is: no command,
        # and nothing for the second ear).
        tone = bool(self._decoded) and is_tone(heard)
        if command is not None and tone:
            command = None
        if command is not None:
            self.last_frame_score = self._frame_score()
            if self.last_frame_score < self.min_frame_score:
                command = None
        hurt_score = command_score = None
        first = command
        dropped = False
        # Speech, command or not; not room noise that was never decoded (it
        # costs nothing more here), nor a tone.
        if self._decoded and not tone:
            opinion = self._second_ear.judge(
                command, text, self.position_s - start_s, end_s - start_s, self._grammar_hears
            )
            command, hurt_score, command_score = (
                opinion.command,
                opinion.hurt_score,
                opinion.command_score,
            )
            dropped = first is not None and command is None
        if command is not None and self.last_own_text in self._app_lines:
            command = None  # the app's own line, as the own-speech model hears it
        own_clip = ""
        if command is not None and self._own_voice is not None:
            match = self._own_voice.is_own(heard)
            if match is not None:
                command, own_clip = None, match.clip  # the app's voice, sound for sound
        self._decoded = []
        decode_s = self._cpu_clock() - started
        self.utterances.append(
            Utterance(
                text,
                start_s,
                end_s,
                command,
                self.last_own_text,
                own_clip,
                hurt_score,
                command_score,
                dropped,
            )
        )
        if command is None:
            return None
        return Heard(command, text, start_s, end_s, self.position_s, decode_s, command is not first)


# The phone-loop lookahead (pl_window 5) is a second search that only
# prunes the first; with a model this small it prunes nothing: the same
# commands and false commands on four voice sets, 15 % less CPU idle.
ENGINE_OPTIONS: dict[str, Any] = {"pl_window": 0}

# The lowest mean acoustic log-score per 10 ms frame a command may have:
# below it the command's sounds explain the audio too poorly to act on.
# Calibrated on the bench's twelve voices, clean and far-field: every
# command heard scored -4.82 or better (the held-out voices' far-field
# "unmute" the lowest). Short words of other languages decoded as commands
# score -6.4 to -4.2 ("catorce" as "pause", "Minuten" as "resume"); the ones
# under this are no longer commands. StretchGuide's figure.
MIN_FRAME_SCORE = -5.0


def chunks(pcm: bytes, seconds: float = 0.1) -> Iterable[bytes]:
    """``pcm`` cut into blocks as a microphone would deliver them."""
    size = int(SAMPLE_RATE * seconds) * SAMPLE_BYTES
    for i in range(0, len(pcm), size):
        yield pcm[i : i + size]


def recognise(recognizer: Recognizer, pcm: bytes) -> list[Heard]:
    """Every command in a whole recording, fed as a live stream would be.

    The recording is heard twice: the first pass only lets the recognizer
    adapt to the voice and the room (its cepstral mean, and the voice
    detector's noise level), as it does to a microphone over the first
    minutes of a session; the second pass is reported. So a file's result
    does not depend on what was heard before it.
    """
    recognizer.reset()
    for block in chunks(pcm):
        recognizer.feed(block)
    recognizer.finish()
    recognizer.reset(keep_adaptation=True)
    heard: list[Heard] = []
    for block in chunks(pcm):
        heard.extend(recognizer.feed(block))
    heard.extend(recognizer.finish())
    return heard
