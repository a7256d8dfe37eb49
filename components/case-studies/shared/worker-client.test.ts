import { describe, expect, it } from 'vitest';
import { WorkerClient, type WorkerReply } from './worker-client';

type Req = { id: number; type: 'echo'; value: number } | { id: number; type: 'fail' };

/** A stand-in Worker that answers in a later task, like a real one. */
class FakeWorker {
  onmessage: ((e: MessageEvent<WorkerReply<number>>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  terminated = false;
  postMessage(req: Req) {
    setTimeout(() => {
      const reply = (m: WorkerReply<number>) => this.onmessage?.({ data: m } as MessageEvent);
      if (req.type === 'fail') {
        reply({ type: 'error', id: req.id, message: 'no such thing' });
        return;
      }
      reply({ type: 'progress', id: req.id, label: 'working', fraction: 0.5 });
      reply({ type: 'done', id: req.id, result: req.value * 2 });
    }, 0);
  }
  terminate() {
    this.terminated = true;
  }
  crash(message: string) {
    this.onerror?.({ message, preventDefault() {} } as ErrorEvent);
  }
}

const make = () => {
  const worker = new FakeWorker();
  const progress: string[] = [];
  const client = new WorkerClient<Req, number>(
    worker as unknown as Worker,
    (label, f) => progress.push(`${label} ${f}`),
    'The test worker',
  );
  return { worker, client, progress };
};

describe('WorkerClient', () => {
  it('matches answers to requests by id and reports progress', async () => {
    const { client, progress } = make();
    const [a, b] = await Promise.all([
      client.request<number>({ type: 'echo', value: 2 }),
      client.request<number>({ type: 'echo', value: 5 }),
    ]);
    expect([a, b]).toEqual([4, 10]);
    expect(progress).toEqual(['working 0.5', 'working 0.5']);
  });

  it("rejects with the worker's message", async () => {
    const { client } = make();
    await expect(client.request({ type: 'fail' })).rejects.toThrow('no such thing');
  });

  it("maps error replies through the caller's toError (e.g. a cancelled class)", async () => {
    class Cancelled extends Error {}
    const worker = new FakeWorker();
    worker.postMessage = (req: Req) =>
      setTimeout(() =>
        worker.onmessage?.({
          data: { type: 'error', id: req.id, message: 'superseded', cancelled: true },
        } as MessageEvent),
      );
    const client = new WorkerClient<Req, number>(
      worker as unknown as Worker,
      () => {},
      'w',
      (m) => (m.cancelled ? new Cancelled(m.message) : new Error(m.message)),
    );
    await expect(client.request({ type: 'echo', value: 1 })).rejects.toBeInstanceOf(Cancelled);
  });

  it('a crash fails everything pending and says which worker stopped', async () => {
    const { client, worker } = make();
    const pending = client.request({ type: 'echo', value: 1 });
    worker.crash('out of memory');
    await expect(pending).rejects.toThrow('The test worker stopped: out of memory.');
  });

  it('dispose terminates the worker and fails what is pending', async () => {
    const { client, worker } = make();
    const pending = client.request({ type: 'echo', value: 1 });
    client.dispose();
    expect(worker.terminated).toBe(true);
    await expect(pending).rejects.toThrow('closed');
  });
});
