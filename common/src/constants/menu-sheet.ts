// The menu / catalogue spreadsheet a shop owner fills: one row per sellable variant (a product sold one way is one
// row). Rows with the same 商品名 are one product; its variants come from the option columns (颜色, 尺码, 杯型 …) or
// from a 规格 column written "颜色=黄色;尺码=L" (or just "大杯"). The server reads it (menu-sheet.ts in the catalog)
// and the console offers the template below; docs/INTAKE.md describes it for people.

/** Headers of the product's own fields (the first row of a product gives them; later rows may leave them empty). */
export const MENU_FIELD_HEADERS: Record<string, string> = {
  商品名: 'name',
  商品名称: 'name',
  名称: 'name',
  品名: 'name',
  菜品: 'name',
  课程: 'name',
  项目: 'name',
  服务项目: 'name',
  分类: 'category',
  类别: 'category',
  价格: 'price',
  单价: 'price',
  售价: 'price',
  库存: 'stock',
  别名: 'aliases',
  又叫: 'aliases',
  描述: 'description',
  介绍: 'description',
  标签: 'tags',
  过敏原: 'allergens',
  在售: 'available',
  上架: 'available',
  是否在售: 'available',
  规格: 'options',
  属性: 'attributes',
  编码: 'sku',
  货号: 'sku',
  条码: 'sku',
  SKU: 'sku',
};

/** Headers that are one option of a variant: each distinct value makes another variant. */
export const VARIANT_OPTION_HEADERS = [
  '颜色',
  '尺码',
  '码数',
  '尺寸',
  '杯型',
  '大小',
  '容量',
  '重量',
  '口味',
  '款式',
  '型号',
  '版本',
  '包装',
  '班型',
] as const;

/** Headers that are an attribute of the product (one value per product): what customers ask about it. */
export const ATTRIBUTE_HEADERS = [
  '材质',
  '面料',
  '产地',
  '品牌',
  '保养',
  '洗涤',
  '保质期',
  '储存',
  '课时',
  '每节时长',
  '班级人数',
  '适合年龄',
  '服务时长',
  '尺码建议',
  '发货时间',
] as const;

/** Any other column becomes an option or an attribute when its header says so: "规格:颜色", "属性:版型". */
export const OPTION_PREFIX = /^规格[:：]\s*(.+)$/;
export const ATTRIBUTE_PREFIX = /^属性[:：]\s*(.+)$/;

/** The template: a clothing store's colour × size and a milk-tea shop's cup sizes, with the attribute columns. */
export const MENU_SHEET_TEMPLATE: string[][] = [
  ['商品名', '分类', '颜色', '尺码', '杯型', '价格(元)', '库存', '别名', '材质', '产地', '保养', '过敏原', '描述'],
  ['纯棉圆领T恤', '上衣', '白色', 'M', '', '79', '12', '白T', '100% 棉', '广东佛山', '30 度以下水洗', '', ''],
  ['纯棉圆领T恤', '上衣', '白色', 'L', '', '79', '8', '', '', '', '', '', ''],
  ['纯棉圆领T恤', '上衣', '黄色', 'L', '', '89', '0', '', '', '', '', '', ''],
  ['杨枝甘露', '鲜果茶', '', '', '中杯', '16', '', '杨枝', '', '', '', '牛奶', '新鲜芒果、西柚、西米'],
  ['杨枝甘露', '鲜果茶', '', '', '大杯', '19', '', '', '', '', '', '', ''],
  ['美式咖啡', '咖啡', '', '', '', '12', '50', '', '', '', '', '', ''],
];

/** The template as CSV text (UTF-8 with a BOM, so Excel opens the Chinese headers right). */
export function menuTemplateCsv(): string {
  const cell = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  return `\uFEFF${MENU_SHEET_TEMPLATE.map((row) => row.map(cell).join(',')).join('\n')}\n`;
}

export const MENU_TEMPLATE_FILENAME = '小二-菜单商品导入模板.csv';
