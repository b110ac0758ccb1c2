"""Peak memory and time of the exports, per history length.

Each export runs in a fresh process (so the peak is its own): open the
generated history, call the public ``store.exchange.export_json`` or
``export_csv``, and report the process's peak resident memory
(``ru_maxrss``) and the wall time. What it measures is whatever
store/exchange/export.py does; the goal (issue 19) is under 150 MB at any length.
The JSON export is then imported into an empty history in a process of its
own (``store.exchange.import_json``), with the same figures.

    python bench/bench_export_memory.py [--years 1,10,30] [--data-root DIR]

Histories are shared with bench_history_page.py (same --data-root default).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

GOAL_MIB = 150.0

CHILD = r"""
import json, resource, sys, tempfile, time
from pathlib import Path
from stretchguide.paths import AppPaths
from stretchguide.store import exchange
from stretchguide.store.history import History
kind, data, keep = sys.argv[1], sys.argv[2], sys.argv[3]
if kind == "import":  # data: a JSON export; into an empty history
    with tempfile.TemporaryDirectory() as out, \
            History.open(AppPaths(Path(out)), backups=False) as h:
        base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        t = time.perf_counter()
        exchange.import_json(h, Path(data))
        wall = time.perf_counter() - t
    size = Path(data).stat().st_size
else:
    with History.open(AppPaths(Path(data)), backups=False) as h, \
            tempfile.TemporaryDirectory() as out:
        base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        t = time.perf_counter()
        if kind == "json":
            exchange.export_json(h, Path(out) / "history.json")
        else:
            exchange.export_csv(h, Path(out))
        wall = time.perf_counter() - t
        size = sum(p.stat().st_size for p in Path(out).iterdir())
        if keep:  # for the import that follows
            Path(out, "history.json").replace(keep)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print("RESULT " + json.dumps({"wall": wall, "peak": peak / 1024, "base": base / 1024,
                              "size": size / 2**20}))
"""


def main(argv: list[str] | None = None) -> int:
    from bench_history_page import ensure_history

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", default="1,10,30")
    default_root = Path(tempfile.gettempdir()) / "stretchguide-bench-history"
    parser.add_argument("--data-root", type=Path, default=default_root)
    args = parser.parse_args(argv)
    env_path = str(ROOT / "src")
    print("years | export | wall s | file MiB | peak RSS MiB (open history alone)")
    print("      (import: the JSON export into an empty history, in a process of its own)")
    for years in (float(y) for y in args.years.split(",")):
        data = ensure_history(args.data_root, years)
        exported = Path(tempfile.mkdtemp(prefix="stretchguide-bench-export-")) / "history.json"
        for kind in ("json", "csv", "import"):
            source, keep = (exported, "") if kind == "import" else (data, str(exported))
            out = subprocess.run(
                [sys.executable, "-c", CHILD, kind, str(source), keep if kind == "json" else ""],
                capture_output=True, text=True, check=True,
                env={"PYTHONPATH": env_path, "PATH": "/usr/bin:/bin"},
            )  # fmt: skip
            line = next(x for x in out.stdout.splitlines() if x.startswith("RESULT "))
            r = json.loads(line[7:])
            mark = "" if r["peak"] < GOAL_MIB else f"  (goal < {GOAL_MIB:.0f} MiB: not met)"
            print(
                f"{years:>5g} | {kind:<6} | {r['wall']:6.1f} | {r['size']:8.1f} | "
                f"{r['peak']:6.0f} ({r['base']:.0f}){mark}",
                flush=True,
            )
        shutil.rmtree(exported.parent)
    return 0


if __name__ == "__main__":
    sys.exit(main())
