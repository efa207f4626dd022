// lint-as: src/main/core/tools/wrong.ts
// expect: boundaries/dependencies
import { ChatService } from '../chat';
export const wrong = ChatService;
