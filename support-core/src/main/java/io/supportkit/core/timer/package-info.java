/** The hierarchical timer wheel driven by the injected clock, and durable timers on top of it. */
package io.supportkit.core.timer;
