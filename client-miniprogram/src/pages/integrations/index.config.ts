export default definePageConfig({ navigationBarTitleText: '对接与集成' });
