"""Times vitext from Python against pyvi and underthesea on the same news
text, in one run.

    python python/bench.py [FILE] [--mb 1.0] [--runs 5] [--ner-kb 20]

FILE defaults to $VITEXT_CORPUS, else the bundled sample articles
(examples/data/*.txt). The first --mb megabytes are used, cut at a line
end; each line is one call, for every tool. pyvi and underthesea are timed
when they are installed (`pip install pyvi underthesea`); underthesea.ner
is slow, so it runs on the first --ner-kb kilobytes only and its rate is
reported per byte. The Rust tool (`vitext extract`, one thread) is timed
on the same lines when target/release/vitext exists
(`cargo build --release --features cli`). Each figure is the median of
--runs runs, in MB/s (10^6 bytes of UTF-8), with the garbage collector
off while timing, as `timeit` has it.

    python python/bench.py [FILE] --pairs 25

times only the batch call's scaling, for a shared machine whose speed
drifts: 25 pairs of a one-thread and a two-thread `extract_many`, taken in
turn (each the best of 3 calls, on fresh `str` objects, as read from a
file), and the median and range of the pairs' ratios.
"""

import argparse
import gc
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import vitext

ROOT = Path(__file__).resolve().parent.parent


def load(path, mb):
    if path:
        text = Path(path).read_text(encoding="utf-8")
    else:
        files = sorted((ROOT / "examples" / "data").glob("*.txt"))
        text = "\n".join(f.read_text(encoding="utf-8") for f in files)
    limit = int(mb * 1_000_000)
    lines, size = [], 0
    for line in text.splitlines():
        if not line.strip():
            continue
        n = len(line.encode("utf-8")) + 1
        if size + n > limit and lines:
            break
        lines.append(line)
        size += n
    return lines, size


def median_seconds(fn, runs):
    """The median time of `runs` calls of `fn`. As `timeit` does, garbage is
    collected before each call and the collector is off during it, so that
    one tool's garbage is not collected in another's time; what `fn`
    returns is freed after the clock stops, as a caller keeping its results
    would free them later."""
    times = []
    for _ in range(runs):
        gc.collect()
        gc.disable()
        try:
            start = time.perf_counter()
            kept = fn()
            times.append(time.perf_counter() - start)
            del kept
        finally:
            gc.enable()
    return statistics.median(times)


def scaling(lines, size, pairs):
    """Times `extract_many` on one thread and on two, in turn, `pairs`
    times; prints the median and range of the pairs' ratios."""

    def best_of_3(threads):
        times = []
        for _ in range(3):
            # Fresh strings: a str read from a file has no UTF-8 form yet,
            # and making it is part of the call's work.
            fresh = [(line + " ")[:-1] for line in lines]
            times.append(median_seconds(lambda: vitext.extract_many(fresh, threads=threads), 1))
        return min(times)

    print(f"input: {size:,} bytes, {len(lines):,} lines, {pairs} pairs")
    ratios, ones, twos = [], [], []
    for _ in range(pairs):
        one, two = best_of_3(1), best_of_3(2)
        ones.append(one)
        twos.append(two)
        ratios.append(one / two)
    print(
        f"extract_many threads=1 median {statistics.median(ones) * 1000:.1f} ms, "
        f"threads=2 median {statistics.median(twos) * 1000:.1f} ms"
    )
    print(
        f"threads=2 / threads=1 per pair: median {statistics.median(ratios):.2f}x, "
        f"range {min(ratios):.2f}x to {max(ratios):.2f}x"
    )
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", default=os.environ.get("VITEXT_CORPUS"))
    parser.add_argument("--mb", type=float, default=1.0)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--ner-kb", type=float, default=20.0)
    parser.add_argument("--pairs", type=int, default=0)
    args = parser.parse_args()

    lines, size = load(args.file, args.mb)
    if args.pairs > 0:
        return scaling(lines, size, args.pairs)
    # vitext is timed first: the peers' libraries, once imported, may leave
    # threads of their own running, which would take a core from the
    # two-thread batch.
    print(f"input: {size:,} bytes, {len(lines):,} lines, {args.runs} runs each, medians")
    results = {}

    def report(name, seconds, nbytes=size):
        rate = nbytes / seconds / 1e6
        results[name] = rate
        print(f"{name:<44} {seconds * 1000:10.1f} ms {rate:9.3f} MB/s", flush=True)

    def vitext_tokenize():
        kept = []
        for line in lines:
            tokens = vitext.tokenize(line)
            for t in tokens:
                t.text
                t.kind
            kept.append(tokens)
        return kept

    report("vitext.tokenize (text and kind read)", median_seconds(vitext_tokenize, args.runs))

    def vitext_extract():
        kept = []
        for line in lines:
            found = vitext.extract(line)
            for e in found:
                e.kind
                e.text
            kept.append(found)
        return kept

    report("vitext.extract (kind and text read)", median_seconds(vitext_extract, args.runs))

    for threads in (1, 2):
        report(
            f"vitext.extract_many threads={threads}",
            median_seconds(lambda: vitext.extract_many(lines, threads=threads), args.runs),
        )

    tool = ROOT / "target" / "release" / "vitext"
    if tool.exists():
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt", delete=False) as f:
            f.write("\n".join(lines) + "\n")
            name = f.name
        try:
            report(
                "vitext extract (Rust tool, 1 thread)",
                median_seconds(
                    lambda: subprocess.run(
                        [str(tool), "extract", "--threads", "1", name],
                        check=True,
                        stdout=subprocess.DEVNULL,
                    ),
                    args.runs,
                ),
            )
        finally:
            os.unlink(name)

    try:
        from pyvi import ViTokenizer
    except ImportError:
        ViTokenizer = None
    if ViTokenizer is not None:

        def pyvi_syllables():
            return [ViTokenizer.ViTokenizer.sylabelize(line) for line in lines]

        report("pyvi ViTokenizer.sylabelize", median_seconds(pyvi_syllables, args.runs))

    try:
        from underthesea.pipeline.word_tokenize.regex_tokenize import tokenize as uts_tokenize
    except ImportError:
        uts_tokenize = None
    if uts_tokenize is not None:

        def underthesea_tokens():
            return [uts_tokenize(line) for line in lines]

        report("underthesea regex_tokenize", median_seconds(underthesea_tokens, args.runs))

    try:
        from underthesea import ner
    except ImportError:
        ner = None
    if ner is not None:
        sample, sample_size = [], 0
        for line in lines:
            if sample_size >= args.ner_kb * 1000:
                break
            sample.append(line)
            sample_size += len(line.encode("utf-8")) + 1

        def underthesea_ner():
            return [ner(line) for line in sample]

        underthesea_ner()  # loads the model
        report(
            f"underthesea.ner (first {sample_size:,} bytes)",
            median_seconds(underthesea_ner, max(1, args.runs // 2)),
            sample_size,
        )

    def ratio(a, b):
        if a in results and b in results:
            print(f"{a} / {b}: {results[a] / results[b]:.2f}x")

    print()
    ratio("vitext.tokenize (text and kind read)", "pyvi ViTokenizer.sylabelize")
    ratio("vitext.tokenize (text and kind read)", "underthesea regex_tokenize")
    ner_key = next((k for k in results if k.startswith("underthesea.ner")), None)
    if ner_key:
        ratio("vitext.extract (kind and text read)", ner_key)
    ratio("vitext.extract (kind and text read)", "vitext extract (Rust tool, 1 thread)")
    ratio("vitext.extract_many threads=2", "vitext.extract_many threads=1")
    return 0


if __name__ == "__main__":
    sys.exit(main())
