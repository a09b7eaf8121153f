export default definePageConfig({ navigationBarTitleText: '新建群发' });
