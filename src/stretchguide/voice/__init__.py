"""Hands-free voice commands: a recognizer with no Qt in it.

`commands` is standard library only (the vocabulary and the acceptance
rule); `recognizer` wraps the optional pocketsphinx engine. The app's
capture and threading live in `stretchguide.qt.voice`.
"""
