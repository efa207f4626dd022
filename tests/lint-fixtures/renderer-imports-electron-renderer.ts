// lint-as: src/renderer/src/wrong.ts
// expect: no-restricted-imports
import { ipcRenderer } from 'electron/renderer';
export const wrong = ipcRenderer;
