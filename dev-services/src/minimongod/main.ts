// Standalone minimongod: `PORT=27217 tsx dev-services/src/minimongod/main.ts`
import { MiniMongo } from './server.js';

const port = Number(process.env.PORT ?? 27217);
const { uri } = await new MiniMongo().listen(port);
console.log(`minimongod listening at ${uri('test')} (in memory; data is lost when it stops)`);
