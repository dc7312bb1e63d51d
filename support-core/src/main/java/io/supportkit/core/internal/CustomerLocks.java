package io.supportkit.core.internal;

import io.supportkit.storage.CustomerId;
import io.supportkit.storage.TenantId;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Striped locks, one stripe per customer hash. Everything that reads and then changes a customer's
 * conversations holds its stripe, so in-process races are impossible and the store's optimistic check only
 * has to catch races between engine instances.
 */
final class CustomerLocks {
    private final ReentrantLock[] stripes;

    CustomerLocks(int count) {
        stripes = new ReentrantLock[count];
        for (int i = 0; i < count; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    ReentrantLock of(TenantId tenant, CustomerId customer) {
        int h = 31 * tenant.hashCode() + customer.hashCode();
        h ^= h >>> 16;
        return stripes[Math.floorMod(h, stripes.length)];
    }
}
