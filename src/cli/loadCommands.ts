import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CliCommand } from './CliCommand';

const commandsDir = join(dirname(fileURLToPath(import.meta.url)), 'commands');

/**
 * Every `commands/*.ts` (tests excluded) exporting `command`, sorted by name; with `only`, just the
 * command of that file name when there is one (each command loads its part of the core: running
 * one need not load them all).
 */
export async function loadCommands(only?: string): Promise<CliCommand[]> {
  const all = readdirSync(commandsDir).filter((file) => /\.ts$/.test(file) && !file.endsWith('.test.ts'));
  const files = only !== undefined && all.includes(`${only}.ts`) ? [`${only}.ts`] : all;
  const modules = await Promise.all(files.map((file) => import(pathToFileURL(join(commandsDir, file)).href) as Promise<{ command?: CliCommand }>));
  return modules.flatMap((module) => (module.command === undefined ? [] : [module.command])).sort((a, b) => a.name.localeCompare(b.name));
}
