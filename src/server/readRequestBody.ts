import type { IncomingMessage } from 'node:http';

export type BodyReading = { ok: true; body: Buffer } | { ok: false; status: 400 | 413 };

/** Reads a request body as it streams in, stopping at `limit` bytes (413) or on a broken stream (400). */
export function readRequestBody(request: IncomingMessage, limit: number): Promise<BodyReading> {
  return new Promise((resolve) => {
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      resolve({ ok: false, status: 413 });
      request.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (result: BodyReading) => {
      if (done) return;
      done = true;
      resolve(result);
    };
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        finish({ ok: false, status: 413 });
        request.resume();
        return;
      }
      if (!done) chunks.push(chunk);
    });
    request.on('end', () => finish({ ok: true, body: Buffer.concat(chunks) }));
    request.on('error', () => finish({ ok: false, status: 400 }));
    request.on('aborted', () => finish({ ok: false, status: 400 }));
  });
}
