/**
 * Typed events of the engine, published to {@link io.supportkit.core.spi.SupportEventListener}s after each
 * stored change.
 */
package io.supportkit.core.event;
