export default definePageConfig({ navigationBarTitleText: '连接企业微信' });
