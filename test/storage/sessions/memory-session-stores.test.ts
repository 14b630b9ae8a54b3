import { createMemorySessionStore } from '../../../src/storage/sessions/memory-session-store.js';
import { createMemorySingleUseStore } from '../../../src/storage/sessions/memory-single-use-store.js';
import { createMemoryVaultStore } from '../../../src/storage/sessions/memory-vault-store.js';
import { manualClock } from '../contract/manual-clock.js';
import { sessionStoreContract } from './session-store.contract.js';
import { singleUseStoreContract } from './single-use-store.contract.js';
import { vaultStoreContract } from './vault-store.contract.js';

function harness<T>(make: (clock: ReturnType<typeof manualClock>) => T) {
  return async () => {
    const clock = manualClock();
    return { store: make(clock), pass: async (ms: number) => clock.advance(ms) };
  };
}

sessionStoreContract('memory', harness(createMemorySessionStore));
singleUseStoreContract('memory', harness(createMemorySingleUseStore));
vaultStoreContract('memory', harness(createMemoryVaultStore));
