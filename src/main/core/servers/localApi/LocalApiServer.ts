import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { MAX_MESSAGE_BYTES } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { SettingsRepository } from '../../settings';
import type { ProviderToolCall } from '../../providers';
import { createLocalServer, listenLocal, localRequestRefusal, type ServerTimeouts } from '../../net';
import { parseCompletionRequest, toTurn, type CompletionRequest } from './completionRequest';
import { listModelNames, resolveModelName } from './modelNames';
import { failure, failureFromError, unauthorized, type ApiFailure } from './openaiErrors';
import { runCompletion, type CompletionDeps, type CompletionListener } from './runCompletion';

/** In bytes as sent: a maximal message (as a JSON string) plus the rest of the request. */
const MAX_BODY_BYTES = MAX_MESSAGE_BYTES + 1024 * 1024;

export interface LocalApiOptions extends CompletionDeps {
  settings: SettingsRepository;
  key: string;
  /** 0 picks a free port. */
  port: number;
  log?: (message: string) => void;
  timeouts?: Partial<ServerTimeouts>;
}

/**
 * An OpenAI-compatible API on 127.0.0.1 (`/v1/models`, `/v1/chat/completions`), so local
 * programs can use the providers configured in Brook without ever seeing their keys. It has
 * its own key, shown in settings. No CORS headers: web pages cannot call it.
 */
export class LocalApiServer {
  private constructor(
    private readonly http: Server,
    readonly port: number,
    private key: string,
  ) {}

  static async start(o: LocalApiOptions): Promise<LocalApiServer> {
    let server: LocalApiServer | null = null;
    const http = createLocalServer('local API', (req, res) => {
      if (!server) return void res.writeHead(503).end();
      void server.handle(o, req, res).catch((err: unknown) => {
        o.log?.(`local API: ${AppError.from(err).code}`);
        if (!res.headersSent) sendFailure(res, failureFromError(err));
        else res.end();
      });
    }, o.log ?? (() => {}), o.timeouts);
    const port = await listenLocal(http, o.port);
    server = new LocalApiServer(http, port, o.key);
    return server;
  }

  baseUrl(): string {
    return `http://127.0.0.1:${this.port}/v1`;
  }

