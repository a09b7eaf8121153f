import Taro from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import { setSignedOutHandler } from './services/api';
import { toLogin } from './services/login-route';
import { sessionStore } from './services/session';
import './app.scss';

// No session, or one the server no longer accepts, sends the owner to sign in again. The pages' first calls notice
// it (pages that call nothing at first use useSignedIn), not the launch: see toLogin.
setSignedOutHandler(toLogin);

export default function App({ children }: PropsWithChildren) {
  // An address that names no page (WeCom's OAuth comes back with "#wechat_redirect", or a stale link): today's page,
  // or the login page that finishes the WeCom sign-in. Nothing is rendering then, so the relaunch races nothing.
  Taro.usePageNotFound(
    () => void Taro.reLaunch({ url: sessionStore.get() ? '/pages/home/index' : '/pages/login/index' }),
  );
  return children;
}
