import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, STATUS_CODES } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { DeskCore } from '../core/desk/openDeskCore';
import { apiPath, tokenQueryParameter, type CallFrame, type EventFrame, type ResultFrame } from '../shared/api/wire';
import { checkUpgradeRequest } from './checkUpgradeRequest';
import { serveStaticFile } from './serveStaticFile';

export interface StartBrowserServerOptions {
  core: DeskCore;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  token?: string;
  onRejectedUpgrade?: (status: number, reason: string) => void;
}

export interface BrowserServer {
  port: number;
  token: string;
  /** The page to open, token included. */
  url: string;
  close(): Promise<void>;
}

function parseCallFrame(data: string): CallFrame | null {
  try {
    const frame = JSON.parse(data) as Partial<CallFrame>;
    return typeof frame === 'object' && frame !== null && Number.isSafeInteger(frame.id) && typeof frame.method === 'string'
      ? { id: frame.id!, method: frame.method, input: frame.input }
      : null;
  } catch {
    return null;
  }
}

/** Browser mode: the renderer over HTTP and the desk API over a token-guarded WebSocket, loopback only. */
export async function startBrowserServer({
  core,
  rendererDir,
  port = 0,
  token = randomBytes(24).toString('base64url'),
  onRejectedUpgrade = () => {},
}: StartBrowserServerOptions): Promise<BrowserServer> {
  const http = createServer((request, response) => {
    if (new URL(request.url ?? '/', 'http://127.0.0.1').pathname === apiPath) {
      response.writeHead(426, { 'Content-Type': 'text/plain; charset=utf-8', Upgrade: 'websocket' }).end('WebSocket only');
      return;
    }
    serveStaticFile(rendererDir, request, response);
  });
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 1 << 20 });
  const connections = new Set<WebSocket>();

  http.on('upgrade', (request, socket, head) => {
    const verdict = checkUpgradeRequest(request, { token, port: (http.address() as AddressInfo).port });
    if (!verdict.ok) {
      onRejectedUpgrade(verdict.status, verdict.reason);
      socket.end(`HTTP/1.1 ${verdict.status} ${STATUS_CODES[verdict.status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => sockets.emit('connection', ws));
  });

  const unsubscribe = core.events.subscribe((event, payload) => {
    const frame: EventFrame = { event, payload };
    const text = JSON.stringify(frame);
    for (const ws of connections) ws.send(text);
  });

  sockets.on('connection', (ws) => {
    const context = { connectionId: randomUUID(), transport: 'browser' as const };
    connections.add(ws);
    ws.on('close', () => connections.delete(ws));
    ws.on('message', async (data, isBinary) => {
      const frame = isBinary ? null : parseCallFrame(data.toString());
      if (frame === null) {
        ws.close(1003, 'expected a JSON call frame {id, method, input}');
        return;
      }
      const result = await core.dispatch(frame.method, frame.input, context);
      const reply: ResultFrame = { id: frame.id, result };
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(reply));
    });
  });

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(port, '127.0.0.1', () => resolve());
  });
  const actualPort = (http.address() as AddressInfo).port;
  return {
    port: actualPort,
    token,
    url: `http://127.0.0.1:${actualPort}/?${tokenQueryParameter}=${encodeURIComponent(token)}`,
    close: async () => {
      unsubscribe();
      for (const ws of connections) ws.terminate();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
