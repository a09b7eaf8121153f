/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.scss';

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5';
    /** the API's origin for the weapp build (h5 talks to the origin that served it) */
    TARO_APP_API?: string;
  }
}
