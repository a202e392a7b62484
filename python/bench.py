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
--runs runs, in MB/s (10^6 bytes of UTF-8).
"""

import argparse
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
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", default=os.environ.get("VITEXT_CORPUS"))
    parser.add_argument("--mb", type=float, default=1.0)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--ner-kb", type=float, default=20.0)
    args = parser.parse_args()

    lines, size = load(args.file, args.mb)
    print(f"input: {size:,} bytes, {len(lines):,} lines, {args.runs} runs each, medians")
    results = {}

    def report(name, seconds, nbytes=size):
        rate = nbytes / seconds / 1e6
        results[name] = rate
        print(f"{name:<44} {seconds * 1000:10.1f} ms {rate:9.3f} MB/s", flush=True)

    def vitext_tokenize():
        for line in lines:
            for t in vitext.tokenize(line):
                t.text
                t.kind

    report("vitext.tokenize (text and kind read)", median_seconds(vitext_tokenize, args.runs))

    try:
        from pyvi import ViTokenizer
    except ImportError:
        ViTokenizer = None
    if ViTokenizer is not None:

        def pyvi_syllables():
            for line in lines:
                ViTokenizer.ViTokenizer.sylabelize(line)

        report("pyvi ViTokenizer.sylabelize", median_seconds(pyvi_syllables, args.runs))

    try:
        from underthesea.pipeline.word_tokenize.regex_tokenize import tokenize as uts_tokenize
    except ImportError:
        uts_tokenize = None
    if uts_tokenize is not None:

        def underthesea_tokens():
            for line in lines:
                uts_tokenize(line)

        report("underthesea regex_tokenize", median_seconds(underthesea_tokens, args.runs))

    def vitext_extract():
        for line in lines:
            for e in vitext.extract(line):
                e.kind
                e.text

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
            for line in sample:
                ner(line)

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
