package io.supportkit.core.internal;

import io.supportkit.core.sla.SlaPolicies;
import io.supportkit.core.spi.IdGenerator;
import io.supportkit.core.timer.TimerWheel;
import io.supportkit.nlp.Redactor;
import io.supportkit.nlp.TextAnalyzer;
import io.supportkit.routing.Router;
import io.supportkit.core.spi.OutboundSink;
import io.supportkit.core.spi.SupportEventListener;
import io.supportkit.storage.spi.SupportStore;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/** The validated configuration of one engine, shared by its parts. */
public record EngineSettings(InstantSource clock, SupportStore store, OutboundSink outbound,
                             List<SupportEventListener> listeners, IdGenerator idGenerator,
                             Optional<String> acknowledgement, String botName, Duration reopenWindow,
                             int maxMessageLength, Optional<SlaPolicies> slaPolicies, TimerWheel timers,
                             Optional<Router.Builder> routing, Optional<TextAnalyzer> analyzer, Redactor redactor,
                             boolean timersFromHost) {
}
