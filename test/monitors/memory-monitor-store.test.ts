import { createMemoryMonitorStore } from '../../src/monitors/memory/memory-monitor-store.js';
import { monitorStoreContract } from './monitor-store.contract.js';

monitorStoreContract('memory', async () => createMemoryMonitorStore());
