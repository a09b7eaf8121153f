export default definePageConfig({ navigationBarTitleText: '开通小二' });
