import { join } from 'node:path';
import { runBrowserMode } from '../../src/server/runBrowserMode';

/**
 * Browser mode in a process of its own (demo mode, no browser opened), for tests that must see
 * whether the process survives what they send. Args: DATA_DIR.
 */
const dataDir = process.argv[2];
if (dataDir === undefined) throw new Error('usage: runBrowserModeChild DATA_DIR');
await runBrowserMode({ dataDir, rendererDir: join(import.meta.dirname, '..', '..', 'out', 'renderer'), appVersion: 'fuzz', port: 0, open: false, demo: true });
