export default definePageConfig({ navigationBarTitleText: '开通进度' });
