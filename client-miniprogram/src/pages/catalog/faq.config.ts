export default definePageConfig({ navigationBarTitleText: '常见问答与规定' });
