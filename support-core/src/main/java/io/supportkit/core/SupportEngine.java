package io.supportkit.core;

import io.supportkit.ConfigurationException;
import io.supportkit.NotFoundException;
import io.supportkit.core.internal.ConversationLifecycle;
import io.supportkit.core.internal.CustomerDirectory;
import io.supportkit.core.internal.EngineSettings;
import io.supportkit.core.internal.EventPublisher;
import io.supportkit.core.internal.MessageInsight;
import io.supportkit.core.internal.RoutingBridge;
import io.supportkit.core.internal.SlaBridge;
import io.supportkit.nlp.Redactor;
import io.supportkit.nlp.TextAnalyzer;
import io.supportkit.routing.Router;
import io.supportkit.core.sla.EscalationAction;
import io.supportkit.core.sla.SlaMetric;
import io.supportkit.core.sla.SlaPolicies;
import io.supportkit.core.sla.SlaPolicy;
import io.supportkit.core.timer.TimerWheel;
import io.supportkit.core.spi.IdGenerator;
import io.supportkit.core.spi.OutboundSink;
import io.supportkit.core.spi.SupportEventListener;
import io.supportkit.internal.Require;
import io.supportkit.storage.NewMessage;
import io.supportkit.storage.memory.InMemorySupportStore;
import io.supportkit.storage.spi.SupportStore;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The support engine a host embeds: one per application, shared by all threads.
 *
 * <p>Built once with {@link #builder()}, immutable and thread-safe afterwards. Its work is split into role
 * interfaces: {@link #conversations()} for the conversation lifecycle and {@link #customers()} for customers
 * and their data rights.
 *
 * <pre>{@code
 * SupportEngine engine = SupportEngine.builder()
 *         .clock(InstantSource.system())
 *         .store(new InMemorySupportStore())
 *         .outbound(out -> transport.send(out.recipient(), out.message().text()))
 *         .listener(event -> metrics.record(event))
 *         .build();
 *
 * ReceiveResult r = engine.conversations().receive(
 *         InboundMessage.of(TenantId.of("acme"), new ExternalId(Channel.WEB, "visitor-9"), "Where is my order?"));
 * }</pre>
 */
public final class SupportEngine {
    private final EngineSettings settings;
    private final Conversations conversations;
    private final Customers customers;
    private final Optional<Router> router;

    private SupportEngine(EngineSettings settings) {
        this.settings = settings;
        List<SupportEventListener> listeners = new ArrayList<>();
        Optional<SlaBridge> sla = settings.slaPolicies().map(p -> new SlaBridge(p, settings.timers()));
        // the SLA clocks hear every step first, so SLA notices follow the step that caused them
        sla.ifPresent(listeners::add);
        Optional<RoutingBridge> routing = settings.routing().map(b -> new RoutingBridge());
        routing.ifPresent(listeners::add);
        // the host's router configuration on the engine's clock, plus the engine's own listener; a copy, so the
        // host's builder is left as it was apart from the clock
        this.router = routing.map(bridge -> settings.routing().orElseThrow().clock(settings.clock()).build()
                .newBuilder().listener(bridge).build());
        router.ifPresent(r -> settings.slaPolicies().ifPresent(p -> requireRerouteQueues(p, r)));
        MessageInsight insight = new MessageInsight(settings.analyzer(), settings.redactor());
        listeners.add(insight);
        listeners.addAll(settings.listeners());
        EventPublisher events = new EventPublisher(listeners);
        CustomerDirectory directory = new CustomerDirectory(settings, events);
        ConversationLifecycle lifecycle = new ConversationLifecycle(settings, events, directory, insight);
        sla.ifPresent(bridge -> {
            bridge.connect(lifecycle);
            lifecycle.attach(bridge);
        });
        routing.ifPresent(bridge -> bridge.connect(router.orElseThrow(), lifecycle));
        this.customers = directory;
        this.conversations = lifecycle;
    }

    /**
     * A policy that reroutes to a queue the router does not have is a configuration error, found at build: at run
     * time the transfer would fail when the SLA breaches, and the router would release the agent's capacity while
     * the conversation still showed the agent. The router's queues are fixed when it is built.
     */
    private static void requireRerouteQueues(SlaPolicies policies, Router router) {
        for (SlaPolicy policy : policies.asList()) {
            for (SlaMetric metric : SlaMetric.values()) {
                List<EscalationAction> actions = new ArrayList<>(policy.warningActions(metric));
                actions.addAll(policy.breachActions(metric));
                for (EscalationAction action : actions) {
                    if (action instanceof EscalationAction.Reroute reroute) {
                        try {
                            router.queueStats(reroute.queue());
                        } catch (NotFoundException e) {
                            throw new ConfigurationException("SLA policy " + Require.quote(policy.id())
                                    + " reroutes " + metric + " to queue " + Require.quote(reroute.queue())
                                    + ", which the router does not have", e);
                        }
                    }
                }
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this engine's configuration, to derive a differently configured engine. The derived engine
     * gets a timer wheel of its own, unless the host gave this engine one with {@link Builder#timers}: then the two
     * share it, and either's {@link #tick()} runs both engines' timers.
     */
    public Builder newBuilder() {
        return new Builder(settings);
    }

    public Conversations conversations() {
        return conversations;
    }

    public Customers customers() {
        return customers;
    }

    /**
     * Runs every timer that is due by the engine's clock (SLA warnings and breaches, reassign-on-no-reply) on
     * the calling thread, and returns how many ran. Call it periodically (a scheduled executor every 100 ms,
     * or {@code timers().driveWith(...)}); with a virtual clock, call it after each advance.
     */
    public long tick() {
        router.ifPresent(Router::tick);
        return settings.timers().advance();
    }

    /**
     * The router that gives conversations to agents, when the engine was built with
     * {@link Builder#routing(Router.Builder)}: register agents, set their presence, accept or reject offers here.
     * A conversation is a task with the conversation id as task id and the lower-case channel name
     * ({@code web}, {@code sms}, {@code whatsapp}, ...) as routing channel.
     */
    public Optional<Router> router() {
        return router;
    }

    /** The timer wheel behind every deadline of this engine, on the engine's clock. */
    public TimerWheel timers() {
        return settings.timers();
    }

    /** The clock every timestamp of this engine comes from. */
    public InstantSource clock() {
        return settings.clock();
    }

    /**
     * Configures a {@link SupportEngine}. Not thread-safe; {@link #build()} validates everything and names the
     * bad value. Only the outbound sink is required.
     *
     * <table>
     *   <caption>Defaults</caption>
     *   <tr><th>setting</th><th>default</th></tr>
     *   <tr><td>clock</td><td>{@link InstantSource#system()}</td></tr>
     *   <tr><td>store</td><td>a new {@link InMemorySupportStore}</td></tr>
     *   <tr><td>idGenerator</td><td>{@link IdGenerator#randomUuid()}</td></tr>
     *   <tr><td>acknowledgement</td><td>{@value #DEFAULT_ACKNOWLEDGEMENT}</td></tr>
     *   <tr><td>botName</td><td>{@code bot}</td></tr>
     *   <tr><td>reopenWindow</td><td>7 days</td></tr>
     *   <tr><td>maxMessageLength</td><td>10,000 characters</td></tr>
     *   <tr><td>sla</td><td>none: no SLA clocks</td></tr>
     *   <tr><td>timers</td><td>a 1 ms {@link TimerWheel} on the engine's clock</td></tr>
     *   <tr><td>routing</td><td>none: agents join by hand</td></tr>
     *   <tr><td>analyzer</td><td>none: no language, sentiment or entities</td></tr>
     *   <tr><td>redactor</td><td>the analyser's, else {@link Redactor#masking()}: secrets never stored</td></tr>
     * </table>
     */
    public static final class Builder {
        public static final String DEFAULT_ACKNOWLEDGEMENT =
                "Thanks, we have your message. An agent will answer you here as soon as possible.";

        private InstantSource clock = InstantSource.system();
        private SupportStore store;
        private OutboundSink outbound;
        private final List<SupportEventListener> listeners = new ArrayList<>();
        private IdGenerator idGenerator = IdGenerator.randomUuid();
        private Optional<String> acknowledgement = Optional.of(DEFAULT_ACKNOWLEDGEMENT);
        private String botName = "bot";
        private Duration reopenWindow = Duration.ofDays(7);
        private int maxMessageLength = 10_000;
        private Optional<SlaPolicies> sla = Optional.empty();
        private TimerWheel timers;
        private Optional<Router.Builder> routing = Optional.empty();
        private Optional<TextAnalyzer> analyzer = Optional.empty();
        private Redactor redactor;

        private Builder() {
        }

        private Builder(EngineSettings s) {
            clock = s.clock();
            store = s.store();
            outbound = s.outbound();
            listeners.addAll(s.listeners());
            idGenerator = s.idGenerator();
            acknowledgement = s.acknowledgement();
            botName = s.botName();
            reopenWindow = s.reopenWindow();
            maxMessageLength = s.maxMessageLength();
            sla = s.slaPolicies();
            // the engine's own wheel stays its own: a derived engine that shared it would run this engine's timers
            // on its tick (and its clock would be checked against a wheel the caller never chose)
            timers = s.timersFromHost() ? s.timers() : null;
            routing = s.routing();
            analyzer = s.analyzer();
            redactor = s.redactor();
        }

        /** Where every timestamp comes from; inject a virtual clock to replay traffic deterministically. */
        public Builder clock(InstantSource clock) {
            this.clock = clock;
            return this;
        }

        public Builder store(SupportStore store) {
            this.store = store;
            return this;
        }

        /** The host's transport for public messages to customers. Required. */
        public Builder outbound(OutboundSink sink) {
            this.outbound = sink;
            return this;
        }

        /** Adds a listener; listeners are called in the order they were added. */
        public Builder listener(SupportEventListener listener) {
            if (listener == null) {
                throw new ConfigurationException("listener must not be null");
            }
            listeners.add(listener);
            return this;
        }

        public Builder idGenerator(IdGenerator generator) {
            this.idGenerator = generator;
            return this;
        }

        /** The text the bot sends at once when a conversation starts or is reopened. */
        public Builder acknowledgement(String text) {
            if (text == null) {
                throw new ConfigurationException("acknowledgement must not be null; use noAcknowledgement()");
            }
            this.acknowledgement = Optional.of(text);
            return this;
        }

        /** Sends no acknowledgement at all. */
        public Builder noAcknowledgement() {
            this.acknowledgement = Optional.empty();
            return this;
        }

        /** The author id of the bot's messages; bots say they are bots (R5). */
        public Builder botName(String name) {
            this.botName = name;
            return this;
        }

        /** How long after resolution a customer's new message reopens the conversation instead of starting one. */
        public Builder reopenWindow(Duration window) {
            this.reopenWindow = window;
            return this;
        }

        /** Longest message text the engine accepts, at most {@value NewMessage#MAX_TEXT_LENGTH}. */
        public Builder maxMessageLength(int length) {
            this.maxMessageLength = length;
            return this;
        }

        /**
         * SLA policies whose clocks run on every conversation (R8); the first matching policy applies. Events
         * arrive as {@link io.supportkit.core.event.SlaUpdate}s, escalations act on the conversation.
         */
        public Builder sla(SlaPolicies policies) {
            if (policies == null) {
                throw new ConfigurationException("sla policies must not be null");
            }
            this.sla = Optional.of(policies);
            return this;
        }

        /**
         * Routes every conversation that needs a person (R4): new and reopened ones, and ones taken back from an
         * agent. The router's assignments make the agent join; resolving or closing frees their capacity. The
         * engine sets the builder's clock to its own and builds its router from it.
         */
        public Builder routing(Router.Builder routerConfig) {
            if (routerConfig == null) {
                throw new ConfigurationException("routing must not be null");
            }
            this.routing = Optional.of(routerConfig);
            return this;
        }

        /**
         * Analyses every customer message (R1, R3, R9, R10): the redacted text is what gets stored, the
         * conversation learns its language, an angry or churning customer raises the priority and tags the
         * conversation, and the analysis rides on {@link io.supportkit.core.event.MessageReceived}. Build the
         * analyser once and share it: it loads its language model on build.
         */
        public Builder analyzer(TextAnalyzer textAnalyzer) {
            if (textAnalyzer == null) {
                throw new ConfigurationException("analyzer must not be null");
            }
            this.analyzer = Optional.of(textAnalyzer);
            return this;
        }

        /**
         * Redacts secrets (card numbers, IBANs, national ids, passwords, e-mails, phone numbers) from every text
         * before it is stored or delivered (R9). Defaults to the analyser's redactor, or the masking one.
         */
        public Builder redactor(Redactor textRedactor) {
            if (textRedactor == null) {
                throw new ConfigurationException("redactor must not be null");
            }
            this.redactor = textRedactor;
            return this;
        }

        /** The timer wheel for every deadline; it must run on the engine's clock. */
        public Builder timers(TimerWheel wheel) {
            this.timers = wheel;
            return this;
        }

        public SupportEngine build() {
            if (clock == null) {
                throw new ConfigurationException("clock must not be null");
            }
            if (outbound == null) {
                throw new ConfigurationException("outbound sink must be set: the engine needs somewhere to deliver"
                        + " replies");
            }
            if (idGenerator == null) {
                throw new ConfigurationException("idGenerator must not be null");
            }
            acknowledgement.ifPresent(text -> {
                if (text.isBlank() || text.length() > NewMessage.MAX_TEXT_LENGTH
                        || Require.firstUnpairedSurrogate(text) >= 0) {
                    throw new ConfigurationException("acknowledgement must be non-blank well-formed text of at most "
                            + NewMessage.MAX_TEXT_LENGTH + " characters, was \"" + abbreviate(text) + "\"");
                }
            });
            if (botName == null || botName.isBlank() || botName.length() > Require.MAX_ID_LENGTH
                    || botName.chars().anyMatch(Character::isISOControl)) {
                throw new ConfigurationException("botName must be a non-blank id of at most " + Require.MAX_ID_LENGTH
                        + " characters, was " + (botName == null ? "null" : "\"" + abbreviate(botName) + "\""));
            }
            if (reopenWindow == null || reopenWindow.isNegative()) {
                throw new ConfigurationException("reopenWindow must be zero or positive, was " + reopenWindow);
            }
            if (maxMessageLength < 1 || maxMessageLength > NewMessage.MAX_TEXT_LENGTH) {
                throw new ConfigurationException("maxMessageLength must be between 1 and "
                        + NewMessage.MAX_TEXT_LENGTH + ", was " + maxMessageLength);
            }
            if (timers != null && timers.clock() != clock) {
                throw new ConfigurationException("the timer wheel runs on " + timers.clock()
                        + " but the engine on " + clock + "; build the wheel with the engine's clock");
            }
            TimerWheel wheel = timers != null ? timers : TimerWheel.builder().clock(clock).build();
            SupportStore chosen = store != null ? store : new InMemorySupportStore();
            return new SupportEngine(new EngineSettings(clock, chosen, outbound, List.copyOf(listeners), idGenerator,
                    acknowledgement, botName, reopenWindow, maxMessageLength, sla, wheel, routing, analyzer,
                    redactor != null ? redactor : analyzer.map(TextAnalyzer::redactor).orElseGet(Redactor::masking),
                    timers != null));
        }

        private static String abbreviate(String s) {
            return s.length() <= 40 ? s : s.substring(0, 40) + "...";
        }
    }
}
