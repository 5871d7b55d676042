"""
The peer column of `npm run bench`: secsgml (github.com/john-friedman/secsgml, pure Python), timed on the same bytes
as edgar-extract in the same session. Not part of edgar-extract; the peer itself is never committed (peers/ is ignored).

usage: python3 bench/secsgml-peer.py PEER_DIR < cases.json
cases.json: [{"name": ..., "files": [paths], "runs": N, "warmup": W}, ...]
prints: {"version": ..., "cases": [{"name": ..., "ms": median milliseconds for all files of the case}]}
"""
import json
import sys
import time

sys.path.insert(0, sys.argv[1])
from secsgml import parse_sgml_content_into_memory  # noqa: E402


def median(values):
    s = sorted(values)
    mid = len(s) // 2
    return s[mid] if len(s) % 2 else (s[mid - 1] + s[mid]) / 2


def main():
    cases = json.load(sys.stdin)
    out = []
    for case in cases:
        blobs = []
        for path in case["files"]:
            with open(path, "rb") as f:
                blobs.append(f.read())
        failures = 0

        def run_once():
            nonlocal failures
            for b in blobs:
                try:
                    parse_sgml_content_into_memory(bytes_content=b)
                except Exception:
                    # The peer gives up on some shapes (e.g. PDS .nc files); counted, and its time still measured.
                    failures += 1

        for _ in range(case.get("warmup", 1)):
            run_once()
        samples = []
        for _ in range(case["runs"]):
            t0 = time.perf_counter()
            run_once()
            samples.append((time.perf_counter() - t0) * 1000)
        out.append({"name": case["name"], "ms": median(samples), "failures": failures // (case["runs"] + case.get("warmup", 1))})
    json.dump({"python": sys.version.split()[0], "cases": out}, sys.stdout)


main()
