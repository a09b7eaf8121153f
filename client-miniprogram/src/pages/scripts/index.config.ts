export default definePageConfig({ navigationBarTitleText: '话术库' });
