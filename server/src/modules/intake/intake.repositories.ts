import type { Database } from '../../db/database.js';
import { IntakeRequestRepository } from './intake-request.repository.js';
import { webhookDeliveryModel } from './webhook-delivery.model.js';
import { WebhookDeliveryRepository } from './webhook-delivery.repository.js';
import { intakeRequestModel, webhookEndpointModel } from './webhook-endpoint.model.js';
import { WebhookEndpointRepository } from './webhook-endpoint.repository.js';

/** The intake module's own repositories (the shop records it writes are shop-data's), on the process's database. */
export const openIntakeRepositories = (db: Database) => ({
  endpoints: new WebhookEndpointRepository(webhookEndpointModel(db)),
  requests: new IntakeRequestRepository(intakeRequestModel(db)),
  deliveries: new WebhookDeliveryRepository(webhookDeliveryModel(db)),
});
