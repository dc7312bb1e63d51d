package io.supportkit.storage.tck;

import io.supportkit.ConflictException;
import io.supportkit.InvalidInputException;
import io.supportkit.NotFoundException;
import io.supportkit.storage.AppendResult;
import io.supportkit.storage.AuthorKind;
import io.supportkit.storage.Channel;
import io.supportkit.storage.Conversation;
import io.supportkit.storage.ConversationId;
import io.supportkit.storage.ConversationStatus;
import io.supportkit.storage.Customer;
import io.supportkit.storage.CustomerId;
import io.supportkit.storage.ErasureReport;
import io.supportkit.storage.ExternalId;
import io.supportkit.storage.Message;
import io.supportkit.storage.MessageId;
import io.supportkit.storage.NewMessage;
import io.supportkit.storage.TenantId;
import io.supportkit.storage.TranscriptPage;
import io.supportkit.storage.Visibility;
import io.supportkit.storage.spi.SupportStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The compatibility kit every {@link SupportStore} must pass: ours (in-memory, JDBC) and any a host writes.
 *
 * <p>Extend it with a few lines and run it with JUnit 5:
 * <pre>{@code
 * class MyStoreCompatibilityTest extends SupportStoreCompatibilityKit {
 *     protected SupportStore newStore() {
 *         return new MyStore(freshDatabase());
 *     }
 * }
 * }</pre>
 *
 * <p>{@link #newStore()} is called before every test and must return an empty store (or one whose data
 * cannot collide: the kit uses fresh tenant ids per test as well).
 */
public abstract class SupportStoreCompatibilityKit {

    private static final AtomicInteger TENANTS = new AtomicInteger();

    protected SupportStore store;
    protected TenantId tenant;
    protected TenantId otherTenant;
    private final AtomicInteger ids = new AtomicInteger();
    private final Instant t0 = Instant.parse("2026-08-05T09:00:00Z");

    /** A store for one test; called before each test. */
    protected abstract SupportStore newStore();

    /** How many threads the concurrency tests use; stores with small connection pools may lower it. */
    protected int concurrency() {
        return 8;
    }

    @BeforeEach
    void createStore() {
        store = newStore();
        int n = TENANTS.incrementAndGet();
        tenant = TenantId.of("tck-" + n + "-" + System.nanoTime());
        otherTenant = TenantId.of("tck-other-" + n + "-" + System.nanoTime());
    }

    // ---- fixtures -------------------------------------------------------------------------------------

    protected Customer newCustomer(TenantId in) {
        int n = ids.incrementAndGet();
        return store.customers().insert(Customer.create(in, CustomerId.of("cus-" + n),
                new ExternalId(Channel.WEB, "visitor-" + n), t0));
    }

    protected Conversation newConversation(TenantId in, Customer customer) {
        ExternalId replyTo = customer.externalIds().iterator().next();
        return store.conversations().insert(Conversation.open(in, ConversationId.of("conv-" + ids.incrementAndGet()),
                customer.id(), replyTo.channel(), replyTo, t0));
    }

    protected NewMessage message(Conversation c, String text, Optional<String> clientId) {
        return new NewMessage(c.tenant(), c.id(), MessageId.of("msg-" + ids.incrementAndGet()), clientId,
                AuthorKind.CUSTOMER, c.customer().value(), Visibility.PUBLIC, c.channel(), text, List.of(),
                t0.plusSeconds(ids.get()));
    }

    protected NewMessage message(Conversation c, String text) {
        return message(c, text, Optional.empty());
    }

    private List<Message> readAll(Conversation c, int pageSize) {
        List<Message> all = new ArrayList<>();
        long after = 0;
        TranscriptPage page;
        do {
            page = store.transcripts().read(c.tenant(), c.id(), after, pageSize);
            all.addAll(page.messages());
            after = page.nextAfter();
        } while (page.hasMore());
        return all;
    }

    // ---- customers ------------------------------------------------------------------------------------

    @Nested
    class Customers {
        @Test
        void shouldFindACustomerByIdAndByEachExternalId() {
            Customer c = newCustomer(tenant);
            ExternalId sms = new ExternalId(Channel.SMS, "+905551112233");
            Customer linked = store.customers().addExternalId(tenant, c.id(), sms);

            assertThat(linked.externalIds()).contains(sms).containsAll(c.externalIds());
            assertThat(store.customers().find(tenant, c.id())).contains(linked);
            assertThat(store.customers().findByExternalId(tenant, sms)).contains(linked);
            assertThat(store.customers().findByExternalId(tenant, c.externalIds().iterator().next())).contains(linked);
        }

