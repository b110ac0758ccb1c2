"""Voice-command benchmark: what the recognizer hears, misses and invents.

    python bench/bench_voice.py [--cache DIR] [--quick] [--voices other] [--no-agc]
                                [--no-own-voice] [--own-speech-check] [--one-ear] [--probes]

Synthesises every command phrase with espeak-ng in six voices (speeds 130-175
words a minute, pitches 40-60), clean and far-field (sox reverb, -12 dB,
pink noise), and feeds each through the same `Recognizer` the app and
`stretchguide voice-check` use, in 100 ms blocks. Then counts false commands
in speech that is not a command: held-out sentences, the language model's
own sentences, every recorded voice clip of the app in English, German,
Spanish and French, one by one (with how many utterances the own-voice
check knew as the app's recordings), the cue sounds, silence and noise. Latency is from the
end of the speech in the file to the moment the command is known, plus the
processor time of the final decode. CPU is processor seconds per second of
audio, listening to speech and idling on room noise.

``--voices other`` runs six voices the recognizer was never tuned on,
``--voices flite`` six of flite's (a second synthesiser, if installed),
``--voices flite-varied`` flite's five voices at other speeds and pitches,
``--voices festival`` six of Festival's (a third, if installed),
``--voices default`` espeak-ng's two default English voices at five speeds
and three pitches (what a stranger tries first);
``--no-agc`` turns the recognizer's gain normalisation off, to show what it
does (far-field above all); ``--no-own-voice`` turns off the check that
knows the app's own recordings (voice/own_voice.py); ``--own-speech-check``
turns on the opt-in veto by a second model of every line the app says
(docs/PERFORMANCE.md); ``--one-ear`` leaves out the second ear
(voice/second_ear.py); ``--probes`` runs only the probes of what a person
on the mat says that is not a command (counting aloud, the app's words said
back, interjections, everyday sentences) in eleven voices, and prints each
command they gave.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

from tests.voice.speech import (  # noqa: E402
    COUNTING_PROBES,
    DEFAULT_VOICES,
    EVERYDAY_MEANS,
    EVERYDAY_SENTENCES,
    FESTIVAL_VOICES,
    FLITE_VARIED_VOICES,
    FLITE_VOICES,
    HELD_OUT_SENTENCES,
    HURT_PHRASES,
    INTERJECTIONS,
    OTHER_VOICES,
    PROBE_VOICES,
    VARIED_VOICES,
    VOICES,
    noise,
    silence,
    synth,
)

from stretchguide.voice.commands import PHRASES, SENTENCES  # noqa: E402
from stretchguide.voice.recognizer import Recognizer, chunks, read_wav, recognise  # noqa: E402

SOUNDS = ROOT / "resources" / "sounds"


def live(r: Recognizer, pcm: bytes) -> None:
    # One pass, as the app does (recognise() hears a recording twice).
    r.reset()
    for block in chunks(pcm):
        r.feed(block)
    r.finish()


def heard_in(r: Recognizer, path: Path) -> list[str]:
    r.reset()
    return [h.command.value for h in recognise(r, read_wav(path))]


def probes(r: Recognizer, cache: Path) -> None:
    """What counting aloud, interjections and everyday sentences give, in
    the probe voices.

    A command an interjection means ("nope" as "no") is listed apart, not
    counted as false.
    """
    groups = {
        "counting aloud and the app's words said back": dict.fromkeys(COUNTING_PROBES, frozenset()),
        "interjections": INTERJECTIONS,
        "everyday sentences": {s: EVERYDAY_MEANS.get(s, frozenset()) for s in EVERYDAY_SENTENCES},
    }
    for name, texts in groups.items():
        false: Counter[str] = Counter()
        meant: Counter[str] = Counter()
        for text, means in texts.items():
            for voice in PROBE_VOICES:
                for c in heard_in(r, synth(cache, text, voice).path):
                    (meant if c in means else false)[f"{text!r} as {c!r}"] += 1
        n = len(texts) * len(PROBE_VOICES)
        print(f"\n== {name}: {sum(false.values())} false commands in {n}")
        for what, count in false.most_common():
            print(f"   {what} {count}")
        if meant:
            print(f"   and {sum(meant.values())} the words mean: {dict(meant.most_common())}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", default=None)
    ap.add_argument("--quick", action="store_true", help="three voices only")
    ap.add_argument("--skip-commands", action="store_true", help="false commands and CPU only")
    ap.add_argument("--cpu-only", action="store_true", help="CPU figures only")
    ap.add_argument(
        "--voices",
        choices=("bench", "other", "varied", "flite", "flite-varied", "festival", "default"),
        default="bench",
    )
    ap.add_argument("--no-agc", action="store_true", help="gain normalisation off")
    ap.add_argument(
        "--no-own-voice", action="store_true", help="the check for the app's own recordings off"
    )
    ap.add_argument(
        "--one-ear",
        action="store_true",
        help="without the second ear (voice/second_ear.py): the language model alone",
    )
    ap.add_argument(
        "--own-speech-check",
        action="store_true",
        help="veto a command the app's-own-lines model hears as one of its lines (opt-in)",
    )
    ap.add_argument(
        "--probes", action="store_true", help="counting, interjections and everyday sentences only"
    )
    args = ap.parse_args()
    cache = Path(args.cache or tempfile.mkdtemp(prefix="bench-voice-"))
    cache.mkdir(parents=True, exist_ok=True)
    sets = {
        "other": OTHER_VOICES,
        "varied": VARIED_VOICES,
        "flite": FLITE_VOICES,
        "flite-varied": FLITE_VARIED_VOICES,
        "festival": FESTIVAL_VOICES,
        "default": DEFAULT_VOICES,
    }
    voices = sets.get(args.voices, VOICES)
    voices = voices[:3] if args.quick else voices
    t0 = time.perf_counter()
    r = Recognizer(
        agc=not args.no_agc,
        own_speech_check=args.own_speech_check,
        own_voice=not args.no_own_voice,
        second_ear=not args.one_ear,
    )
    print(f"voices: {', '.join(f'{v}/{w}wpm/p{p}' for v, w, p in voices)}")
    print(f"gain normalisation: {'off' if args.no_agc else 'on'}")
    print(f"second ear: {'off' if args.one_ear else 'on'}")
    print(f"engine start: {time.perf_counter() - t0:.2f} s")
    if args.probes:
        probes(r, cache)
        return 0

    latencies: list[float] = []
    for far in (False, True) if not (args.skip_commands or args.cpu_only) else ():
        ok: Counter[str] = Counter()
        total: Counter[str] = Counter()
        misses: list[str] = []
        for phrase, command in PHRASES.items():
            for voice in voices:
                clip = synth(cache, phrase, voice, far=far)
                r.reset()
                heard = recognise(r, read_wav(clip.path))
                total[phrase] += 1
                if [h.command for h in heard] == [command]:
                    ok[phrase] += 1
                    if not far:
                        h = heard[0]
                        latencies.append(h.decided_s - clip.speech_end_s + h.decode_s)
                else:
                    misses.append(f"{phrase!r}/{voice[0]} -> {[u.text for u in r.utterances]}")
        hurt_ok = sum(ok[p] for p in HURT_PHRASES)
        hurt_n = sum(total[p] for p in HURT_PHRASES)
        other_ok = sum(ok.values()) - hurt_ok
        other_n = sum(total.values()) - hurt_n
        label = "far-field" if far else "clean"
        print(
            f"\n== {label}: ouch/it hurts/this hurts {hurt_ok}/{hurt_n} "
            f"({100 * hurt_ok / hurt_n:.0f} %), others {other_ok}/{other_n} "
            f"({100 * other_ok / other_n:.0f} %)"
        )
        for phrase in PHRASES:
            print(f"   {phrase:<11} {ok[phrase]}/{total[phrase]}")
        for m in misses:
            print("   miss:", m)

    print("\n== false commands")
    groups: dict[str, list[Path]] = {
        "held-out sentences": [
            synth(cache, s, v).path for s in HELD_OUT_SENTENCES for v in voices[:2]
        ],
        "model sentences": [synth(cache, s, voices[0]).path for s in SENTENCES],
        "own voice clips, one by one": sorted((SOUNDS / "voice").glob("*.wav")),
        **{
            f"own voice clips ({lang}), one by one": sorted((SOUNDS / "voice" / lang).glob("*.wav"))
            for lang in ("de", "es", "fr")
        },
        "cue sounds": sorted(SOUNDS.glob("*.wav")),
        "silence and noise": [silence(cache), noise(cache)],
    }
    for name, paths in groups.items() if not args.cpu_only else ():
        false, dropped = [], 0
        for p in paths:
            false += [(p.name, c) for c in heard_in(r, p)]
            dropped += sum(1 for u in r.utterances if u.own_clip)
        own = f" (own voice: {dropped} would-be commands dropped)" if dropped else ""
        print(f"   {name}: {len(false)} false in {len(paths)} files {false}{own}")

    print("\n== latency (clean, end of speech -> command known)")
    if latencies:
        lat = sorted(latencies)
        print(
            f"   median {statistics.median(lat):.2f} s, "
            f"90th {lat[int(0.9 * (len(lat) - 1))]:.2f} s, max {lat[-1]:.2f} s, n={len(lat)}"
        )

    print("\n== CPU (processor seconds per second of audio)")
    idle_cpu = {}
    for name, volume in (("loud room, -31 dBFS", 0.05), ("quiet room, -51 dBFS", 0.005)):
        idle = read_wav(noise(cache, 30.0, volume))
        c0 = time.process_time()
        live(r, idle)
        idle_cpu[name] = (time.process_time() - c0) / 30.0, len(r.utterances)
    speech = b"".join(read_wav(synth(cache, s, voices[0]).path) for s in HELD_OUT_SENTENCES)
    secs = len(speech) / 32000
    c0 = time.process_time()
    live(r, speech)
    busy_cpu = (time.process_time() - c0) / secs
    for name, (cpu, opened) in idle_cpu.items():
        print(f"   idle ({name} brown noise): {100 * cpu:.2f} % of a core, {opened} utterances")
    print(f"   listening to speech: {100 * busy_cpu:.1f} % of a core ({secs:.0f} s of speech)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
