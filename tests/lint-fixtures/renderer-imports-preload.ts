// lint-as: src/renderer/src/wrong.ts
// expect: boundaries/dependencies
import { exposeContract } from '../../preload/exposeContract';
export const wrong = exposeContract;
