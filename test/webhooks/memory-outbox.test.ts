import { createMemoryOutbox } from '../../src/webhooks/memory/memory-outbox.js';
import { outboxContract } from './outbox.contract.js';

outboxContract('memory', async () => createMemoryOutbox());
