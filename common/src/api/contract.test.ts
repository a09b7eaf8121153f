import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { idParamsSchema } from '../schemas/common.js';
import {
  defineEndpoint,
  endpointBody,
  endpointUrl,
  type CallArgs,
  type EndpointRequest,
  type ResponseOf,
} from './contract.js';

const note = defineEndpoint({
  method: 'POST',
  path: '/customers/:id/notes',
  params: idParamsSchema,
  request: z.object({ text: z.string() }).strict(),
  response: z.object({ id: z.string() }),
  status: 201,
});
const alerts = defineEndpoint({
  method: 'GET',
  path: '/alerts',
  request: z.object({ status: z.enum(['open', 'resolved']).optional() }).strict(),
  response: z.object({ items: z.array(z.string()) }),
});
const ID = '64b0000000000000000000aa';

describe('defineEndpoint', () => {
  it('keeps what was declared, with 200 unless said', () => {
    expect(note).toMatchObject({ method: 'POST', path: '/customers/:id/notes', status: 201 });
    expect(alerts.status).toBe(200);
    expect(alerts.params).toBeUndefined();
  });

  it('makes path parameters and their schema agree, at compile time', () => {
    // @ts-expect-error a path with :id needs a params schema
    defineEndpoint({ method: 'GET', path: '/alerts/:id', response: z.object({}) });
    // @ts-expect-error the schema must name the path's parameter (chatId, not id)
    defineEndpoint({ method: 'GET', path: '/groups/:chatId', params: idParamsSchema, response: z.object({}) });
    // @ts-expect-error a path without parameters takes no params schema
    defineEndpoint({ method: 'GET', path: '/groups', params: idParamsSchema, response: z.object({}) });
    expect(true).toBe(true);
  });

  it('types what a client passes and what the handler gets and returns', () => {
    const call: CallArgs<typeof note> = [{ params: { id: ID }, body: { text: '少糖' } }];
    // @ts-expect-error the body is required
    const noBody: CallArgs<typeof note> = [{ params: { id: ID } }];
    // every field of the query is optional: the input may be left out
    const bare: CallArgs<typeof alerts> = [];
    // @ts-expect-error a GET sends a query, not a body
    const wrongPlace: CallArgs<typeof alerts> = [{ body: { status: 'open' } }];
    const handled: EndpointRequest<typeof alerts> = { query: { status: 'open' } };
    // @ts-expect-error the response's fields are the contract's
    const renamed: ResponseOf<typeof alerts> = { rows: [] };
    expect([call, noBody, bare, wrongPlace, handled, renamed]).toHaveLength(6);
  });
});

describe('endpointUrl and endpointBody', () => {
  it('fills and encodes path parameters, and puts a GET’s request in the query string', () => {
    expect(endpointUrl(note, { params: { id: ID }, body: { text: 'x' } })).toBe(`/customers/${ID}/notes`);
    expect(endpointUrl(alerts, { query: { status: 'open' } })).toBe('/alerts?status=open');
    expect(endpointUrl(alerts, { query: {} })).toBe('/alerts');
    expect(endpointUrl(alerts, undefined)).toBe('/alerts');
    const byExternal = defineEndpoint({
      method: 'GET',
      path: '/customers/by-external/:externalUserId',
      params: z.object({ externalUserId: z.string() }),
      request: z.object({ q: z.string().optional(), n: z.number().optional() }),
      response: z.object({}),
    });
    expect(endpointUrl(byExternal, { params: { externalUserId: 'wm/a b?' }, query: { q: '杨枝 甘露', n: 2 } })).toBe(
      '/customers/by-external/wm%2Fa%20b%3F?q=%E6%9D%A8%E6%9E%9D%20%E7%94%98%E9%9C%B2&n=2',
    );
  });

  it('sends the body for POST/PUT/PATCH ({} when there is none) and none for GET/DELETE', () => {
    expect(endpointBody(note, { params: { id: ID }, body: { text: 'x' } })).toEqual({ text: 'x' });
    const resolve = defineEndpoint({
      method: 'POST',
      path: '/alerts/:id/resolve',
      params: idParamsSchema,
      response: z.object({}),
    });
    expect(endpointBody(resolve, { params: { id: ID } })).toEqual({});
    expect(endpointBody(alerts, { query: { status: 'open' } })).toBeUndefined();
  });

  it('refuses to build a URL with a path parameter missing', () => {
    expect(() => endpointUrl(note, {} as never)).toThrow('missing path parameter id');
  });
});
