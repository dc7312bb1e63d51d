package io.supportkit.routing;

/**
 * A live snapshot for one skill: tasks waiting that need it and agents who have it. Immutable and thread-safe.
 *
 * <pre>{@code
 * SkillStats s = router.skillStats("billing");
 * }</pre>
 *
 * @param skill           the skill
 * @param waiting         waiting tasks that currently require it (required or not yet dropped optional)
 * @param availableAgents available agents with the skill and at least one spare unit
 * @param staffedAgents   available agents with the skill
 */
public record SkillStats(String skill, int waiting, int availableAgents, int staffedAgents) {
}
