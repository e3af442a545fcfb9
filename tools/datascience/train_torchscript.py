#!/usr/bin/python3
"""Train a fraud MLP in PyTorch on a trainer export and write it as a TorchScript model version.

Run it with Debian's interpreter, /usr/bin/python3, which has python3-torch and python3-numpy
(apt-get install -y python3-torch python3-numpy); another python3 earlier on the PATH may lack torch.

    /usr/bin/python3 tools/datascience/train_torchscript.py --data fraud.csv --models-dir models

reads fraud.csv and its sidecar fraud.csv.json (written by the trainer's `export` command), trains on the
rows before the sidecar's cutoff, evaluates on the rows at or after it, and writes
models/<name>/<version>/ with manifest.json (our format) and the TorchScript module (or, with --mar, a
TorchServe model archive holding it). See tools/datascience/README.md.
"""

import argparse
import csv
import io
import json
import math
import os
import re
import shutil
import sys
import time
import zipfile
from datetime import datetime, timezone

import numpy as np
import torch
from torch import nn

FIXED_COLUMNS = ["transaction_id", "occurred_at", "card_key", "label"]
VERSION_DIR = re.compile(r"^[1-9][0-9]{0,8}$")
MODEL_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
MIN_STD = 1e-6  # below this a feature is constant: divide by 1 (as the Java trainer does)
REVIEW_FPR = 0.01
DECLINE_PRECISION = 0.90
DECLINE_FALLBACK_FPR = 0.001
MODULE_FILE = "model.pt"


class Refusal(Exception):
    """A sentence for the user; the script exits with status 1 and no stack trace."""


def parse_args(argv):
    p = argparse.ArgumentParser(description="Train a PyTorch MLP on a trainer export; write a TorchScript model version.")
    p.add_argument("--data", required=True, help="CSV written by `trainer export --out`")
    p.add_argument("--sidecar", help="its JSON sidecar (default: DATA.json)")
    p.add_argument("--models-dir", default="models", help="model repository (default: models)")
    p.add_argument("--name", default="fraud-mlp", help="model name (default: fraud-mlp, the one predict-service serves)")
    p.add_argument("--version", help="version to write (default: the next free integer); never overwritten")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--epochs", type=int, default=8)
    p.add_argument("--batch-size", type=int, default=128)
    p.add_argument("--learning-rate", type=float, default=0.003)
    p.add_argument("--hidden", default="32,16", help="hidden layer widths (default: 32,16)")
    p.add_argument("--positive-share", type=float, default=0.1,
                   help="share of fraud rows each epoch is oversampled to (default: 0.1)")
    p.add_argument("--normalization", choices=["module", "manifest"], default="module",
                   help="standardise inside the TorchScript module (default) or in the manifest, applied by model-core")
    p.add_argument("--output", choices=["logit", "probability"], default="logit",
                   help="the module returns a logit (manifest outputTransform sigmoid, default) or a probability (none)")
    p.add_argument("--mar", action="store_true", help="store the module in a TorchServe model archive (<name>.mar)")
    p.add_argument("--reference-out", help="CSV of transaction_id,probability: PyTorch's scores of the first evaluation rows")
    p.add_argument("--reference-rows", type=int, default=64, help="rows in --reference-out (default: 64)")
    p.add_argument("--quiet", action="store_true", help="print only the result")
    return p.parse_args(argv)


def read_sidecar(path):
    try:
        with open(path, encoding="utf-8") as f:
            sidecar = json.load(f)
    except FileNotFoundError:
        raise Refusal(f"the sidecar {path} does not exist; `trainer export --out FILE` writes FILE.json beside the CSV")
    for key in ("featureSet", "inputs", "rows", "split"):
        if key not in sidecar:
            raise Refusal(f"the sidecar {path} has no '{key}'; was it written by `trainer export`?")
    return sidecar


def epoch_millis(rfc3339):
    instant = datetime.fromisoformat(rfc3339.replace("Z", "+00:00"))
    return round(instant.timestamp() * 1000)


def read_rows(path, inputs, expected_rows):
    """Ids, instants (epoch ms), labels and the feature matrix (float32) of the export, in file order."""
    try:
        f = open(path, newline="", encoding="utf-8")
    except FileNotFoundError:
        raise Refusal(f"the export {path} does not exist; write it with `trainer export --out {path}`")
    with f:
        reader = csv.reader(f)
        header = next(reader, None)
        if header != FIXED_COLUMNS + inputs:
            raise Refusal(f"the header of {path} is {header}, but its sidecar promises {FIXED_COLUMNS + inputs}")
        ids, millis, labels, features = [], [], [], []
        for line, row in enumerate(reader, start=2):
            if len(row) != len(header):
                raise Refusal(f"line {line} of {path} has {len(row)} values, not {len(header)}")
            ids.append(row[0])
            millis.append(epoch_millis(row[1]))
            labels.append(float(row[3]))
            features.append([float(v) for v in row[4:]])
    if len(ids) != expected_rows:
        raise Refusal(f"{path} has {len(ids)} rows but its sidecar says {expected_rows}; export again")
    return ids, np.array(millis, dtype=np.int64), np.array(labels, dtype=np.float32), np.array(features, dtype=np.float32)


