import { connect, type Socket } from 'node:net';
import type { VirtualCard } from './VirtualCard';

export interface VpcdConnection {
  /** Resolves at vpcd's first message: pcscd now polls this card (vpcd queues extra clients). */
  ready: Promise<void>;
  /** Pulls the card out (closes the connection). */
  remove(): Promise<void>;
  /** Resolves when the connection ends, whoever closed it. */
  closed: Promise<void>;
}

const control = { powerOff: 0x00, powerOn: 0x01, reset: 0x02, getAtr: 0x04 } as const;

function frame(payload: Uint8Array): Buffer {
  // vpcd blocks forever on an empty frame: answer "no precise diagnosis" instead.
  const body = payload.length === 0 ? Uint8Array.from([0x6f, 0x00]) : payload;
  const framed = Buffer.alloc(body.length + 2);
  framed.writeUInt16BE(body.length, 0);
  framed.set(body, 2);
  return framed;
}

/**
 * Inserts `card` into a vpcd reader: vsmartcard's protocol over TCP (connect = insert, close =
 * remove; 2-byte big-endian length + payload both ways; 1-byte payloads are power/ATR controls).
 */
export function connectCardToVpcd({ card, port, host = '127.0.0.1' }: { card: VirtualCard; port: number; host?: string }): VpcdConnection {
  const socket: Socket = connect({ host, port, noDelay: true });
  let pending = Buffer.alloc(0);
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  socket.on('error', () => socket.destroy());

  const handle = (payload: Buffer) => {
    markReady();
    if (payload.length === 1) {
      const code = payload[0];
      if (code === control.getAtr) socket.write(frame(card.atr));
      else if (code === control.powerOn || code === control.reset) card.reset();
      // Power off needs no answer and changes nothing the card must remember.
      return;
    }
    let response: Uint8Array;
    try {
      response = card.transmit(new Uint8Array(payload));
    } catch {
      response = Uint8Array.from([0x6f, 0x00]);
    }
    socket.write(frame(response));
  };

  socket.on('data', (chunk: Buffer) => {
    pending = Buffer.concat([pending, chunk]);
    while (pending.length >= 2) {
      const length = pending.readUInt16BE(0);
      if (pending.length < 2 + length) break;
      const payload = pending.subarray(2, 2 + length);
      pending = pending.subarray(2 + length);
      handle(Buffer.from(payload));
    }
  });

  return {
    ready,
    closed,
    remove: () => {
      socket.end();
      socket.destroy();
      return closed;
    },
  };
}
