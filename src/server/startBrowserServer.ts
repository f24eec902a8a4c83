import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { DeskCore } from '../core/desk/openDeskCore';
import { DeskError } from '../shared/api/errors';
import {
  apiPath,
  launchPath,
  launchQueryParameter,
  maxCallFrameBytes,
  maxUploadBytes,
  tokenHeader,
  tokenQueryParameter,
  uploadPath,
  type CallFrame,
  type EventFrame,
  type ResultFrame,
} from '../shared/api/wire';
import { browserSecurityHeaders } from './browserSecurityHeaders';
import { checkUpgradeRequest } from './checkUpgradeRequest';
import { createUploadStore } from './createUploadStore';
import { isOwnHost } from './isOwnHost';
import { isOwnOrigin } from './isOwnOrigin';
import { isSameSecret } from './isSameSecret';
import { readRequestBody } from './readRequestBody';
import { readRequestTarget } from './readRequestTarget';
import { serveStaticFile } from './serveStaticFile';

export interface StartBrowserServerOptions {
  core: DeskCore;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  token?: string;
  onRejectedUpgrade?: (status: number, reason: string) => void;
  /** A frame or request the server could not handle (logged, never fatal). */
  onError?: (message: string, error?: unknown) => void;
}

export interface BrowserServer {
  port: number;
  token: string;
  /** The page with the token in the address (tests, scripts); the page moves it out of the address bar. */
  url: string;
  /**
   * The address to print and open: `http://localhost:PORT/?launch=CODE`, where CODE is good for
   * one exchange against the token (so neither `xdg-open`'s argv nor the history keeps the token).
   */
  createLaunchUrl(): string;
  close(): Promise<void>;
}

const launchCodeLifetimeMs = 10 * 60_000;
const utf8 = new TextDecoder('utf-8', { fatal: true });

function parseCallFrame(data: string): CallFrame | null {
  try {
    const frame = JSON.parse(data) as Partial<CallFrame> | null;
    if (typeof frame !== 'object' || frame === null || !Number.isSafeInteger(frame.id) || typeof frame.method !== 'string') return null;
    if (frame.inputUpload !== undefined && typeof frame.inputUpload !== 'string') return null;
    return { id: frame.id!, method: frame.method, input: frame.input, ...(frame.inputUpload === undefined ? {} : { inputUpload: frame.inputUpload }) };
  } catch {
    return null;
  }
}

function answer(response: ServerResponse, status: number, body: unknown = { error: STATUS_CODES[status] }): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { ...browserSecurityHeaders, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) }).end(text);
}

function refuseSocket(socket: Duplex, status: number): void {
  if (socket.writable) socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  else socket.destroy();
}

const uploadRefused = (message: { fr: string; en: string }) => new DeskError('INVALID_ARGUMENT', message).toData();

/**
 * Browser mode: the renderer over HTTP and the desk API over a token-guarded WebSocket, loopback
 * only. Nothing a client sends can stop the process: every malformed request is a 4xx, every bad
 * frame closes its socket (1003 binary, 1007 invalid UTF-8, 1009 too big).
 */
