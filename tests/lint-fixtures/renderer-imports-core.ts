// lint-as: src/renderer/src/wrong.ts
// expect: boundaries/dependencies
import { dispatch } from '../../main/core';
export const wrong = dispatch;
