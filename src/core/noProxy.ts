/**
 * Which hosts skip the proxy: VS Code's `http.noProxy` and the environment's `NO_PROXY`, read the
 * way curl reads NO_PROXY: a comma- or space-separated list of `*` (every host), exact hosts or
 * IP addresses, and domain suffixes (`example.com`, `.example.com` and `*.example.com` all cover
 * `api.example.com`), each optionally with `:port`. Case-insensitive.
 */

/** The entries of a NO_PROXY value (commas or whitespace between them). */
export function splitNoProxy(value: string | undefined): string[] {
  return (value ?? '').split(/[\s,]+/).filter((entry) => entry !== '');
}

/** True when `url`'s host (and port) matches one of `rules`. */
export function bypassesProxy(url: string, rules: readonly string[]): boolean {
  let host: string;
  let port: string;
  try {
    const parsed = new URL(url);
    host = parsed.hostname.toLowerCase().replace(/^\[|\]$/g, '');
    port = parsed.port || (parsed.protocol === 'http:' ? '80' : '443');
  } catch {
    return false;
  }
  return rules.some((rule) => matches(rule.trim().toLowerCase(), host, port));
}

function matches(rule: string, host: string, port: string): boolean {
  if (rule === '*') return true;
  const { ruleHost, rulePort } = splitPort(rule);
  if (rulePort !== undefined && rulePort !== port) return false;
  const domain = ruleHost.replace(/^\*?\./, '');
  if (domain === '') return false;
  return host === domain || host.endsWith(`.${domain}`);
}

/** `host:port`, `[v6]:port`, or a bare host / IPv6 address. */
function splitPort(rule: string): { ruleHost: string; rulePort: string | undefined } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(rule);
  if (bracketed) return { ruleHost: bracketed[1] ?? '', rulePort: bracketed[2] };
  const withPort = /^([^:]+):(\d+)$/.exec(rule);
  if (withPort) return { ruleHost: withPort[1] ?? '', rulePort: withPort[2] };
  return { ruleHost: rule, rulePort: undefined };
}
