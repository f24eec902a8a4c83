export interface StartArguments {
  /** `--demo`: the demo hospital and simulated readers (what `npm start` passes). */
  demo: boolean;
  forceBrowser: boolean;
  port: number;
  open: boolean;
  help: boolean;
  /** `--scim-provider PORT`: also serve the read-only SCIM provider on loopback (browser mode). */
  scimProviderPort: number | null;
}

export const startUsage = `Usage: npm start -- [--browser] [--port N] [--no-open]
       npx tsx scripts/start.ts [--demo] [--browser] [--port N] [--no-open]

  --demo      Demo mode: the demo hospital, simulated readers, a DÉMONSTRATION banner
              (npm start passes it; without it a first start opens the setup screen)
  --browser   Browser mode even when the Electron runtime is installed
  --port N    Listen on localhost:N (loopback only) in browser mode (default: a free port)
  --no-open   Do not open a browser window (print the address only)
  --scim-provider PORT
              Browser mode: also serve the desk's people read-only over SCIM 2.0 on
              127.0.0.1:PORT/scim/v2 for the IAM (token in GUICHET_SCIM_PROVIDER_TOKEN)

Environment: GUICHET_DATA_DIR overrides the user data folder.`;

/** Parses `npm start` arguments; throws with a clear message on anything unknown. */
export function parseStartArguments(argv: readonly string[]): StartArguments {
  const parsed: StartArguments = { demo: false, forceBrowser: false, port: 0, open: true, help: false, scimProviderPort: null };
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index]!;
    const [flag, inlineValue] = argument.split('=', 2) as [string, string | undefined];
    switch (flag) {
      case '--demo':
        parsed.demo = true;
        break;
      case '--browser':
        parsed.forceBrowser = true;
        break;
      case '--no-open':
        parsed.open = false;
        break;
      case '--help':
      case '-h':
        parsed.help = true;
        break;
      case '--port': {
        const value = inlineValue ?? argv[++index];
        const port = Number(value);
        if (value === undefined || !Number.isInteger(port) || port < 0 || port > 65535) {
          throw new Error(`--port expects a number between 0 and 65535, got "${value ?? ''}"`);
        }
        parsed.port = port;
        break;
      }
      case '--scim-provider': {
        const value = inlineValue ?? argv[++index];
        const port = Number(value);
        if (value === undefined || !/^\d{1,5}$/.test(value) || port < 1 || port > 65535) {
          throw new Error(`--scim-provider expects a port number between 1 and 65535, got "${value ?? ''}"`);
        }
        parsed.scimProviderPort = port;
        parsed.forceBrowser = true;
        break;
      }
      default:
        throw new Error(`Unknown option "${argument}".\n\n${startUsage}`);
    }
  }
  return parsed;
}
