// lint-as: src/main/core/chat/wrong.ts
// expect: no-restricted-imports
import { app } from 'electron';
export const wrong = app;
