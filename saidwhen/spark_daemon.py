"""PySpark's worker daemon with the spaCy model already loaded (``spark.python.daemon.module``).

PySpark starts one daemon per executor and forks the executor's Python workers from it. Run as this
module, the daemon loads the model once before any fork, so each worker starts with it, its pages
shared with the daemon until written, instead of importing saidwhen and loading the model inside its
first extraction task: one load per executor instead of one per core, and none on the extraction
stage's critical path. ``saidwhen.spark.spark_session`` sets it; under ``spark-submit`` pass
``--conf spark.python.daemon.module=saidwhen.spark_daemon``.
"""

from __future__ import annotations

import gc
import sys


def preload() -> bool:
    """Load the model and all it imports, then freeze it out of the garbage collector's sight (as
    ``spark._freeze_model`` does in a worker), so that the forked workers inherit both. A model that
    cannot load is left to the workers, whose task then fails with the reason where Spark reports it."""
    try:
        from .extract import load_nlp

        load_nlp()
    except Exception as err:  # the daemon itself must start: Spark cannot say why it did not
        print(f"saidwhen: the daemon did not preload the model ({type(err).__name__}: {err})", file=sys.stderr)
        return False
    gc.freeze()
    return True


if __name__ == "__main__":
    from pyspark import daemon

    preload()
    daemon.manager()
