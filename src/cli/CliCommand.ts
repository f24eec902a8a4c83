export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

/** One CLI command; files in ./commands export `command` and are found automatically. */
export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  /** Resolves to the process exit code. */
  run(args: string[], io: CliIo): Promise<number>;
}

export class CliUsageError extends Error {
  override name = 'CliUsageError';
}
