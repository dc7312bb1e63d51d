package io.supportkit.routing.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class TenureLockTest {
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void eight_threads_on_two_cores_never_hold_the_lock_together_and_lose_no_increment() throws Exception {
        TenureLock lock = new TenureLock();
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        long[] counter = new long[1];
        int threads = 8;
        int perThread = 50_000;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread w = new Thread(() -> {
                await(start);
                for (int i = 0; i < perThread; i++) {
                    lock.lock();
                    try {
                        if (inside.incrementAndGet() != 1) {
                            overlaps.incrementAndGet();
                        }
                        counter[0]++;
                        inside.decrementAndGet();
                    } finally {
                        lock.unlock();
                    }
                }
            });
            w.start();
            workers.add(w);
        }
        start.countDown();
        for (Thread w : workers) {
            w.join();
        }
        lock.lock();
        try {
            assertThat(overlaps.get()).isZero();
            assertThat(counter[0]).isEqualTo((long) threads * perThread);
        } finally {
            lock.unlock();
        }
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void a_thread_that_already_holds_the_lock_reenters_even_when_another_thread_took_the_tenure() throws Exception {
        TenureLock lock = new TenureLock();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch tenureTaken = new CountDownLatch(1);
        AtomicInteger reentered = new AtomicInteger();
        Thread holder = new Thread(() -> {
            lock.lock();
            try {
                held.countDown();
                await(tenureTaken);
                lock.lock(); // a listener-free callback into the router from host code run under the lock
                try {
                    reentered.incrementAndGet();
                } finally {
                    lock.unlock();
                }
            } finally {
                lock.unlock();
            }
        });
        holder.start();
        held.await();
        Thread other = new Thread(lock::lock); // passes the gate (the holder makes no calls), then waits for the lock
        other.setDaemon(true);
        other.start();
        while (other.getState() != Thread.State.WAITING) {
            Thread.onSpinWait();
        }
        tenureTaken.countDown();
        holder.join();
        assertThat(reentered.get()).isEqualTo(1);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void a_lone_caller_after_another_threads_burst_gets_the_lock_once_the_tenant_is_idle() throws Exception {
        TenureLock lock = new TenureLock();
        Thread burst = new Thread(() -> {
            for (int i = 0; i < 10_000; i++) {
                lock.lock();
                lock.unlock();
            }
        });
        burst.start();
        burst.join();
        // the tenant has gone; the gate must notice it is idle rather than keep this thread out for good
        for (int i = 0; i < 1_000; i++) {
            lock.lock();
            lock.unlock();
        }
        Thread third = new Thread(() -> {
            lock.lock();
            lock.unlock();
        });
        third.start();
        third.join(5_000);
        assertThat(third.isAlive()).isFalse();
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void a_thread_queued_for_the_lock_after_taking_the_gate_goes_before_the_previous_tenants_next_call()
            throws Exception {
        TenureLock lock = new TenureLock();
        List<String> order = new CopyOnWriteArrayList<>();
        lock.lock(); // this thread is the tenant and holds the lock through a whole tenure
        Thread waiter = new Thread(() -> {
            lock.lock();
            order.add("waiter");
            lock.unlock();
        });
        waiter.start();
        // it sleeps at the gate (timed), takes the gate once the tenure has run out, then waits in the lock's queue
        while (waiter.getState() != Thread.State.WAITING) {
            Thread.onSpinWait();
        }
        lock.unlock();
        lock.lock(); // the lock is free until the waiter has woken: that must not count as the new tenant being idle
        order.add("previous tenant");
        lock.unlock();
        waiter.join();
        assertThat(order).containsExactly("waiter", "previous tenant");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
