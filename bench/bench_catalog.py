"""How long the built-in catalog takes to load (it is read at app start).

Prints: import of the catalog module, the first (parsing) load in a fresh
process, a re-parse of the content folder, and the cached call.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

FRESH = """
import time
t0 = time.perf_counter()
from stretchguide.core import catalog
t1 = time.perf_counter()
catalog.load_builtin()
t2 = time.perf_counter()
print(f"{(t1 - t0) * 1000:.2f} {(t2 - t1) * 1000:.2f}")
"""


def main() -> None:
    imports, firsts = [], []
    for _ in range(7):
        out = subprocess.run([sys.executable, "-c", FRESH], capture_output=True, text=True)
        a, b = map(float, out.stdout.split())
        imports.append(a)
        firsts.append(b)
    print(f"catalog import (fresh process, median of 7): {statistics.median(imports):.1f} ms")
    print(f"load_builtin first call (median of 7):        {statistics.median(firsts):.1f} ms")

    from stretchguide.core import catalog
    from stretchguide.core.catalog import reader

    folder = reader._content_dir()
    runs = []
    for _ in range(20):
        t = time.perf_counter()
        cat = catalog.load_catalog_dir(folder)
        runs.append(time.perf_counter() - t)
    print(
        f"re-parse content folder (median of 20):       {statistics.median(runs) * 1000:.1f} ms"
        f"  ({len(cat.exercises)} exercises, {len(cat.routines)} routines)"
    )
    catalog.load_builtin()
    t = time.perf_counter()
    for _ in range(10000):
        catalog.load_builtin()
    print(f"load_builtin cached call:                     {(time.perf_counter() - t) * 100:.3f} us")


if __name__ == "__main__":
    main()
