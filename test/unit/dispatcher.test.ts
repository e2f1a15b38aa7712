import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import * as tls from 'node:tls';
import { createDispatcher, planDispatch, type ProxySettings } from '../../src/core/dispatcher';
import { NetworkError, tlsProblem } from '../../src/core/errors';
import { send } from '../../src/core/http';
import { bypassesProxy, splitNoProxy } from '../../src/core/noProxy';
import { LINUX_CA_BUNDLES, trustedCertificates, type TrustEnvironment } from '../../src/core/trust';

const API = 'https://api.idcloud.example.com/client';
const settings = (over: Partial<ProxySettings> = {}): ProxySettings => ({ proxy: '', noProxy: [], env: {}, ...over });

describe('NO_PROXY and http.noProxy', () => {
  it('matches exact hosts, domain suffixes on a dot boundary, ports and *', () => {
    const cases: [string, string, boolean][] = [
      ['https://api.example.com', 'api.example.com', true],
      ['https://api.example.com', 'example.com', true],
      ['https://api.example.com', '.example.com', true],
      ['https://api.example.com', '*.example.com', true],
      ['https://example.com', '.example.com', true],
      ['https://notexample.com', 'example.com', false],
      ['https://api.example.com', 'API.Example.COM', true],
      ['https://api.example.com', 'api.example.com:443', true],
      ['https://api.example.com', 'api.example.com:8443', false],
      ['https://api.example.com:8443/x', 'api.example.com:8443', true],
      ['http://api.example.com', 'api.example.com:80', true],
      ['https://10.1.2.3', '10.1.2.3', true],
      ['https://10.1.2.3', '2.3', true],
      ['https://[::1]:9000', '[::1]:9000', true],
      ['https://anything.test', '*', true],
      ['https://anything.test', '', false],
      ['not a url', '*', false],
    ];
    for (const [url, rule, expected] of cases) assert.equal(bypassesProxy(url, [rule]), expected, `${url} vs ${rule}`);
  });

  it('splits a NO_PROXY value on commas and spaces', () => {
    assert.deepEqual(splitNoProxy(' localhost, .corp.example ,10.0.0.1  internal:8080,,'), ['localhost', '.corp.example', '10.0.0.1', 'internal:8080']);
    assert.deepEqual(splitNoProxy(undefined), []);
  });

  it("uses VS Code's proxy unless http.noProxy exempts the host", () => {
    assert.equal(planDispatch(API, settings({ proxy: 'http://proxy:3128' }), undefined).proxy, 'http://proxy:3128');
    assert.equal(planDispatch(API, settings({ proxy: 'http://proxy:3128', noProxy: ['example.com'] }), undefined).proxy, undefined);
  });

  it('falls back to HTTPS_PROXY, and honours NO_PROXY and http.noProxy for it', () => {
    const env = { HTTPS_PROXY: 'http://env-proxy:8080' };
    assert.equal(planDispatch(API, settings({ env }), undefined).proxy, 'http://env-proxy:8080');
    assert.equal(planDispatch(API, settings({ env: { https_proxy: 'http://lower:1' } }), undefined).proxy, 'http://lower:1');
    assert.equal(planDispatch(API, settings({ env: { ...env, NO_PROXY: 'localhost,.example.com' } }), undefined).proxy, undefined);
    assert.equal(planDispatch(API, settings({ env: { ...env, no_proxy: '*' } }), undefined).proxy, undefined);
    assert.equal(planDispatch(API, settings({ env, noProxy: ['idcloud.example.com'] }), undefined).proxy, undefined);
    assert.equal(planDispatch(API, settings({ env: { ...env, NO_PROXY: 'other.example.org' } }), undefined).proxy, 'http://env-proxy:8080');
  });

  it('never proxies loopback (the local emulator)', () => {
    assert.equal(planDispatch('http://127.0.0.1:4010', settings({ proxy: 'http://proxy:3128' }), undefined).proxy, undefined);
    assert.equal(planDispatch('http://localhost:4010', settings({ env: { HTTPS_PROXY: 'http://p:1' } }), undefined).proxy, undefined);
  });
});

