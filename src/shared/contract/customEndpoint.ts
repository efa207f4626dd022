import { z } from 'zod';
import type { CustomTestResult } from '../customEndpoint';
import { id, req } from './define';
import { providerDraftSchema } from './providers';

export const customEndpointRequests = {
  /**
   * Runs a custom endpoint description against the real server with a sample question: the
   * frames as received and the text read from each. Secret headers left '' use the stored values of `id`.
   */
  'customEndpoint.test': req<CustomTestResult>()(
    z.strictObject({ id: id.optional(), draft: providerDraftSchema, question: z.string().trim().min(1).max(4000).default('Hello') }),
  ),
};
