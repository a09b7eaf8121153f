/** Whether each dependency answered, and whether this process is shutting down. */
export interface Readiness {
  mongo: boolean;
  redis: boolean;
  draining: boolean;
}

export const isReady = (r: Readiness) => r.mongo && r.redis && !r.draining;

/** What the probes answer: no versions, hosts or error texts, only whether each dependency answered. */
export const presentReadiness = (r: Readiness) => ({
  status: isReady(r) ? 'ok' : r.draining ? 'draining' : 'unavailable',
  checks: { mongo: r.mongo ? 'ok' : 'down', redis: r.redis ? 'ok' : 'down' },
});

export const presentLiveness = () => ({ status: 'ok' });
