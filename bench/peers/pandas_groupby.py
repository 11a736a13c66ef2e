"""pandas peer: read_json(lines=True) of a canonical dump, then the slice's group-by.

Prints one JSON line: {"ms", "rows", "maxRssMb", "detail": {...}}.
"""
import json
import resource
import sys
import time

import pandas as pd


def main(path):
    started = time.perf_counter()
    df = pd.read_json(path, lines=True)
    loaded = time.perf_counter()
    latency = df["latency_ms"]
    df["ttft_ms"] = latency.str.get("ttft")
    df["total_ms"] = latency.str.get("total")
    grouped = df.groupby(["feature", "prompt_version"])
    out = grouped.agg(
        requests=("request_id", "size"),
        errors=("error_class", "count"),
        ttft_p50=("ttft_ms", lambda s: s.quantile(0.5)),
        ttft_p95=("ttft_ms", lambda s: s.quantile(0.95)),
        total_p95=("total_ms", lambda s: s.quantile(0.95)),
        tokens_in=("tokens_in", "sum"),
        tokens_out=("tokens_out", "sum"),
        cost_usd=("cost_usd", "sum"),
    )
    done = time.perf_counter()
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({
        "ms": (done - started) * 1000,
        "rows": int(len(df)),
        "maxRssMb": rss_mb,
        "detail": {"loadMs": (loaded - started) * 1000, "groupByMs": (done - loaded) * 1000, "groups": int(len(out))},
    }))


if __name__ == "__main__":
    main(sys.argv[1])
