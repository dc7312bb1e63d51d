package io.supportkit.benchmarks.routing;

import io.supportkit.routing.AgentProfile;
import io.supportkit.routing.Presence;
import io.supportkit.routing.ReusableDecision;
import io.supportkit.routing.Router;
import io.supportkit.routing.Task;
import io.supportkit.time.VirtualClock;

import java.time.Instant;

/**
 * Calls that come one at a time from different threads, as from a host's thread pool: two threads take turns, each
 * making one submit and one release while the other waits. No contention at all, so a call should cost what it
 * costs on one thread; a lock that makes a newcomer wait for another thread's tenure shows here (the tenure lock
 * before its arrival check: about 84 µs per pair).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.supportkit.benchmarks.routing.RoutingAlternatingThreads [pairs]
 * </pre>
 */
public final class RoutingAlternatingThreads {
    private static volatile int turn;

    private RoutingAlternatingThreads() {
    }

    public static void main(String[] args) throws InterruptedException {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        Router router = Router.builder().clock(VirtualClock.at(Instant.parse("2026-08-05T09:00:00Z"))).build();
        router.upsertAgent(AgentProfile.builder("ana").capacity("chat", 3).build());
        router.setPresence("ana", Presence.AVAILABLE);
        long[] busyNanos = new long[2];
        Thread[] threads = new Thread[2];
        for (int k = 0; k < 2; k++) {
            int me = k;
            threads[k] = new Thread(() -> {
                Task task = Task.builder("task-" + me, "chat").build();
                ReusableDecision decision = new ReusableDecision();
                for (int i = 0; i < pairs; i++) {
                    while (turn != me) {
                        Thread.onSpinWait();
                    }
                    long start = System.nanoTime();
                    router.submit(task, decision);
                    router.release(task.id());
                    busyNanos[me] += System.nanoTime() - start;
                    turn = 1 - me;
                }
            });
        }
        for (Thread t : threads) {
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        System.out.printf("%.0f ns per submit + release, the calls alternating between two threads%n",
                (busyNanos[0] + busyNanos[1]) / (2.0 * pairs));
    }
}
