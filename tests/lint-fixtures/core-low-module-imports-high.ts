// lint-as: src/main/core/history/wrong.ts
// expect: boundaries/dependencies
import { ChatService } from '../chat';
export const wrong = ChatService;
