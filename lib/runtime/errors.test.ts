import { describe, expect, it } from 'vitest';
import { RuntimeError, classifyError } from './errors';

describe('classifyError', () => {
  it.each([
    [new RangeError('Array buffer allocation failed'), 'RUN_FAILED', 'OUT_OF_MEMORY'],
    [
      new Error('Aborted(OOM). Build with -sASSERTIONS for more info.'),
      'RUN_FAILED',
      'OUT_OF_MEMORY',
    ],
    [
      new Error('WebAssembly.Memory(): could not allocate memory; Cannot enlarge memory arrays'),
      'MODEL_INVALID',
      'OUT_OF_MEMORY',
    ],
    [
      new Error(
        'failed to load external data file: no available backend found. ERR: [wasm] TypeError: Failed to fetch',
      ),
      'RUNTIME_LOAD_FAILED',
      'RUNTIME_LOAD_FAILED',
    ],
    [
      new Error(
        'WebAssembly.instantiate(): expected magic word 00 61 73 6d, found 3c 21 44 4f @+0',
      ),
      'RUNTIME_LOAD_FAILED',
      'RUNTIME_LOAD_FAILED',
    ],
    [
      new Error(
        "Can't create a session. ERROR_CODE: 7, ERROR_MESSAGE: Failed to load model because protobuf parsing failed.",
      ),
      'MODEL_INVALID',
      'MODEL_INVALID',
    ],
    [
      new Error(
        'failed to call OrtRun(). ERROR_CODE: 2, ERROR_MESSAGE: Got invalid dimensions for input',
      ),
      'RUN_FAILED',
      'RUN_FAILED',
    ],
  ])('%s → %s', (error, fallback, code) => {
    const classified = classifyError(error, fallback as never);
    expect(classified).toBeInstanceOf(RuntimeError);
    expect(classified.code).toBe(code);
    expect(classified.message.length).toBeGreaterThan(10);
  });

  it('keeps a RuntimeError as it is and truncates long platform messages', () => {
    const own = new RuntimeError('NO_WEBGPU', 'none');
    expect(classifyError(own, 'RUN_FAILED')).toBe(own);
    expect(classifyError(new Error('x'.repeat(1000)), 'RUN_FAILED').message.length).toBeLessThan(
      320,
    );
  });
});
