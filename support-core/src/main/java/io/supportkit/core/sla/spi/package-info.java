/** What the engine or host implements for SLAs: event listeners and escalation handlers. */
package io.supportkit.core.sla.spi;
