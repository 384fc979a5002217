package ru.rosobr.assistant.operator.users;

/** Console roles; the JWT's {@code roles} claim carries their names. */
public enum Role {
    /** works the appeals of one region */
    OPERATOR,
    /** everything of one region, read-mostly; reassigns and escalates */
    REGIONAL_HEAD,
    /** Rosobrnadzor staff: every region, the federal-control queue */
    FEDERAL,
    /** curates the knowledge base */
    KB_EDITOR,
    /** users, regions, shifts */
    ADMIN;

    /** Whether the role is bound to one region (its holder has a region code). */
    public boolean regional() {
        return this == OPERATOR || this == REGIONAL_HEAD;
    }
}
