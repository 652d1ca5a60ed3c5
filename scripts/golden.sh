#!/usr/bin/env bash
# Golden outputs of the seeds and of a sample of the dev data, to compare before and after a
# change that should change nothing a user sees (a refactoring):
#
#   scripts/golden.sh /tmp/before          # on main, before the change
#   scripts/golden.sh /tmp/after           # with the change
#   diff -r /tmp/before /tmp/after         # nothing, or each difference explained
#
# Writes DIR/<sample>/briefing.{md,json} and corpus.jsonl with the release build, SOURCE_DATE_EPOCH=0 and no
# cache. The seeds' copies are also checked by `cargo test` (tests/golden/); the dev data is
# read from ../shared/corpus when it is there (it is not part of the repository).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: scripts/golden.sh DIR}
corpus=${CORPUS:-../shared/corpus}
cargo build --release --quiet
bin=target/release/newsbrief
mkdir -p "$out"

run() { # name input-folder
  SOURCE_DATE_EPOCH=0 "$bin" run --input "$2" --out "$out/$1" --format md,json,corpus --no-cache --quiet
}

run seeds seeds
if [ -d "$corpus" ]; then
  # Four events (wire copies, a celebrity story, an election, a sports deal), forty cleaning
  # pages and forty PolNeAR articles: each stage's rules see some of what they were tuned on.
  for event in 1_ecb 10_ecbplus 11_ecb 12_ecb; do
    run "events-$event" "$corpus/events-dev/text/$event"
  done
  for sample in cleaning-dev attribution-dev; do
    # A fixed folder of links, so that the paths in the outputs compare.
    tmp=/tmp/newsbrief-golden-input/$sample
    rm -rf "$tmp" && mkdir -p "$tmp"
    mapfile -t files < <(find "$corpus/$sample/text" -type f -name '*.txt' | LC_ALL=C sort)
    for f in "${files[@]:0:40}"; do ln -s "$(realpath "$f")" "$tmp/"; done
    run "$sample" "$tmp"
  done
else
  echo "no $corpus: only the seeds" >&2
fi
echo "golden outputs in $out"
