export default definePageConfig({ navigationBarTitleText: '小二服务商后台' });
