/**
 * Mini-batch training with Adam, seeded shuffling, early stopping on a validation split and a
 * progress callback. Deterministic: the same model seed, data and options give bit-identical
 * weights and losses (seeded init, seeded split and shuffles, single-threaded kernels).
 */
import * as tf from '@tensorflow/tfjs';
import { createRng, shuffleInPlace } from '../random';
import { numRows, range, splitTable, takeRows, type DataTable } from './data';
import { toTensors, type Model } from './model';
import { evaluateLoss } from './predict';
import type { WeightMap } from './weights';

/** Reported after every batch. `epoch` and `batch` count from 1. */
export interface Progress {
  epoch: number;
  batch: number;
  batches: number;
  /** Loss of this batch. */
  loss: number;
  /** Training throughput so far in this epoch. */
  examplesPerSec: number;
}

export interface EpochLog {
  epoch: number;
  /** Mean training loss over the epoch's batches (weighted by batch size). */
  trainLoss: number;
  valLoss?: number;
  seconds: number;
  examplesPerSec: number;
}

export interface FitOptions {
  epochs: number;
  batchSize: number;
  learningRate?: number;
  adam?: { beta1?: number; beta2?: number; epsilon?: number };
  /** Seed for the split and the shuffles; defaults to the model's seed. */
  seed?: number;
  /** Held-out rows for early stopping; or carve `validationFraction` out of the data. */
  validation?: DataTable;
  validationFraction?: number;
  /** Stop after this many epochs in a row without a validation improvement > minDelta
   * (Keras semantics; default: never stop early). */
  patience?: number;
  minDelta?: number;
  /** Put back the weights of the best validation epoch at the end (default true). */
  restoreBest?: boolean;
  onProgress?: (p: Progress) => void;
  onEpochEnd?: (e: EpochLog) => void;
  /** Checked between batches; training stops (keeping the best weights) when aborted. */
  signal?: AbortSignal;
  /** Yield to the event loop every N batches so a worker can receive messages (0 = never). */
  yieldEvery?: number;
}

export interface FitResult {
  history: EpochLog[];
  /** Epoch whose weights the model holds at the end (the best one under validation). */
  bestEpoch: number;
  bestValLoss?: number;
  stoppedEarly: boolean;
  aborted: boolean;
  seconds: number;
  examplesPerSec: number;
}

const now = (): number => performance.now();

export async function fit(model: Model, data: DataTable, opts: FitOptions): Promise<FitResult> {
  for (const c of model.trainColumns) {
    if (!(c in data)) throw new Error(`${model.kind}: training data lacks column "${c}"`);
  }
  const rng = createRng(opts.seed ?? model.params.seed);
  const splitRng = rng.fork();
  const shuffleRng = rng.fork();
  let train = data;
  let validation = opts.validation;
  if (!validation && opts.validationFraction && opts.validationFraction > 0) {
    ({ train, validation } = splitTable(data, opts.validationFraction, splitRng));
  }
  const n = numRows(train);
  const batches = Math.ceil(n / opts.batchSize);
  const optimizer = tf.train.adam(
    opts.learningRate ?? 1e-3,
    opts.adam?.beta1 ?? 0.9,
    opts.adam?.beta2 ?? 0.999,
    opts.adam?.epsilon ?? 1e-7,
  );
  const vars = model.params.list();
  const restoreBest = opts.restoreBest ?? true;
  const history: EpochLog[] = [];
  let best: { epoch: number; loss: number; weights: WeightMap | null } = {
    epoch: 0,
    loss: Infinity,
    weights: null,
  };
  let sinceBest = 0;
  let stoppedEarly = false;
  let aborted = false;
  const t0 = now();
  let examples = 0;

  const order = range(n);
  try {
    for (let epoch = 1; epoch <= opts.epochs && !aborted; epoch++) {
      shuffleInPlace(order, shuffleRng);
      const e0 = now();
      let lossSum = 0;
      let seen = 0;
      for (let b = 0; b < batches; b++) {
        if (opts.signal?.aborted) {
          aborted = true;
          break;
        }
        const start = b * opts.batchSize;
        const end = Math.min(n, start + opts.batchSize);
        const rows = takeRows(train, order, start, end);
        const lossT = tf.tidy(() =>
          optimizer.minimize(() => model.loss(toTensors(rows)), true, vars)!,
        );
        const loss = lossT.dataSync()[0]!;
        lossT.dispose();
        if (!Number.isFinite(loss))
          throw new Error(`${model.kind}: loss became ${loss} (epoch ${epoch})`);
        lossSum += loss * (end - start);
        seen += end - start;
        opts.onProgress?.({
          epoch,
          batch: b + 1,
          batches,
          loss,
          examplesPerSec: seen / Math.max(1e-9, (now() - e0) / 1000),
        });
        if (opts.yieldEvery && (b + 1) % opts.yieldEvery === 0) {
          await new Promise((resolve) => setTimeout(resolve, 0));
        }
      }
      if (seen === 0) break;
      examples += seen;
      const seconds = (now() - e0) / 1000;
      const log: EpochLog = {
        epoch,
        trainLoss: lossSum / seen,
        seconds,
        examplesPerSec: seen / seconds,
      };
      if (validation) log.valLoss = evaluateLoss(model, validation, opts.batchSize);
      history.push(log);
      opts.onEpochEnd?.(log);

      // Early stopping watches validation loss; without validation every epoch counts as "best".
      const monitored = log.valLoss ?? -epoch;
      if (monitored < best.loss - (opts.minDelta ?? 0)) {
        best = {
          epoch,
          loss: monitored,
          weights: restoreBest && validation ? model.params.extract() : null,
        };
        sinceBest = 0;
      } else if (opts.patience !== undefined && ++sinceBest >= opts.patience) {
        stoppedEarly = true;
        break;
      }
    }
  } finally {
    // Also on a thrown error (e.g. a NaN loss), so Adam's slot variables do not leak.
    optimizer.dispose();
  }
  const lastEpoch = history.length;
  if (restoreBest && validation && best.weights && best.epoch !== lastEpoch) {
    model.params.load(best.weights);
  }
  const seconds = (now() - t0) / 1000;
  return {
    history,
    bestEpoch: validation ? best.epoch : lastEpoch,
    bestValLoss: validation && best.epoch > 0 ? best.loss : undefined,
    stoppedEarly,
    aborted,
    seconds,
    examplesPerSec: examples / Math.max(1e-9, seconds),
  };
}
