/**
 * `redact()`: removes secrets and personal data from text before it reaches the log or the screen
 * (bearer and basic credentials, JWS/JWE, PEM keys and bare key material, signed-URL signatures,
 * passwords and client secrets, CPFs, e-mail addresses). Pure, no `vscode`.
 *
 * Linear time whatever the input: every quantifier is bounded, every rule that matches a run of
 * characters may only start where such a run starts (a lookbehind), and each line is clipped to
 * MAX_LINE before any rule runs. A test checks the bounds structurally (no `*`, `+` or `{n,}`).
 */

/** Longest line redacted; the rest of a longer line is dropped and marked. */
export const MAX_LINE = 64 * 1024;
const CLIPPED = '‹clipped›';

const B64URL = 'A-Za-z0-9_\\-';
const B64 = 'A-Za-z0-9+/';

/** True when a base64url part decodes to the start of a JSON object: a JOSE header. */
function isJoseHeader(part: string): boolean {
  const head = part.slice(0, 16);
  const text = Buffer.from(head.slice(0, head.length - (head.length % 4)), 'base64url').toString('latin1');
  return /^\s{0,4}\{\s{0,8}"/.test(text);
}

type Replacer = string | ((match: string, ...groups: (string | undefined)[]) => string);

/** Applied in this order: containers (PEM, headers, keyed values) before the shapes they hold. */
export const REDACTIONS: readonly (readonly [RegExp, Replacer])[] = [
  // PEM blocks, also when cut off before their END line.
  [/-----BEGIN [A-Z0-9 ]{1,40}-----[\s\S]{0,16384}?(?:-----END [A-Z0-9 ]{1,40}-----|$)/g, '‹pem›'],
  // Authorization headers, with a scheme (Bearer, Basic, Digest…) or without one.
  [
    /(authorization["']?\s{0,4}[:=]\s{0,4}["']?)(?:([A-Za-z][A-Za-z0-9-]{0,19}) {1,4}(?=[^\s"']))?[^\s"',;]{1,8192}/gi,
    (_m, head = '', scheme) => `${head}${scheme === undefined ? '' : `${scheme} `}‹redacted›`,
  ],
  [new RegExp(`\\bBearer\\s{1,4}[${B64URL}.~+/]{1,8192}={0,2}`, 'gi'), 'Bearer ‹token›'],
  // A signed URL as a whole value.
  [/((?:signed_?url)["']?\s{0,4}[:=]\s{0,4}["']?)[^"'\s,}]{1,8192}/gi, '$1‹redacted›'],
  // Secrets in form fields, query strings or JSON properties (Signature= covers X-Amz-Signature=).
  [
    /((?:access_token|refresh_token|id_token|assertion|client_secret|password|passwd|secret|token|private_?key|signature|sig)["']?\s{0,4}[:=]\s{0,4}["']?)[^"'&\s,}\]]{1,8192}/gi,
    '$1‹redacted›',
  ],
  // JWS (3 parts) and JWE (5 parts) in compact form, whatever their header's first bytes, as long
  // as the header decodes to a JSON object; also one cut short after its payload began (a server's
  // echo clipped to a few hundred characters).
  [
    new RegExp(
      `(?<![${B64URL}])(e[${B64URL}]{3,4095})\\.[${B64URL}]{0,16384}(?:\\.[${B64URL}]{0,16384}(?:\\.[${B64URL}]{0,65536}\\.[${B64URL}]{0,4096})?)?(?![${B64URL}])`,
      'g',
    ),
    (m, header = '') => (isJoseHeader(header) ? '‹jwt›' : m),
  ],
  // Key material without its BEGIN line: PEM lines of 64 base64 characters, or one long run.
  [new RegExp(`(?<![${B64}])(?:[${B64}]{64}(?:\\r?\\n|\\\\n| )){2,200}[${B64}]{0,64}={0,2}`, 'g'), '‹key material›'],
  [new RegExp(`(?<![${B64}])[${B64}]{200,65536}={0,2}`, 'g'), '‹key material›'],
  // E-mail addresses.
  [/(?<![\w.%+-])[\w.%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}/g, '‹email›'],
  // CPF: 123.456.789-09, 123456789-09, 123 456 789 09, 12345678909.
  [/(?<!\d)\d{3}[. ]?\d{3}[. ]?\d{3}[-. /]?\d{2}(?!\d)/g, '‹cpf›'],
];

function clipLines(text: string): string {
  if (text.length <= MAX_LINE) return text;
  return text.split('\n').map((line) => (line.length > MAX_LINE ? `${line.slice(0, MAX_LINE)}${CLIPPED}` : line)).join('\n');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Removes bearer tokens, JWTs, PEM blocks, CPF-like numbers and the given `names` (people's
 * names from a process, matched case-insensitively; very short names are left alone).
 */
export function redact(text: string, names: readonly string[] = []): string {
  let out = clipLines(text);
  for (const [pattern, replacement] of REDACTIONS) {
    out = typeof replacement === 'string' ? out.replace(pattern, replacement) : out.replace(pattern, replacement);
  }
  const words = names.map((n) => n.trim()).filter((n) => n.length >= 3);
  if (words.length > 0) {
    words.sort((a, b) => b.length - a.length);
    out = out.replace(new RegExp(words.map(escapeRegExp).join('|'), 'gi'), '‹name›');
  }
  return out;
}
