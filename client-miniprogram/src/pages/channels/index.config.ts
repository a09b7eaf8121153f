export default definePageConfig({ navigationBarTitleText: '联系我二维码' });
