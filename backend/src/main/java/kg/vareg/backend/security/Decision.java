package kg.vareg.backend.security;

/**
 * The regulator's decisions that need four eyes: one staff member proposes, a different one confirms
 * (docs/security.md). Each names the ¶ of the decision itself.
 */
public enum Decision {
    REGISTER("¶10, ¶57, ¶67-68"),
    REFUSE("¶17-19"),
    SUSPEND("¶25(1), ¶50"),
    INVALIDATE("¶25(3)"),
    NOT_GENUINE("¶52"),
    CANCEL("¶45-47, ¶63");

    private final String paragraph;

    Decision(String paragraph) {
        this.paragraph = paragraph;
    }

    public String paragraph() {
        return paragraph;
    }
}
