// lint-as: src/main/core/providers/wrong.ts
// expect: boundaries/dependencies
import { WebSearchService } from '../websearch';
export const wrong = WebSearchService;
