/** The five industries a merchant chooses from; the value is what is stored and what staff see. */
export const INDUSTRIES = ['餐饮', '零售', '电商', '本地服务', '教育培训'] as const;
export type Industry = (typeof INDUSTRIES)[number];
