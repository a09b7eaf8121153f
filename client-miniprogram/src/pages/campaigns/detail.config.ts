export default definePageConfig({ navigationBarTitleText: '群发详情' });
