export default definePageConfig({ navigationBarTitleText: '经营报表' });
