/** What the engine or host implements for SLAs: event listeners, escalation handlers and the progress store. */
package io.supportkit.core.sla.spi;
