import type { Container } from '../app/container.js';
import type { JobDefinition } from './job-definition.js';

/** Every job kind the worker role runs. Domain modules add theirs here as they arrive (WeCom inbox, scenarios ...). */
export function jobDefinitions(_container: Container): JobDefinition[] {
  return [];
}
