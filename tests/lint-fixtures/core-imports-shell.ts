// lint-as: src/main/core/chat/wrong.ts
// expect: boundaries/dependencies
import { createMainWindow } from '../../window';
export const wrong = createMainWindow;
