// lint-as: src/main/core/chat/wrong.ts
// expect: boundaries/dependencies
import { exposeContract } from '../../../preload/exposeContract';
export const wrong = exposeContract;
