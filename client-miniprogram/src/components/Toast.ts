import Taro from '@tarojs/taro';

/** A short confirmation or the server's explanation, the platform's own way. */
export const toast = (title: string, icon: 'success' | 'none' = 'none') =>
  void Taro.showToast({ title, icon, duration: 2000 });
