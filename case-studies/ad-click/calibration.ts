/**
 * What serving applies to a click model's raw output, as one JSON object beside its ONNX file:
 * first undo negative downsampling (q = p / (p + (1 − p) / w), features.recalibrate), then the
 * calibrator fit on the calibration day (Platt or isotonic, lib/calibration). No TF.js here, so
 * a page or worker can import it next to onnxruntime-web.
 */
import { calibratorFromJson, type Calibrator, type CalibratorJson } from '@/lib/calibration';
import { recalibrate } from './features';

export interface AdCalibrationJson {
  /** Share of negatives kept in training (1 = no downsampling, nothing to undo). */
  negativeRate: number;
  /** Fit on the calibration day to the recalibrated predictions. */
  calibrator: CalibratorJson;
}

export interface AdCalibration {
  readonly negativeRate: number;
  readonly calibrator: Calibrator;
  /** Raw model probability → calibrated click probability. */
  apply(p: number): number;
  applyAll(probs: ArrayLike<number>): Float32Array;
  toJSON(): AdCalibrationJson;
}

export function adCalibration(negativeRate: number, calibrator: Calibrator): AdCalibration {
  if (!(negativeRate > 0 && negativeRate <= 1)) {
    throw new RangeError(`adCalibration: negativeRate must be in (0, 1], got ${negativeRate}`);
  }
  const apply = (p: number): number => calibrator.apply(recalibrate(p, negativeRate));
  return {
    negativeRate,
    calibrator,
    apply,
    applyAll: (probs) => {
      const out = new Float32Array(probs.length);
      for (let i = 0; i < probs.length; i++) out[i] = apply(probs[i]!);
      return out;
    },
    toJSON: () => ({ negativeRate, calibrator: calibrator.toJSON() }),
  };
}

/** Rebuilds the serving calibration from its JSON (validated). */
export function adCalibrationFromJson(json: unknown): AdCalibration {
  const j = json as Partial<AdCalibrationJson> | null;
  if (!j || typeof j !== 'object' || typeof j.negativeRate !== 'number') {
    throw new RangeError('adCalibrationFromJson: needs a number negativeRate and a calibrator');
  }
  return adCalibration(j.negativeRate, calibratorFromJson(j.calibrator));
}
