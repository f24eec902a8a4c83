import { CliUsageError, type CliCommand, type CliIo } from './CliCommand';
import { describeCliError } from './runDeskCall';

export function formatHelp(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Guichet command line: the same core as the desk.',
    '',
    'Usage: npm run --silent guichet -- <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `guichet -- <command> --help` for the options of a command.',
  ].join('\n');
}

/** Dispatches argv to a command; returns the exit code (2 = usage error). */
export async function runCli(argv: string[], commands: readonly CliCommand[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(formatHelp(commands));
    return name === undefined ? 2 : 0;
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (command === undefined) {
    io.err(`Unknown command "${name}".\n\n${formatHelp(commands)}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`Usage: npm run --silent guichet -- ${command.usage}\n\n${command.summary}`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof CliUsageError) {
      io.err(`${error.message}\nUsage: npm run --silent guichet -- ${command.usage}`);
      return 2;
    }
    io.err(describeCliError(error));
    return 1;
  }
}
