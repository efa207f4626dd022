// lint-as: src/main/core/chat/wrong.ts
// expect: boundaries/dependencies
import { createCore } from '../index';
export const wrong = createCore;
