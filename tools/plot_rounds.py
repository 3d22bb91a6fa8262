#!/usr/bin/env python3
"""Plots test accuracy against simulated time from one or more rounds.csv files.
Usage: plot_rounds.py --out FILE.png LABEL=path/rounds.csv [...]"""
import argparse
import csv

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", required=True)
    parser.add_argument("runs", nargs="+", help="LABEL=rounds.csv")
    args = parser.parse_args()
    fig, (acc, loss) = plt.subplots(1, 2, figsize=(11, 4))
    for run in args.runs:
        label, _, path = run.partition("=")
        with open(path, newline="") as f:
            rows = list(csv.DictReader(f))
        t = [float(r["end_s"]) for r in rows]
        acc.plot(t, [float(r["test_accuracy"]) for r in rows], marker=".", label=label)
        if rows and rows[0]["train_loss"]:
            loss.plot(t, [float(r["train_loss"]) for r in rows], marker=".", label=label)
    acc.set(xlabel="simulated time (s)", ylabel="test accuracy", title="accuracy")
    loss.set(xlabel="simulated time (s)", ylabel="training loss (nats)", title="training loss")
    for ax in (acc, loss):
        ax.grid(alpha=0.3)
        ax.legend()
    fig.tight_layout()
    fig.savefig(args.out, dpi=110)


if __name__ == "__main__":
    main()
