export default definePageConfig({ navigationBarTitleText: '测试并开始营业' });
