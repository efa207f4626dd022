// lint-as: src/preload/wrong.ts
// expect: boundaries/dependencies
import { createClient } from '../renderer/src/client';
export const wrong = createClient;
