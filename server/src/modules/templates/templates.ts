// The five industry templates, one file each under industries/.
import type { Industry } from '@xiaoer/common/constants/industries';
import type { IndustryTemplate } from './industry-template.js';
import { ECOMMERCE } from './industries/ecommerce.js';
import { EDUCATION } from './industries/education.js';
import { LOCAL_SERVICES } from './industries/local-services.js';
import { RESTAURANT } from './industries/restaurant.js';
import { RETAIL } from './industries/retail.js';

export const INDUSTRY_KNOWLEDGE: Record<Industry, IndustryTemplate> = {
  餐饮: RESTAURANT,
  零售: RETAIL,
  电商: ECOMMERCE,
  本地服务: LOCAL_SERVICES,
  教育培训: EDUCATION,
};
