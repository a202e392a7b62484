"""Writes a JSON Lines corpus of a given size from the bundled sample
articles (examples/data/*.txt), for timing the Spark job on more than a
toy file.

    python examples/spark/make_corpus.py OUT.jsonl [--mb 40] [--seed 1]

Each record is one to five consecutive paragraphs of one article, with an
`id` numbering the records; articles and starting paragraphs are drawn at
random (a fixed seed gives the same file), so records differ in length and
neighbours differ in content, as in a crawl of one paper.
"""

import argparse
import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


def articles():
    for path in sorted((ROOT / "examples" / "data").glob("*.txt")):
        paragraphs = [p for p in path.read_text(encoding="utf-8").splitlines() if p.strip()]
        if paragraphs:
            yield paragraphs


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output")
    parser.add_argument("--mb", type=float, default=40.0, help="size to reach, in 10^6 bytes")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    sources = list(articles())
    limit = int(args.mb * 1_000_000)
    size = records = 0
    with open(args.output, "w", encoding="utf-8") as out:
        while size < limit:
            paragraphs = rng.choice(sources)
            first = rng.randrange(len(paragraphs))
            text = "\n".join(paragraphs[first : first + rng.randint(1, 5)])
            line = json.dumps({"id": f"r{records:07}", "text": text}, ensure_ascii=False) + "\n"
            out.write(line)
            size += len(line.encode("utf-8"))
            records += 1
    print(f"{args.output}: {records:,} records, {size:,} bytes")


if __name__ == "__main__":
    main()
