import type { Agent } from 'node:http';
import { createRequire } from 'node:module';
import type { Dispatcher } from 'undici';

type Undici = typeof import('undici');
let undiciModule: Promise<Undici> | null = null;
/** undici costs ~80 ms to load: the first request pays it, not the start of every window. */
const loadUndici = (): Promise<Undici> => (undiciModule ??= import('undici'));
/**
 * Required on first use, not imported: with its debug logger it was a tenth of what browser
 * mode's server evaluated before it listened (issue #13, cold start), for a proxy few set.
 */
const loadProxyAgent = (): typeof import('https-proxy-agent') => createRequire(import.meta.url)('https-proxy-agent') as typeof import('https-proxy-agent');

export type ProxyEnv = Partial<Record<'HTTPS_PROXY' | 'https_proxy' | 'HTTP_PROXY' | 'http_proxy' | 'NO_PROXY' | 'no_proxy', string>>;

/**
 * The proxy for one target URL: the app's setting wins; otherwise the usual environment
 * variables, with NO_PROXY honoured. wss:// goes where https:// goes.
 */
export function proxyFor(target: string, setting: string | null, env: ProxyEnv): string | null {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return null;
  }
  if (setting) return setting;
  if (bypassed(url, env.NO_PROXY ?? env.no_proxy ?? '')) return null;
  const secure = url.protocol === 'https:' || url.protocol === 'wss:';
  const proxy = secure ? (env.HTTPS_PROXY ?? env.https_proxy ?? env.HTTP_PROXY ?? env.http_proxy) : (env.HTTP_PROXY ?? env.http_proxy);
  return proxy?.trim() || null;
}

/** NO_PROXY: comma-separated hosts, `.suffix` or `suffix` domain matches, optional :port, or `*`. */
function bypassed(url: URL, noProxy: string): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const port = url.port || (url.protocol === 'https:' || url.protocol === 'wss:' ? '443' : '80');
  return noProxy
    .split(/[\s,]+/)
    .filter(Boolean)
    .some((entry) => {
      if (entry === '*') return true;
      const [rawHost, entryPort] = entry.toLowerCase().split(/:(?=\d+$)/);
      if (entryPort && entryPort !== port) return false;
      const suffix = (rawHost ?? '').replace(/^\*?\./, '');
      return host === suffix || host.endsWith(`.${suffix}`);
    });
}

/**
 * Network access for providers: a fetch and a WebSocket agent that go through the proxy the
 * settings or the environment name. Agents are kept per proxy so connections are reused.
 */
export class Network {
  private readonly dispatchers = new Map<string, Dispatcher>();
  private readonly wsAgents = new Map<string, Agent>();
  private direct: Dispatcher | null = null;

  constructor(
    private readonly setting: () => string | null,
    private readonly env: ProxyEnv = process.env as ProxyEnv,
  ) {}

  readonly fetch: typeof globalThis.fetch = async (input, init) => {
    const undici = await loadUndici();
    const target = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const proxy = proxyFor(target, this.setting(), this.env);
    const dispatcher = proxy ? this.dispatcher(undici, proxy) : (this.direct ??= new undici.Agent());
    // undici's own fetch: Node's built-in one cannot take a dispatcher from the npm package.
    return (await undici.fetch(input as Parameters<Undici['fetch']>[0], { ...(init as object), dispatcher })) as unknown as Response;
  };

  webSocketAgentFor(target: string): Agent | undefined {
    const proxy = proxyFor(target, this.setting(), this.env);
    if (!proxy) return undefined;
    let agent = this.wsAgents.get(proxy);
    if (!agent) {
      agent = new (loadProxyAgent().HttpsProxyAgent)(proxy);
      this.wsAgents.set(proxy, agent);
    }
    return agent;
  }

  private dispatcher(undici: Undici, proxy: string): Dispatcher {
    let d = this.dispatchers.get(proxy);
    if (!d) {
      d = new undici.ProxyAgent(proxy);
      this.dispatchers.set(proxy, d);
    }
    return d;
  }
}
