import type { ErrorCode, WireError } from './protocol';

/** An ML runtime failure with a code the UI can branch on and a sentence a learner can act on. */
export class RuntimeError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RuntimeError';
  }

  toWire(): WireError {
    return { code: this.code, message: this.message };
  }
}

const RULES: { code: ErrorCode; test: RegExp; message: string }[] = [
  {
    code: 'RUNTIME_LOAD_FAILED',
    test: /magic (word|number)|failed to fetch|networkerror|404|not found|compile|wasm.*(instantiate|load)|no available backend|importScripts|dynamically imported module/i,
    message:
      "The ML runtime's WebAssembly file could not be loaded (missing, or the server sent something else). Check your connection and retry.",
  },
  {
    code: 'OUT_OF_MEMORY',
    test: /out of memory|oom|allocation failed|array buffer allocation|memory access out of bounds|cannot enlarge memory/i,
    message:
      'The browser ran out of memory for this model. Close other tabs or pick a smaller setting, then retry.',
  },
  {
    code: 'MODEL_INVALID',
    test: /protobuf|parse|failed to load model|invalid model|model_proto|load model from/i,
    message: 'The model file is damaged or incomplete and could not be loaded.',
  },
];

/** Maps an error thrown by onnxruntime-web (or the platform) to a coded RuntimeError. */
export function classifyError(error: unknown, fallback: ErrorCode): RuntimeError {
  if (error instanceof RuntimeError) return error;
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  if (error instanceof RangeError && /memory|allocation|buffer/i.test(text))
    return new RuntimeError('OUT_OF_MEMORY', RULES[1]!.message);
  const rule = RULES.find((r) => r.test.test(text));
  const detail = text.length > 300 ? `${text.slice(0, 300)}…` : text;
  if (rule && (fallback !== 'RUN_FAILED' || rule.code === 'OUT_OF_MEMORY'))
    return new RuntimeError(rule.code, `${rule.message} (${detail})`);
  return new RuntimeError(fallback, detail);
}
