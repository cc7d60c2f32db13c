#!/usr/bin/env python3
"""Score the extractor on each development set separately, with the stories split in halves.

Usage (from the project root, after `cargo build --release -p dateline-core --example extract`):
  python3 bench/events/halves.py [--cmd "target/release/examples/extract --published {published} {path}"]
                                 [--shared ../shared] [--keep DIR]

Runs the command once over every gold article (through ../shared/eval/extract_and_score.py),
then scores these slices with ../shared/eval/score_events.py: the seed, the news dev third,
the odd-numbered stories (the half rules are tuned on), the even-numbered ones (the blind
half), and each half per language. A rule that lifts one half and not the other was written
for a sentence.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cmd", default="target/release/examples/extract --published {published} {path}")
    ap.add_argument("--shared", default=os.path.join("..", "shared"))
    ap.add_argument("--keep", help="folder for the predictions (default: a temporary one)")
    args = ap.parse_args()
    evald = os.path.join(args.shared, "eval")
    gold = os.path.join(args.shared, "corpus", "gold")
    pred = args.keep or tempfile.mkdtemp(prefix="dateline-halves-")
    subprocess.run(
        [sys.executable, os.path.join(evald, "extract_and_score.py"), "--cmd", args.cmd, "--keep", pred],
        check=True, stdout=subprocess.DEVNULL,
    )
    names = sorted(n for n in os.listdir(gold) if n.endswith(".json"))

    def story_half(n):
        tail = n[:-5].rsplit("-", 1)[-1]
        return "odd" if int(tail) % 2 else "even"

    slices = {
        "seed": [n for n in names if n.startswith("seed")],
        "news-dev": [n for n in names if not n.startswith(("seed", "sd-"))],
        "stories-odd": [n for n in names if n.startswith("sd-") and story_half(n) == "odd"],
        "stories-even": [n for n in names if n.startswith("sd-") and story_half(n) == "even"],
        "stories": [n for n in names if n.startswith("sd-")],
    }
    rows = []
    for label, members in slices.items():
        summary = score(evald, gold, pred, members)
        rows.append((label, summary["all"]))
        if label.startswith("stories-"):
            for lang in ("en", "it", "fr", "de", "es", "pt"):
                if f"lang:{lang}" in summary:
                    rows.append((f"  {label[8:]} {lang}", summary[f"lang:{lang}"]))
    print(f"{'slice':<16}{'tp':>5}{'fp':>5}{'fn':>5}{'P':>8}{'R':>8}{'F1':>8}")
    for label, s in rows:
        print(f"{label:<16}{s['tp']:>5}{s['fp']:>5}{s['fn']:>5}{s['precision']:>8.3f}{s['recall']:>8.3f}{s['f1']:>8.3f}")
    print(f"predictions in {pred}")


def score(evald, gold, pred, members):
    with tempfile.TemporaryDirectory() as sub:
        for n in members:
            os.symlink(os.path.abspath(os.path.join(gold, n)), os.path.join(sub, n))
        out = subprocess.run(
            [sys.executable, os.path.join(evald, "score_events.py"), "--gold", sub, "--pred", pred, "--json"],
            check=True, capture_output=True, text=True,
        ).stdout
    return json.loads(out[: out.rindex("}") + 1])


if __name__ == "__main__":
    main()
