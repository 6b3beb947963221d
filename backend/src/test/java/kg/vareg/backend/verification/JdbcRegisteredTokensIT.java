package kg.vareg.backend.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import kg.vareg.testsupport.TestChain;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The register adapter reads the register's own emission table on real PostgreSQL. */
class JdbcRegisteredTokensIT extends VerifierIntegrationTest {
    @Autowired
    JdbcRegisteredTokens adapter;
    @Autowired
    JdbcClient jdbc;

    @Test
    void registeredEmissionsAreWatchedOnTheChainNamedInTheDecisionWithQuantitiesInBaseUnits() {
        UUID issuer = UUID.randomUUID();
        UUID emission = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        String code = UUID.randomUUID().toString().substring(0, 4).toUpperCase().replaceAll("[^A-Z0-9]", "Q");
        jdbc.sql("""
                INSERT INTO registry.issuer (id, version, kind, full_name, legal_address, issuer_code, region, status,
                       private_data, private_salt, private_commitment, created_at)
                VALUES (?, 0, 'NATURAL_PERSON', 'Test Issuer', 'Bishkek', ?, 'BISHKEK', 'ACTIVE', '{}', '\\x00'::bytea, 'c', ?)""")
                .params(issuer, code, now).update();
        String token = "0x00000000000000000000000000000000000000c1";
        String wallet = TestChain.shared().account(1).getAddress();
        jdbc.sql("""
                INSERT INTO registry.emission (id, version, issuer_id, state, va_type, quantity, minimum_quantity, token_decimals,
                       nominal_value, nominal_currency, placement_price, placement_start, placement_end, placement_terms,
                       circulation_terms, blockchain, issuer_wallet, token_address, registration_number, placed_quantity,
                       created_at, updated_at)
                VALUES (?, 0, ?, 'SUCCESSFUL', 'STABLECOIN', 1000, 100, 6, 1, 'KGS', '1 KGS', ?, ?, 't', 'c',
                        'Vareg Dev Chain', ?, ?, ?, 700, ?, ?)""")
                .params(emission, issuer, LocalDate.of(2026, 1, 10), LocalDate.of(2026, 2, 10), wallet,
                        token.toUpperCase().replace("0X", "0x"), "KG0101" + code + "1", now, now)
                .update();

        MonitoredToken t = adapter.byAddress(TestChain.shared().chainId(), token).orElseThrow();

        assertThat(t.registrationNumber()).isEqualTo("KG0101" + code + "1");
        assertThat(t.phase()).isEqualTo(EmissionPhase.COMPLETED);
        assertThat(t.registeredQuantity()).isEqualTo(BigInteger.valueOf(1_000_000_000L));
        assertThat(t.reportedPlacedQuantity()).isEqualTo(BigInteger.valueOf(700_000_000L));
        assertThat(t.issuerWallet()).isEqualTo(wallet.toLowerCase());
        assertThat(t.vaType()).isEqualTo("STABLECOIN");
        assertThat(t.placementEnd()).isEqualTo(LocalDate.of(2026, 2, 10));
        assertThat(adapter.all()).extracting(MonitoredToken::tokenAddress).contains(token);
        assertThat(adapter.byAddress(999, token)).isEmpty();
    }
}
