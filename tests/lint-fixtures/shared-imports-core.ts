// lint-as: src/shared/wrong.ts
// expect: boundaries/dependencies
import { createCore } from '../main/core';
export const wrong = createCore;
