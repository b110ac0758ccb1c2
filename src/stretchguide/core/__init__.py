"""The domain: pure Python, standard library only.

Nothing in this package may import Qt (tests/core/test_core_is_pure.py checks
it), so the rules that matter to a person in pain -- how long a hold lasts,
when to stop and see a professional -- are testable in milliseconds.
"""
