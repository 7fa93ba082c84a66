#!/usr/bin/env python3
"""Where the time goes, from async-profiler's collapsed stacks (one "frame;frame;... count" line per stack).

Prints the frames with the most samples on top of the stack (self) and anywhere in it (inclusive), as a share of
the samples kept. --under FRAME keeps only stacks through a frame whose name contains FRAME (one phase of a run,
e.g. InputJournal.replay for recovery); --thread NAME keeps only stacks of threads whose name contains NAME (needs
the profile taken with async-profiler's "threads" option, which profile.sh sets).
"""
import argparse
import collections
import sys


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="+", help="collapsed stack files (one per JVM or fork)")
    parser.add_argument("--under", help="keep stacks through a frame containing this text")
    parser.add_argument("--thread", help="keep stacks of threads whose name contains this text")
    parser.add_argument("--top", type=int, default=25, help="rows of each table (default 25)")
    args = parser.parse_args()

    own = collections.Counter()
    anywhere = collections.Counter()
    kept = 0
    for name in args.files:
        with open(name, encoding="utf-8", errors="replace") as lines:
            for number, line in enumerate(lines, 1):
                stack, _, count = line.rstrip("\n").rpartition(" ")
                if not stack or not count.isdigit():
                    sys.exit(f"{name}:{number}: not a collapsed stack line (frames, a space, a count)")
                frames = stack.split(";")
                if args.thread and not (frames[0].startswith("[") and args.thread in frames[0]):
                    continue
                if args.under and not any(args.under in frame for frame in frames):
                    continue
                samples = int(count)
                kept += samples
                own[frames[-1]] += samples
                for frame in set(frames):
                    anywhere[frame] += samples
    if kept == 0:
        sys.exit("no samples kept (check --under and --thread)")
    print(f"{kept} samples")
    for title, counter in (("self", own), ("inclusive", anywhere)):
        print(f"--- {title}")
        for frame, samples in counter.most_common(args.top):
            print(f"{100.0 * samples / kept:5.1f}%  {frame}")


if __name__ == "__main__":
    main()
