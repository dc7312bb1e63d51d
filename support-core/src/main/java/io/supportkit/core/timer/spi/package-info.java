/** The durable-timer SPI: a store that keeps timers across restarts, and handlers per kind. */
package io.supportkit.core.timer.spi;
