// Taro's preset: React with TypeScript.
module.exports = { presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]] };
