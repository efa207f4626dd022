// lint-as: src/main/core/chat/allowed.ts
// expect: nothing
import { webSearchAnswer } from '../websearch';
import { EventBus } from '../base';
import { MAX_MESSAGE_CHARS } from '../../../shared/contract';
export const allowed = [webSearchAnswer, EventBus, MAX_MESSAGE_CHARS];