describe('Trusted certificates', () => {
  const env = (over: Partial<TrustEnvironment>): TrustEnvironment => ({
    getCACertificates: undefined, rootCertificates: ['ROOT'], platform: 'linux', extraCaCertsFile: undefined, readFile: () => undefined, ...over,
  });

  it("adds the operating system's store through tls.getCACertificates where Node has it", () => {
    const got = trustedCertificates(true, env({ platform: 'darwin', getCACertificates: (type) => (type === 'system' ? ['CORP', 'ROOT'] : ['ROOT', 'EXTRA']) }));
    assert.deepEqual(got, { ca: ['ROOT', 'EXTRA', 'CORP'], system: 'node' });
  });

  it("reads the Linux CA bundle otherwise, keeping Node's CAs and NODE_EXTRA_CA_CERTS", () => {
    const files: Record<string, string> = { [LINUX_CA_BUNDLES[1] ?? '']: '-----BEGIN CERTIFICATE-----\nOS\n', '/corp.pem': 'CORP' };
    const got = trustedCertificates(true, env({ extraCaCertsFile: '/corp.pem', readFile: (p) => files[p] }));
    assert.deepEqual(got, { ca: ['ROOT', 'CORP', '-----BEGIN CERTIFICATE-----\nOS\n'], system: 'bundle' });
  });

  it("leaves Node's own list alone when the store is off or cannot be read here", () => {
    assert.equal(trustedCertificates(false, env({ getCACertificates: () => ['X'] })), undefined);
    assert.equal(trustedCertificates(true, env({ platform: 'win32' })), undefined);
    assert.equal(trustedCertificates(true, env({})), undefined, 'no bundle file');
    assert.ok(trustedCertificates(true)?.ca.length ?? tls.rootCertificates.length, 'this machine: something to trust either way');
  });

  it('explains TLS codes: untrusted CA, out of date, another host name', () => {
    for (const code of ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY']) assert.equal(tlsProblem(code), 'untrusted');
    assert.equal(tlsProblem('CERT_HAS_EXPIRED'), 'expired');
    assert.equal(tlsProblem('ERR_TLS_CERT_ALTNAME_INVALID'), 'hostname');
    assert.equal(tlsProblem('ERR_SSL_WRONG_VERSION_NUMBER'), 'other');
    assert.equal(tlsProblem(undefined), 'other');
  });
});

/** A throwaway self-signed certificate (EC P-256) for `san`, made by the openssl CLI. */
function selfSigned(dir: string, name: string, san: string): { key: string; cert: string } {
  const key = path.join(dir, `${name}.key`);
  const cert = path.join(dir, `${name}.crt`);
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
    '-subj', `/CN=${name}`, '-addext', `subjectAltName=${san}`, '-keyout', key, '-out', cert,
  ], { stdio: 'ignore' });
  return { key: fs.readFileSync(key, 'utf8'), cert: fs.readFileSync(cert, 'utf8') };
}

describe('Certificate verification is always on', function () {
  this.timeout(20_000);
  let dir: string;
  const servers: Server[] = [];

  async function serve(pair: { key: string; cert: string }): Promise<string> {
    const server = createServer(pair, (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `https://127.0.0.1:${String((server.address() as AddressInfo).port)}/`;
  }

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcloud-tls-'));
  });

  after(async () => {
    for (const s of servers) {
      s.closeAllConnections();
      await new Promise((resolve) => s.close(resolve));
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const get = (url: string, ca?: readonly string[]) => {
    const dispatcher = createDispatcher(planDispatch(url, settings(), ca ? { ca, system: 'node' } : undefined));
    return send({ url, method: 'GET', headers: {}, dispatcher, timeoutMs: 5000, maxBodyBytes: 1024 }).finally(() => dispatcher?.close());
  };

  it('refuses an untrusted certificate, and accepts it once its CA is trusted (the NODE_EXTRA_CA_CERTS / OS store way)', async () => {
    const pair = selfSigned(dir, 'corp', 'IP:127.0.0.1');
    const url = await serve(pair);
    await assert.rejects(get(url), (e: unknown) => e instanceof NetworkError && e.failure === 'tls' && tlsProblem(e.code) === 'untrusted');
    assert.equal((await get(url, [...tls.rootCertificates, pair.cert])).status, 200);
  });

  it('refuses a trusted certificate issued for another host name', async () => {
    const pair = selfSigned(dir, 'elsewhere', 'DNS:elsewhere.test');
    const url = await serve(pair);
    await assert.rejects(get(url, [pair.cert]), (e: unknown) => e instanceof NetworkError && e.failure === 'tls' && tlsProblem(e.code) === 'hostname');
  });

  it('has no switch that turns verification off anywhere in the product', () => {
    const offenders: string[] = [];
    const walk = (d: string): void => {
      for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, entry.name);
        if (entry.isDirectory()) walk(p);
        else if (/\.ts$/.test(entry.name) && /rejectUnauthorized\s*:|NODE_TLS_REJECT_UNAUTHORIZED\s*=|['"](http\.)?proxyStrictSSL['"]/.test(fs.readFileSync(p, 'utf8'))) offenders.push(p);
      }
    };
    walk(path.join(__dirname, '..', '..', 'src'));
    assert.deepEqual(offenders, []);
  });
});
