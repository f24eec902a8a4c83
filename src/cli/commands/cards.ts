import { virtualCardKinds, type VirtualCardKind } from '../../core/cards/emulator/virtualCardKinds';
import type { PcscWorkerEvent } from '../../core/cards/pcsc/pcscWorkerProtocol';
import type { CardInfo } from '../../shared/cards/cardTypes';
import { CliUsageError, type CliCommand, type CliIo } from '../CliCommand';
import { parseOptions } from '../parseOptions';

/** The `cards watch --json` line contract (issue 5): one object per event, keys in this order. */
function toContractLine(event: PcscWorkerEvent): Record<string, unknown> | null {
  switch (event.type) {
    case 'reader':
      return { event: 'reader', name: event.name, state: event.state };
    case 'card':
      return cardLine(event.card);
    case 'removed':
      return { event: 'removed', reader: event.reader };
    case 'cardError':
      return { event: 'error', reader: event.error.reader, code: event.error.code, message: event.error.message };
    case 'status':
      return event.status === 'unavailable'
        ? { event: 'error', reader: '', code: 'SERVICE_UNAVAILABLE', message: `service carte à puce indisponible (${event.detail ?? 'pcscd'})` }
        : null;
    default:
      return null;
  }
}

function cardLine(card: CardInfo): Record<string, unknown> {
  const cps = card.cps === null ? null : { idNat: card.cps.idNat, rpps: card.cps.rpps, lastName: card.cps.lastName, firstName: card.cps.firstName, profession: card.cps.profession, serial: card.cps.serial, notBefore: card.cps.notBefore, notAfter: card.cps.notAfter, pinTriesLeft: card.cps.pinTriesLeft };
  return { event: 'card', reader: card.reader, type: card.type, atr: card.atr, uid: card.uid, cps, desfire: card.desfire };
}

function describeLine(line: Record<string, unknown>): string {
  if (line.event === 'reader') return `lecteur ${line.state === 'attached' ? 'branché' : 'débranché'} : ${String(line.name)}`;
  if (line.event === 'removed') return `carte retirée : ${String(line.reader)}`;
  if (line.event === 'error') return `erreur ${String(line.code)} ${String(line.reader)} : ${String(line.message)}`;
  const cps = line.cps as CardInfo['cps'];
  const who = cps === null ? (line.uid === null ? '' : ` UID ${String(line.uid)}`) : ` ${cps.lastName} ${cps.firstName} (${cps.profession}) idNat ${cps.idNat}`;
  return `carte ${String(line.type)} dans ${String(line.reader)} :${who}`;
}

function positiveNumber(text: string | undefined, flag: string): number | null {
  if (text === undefined) return null;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new CliUsageError(`--${flag} expects a positive number, got "${text}"`);
  return value;
}

async function watch(args: string[], io: CliIo): Promise<number> {
  const { values } = parseOptions(args, { json: { type: 'boolean', default: false }, count: { type: 'string' }, timeout: { type: 'string' }, readers: { type: 'string' } }, false);
  const count = positiveNumber(values.count, 'count');
  const timeoutSeconds = positiveNumber(values.timeout, 'timeout');
  const filter = values.readers?.toLowerCase() ?? null;
  // Loaded on use: every CLI start imports every command module.
  const { startPcscBridge } = await import('../../core/cards/pcsc/startPcscBridge');
  let printed = 0;
  let lastServiceLine = '';
  return new Promise((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    let finished = false;
    const finish = () => {
      finished = true;
      clearTimeout(timer);
      bridge.close();
      process.off('SIGINT', finish);
      resolve(0);
    };
    const bridge = startPcscBridge({
      onEvent(event) {
        const line = toContractLine(event);
        if (line === null || finished) return;
        const reader = String(line.event === 'reader' ? line.name : line.reader);
        if (filter !== null && reader !== '' && !reader.toLowerCase().includes(filter)) return;
        if (event.type === 'status') {
          // Say "unavailable" once per outage, not at every retry.
          if (JSON.stringify(line) === lastServiceLine) return;
          lastServiceLine = JSON.stringify(line);
        }
        io.out(values.json ? JSON.stringify(line) : describeLine(line));
        printed += 1;
        if (count !== null && printed >= count) finish();
      },
      log: (message) => io.err(message),
    });
    if (timeoutSeconds !== null) timer = setTimeout(finish, timeoutSeconds * 1000);
    process.once('SIGINT', finish);
  });
}

async function emulate(args: string[], io: CliIo): Promise<number> {
  const { values } = parseOptions(
    args,
    {
      card: { type: 'string' },
      port: { type: 'string', default: '35963' },
      host: { type: 'string', default: '127.0.0.1' },
      uid: { type: 'string' },
      'random-uid': { type: 'boolean', default: false },
      'id-nat': { type: 'string' },
      'last-name': { type: 'string' },
      'first-name': { type: 'string' },
      profession: { type: 'string' },
      pin: { type: 'string' },
      seconds: { type: 'string' },
    },
    false,
  );
  const kind = values.card as VirtualCardKind | undefined;
  if (kind === undefined || !virtualCardKinds.includes(kind)) throw new CliUsageError(`--card expects one of ${virtualCardKinds.join(', ')}`);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new CliUsageError(`--port expects a TCP port, got "${values.port}"`);
  const seconds = positiveNumber(values.seconds, 'seconds');
  const holder = {
    ...(values['id-nat'] === undefined ? {} : { idNat: values['id-nat'] }),
    ...(values['last-name'] === undefined ? {} : { lastName: values['last-name'] }),
    ...(values['first-name'] === undefined ? {} : { firstName: values['first-name'] }),
    ...(values.profession === undefined ? {} : { profession: values.profession }),
  };
  const [{ createVirtualCard }, { connectCardToVpcd }] = await Promise.all([import('../../core/cards/emulator/createVirtualCard'), import('../../core/cards/emulator/connectCardToVpcd')]);
  const card = await createVirtualCard({ kind, holder, randomUid: values['random-uid'], ...(values.uid === undefined ? {} : { uid: values.uid }), ...(values.pin === undefined ? {} : { pin: values.pin }) });
  const connection = connectCardToVpcd({ card, port, host: values.host });
  // vpcd queues a second card on a busy port: it is only inserted once vpcd speaks to it.
  await Promise.race([connection.ready, connection.closed]);
  io.err(`carte ${kind} insérée dans vpcd ${values.host}:${port} (Ctrl+C pour la retirer)`);
  await Promise.race([
    connection.closed,
    new Promise((resolve) => process.once('SIGINT', resolve)),
    ...(seconds === null ? [] : [new Promise((resolve) => setTimeout(resolve, seconds * 1000))]),
  ]);
  await connection.remove();
  io.err('carte retirée');
  return 0;
}

export const command: CliCommand = {
  name: 'cards',
  summary: 'Watch card readers over PC/SC (JSON lines), or emulate a card in a vpcd reader',
  usage: [
    'cards watch [--json] [--count N] [--timeout S] [--readers SUBSTRING]',
    `cards emulate --card ${virtualCardKinds.join('|')} [--port 35963] [--host H] [--uid HEX] [--random-uid] [--id-nat X --last-name X --first-name X --profession X] [--pin 1234] [--seconds S]`,
  ].join('\n       '),
  async run(args, io) {
    const [subcommand, ...rest] = args;
    if (subcommand === 'watch') return watch(rest, io);
    if (subcommand === 'emulate') return emulate(rest, io);
    throw new CliUsageError(`Expected "cards watch" or "cards emulate", got "${subcommand ?? ''}"`);
  },
};
