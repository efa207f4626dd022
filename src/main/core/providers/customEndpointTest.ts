/**
 * Test for a custom endpoint description: one real request with a sample question, every
 * frame as received beside what the description took from it, and the first failure named
 * by frame and path. It runs the same code as a chat answer (CustomEndpointProvider.run), so
 * what the Test shows is what chatting will do.
 */
import { type CustomFrameReport, type CustomTestError, type CustomTestResult, MAX_TEST_FRAMES } from '../../../shared/customEndpoint';
import { AppError } from '../../../shared/errors';
import { type ErrorContext, redact } from '../net';
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
  const secrets: ErrorContext = { secrets: Object.values(connection.secretHeaders) };
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
        // A server echoing a secret header back must not carry it to the window.
        result.frames.push(frameReport(count, redact(frame.data, secrets), frame.event, outcome, error ? testError(error, secrets) : null));
      },
    );
    for await (const event of events) {
      if (event.type === 'text') result.text += event.text;
      else if (event.type === 'reasoning') result.reasoning += event.text;
      else if (event.type === 'done') result.ended = true;
    }
  } catch (err) {
    result.error = testError(err, secrets);
  }
  return result;
}

function frameReport(index: number, data: string, event: string | null, outcome: { text: string; reasoning: string; end: boolean } | null, error: CustomTestError | null): CustomFrameReport {
  return {
    index,
    // Not trimmed: a frame of one space is a real frame.
    raw: data.length > MAX_RAW_CHARS ? `${data.slice(0, MAX_RAW_CHARS)}…` : data,
    event,
    text: outcome?.text ?? '',
    reasoning: outcome?.reasoning ?? '',
    end: outcome?.end ?? false,
    error,
  };
}

function testError(err: unknown, ctx: ErrorContext): CustomTestError {
  const error = AppError.from(err);
  const params = error.params && Object.fromEntries(Object.entries(error.params).map(([k, v]) => [k, typeof v === 'string' ? redact(v, ctx) : v]));
  return { messageKey: error.messageKey, detail: error.detail === undefined ? null : redact(error.detail, ctx), ...(params ? { params } : {}) };
}
