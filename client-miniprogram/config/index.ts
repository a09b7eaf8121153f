// Taro build configuration: one source, two outputs — the WeChat mini-program (dist/, where the root
// project.config.json points WeChat DevTools) and an H5 build (dist-h5/) that the API serves at /console/ for owners
// opening a WeCom text card in a browser, for the demo and for the browser tests.
import path from 'node:path';
import { defineConfig } from '@tarojs/cli';

const root = path.resolve(__dirname, '..');

/** common/ is NodeNext TypeScript: its imports say ".js" for ".ts" files. */
const resolveCommon = (chain: { merge(config: object): void }) =>
  chain.merge({ resolve: { extensionAlias: { '.js': ['.ts', '.tsx', '.js'] } } });
const common = path.resolve(root, '../common');

export default defineConfig<'webpack5'>(() => ({
  projectName: 'xiaoer-owner',
  date: '2026-11-23',
  designWidth: 750,
  deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
  sourceRoot: 'src',
  outputRoot: process.env.TARO_ENV === 'h5' ? 'dist-h5' : 'dist',
  plugins: [],
  // settings read at build time (neither build has a process.env at run time)
  defineConstants: {
    'process.env.TARO_APP_API': JSON.stringify(process.env.TARO_APP_API ?? ''),
    'process.env.TARO_APP_SUBSCRIBE_TEMPLATE': JSON.stringify(process.env.TARO_APP_SUBSCRIBE_TEMPLATE ?? ''),
  },
  alias: { '@xiaoer/common': path.resolve(common, 'src') },
  framework: 'react',
  compiler: { type: 'webpack5', prebundle: { enable: false } },
  cache: { enable: false },
  mini: {
    // shared types and schemas are TypeScript source: Taro compiles them with the app
    compile: { include: [common] },
    postcss: { pxtransform: { enable: true, config: {} }, cssModules: { enable: false } },
    webpackChain: resolveCommon,
  },
  h5: {
    publicPath: '/console/',
    staticDirectory: 'static',
    router: { mode: 'hash' },
    compile: { include: [common] },
    output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[contenthash:8].js' },
    miniCssExtractPluginOption: {
      filename: 'css/[name].[contenthash:8].css',
      chunkFilename: 'css/[name].[contenthash:8].css',
    },
    postcss: { autoprefixer: { enable: true }, cssModules: { enable: false } },
    webpackChain(chain) {
      resolveCommon(chain);
      // npm nests @tarojs/plugin-framework-react's deps under this workspace: let webpack look in both places
      chain.resolve.modules
        .add('node_modules')
        .add(path.resolve(root, 'node_modules'))
        .add(path.resolve(root, '../node_modules'));
    },
  },
}));
