import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;
export type ParsedOptions<T extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: T; allowPositionals: boolean; strict: true }>>;
import { CliUsageError } from './CliCommand';

/** node:util parseArgs with our error type, so every command reports bad flags the same way. */
export function parseOptions<T extends Options>(args: string[], options: T, allowPositionals = true): ParsedOptions<T> {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (error) {
    throw new CliUsageError((error as Error).message);
  }
}
