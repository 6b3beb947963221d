-- ¶60, ¶67-68: every emission gets its own number; numbers are unique and never reused, and a
-- cancelled number stays cancelled (¶35-36, ¶47). The database enforces it, not only the code.
CREATE TABLE registration_number (
    number              TEXT        PRIMARY KEY CHECK (number ~ '^KG0[1-9A-Z][0-9]{2}[A-Z0-9]{4}[1-9]$'),
    emission_id         UUID        NOT NULL UNIQUE REFERENCES emission (id),
    issuer_code         VARCHAR(4)     NOT NULL,
    serial              INT         NOT NULL CHECK (serial BETWEEN 1 AND 99),
    status              TEXT        NOT NULL CHECK (status IN ('ACTIVE', 'CANCELLED')),
    assigned_on         DATE        NOT NULL,
    cancelled_on        DATE,
    cancellation_basis  TEXT,
    UNIQUE (issuer_code, serial),
    CHECK ((status = 'CANCELLED') = (cancelled_on IS NOT NULL))
);

CREATE FUNCTION registration_number_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'registration numbers are never deleted (¶60)';
    END IF;
    IF NEW.number <> OLD.number OR NEW.emission_id <> OLD.emission_id OR NEW.serial <> OLD.serial
       OR NEW.issuer_code <> OLD.issuer_code THEN
        RAISE EXCEPTION 'a registration number is never reassigned (¶60, ¶67)';
    END IF;
    IF OLD.status = 'CANCELLED' AND (NEW.status <> 'CANCELLED' OR NEW.cancelled_on <> OLD.cancelled_on) THEN
        RAISE EXCEPTION 'a cancelled registration number stays cancelled (¶35, ¶47)';
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER registration_number_guard BEFORE UPDATE OR DELETE ON registration_number
    FOR EACH ROW EXECUTE FUNCTION registration_number_guard();
