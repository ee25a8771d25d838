"""How long the children's roster takes to assess: 5,000 measurements and more.

    .venv/bin/python benchmarks/bench_parenting_roster.py            # 5,000 rows, 5 runs
    .venv/bin/python benchmarks/bench_parenting_roster.py --rows 50000 --runs 3

The rows are the synthetic roster's (``data/sample/anak_desa_sintetis.csv``) repeated, each copy
under other child ids, so every z-score, category, flag and N/T status is computed for real.
Prints the best and median time of ``assess_roster``, of ``zscores_frame`` alone, and of
``count_children`` (which assesses the roster and counts it), plus one ``zscores`` call for
comparison. The first run also loads WHO's tables (reported apart).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desmigratif_kit.parenting import (  # noqa: E402
    SAMPLE_REFERENCE_DATE_ANAK,
    assess_roster,
    count_children,
    load_sample_roster,
    zscores,
    zscores_frame,
)
from desmigratif_kit.parenting.growth import _table  # noqa: E402


def roster_of(rows: int) -> pd.DataFrame:
    """``rows`` measurement rows: copies of the sample roster, each copy its own children."""
    sample = load_sample_roster()
    copies = []
    for copy in range(rows // len(sample) + 1):
        part = sample.copy()
        part["id_anak"] = part["id_anak"].astype("object") + f"-{copy}"
        copies.append(part)
    return pd.concat(copies, ignore_index=True).head(rows)


def timed(function, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return times


def main(argv: list[str] | None = None) -> dict[str, float]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)

    start = time.perf_counter()
    for name in ("bb_u", "tb_u", "imt_u", "panjang", "tinggi"):
        _table(name)
    tables = time.perf_counter() - start
    roster = roster_of(args.rows)
    frame_inputs = assess_roster(roster.head(1))  # warm-up
    del frame_inputs
    results = {"who_tables_s": tables}
    print(f"WHO tables loaded once per process: {tables * 1000:.0f} ms")
    print(
        f"{len(roster):,} measurement rows, {roster['id_anak'].nunique():,} children; "
        f"best / median of {args.runs} runs"
    )
    jobs = {
        "assess_roster": lambda: assess_roster(roster),
        "zscores_frame": lambda: zscores_frame(roster["jenis_kelamin"], 400, roster["berat_kg"],
                                               roster["tinggi_cm"], roster["cara_ukur"]),
        "count_children": lambda: count_children(roster, SAMPLE_REFERENCE_DATE_ANAK),
    }  # fmt: skip
    for name, job in jobs.items():
        times = timed(job, args.runs)
        results[f"{name}_s"] = min(times)
        print(
            f"  {name:<15} {min(times) * 1000:8.1f} ms  {statistics.median(times) * 1000:8.1f} ms"
        )
    one = timed(lambda: zscores("L", 400, 9.6, 75.0, "terlentang"), 200)
    results["zscores_one_s"] = statistics.median(one)
    print(f"  zscores (one child)  {statistics.median(one) * 1000:.2f} ms")
    return results


if __name__ == "__main__":
    main()
