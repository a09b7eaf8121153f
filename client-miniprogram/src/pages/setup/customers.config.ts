export default definePageConfig({ navigationBarTitleText: '老顾客' });
