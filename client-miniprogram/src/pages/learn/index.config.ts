export default definePageConfig({ navigationBarTitleText: '小二没答上的问题' });