export async function startBrowserServer({
  core,
  rendererDir,
  port = 0,
  token = randomBytes(24).toString('base64url'),
  onRejectedUpgrade = () => {},
  onError = () => {},
}: StartBrowserServerOptions): Promise<BrowserServer> {
  let actualPort = port;
  const uploads = createUploadStore();
  const launchCodes = new Map<string, number>();
  const sockets = new WebSocketServer({ noServer: true, maxPayload: maxCallFrameBytes });
  const connections = new Map<WebSocket, string>();

  async function receiveUpload(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== 'POST') return answer(response, 405);
    if (!isOwnOrigin(request.headers.origin, actualPort)) return answer(response, 403);
    const given = request.headers[tokenHeader];
    if (typeof given !== 'string' || !isSameSecret(given, token)) return answer(response, 401);
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) return answer(response, 415);
    const reading = await readRequestBody(request, maxUploadBytes);
    if (!reading.ok) return answer(response, reading.status);
    const uploadId = uploads.put(reading.body);
    if (uploadId === null) return answer(response, 503);
    answer(response, 201, { uploadId });
  }

  async function exchangeLaunchCode(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== 'POST') return answer(response, 405);
    if (!isOwnOrigin(request.headers.origin, actualPort)) return answer(response, 403);
    const reading = await readRequestBody(request, 256);
    if (!reading.ok) return answer(response, reading.status);
    const code = reading.body.toString('latin1').trim();
    const expiresAt = launchCodes.get(code);
    launchCodes.delete(code);
    if (expiresAt === undefined || expiresAt < Date.now()) return answer(response, 401);
    answer(response, 200, { token });
  }

  function route(request: IncomingMessage, response: ServerResponse): void {
    const target = readRequestTarget(request.url);
    if (target === null) return answer(response, 400);
    // Static files too: a page of another site reached by DNS rebinding gets nothing.
    if (!isOwnHost(request.headers.host, actualPort)) return answer(response, 403);
    if (target.pathname === uploadPath) return void receiveUpload(request, response).catch((error: unknown) => failRequest(response, error));
    if (target.pathname === launchPath) return void exchangeLaunchCode(request, response).catch((error: unknown) => failRequest(response, error));
    if (target.pathname === apiPath) {
      response.writeHead(426, { ...browserSecurityHeaders, 'Content-Type': 'text/plain; charset=utf-8', Upgrade: 'websocket' }).end('WebSocket only');
      return;
    }
    if (target.pathname.startsWith('/api/')) return answer(response, 404);
    serveStaticFile(rendererDir, request, response, target.pathname);
  }

  function failRequest(response: ServerResponse, error: unknown): void {
    onError('request failed', error);
    if (!response.headersSent) answer(response, 500);
    else response.destroy();
  }

  function onRequest(request: IncomingMessage, response: ServerResponse): void {
    request.on('error', () => response.destroy());
    response.on('error', () => {});
    try {
      route(request, response);
    } catch (error) {
      failRequest(response, error);
    }
  }

  function onUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    try {
      const verdict = checkUpgradeRequest(request, { token, port: actualPort });
      if (!verdict.ok) {
        onRejectedUpgrade(verdict.status, verdict.reason);
        refuseSocket(socket, verdict.status);
        return;
      }
      sockets.handleUpgrade(request, socket, head, (ws) => sockets.emit('connection', ws));
    } catch (error) {
      onError('upgrade failed', error);
      refuseSocket(socket, 400);
    }
  }

  function onClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
    refuseSocket(socket, error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400);
  }

  const unsubscribe = core.events.subscribe((event, payload) => {
    for (const [ws, connectionId] of connections) {
      // The core decides what each connection may see (identities only with a session).
      const visible = core.eventForConnection(connectionId, event, payload);
      if (visible === undefined || ws.readyState !== ws.OPEN) continue;
      const frame: EventFrame = { event, payload: visible };
      ws.send(JSON.stringify(frame));
    }
  });

  async function handleFrame(ws: WebSocket, context: { connectionId: string; transport: 'browser' }, data: RawData, isBinary: boolean): Promise<void> {
    const text = isBinary ? null : decodeFrame(data);
    const frame = text === null ? null : parseCallFrame(text);
    if (frame === null) {
      ws.close(1003, 'expected a JSON call frame {id, method, input}');
      return;
    }
    let input = frame.input;
    if (frame.inputUpload !== undefined) {
      const body = uploads.take(frame.inputUpload);
      const decoded = body === null ? null : decodeJson(body);
      if (decoded === null) {
        const reply: ResultFrame = {
          id: frame.id,
          result: {
            ok: false,
            error: uploadRefused({ fr: 'Le fichier envoyé est introuvable, expiré ou illisible : renvoyez-le.', en: 'The uploaded input is unknown, expired or unreadable: send it again.' }),
          },
        };
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(reply));
        return;
      }
      input = decoded.value;
    }
    const result = await core.dispatch(frame.method, input, context);
    const reply: ResultFrame = { id: frame.id, result };
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(reply));
  }

  sockets.on('error', (error) => onError('WebSocket server error', error));
  sockets.on('connection', (ws) => {
    const context = { connectionId: randomUUID(), transport: 'browser' as const };
    connections.set(ws, context.connectionId);
    // ws closes the socket itself (1007 invalid UTF-8, 1009 too big…); without a listener the error would kill the process.
    ws.on('error', (error) => onError('WebSocket connection error', error));
    ws.on('close', () => {
      connections.delete(ws);
      core.forgetConnection(context.connectionId);
    });
    ws.on('message', (data, isBinary) => {
      handleFrame(ws, context, data, isBinary).catch((error: unknown) => {
        onError('frame failed', error);
        ws.close(1011, 'internal error');
      });
    });
  });

  const servers: Server[] = [];
  const listen = (server: Server, host: string, wanted: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(wanted, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  const createLoopbackServer = () => {
    const server = createServer({ maxHeaderSize: 16 * 1024, requestTimeout: 120_000 }, onRequest);
    server.on('upgrade', onUpgrade);
    server.on('clientError', onClientError);
    server.on('error', (error) => onError('HTTP server error', error));
    return server;
  };
  const ipv4 = createLoopbackServer();
  await listen(ipv4, '127.0.0.1', port);
  servers.push(ipv4);
  actualPort = (ipv4.address() as AddressInfo).port;
  // `localhost` may resolve to ::1 first (WebAuthn needs the name localhost): answer there too when the machine has IPv6 loopback.
  const ipv6 = createLoopbackServer();
  await listen(ipv6, '::1', actualPort).then(
    () => servers.push(ipv6),
    () => {},
  );
  const openSockets = new Set<Socket>();
  for (const server of servers) server.on('connection', (socket: Socket) => {
    openSockets.add(socket);
    socket.on('close', () => openSockets.delete(socket));
  });

  return {
    port: actualPort,
    token,
    url: `http://127.0.0.1:${actualPort}/?${tokenQueryParameter}=${encodeURIComponent(token)}`,
    createLaunchUrl() {
      const code = randomBytes(18).toString('base64url');
      launchCodes.set(code, Date.now() + launchCodeLifetimeMs);
      return `http://localhost:${actualPort}/?${launchQueryParameter}=${code}`;
    },
    close: async () => {
      unsubscribe();
      for (const ws of connections.keys()) ws.terminate();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      for (const socket of openSockets) socket.destroy();
      await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
    },
  };
}

function decodeFrame(data: RawData): string | null {
  try {
    const buffer = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
    return utf8.decode(buffer);
  } catch {
    return null;
  }
}

function decodeJson(body: Buffer): { value: unknown } | null {
  try {
    return { value: JSON.parse(utf8.decode(body)) as unknown };
  } catch {
    return null;
  }
}
