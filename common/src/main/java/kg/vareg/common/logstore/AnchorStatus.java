package kg.vareg.common.logstore;

/** Fate of an anchor transaction; see V1__merkle_log.sql for the life cycle. */
public enum AnchorStatus {
    PENDING, MINED, CONFIRMED, DROPPED, FAILED;

    /** Counts as "this size is (being) anchored": at most one live anchor per size. */
    public boolean live() {
        return this == PENDING || this == MINED || this == CONFIRMED;
    }
}
