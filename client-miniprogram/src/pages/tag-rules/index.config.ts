export default definePageConfig({ navigationBarTitleText: '自动标签规则' });
