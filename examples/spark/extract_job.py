"""Extracts entities from a JSON Lines corpus with vitext on Spark and
writes one row per entity to Parquet.

Input: one JSON object a line with an `id` and a `text`. Output columns:
`id`, `index` (the entity's position among its record's entities),
`kind`, `text`, `start`, `end` (indices into the record's text, in code
points), `within` (the `index` of the enclosing entity in the same record,
or null), `value` (the entity's value as JSON). A record without an `id`
keeps a null one.

    python examples/spark/extract_job.py corpus.jsonl out.parquet
    spark-submit examples/spark/extract_job.py corpus.jsonl out.parquet

Each record's text is normalized before it is read (decomposed accents,
misplaced tone marks, look-alike letters); offsets still point into the
text as stored. The job needs nothing but `vitext` importable on every
executor (see the README for shipping the wheel to a cluster).
"""

import argparse
import json
from itertools import islice

from pyspark.sql import SparkSession
from pyspark.sql.types import IntegerType, StringType, StructField, StructType

OUTPUT_SCHEMA = StructType(
    [
        StructField("id", StringType(), True),
        StructField("index", IntegerType(), False),
        StructField("kind", StringType(), False),
        StructField("text", StringType(), False),
        StructField("start", IntegerType(), False),
        StructField("end", IntegerType(), False),
        StructField("within", IntegerType(), True),
        StructField("value", StringType(), False),
    ]
)

# Records handed to vitext at a time: enough to amortize a call, few enough
# to keep an executor's memory flat.
BATCH = 512


def entity_rows(record_id, extraction):
    for index, e in enumerate(extraction):
        yield (
            record_id,
            index,
            e.kind,
            e.text,
            e.start,
            e.end,
            e.within,
            json.dumps(e.value, ensure_ascii=False, sort_keys=True),
        )


def extract_partition(records):
    """One partition's records to entity rows, a batch of records at a time.
    Spark runs one partition a core, so vitext runs on one thread in it."""
    import vitext

    records = iter(records)
    while batch := list(islice(records, BATCH)):
        texts = [record["text"] or "" for record in batch]
        found = vitext.extract_many(texts, threads=1, normalize=True)
        for record, extraction in zip(batch, found):
            yield from entity_rows(record["id"], extraction)


def run(spark, input_path, output_path):
    records = spark.read.schema("id string, text string").json(input_path)
    rows = records.rdd.mapPartitions(extract_partition)
    spark.createDataFrame(rows, OUTPUT_SCHEMA).write.mode("overwrite").parquet(output_path)


def main():
    parser = argparse.ArgumentParser(description="vitext entity extraction on Spark")
    parser.add_argument("input", help="JSON Lines corpus: {\"id\", \"text\"} a line")
    parser.add_argument("output", help="Parquet directory to write (replaced)")
    parser.add_argument("--master", help="Spark master when not run by spark-submit (e.g. local[2])")
    args = parser.parse_args()
    builder = SparkSession.builder.appName("vitext-extract")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    try:
        run(spark, args.input, args.output)
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
