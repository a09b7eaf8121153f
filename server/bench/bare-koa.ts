// The baseline for the callback benchmark: Koa reading the body and answering "success", nothing else.
import http from 'node:http';
import Koa from 'koa';
import getRawBody from 'raw-body';

const app = new Koa();
app.use(async (ctx) => {
  await getRawBody(ctx.req, { limit: '64kb', encoding: 'utf8' });
  ctx.body = 'success';
});
const server = http.createServer(app.callback());
server.listen(0, '127.0.0.1', () => console.log(`listening on ${(server.address() as { port: number }).port}`));
