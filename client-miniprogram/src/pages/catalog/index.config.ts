export default definePageConfig({ navigationBarTitleText: '菜单 / 商品' });
