"""stretchguide: hands-free, voice-guided sciatica stretching with a private pain diary."""

__version__ = "0.1.0"
APP_ID = "io.github.stretchguide.StretchGuide"