        @Test
        void shouldRejectASecondCustomerWithAnOwnedExternalIdAndWriteNothing() {
            Customer c = newCustomer(tenant);
            ExternalId taken = c.externalIds().iterator().next();
            Customer intruder = new Customer(tenant, CustomerId.of("intruder"), Optional.empty(),
                    java.util.Set.of(taken, new ExternalId(Channel.EMAIL, "x@example.com")), t0);

            assertThatThrownBy(() -> store.customers().insert(intruder))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining(taken.value());
            assertThat(store.customers().find(tenant, intruder.id())).isEmpty();
            assertThat(store.customers().findByExternalId(tenant, new ExternalId(Channel.EMAIL, "x@example.com")))
                    .isEmpty();
        }

        @Test
        void shouldRejectADuplicateCustomerId() {
            Customer c = newCustomer(tenant);
            assertThatThrownBy(() -> store.customers().insert(Customer.create(tenant, c.id(),
                    new ExternalId(Channel.SMS, "+15550001"), t0)))
                    .isInstanceOf(ConflictException.class);
            assertThat(store.customers().findByExternalId(tenant, new ExternalId(Channel.SMS, "+15550001"))).isEmpty();
        }

        @Test
        void shouldTreatLinkingAnOwnIdAsNoChangeAndRefuseAnotherCustomersId() {
            Customer a = newCustomer(tenant);
            Customer b = newCustomer(tenant);
            ExternalId aId = a.externalIds().iterator().next();

            assertThat(store.customers().addExternalId(tenant, a.id(), aId)).isEqualTo(a);
            assertThatThrownBy(() -> store.customers().addExternalId(tenant, b.id(), aId))
                    .isInstanceOf(ConflictException.class);
            assertThat(store.customers().find(tenant, b.id())).contains(b);
        }

        @Test
        void shouldRefuseToLinkToAnUnknownCustomer() {
            assertThatThrownBy(() -> store.customers().addExternalId(tenant, CustomerId.of("ghost"),
                    new ExternalId(Channel.SMS, "+1")))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("ghost");
        }

