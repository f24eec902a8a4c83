import { connect } from 'node:net';

export const defaultPcscdSocket = '/run/pcscd/pcscd.comm';

/** The socket libpcsclite uses: `$PCSCLITE_CSOCK_NAME` or the Debian default. */
export function resolvePcscdSocket(env: NodeJS.ProcessEnv = process.env): string {
  return env.PCSCLITE_CSOCK_NAME ?? defaultPcscdSocket;
}

/**
 * True when pcscd accepts connections on its socket. A socket file alone is not enough: after a
 * `kill -9` it stays behind. Checked before creating the binding, whose constructor spins at 100%
 * CPU while pcscd is absent.
 */
export function isPcscdReachable(socketPath: string, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(socketPath);
    const finish = (reachable: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(reachable);
    };
    const timer = setTimeout(() => finish(false), timeoutMs);
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
  });
}
