package io.supportkit.benchmarks.storage;

import io.supportkit.storage.AuthorKind;
import io.supportkit.storage.Channel;
import io.supportkit.storage.Conversation;
import io.supportkit.storage.ConversationId;
import io.supportkit.storage.Customer;
import io.supportkit.storage.CustomerId;
import io.supportkit.storage.ExternalId;
import io.supportkit.storage.Message;
import io.supportkit.storage.MessageId;
import io.supportkit.storage.NewMessage;
import io.supportkit.storage.TenantId;
import io.supportkit.storage.Visibility;
import io.supportkit.storage.memory.InMemorySupportStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Appending a message to the in-memory transcript store against the cheapest thing that could hold a
 * transcript: a synchronized {@code ArrayList} that appends the same pre-built message. The difference is
 * what the store's contract costs: validation, a global message-id check, a client-message-id map for
 * idempotency, and gapless sequence numbering.
 *
 * <p>{@code conversations} spreads appends over that many conversations (1 = every append contends on one
 * transcript; 1000 = a busy desk). Run single-threaded and with 2 threads ({@code -t 2}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TranscriptAppendBenchmark {

    @Param({"1", "1000"})
    int conversations;

    @Param({"true", "false"})
    boolean withClientMessageId;

    private InMemorySupportStore store;
    private Conversation[] targets;
    private List<Message>[] baseline;
    private final TenantId tenant = TenantId.of("bench");
    private final Instant now = Instant.parse("2026-08-05T09:00:00Z");
    private final java.util.concurrent.atomic.AtomicLong ids = new java.util.concurrent.atomic.AtomicLong();

    @SuppressWarnings("unchecked")
    @Setup(Level.Iteration)
    public void setUp() {
        store = new InMemorySupportStore();
        targets = new Conversation[conversations];
        baseline = new List[conversations];
        for (int i = 0; i < conversations; i++) {
            ExternalId address = new ExternalId(Channel.WEB, "v" + i);
            Customer c = store.customers().insert(Customer.create(tenant, CustomerId.of("c" + i), address, now));
            targets[i] = store.conversations().insert(Conversation.open(tenant, ConversationId.of("conv" + i),
                    c.id(), Channel.WEB, address, now));
            baseline[i] = Collections.synchronizedList(new ArrayList<>());
        }
    }

    private NewMessage next(Conversation c, long n) {
        return new NewMessage(tenant, c.id(), MessageId.of("m" + n),
                withClientMessageId ? Optional.of("client-" + n) : Optional.empty(), AuthorKind.CUSTOMER,
                c.customer().value(), Visibility.PUBLIC, Channel.WEB, "Where is my order 245-12784?", List.of(), now);
    }

    @Benchmark
    @Threads(1)
    public Message storeAppend() {
        long n = ids.incrementAndGet();
        return store.transcripts().append(next(targets[(int) (n % conversations)], n)).message();
    }

    /** The same message built the same way, appended to a synchronized list: the floor. */
    @Benchmark
    @Threads(1)
    public boolean baselineSynchronizedList() {
        long n = ids.incrementAndGet();
        int slot = (int) (n % conversations);
        List<Message> list = baseline[slot];
        NewMessage m = next(targets[slot], n);
        synchronized (list) {
            return list.add(m.at(list.size() + 1L));
        }
    }
}
