// lint-as: src/main/core/chat/wrong.ts
// expect: boundaries/dependencies
import { webSearchAnswer } from '../websearch/pipeline';
export const wrong = webSearchAnswer;
