export default definePageConfig({ navigationBarTitleText: '导入菜单 / 商品' });
