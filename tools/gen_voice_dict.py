"""Write src/stretchguide/voice/commands.dict: the voice model's pronunciations.

Only the words of the command model (commands + ordinary sentences), taken
from pocketsphinx's English dictionary, plus the few it lacks
(voice.commands.EXTRA_PRONUNCIATIONS). The app and the bundle read this
small file instead of the engine's 3 MB dictionary. Rerun after changing
voice/commands.py; tests/voice/test_dictionary.py fails while it is stale.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from stretchguide.voice.recognizer import DICTIONARY, dictionary_lines  # noqa: E402


def expected() -> str:
    import pocketsphinx

    cmudict = Path(pocketsphinx.get_model_path("en-us/cmudict-en-us.dict"))
    return "\n".join(dictionary_lines(cmudict)) + "\n"


def main() -> int:
    DICTIONARY.write_text(expected(), encoding="utf-8")
    print(f"wrote {DICTIONARY} ({len(expected().splitlines())} entries)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
