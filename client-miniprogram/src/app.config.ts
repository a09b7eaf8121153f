export default defineAppConfig({
  pages: [
    'pages/home/index',
    'pages/drafts/index',
    'pages/reports/index',
    'pages/alerts/index',
    'pages/me/index',
    'pages/login/index',
    'pages/alerts/detail',
    'pages/customers/index',
    // a customer's profile: details by role, opt-out, 为什么没联系他, the timeline
    'pages/customers/profile',
    // the merchant's own automatic tag rules, with how many customers a rule would tag before it is saved
    'pages/tag-rules/index',
    'pages/groups/index',
    'pages/data/index',
    'pages/settings/index',
    // the shop learns: unanswered questions to answer, and 问问小二 (what the bot would answer)
    'pages/learn/index',
    'pages/ask/index',
    // the owner connects the shop's self-built WeCom app (setup, way 1)
    'pages/setup-wecom/index',
    // the owner's setup: the one-time link, the checklist, the business step
    'pages/setup/index',
    'pages/setup/checklist',
    'pages/setup/business',
    // the menu / catalogue from a spreadsheet, one row per variant (the knowledge step links here)
    'pages/setup/menu-import/index',
    // the staff step: WeCom members synced, the owner's claim, roles, shops, invites
    'pages/setup/staff',
    // the existing customers (WeCom sync, member list), then test and go live (开始营业)
    'pages/setup/customers',
    'pages/setup/golive',
    // the knowledge step: the industry template to review and fill, the menu, the first 联系我 QR code
    'pages/setup/knowledge',
    // the catalogue after setup: 今日售罄 and stock in one tap, a product's editor, FAQ and policies, the change
    // history with undo
    'pages/catalog/index',
    'pages/catalog/edit',
    'pages/catalog/faq',
    'pages/catalog/history',
    // the scripts library (话术) staff send from the sidebar, and the 联系我 codes with their adds and welcomes
    'pages/scripts/index',
    'pages/channels/index',
    // a campaign (群发) to an audience: who receives it per staff member and who is left out, then one task each
    'pages/campaigns/new',
    // the campaigns sent and scheduled, each with how it went (delivered, confirmed, replies, orders)
    'pages/campaigns/index',
    'pages/campaigns/detail',
    // the team after setup (roles, shops, invites, deactivation) and everything the shop is connected to
    'pages/staff/index',
    'pages/integrations/index',
    // the provider's console lives in the browser only
    ...(process.env.TARO_ENV === 'h5' ? ['pages/operator/index'] : []),
  ],
  // H5 only: no page-switch animation. Taro's H5 router shades the page it leaves on a timer the animation's length
  // later and never cancels it when that page is shown again, so "back" soon after opening a page left a blank
  // screen (reproduced in the browser tests); without the animation the timer fires at once.
  animation: false,
  window: {
    navigationBarTitleText: '小二老板助手',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f6f8',
    enablePullDownRefresh: false,
  },
  // icons drawn by client-miniprogram/scripts/make-tab-icons.mjs
  tabBar: {
    color: '#8a8f99',
    selectedColor: '#07c160',
    backgroundColor: '#ffffff',
    list: [
      {
        pagePath: 'pages/home/index',
        text: '今日',
        iconPath: 'assets/tab/home.png',
        selectedIconPath: 'assets/tab/home-on.png',
      },
      {
        pagePath: 'pages/drafts/index',
        text: '草稿',
        iconPath: 'assets/tab/drafts.png',
        selectedIconPath: 'assets/tab/drafts-on.png',
      },
      {
        pagePath: 'pages/reports/index',
        text: '报表',
        iconPath: 'assets/tab/reports.png',
        selectedIconPath: 'assets/tab/reports-on.png',
      },
      {
        pagePath: 'pages/alerts/index',
        text: '提醒',
        iconPath: 'assets/tab/alerts.png',
        selectedIconPath: 'assets/tab/alerts-on.png',
      },
      {
        pagePath: 'pages/me/index',
        text: '我的',
        iconPath: 'assets/tab/me.png',
        selectedIconPath: 'assets/tab/me-on.png',
      },
    ],
  },
});
