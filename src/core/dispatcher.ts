/**
 * How requests to one IDCloud host travel: through a proxy or not (VS Code's `http.proxy`, else
 * the environment's HTTPS_PROXY; `http.noProxy` and NO_PROXY exempt hosts; loopback never), and
 * which CAs verify the server. Certificate verification is always on: `http.proxyStrictSSL` is
 * deliberately not an input (it once switched verification off for the IDCloud hosts).
 */
import { Agent, ProxyAgent, type Dispatcher } from 'undici';
import { bypassesProxy, splitNoProxy } from './noProxy';
import type { TrustedCertificates } from './trust';

export interface ProxySettings {
  /** VS Code's `http.proxy` ('' when unset). */
  readonly proxy: string;
  /** VS Code's `http.noProxy`: applies to the setting's proxy and to the environment's. */
  readonly noProxy: readonly string[];
  /** HTTPS_PROXY / https_proxy and NO_PROXY / no_proxy are read from here. */
  readonly env: Readonly<Record<string, string | undefined>>;
}

export interface DispatchPlan {
  /** The proxy URL, or undefined to connect directly. */
  readonly proxy: string | undefined;
  /** The CAs to verify with, or undefined for Node's own (NODE_EXTRA_CA_CERTS included). */
  readonly ca: readonly string[] | undefined;
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/;

export function planDispatch(url: string, settings: ProxySettings, trusted: TrustedCertificates | undefined): DispatchPlan {
  return { proxy: proxyFor(url, settings), ca: trusted?.ca };
}

function proxyFor(url: string, settings: ProxySettings): string | undefined {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return undefined; // an invalid URL fails in the client, with its own error
  }
  if (LOOPBACK.test(host)) return undefined;
  const configured = settings.proxy.trim();
  if (configured !== '') return bypassesProxy(url, settings.noProxy) ? undefined : configured;
  const fromEnv = (settings.env.HTTPS_PROXY ?? settings.env.https_proxy ?? '').trim();
  if (fromEnv === '') return undefined;
  const rules = [...settings.noProxy, ...splitNoProxy(settings.env.NO_PROXY ?? settings.env.no_proxy)];
  return bypassesProxy(url, rules) ? undefined : fromEnv;
}

/** The dispatcher for `plan`, or undefined when undici's global one (direct, Node's CAs) does. */
export function createDispatcher(plan: DispatchPlan): Dispatcher | undefined {
  const tls = plan.ca ? { ca: [...plan.ca] } : {};
  if (plan.proxy !== undefined) return new ProxyAgent({ uri: plan.proxy, requestTls: tls, proxyTls: tls });
  return plan.ca ? new Agent({ connect: tls }) : undefined;
}
