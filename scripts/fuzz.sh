#!/usr/bin/env bash
# Runs every cargo-fuzz target for a bounded time, one after another.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#
# Needs the nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`).
# Each target starts from a corpus seeded with the sample articles' lines.
# A finding, or a target that does not build or run, stops the script with
# status 1; a finding leaves its input under fuzz/artifacts/TARGET/, to be
# turned into a regression test in `tests/`. The executions each target ran
# are printed at its end ("Done N runs").
set -euo pipefail
cd "$(dirname "$0")/../fuzz"

seconds=${1:-60}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(normalize fold decode detect tokenize extract)
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
for target in "${targets[@]}"; do
    corpus="corpus/$target"
    if [ ! -d "$corpus" ]; then
        mkdir -p "$corpus"
        n=0
        for article in ../examples/data/*.txt; do
            while IFS= read -r line; do
                [ -n "$line" ] || continue
                n=$((n + 1))
                printf '%s' "$line" > "$corpus/seed-$n"
            done < "$article"
        done
    fi
    echo "== $target: ${seconds}s"
    status=0
    # (`-a`: debug assertions on, so an overflow is a finding too.)
    cargo +nightly fuzz run -a "$target" "$corpus" -- \
        -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=4096 \
        -print_final_stats=1 > "$log" 2>&1 || status=$?
    grep -E "Done [0-9]+ runs|stat::number_of_executed_units|ERROR|panicked|SUMMARY" "$log" || true
    if [ -n "$(ls -A "artifacts/$target" 2>/dev/null)" ]; then
        echo "finding in $target: fuzz/artifacts/$target/" >&2
        exit 1
    fi
    if [ "$status" -ne 0 ]; then
        tail -20 "$log" >&2
        echo "$target did not run to its end (status $status)" >&2
        exit 1
    fi
done
