/**
 * The certificate authorities trusted for the identity and API hosts. Verification is never
 * turned off; a corporate CA is trusted the supported ways:
 * - NODE_EXTRA_CA_CERTS (Node adds it to its own list at start-up);
 * - the operating system's store while VS Code's `http.systemCertificates` is on: through
 *   `tls.getCACertificates('system')` where this Node has it (22.15+ / 23.5+), else on Linux from
 *   the distribution's CA bundle file. Elsewhere (macOS, Windows on Node 20) the OS store cannot be
 *   read without native code: NODE_EXTRA_CA_CERTS is the way there.
 */
import * as fs from 'node:fs';
import * as tls from 'node:tls';

/** Where Linux distributions keep the system CA bundle (Debian/Ubuntu, Fedora/RHEL, openSUSE, Alpine…). */
export const LINUX_CA_BUNDLES = [
  '/etc/ssl/certs/ca-certificates.crt',
  '/etc/pki/tls/certs/ca-bundle.crt',
  '/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem',
  '/etc/ssl/ca-bundle.pem',
  '/etc/ssl/cert.pem',
];

/** What this process offers; injected by the tests. */
export interface TrustEnvironment {
  readonly getCACertificates: ((type: 'default' | 'system') => string[]) | undefined;
  readonly rootCertificates: readonly string[];
  readonly platform: string;
  /** NODE_EXTRA_CA_CERTS. */
  readonly extraCaCertsFile: string | undefined;
  readonly readFile: (path: string) => string | undefined;
}

export interface TrustedCertificates {
  /** Every CA to trust (Node's own included: a `ca` option replaces Node's list). */
  readonly ca: readonly string[];
  /** Where the OS store's CAs came from, for the log. */
  readonly system: 'node' | 'bundle';
}

/**
 * The CAs to pass as `ca`, or undefined when Node's own list (with NODE_EXTRA_CA_CERTS) is all
 * there is to trust: `system` off, or no way to read the OS store here.
 */
export function trustedCertificates(system: boolean, env: TrustEnvironment = nodeTrustEnvironment()): TrustedCertificates | undefined {
  if (!system) return undefined;
  if (env.getCACertificates) {
    return { ca: [...new Set([...env.getCACertificates('default'), ...env.getCACertificates('system')])], system: 'node' };
  }
  if (env.platform !== 'linux') return undefined;
  const bundle = LINUX_CA_BUNDLES.map((path) => env.readFile(path)).find((text) => text?.includes('-----BEGIN CERTIFICATE-----'));
  if (bundle === undefined) return undefined;
  const extra = env.extraCaCertsFile ? env.readFile(env.extraCaCertsFile) : undefined;
  return { ca: [...env.rootCertificates, ...(extra ? [extra] : []), bundle], system: 'bundle' };
}

export function nodeTrustEnvironment(): TrustEnvironment {
  const withSystem = tls as typeof tls & { getCACertificates?: (type: 'default' | 'system') => string[] };
  return {
    getCACertificates: typeof withSystem.getCACertificates === 'function' ? withSystem.getCACertificates.bind(tls) : undefined,
    rootCertificates: tls.rootCertificates,
    platform: process.platform,
    extraCaCertsFile: process.env.NODE_EXTRA_CA_CERTS,
    readFile: (path) => {
      try {
        return fs.readFileSync(path, 'utf8');
      } catch {
        return undefined;
      }
    },
  };
}
