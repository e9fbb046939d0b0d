#!/usr/bin/env python3
"""The peer baseline of the benchmark's categorize mode: what a data team runs instead of `scale train` and
`scale run --model`.

Training: scikit-learn's TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2) and LinearSVC() with their
defaults, fitted on the training file and scored on the test file (macro-F1). Scoring: the fitted pipeline applied to
a large CSV with Dask distributed (a LocalCluster of one single-threaded worker process per core), reading the CSV
in blocks and writing one CSV part per block.

Run by `tests/Scalability.Benchmarks --mode categorize`, which builds the files and compares the predictions with
the product's; it also runs alone:

    python3 tests/peer/sklearn_dask_categorize.py --train train.csv --test test.csv --score score.csv \
        --test-predictions test-predictions.txt --out-dir parts/

The files are UTF-8 CSVs with a header: train and test have `text,label`, the scoring file `id,text` (one line per
record). One JSON object is printed on stdout with the timings and scores.

Needs Debian's python3-sklearn, python3-dask and python3-distributed (apt-get install).
"""

import argparse
import json
import os
import time


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--train", required=True)
    parser.add_argument("--test", required=True)
    parser.add_argument("--score", required=True)
    parser.add_argument("--test-predictions", required=True, help="where to write the test file's predicted labels, one per line")
    parser.add_argument("--out-dir", required=True, help="a folder for the scoring output's CSV parts")
    parser.add_argument("--workers", type=int, default=os.cpu_count())
    parser.add_argument("--blocksize", default="8MB", help="Dask's CSV block size: a block is one task")
    args = parser.parse_args()

    import pandas as pd
    import sklearn
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics import accuracy_score, f1_score
    from sklearn.pipeline import make_pipeline
    from sklearn.svm import LinearSVC

    train = pd.read_csv(args.train, dtype=str, keep_default_na=False)
    test = pd.read_csv(args.test, dtype=str, keep_default_na=False)

    started = time.perf_counter()
    model = make_pipeline(TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2), LinearSVC())
    model.fit(train["text"], train["label"])
    training_seconds = time.perf_counter() - started

    started = time.perf_counter()
    predicted = model.predict(test["text"])
    test_seconds = time.perf_counter() - started
    with open(args.test_predictions, "w", encoding="utf-8") as out:
        out.writelines(f"{label}\n" for label in predicted)

    import dask
    import dask.dataframe as dd
    import distributed
    from dask.distributed import Client, LocalCluster

    os.makedirs(args.out_dir, exist_ok=True)
    for stale in os.listdir(args.out_dir):
        os.remove(os.path.join(args.out_dir, stale))

    def categorize(part, fitted):
        return pd.DataFrame({"id": part["id"], "category": fitted.predict(part["text"])})

    # The cluster's start is left out of the timing, as the product's silo start is.
    with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        started = time.perf_counter()
        fitted = client.scatter(model, broadcast=True)
        frame = dd.read_csv(args.score, dtype=str, keep_default_na=False, blocksize=args.blocksize)
        scored = frame.map_partitions(categorize, fitted, meta={"id": "object", "category": "object"})
        scored.to_csv(os.path.join(args.out_dir, "part-*.csv"), index=False, name_function=lambda i: f"{i:05d}")
        scoring_seconds = time.perf_counter() - started
        rows = int(frame.shape[0].compute())

    print(json.dumps({
        "sklearn": sklearn.__version__,
        "dask": dask.__version__,
        "distributed": distributed.__version__,
        "workers": args.workers,
        "trainRows": len(train),
        "features": len(model.named_steps["tfidfvectorizer"].vocabulary_),
        "trainingSeconds": round(training_seconds, 3),
        "testRows": len(test),
        "testSeconds": round(test_seconds, 3),
        "accuracy": accuracy_score(test["label"], predicted),
        "macroF1": f1_score(test["label"], predicted, average="macro"),
        "scoreRows": rows,
        "scoringSeconds": round(scoring_seconds, 3),
        "scoringTicketsPerSecond": round(rows / scoring_seconds, 1),
    }))


if __name__ == "__main__":
    main()
