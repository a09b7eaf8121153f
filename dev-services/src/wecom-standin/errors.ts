/** A WeCom errcode answer: the stand-in replies HTTP 200 with {errcode, errmsg}, exactly as WeCom does. */
export class WecomFault extends Error {
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
  ) {
    super(`${errcode} ${errmsg}`);
  }
}

export const fault = (errcode: number, errmsg: string) => new WecomFault(errcode, errmsg);
