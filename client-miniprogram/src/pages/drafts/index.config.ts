export default definePageConfig({ navigationBarTitleText: '草稿审核' });
