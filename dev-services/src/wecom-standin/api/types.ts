import type { StandInState } from '../state.js';

export interface ApiCall {
  state: StandInState;
  /** the caller's corp and app, resolved from access_token (absent for gettoken / jscode2session) */
  corpId: string;
  agentId: number;
  query: URLSearchParams;
  body: Record<string, any>;
}

export type ApiHandler = (call: ApiCall) => Record<string, unknown>;

export interface ApiRoute {
  handler: ApiHandler;
  /** false for the endpoints that take no access_token */
  authenticated?: boolean;
  /** only apps authorised for 微信客服 may call it (95xxx otherwise) */
  kf?: boolean;
}