class FraudModule(nn.Module):
    """The scripted module: optional standardisation, the MLP, optional sigmoid. Input [n, k], output [n, 1]."""

    def __init__(self, net, mean, std, normalize: bool, probability: bool):
        super().__init__()
        self.net = net
        self.register_buffer("mean", mean)
        self.register_buffer("std", std)
        self.normalize = normalize
        self.probability = probability

    def forward(self, x):
        if self.normalize:
            x = (x - self.mean) / self.std
        out = self.net(x)
        if self.probability:
            out = torch.sigmoid(out)
        return out


def mlp(width, hidden):
    layers, previous = [], width
    for units in hidden:
        layers += [nn.Linear(previous, units), nn.ReLU()]
        previous = units
    layers.append(nn.Linear(previous, 1))
    return nn.Sequential(*layers)


def oversampled(labels, positive_share):
    """Row indexes of one epoch: every row once, fraud rows repeated to about positive_share (as the Java trainer)."""
    positives = np.flatnonzero(labels > 0.5)
    negatives = len(labels) - len(positives)
    repeats = 1
    if positive_share > 0 and len(positives) > 0:
        wanted = positive_share / (1 - positive_share) * negatives
        repeats = max(1, int(round(wanted / len(positives))))
    return np.concatenate([np.arange(len(labels))] + [positives] * (repeats - 1))


def train(args, x_train, y_train, mean, std, log):
    torch.manual_seed(args.seed)
    rng = np.random.default_rng(args.seed)
    hidden = [int(w) for w in args.hidden.split(",")]
    net = mlp(x_train.shape[1], hidden)
    optimizer = torch.optim.Adam(net.parameters(), lr=args.learning_rate)
    loss_fn = nn.BCEWithLogitsLoss()
    x = (torch.from_numpy(x_train) - mean) / std
    y = torch.from_numpy(y_train).unsqueeze(1)
    epoch_rows = oversampled(y_train, args.positive_share)
    epoch_loss = []
    for epoch in range(1, args.epochs + 1):
        order = torch.from_numpy(rng.permutation(epoch_rows))
        total, batches = 0.0, 0
        for start in range(0, len(order), args.batch_size):
            batch = order[start:start + args.batch_size]
            optimizer.zero_grad()
            loss = loss_fn(net(x[batch]), y[batch])
            loss.backward()
            optimizer.step()
            total += loss.item()
            batches += 1
        epoch_loss.append(total / batches)
        log(f"epoch {epoch}/{args.epochs}: loss {epoch_loss[-1]:.5f}")
    net.eval()
    return net, hidden, epoch_loss


# --- metrics on the evaluation slice (numpy; flagged = score >= threshold; tied scores form one block) ---

def pr_curve(scores, labels):
    """(threshold, recall, precision) per distinct score, highest first."""
    order = np.argsort(-scores, kind="stable")
    s, y = scores[order], labels[order] > 0.5
    tp, fp = np.cumsum(y), np.cumsum(~y)
    last_of_block = np.append(s[1:] != s[:-1], True)
    tp, fp, thresholds = tp[last_of_block], fp[last_of_block], s[last_of_block]
    return thresholds, tp / y.sum(), tp / (tp + fp)


def average_precision(scores, labels):
    _, recall, precision = pr_curve(scores, labels)
    return float(np.sum(np.diff(np.concatenate([[0.0], recall])) * precision))


def roc_auc(scores, labels):
    """The chance a random fraud row scores above a random genuine one, ties counting half (average ranks)."""
    order = np.argsort(scores, kind="stable")
    ranks = np.empty(len(scores), dtype=np.float64)
    s = scores[order]
    start = 0
    for end in np.append(np.flatnonzero(s[1:] != s[:-1]) + 1, len(s)):
        ranks[order[start:end]] = (start + end + 1) / 2.0
        start = end
    positive = labels > 0.5
    n_pos, n_neg = positive.sum(), (~positive).sum()
    return float((ranks[positive].sum() - n_pos * (n_pos + 1) / 2.0) / (n_pos * n_neg))


