package io.supportkit.storage;

/** Who is handling a conversation right now: the bot until a human agent takes it over (R5). */
public enum Phase {
    BOT,
    HUMAN
}
