// lint-as: src/main/core/chat/wrong.ts
// expect: boundaries/dependencies
import { StreamBatcher } from '../../../renderer/src/state/streamBatcher';
export const wrong = StreamBatcher;
