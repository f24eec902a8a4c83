import { readFile } from 'node:fs/promises';
import { parseSourcesConfig, type ParseSourcesConfigResult } from './parseSourcesConfig';

/** Reads and validates a sources configuration file; a missing file is an error like any other. */
export async function readSourcesConfig(configPath: string): Promise<ParseSourcesConfigResult> {
  try {
    return parseSourcesConfig({ text: await readFile(configPath, 'utf8'), configPath });
  } catch (error) {
    return { ok: false, errors: [`cannot read the sources configuration ${configPath}: ${(error as Error).message}`] };
  }
}
