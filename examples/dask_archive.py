"""Check a mail archive with Dask: tglint's Python API inside an existing engine.

    python examples/dask_archive.py ARCHIVE [MORE...] --out results/            # a local cluster
    python examples/dask_archive.py /mnt/archive --out /mnt/results --scheduler tcp://10.0.0.5:8786

The paths are walked as `tglint` walks them (`Checker.walk`: include and exclude globs,
.gitignore, hidden files left out), put in a Dask bag, and each partition is checked in a
worker process by a `Checker` built once per worker (`tglint.get_checker` keeps it). Each
message checked becomes one line of JSON Lines, `OUT/part-NNNNN.jsonl`: the `tglint --format
json` report's record of that file (path, language, topic, findings with masked messages and
fingerprints, error), so the lines of all parts are the CLI's `files`, in the CLI's order.

On one machine, `--workers N` starts a LocalCluster of N worker processes (one thread each:
a Checker checks one draft at a time). On a real cluster, start `dask scheduler` and a
`dask worker tcp://SCHEDULER:8786` on each machine (each with tglint installed, and the
archive and the output directory at the same path everywhere: a shared filesystem), then
pass `--scheduler tcp://SCHEDULER:8786`; the same code runs there (`Client(address)`).
Nothing here is a scheduler of tglint's own: partitions, retries and placement are Dask's.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import dask.bag as db
from dask.distributed import Client, LocalCluster

import tglint
from tglint.api import Settings

# Enough drafts per task that a task's overhead (~1 ms) is small next to its checks (~3 ms each).
PARTITION_SIZE = 250


def check_files(paths: Iterable[str], settings: Settings) -> list[dict[str, Any]]:
    """One partition, in a worker: each file's messages as the JSON report's records."""
    checker = tglint.get_checker(settings)  # built on the worker's first partition, then kept
    records = []
    for path in paths:
        for result in checker.lint_path(path):
            records.append(tglint.report_dict([result])["files"][0])
    return records


def lint_archive(
    paths: Sequence[str | Path],
    out: Path,
    client: Client,
    settings: Settings | None = None,
    partition_size: int = PARTITION_SIZE,
) -> dict[str, Any]:
    """Check every draft under `paths` on `client`'s cluster into `out/part-*.jsonl`."""
    settings = settings if settings is not None else tglint.load_settings(paths[0] if paths else None)
    checker = tglint.Checker(settings)  # checks the configuration once, here, before any worker starts
    files: list[str] = []
    unreadable: list[dict[str, Any]] = []
    for item in checker.walk(paths):
        if isinstance(item, str):
            files.append(item)
        else:  # a directory that could not be read: reported as the CLI reports it
            unreadable.append(tglint.report_dict([item])["files"][0])
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    records = db.from_sequence(files, partition_size=max(1, partition_size)).map_partitions(
        check_files, settings=settings
    )
    written = records.map(json.dumps, ensure_ascii=False).to_textfiles(
        str(out / "part-*.jsonl"), name_function=lambda i: f"{i:05d}", compute=False
    )
    client.compute(written, sync=True)
    seconds = time.perf_counter() - started
    if unreadable:
        (out / "unreadable.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in unreadable))
    return {"files": len(files), "unreadable": len(unreadable), "seconds": round(seconds, 3)}


def read_results(out: Path) -> list[dict[str, Any]]:
    """Every record written by `lint_archive`, in the CLI's order (parts are in walk order)."""
    return [json.loads(line) for part in sorted(out.glob("part-*.jsonl")) for line in part.open(encoding="utf-8")]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="+", help="drafts, mbox files or directories")
    parser.add_argument("--out", type=Path, required=True, help="directory for part-*.jsonl")
    parser.add_argument("--scheduler", help="a running cluster's scheduler (tcp://host:8786); default: a local one")
    parser.add_argument("--workers", type=int, default=2, help="worker processes of the local cluster (default 2)")
    parser.add_argument("--partition-size", type=int, default=PARTITION_SIZE)
    args = parser.parse_args(argv)
    if args.scheduler:
        client = Client(args.scheduler)
        cluster = None
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        summary = lint_archive(args.paths, args.out, client, partition_size=args.partition_size)
    except (tglint.ConfigError, tglint.PackError) as exc:
        print(f"dask_archive: error: {exc}", file=sys.stderr)
        return 2
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    rate = summary["files"] / summary["seconds"] if summary["seconds"] else 0.0
    print(json.dumps({**summary, "files_per_second": round(rate, 1)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
