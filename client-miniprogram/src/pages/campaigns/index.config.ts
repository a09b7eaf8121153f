export default definePageConfig({ navigationBarTitleText: '群发记录' });
