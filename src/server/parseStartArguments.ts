export interface StartArguments {
  forceBrowser: boolean;
  port: number;
  open: boolean;
  help: boolean;
}

export const startUsage = `Usage: npm start -- [--browser] [--port N] [--no-open]

  --browser   Browser mode even when the Electron runtime is installed
  --port N    Listen on 127.0.0.1:N in browser mode (default: a free port)
  --no-open   Do not open a browser window (print the address only)

Environment: GUICHET_DATA_DIR overrides the user data folder.`;

/** Parses `npm start` arguments; throws with a clear message on anything unknown. */
export function parseStartArguments(argv: readonly string[]): StartArguments {
  const parsed: StartArguments = { forceBrowser: false, port: 0, open: true, help: false };
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index]!;
    const [flag, inlineValue] = argument.split('=', 2) as [string, string | undefined];
    switch (flag) {
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
      default:
        throw new Error(`Unknown option "${argument}".\n\n${startUsage}`);
    }
  }
  return parsed;
}
