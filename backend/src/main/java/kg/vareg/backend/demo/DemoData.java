package kg.vareg.backend.demo;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import kg.vareg.backend.calendar.LegalTerm;
import kg.vareg.backend.calendar.WorkingDayCalendar;
import kg.vareg.backend.collateral.CollateralType;
import kg.vareg.backend.documents.DocumentKind;
import kg.vareg.backend.emissions.CollateralLine;
import kg.vareg.backend.emissions.Emission;
import kg.vareg.backend.emissions.EmissionService;
import kg.vareg.backend.emissions.EmissionTerms;
import kg.vareg.backend.issuers.Issuer;
import kg.vareg.backend.issuers.IssuerKind;
import kg.vareg.backend.issuers.IssuerService;
import kg.vareg.backend.numbering.IssuerCode;
import kg.vareg.backend.numbering.Region;
import kg.vareg.backend.numbering.VirtualAssetType;
import kg.vareg.backend.register.RegisterClock;
import kg.vareg.backend.security.CurrentActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.web3j.crypto.Keys;

/**
 * Demo data for the dev stack ({@code vareg.demo.enabled=true}): a money- and gold-backed stablecoin in placement
 * (token contract {@code vareg.demo.token-address}) and a government-securities-backed digital token whose public
 * offer was just disclosed. Both go through the real workflow — every step checked and journalled — with the
 * register's clock set back to the day each step would have happened. Runs once (skips when the demo issuers exist).
 */
