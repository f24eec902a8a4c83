import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CliCommand } from './CliCommand';

const commandsDir = join(dirname(fileURLToPath(import.meta.url)), 'commands');

/** Every `commands/*.ts` (tests excluded) exporting `command`, sorted by name. */
export async function loadCommands(): Promise<CliCommand[]> {
  const files = readdirSync(commandsDir).filter((file) => /\.ts$/.test(file) && !file.endsWith('.test.ts'));
  const modules = await Promise.all(files.map((file) => import(pathToFileURL(join(commandsDir, file)).href) as Promise<{ command?: CliCommand }>));
  return modules.flatMap((module) => (module.command === undefined ? [] : [module.command])).sort((a, b) => a.name.localeCompare(b.name));
}
