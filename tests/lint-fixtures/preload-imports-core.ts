// lint-as: src/preload/wrong.ts
// expect: boundaries/dependencies
import { dispatch } from '../main/core';
export const wrong = dispatch;
