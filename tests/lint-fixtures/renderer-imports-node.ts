// lint-as: src/renderer/src/wrong.ts
// expect: no-restricted-imports
import { readFileSync } from 'node:fs';
export const wrong = readFileSync;
