#!/usr/bin/env python3
"""Quantise all-MiniLM-L6-v2's safetensors for newsbrief (see scripts/build_model.sh).

  quantize_model.py IN.safetensors OUT.safetensors

Every matrix W (rows x cols) becomes `<name>.q` (int8, rows x cols) and `<name>.scale` (f32, rows):
W[r] ~= q[r] * scale[r], with scale[r] = max|W[r]| / 127. The binary dequantises to f32 at load and
computes in f32 (int8 arithmetic drifted; int8 storage keeps every ranking). Position embeddings are
cut to the 256 positions the model is used with (sentence-transformers' max_seq_length). Vectors
(biases, layer norms) stay f32. `position_ids` is dropped. The output is deterministic."""
import sys

import numpy as np
from safetensors.numpy import load_file, save_file

MAX_POSITIONS = 256


def main(src, dst):
    weights = load_file(src)
    out = {}
    for name in sorted(weights):
        w = weights[name]
        if name.endswith("position_ids"):
            continue
        if name.endswith("position_embeddings.weight"):
            w = w[:MAX_POSITIONS]
        if w.ndim == 2:
            w = w.astype(np.float64)
            scale = np.abs(w).max(axis=1) / 127.0
            scale[scale == 0] = 1.0
            q = np.clip(np.rint(w / scale[:, None]), -127, 127).astype(np.int8)
            out[name + ".q"] = np.ascontiguousarray(q)
            out[name + ".scale"] = scale.astype(np.float32)
        else:
            out[name] = np.ascontiguousarray(w.astype(np.float32))
    save_file(out, dst, metadata={"source": "sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0)",
                                   "quantisation": "per-row int8, f32 scale"})


if __name__ == "__main__":
    main(*sys.argv[1:])
