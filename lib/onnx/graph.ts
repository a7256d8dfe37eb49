/**
 * A small ONNX graph builder over onnx-proto, shared by every exporter in lib/onnx/.
 *
 * Why hand-built graphs: TF.js has no ONNX exporter, and our models are a handful of standard
 * ops (Gather, MatMul, Add, Relu, Concat, Sigmoid …), so writing the graph directly from the
 * extracted weights is shorter and more predictable than converting a TF.js model. Everything
 * here is pure data manipulation: it runs in Node and in a browser worker.
 *
 * Conventions: IR version 8, default-domain opset 13 (what onnxruntime-web 1.30 was verified
 * with); a symbolic first dimension ('batch') on inputs and outputs so one model serves any
 * batch size; weights stored as little-endian raw bytes (the ONNX wire format).
 */
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;

export const IR_VERSION = 8;
export const OPSET = 13;

/** Element types we use; values are onnx.TensorProto.DataType codes. */
export const DType = { float32: 1, int32: 6, int64: 7 } as const;
export type DTypeName = keyof typeof DType;

/** A dimension: a fixed size or a symbolic name such as 'batch'. */
export type Dim = number | string;

export type AttrValue = number | number[] | string | { float: number } | { floats: number[] };

export type TensorData = Float32Array | Int32Array | BigInt64Array;

function dtypeOf(data: TensorData): DTypeName {
  if (data instanceof Float32Array) return 'float32';
  if (data instanceof Int32Array) return 'int32';
  return 'int64';
}

// ONNX raw_data is little-endian; a view of a typed array's bytes is only correct on an LE host
// (every platform that runs Node or a browser today, but fail loudly rather than corrupt weights).
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** A TensorProto holding `data` with the given dims (raw little-endian bytes, copied). */
export function tensorProto(
  name: string,
  dims: number[],
  data: TensorData,
): onnxProto.onnx.ITensorProto {
  if (!LITTLE_ENDIAN) throw new Error('ONNX export needs a little-endian host');
  const size = dims.reduce((a, b) => a * b, 1);
  if (size !== data.length) {
    throw new Error(
      `tensor ${name}: dims [${dims.join(',')}] hold ${size} values, got ${data.length}`,
    );
  }
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength).slice();
  return { name, dims, dataType: DType[dtypeOf(data)], rawData: bytes };
}

function valueInfo(name: string, dtype: DTypeName, dims: Dim[]): onnxProto.onnx.IValueInfoProto {
  return {
    name,
    type: {
      tensorType: {
        elemType: DType[dtype],
        shape: {
          dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })),
        },
      },
    },
  };
}

function attribute(name: string, value: AttrValue): onnxProto.onnx.IAttributeProto {
  const T = onnx.AttributeProto.AttributeType;
  if (typeof value === 'number') {
    if (!Number.isInteger(value))
      throw new Error(`attribute ${name}: use {float} for non-integers`);
    return { name, type: T.INT, i: value };
  }
  if (typeof value === 'string')
    return { name, type: T.STRING, s: new TextEncoder().encode(value) };
  if (Array.isArray(value)) return { name, type: T.INTS, ints: value };
  if ('float' in value) return { name, type: T.FLOAT, f: value.float };
  return { name, type: T.FLOATS, floats: value.floats };
}

/**
 * Accumulates inputs, outputs, initializers and nodes, then serialises them. Node outputs are
 * auto-named from a counter unless given, so exporters read as straight-line code:
 * `const h = g.node('Relu', [g.node('MatMul', [x, w])])`.
 */
export class GraphBuilder {
  private readonly inputs: onnxProto.onnx.IValueInfoProto[] = [];
  private readonly outputs: onnxProto.onnx.IValueInfoProto[] = [];
  private readonly inits: onnxProto.onnx.ITensorProto[] = [];
  private readonly nodes: onnxProto.onnx.INodeProto[] = [];
  private readonly names = new Set<string>();
  private counter = 0;

  constructor(readonly graphName: string) {}

  private claim(name: string): string {
    if (this.names.has(name)) throw new Error(`duplicate ONNX value name: ${name}`);
    this.names.add(name);
    return name;
  }

  /** A fresh value name with the given stem. */
  fresh(stem: string): string {
    let name = `${stem}_${this.counter++}`;
    while (this.names.has(name)) name = `${stem}_${this.counter++}`;
    return name;
  }

  /** Declares a graph input and returns its name. */
  input(name: string, dtype: DTypeName, dims: Dim[]): string {
    this.inputs.push(valueInfo(this.claim(name), dtype, dims));
    return name;
  }

  /** Declares `value` as a graph output named `name` (adds an Identity node when renaming). */
  output(value: string, name: string, dtype: DTypeName, dims: Dim[]): void {
    if (value !== name) this.node('Identity', [value], {}, [name]);
    this.outputs.push(valueInfo(name, dtype, dims));
  }

  /** Adds a constant tensor (weights, shapes, epsilons) and returns its name. */
  initializer(name: string, dims: number[], data: TensorData): string {
    this.inits.push(tensorProto(this.claim(name), dims, data));
    return name;
  }

  /** A float32 scalar constant (rank 0), e.g. a temperature or an epsilon. */
  scalar(value: number, stem = 'const'): string {
    return this.initializer(this.fresh(stem), [], new Float32Array([value]));
  }

  /** An int64 1-D constant, the type ONNX wants for shapes, axes and K. */
  int64s(values: number[], stem = 'shape'): string {
    return this.initializer(this.fresh(stem), [values.length], BigInt64Array.from(values, BigInt));
  }

  /** Adds a node; returns its first output name (pass `outputs` to name them, e.g. TopK's two). */
  node(
    opType: string,
    inputs: string[],
    attrs: Record<string, AttrValue> = {},
    outputs?: string[],
  ): string {
    const outs = outputs ?? [this.fresh(opType.toLowerCase())];
    for (const o of outs) this.claim(o);
    this.nodes.push({
      opType,
      name: this.fresh(`${opType}_node`),
      input: inputs,
      output: outs,
      attribute: Object.entries(attrs).map(([k, v]) => attribute(k, v)),
    });
    return outs[0]!;
  }

  /** The ModelProto (IR 8, opset 13); `metadata` lands in metadata_props (e.g. the config). */
  model(docString = '', metadata: Record<string, string> = {}): onnxProto.onnx.IModelProto {
    return {
      metadataProps: Object.entries(metadata).map(([key, value]) => ({ key, value })),
      irVersion: IR_VERSION,
      opsetImport: [{ domain: '', version: OPSET }],
      producerName: 'mlsd-lab',
      producerVersion: '1',
      docString,
      graph: {
        name: this.graphName,
        input: this.inputs,
        output: this.outputs,
        initializer: this.inits,
        node: this.nodes,
      },
    };
  }

  /** Serialised model bytes, ready for `ort.InferenceSession.create(bytes)` or a file. */
  toBytes(docString = '', metadata: Record<string, string> = {}): Uint8Array {
    return onnx.ModelProto.encode(this.model(docString, metadata)).finish();
  }
}

/** Parses serialised bytes back into a ModelProto (tests and inspection tools). */
export function decodeModel(bytes: Uint8Array): onnxProto.onnx.ModelProto {
  return onnx.ModelProto.decode(bytes);
}
