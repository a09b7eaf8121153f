export default definePageConfig({ navigationBarTitleText: '问问小二' });
