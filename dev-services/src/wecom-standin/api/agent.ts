// 应用管理: agent/get, the app's own details — its visible range, whether it is disabled, and its 可信域名.
import { fault } from '../errors.js';
import { visibleRange } from './directory.js';
import type { ApiRoute } from './types.js';

export const agentRoutes: Record<string, ApiRoute> = {
  'GET /cgi-bin/agent/get': {
    handler: ({ state, corpId, agentId, query }) => {
      const asked = Number(query.get('agentid'));
      const corp = state.corp(corpId)!;
      const app = corp.apps.find((a) => a.agentId === asked);
      if (!app) throw fault(40056, 'invalid agentid');
      // A self-built app's token may read only its own app (WeCom: 301002 for another app of the corp).
      if (asked !== agentId) throw fault(301002, 'not allow operate another agent with this accesstoken.');
      const range = visibleRange(state, corpId, app);
      return {
        agentid: app.agentId,
        name: app.name ?? '小二',
        square_logo_url: `https://wework.qpic.cn/standin/agent/${app.agentId}/0`,
        description: '',
        allow_userinfos: { user: range.users.map((userid) => ({ userid })) },
        allow_partys: { partyid: range.parties },
        allow_tags: { tagid: range.tags },
        close: 0,
        redirect_domain: corp.trustedDomains?.[0] ?? '',
        report_location_flag: 0,
        isreportenter: 0,
        home_url: '',
      };
    },
  },
};
