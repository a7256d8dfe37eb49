/**
 * A page's handle on a case-study worker that speaks the id protocol: every request carries an
 * id, the worker answers it with one 'done' or 'error' of that id and may send 'progress' on the
 * way. One promise per request; a crashed worker fails everything pending with a message that
 * says so. The video feed's and the ad page's clients are built on it.
 */
export type WorkerReply<A> =
  | { type: 'progress'; id: number; label: string; fraction: number }
  | { type: 'done'; id: number; result: A }
  | { type: 'error'; id: number; message: string; cancelled?: boolean };

type Pending<A> = { resolve: (v: A) => void; reject: (e: Error) => void };

export class WorkerClient<Req extends { id: number; type: string }, A> {
  private nextId = 1;
  private pending = new Map<number, Pending<A>>();

  constructor(
    private readonly worker: Worker,
    private readonly onProgress: (label: string, fraction: number) => void,
    what = 'The worker',
    /** Turns an error reply into the Error the caller sees (e.g. a Cancelled class). */
    private readonly toError: (m: { message: string; cancelled?: boolean }) => Error = (m) =>
      new Error(m.message),
  ) {
    worker.onmessage = (e: MessageEvent<WorkerReply<A>>) => this.settle(e.data);
    worker.onerror = (e) => {
      e.preventDefault();
      this.failAll(new Error(`${what} stopped: ${e.message || 'its script failed to load'}.`));
    };
  }

  private settle(m: WorkerReply<A>) {
    if (m.type === 'progress') {
      this.onProgress(m.label, m.fraction);
      return;
    }
    const p = this.pending.get(m.id);
    if (!p) return;
    this.pending.delete(m.id);
    if (m.type === 'done') p.resolve(m.result);
    else p.reject(this.toError(m));
  }

  private failAll(error: Error) {
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }

  /** Sends one request; resolves with its answer, typed by the caller. */
  request<T extends A>(body: Req extends unknown ? Omit<Req, 'id'> : never): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: A) => void, reject });
      this.worker.postMessage({ ...body, id });
    });
  }

  dispose() {
    this.worker.terminate();
    this.failAll(new Error('The worker was closed.'));
  }
}
