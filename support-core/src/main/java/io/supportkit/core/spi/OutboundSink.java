package io.supportkit.core.spi;

/**
 * The host's transport out: delivers a public message (an agent's reply, the bot's acknowledgement) to the
 * customer on their channel. Internal notes and system records are never handed to it.
 *
 * <h2>Threading</h2>
 * Called synchronously on the thread that called the engine, after the message is stored, while the engine
 * holds the conversation's customer lock, so deliveries of one conversation arrive in transcript order.
 * Implementations must be thread-safe and should hand off slow I/O (queue the message) instead of blocking.
 *
 * <h2>Failures</h2>
 * An exception thrown here never loses the message (it is already in the transcript) and never fails the
 * engine call: the engine publishes a {@link io.supportkit.core.event.DeliveryFailed} event instead.
 *
 * <pre>{@code
 * OutboundSink sink = out -> websocket.send(out.recipient().value(), out.message().text());
 * }</pre>
 */
@FunctionalInterface
public interface OutboundSink {
    void deliver(OutboundMessage message);
}
