package kg.vareg.bench.http;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Seeds the register with {@code n} registered emissions (5 per issuer) by SQL, in the backend's own tables
 * (after the backend migrated them), so that GET /api/v1/public/register/{number} reads real rows through
 * the real query. Numbers follow ¶67-68: KG0 + type 2 + region 07 + issuer code + serial.
 */
public final class RegisterSeeder {

    static final int PER_ISSUER = 5;

    private RegisterSeeder() {
    }

    public static String issuerCode(long issuer) {
        return (char) ('A' + issuer / 1000) + String.format("%03d", issuer % 1000);
    }

    /** The registration number of emission {@code i} (0-based). */
    public static String number(long i) {
        return "KG0207" + issuerCode(i / PER_ISSUER) + (i % PER_ISSUER + 1);
    }

    public static void seed(JdbcTemplate jdbc, int n) {
        if (n > 26_000 * PER_ISSUER) {
            throw new IllegalArgumentException("at most " + 26_000 * PER_ISSUER + " emissions");
        }
        int issuers = (n + PER_ISSUER - 1) / PER_ISSUER;
        jdbc.update("""
                INSERT INTO registry.issuer (id, version, kind, full_name, legal_form, state_registration_data, legal_address,
                       issuer_code, region, status, private_data, private_salt, private_commitment, created_at)
                SELECT md5('issuer' || g)::uuid, 0, 'LEGAL_ENTITY', 'Issuer ' || g || ' LLC', 'LLC', 'reg ' || g,
                       'Bishkek, street ' || g, chr(65 + g / 1000) || lpad((g % 1000)::text, 3, '0'), '07', 'ACTIVE',
                       '{}', '\\x00', 'sha256:' || md5('p' || g), now()
                  FROM generate_series(0, ? - 1) g""", issuers);
        jdbc.update("""
                INSERT INTO registry.emission (id, version, issuer_id, state, va_type, quantity, minimum_quantity,
                       token_decimals, nominal_value, nominal_currency, placement_price, placement_start, placement_end,
                       placement_terms, circulation_terms, blockchain, issuer_wallet, token_address, white_paper_sha256,
                       registered_on, registration_number, placement_started_on, created_at, updated_at)
                SELECT md5('emission' || g)::uuid, 0, md5('issuer' || (g / 5))::uuid, 'PLACEMENT', 'DIGITAL_TOKEN',
                       1000000, 1000, 18, 1, 'KGS', '1 KGS', DATE '2026-01-10', DATE '2026-12-31', 'public offer',
                       'freely transferable', 'Ethereum', '0x' || lpad(to_hex(g + 1), 40, '0'),
                       '0x' || lpad(to_hex(g + 1000000), 40, '0'), encode(sha256(('wp' || g)::bytea), 'hex'),
                       DATE '2026-01-05', 'KG0207' || chr(65 + (g / 5) / 1000) || lpad(((g / 5) % 1000)::text, 3, '0') || (g % 5 + 1),
                       DATE '2026-01-12', now(), now()
                  FROM generate_series(0, ? - 1) g""", n);
        jdbc.update("""
                INSERT INTO registry.registration_number (number, emission_id, issuer_code, serial, status, assigned_on)
                SELECT e.registration_number, e.id, i.issuer_code, substr(e.registration_number, 11, 1)::int, 'ACTIVE', e.registered_on
                  FROM registry.emission e JOIN registry.issuer i ON i.id = e.issuer_id""");
        jdbc.execute("ANALYZE registry.issuer");
        jdbc.execute("ANALYZE registry.emission");
        jdbc.execute("ANALYZE registry.registration_number");
    }
}
