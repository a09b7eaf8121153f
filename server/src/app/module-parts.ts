import type { RoutesOf } from '../http/module-routes.js';
import type { AnyJobDefinition } from '../jobs/job-definition.js';

/** What the composition collects from every module's `build(deps)`, besides the services it hands to others. */
export interface ModuleParts {
  routes?: RoutesOf;
  jobs?: AnyJobDefinition[];
}
