"""Where the Spark job's time goes, step by step: Spark jobs, stages, tasks, task-seconds and the
seconds with no job running for each step of ``saidwhen.spark.run``, and the extraction stage's tasks.

Counts (jobs, stages, tasks) move by a job or two at most from run to run, so they compare code or
settings on a machine shared with other work, where seconds do not. The corpus is ``benchmarks/spark.py``'s (the
dev articles and the seed story, cycled, each copy its own URL and dateline). The job runs with
Spark's event log on, and each Spark job is put in the step (``SparkSummary.phases``) during which
it started. Usage:

    .venv/bin/python benchmarks/spark_stages.py [--articles 1000] [--master 'local[2]'] [--stages]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from spark import write_corpus  # noqa: E402  (benchmarks/spark.py)


def run_job(corpus: Path, out: Path, master: str) -> tuple[float, list[tuple[str, float]]]:
    """Run the job with an event log under ``out/events``; (start, [(step, wall-clock end)])."""
    (out / "events").mkdir(parents=True)
    os.environ["PYSPARK_SUBMIT_ARGS"] = (f"--conf spark.eventLog.enabled=true --conf spark.eventLog.dir={(out / 'events').as_uri()}"
                                         " --conf spark.eventLog.compress=false pyspark-shell")
    from saidwhen import spark as job

    ends: list[tuple[str, float]] = []
    lap = job.SparkSummary.lap

    def noted(summary, phase, since):  # the step's end, in the event log's clock
        ends.append((phase, time.time()))
        return lap(summary, phase, since)

    job.SparkSummary.lap = noted
    session = job.spark_session(master, shuffle_partitions=8, app_name="saidwhen-stages")
    start = time.time()
    try:
        job.run([str(corpus)], str(out / "tables"), spark=session, log=lambda m: None)
    finally:
        job.SparkSummary.lap = lap
        session.stop()
    return start, ends


def read_events(folder: Path) -> tuple[dict, dict, dict]:
    """Jobs {id: (start, end)}, stages {id: (start, end, name)} and tasks {stage id: [seconds]} from
    the event log files under ``folder`` (in the order Spark wrote them)."""
    jobs, stages, tasks = {}, {}, defaultdict(list)
    files = sorted(folder.rglob("events_*"), key=lambda f: int(f.name.split("_")[1]))
    for line in (line for f in files for line in f.open(encoding="utf-8")):
        e = json.loads(line)
        if e["Event"] == "SparkListenerJobStart":
            jobs[e["Job ID"]] = (e["Submission Time"] / 1000, None)
        elif e["Event"] == "SparkListenerJobEnd":
            jobs[e["Job ID"]] = (jobs[e["Job ID"]][0], e["Completion Time"] / 1000)
        elif e["Event"] == "SparkListenerStageCompleted" and "Submission Time" in e["Stage Info"]:
            info = e["Stage Info"]
            stages[info["Stage ID"]] = (info["Submission Time"] / 1000, info["Completion Time"] / 1000, info["Stage Name"])
        elif e["Event"] == "SparkListenerTaskEnd":
            t = e["Task Info"]
            tasks[e["Stage ID"]].append((t["Finish Time"] - t["Launch Time"]) / 1000)
    return jobs, stages, tasks


def busy(intervals) -> float:
    """Seconds covered by the union of the (start, end) intervals."""
    total, reached = 0.0, float("-inf")
    for a, b in sorted(intervals):
        total += max(0.0, b - max(a, reached))
        reached = max(reached, b)
    return total


def report(start: float, ends: list[tuple[str, float]], jobs: dict, stages: dict, tasks: dict, show_stages: bool) -> None:
    bounds = [start] + [t for _, t in ends]

    def step(t: float) -> int | None:
        return next((i for i in range(len(ends)) if bounds[i] <= t < bounds[i + 1]), None)

    rows = [{"jobs": [], "stages": 0, "tasks": 0, "task_s": 0.0} for _ in ends]
    for a, b in jobs.values():
        if (i := step(a)) is not None:
            rows[i]["jobs"].append((a, b or a))
    for sid, (a, _, _) in stages.items():
        if (i := step(a)) is not None:
            rows[i]["stages"] += 1
            rows[i]["tasks"] += len(tasks[sid])
            rows[i]["task_s"] += sum(tasks[sid])
    print(f"{'step':20} {'wall s':>7} {'jobs':>5} {'stages':>6} {'tasks':>6} {'task s':>7} {'no job s':>8}")
    after = defaultdict(float)
    for i, (name, end) in enumerate(ends):
        r, wall = rows[i], end - bounds[i]
        figures = {"wall": wall, "jobs": len(r["jobs"]), "stages": r["stages"], "tasks": r["tasks"], "task_s": r["task_s"],
                   "idle": wall - busy(r["jobs"])}
        print(f"{name:20} {wall:7.1f} {figures['jobs']:5} {figures['stages']:6} {figures['tasks']:6} {r['task_s']:7.1f}"
              f" {figures['idle']:8.1f}")
        if name != "read and extract":
            for k, v in figures.items():
                after[k] += v
    print(f"{'after extraction':20} {after['wall']:7.1f} {after['jobs']:5.0f} {after['stages']:6.0f} {after['tasks']:6.0f}"
          f" {after['task_s']:7.1f} {after['idle']:8.1f}")
    top = max(stages, key=lambda sid: sum(tasks[sid]))
    a, b, _ = stages[top]
    print(f"extraction stage: {b - a:.1f}s wall, {len(tasks[top])} tasks of"
          f" {', '.join(f'{s:.1f}' for s in sorted(tasks[top]))}s")
    if show_stages:
        for sid, (a, b, name) in sorted(stages.items()):
            i = step(a)
            print(f"  stage {sid:4} {ends[i][0] if i is not None else '':18} {len(tasks[sid]):3} tasks"
                  f" {b - a:6.2f}s wall {sum(tasks[sid]):6.2f} task s  {name[:60]}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--stages", action="store_true", help="list every stage too")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        corpus = Path(scratch) / "corpus.jsonl"
        write_corpus(corpus, args.articles)
        start, ends = run_job(corpus, Path(scratch) / "run", args.master)
        jobs, stages, tasks = read_events(Path(scratch) / "run" / "events")
    print(f"{args.articles:,} articles, {args.master}, load average {os.getloadavg()[0]:.1f} at the end")
    report(start, ends, jobs, stages, tasks, args.stages)


if __name__ == "__main__":
    main()
