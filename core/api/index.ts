// The sync API's contract (re-exports only): the wire schemas and their types, the one error, the one client.
export * from './wire.ts';
export * from './progress-wire.ts';
export { ApiError, NO_ANSWER } from './error.ts';
export {
  createApiClient,
  errorOf,
  fillPath,
  type Answer,
  type ApiClient,
  type ClientOptions,
  type FetchInit,
  type FetchResponse,
} from './client.ts';
