#!/usr/bin/env python3
"""Kills `newsbrief run` at random points, many times, and checks what a kill leaves.

    python3 scripts/kill_test.py [--tries 40] [--articles 60] [--bin target/release/newsbrief]

On a corpus generated from the seeds (paragraphs mixed across articles, numbers changed), each
try changes the input (adds or removes one article), then:

1. runs to completion, from a copy of `out/`, with `--no-cache`: the new set (briefing.md,
   .html, .pdf, .json, corpus.jsonl and the state file) a run must produce;
2. starts the run on `out/` itself and sends it SIGKILL after a random delay (half the tries
   near the end of the run, where the files are written and moved);
3. checks `out/`: the five files are the whole old set or the whole new set, once the journal a
   killed run may leave is rolled forward (what the next run does before anything else);
4. runs again to completion (with the cache the killed run may have left) and checks that it
   wrote exactly the new set of step 1 and left no temporary file or journal.

Prints a line per try and a summary; exits 1 if any try failed. Needs only Python 3 and a
release build (`cargo build --release`). The time each run takes sets the delays.
"""

import argparse
import hashlib
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SET = ["briefing.md", "briefing.html", "briefing.pdf", "briefing.json", "corpus.jsonl", ".newsbrief-state.json"]
JOURNAL = ".newsbrief-journal"
ROOT = Path(__file__).resolve().parent.parent


def digest(path: Path):
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None


def the_set(out: Path, roll_forward: bool):
    """The set's digests; with `roll_forward`, as the journal (if any) says it becomes."""
    files = {name: digest(out / name) for name in SET}
    journal = out / JOURNAL
    if roll_forward and journal.exists():
        for tmp, target in json.loads(journal.read_text()):
            if (out / tmp).exists() and target in files:
                files[target] = digest(out / tmp)
    return files


def leftovers(out: Path):
    found = []
    for folder in [out, out / ".cache"]:
        if folder.is_dir():
            found += [p.name for p in folder.iterdir() if p.name.endswith(".tmp") or p.name == JOURNAL]
    return found


def generate(seeds: Path, folder: Path, n: int, rng: random.Random):
    paragraphs = []
    for seed in sorted(seeds.glob("*.txt")):
        paragraphs += [p for p in seed.read_text().split("\n\n") if len(p.split()) > 12]
    for i in range(n):
        picked = rng.sample(paragraphs, min(len(paragraphs), rng.randint(6, 14)))
        text = "\n\n".join(re.sub(r"\d+", lambda m: str(int(m.group()) + rng.randint(0, 9)), p) for p in picked)
        (folder / f"article_{i:04d}.txt").write_text(f"Generated article {i}\n\n{text}\n")


def run(binary: str, work: Path, out: str, extra=(), env=None):
    cmd = [binary, "run", "--input", "in", "--out", out, "--quiet", *extra]
    return subprocess.Popen(cmd, cwd=work, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tries", type=int, default=40)
    ap.add_argument("--articles", type=int, default=60)
    ap.add_argument("--bin", default=str(ROOT / "target/release/newsbrief"))
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    env = dict(os.environ, SOURCE_DATE_EPOCH="0")
    work = Path(tempfile.mkdtemp(prefix="newsbrief-kill-"))
    (work / "in").mkdir()
    generate(ROOT / "seeds", work / "in", args.articles, rng)
    spare = work / "spare"
    spare.mkdir()
    first = run(args.bin, work, "out", env=env)
    assert first.wait() == 0, first.stderr.read().decode()

    outcomes = {"old": 0, "new": 0, "new, after the journal": 0}
    cached_time = None
    failures = 0
    for t in range(args.tries):
        out, ref = work / "out", work / "ref"
        old = the_set(out, roll_forward=False)
        # Change the input: move one article out, or back in.
        articles = sorted((work / "in").glob("*.txt"))
        aside = sorted(spare.glob("*.txt"))
        if aside and (rng.random() < 0.5 or len(articles) < 10):
            shutil.move(str(aside[0]), work / "in" / aside[0].name)
        else:
            victim = rng.choice(articles)
            shutil.move(str(victim), spare / victim.name)
        # 1. What the run must write.
        shutil.rmtree(ref, ignore_errors=True)
        shutil.copytree(out, ref, ignore=shutil.ignore_patterns(".cache", ".newsbrief-lock"))
        started = time.monotonic()
        reference = run(args.bin, work, "ref", ["--no-cache"], env)
        assert reference.wait() == 0, reference.stderr.read().decode()
        full = time.monotonic() - started
        new = the_set(ref, roll_forward=False)
        # 2. The run, killed.
        cached = rng.random() < 0.5
        extra = [] if cached else ["--no-cache"]
        near_end = rng.random() < 0.5
        # How long the run would take: the reference's time, or the last cached run's.
        expected = cached_time if cached and cached_time else full
        delay = expected * (rng.uniform(0.85, 1.02) if near_end else rng.uniform(0.0, 1.0))
        victim = run(args.bin, work, "out", extra, env)
        time.sleep(delay)
        finished = victim.poll() is not None
        if not finished:
            victim.send_signal(signal.SIGKILL)
        victim.wait()
        # 3. A whole set, old or new.
        journal = (out / JOURNAL).exists()
        now = the_set(out, roll_forward=True)
        if now == old:
            state = "old"
        elif now == new:
            state = "new, after the journal" if journal else "new"
        else:
            state = "MIXED"
        # 4. The next run writes the new set and cleans up.
        started = time.monotonic()
        after = run(args.bin, work, "out", [], env)
        code = after.wait()
        cached_time = time.monotonic() - started
        again = the_set(out, roll_forward=False)
        left = leftovers(out)
        ok = state != "MIXED" and code == 0 and again == new and not left
        differ = [name for name in SET if again[name] != new[name]]
        if not ok:
            keep = work / f"failed-{t + 1}"
            shutil.copytree(out, keep / "out")
            shutil.copytree(ref, keep / "ref")
            print(f"  kept in {keep}; files that differ: {differ}", flush=True)
        if state in outcomes:
            outcomes[state] += 1
        failures += not ok
        print(
            f"try {t + 1:3}: {'killed' if not finished else 'ended '} after {delay:5.2f} s of ~{expected:5.2f} s"
            f" ({'cached' if cached else 'no cache'}): {state}; next run {'equals' if again == new else 'DIFFERS from'}"
            f" the --no-cache run{'; left ' + ', '.join(left) if left else ''}{'' if ok else '  FAILED'}",
            flush=True,
        )
    print(
        f"\n{args.tries} tries, {failures} failed; after the kill: "
        + ", ".join(f"{v} {k}" for k, v in outcomes.items())
    )
    if failures:
        print(f"the failed tries' folders are in {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
