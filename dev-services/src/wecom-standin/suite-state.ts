// 服务商代开发 in the stand-in: the provider's app template ("suite") and what WeCom issues around it — suite tickets,
// suite access tokens, pre-auth codes, temporary auth codes and the corps that authorised the template.

/** suite_ticket: pushed every 10 minutes, valid 30 (WeCom accepts the last few, "always use the newest"). */
export const SUITE_TICKET_TTL_MS = 30 * 60_000;
export const SUITE_TOKEN_TTL_SECONDS = 7200;
/** pre_auth_code: 20 minutes (expires_in 1200) */
export const PRE_AUTH_CODE_TTL_MS = 1200_000;
/** the temporary auth code of create_auth: 10 minutes, single use */
export const AUTH_CODE_TTL_MS = 600_000;

export interface SuiteTemplate {
  suiteId: string;
  secret: string;
  token: string;
  encodingAesKey: string;
  /** 指令回调URL: where suite_ticket and create_auth / change_auth / cancel_auth are pushed */
  instructionUrl: string;
  /** 数据回调URL, with $CORPID$ standing for the authorising corp */
  dataUrl: string;
}

export interface SuiteAuthorisation {
  corpId: string;
  corpName: string;
  agentId: number;
  permanentCode: string;
  state: string;
  adminUserid: string;
  cancelled: boolean;
}

export class SuiteState {
  template?: SuiteTemplate;
  tickets = new Map<string, { expiresAt: number }>();
  tokens = new Map<string, { expiresAt: number }>();
  preAuthCodes = new Map<string, { expiresAt: number; authType?: number }>();
  authCodes = new Map<
    string,
    { corpId: string; expiresAt: number; used: boolean; state: string; preAuthCode: string }
  >();
  /** by corp id */
  authorisations = new Map<string, SuiteAuthorisation>();
}