def threshold_at_fpr(scores, labels, fpr):
    """The lowest threshold flagging at most fpr of the genuine rows: just above the first one too many."""
    negatives = np.sort(scores[labels <= 0.5])[::-1]
    allowed = int(math.floor(fpr * len(negatives)))
    if allowed >= len(negatives):
        return np.float32(0)
    return min(np.float32(1), np.nextafter(negatives[allowed], np.float32(np.inf)))


def confusion(scores, labels, threshold):
    flagged, fraud = scores >= threshold, labels > 0.5
    tp, fp = int((flagged & fraud).sum()), int((flagged & ~fraud).sum())
    return {"recall": tp / max(1, int(fraud.sum())), "precision": tp / (tp + fp) if tp + fp else 1.0,
            "fpr": fp / max(1, int((~fraud).sum()))}


def evaluate(scores, labels):
    """Metrics, and thresholds: review at 1 % FPR; decline at the lowest score flagging >= 90 % fraud."""
    review = threshold_at_fpr(scores, labels, REVIEW_FPR)
    thresholds, _, precision = pr_curve(scores, labels)
    precise = thresholds[precision >= DECLINE_PRECISION]
    decline = precise.min() if len(precise) else threshold_at_fpr(scores, labels, DECLINE_FALLBACK_FPR)
    # decline must be stricter than review even when both land on the same score
    decline = min(np.float32(1), max(np.float32(decline), np.nextafter(review, np.float32(np.inf))))
    at_review, at_decline = confusion(scores, labels, review), confusion(scores, labels, decline)
    metrics = {
        "pr_auc": average_precision(scores, labels),
        "roc_auc": roc_auc(scores, labels),
        "recall_at_1pct_fpr": at_review["recall"],
        "precision_at_review": at_review["precision"],
        "recall_at_decline": at_decline["recall"],
        "precision_at_decline": at_decline["precision"],
        "eval_fraud_rate": float((labels > 0.5).mean()),
    }
    return metrics, {"review": float(review), "decline": float(decline)}


# --- writing the version ---

def next_version(model_dir):
    taken = [int(d) for d in os.listdir(model_dir) if VERSION_DIR.match(d)] if os.path.isdir(model_dir) else []
    return str(max(taken, default=0) + 1)


def mar_manifest(name, version):
    """MAR-INF/MANIFEST.json as TorchServe's model archiver lays it out."""
    return {
        "createdOn": datetime.now().strftime("%d/%m/%Y %H:%M:%S"),
        "runtime": "python",
        "model": {"modelName": name, "serializedFile": MODULE_FILE, "handler": "base_handler", "modelVersion": version},
        "archiverVersion": "fraudscore train_torchscript.py",
    }


