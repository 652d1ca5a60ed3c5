#!/usr/bin/env bash
# Trains the entity tagger and writes models/ner/weights.bin, which the binary embeds.
#
#   scripts/train_ner.sh [CORPUS_DIR]     # default ../shared/corpus
#
# Trains an averaged perceptron (src/ner/train.rs) for ten passes on CoNLL-2003 English
# (CORPUS_DIR/ner-train/eng.train) and prints typed span precision, recall and F1 on the
# development documents (CORPUS_DIR/ner-dev), which training never reads for its weights.
# Deterministic: the same data give the same file byte for byte. Train again after changing
# src/ner/features.rs or the lexicon lists it reads (places, organisation words, titles,
# demonyms).
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="${1:-../shared/corpus}"
cargo run --release --quiet --example train_ner -- \
  "$corpus/ner-train/eng.train" "$corpus/ner-dev" models/ner/weights.bin 10
