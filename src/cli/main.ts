import { loadCommands } from './loadCommands';
import { runCli } from './runCli';

const io = {
  out: (line: string) => process.stdout.write(`${line}\n`),
  err: (line: string) => process.stderr.write(`${line}\n`),
};

process.exitCode = await runCli(process.argv.slice(2), await loadCommands(process.argv[2]), io);
