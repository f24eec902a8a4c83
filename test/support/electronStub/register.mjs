// `node --import ./register.mjs <bundle>`: `electron` resolves to the recording stub for ESM
// imports (a loader hook) and CommonJS requires (the preload), and every module a CommonJS bundle
// requires is recorded (a sandboxed preload may only require electron and a few built-ins).
import { appendFileSync } from 'node:fs';
import Module, { register } from 'node:module';
import { fileURLToPath } from 'node:url';

register('./hooks.mjs', import.meta.url);

const stubPath = fileURLToPath(new URL('./electron.cjs', import.meta.url));
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'electron' ? stubPath : resolveFilename.call(this, request, ...rest);
};
const load = Module._load;
Module._load = function (request, parent, ...rest) {
  const logPath = process.env.GUICHET_ELECTRON_STUB_LOG;
  if (logPath && parent && parent.filename && /[\\/]out[\\/]/.test(parent.filename)) {
    appendFileSync(logPath, JSON.stringify({ kind: 'require', request, from: parent.filename }) + '\n');
  }
  return load.call(this, request, parent, ...rest);
};
process.on('uncaughtException', (error) => {
  const logPath = process.env.GUICHET_ELECTRON_STUB_LOG;
  if (logPath) appendFileSync(logPath, JSON.stringify({ kind: 'uncaughtException', message: String(error && error.stack ? error.stack : error) }) + '\n');
  process.exit(70);
});
