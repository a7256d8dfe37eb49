/**
 * Evaluation metrics for the MLSD Lab engine: ranking (top-K), binary classification,
 * calibration, regression, and seeded bootstrap confidence intervals. Pure TypeScript.
 *
 * Error policy, shared by every function:
 * - Malformed input throws a RangeError with a message naming the function and the problem:
 *   length mismatch, NaN where a number is needed, labels other than 0/1, probabilities outside
 *   [0, 1], k or bin counts that are not integers ≥ 1, duplicate ids in a ranked list.
 * - A value that is mathematically undefined for valid input is NaN, never a silent 0 or 1:
 *   ranking metrics for a user with no relevant item, AUC/average precision with one class,
 *   normalized entropy at base rate 0 or 1, precision with nothing predicted positive, any mean
 *   over empty input. Means over users skip NaN users and report how many were skipped.
 * - Exceptions to NaN: rocCurve/prCurve throw when a class is missing (a curve with a NaN axis
 *   cannot be plotted), and bootstraps throw on an empty sample.
 */
export * from './ranking';
export * from './classification';
export * from './calibration';
export * from './regression';
export * from './bootstrap';
