#!/bin/sh
# Runs every benchmark of bench/README.md and writes bench/results/*.json.
# PostgreSQL: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test); the benchmarks
# create and drop their own databases (qc_bench*, qc_bench_recheck_*).
set -e
cd "$(dirname "$0")/.."
run() { echo "== $*" >&2; node --import tsx "$@"; }
run bench/roundtrip.ts
run bench/intake.ts --db pg --clients 50 --seconds 20
run bench/intake.ts --db pg --mode http --rate 50 --seconds 20
run bench/intake.ts --db pglite --clients 50 --seconds 20
run bench/recheck.ts --db pg --families 100000
run bench/recheck.ts --db pg --families 1000000
run bench/recheck.ts --db pglite --families 100000
run bench/postsale.ts
