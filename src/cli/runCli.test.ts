import { describe, expect, it } from 'vitest';
import { CliUsageError, type CliCommand } from './CliCommand';
import { loadCommands } from './loadCommands';
import { runCli } from './runCli';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

const echo: CliCommand = {
  name: 'echo',
  summary: 'Echo arguments',
  usage: 'echo <words…>',
  run: async (args, io) => {
    if (args.includes('--bad')) throw new CliUsageError('Unknown option --bad');
    if (args.includes('--boom')) throw new Error('boom');
    io.out(args.join(' '));
    return 0;
  },
};

describe('runCli', () => {
  it('lists commands on --help and runs one', async () => {
    const help = capture();
    expect(await runCli(['--help'], [echo], help.io)).toBe(0);
    expect(help.out.join('\n')).toMatch(/echo\s+Echo arguments/);
    const run = capture();
    expect(await runCli(['echo', 'a', 'b'], [echo], run.io)).toBe(0);
    expect(run.out).toEqual(['a b']);
  });

  it('exits 2 on usage errors and unknown commands, 1 on failures', async () => {
    const unknown = capture();
    expect(await runCli(['nope'], [echo], unknown.io)).toBe(2);
    expect(unknown.err[0]).toMatch(/Unknown command "nope"/);
    const usage = capture();
    expect(await runCli(['echo', '--bad'], [echo], usage.io)).toBe(2);
    expect(usage.err[0]).toMatch(/Usage: .*echo <words…>/);
    const failure = capture();
    expect(await runCli(['echo', '--boom'], [echo], failure.io)).toBe(1);
    expect(failure.err).toEqual(['boom']);
  });

  it('discovers the commands shipped in commands/', async () => {
    const names = (await loadCommands()).map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['search', 'status']));
    // Each command lives in the file of its name, so running one loads that file alone.
    for (const name of names) expect((await loadCommands(name)).map((c) => c.name)).toEqual([name]);
    expect((await loadCommands('no-such-command')).map((c) => c.name)).toEqual(names);
  }, 30_000); // imports every command module: slow on a loaded 2-core CI machine
});
