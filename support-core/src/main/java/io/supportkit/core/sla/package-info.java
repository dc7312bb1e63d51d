/** SLA policies and clocks: first/next response, updates, requester wait, agent work, resolution; events and escalations. */
package io.supportkit.core.sla;