@Component
@ConditionalOnProperty(name = "vareg.demo.enabled", havingValue = "true")
@org.springframework.core.annotation.Order(50) // before DemoAccounts (100), which binds the demo issuer's login
class DemoData implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final String STABLECOIN_ISSUER = "DEM1";
    static final String TOKEN_ISSUER = "DEM2";

    private final IssuerService issuers;
    private final EmissionService emissions;
    private final WorkingDayCalendar calendar;
    private final RegisterClock clock;
    private final JdbcTemplate jdbc;
    private final String tokenAddress;

    DemoData(IssuerService issuers, EmissionService emissions, WorkingDayCalendar calendar, RegisterClock clock,
            JdbcTemplate jdbc, @Value("${vareg.demo.token-address:}") String tokenAddress) {
        this.issuers = issuers;
        this.emissions = emissions;
        this.calendar = calendar;
        this.clock = clock;
        this.jdbc = jdbc;
        this.tokenAddress = tokenAddress;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM registry.issuer WHERE issuer_code = ?)",
                Boolean.class, STABLECOIN_ISSUER))) {
            log.info("demo data already present");
            return;
        }
        String stableToken = tokenAddress.isBlank() ? derivedAddress("vareg-demo-stablecoin") : Keys.toChecksumAddress(tokenAddress);
        LocalDate today = LocalDate.now(clock);
        stablecoinInPlacement(stableToken, today);
        digitalTokenOfferDisclosed(today);
        log.info("demo data created: stablecoin {} in placement, digital token with offer disclosed", stableToken);
    }

    private <T> T at(LocalDate day, Supplier<T> work) {
        return clock.runAt(ZonedDateTime.of(day, LocalTime.of(11, 0), RegisterClock.ZONE).toInstant(), work);
    }

    private LocalDate workday(LocalDate d) {
        return calendar.workingDayOnOrAfter(d);
    }

    private void stablecoinInPlacement(String token, LocalDate today) {
        CurrentActor system = CurrentActor.system();
        LocalDate filed = workday(today.minusDays(45));
        Issuer issuer = at(filed.minusDays(7), () -> issuers.create(new IssuerService.NewIssuer(IssuerKind.LEGAL_ENTITY,
                "Demo Som Stable LLC", "limited liability company", "Ministry of Justice reg. No. 000001-DEMO",
                "Erkindik boulevard 1, Bishkek", IssuerCode.of(STABLECOIN_ISSUER), Region.BISHKEK, "https://somstable.example",
                new IssuerService.PrivateData(List.of(Map.of("name", "Demo Founder One", "share", "100")),
                        List.of(Map.of("name", "Demo Founder One")), Map.of())), system));
        LocalDate offer = workday(filed.plusDays(10));
        LocalDate placementStart = calendar.deadline(LegalTerm.PLACEMENT_EARLIEST_AFTER_OFFER, offer);
        EmissionTerms terms = new EmissionTerms(VirtualAssetType.STABLECOIN, BigInteger.valueOf(1_000_000), BigInteger.valueOf(500_000),
                6, new BigDecimal("1.00"), "KGS", "1.00 KGS per token", placementStart, today.plusDays(20),
                "public placement on a licensed crypto exchange", null, "redeemable 1:1 in KGS", "redemption at nominal value",
                "vareg dev chain", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", token, null, "pledgor waives in favour of holders");
        List<CollateralLine> collateral = List.of(
                new CollateralLine(CollateralType.MONEY, new BigDecimal("700000.00"), "KGS", null, filed.minusDays(3),
                        "Demo Bank (escrow)", "KGS deposit in escrow"),
                new CollateralLine(CollateralType.GOLD, new BigDecimal("150000.00"), "KGS", filed.minusMonths(2),
                        filed.minusDays(3), "Demo Bank (vault)", "gold bar 999.9, 20 g"));
        UUID id = fileComplete(issuer, terms, collateral, filed, new BigDecimal("20.00"));
        LocalDate registered = workday(filed.plusDays(5));
        at(registered, () -> emissions.register(id, Optional.empty(), system));
        at(offer, () -> emissions.discloseOffer(id, Optional.empty(), offer, "https://somstable.example/offer", system));
        at(placementStart, () -> emissions.startPlacement(id, Optional.empty(), placementStart, system));
    }

    private void digitalTokenOfferDisclosed(LocalDate today) {
        CurrentActor system = CurrentActor.system();
        LocalDate filed = workday(today.minusDays(20));
        Issuer issuer = at(filed.minusDays(3), () -> issuers.create(new IssuerService.NewIssuer(IssuerKind.LEGAL_ENTITY,
                "Demo Treasury Token JSC", "joint-stock company", "Ministry of Justice reg. No. 000002-DEMO",
                "Lenin street 100, Osh", IssuerCode.of(TOKEN_ISSUER), Region.OSH_CITY, null,
                new IssuerService.PrivateData(List.of(Map.of("name", "Demo Founder Two", "share", "60"),
                        Map.of("name", "Demo Founder Three", "share", "40")), List.of(), Map.of())), system));
        LocalDate offer = workday(today.minusDays(2));
        LocalDate placementStart = calendar.deadline(LegalTerm.PLACEMENT_EARLIEST_AFTER_OFFER, offer);
        EmissionTerms terms = new EmissionTerms(VirtualAssetType.DIGITAL_TOKEN, BigInteger.valueOf(50_000), BigInteger.valueOf(10_000),
                18, new BigDecimal("100.00"), "KGS", "100 KGS per token", placementStart, placementStart.plusDays(60),
                "placement on a licensed crypto exchange", "5% discount in the first week", "transferable; redeemed at maturity",
                "coupon share of the underlying government securities", "vareg dev chain",
                "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB", derivedAddress("vareg-demo-digital-token"), null, null);
        List<CollateralLine> collateral = List.of(new CollateralLine(CollateralType.GOVERNMENT_SECURITIES,
                new BigDecimal("5000000.00"), "KGS", filed.minusMonths(2), filed.minusDays(2), "Central Depository of the KR",
                "KR treasury bonds, 2-year"));
        UUID id = fileComplete(issuer, terms, collateral, filed, new BigDecimal("100.00"));
        at(workday(filed.plusDays(7)), () -> emissions.register(id, Optional.empty(), system));
        at(offer, () -> emissions.discloseOffer(id, Optional.empty(), offer, "https://treasury-token.example/offer", system));
    }

    private UUID fileComplete(Issuer issuer, EmissionTerms terms, List<CollateralLine> collateral, LocalDate filed, BigDecimal upfront) {
        CurrentActor system = CurrentActor.system();
        return at(filed, () -> {
            Emission e = emissions.createDraft(issuer.id(), terms, collateral, system);
            for (DocumentKind k : Arrays.stream(DocumentKind.values()).filter(k -> k.packageItem().isPresent()
                    && k != DocumentKind.BLOCKCHAIN_DATA && k != DocumentKind.PASSPORT_COPY).toList()) {
                emissions.fileDocument(e.id(), k, k.name().toLowerCase() + ".txt", "text/plain",
                        ("demo " + k.description() + " of " + issuer.fullName()).getBytes(StandardCharsets.UTF_8), system);
            }
            emissions.recordFeePayment(e.id(), Optional.empty(), filed, upfront, "KGS", system);
            emissions.submit(e.id(), Optional.empty(), system);
            return e.id();
        });
    }

    /** A fixed, checksummed address for a demo contract that the dev stack does not deploy. */
    static String derivedAddress(String seed) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            return Keys.toChecksumAddress(org.web3j.utils.Numeric.toHexString(Arrays.copyOf(h, 20)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
