// A 微信客服 session's state in words, and WeCom's numbers for it: shared by the session model (its enum) and the
// pipeline (reading WeCom's session_status_change events), so neither needs the other.

/** WeCom's service_state as words: 0 new, 1 bot (智能助手), 2 queue, 3 human, 4 ended. */
export const KF_STATES = ['new', 'bot', 'queue', 'human', 'ended'] as const;
export type KfState = (typeof KF_STATES)[number];
export const kfStateFromWecom = (n: number): KfState => KF_STATES[n] ?? 'new';