def write_version(args, version, scripted, manifest, log):
    """Everything goes into a staging folder renamed into place, so no reader ever sees half a version."""
    model_dir = os.path.join(args.models_dir, args.name)
    target = os.path.join(model_dir, version)
    if os.path.exists(target):
        raise Refusal(f"{target} appeared while training; a version is never overwritten")
    staging = os.path.join(model_dir, f".staging-{version}-{os.getpid()}")
    os.makedirs(staging)
    try:
        module_path = os.path.join(staging, MODULE_FILE)
        torch.jit.save(scripted, module_path)
        manifest_text = json.dumps(manifest, indent=2) + "\n"
        if args.mar:
            with zipfile.ZipFile(os.path.join(staging, manifest["weights"]), "w", zipfile.ZIP_DEFLATED) as mar:
                mar.writestr("MAR-INF/MANIFEST.json", json.dumps(mar_manifest(args.name, version), indent=2))
                mar.write(module_path, MODULE_FILE)
                mar.writestr("manifest.json", manifest_text)
            os.remove(module_path)
        with open(os.path.join(staging, "manifest.json"), "w", encoding="utf-8") as f:
            f.write(manifest_text)
        os.rename(staging, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    log(f"wrote {target}")
    return target


def load_saved_module(target, weights, from_archive):
    """The module as written: from the version folder, or from inside the archive."""
    path = os.path.join(target, weights)
    if not from_archive:
        return torch.jit.load(path)
    with zipfile.ZipFile(path) as mar:
        return torch.jit.load(io.BytesIO(mar.read(MODULE_FILE)))


def write_reference(path, ids, scores):
    with open(path, "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(["transaction_id", "probability"])
        for tx, p in zip(ids, scores):
            out.writerow([tx, repr(float(p))])


def run(args):
    started = time.time()
    log = (lambda *_: None) if args.quiet else (lambda text: print(f"{time.time() - started:.1f} s: {text}", flush=True))
    if not MODEL_NAME.match(args.name):
        raise Refusal(f"the model name must be 1-64 letters, digits, '_', '.' or '-', got '{args.name}'")
    if args.version is not None and not VERSION_DIR.match(args.version):
        raise Refusal(f"--version must be a positive integer, got '{args.version}'")
    model_dir = os.path.join(args.models_dir, args.name)
    version = args.version or next_version(model_dir)
    if os.path.exists(os.path.join(model_dir, version)):
        raise Refusal(f"{os.path.join(model_dir, version)} exists; a version is never overwritten "
                      "(leave out --version for the next free one)")
    torch.set_num_threads(1)  # a tiny MLP: one thread is fastest and makes runs repeatable
    torch.use_deterministic_algorithms(True)

    sidecar = read_sidecar(args.sidecar or args.data + ".json")
    inputs = sidecar["inputs"]
    ids, millis, labels, x = read_rows(args.data, inputs, sidecar["rows"])
    cutoff = sidecar["split"]["cutoff"]
    is_train = millis < epoch_millis(cutoff)
    for slice_name, mask in (("training", is_train), ("evaluation", ~is_train)):
        positives = int((labels[mask] > 0.5).sum())
        if positives == 0 or positives == int(mask.sum()):
            raise Refusal(f"the {slice_name} slice (cutoff {cutoff}) has {positives} fraud rows out of "
                          f"{int(mask.sum())}; it needs both fraud and genuine rows")
    log(f"read {len(ids)} rows; training on {int(is_train.sum())} before {cutoff}, evaluating on {int((~is_train).sum())}")

    x_train = x[is_train]
    mean = torch.from_numpy(x_train.astype(np.float64).mean(axis=0).astype(np.float32))
    std64 = x_train.astype(np.float64).std(axis=0)
    std = torch.from_numpy(np.where(std64 < MIN_STD, 1.0, std64).astype(np.float32))
    net, hidden, epoch_loss = train(args, x_train, labels[is_train], mean, std, log)

    in_module = args.normalization == "module"
    scripted = torch.jit.script(FraudModule(net, mean, std, in_module, args.output == "probability"))
    eval_ids = [tx for tx, t in zip(ids, is_train) if not t]
    x_eval = torch.from_numpy(x[~is_train])
    with torch.no_grad():
        module_input = x_eval if in_module else (x_eval - mean) / std
        out = scripted(module_input)
        scores = (out if args.output == "probability" else torch.sigmoid(out)).reshape(-1).numpy()
    metrics, thresholds = evaluate(scores, labels[~is_train])

    manifest = {
        "name": args.name,
        "version": version,
        "createdAt": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "featureSet": sidecar["featureSet"],
        "inputs": inputs,
        "output": "fraud_probability",
        "metrics": metrics,
        "suggestedThresholds": thresholds,
        "weights": f"{args.name}.mar" if args.mar else MODULE_FILE,
        "training": {
            "framework": f"pytorch {torch.__version__}", "script": "tools/datascience/train_torchscript.py",
            "data": os.path.basename(args.data), "split": sidecar["split"], "seed": args.seed, "epochs": args.epochs,
            "batchSize": args.batch_size, "learningRate": args.learning_rate, "hidden": hidden,
            "positiveShare": args.positive_share, "optimizer": "adam", "loss": "bce_with_logits",
            "epochLoss": epoch_loss, "trainingSeconds": round(time.time() - started, 2),
        },
        "format": "torchserve-mar" if args.mar else "torchscript",
        "outputTransform": "none" if args.output == "probability" else "sigmoid",
    }
    if not in_module:
        manifest["normalization"] = {"mean": [float(v) for v in mean], "std": [float(v) for v in std]}
    target = write_version(args, version, scripted, manifest, log)

    if args.reference_out:
        # the saved file, loaded back: the scores a server must reproduce
        reloaded = load_saved_module(target, manifest["weights"], args.mar)
        n = min(args.reference_rows, len(eval_ids))
        with torch.no_grad():
            out = reloaded(module_input[:n])
            ref = (out if args.output == "probability" else torch.sigmoid(out)).reshape(-1).numpy()
        write_reference(args.reference_out, eval_ids[:n], ref)
        log(f"wrote PyTorch's scores of the first {n} evaluation rows to {args.reference_out}")

    print(f"model {args.name}/{version} written to {target} in {time.time() - started:.1f} s")
    for key, value in metrics.items():
        print(f"  {key:<22} {value:.4f}")
    print(f"  suggested thresholds: review {thresholds['review']:.4f}, decline {thresholds['decline']:.4f}")


def main(argv=None):
    try:
        run(parse_args(argv))
    except Refusal as refusal:
        print(f"train_torchscript.py: {refusal}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