  setKey(key: string): void {
    this.key = key;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.http.close(() => resolve());
      this.http.closeAllConnections();
    });
  }

  private async handle(o: LocalApiOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?', 1)[0]!.replace(/\/+$/, '');
    const refusal = localRequestRefusal(req, { port: this.port, secret: this.key, credential: 'bearer' });
    if (refusal === 403) return sendFailure(res, failure(403, 'invalid_request_error', 'forbidden_origin', 'Web pages may not use Brook’s local API.'));
    if (refusal === 400) return sendFailure(res, failure(400, 'invalid_request_error', 'invalid_url', 'The request URL cannot be read.'));
    if (refusal !== null) return sendFailure(res, unauthorized());

    if (path === '/v1/models') {
      if (req.method !== 'GET') return sendFailure(res, methodNotAllowed());
      const created = Math.floor(Date.now() / 1000);
      const data = listModelNames(o.settings.read()).map((id) => ({ id, object: 'model', created, owned_by: 'brook' }));
      return sendJson(res, 200, { object: 'list', data });
    }
    if (path === '/v1/chat/completions') {
      if (req.method !== 'POST') return sendFailure(res, methodNotAllowed());
      const body = await readJson(req);
      if ('status' in body) return sendFailure(res, body);
      return this.chatCompletion(o, parseCompletionRequest(body.value), res);
    }
    return sendFailure(res, failure(404, 'invalid_request_error', 'unknown_url', `Unknown request URL: ${req.method} ${path}`));
  }

  private chatCompletion(o: LocalApiOptions, request: CompletionRequest, res: ServerResponse): void {
    const state = o.settings.read();
    const target = resolveModelName(request.model, state.providers);
    const turn = toTurn(request);
    const id = `chatcmpl-${randomUUID()}`;
    const created = Math.floor(Date.now() / 1000);
    const stream = request.stream === true;
    const chunk = (delta: Record<string, unknown>, finishReason: string | null = null) =>
      JSON.stringify({ id, object: 'chat.completion.chunk', created, model: request.model, choices: [{ index: 0, delta, finish_reason: finishReason }] });
    let started = false;
    const startStream = () => {
      if (started) return;
      started = true;
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
      res.write(`data: ${chunk({ role: 'assistant', content: '' })}\n\n`);
    };

    // OpenAI's shape for a call; streamed, each call arrives whole in one delta.
    const toolCalls: (Record<string, unknown> & { index: number })[] = [];
    const toOpenAICall = (call: ProviderToolCall, index: number) => ({ index, id: call.id, type: 'function', function: { name: call.name, arguments: call.arguments } });
    const listener: CompletionListener = {
      onToolCall: (call) => {
        const wire = toOpenAICall(call, toolCalls.length);
        toolCalls.push(wire);
        if (!stream || res.destroyed) return;
        startStream();
        res.write(`data: ${chunk({ tool_calls: [wire] })}\n\n`);
      },
      onEvent: (event) => {
        if (!stream || (event.type !== 'text' && event.type !== 'reasoning')) return;
        startStream();
        // Reasoning goes in DeepSeek's field, which most OpenAI-compatible clients already understand.
        res.write(`data: ${chunk(event.type === 'text' ? { content: event.text } : { reasoning_content: event.text })}\n\n`);
      },
      onEnd: (outcome, s) => {
        if (res.destroyed) return;
        const usage = s.usage && { prompt_tokens: s.usage.promptTokens, completion_tokens: s.usage.completionTokens, total_tokens: s.usage.totalTokens };
        if (outcome.status === 'error' || outcome.status === 'interrupted') {
          const fail = outcome.status === 'error' ? failureFromError(outcome.error) : failureFromError(new AppError('network', { messageKey: 'errors.aborted' }));
          if (!started) return sendFailure(res, fail);
          // Mid-stream, OpenAI reports an error as one more data line.
          res.end(`data: ${JSON.stringify(fail.body)}\n\n`);
          return;
        }
        const given = outcome.status === 'done' ? (outcome.finishReason ?? 'stop') : 'stop';
        // Some servers end a call with `stop`; the client must still learn it has calls to answer.
        const finishReason = toolCalls.length > 0 && given === 'stop' ? 'tool_calls' : given;
        if (stream) {
          startStream();
          res.write(`data: ${chunk({}, finishReason)}\n\n`);
          if (request.stream_options?.include_usage && usage) {
            res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: request.model, choices: [], usage })}\n\n`);
          }
          res.end('data: [DONE]\n\n');
          return;
        }
        const message: Record<string, unknown> = { role: 'assistant', content: toolCalls.length > 0 && s.content === '' ? null : s.content };
        if (s.reasoning) message.reasoning_content = s.reasoning;
        if (toolCalls.length > 0) message.tool_calls = toolCalls.map(({ index: _index, ...call }) => call);
        sendJson(res, 200, {
          id,
          object: 'chat.completion',
          created,
          model: request.model,
          choices: [{ index: 0, message, finish_reason: finishReason }],
          ...(usage ? { usage } : {}),
        });
      },
    };
    const running = runCompletion(o, target, turn, state.settings.localApi.saveToHistory, listener);
    res.on('close', () => {
      if (!res.writableFinished) running.cancel();
    });
  }
}

function methodNotAllowed(): ApiFailure {
  return failure(405, 'invalid_request_error', 'method_not_allowed', 'Method not allowed.');
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(body));
}

function sendFailure(res: ServerResponse, f: ApiFailure): void {
  sendJson(res, f.status, f.body, f.headers);
}

async function readJson(req: IncomingMessage): Promise<{ value: unknown } | ApiFailure> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return failure(413, 'invalid_request_error', 'request_too_large', 'The request body is too large.');
    chunks.push(chunk);
  }
  try {
    return { value: JSON.parse(Buffer.concat(chunks).toString('utf8')) };
  } catch {
    return failure(400, 'invalid_request_error', 'invalid_json', 'The request body is not valid JSON.');
  }
}
