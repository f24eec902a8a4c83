// ESM face of the recording stub: the same objects as electron.cjs (shared by the preload's require).
import { createRequire } from 'node:module';

const stub = createRequire(import.meta.url)('./electron.cjs');
export const { app, BrowserWindow, contextBridge, dialog, ipcMain, ipcRenderer, protocol, safeStorage, session, shell, utilityProcess } = stub;
export default stub;