        @Test
        void shouldRejectNullArgumentsWithATypedError() {
            assertThatThrownBy(() -> store.customers().insert(null)).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> store.customers().find(null, CustomerId.of("a")))
                    .isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> store.customers().findByExternalId(tenant, null))
                    .isInstanceOf(InvalidInputException.class);
        }
    }

    // ---- conversations --------------------------------------------------------------------------------

    @Nested
    class Conversations {
        @Test
        void shouldKeepAtMostOneConversationThatIsNotClosedPerCustomer() {
            Customer c = newCustomer(tenant);
            Conversation first = newConversation(tenant, c);

            assertThatThrownBy(() -> newConversation(tenant, c)).isInstanceOf(ConflictException.class);
            assertThat(store.conversations().findActive(tenant, c.id())).contains(first);

            Conversation closed = store.conversations().update(first.withStatus(ConversationStatus.CLOSED, t0));
            assertThat(store.conversations().findActive(tenant, c.id())).isEmpty();
            Conversation second = newConversation(tenant, c);

            assertThat(store.conversations().findActive(tenant, c.id())).contains(second);
            assertThat(store.conversations().listByCustomer(tenant, c.id())).containsExactly(closed, second);
        }

        @Test
        void shouldRequireAnExistingCustomerAndVersionOne() {
            Customer c = newCustomer(tenant);
            ExternalId replyTo = c.externalIds().iterator().next();
            Conversation orphan = Conversation.open(tenant, ConversationId.of("orphan"), CustomerId.of("ghost"),
                    Channel.WEB, replyTo, t0);
            assertThatThrownBy(() -> store.conversations().insert(orphan)).isInstanceOf(NotFoundException.class);

            Conversation v2 = Conversation.open(tenant, ConversationId.of("v2"), c.id(), Channel.WEB, replyTo, t0)
                    .nextVersion();
            assertThatThrownBy(() -> store.conversations().insert(v2)).isInstanceOf(InvalidInputException.class);
            assertThat(store.conversations().listByCustomer(tenant, c.id())).isEmpty();
        }

        @Test
        void shouldRejectAStaleUpdateAndKeepTheWinner() {
            Conversation c = newConversation(tenant, newCustomer(tenant));
            Conversation winner = store.conversations().update(c.withStatus(ConversationStatus.PENDING, t0));
            assertThat(winner.version()).isEqualTo(c.version() + 1);

            assertThatThrownBy(() -> store.conversations().update(c.withStatus(ConversationStatus.RESOLVED, t0)))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("version");
            assertThat(store.conversations().find(tenant, c.id())).contains(winner);
        }

        @Test
        void shouldNeverReopenAClosedConversation() {
            Conversation c = newConversation(tenant, newCustomer(tenant));
            Conversation closed = store.conversations().update(c.withStatus(ConversationStatus.CLOSED, t0));

            assertThatThrownBy(() -> store.conversations().update(closed.withStatus(ConversationStatus.OPEN, t0)))
                    .isInstanceOf(InvalidInputException.class);
            assertThat(store.conversations().find(tenant, c.id())).contains(closed);
        }

        @Test
        void shouldReportAnUpdateOfAnUnknownConversationAsNotFound() {
            Conversation c = newConversation(tenant, newCustomer(tenant));
            Conversation elsewhere = Conversation.open(otherTenant, c.id(), c.customer(), c.channel(), c.replyTo(), t0)
                    .withStatus(ConversationStatus.PENDING, t0);
            assertThat(elsewhere.version()).isEqualTo(c.version());
            assertThatThrownBy(() -> store.conversations().update(elsewhere)).isInstanceOf(NotFoundException.class);
        }
    }

    // ---- transcripts ----------------------------------------------------------------------------------

    @Nested
    class Transcripts {
        @Test
        void shouldNumberMessagesFromOneWithoutGapsInAppendOrder() {
            Conversation c = newConversation(tenant, newCustomer(tenant));
            for (int i = 0; i < 5; i++) {
                store.transcripts().append(message(c, "line " + i));
            }
            List<Message> all = readAll(c, 100);
            assertThat(all).extracting(Message::sequence).containsExactly(1L, 2L, 3L, 4L, 5L);
            assertThat(all).extracting(Message::text).containsExactly("line 0", "line 1", "line 2", "line 3", "line 4");
            assertThat(store.transcripts().count(tenant, c.id())).isEqualTo(5);
        }

        @Test
        void shouldPageThroughALongTranscriptWithoutLossOrRepeat() {
            Conversation c = newConversation(tenant, newCustomer(tenant));
            for (int i = 0; i < 250; i++) {
                store.transcripts().append(message(c, "m" + i));
            }
            TranscriptPage first = store.transcripts().read(tenant, c.id(), 0, 100);
            assertThat(first.messages()).hasSize(100);
            assertThat(first.hasMore()).isTrue();
            assertThat(first.nextAfter()).isEqualTo(100);

            List<Message> all = readAll(c, 100);
            assertThat(all).extracting(Message::sequence).containsExactlyElementsOf(
                    LongStream.rangeClosed(1, 250).boxed().toList());

            TranscriptPage beyond = store.transcripts().read(tenant, c.id(), 250, 10);
            assertThat(beyond.messages()).isEmpty();
            assertThat(beyond.hasMore()).isFalse();
            assertThat(beyond.nextAfter()).isEqualTo(250);
        }

        @Test
        void shouldStoreARetriedMessageOnlyOnce() {
            Conversation c = newConversation(tenant, newCustomer(tenant));
            AppendResult first = store.transcripts().append(message(c, "where is my order?", Optional.of("client-1")));
            AppendResult retry = store.transcripts().append(message(c, "where is my order?", Optional.of("client-1")));

            assertThat(first.duplicate()).isFalse();
            assertThat(retry.duplicate()).isTrue();
            assertThat(retry.message()).isEqualTo(first.message());
            assertThat(store.transcripts().count(tenant, c.id())).isEqualTo(1);
            assertThat(store.transcripts().findByClientMessageId(tenant, c.id(), "client-1")).contains(first.message());
        }

        @Test
        void shouldScopeClientMessageIdsToTheirConversation() {
            Conversation a = newConversation(tenant, newCustomer(tenant));
            Conversation b = newConversation(tenant, newCustomer(tenant));
            store.transcripts().append(message(a, "hi", Optional.of("same")));
            AppendResult inB = store.transcripts().append(message(b, "hi", Optional.of("same")));
            assertThat(inB.duplicate()).isFalse();
        }

        @Test
        void shouldRejectAReusedMessageIdAndWriteNothing() {
            Conversation c = newConversation(tenant, newCustomer(tenant));
            NewMessage m = message(c, "first");
            store.transcripts().append(m);
            NewMessage sameId = new NewMessage(tenant, c.id(), m.id(), Optional.empty(), AuthorKind.CUSTOMER,
                    c.customer().value(), Visibility.PUBLIC, c.channel(), "second", List.of(), t0);
            assertThatThrownBy(() -> store.transcripts().append(sameId)).isInstanceOf(ConflictException.class);
            assertThat(store.transcripts().count(tenant, c.id())).isEqualTo(1);
        }

        @Test
        void shouldRejectAppendsAndReadsOfUnknownConversations() {
            Conversation c = newConversation(tenant, newCustomer(tenant));
            NewMessage ghost = new NewMessage(tenant, ConversationId.of("ghost"), MessageId.of("m-ghost"),
                    Optional.empty(), AuthorKind.CUSTOMER, "x", Visibility.PUBLIC, Channel.WEB, "hello", List.of(), t0);
            assertThatThrownBy(() -> store.transcripts().append(ghost))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("ghost");
            assertThatThrownBy(() -> store.transcripts().read(tenant, ConversationId.of("ghost"), 0, 10))
                    .isInstanceOf(NotFoundException.class);
            assertThat(store.transcripts().count(tenant, c.id())).isZero();
        }

        @Test
        void shouldRejectBadPagingArguments() {
            Conversation c = newConversation(tenant, newCustomer(tenant));
            assertThatThrownBy(() -> store.transcripts().read(tenant, c.id(), -1, 10))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("-1");
            assertThatThrownBy(() -> store.transcripts().read(tenant, c.id(), 0, 0))
                    .isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> store.transcripts().read(tenant, c.id(), 0, 100_000))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("100000");
            assertThatThrownBy(() -> store.transcripts().append(null)).isInstanceOf(InvalidInputException.class);
        }

        @Test
        void shouldGiveConcurrentAppendsToOneConversationDistinctGaplessSequences() throws Exception {
            Conversation c = newConversation(tenant, newCustomer(tenant));
            int threads = concurrency();
            int perThread = 100;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    futures.add(pool.submit(() -> {
                        start.await();
                        for (int i = 0; i < perThread; i++) {
                            store.transcripts().append(message(c, thread + ":" + i, Optional.of("c-" + thread + "-" + i)));
                            // every thread also retries one earlier message: it must never land twice
                            store.transcripts().append(message(c, thread + ":" + i, Optional.of("c-" + thread + "-" + (i / 2))));
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> f : futures) {
                    f.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            List<Message> all = readAll(c, 1000);
            assertThat(all).hasSize(threads * perThread);
            assertThat(all).extracting(Message::sequence).containsExactlyElementsOf(
                    LongStream.rangeClosed(1, (long) threads * perThread).boxed().toList());
            for (int t = 0; t < threads; t++) {
                String prefix = t + ":";
                List<String> own = all.stream().map(Message::text).filter(s -> s.startsWith(prefix)).toList();
                assertThat(own).as("thread %d's messages in its own order", t)
                        .containsExactlyElementsOf(java.util.stream.IntStream.range(0, perThread)
                                .mapToObj(i -> prefix + i).toList());
            }
        }
    }

    // ---- tenants --------------------------------------------------------------------------------------

    @Nested
    class TenantIsolation {
        @Test
        void shouldNeverFindAnotherTenantsData() {
            Customer c = newCustomer(tenant);
            Conversation conv = newConversation(tenant, c);
            store.transcripts().append(message(conv, "secret of tenant one"));

            assertThat(store.customers().find(otherTenant, c.id())).isEmpty();
            assertThat(store.customers().findByExternalId(otherTenant, c.externalIds().iterator().next())).isEmpty();
            assertThat(store.conversations().find(otherTenant, conv.id())).isEmpty();
            assertThat(store.conversations().findActive(otherTenant, c.id())).isEmpty();
            assertThat(store.conversations().listByCustomer(otherTenant, c.id())).isEmpty();
            assertThatThrownBy(() -> store.transcripts().read(otherTenant, conv.id(), 0, 10))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> store.transcripts().count(otherTenant, conv.id()))
                    .isInstanceOf(NotFoundException.class);
        }

        @Test
        void shouldLetTwoTenantsUseTheSameIdsIndependently() {
            Customer mine = Customer.create(tenant, CustomerId.of("same"), new ExternalId(Channel.SMS, "+1555"), t0);
            Customer theirs = Customer.create(otherTenant, CustomerId.of("same"), new ExternalId(Channel.SMS, "+1555"), t0);
            store.customers().insert(mine);
            store.customers().insert(theirs);
            Conversation a = store.conversations().insert(Conversation.open(tenant, ConversationId.of("c"),
                    mine.id(), Channel.SMS, new ExternalId(Channel.SMS, "+1555"), t0));
            Conversation b = store.conversations().insert(Conversation.open(otherTenant, ConversationId.of("c"),
                    theirs.id(), Channel.SMS, new ExternalId(Channel.SMS, "+1555"), t0));
            store.transcripts().append(message(a, "one"));

            assertThat(store.transcripts().count(tenant, a.id())).isEqualTo(1);
            assertThat(store.transcripts().count(otherTenant, b.id())).isZero();
            assertThat(store.eraseCustomer(otherTenant, theirs.id()).customers()).isEqualTo(1);
            assertThat(store.customers().find(tenant, mine.id())).contains(mine);
            assertThat(store.transcripts().count(tenant, a.id())).isEqualTo(1);
        }
    }

    // ---- erasure --------------------------------------------------------------------------------------

    @Nested
    class Erasure {
        @Test
        void shouldLeaveNothingOfAnErasedCustomerAndTouchNoOneElse() {
            Customer gone = newCustomer(tenant);
            ExternalId sms = new ExternalId(Channel.SMS, "+905550000000");
            store.customers().addExternalId(tenant, gone.id(), sms);
            Conversation old = newConversation(tenant, gone);
            store.transcripts().append(message(old, "my card is ...", Optional.of("k1")));
            store.conversations().update(old.withStatus(ConversationStatus.CLOSED, t0));
            Conversation current = newConversation(tenant, gone);
            store.transcripts().append(message(current, "hello again"));
            store.transcripts().append(message(current, "anyone?"));

            Customer kept = newCustomer(tenant);
            Conversation keptConv = newConversation(tenant, kept);
            store.transcripts().append(message(keptConv, "I stay"));

            ErasureReport report = store.eraseCustomer(tenant, gone.id());

            assertThat(report).isEqualTo(new ErasureReport(1, 2, 3));
            assertThat(store.customers().find(tenant, gone.id())).isEmpty();
            assertThat(store.customers().findByExternalId(tenant, sms)).isEmpty();
            assertThat(store.conversations().find(tenant, old.id())).isEmpty();
            assertThat(store.conversations().find(tenant, current.id())).isEmpty();
            assertThat(store.conversations().findActive(tenant, gone.id())).isEmpty();
            assertThat(store.conversations().listByCustomer(tenant, gone.id())).isEmpty();
            assertThatThrownBy(() -> store.transcripts().read(tenant, old.id(), 0, 10))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> store.transcripts().read(tenant, current.id(), 0, 10))
                    .isInstanceOf(NotFoundException.class);

            // the freed external id can be used by a new customer
            store.customers().insert(Customer.create(tenant, CustomerId.of("newcomer"), sms, t0));
            assertThat(store.customers().findByExternalId(tenant, sms).map(Customer::id))
                    .contains(CustomerId.of("newcomer"));

            assertThat(store.customers().find(tenant, kept.id())).contains(kept);
            assertThat(readAll(keptConv, 10)).extracting(Message::text).containsExactly("I stay");
        }

        @Test
        void shouldTreatErasingAnUnknownCustomerAsNothingToDo() {
            assertThat(store.eraseCustomer(tenant, CustomerId.of("nobody"))).isEqualTo(new ErasureReport(0, 0, 0));
            Customer c = newCustomer(tenant);
            store.eraseCustomer(tenant, c.id());
            assertThat(store.eraseCustomer(tenant, c.id())).isEqualTo(new ErasureReport(0, 0, 0));
        }
    }
}
