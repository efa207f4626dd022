// lint-as: src/shared/wrong.ts
// expect: no-restricted-imports
import { readFileSync } from 'node:fs';
export const wrong = readFileSync;
