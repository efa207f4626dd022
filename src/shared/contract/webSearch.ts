import { z } from 'zod';
import type { WebSearchKeyStatus } from '../domain';
import { empty, req, secretField } from './define';

export const webSearchRequests = {
  /** Which search keys are stored; the keys themselves never leave the core. */
  'webSearch.keys': req<WebSearchKeyStatus>()(empty),
  /** null or '' removes the key. */
  'webSearch.setKey': req<WebSearchKeyStatus>()(
    z.strictObject({ backend: z.enum(['tavily', 'brave']), key: secretField.transform((v) => v ?? null) }),
  ),
};
