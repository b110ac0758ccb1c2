"""The History page, this checkout against another, in alternated runs.

On a shared machine the load drifts over minutes, so two tables taken one
after the other compare badly; this runs the two codes turn about, one
fresh process each, and prints the medians side by side (warm click ->
painted, the whole history read, range buttons and zoom, all CPU ms).

    python bench/compare_history_page.py --other OTHER_CHECKOUT/src
        [--years 10,30] [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

import bench_history_page as page


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--other", type=Path, required=True)
    parser.add_argument("--years", default="10,30")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cold", action="store_true", help="pyqtgraph not imported first")
    default_root = Path(tempfile.gettempdir()) / "stretchguide-bench-history"
    parser.add_argument("--data-root", type=Path, default=default_root)
    args = parser.parse_args(argv)
    cache = Path(tempfile.mkdtemp(prefix="sg-pycache-"))
    envs = {}
    for name, src in (("this", page.SRC), ("other", args.other.resolve())):
        page.SRC = src
        envs[name] = page.child_env("offscreen", None, cache)
    keys = ("open_cpu_ms", "whole_cpu_ms", "range_cpu_ms", "range_med_cpu_ms", "zoom_cpu_ms",
            "zoom_med_cpu_ms", "open_ms")  # fmt: skip
    print("years | code | " + " | ".join(keys) + f"  (medians of {args.runs}, offscreen)")
    for y in (float(v) for v in args.years.split(",")):
        data = page.ensure_history(args.data_root, y)
        rows: dict[str, list[dict]] = {"this": [], "other": []}  # type: ignore[type-arg]
        for env in envs.values():
            page.run_child(data, True, env)  # compile the bytecode
        for _ in range(args.runs):
            for name, env in envs.items():
                rows[name].append(page.run_child(data, not args.cold, env))
        for name, got in rows.items():
            cells = [f"{statistics.median(float(r.get(k, 0)) for r in got):7.1f}" for k in keys]
            print(f"{y:>5g} | {name:5} | " + " | ".join(cells), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
