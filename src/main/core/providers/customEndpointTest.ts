/**
 * Test for a custom endpoint description: one real request with a sample question, every
 * frame as received beside what the description took from it, and the first failure named
 * by frame and path. It runs the same code as a chat answer (CustomEndpointProvider.run), so
 * what the Test shows is what chatting will do.
 */
import { type CustomFrameReport, type CustomTestError, type CustomTestResult, MAX_TEST_FRAMES } from '../../../shared/customEndpoint';
import { AppError } from '../../../shared/errors';
import { CustomEndpointProvider, type CustomEndpointConnection } from './customEndpoint';
import type { ProviderDeps } from './provider';

const MAX_RAW_CHARS = 2000;

export interface CustomTestSample {
  model: string;
  question: string;
  conversationId: string;
}

export async function testCustomEndpoint(connection: CustomEndpointConnection, deps: ProviderDeps, sample: CustomTestSample, signal: AbortSignal): Promise<CustomTestResult> {
  const provider = new CustomEndpointProvider(connection, deps);
  const result: CustomTestResult = { status: 0, frames: [], text: '', reasoning: '', ended: false, error: null, truncated: false };
  let count = 0;
  const request = { model: sample.model, messages: [{ role: 'user' as const, content: sample.question }], conversationId: sample.conversationId };
  try {
    const events = provider.run(
      request,
      signal,
      (opened) => (result.status = opened.status),
      (frame, outcome, error) => {
        count++;
        if (result.frames.length >= MAX_TEST_FRAMES) {
          result.truncated = true;
          return;
        }
        result.frames.push(frameReport(count, frame.data, frame.event, outcome, error));
      },
    );
    for await (const event of events) {
      if (event.type === 'text') result.text += event.text;
      else if (event.type === 'reasoning') result.reasoning += event.text;
      else if (event.type === 'done') result.ended = true;
    }
  } catch (err) {
    result.error = testError(err);
  }
  return result;
}

function frameReport(index: number, data: string, event: string | null, outcome: { text: string; reasoning: string; end: boolean } | null, error: unknown): CustomFrameReport {
  return {
    index,
    // Not trimmed: a frame of one space is a real frame.
    raw: data.length > MAX_RAW_CHARS ? `${data.slice(0, MAX_RAW_CHARS)}…` : data,
    event,
    text: outcome?.text ?? '',
    reasoning: outcome?.reasoning ?? '',
    end: outcome?.end ?? false,
    error: error ? testError(error) : null,
  };
}

function testError(err: unknown): CustomTestError {
  const error = AppError.from(err);
  return { messageKey: error.messageKey, detail: error.detail ?? null, ...(error.params ? { params: error.params } : {}) };
}
