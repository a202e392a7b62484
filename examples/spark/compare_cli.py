"""Checks the Spark job's Parquet output against `vitext extract --jsonl`
on the same corpus: the same entities, record by record.

    vitext extract --jsonl --normalize CORPUS.jsonl > cli.jsonl
    python examples/spark/compare_cli.py OUT.parquet cli.jsonl

Compares the multisets of (record id, kind, text); offsets differ by
design (code points in Parquet, UTF-8 bytes from the tool). Exits 1 when
they differ.
"""

import argparse
import json
import sys
from collections import Counter

from pyspark.sql import SparkSession


def main():
    parser = argparse.ArgumentParser(description="Spark output against the command-line tool")
    parser.add_argument("parquet")
    parser.add_argument("cli_jsonl")
    args = parser.parse_args()
    spark = SparkSession.builder.master("local[2]").appName("vitext-compare").getOrCreate()
    try:
        rows = spark.read.parquet(args.parquet).select("id", "kind", "text").collect()
    finally:
        spark.stop()
    spark_entities = Counter((r.id, r.kind, r.text) for r in rows)
    cli_entities = Counter()
    records = 0
    with open(args.cli_jsonl, encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            records += 1
            for e in record["entities"]:
                cli_entities[(record["id"], e["kind"], e["text"])] += 1
    print(f"Spark: {len(rows):,} rows; vitext extract: {sum(cli_entities.values()):,} entities in {records:,} records")
    by_kind = Counter(kind for (_, kind, _) in spark_entities.elements())
    print(", ".join(f"{kind} {n:,}" for kind, n in by_kind.most_common()))
    if spark_entities != cli_entities:
        missing = cli_entities - spark_entities
        extra = spark_entities - cli_entities
        print(f"differ: {sum(missing.values())} only from the tool, {sum(extra.values())} only from Spark")
        sys.exit(1)
    print("identical")


if __name__ == "__main__":
    main()
