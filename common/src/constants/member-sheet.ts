// The member-list spreadsheet the owner fills in the "existing customers" step (intake kind `members`): one row per
// member. The server reads it with the headers in server/src/modules/intake/kinds/members.kind.ts (these and the
// usual variants); docs/INTAKE.md describes it for people.

/** The template's columns, in order, with what goes in each. */
export const MEMBER_SHEET_COLUMNS = [
  { header: '姓名', note: '必填' },
  { header: '手机号', note: '手机号和会员号至少填一个' },
  { header: '会员号', note: '收银系统里的会员号或会员卡号' },
  { header: '生日', note: '1990-05-12，不知道年份可写 5月12日' },
  { header: '储值余额', note: '单位元，如 120.50' },
  { header: '积分', note: '整数' },
] as const;

/** The template as a CSV file (with a BOM, so Excel opens the Chinese headers correctly). */
export const MEMBER_SHEET_TEMPLATE =
  '\uFEFF' +
  [
    MEMBER_SHEET_COLUMNS.map((c) => c.header).join(','),
    '王芳,13800000001,VIP-0001,1990-05-12,120.50,300',
    '李先生,13800000002,,5月3日,,',
  ].join('\r\n') +
  '\r\n';

export const MEMBER_SHEET_FILE_NAME = '会员名单模板.csv';
