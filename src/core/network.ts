/**
 * Entry of dist/network.js, the bundle the editor loads on its first lookup (undici, zod, auth,
 * client). The activation bundle reaches it only through a type-only import and a lazy require.
 */
export { createClient, IdCloudClient, unauthorizedReason, type ClientEvent, type ClientOptions } from './client';
export { PastedTokenSource, ServiceAccountTokenSource, type FreshToken, type ServiceAccountTokenSourceOptions } from './auth';
export { decodeJwtPayload, validatePrivateKey, type ServiceAccount } from './jwt';
export { TOKEN_ERROR_MEANINGS } from './tokenErrors';
export { parseErrorBody, parseMediaResponse, parseProcess, parseProcessResponse, parseTokenErrorBody, parseTokenResponse } from './schema';
/** The editor builds its dispatchers (proxy, NO_PROXY, trusted CAs; verification always on) from these. */
export { createDispatcher, planDispatch, type DispatchPlan, type ProxySettings } from './dispatcher';
export { trustedCertificates, type TrustedCertificates } from './trust';
export type { Dispatcher } from 'undici';
