// lint-as: src/main/wrong.ts
// expect: boundaries/dependencies
import { createCore } from './core/app/createCore';
export const wrong = createCore;
