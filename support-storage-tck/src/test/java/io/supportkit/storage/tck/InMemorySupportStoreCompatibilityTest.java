package io.supportkit.storage.tck;

import io.supportkit.storage.memory.InMemorySupportStore;
import io.supportkit.storage.spi.SupportStore;

/** The reference store held to the same contract as every other store. */
class InMemorySupportStoreCompatibilityTest extends SupportStoreCompatibilityKit {
    @Override
    protected SupportStore newStore() {
        return new InMemorySupportStore();
    }
}
